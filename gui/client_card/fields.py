"""An editable card field: looks like text until edited, validates, and lets Ctrl+Z reach
the card's undo stack once the edit is done."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit

from ..validation import check

# Fields read like text on a card until pointed at or edited.
STYLE = """
FieldEdit { border: 1px solid transparent; background: transparent; padding: 1px 2px; }
FieldEdit:hover { border: 1px solid #c8c8c8; background: white; }
FieldEdit:focus { border: 1px solid #1e88e5; background: white; }
FieldEdit[readOnly="true"]:hover { border: 1px solid transparent; background: transparent; }
FieldEdit[invalid="true"] { border: 2px solid #c62828; background: #fff1f0; }
FieldEdit[unchecked="true"] { background: #fff8d6; border-bottom: 1px dashed #c9a227; }
"""


class FieldEdit(QLineEdit):
    """commit(key, value) fires when an edit is finished with a valid, changed value;
    invalid(key, message) when the value does not pass validation."""

    commit = Signal(str, object)
    invalid = Signal(str, str)
    confirmed = Signal(str)  # Enter on an unchanged value: the person says it is right

    def __init__(self, key: str, check_as: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.key = key
        self.check_as = check_as or key.split(".")[-1]
        self.country = "NL"
        self._saved: str | None = None
        self._shown: str | None = None
        self.setObjectName(f"field_{key}")
        self.setProperty("invalid", False)
        self.setProperty("unchecked", False)
        self.editingFinished.connect(self._finish)
        self.returnPressed.connect(self._confirm)

    def set_unchecked(self, unchecked: bool) -> None:
        """Mark a value read from paper that nobody has checked yet."""
        if bool(self.property("unchecked")) == unchecked:
            return
        self.setProperty("unchecked", unchecked)
        if not self.property("invalid"):
            self.setToolTip(self._quiet_tip())
        self.style().unpolish(self)
        self.style().polish(self)

    def _quiet_tip(self) -> str:
        """The tooltip while the value is valid."""
        if self.property("unchecked"):
            return self.tr("Van papier gelezen, nog niet gecontroleerd: Enter als het klopt")
        return ""

    def _confirm(self) -> None:
        if self.property("unchecked") and self.text() == self._display_of_saved():
            self.confirmed.emit(self.key)

    def set_value(self, value: str | None, shown: str | None = None) -> None:
        """Show a stored value (shown: its display form, e.g. an IBAN in groups of four)."""
        self._saved = value or None
        self._shown = shown
        self.setText(shown if shown is not None else (value or ""))
        self.setModified(False)
        self._mark(False)

    @property
    def saved(self) -> str | None:
        return self._saved

    def _finish(self) -> None:
        if self.isReadOnly():
            return
        result = check(self.check_as, self.text(), self.country)
        if not result.ok:
            self._mark(True, result.error or "")
            self.invalid.emit(self.key, result.error or "")
            return
        self._mark(False)
        if (result.value or None) != self._saved:
            self.commit.emit(self.key, result.value)

    def _mark(self, bad: bool, message: str = "") -> None:
        tip = message or self._quiet_tip()
        if self.toolTip() != tip:
            self.setToolTip(tip)
        if bool(self.property("invalid")) == bad:
            return  # re-polishing costs a style pass: only when the look changes
        self.setProperty("invalid", bad)
        self.style().unpolish(self)
        self.style().polish(self)

    def event(self, event) -> bool:
        # While the text equals what is stored, Ctrl+Z is the card's undo (the last saved
        # change), not QLineEdit's own text undo, which would only change the screen.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and event.matches(QKeySequence.StandardKey.Undo)
            and self.text() == self._display_of_saved()
        ):
            event.ignore()
            return False
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and event.key() == Qt.Key.Key_Escape
            and self.text() != self._display_of_saved()
        ):
            event.accept()  # Esc first reverts the edit; a second Esc goes to the search
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and self.text() != self._display_of_saved()
        ):
            self.set_value(self._saved, self._shown)
            return True
        return super().event(event)

    def _display_of_saved(self) -> str:
        return self._shown if self._shown is not None else (self._saved or "")
