"""The client card: the fields in the groups a Dutch office uses, editable in place with
undo and validation, contact links, notes and calls, documents with thumbnails."""

from __future__ import annotations

import contextlib
import html

from PySide6.QtCore import Qt, QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from storage import phones as phone_numbers
from storage.models import CLIENT_FIELDS

from .. import formatting
from ..data import ClientData
from ..documents.images import load_page
from ..documents.panel import DocumentsPanel
from ..validation import check
from ..workers import submit
from .contact import ContactList
from .fields import STYLE, FieldEdit
from .notes import NotesPanel
from .source import CropPopup, SourceButton
from .undo import AddRemove, SetField

ADDRESS_KEYS = ("street", "house_number", "postcode", "city", "country")
# OCR field names (ocr/extract/model.py FIELDS) to the card's keys
OCR_KEYS = {key: key for key in CLIENT_FIELDS} | {key: f"address.{key}" for key in ADDRESS_KEYS}
CROP_MARGIN = 24
CROP_WIDTH = 560  # the popup fits beside the card on a 1366-pixel screen


class ClientCard(QScrollArea):
    """saved(client_id) after every successful write; page_requested(document, page) when a
    thumbnail is opened; status(text) for the status bar."""

    saved = Signal(int)
    page_requested = Signal(object, int)
    status = Signal(str)

    def __init__(self, data: ClientData, parent=None) -> None:
        super().__init__(parent)
        self.data = data
        self.client: dict | None = None
        self.undo_stack = QUndoStack(self)
        self.fields: dict[str, FieldEdit] = {}
        self.open_url = QDesktopServices.openUrl  # replaced in tests: no dialer is started
        self._sources: dict[str, dict] = {}
        self._crop = CropPopup(self)
        self._crop_cache: dict[int, QPixmap] = {}
        self._writes = 0  # saves queued on the write thread
        self._reload_due = False
        self.setObjectName("card")
        self.setWidgetResizable(True)
        self.setStyleSheet(STYLE)
        self._build()

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget()
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

        # Left: who and how to reach them (what a caller needs first); right: the firm,
        # the money and the notes; below: the paper.
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

        docs_box = QGroupBox(self.tr("Documenten"))
        self.documents = DocumentsPanel(self.data)
        QVBoxLayout(docs_box).addWidget(self.documents)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        outer = QVBoxLayout(body)
        outer.setSpacing(4)
        outer.addLayout(header)
        outer.addWidget(self.message)
        outer.addLayout(columns)
        outer.addWidget(docs_box)
        outer.addStretch(1)
        self.setWidget(body)

        for contact_list in (self.phones, self.emails):
            contact_list.copy_requested.connect(self._copy)
            contact_list.link_requested.connect(lambda url: self.open_url(QUrl(url)))
            contact_list.add_requested.connect(
                lambda text, kind=contact_list.kind: self._add_contact(kind, text)
            )
            contact_list.remove_requested.connect(
                lambda value, kind=contact_list.kind: self._remove_contact(kind, value)
            )
            contact_list.source_requested.connect(self.show_source)
        self.notes.note_entered.connect(self.add_note)
        self.documents.page_requested.connect(self.page_requested.emit)

    def _group(self, title: str, rows: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setVerticalSpacing(2)
        form.setContentsMargins(6, 4, 6, 4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in rows:
            edit = FieldEdit(key)
            edit.label = label  # for the undo menu: "Ongedaan maken: Postcode wijzigen"
            edit.commit.connect(self._commit)
            edit.invalid.connect(lambda _key, msg: self._say(msg, error=True))
            self.fields[key] = edit
            holder = QWidget()
            line = QHBoxLayout(holder)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(edit, 1)
            edit.source_slot = line  # a SourceButton goes here when OCR read this field
            form.addRow(label, holder)
        return box

    # -- showing a client -------------------------------------------------------------------

    def show_client(self, client: dict, fields: list[dict] | None = None) -> None:
        """Fill the card from a client dict (ClientFile.client) and its OCR fields."""
        same = self.client is not None and self.client["id"] == client["id"]
        if not same:
            self.undo_stack.clear()
            self.saved_label.clear()
            self.message.hide()
            self._crop.hide()
        self.client = client
        self.title.setText(f"<h2 style='margin:0'>{html.escape(client['name'] or '')}</h2>")
        archived = client.get("status") == "archived"
        self.badge.setText(self.tr("Gearchiveerd") if archived else "")
        self.badge.setStyleSheet(
            "color: white; background: #6d4c41; padding: 2px 6px;" if archived else ""
        )
        self._sources = self._ocr_sources(fields or [])
        for key, edit in self.fields.items():
            value, shown = self._value(client, key)
            if same and edit.hasFocus() and edit.isModified():
                continue  # the user is typing here: a reload must not take it away
            edit.set_value(value, shown)
            edit.country = self._address(client).get("country") or "NL"
            self._set_source(edit, self._sources.get(key))
        addresses = client.get("addresses") or []
        if len(addresses) > 1:
            others = [self._address_line(a) for a in addresses[1:]]
            self.more_addresses.setText(
                self.tr("Andere adressen: %1").replace("%1", "; ".join(others))
            )
            self.more_addresses.show()
        else:
            self.more_addresses.hide()
        phone_sources = {
            phone_numbers.normalize(r["value"]): r
            for r in fields or []
            if r["field"] == "phone" and r.get("box")
        }
        email_sources = {
            r["value"]: r for r in fields or [] if r["field"] == "email" and r.get("box")
        }
        self.phones.set_values(client.get("phones") or [], phone_sources)
        self.emails.set_values(client.get("emails") or [], email_sources)
        self.notes.set_notes(client.get("notes") or [])
        self.notes.set_calls(client.get("calls") or [])
        documents = client.get("documents") or []
        if not same or [d["id"] for d in documents] != [d["id"] for d in self.documents.documents]:
            self.documents.set_documents(documents)  # a merge or import may have added some
        if not same:
            self.verticalScrollBar().setValue(0)
        problem = self.data.problem()
        self.set_read_only(problem is not None)
        if problem:
            self._say(problem, error=True)

    def set_read_only(self, read_only: bool) -> None:
        for edit in self.fields.values():
            edit.setReadOnly(read_only)
        self.phones.set_read_only(read_only)
        self.emails.set_read_only(read_only)
        self.notes.entry.setReadOnly(read_only)

    @staticmethod
    def _address(client: dict) -> dict:
        addresses = client.get("addresses") or []
        return addresses[0] if addresses else {}

    @staticmethod
    def _address_line(a: dict) -> str:
        street = " ".join(v for v in (a.get("street"), a.get("house_number")) if v)
        town = " ".join(v for v in (a.get("postcode"), a.get("city")) if v)
        return ", ".join(v for v in (street, town) if v)

    def _value(self, client: dict, key: str) -> tuple[str | None, str | None]:
        if key.startswith("address."):
            value = self._address(client).get(key.split(".", 1)[1])
        else:
            value = client.get(key)
        return value, self._shown(key, value)

    @staticmethod
    def _shown(key: str, value: str | None) -> str | None:
        """The display form of a stored value (IBAN in groups, dates Dutch), or None."""
        if not value:
            return None
        if key == "iban":
            return formatting.iban(value)
        if key == "client_since":
            return formatting.date(value)
        return None

    def _ocr_sources(self, fields: list[dict]) -> dict[str, dict]:
        found: dict[str, dict] = {}
        for record in fields:  # oldest first: a later reading replaces an earlier one
            key = OCR_KEYS.get(record["field"])
            if key and record.get("page_id") and record.get("box"):
                found[key] = record
        return found

    def _set_source(self, edit: FieldEdit, record: dict | None) -> None:
        old = getattr(edit, "source_button", None)
        if old is not None:
            old.deleteLater()
            edit.source_button = None
        if record is not None:
            button = SourceButton(record)
            button.requested.connect(self.show_source)
            edit.source_slot.addWidget(button)
            edit.source_button = button

    # -- editing ----------------------------------------------------------------------------

    def _commit(self, key: str, value: str | None) -> None:
        if self.client is None:
            return
        if key == "name" and not value:
            self.fields[key].set_value(self.fields[key].saved)
            self._say(self.tr("Een klant heeft een naam nodig."), error=True)
            return
        old = self.fields[key].saved
        label = self.tr("%1 wijzigen").replace("%1", getattr(self.fields[key], "label", key))
        self.undo_stack.push(SetField(self._write, self.client["id"], key, old, value, label))

    def _write(self, client_id: int, key: str, value: str | None) -> None:
        """Show the value at once and save it on the write thread (in order)."""
        if self.client and self.client["id"] == client_id and key in self.fields:
            edit = self.fields[key]
            edit.set_value(value, self._shown(key, value))
            if key == "name":
                self.title.setText(f"<h2 style='margin:0'>{html.escape(value or '')}</h2>")
        self.saved_label.setText(self.tr("Opslaan…"))
        if key.startswith("address."):
            field = key.split(".", 1)[1]
            addresses = (self.client or {}).get("addresses") or []
            address_id = addresses[0].get("id") if addresses else None
            fn, args = self.data.set_address, (client_id, address_id)
            kwargs = {field: value}
            self._save(lambda: fn(*args, **kwargs), client_id, reload=True)
        else:
            self._save(lambda: self.data.update_fields(client_id, **{key: value}), client_id)

    def _save(self, fn, client_id: int, reload: bool = False, typed: tuple | None = None) -> None:
        """typed: (entry, text) the user typed and that was cleared for this save; it goes
        back into the entry when the save fails, so nothing typed is lost."""
        self._writes += 1
        submit(
            fn,
            on_result=lambda _r: self._saved(client_id, reload),
            on_error=lambda e: self._save_failed(client_id, e, typed),
            pool_name="write",
        )

    def _saved(self, client_id: int, reload: bool) -> None:
        self._writes -= 1
        self._reload_due = self._reload_due or reload
        now = formatting.DUTCH.toString(QTime.currentTime(), "HH:mm")
        self.saved_label.setText(self.tr("✓ Opgeslagen om %1").replace("%1", now))
        self.saved_label.setStyleSheet("color: #2e7d32; font-weight: bold;")
        self.message.hide()
        # Reload only once every queued write is done: a reload in between would show a
        # value that is about to change.
        if self._reload_due and self._writes == 0:
            self._reload_due = False
            if self.client and self.client["id"] == client_id:
                self.reload()
        self.saved.emit(client_id)

    def _save_failed(self, client_id: int, error: Exception, typed: tuple | None = None) -> None:
        self._writes -= 1
        self.saved_label.setText(self.tr("Niet opgeslagen"))
        self.saved_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self._say(self.tr("Niet opgeslagen: %1").replace("%1", str(error)), error=True)
        # What is on screen must match the file: show the stored values again; the undo
        # history refers to edits that never happened, so it goes.
        self.undo_stack.clear()
        if self.client and self.client["id"] == client_id:
            self.reload(keep_message=True)
            if typed is not None and not typed[0].text():
                typed[0].setText(typed[1])

    def reload(self, keep_message: bool = False) -> None:
        if self.client is None:
            return
        client_id = self.client["id"]
        try:
            client, fields = self.data.client(client_id), self.data.fields(client_id)
        except Exception as e:  # the file vanished: say so, keep what is on screen
            self._say(str(e), error=True)
            return
        message = self.message.text() if keep_message else None
        self.show_client(client, fields)
        if message:
            self._say(message, error=True)

    def _add_contact(self, kind: str, text: str) -> None:
        if self.client is None:
            return
        result = check(kind, text)
        if not result.ok or result.value is None:
            self._say(result.error or "", error=True)
            return
        client_id, value = self.client["id"], result.value
        target = self.phones if kind == "phone" else self.emails
        if value in target.values:
            self._say(self.tr("Dit staat al op de kaart."), error=False)
            target.entry.clear()
            return
        target.entry.clear()
        add = (
            (lambda: self.data.add_phone(client_id, text))
            if kind == "phone"
            else (lambda: self.data.add_email(client_id, value))
        )
        remove = self.data.remove_phone if kind == "phone" else self.data.remove_email
        label = self.tr("Toevoegen: %1").replace("%1", value)
        command = AddRemove(
            lambda: self._save(add, client_id, reload=True, typed=(target.entry, text)),
            lambda: self._save(lambda: remove(client_id, value), client_id, reload=True),
            label,
        )
        self.undo_stack.push(command)

    def _remove_contact(self, kind: str, value: str) -> None:
        if self.client is None:
            return
        client_id = self.client["id"]
        remove = self.data.remove_phone if kind == "phone" else self.data.remove_email
        add = self.data.add_phone if kind == "phone" else self.data.add_email
        self.undo_stack.push(
            AddRemove(
                lambda: self._save(lambda: remove(client_id, value), client_id, reload=True),
                lambda: self._save(lambda: add(client_id, value), client_id, reload=True),
                self.tr("Verwijderen: %1").replace("%1", value),
            )
        )

    def add_note(self, text: str) -> None:
        if self.client is None:
            return
        client_id = self.client["id"]
        self.notes.entry.clear()
        self._save(
            lambda: self.data.add_note(client_id, text),
            client_id,
            reload=True,
            typed=(self.notes.entry, text),
        )

    def focus_note(self) -> None:
        self.ensureWidgetVisible(self.notes.entry)
        self.notes.entry.setFocus()

    # -- helpers ----------------------------------------------------------------------------

    def _copy(self, value: str, shown: str) -> None:
        QGuiApplication.clipboard().setText(value)
        self.status.emit(self.tr("Gekopieerd: %1").replace("%1", shown))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(formatting.message_style(error))
        self.message.show()

    def show_source(self, record: dict, anchor: QWidget) -> None:
        """Show the crop of the scan a field was read from, under anchor."""
        if self.client is None:
            return
        cached = self._crop_cache.get(record["id"])
        if cached is not None:
            self._crop.show_at(anchor, cached)
            return
        client_id = self.client["id"]
        submit(
            self._load_crop,
            client_id,
            record,
            on_result=lambda image: self._crop_loaded(record, anchor, image),
            on_error=lambda e: self._crop.show_at(anchor, None, str(e)),
            pool_name="image",
        )

    def _load_crop(self, client_id: int, record: dict):
        found = self.data.page_of(client_id, record["page_id"])
        if found is None:
            raise LookupError(self.tr("De scan van dit veld is niet meer bij deze klant."))
        document, index, page = found
        image = load_page(self.data.original_path(document["sha256"]), index)
        sx = image.width() / page.width if page.width else 1.0
        sy = image.height() / page.height if page.height else 1.0
        left, top, width, height = record["box"]
        crop = image.copy(
            int(left * sx) - CROP_MARGIN,
            int(top * sy) - CROP_MARGIN,
            int(width * sx) + 2 * CROP_MARGIN,
            int(height * sy) + 2 * CROP_MARGIN,
        )
        if crop.width() > CROP_WIDTH:
            crop = crop.scaledToWidth(CROP_WIDTH, Qt.TransformationMode.SmoothTransformation)
        return crop

    def _crop_loaded(self, record: dict, anchor: QWidget, image) -> None:
        pixmap = QPixmap.fromImage(image)
        self._crop_cache[record["id"]] = pixmap
        # the anchor may be gone (another client opened meanwhile)
        with contextlib.suppress(RuntimeError):
            self._crop.show_at(anchor, pixmap)
