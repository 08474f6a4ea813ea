"""Text from files is shown as text, never read as HTML (issue 16, class 4).

Qt reads a label's or tooltip's text as rich text when it looks like HTML ("AutoText"): a
dataset or skill named `<img src="/dev/zero">` would then make Qt read that file each time the
name is shown. Every label on a screen or in a dialog is set to plain text (`make_labels_plain`),
unless our own code marked it as fixed markup (`RICH_TEXT_PROPERTY`); tooltips and other places
that only take rich text get the text escaped (`escaped_rich_text`). A screen on the start-up
path sets its own data labels plain (`make_plain`) and says so (`LABELS_PLAIN_ATTRIBUTE`): the
walk would cost its first paint ~10 ms of Qt wrappers and enums.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

# Qt.TextFormat.PlainText, set by number through the property system: naming the enum builds
# every Qt enum (~27 ms), which the start-up path would pay.
PLAIN_TEXT = 0
RICH_TEXT_PROPERTY = "richText"  # a label holding our own fixed markup (never text from files)
LABELS_PLAIN_ATTRIBUTE = "labels_plain"  # True on a screen that makes its own labels plain
_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"))


def make_plain(label: QLabel) -> QLabel:
    label.setProperty("textFormat", PLAIN_TEXT)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows `text` literally, whatever it contains."""
    label = make_plain(QLabel(parent))
    label.setText(text)  # after the format: a label given rich text lays it out at once
    return label


def make_labels_plain(root: QWidget) -> None:
    """Every label under `root` shows its text literally, except our own marked markup."""
    for label in root.findChildren(QLabel):
        if not label.property(RICH_TEXT_PROPERTY):
            make_plain(label)


def escaped_rich_text(text: str) -> str:
    """`text` as rich text that Qt shows literally (for tooltips: they are always AutoText)."""
    if not text:
        return ""
    # By hand, not html.escape: the html module loads its entity table (~1 ms of a start).
    for markup, entity in _ENTITIES:
        text = text.replace(markup, entity)
    return "<p>" + text.replace("\n", "<br>") + "</p>"
