"""The column-mapping step: which column of a postings CSV holds which field.

Shown when a CSV's header is recognised as nothing (`postings_fields.UnmappedHeader`): one
combo box per field, pre-filled with the guess from the column names. The import then runs
again with the chosen mapping, off the UI thread, through the same service as
`careerplanner dataset import FILE --map FIELD=COLUMN`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from careerplanner.importers.datasets.postings_fields import FIELD_NAMES, REQUIRED_FIELDS

NO_COLUMN = "(none)"

FIELD_LABELS = {
    "title": "Job title",
    "description": "Ad text (description)",
    "salary": "Salary range as text",
    "salary_min": "Salary from",
    "salary_max": "Salary to",
    "seniority": "Seniority",
    "role": "Role or category",
    "location": "Location",
    "salary_frequency": "Pay period (hourly, yearly)",
    "qualifications": "Minimum qualifications",
    "preferred": "Preferred skills",
    "job_id": "Job id (one posting per id)",
    "employer": "Employer",
    "job_class": "Standard job title",
}


class ColumnMappingDialog(QDialog):
    """One combo per posting field; OK once a title and a description are chosen."""

    def __init__(
        self,
        file_name: str,
        header: Sequence[str],
        guess: Mapping[str, str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Map the columns of {file_name}")
        self.setObjectName("columnMappingDialog")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Career Planner did not recognise the columns of {file_name}. If it holds job "
            "postings, say which column holds each field: the job title and the ad's text (*) "
            "are needed, the rest is optional."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        columns = [name for name in header if name]
        for field_name in FIELD_NAMES:
            combo = QComboBox(self)
            combo.setObjectName(f"map_{field_name}")
            combo.addItem(NO_COLUMN, None)
            for name in columns:
                combo.addItem(name, name)
            guessed = guess.get(field_name)
            if guessed in columns:
                combo.setCurrentIndex(columns.index(guessed) + 1)
            combo.currentIndexChanged.connect(self._update_ok)
            label = FIELD_LABELS.get(field_name, field_name)
            if field_name in REQUIRED_FIELDS:
                label += " *"
            form.addRow(label, combo)
            self.combos[field_name] = combo
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_ok()

    def choose(self, field_name: str, column: str | None) -> None:
        """Pick `column` (None: no column) for `field_name`, as the user would."""
        combo = self.combos[field_name]
        combo.setCurrentIndex(max(0, combo.findData(column)) if column else 0)

    def choice(self) -> dict[str, str | None]:
        """Field -> the chosen column, None where none is."""
        return {name: combo.currentData() for name, combo in self.combos.items()}

    def _update_ok(self) -> None:
        chosen = self.choice()
        ready = all(chosen[name] for name in REQUIRED_FIELDS)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)
