"""Notes and the call log on the card: type a note and press Enter to keep it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storage import Call, Note

from .. import formatting


class NotesPanel(QWidget):
    note_entered = Signal(str)
    all_calls_requested = Signal()  # "Alle gesprekken": this client's calls in Gesprekken

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entry = QLineEdit()
        self.entry.setObjectName("note_entry")
        self.entry.setPlaceholderText(self.tr("Notitie toevoegen… (Ctrl+N, Enter bewaart)"))
        self.entry.returnPressed.connect(self._enter)
        self.notes = QListWidget()
        self.notes.setObjectName("notes")
        self.notes.setWordWrap(True)
        self.calls_label = QLabel(self.tr("<b>Gesprekken</b>"))
        self.all_calls = QLabel(
            '<a href="calls">' + self.tr("Alle gesprekken van deze klant…") + "</a>"
        )
        self.all_calls.setObjectName("all_calls")
        self.all_calls.linkActivated.connect(lambda _href: self.all_calls_requested.emit())
        calls_head = QHBoxLayout()
        calls_head.setContentsMargins(0, 0, 0, 0)
        calls_head.addWidget(self.calls_label)
        calls_head.addStretch(1)
        calls_head.addWidget(self.all_calls)
        self.calls = QListWidget()
        self.calls.setObjectName("calls")
        self.calls.setWordWrap(True)
        for view in (self.notes, self.calls):
            view.setMinimumHeight(44)
            view.setMaximumHeight(66)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.entry)
        layout.addWidget(self.notes)
        layout.addLayout(calls_head)
        layout.addWidget(self.calls)

    def _enter(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.note_entered.emit(text)

    def set_notes(self, notes: list[Note]) -> None:
        self.notes.clear()
        for note in notes:
            item = QListWidgetItem(f"{formatting.when(note.at)} — {note.text}")
            self.notes.addItem(item)
        if not notes:
            self.notes.addItem(self.tr("Nog geen notities."))

    def set_calls(self, calls: list[Call]) -> None:
        self.calls.clear()
        for call in calls:
            if call.missed:
                direction = self.tr("gemist")
            elif call.direction == "in":
                direction = self.tr("inkomend")
            else:
                direction = self.tr("uitgaand")
            parts = [formatting.when(call.at), direction]
            if call.number:
                parts.append(formatting.phone(call.number))
            seconds = call.duration_seconds
            if seconds:
                parts.append(self.tr("%1 min").replace("%1", str(max(1, round(seconds / 60)))))
            line = " · ".join(parts)
            if call.note:
                line += f" — {call.note}"
            self.calls.addItem(line)
        if not calls:
            self.calls.addItem(self.tr("Nog geen gesprekken."))
