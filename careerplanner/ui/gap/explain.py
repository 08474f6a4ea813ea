""" "How is this computed?": the Gap screen's explanation, inside the app (the built app carries
no docs folder). Our own fixed text; the level mapping comes from the code that applies it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from careerplanner.store.market.levels import mapping_rows

EXPLANATION = """\
### What a role requires

From the active O\\*NET version:

- **Technologies** the occupation lists as *In Demand* or *Hot* (every listed one when you tick
  "Include every listed technology"). O\\*NET gives no level for technologies, so the required
  depth is an **estimate**: In Demand L3, Hot L2, otherwise L2. Weight: In Demand 0.9, Hot 0.6,
  listed 0.3.
- **O\\*NET skill and knowledge ratings** of importance 3 of 5 or more. The required depth is
  an **estimate**: O\\*NET's level (LV, 0–7) mapped onto L0–L5 (table below). Weight:
  (importance − 1) / 4.

When O\\*NET has no ratings for an occupation, those of the closest related occupation are used,
and the screen says so.

### Your level

Your override when you set one, else the level inferred from your resume. A skill you have under
another name (SQL for "Structured query language SQL") counts. O\\*NET ratings a resume never
names ("Critical Thinking") are **not rated**: shown, but left out of the fit until you set your
level ("Set as my level"). Programming is estimated from your programming languages.

### Gap, priority, fit

- **Gap** = required depth − your level (never below 0).
- **Priority** = weight × gap: what to learn first.
- **Fit** = the weighted share of the counted requirements you meet. Technologies of one O\\*NET
  category (MySQL, PostgreSQL, …) are alternatives: the category counts once and is met by any
  one of them.
- **What if**: the fit with one level changed.

### Pay

The occupation's BLS wage percentiles (pay for the occupation, not a prediction for you), and,
when a job-postings dataset is installed, the median pay of postings with and without a skill,
with both counts. That is an association, not a promise.

### O\\*NET level to depth

| Depth | O\\*NET level (LV) | Anchor |
|---|---|---|
"""


def explanation_markdown() -> str:
    def escaped(text: str) -> str:  # "O*NET" must not start Markdown emphasis
        return text.replace("*", "\\*")

    rows = "\n".join(
        f"| {depth} | {lv} | {escaped(anchor)} |" for depth, lv, anchor in mapping_rows()
    )
    return EXPLANATION + rows + "\n"


class ExplainDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("How is the gap computed?")
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setAccessibleName("How the gap is computed")
        self.text.setOpenExternalLinks(False)
        self.text.setMarkdown(explanation_markdown())
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
