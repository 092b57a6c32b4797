"""Phone numbers and e-mail addresses: a link to call or mail, a copy button, and an
entry to add one. Long lists (a client with 50 numbers) show five and fold the rest."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from storage import StoredField

from .. import formatting
from ..icons import icon
from .source import SourceButton

FOLD_AFTER = 5


class ContactList(QWidget):
    """kind 'phone' or 'email'. Signals carry the stored value (E.164 for phones)."""

    copy_requested = Signal(str, str)  # value, shown text
    link_requested = Signal(str)  # tel:... or mailto:...
    remove_requested = Signal(str)
    add_requested = Signal(str)  # as typed
    source_requested = Signal(object, object)  # field record, widget

    def __init__(self, kind: str, parent=None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.values: list[str] = []
        self.read_only = False
        self._expanded = False
        self._sources: dict[str, StoredField] = {}
        self._unchecked: set[str] = set()
        self.rows = QVBoxLayout()
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(2)
        self.more = QPushButton()
        self.more.setFlat(True)
        self.more.clicked.connect(self._toggle)
        self.entry = QLineEdit()
        self.entry.setObjectName(f"add_{kind}")
        self.entry.setPlaceholderText(
            self.tr("Nummer toevoegen… (Enter)")
            if kind == "phone"
            else self.tr("E-mailadres toevoegen… (Enter)")
        )
        self.entry.returnPressed.connect(self._add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.rows)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.entry)

    def set_read_only(self, read_only: bool) -> None:
        """No adding or removing (the client file cannot be written)."""
        self.read_only = read_only
        self.entry.setReadOnly(read_only)
        for button in self.findChildren(QToolButton, f"remove_{self.kind}"):
            button.setHidden(read_only)

    def set_values(
        self,
        values: list[str],
        sources: dict[str, StoredField] | None = None,
        unchecked: set[str] | frozenset[str] = frozenset(),
    ) -> None:
        """unchecked: the values read from paper that nobody has checked yet (marked)."""
        self.values = list(values)
        self._sources = sources or {}
        self._unchecked = set(unchecked)
        self._rebuild()

    def _toggle(self) -> None:
        self._expanded = not self._expanded
        self._rebuild()

    def _rebuild(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        shown = self.values if self._expanded else self.values[:FOLD_AFTER]
        for value in shown:
            self.rows.addWidget(self._row(value))
        hidden = len(self.values) - FOLD_AFTER
        self.more.setVisible(hidden > 0)
        if hidden > 0:
            self.more.setText(
                self.tr("Minder tonen")
                if self._expanded
                else self.tr("Nog %1 tonen…").replace("%1", str(hidden))
            )
        if not self.values:
            empty = QLabel(self.tr("geen"))
            empty.setEnabled(False)
            self.rows.addWidget(empty)

    def _row(self, value: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        shown = formatting.phone(value) if self.kind == "phone" else value
        url = f"tel:{value}" if self.kind == "phone" else f"mailto:{value}"
        link = QLabel(f'<a href="{html.escape(url)}">{html.escape(shown)}</a>')
        link.setObjectName(f"{self.kind}_link")
        link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        link.setToolTip(self.tr("Bellen") if self.kind == "phone" else self.tr("E-mail schrijven"))
        if value in self._unchecked:  # as the card's other fields read from paper
            link.setStyleSheet("background: #fff8d6; border-bottom: 1px dashed #c9a227;")
            link.setToolTip(
                link.toolTip() + " — " + self.tr("van papier gelezen, nog niet gecontroleerd")
            )
        link.linkActivated.connect(self.link_requested.emit)
        copy = QToolButton()
        copy.setObjectName(f"copy_{self.kind}")
        copy.setIcon(icon("copy"))
        copy.setAutoRaise(True)
        copy.setToolTip(self.tr("Kopiëren"))
        copy.clicked.connect(lambda: self.copy_requested.emit(value, shown))
        layout.addWidget(link)
        layout.addWidget(copy)
        source = self._sources.get(value)
        if source:
            button = SourceButton(source)
            button.requested.connect(self.source_requested.emit)
            layout.addWidget(button)
        remove = QToolButton()
        remove.setObjectName(f"remove_{self.kind}")
        remove.setIcon(icon("remove"))
        remove.setAutoRaise(True)
        remove.setToolTip(self.tr("Verwijderen"))
        remove.clicked.connect(lambda: self.remove_requested.emit(value))
        layout.addWidget(remove)
        if self.read_only:
            remove.hide()
        layout.addStretch(1)
        return row

    def _add(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.add_requested.emit(text)
