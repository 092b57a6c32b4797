"""The client card: the fields in the groups a Dutch office uses, editable in place with
undo and validation, contact links, notes and calls, documents with thumbnails."""

from __future__ import annotations

import html

from PySide6.QtCore import QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QScrollArea, QWidget

from storage import phones as phone_numbers
from storage.models import Address, Client, StoredField

from .. import formatting
from ..data import ClientData
from ..validation import check
from ..workers import submit
from .body import CardBody
from .checking import OCR_KEYS, ocr_field, unchecked
from .fields import STYLE, FieldEdit
from .source import CropPopup, Crops, SourceButton
from .undo import AddRemove, SetField


class ClientCard(QScrollArea):
    """saved(client_id) after every successful write; page_requested(document, page) when a
    thumbnail is opened; status(text) for the status bar."""

    saved = Signal(int)
    page_requested = Signal(object, int)
    status = Signal(str)
    export_requested = Signal()  # "Alles van deze klant exporteren (AVG)"
    calls_requested = Signal(int, str)  # all calls of this client (id, name) in Gesprekken

    def __init__(self, data: ClientData, parent=None) -> None:
        super().__init__(parent)
        self.data = data
        self.client: Client | None = None
        self.undo_stack = QUndoStack(self)
        self.open_url = QDesktopServices.openUrl  # replaced in tests: no dialer is started
        self._sources: dict[str, StoredField] = {}
        self._unchecked: dict[str, StoredField] = {}  # read from paper, not yet checked
        self._crop = CropPopup(self)
        self._crops = Crops(data, self._crop)
        self._writes = 0  # saves queued on the write thread
        self._reload_due = False
        self._read_only = False
        self.setObjectName("card")
        self.setWidgetResizable(True)
        # The widgets (fields, contact lists, notes, documents: ~40 ms of CPU) are made
        # when first used (a client shown, a field asked for, the card shown) or when the
        # window has its first search answer: not before the window is searchable.
        self._built = False

    def __getattr__(self, name: str):
        """A widget of the card asked for before the card was built: build it now."""
        if name.startswith("__") or self.__dict__.get("_built", True):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        self.ensure_built()
        return object.__getattribute__(self, name)

    def ensure_built(self) -> None:
        """Make the card's widgets (once)."""
        if self._built:
            return
        self._built = True
        self.setStyleSheet(STYLE)
        self._build()
        if self._read_only:
            self.set_read_only(True)
        if self.isVisible():
            self.widget().show()

    def showEvent(self, event) -> None:
        self.ensure_built()
        super().showEvent(event)

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        body = CardBody(self.data)
        # the body's widgets, as the card's own: the card and its tests use them by name
        self.fields = body.fields
        self.title, self.badge = body.title, body.badge
        self.saved_label, self.message = body.saved_label, body.message
        self.check_bar = body.check_bar
        self.phones, self.emails = body.phones, body.emails
        self.more_addresses = body.more_addresses
        self.notes, self.documents = body.notes, body.documents
        self.export_button = body.export_button
        self.setWidget(body)
        self._connect_fields()
        self._connect_contacts()
        self._connect_panels()

    def _connect_fields(self) -> None:
        self.check_bar.accept_requested.connect(self.accept_all)
        for edit in self.fields.values():
            edit.commit.connect(self._commit)
            edit.confirmed.connect(self.accept_field)
            edit.invalid.connect(lambda _key, msg: self._say(msg, error=True))

    def _connect_contacts(self) -> None:
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

    def _connect_panels(self) -> None:
        self.export_button.clicked.connect(self.export_requested.emit)
        self.notes.note_entered.connect(self.add_note)
        self.notes.all_calls_requested.connect(
            lambda: self.client and self.calls_requested.emit(self.client.id, self.client.name)
        )
        self.documents.page_requested.connect(self.page_requested.emit)

    # -- showing a client -------------------------------------------------------------------

    def show_client(self, client: Client, fields: list[StoredField] | None = None) -> None:
        """Fill the card from a client (ClientFile.client) and its OCR fields."""
        same = self.client is not None and self.client.id == client.id
        if not same:
            self.undo_stack.clear()
            self.saved_label.clear()
            self.message.hide()
            self.hide_popups()
        self.client = client
        self.title.setText(f"<h2 style='margin:0'>{html.escape(client.name or '')}</h2>")
        archived = client.status == "archived"
        self.badge.setText(self.tr("Gearchiveerd") if archived else "")
        self.badge.setStyleSheet(
            "color: white; background: #6d4c41; padding: 2px 6px;" if archived else ""
        )
        self._sources = self._ocr_sources(fields or [])
        self._unchecked = unchecked(fields or [], client)
        for key, edit in self.fields.items():
            edit.set_unchecked(key in self._unchecked)
            value, shown = self._value(client, key)
            if same and edit.hasFocus() and edit.isModified():
                continue  # the user is typing here: a reload must not take it away
            edit.set_value(value, shown)
            edit.country = self._address(client).country or "NL"
            self._set_source(edit, self._sources.get(key))
        self.check_bar.show_count(len(self._unchecked))
        addresses = client.addresses
        if len(addresses) > 1:
            others = [self._address_line(a) for a in addresses[1:]]
            self.more_addresses.setText(
                self.tr("Andere adressen: %1").replace("%1", "; ".join(others))
            )
            self.more_addresses.show()
        else:
            self.more_addresses.hide()
        phone_sources = {
            phone_numbers.normalize(r.value): r
            for r in fields or []
            if r.field == "phone" and r.box
        }
        email_sources = {r.value: r for r in fields or [] if r.field == "email" and r.box}
        marked = [k.split(":", 1) for k in self._unchecked if ":" in k]
        self.phones.set_values(
            client.numbers, phone_sources, {v for kind, v in marked if kind == "phone"}
        )
        emails_marked = {v for kind, v in marked if kind == "email"}
        self.emails.set_values(
            client.emails, email_sources, {e for e in client.emails if e.lower() in emails_marked}
        )
        self.notes.set_notes(client.notes)
        self.notes.set_calls(client.calls)
        documents = client.documents
        if not same or [d.id for d in documents] != [d.id for d in self.documents.documents]:
            self.documents.set_documents(documents)  # a merge or import may have added some
        if not same:
            self.verticalScrollBar().setValue(0)
        problem = self.data.problem()
        self.set_read_only(problem is not None)
        if problem:
            self._say(problem, error=True)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        if not self._built:
            return  # ensure_built() applies it
        for edit in self.fields.values():
            edit.setReadOnly(read_only)
        self.phones.set_read_only(read_only)
        self.emails.set_read_only(read_only)
        self.notes.entry.setReadOnly(read_only)

    @staticmethod
    def _address(client: Client) -> Address:
        """The first address (an empty one when the client has none)."""
        return client.addresses[0] if client.addresses else Address()

    @staticmethod
    def _address_line(a: Address) -> str:
        street = " ".join(v for v in (a.street, a.house_number) if v)
        town = " ".join(v for v in (a.postcode, a.city) if v)
        return ", ".join(v for v in (street, town) if v)

    def _value(self, client: Client, key: str) -> tuple[str | None, str | None]:
        if key.startswith("address."):
            value = getattr(self._address(client), key.split(".", 1)[1])
        else:
            value = getattr(client, key)
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

    def _ocr_sources(self, fields: list[StoredField]) -> dict[str, StoredField]:
        found: dict[str, StoredField] = {}
        for record in fields:  # oldest first: a later reading replaces an earlier one
            key = OCR_KEYS.get(record.field)
            if key and record.page_id and record.box:
                found[key] = record
        return found

    def _set_source(self, edit: FieldEdit, record: StoredField | None) -> None:
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
        self.undo_stack.push(SetField(self._write, self.client.id, key, old, value, label))

    def _write(self, client_id: int, key: str, value: str | None) -> None:
        """Show the value at once and save it on the write thread (in order)."""
        if self.client and self.client.id == client_id and key in self.fields:
            edit = self.fields[key]
            edit.set_value(value, self._shown(key, value))
            if key == "name":
                self.title.setText(f"<h2 style='margin:0'>{html.escape(value or '')}</h2>")
        self.saved_label.setText(self.tr("Opslaan…"))
        # what the person typed on the card is checked: the readings of it are accepted
        read = [ocr_field(key)] if key in self._unchecked and ocr_field(key) else []
        if read:
            self._unchecked.pop(key, None)
            self.fields[key].set_unchecked(False)
            self.check_bar.show_count(len(self._unchecked))
        if key.startswith("address."):
            field = key.split(".", 1)[1]
            addresses = self.client.addresses if self.client else []
            address_id = addresses[0].id if addresses else None
            fn, args = self.data.set_address, (client_id, address_id)
            kwargs = {field: value}
            self._save(lambda: self._and_accept(fn(*args, **kwargs), client_id, read), client_id,
                       reload=True)  # fmt: skip
        else:
            self._save(
                lambda: self._and_accept(
                    self.data.update_fields(client_id, **{key: value}), client_id, read
                ),
                client_id,
            )

    def _and_accept(self, _written: object, client_id: int, read: list[str]) -> None:
        if read:
            self.data.accept_fields(client_id, read)

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
            if self.client and self.client.id == client_id:
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
        if self.client and self.client.id == client_id:
            self.reload(keep_message=True)
            if typed is not None and not typed[0].text():
                typed[0].setText(typed[1])

    def reload(self, keep_message: bool = False) -> None:
        if self.client is None:
            return
        client_id = self.client.id
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
        client_id, value = self.client.id, result.value
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
        client_id = self.client.id
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
        client_id = self.client.id
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

    def show_source(self, record: StoredField, anchor: QWidget) -> None:
        """Show the crop of the scan a field was read from, under anchor."""
        if self.client is not None:
            self._crops.show(self.client.id, record, anchor)

    def hide_popups(self) -> None:
        self._crop.hide()

    def hideEvent(self, event) -> None:
        self.hide_popups()
        super().hideEvent(event)

    # -- fields read from paper, checked by a person ----------------------------------------

    def accept_field(self, key: str) -> None:
        """The person confirmed this field's value as read (Enter on it unchanged)."""
        if self.client is None or key not in self._unchecked or not ocr_field(key):
            return
        self._accept([key])

    def accept_all(self) -> None:
        """Everything read from paper on this card is right (Ctrl+Shift+A)."""
        if self.client is None or not self._unchecked:
            return
        self._accept(list(self._unchecked))

    def _accept(self, keys: list[str]) -> None:
        client_id = self.client.id
        read = sorted({f for k in keys if (f := ocr_field(k))})
        for key in keys:
            self._unchecked.pop(key, None)
            if key in self.fields:
                self.fields[key].set_unchecked(False)
        self.check_bar.show_count(len(self._unchecked))
        everything = not self._unchecked  # phones and e-mails read from paper as well
        self._save(
            lambda: self.data.accept_fields(client_id, None if everything else read), client_id
        )
