"""The widgets of the client card, laid out in the groups a Dutch office uses. What they
do (saving, undo, checking) is the card's job (card.py); this only makes and places them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..data import ClientData
from ..documents.panel import DocumentsPanel
from .checking import CheckBar
from .contact import ContactList
from .fields import FieldEdit
from .notes import NotesPanel


class CardBody(QWidget):
    """Header, check bar and message; who and how to reach them on the left (what a caller
    needs first); the firm, the money and the notes on the right; below: the paper."""

    def __init__(self, data: ClientData) -> None:
        super().__init__()
        self.fields: dict[str, FieldEdit] = {}
        header = self._build_header()
        self.check_bar = CheckBar()
        left = self._build_left()
        right = self._build_right()
        docs_box = self._build_documents(data)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.setSpacing(4)
        outer.addLayout(header)
        outer.addWidget(self.check_bar)
        outer.addWidget(self.message)
        outer.addLayout(columns)
        outer.addWidget(docs_box)
        outer.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)
        outer.addStretch(1)

    def _build_header(self) -> QHBoxLayout:
        self.title = QLabel()
        self.title.setObjectName("card_title")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setWordWrap(True)
        self.badge = QLabel()
        self.badge.setObjectName("card_badge")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved_label")
        self.message = QLabel()
        self.message.setObjectName("card_message")
        self.message.setWordWrap(True)
        self.message.hide()
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.badge)
        header.addWidget(self.saved_label)
        return header

    def _build_left(self) -> QVBoxLayout:
        left = QVBoxLayout()
        left.addWidget(
            self._group(
                self.tr("Persoon"),
                [
                    ("name", self.tr("Naam")),
                    ("first_name", self.tr("Voornaam")),
                    ("tussenvoegsel", self.tr("Tussenvoegsel")),
                    ("last_name", self.tr("Achternaam")),
                ],
            )
        )
        contact = QGroupBox(self.tr("Contact"))
        contact_form = QFormLayout(contact)
        contact_form.setVerticalSpacing(2)
        self.phones = ContactList("phone")
        self.emails = ContactList("email")
        contact_form.addRow(self.tr("Telefoon"), self.phones)
        contact_form.addRow(self.tr("E-mail"), self.emails)
        left.addWidget(contact)
        left.addWidget(
            self._group(
                self.tr("Adres"),
                [
                    ("address.street", self.tr("Straat")),
                    ("address.house_number", self.tr("Huisnummer")),
                    ("address.postcode", self.tr("Postcode")),
                    ("address.city", self.tr("Plaats")),
                    ("address.country", self.tr("Land")),
                ],
            )
        )
        self.more_addresses = QLabel()
        self.more_addresses.setWordWrap(True)
        self.more_addresses.hide()
        left.addWidget(self.more_addresses)
        left.addStretch(1)
        return left

    def _build_right(self) -> QVBoxLayout:
        right = QVBoxLayout()
        right.addWidget(
            self._group(
                self.tr("Bedrijf"),
                [
                    ("company", self.tr("Bedrijfsnaam")),
                    ("legal_form", self.tr("Rechtsvorm")),
                    ("kvk", self.tr("KvK-nummer")),
                    ("btw", self.tr("Btw-nummer")),
                ],
            )
        )
        right.addWidget(
            self._group(
                self.tr("Financieel"),
                [
                    ("iban", self.tr("IBAN")),
                    ("bic", self.tr("BIC")),
                    ("client_since", self.tr("Klant sinds")),
                ],
            )
        )
        notes_box = QGroupBox(self.tr("Notities en gesprekken"))
        self.notes = NotesPanel()
        QVBoxLayout(notes_box).addWidget(self.notes)
        right.addWidget(notes_box, 1)
        return right

    def _build_documents(self, data: ClientData) -> QGroupBox:
        docs_box = QGroupBox(self.tr("Documenten"))
        self.documents = DocumentsPanel(data)
        QVBoxLayout(docs_box).addWidget(self.documents)
        self.export_button = QPushButton(self.tr("Alles van deze klant exporteren (AVG)…"))
        self.export_button.setObjectName("card_export")
        self.export_button.setFlat(True)
        self.export_button.setToolTip(
            self.tr("Voor een inzageverzoek: de kaart, de gelezen gegevens, de tekst en de scans")
        )
        return docs_box

    def _group(self, title: str, rows: list[tuple[str, str]]) -> QGroupBox:
        """A group of FieldEdits, one row per (key, label); they go into self.fields."""
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setVerticalSpacing(2)
        form.setContentsMargins(6, 4, 6, 4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in rows:
            edit = FieldEdit(key)
            edit.label = label  # for the undo menu: "Ongedaan maken: Postcode wijzigen"
            self.fields[key] = edit
            holder = QWidget()
            line = QHBoxLayout(holder)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(edit, 1)
            edit.source_slot = line  # a SourceButton goes here when OCR read this field
            form.addRow(label, holder)
        return box
