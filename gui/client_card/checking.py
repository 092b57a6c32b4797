"""Which values on the card were read from paper and not yet checked by a person, and the
bar that says so with one button (Ctrl+Shift+A) to accept them all. A value typed on the
card, or confirmed with Enter, counts as checked (storage: fields.accepted)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from storage import phones as phone_numbers
from storage.models import CLIENT_FIELDS, Client, StoredField

from ..data import ADDRESS_PARTS

# OCR field names (ocr/extract FIELDS) to the card's keys, and back
OCR_KEYS = {key: key for key in CLIENT_FIELDS} | {key: f"address.{key}" for key in ADDRESS_PARTS}
CARD_TO_OCR = {card: ocr for ocr, card in OCR_KEYS.items()}
ACCEPT_KEYS = "Ctrl+Shift+A"
STYLE = """
QFrame#check_bar { background: #fff8d6; border: 1px solid #e6c85a; border-radius: 4px; }
"""


def card_key(record: StoredField) -> str | None:
    """The card's key for a reading: "iban", "address.city", "phone:+31...", "email:..."."""
    if record.field in OCR_KEYS:
        return OCR_KEYS[record.field]
    if record.field == "phone":
        e164 = phone_numbers.normalize(record.value)
        return f"phone:{e164}" if e164 else None
    if record.field == "email":
        return f"email:{record.value.strip().lower()}"
    return None


def ocr_field(key: str) -> str | None:
    """The reading's field name for a card key (the reverse of card_key)."""
    if key.startswith(("phone:", "email:")):
        return key.split(":", 1)[0]
    return CARD_TO_OCR.get(key)


def _on_card(key: str, client: Client) -> bool:
    if key.startswith("phone:"):
        return key[6:] in client.numbers
    if key.startswith("email:"):
        return key[6:] in {e.lower() for e in client.emails}
    if key.startswith("address."):
        first = client.addresses[0] if client.addresses else None
        return first is not None and bool(getattr(first, key[8:], None))
    return bool(getattr(client, key, None))


def unchecked(fields: list[StoredField], client: Client) -> dict[str, StoredField]:
    """Card key -> its latest reading, for the values on the card that were read from
    paper and that nobody has checked yet."""
    latest: dict[str, StoredField] = {}
    for record in fields:  # oldest first: the latest reading of a key decides
        key = card_key(record)
        if key is not None:
            latest[key] = record
    return {k: r for k, r in latest.items() if not r.accepted and _on_card(k, client)}


class CheckBar(QFrame):
    """ "N gegevens van papier, nog niet gecontroleerd" with "Alles klopt"; hidden at 0."""

    accept_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("check_bar")
        self.setStyleSheet(STYLE)
        self.label = QLabel()
        self.label.setObjectName("check_text")
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Alles klopt (%1)").replace("%1", ACCEPT_KEYS))
        self.button.setObjectName("check_accept")
        self.button.setToolTip(
            self.tr("Alle van papier gelezen gegevens op deze kaart zijn gecontroleerd")
        )
        self.button.clicked.connect(self.accept_requested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 3, 3)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.count = 0
        self.hide()

    def show_count(self, count: int) -> None:
        self.count = count
        if count == 1:
            text = self.tr("1 gegeven is van papier gelezen en nog niet gecontroleerd (geel).")
        else:
            text = self.tr(
                "%1 gegevens zijn van papier gelezen en nog niet gecontroleerd (geel)."
            ).replace("%1", str(count))
        self.label.setText(text + " " + self.tr("Klopt er één? Klik erin en druk op Enter."))
        self.setVisible(count > 0)
