"""The window's access to the client file: one connection per thread, never shared; on a
shared client file (PostgreSQL) also the changes other desks make, as Qt signals."""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from storage import (
    CLIENT_FIELDS,
    Address,
    Call,
    Client,
    ClientFile,
    DocumentInfo,
    KlantdossierError,
    PageText,
    Phone,
    ReadOnlyClientFileError,
    SearchHit,
    StoredField,
)
from storage import phones as phone_numbers
from storage.paths import is_server_url, location_of

T = TypeVar("T")
ADDRESS_PARTS = ("street", "house_number", "postcode", "city", "country")


class DataError(KlantdossierError):
    """A read or write of the client file failed for a reason storage/ did not name
    (the file vanished, the disk is full, ...); the message says so in plain words."""


def _plain_errors(fn: Callable[..., T]) -> Callable[..., T]:
    """Storage's named errors pass through; anything else becomes a DataError with a
    sentence a user can read, so no dialog ever shows a bare sqlite3 message."""

    @functools.wraps(fn)
    def wrapper(self: ClientData, *args: Any, **kwargs: Any) -> T:
        try:
            with self.in_use():
                return fn(self, *args, **kwargs)
        except KlantdossierError:
            raise
        except Exception as e:
            raise DataError(
                f"Het klantbestand {self.path} kon niet worden gelezen of bijgewerkt: {e}"
            ) from e

    return wrapper


class LiveSignals(QObject):
    """Made in the GUI thread; emitted from the listener and write threads (queued)."""

    changed = Signal(object)  # a storage Change made on another desk
    connection = Signal(bool)  # the shared client file's server lost (False) or back
    overwrote = Signal(int, object)  # client id, {field: another desk's value} replaced


class ClientData:
    """Opens the client file once per thread, because a SQLite connection must not be
    used by two threads at once (the GUI thread and a search running in the pool)."""

    def __init__(self, path: Path | str) -> None:
        self.path = location_of(path) if isinstance(path, str) else Path(path)
        self.shared = is_server_url(self.path)
        self.live = LiveSignals()
        self._listener: Any = None
        self._connected = True
        # what the card was last shown of each client: a save compares the stored value
        # with it, so overwriting another desk's change is said, not silent
        self._shown: dict[int, dict[str, str | None]] = {}
        self._local = threading.local()
        # every connection with the lock its thread holds while using it, so close()
        # never closes a connection under a running query (that crashes sqlite3)
        self._all: list[tuple[ClientFile, threading.RLock]] = []
        self._lock = threading.Lock()
        self._closed = False
        # set_aside(): the connections of every thread are closed and opened anew after
        self._generation = 0
        self._aside: str | None = None  # why the file may not be opened now
        self._sessions = 0  # long jobs on a ClientFile of their own (session())
        self._listeners: list[Callable[[str, int | None], None]] = []

    def file(self) -> ClientFile:
        cf = getattr(self._local, "cf", None)
        if cf is None or getattr(self._local, "generation", 0) != self._generation:
            with self._lock:
                if self._closed:
                    raise DataError(f"Het klantbestand {self.path} is gesloten.")
                if self._aside is not None:
                    raise DataError(self._aside)
                cf = ClientFile.open(self.path)
                self._local.cf = cf
                self._local.generation = self._generation
                self._local.use = threading.RLock()
                self._all.append((cf, self._local.use))
        return cf

    @contextlib.contextmanager
    def session(self) -> Iterator[ClientFile]:
        """The client file for one long job on a thread of its own (an import's reading,
        its saving), closed when the job is done."""
        cf = ClientFile.open(self.path)
        with self._lock:
            self._sessions += 1
        try:
            yield cf
        finally:
            cf.close()
            with self._lock:
                self._sessions -= 1

    @contextlib.contextmanager
    def in_use(self) -> Iterator[None]:
        """Hold this thread's connection for the duration of a call."""
        self.file()
        with self._local.use:
            yield

    # -- the file itself --------------------------------------------------------------------

    def watch(self) -> None:
        """Start hearing other desks' changes (a shared client file only): live.changed
        for each, live.connection when the server is lost and back."""
        if not self.shared or self._listener is not None:
            return
        self._listener = self.file().watch(self.live.changed.emit, self._connection)

    def _connection(self, connected: bool) -> None:
        self._connected = connected
        self.live.connection.emit(connected)

    def problem(self) -> str | None:
        """A sentence when the file is gone or cannot be written, else None (cheap: no SQL)."""
        if self.shared:
            if not self._connected:
                return (
                    "De verbinding met het gedeelde klantenbestand is verbroken; Klantdossier "
                    "verbindt opnieuw zodra de server weer bereikbaar is. Wat u nu wijzigt, "
                    "wordt niet bewaard."
                )
            return None
        if not self.path.exists():
            return f"Het klantbestand {self.path} is verdwenen (verplaatst of gewist?)."
        if not os.access(self.path, os.W_OK):
            return f"Het klantbestand {self.path} is alleen-lezen: wijzigingen worden niet bewaard."
        return None

    # -- reading ----------------------------------------------------------------------------

    @_plain_errors
    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        return self.file().search(query, limit=limit)

    @_plain_errors
    def recent(self, limit: int = 50) -> list[SearchHit]:
        # the first `limit` by name straight from the database (sorting all 100,000 into a
        # list took 120 ms of the window's start), their rows in one go
        cf = self.file()
        return cf.hits([(client_id, "") for client_id in cf.client_ids(limit)])

    @_plain_errors
    def hit(self, client_id: int) -> SearchHit:
        return self.file().hit(client_id)

    @_plain_errors
    def client(self, client_id: int) -> Client:
        client = self.file().client(client_id)
        self._shown[client_id] = {k: getattr(client, k) for k in CLIENT_FIELDS}
        return client

    @_plain_errors
    def count(self) -> int:
        return self.file().count_clients()

    @_plain_errors
    def fields(self, client_id: int) -> list[StoredField]:
        """Values read by OCR, with the page and box they were read from."""
        return self.file().fields(client_id)

    @_plain_errors
    def pages(self, document_id: int) -> list[tuple[int, PageText]]:
        return self.file().pages(document_id)

    @_plain_errors
    def page_orientations(self, document_id: int) -> list[int]:
        """Degrees each page was turned clockwise to be read upright, in page order."""
        return self.file().page_orientations(document_id)

    @_plain_errors
    def page_of(self, client_id: int, page_id: int) -> tuple[DocumentInfo, int, PageText] | None:
        """(document, page index, page) holding page_id among the client's documents."""
        cf = self.file()
        for document in cf.client(client_id).documents:
            for index, (pid, page) in enumerate(cf.pages(document.id)):
                if pid == page_id:
                    return document, index, page
        return None

    def original_path(self, sha256: str) -> Path:
        return self.file().original_path(sha256)

    # -- writing ----------------------------------------------------------------------------

    @_plain_errors
    def update_fields(self, client_id: int, **fields: str | None) -> None:
        """Save fields; the later save wins. When another desk had changed one of them
        since this card showed it, live.overwrote says which value was replaced."""
        shown = self._shown.setdefault(client_id, {})
        overwritten = self.file().update_client_checked(client_id, dict(shown), **fields)
        shown.update(fields)
        if overwritten:
            self.live.overwrote.emit(client_id, overwritten)

    @_plain_errors
    def add_phone(self, client_id: int, written: str) -> str:
        e164 = phone_numbers.normalize(written)
        if e164 is None:
            raise DataError(f"{written} is geen telefoonnummer.")
        self.file().add_phone(client_id, Phone(e164, written, phone_numbers.kind_of(e164)))
        return e164

    @_plain_errors
    def remove_phone(self, client_id: int, e164: str) -> None:
        self.file().remove_phone(client_id, e164)

    @_plain_errors
    def add_email(self, client_id: int, email: str) -> None:
        self.file().add_email(client_id, email)

    @_plain_errors
    def remove_email(self, client_id: int, email: str) -> None:
        self.file().remove_email(client_id, email)

    @_plain_errors
    def set_address(self, client_id: int, address_id: int | None, **fields: str | None) -> None:
        """Change some parts of one address of the client (or add a first address)."""
        cf = self.file()
        with cf.transaction():
            if address_id is None:
                cf.add_address(client_id, Address(**fields))
            else:
                current = next(
                    (a for a in cf.client(client_id).addresses if a.id == address_id), None
                )
                if current is None:
                    raise DataError("Dit adres is intussen verwijderd; open de klant opnieuw.")
                parts = {k: getattr(current, k) for k in ADDRESS_PARTS} | fields
                parts["country"] = parts.get("country") or "NL"
                cf.update_address(address_id, Address(**parts))

    @_plain_errors
    def add_note(self, client_id: int, text: str) -> int:
        note_id = self.file().add_note(client_id, text)
        self.announce("notes", client_id)
        return note_id

    @_plain_errors
    def create_client(self, name: str) -> int:
        return self.file().create_client(name=name)

    @_plain_errors
    def set_status(self, client_id: int, status: str) -> None:
        """'archived' or 'active'."""
        self.file().set_status(client_id, status)

    @_plain_errors
    def merge(self, keep_id: int, other_id: int, choices: dict[str, str]) -> None:
        """choices: {column: 'keep' or 'other'}; the other client is erased afterwards."""
        self.file().merge_clients(keep_id, other_id, choices)

    @_plain_errors
    def merges(self, client_id: int) -> list:
        """What imports joined to this client (storage ImportMerge), newest first."""
        return self.file().merges(client_id)

    @_plain_errors
    def undo_merge(self, merge_id: int) -> int:
        """Split paper an import joined to a client off again; the new client's id."""
        new_id = self.file().undo_merge(merge_id)
        self.announce("clients", new_id)
        return new_id

    @_plain_errors
    def forget(self, client_id: int) -> Any:
        """Erase a client per AVG (storage's ForgetReport comes back). The search index
        still holds the erased words as deleted entries until compact_search_index, which
        takes seconds on a big file: the window runs it off the GUI thread."""
        return self.file().forget(client_id, compact=False)

    @_plain_errors
    def set_call_note(self, call_id: int, text: str) -> None:
        self.file().set_call_note(call_id, text)
        self.announce("calls")  # the banner's note shows on the card at once

    @_plain_errors
    def compact_search_index(self) -> None:
        self.file().compact_search_index()

    @_plain_errors
    def daily_backup(self, folder: Path, keep: int) -> Path | None:
        """Today's backup in folder unless there is one; older ones beyond keep removed."""
        from storage.backups import daily_backup

        return daily_backup(self.file(), folder, keep=keep)

    def close(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        with self._lock:
            self._closed = True
            slots, self._all = self._all, []
        self._close_all(slots)

    @staticmethod
    def _close_all(slots: list[tuple[ClientFile, threading.RLock]]) -> None:
        for cf, use in slots:
            # wait for a query still running on that connection (a search in the pool)
            acquired = use.acquire(timeout=10)
            try:
                # closing a connection to a vanished file: nothing to keep
                with contextlib.suppress(Exception):
                    cf.close()
            finally:
                if acquired:
                    use.release()

    # -- changes, for the views that show them (the card, the Gesprekken view) ----------

    def on_change(self, listener: Callable[[str, int | None], None]) -> None:
        """listener(kind, client_id) on the GUI thread after a change to the client file
        made through this object (kind "calls", "notes" or "fields"; client_id None when
        not known). Live updates from elsewhere (another desk) can announce() too.
        Called on the GUI thread."""
        from .workers import dispatcher

        dispatcher()  # made here, on the GUI thread: announce() may come from any thread
        self._listeners.append(listener)

    def announce(self, kind: str, client_id: int | None = None) -> None:
        """Tell the listeners (from any thread; they are called on the GUI thread)."""
        from .workers import call_soon

        for listener in list(self._listeners):
            call_soon(listener, kind, client_id)

    # -- the call log ------------------------------------------------------------------------

    @_plain_errors
    def calls_between(
        self, start: str | None, end: str | None, client_id: int | None = None, limit: int = 1000
    ) -> list[Call]:
        return self.file().calls_between(start, end, client_id=client_id, limit=limit)

    @_plain_errors
    def callbacks(self) -> dict[int, str]:
        return self.file().callbacks()

    @_plain_errors
    def callback_calls(self) -> list[Call]:
        return self.file().callback_calls()

    @_plain_errors
    def names_of(self, client_ids: list[int]) -> dict[int, str]:
        """client id -> name, for the clients that still exist."""
        return {hit.id: hit.name for hit in self.file().hits([(i, "") for i in client_ids])}

    @_plain_errors
    def set_callback(self, call_id: int, wanted: bool) -> None:
        self.file().set_callback(call_id, wanted)
        self.announce("calls")

    @_plain_errors
    def client_for_number(
        self, call_id: int | None, e164: str, client_id: int | None, name: str | None = None
    ) -> int:
        """The number becomes a client's: a new client called name (client_id None) or an
        existing one; every call from it without a client goes to that client."""
        cf = self.file()
        with cf.transaction():
            if client_id is None:
                client_id = cf.create_client(
                    name=name or e164, phones=[Phone(e164, None, phone_numbers.kind_of(e164))]
                )
            else:
                cf.add_phone(client_id, Phone(e164, None, phone_numbers.kind_of(e164)))
            cf.attach_unknown_calls(e164, client_id)
            if call_id is not None:
                cf.set_call_client(call_id, client_id)
        self.announce("calls", client_id)
        return client_id

    # -- fields read from paper, checked by a person -----------------------------------------

    @_plain_errors
    def accept_fields(self, client_id: int, fields: list[str] | None = None) -> int:
        """Mark the client's values read from paper as checked (all, or these fields)."""
        count = self.file().accept_fields(client_id, fields)
        if count:
            self.announce("fields", client_id)
        return count

    # -- export, backup, restore (run on a worker thread; progress(done, total)) -------------

    @_plain_errors
    def export(
        self,
        format: str,
        out: Path,
        client_ids: list[int] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Path:
        self.file().export_all(format, out, client_ids=client_ids, progress=progress)
        return out

    @_plain_errors
    def export_client(
        self, client_id: int, folder: Path, progress: Callable[[int, int], None] | None = None
    ) -> Path:
        return self.file().export_client(client_id, folder, progress)

    @_plain_errors
    def backup(self, dest: Path) -> Path:
        return self.file().backup(dest)

    def backup_info(self, backup: Path) -> int | None:
        """How many clients the backup holds (None: a backup of an older version, which
        is brought up to date when it is put back). Raises for anything that is no
        client file, with the reason."""
        backup = Path(backup)
        if not backup.is_file():
            raise DataError(f"De reservekopie {backup} bestaat niet.")
        if backup.expanduser().absolute() == self.path.expanduser().absolute():
            raise DataError("Dit is het klantbestand zelf, geen reservekopie.")
        try:
            with ClientFile.open(backup, read_only=True) as cf:
                return cf.count_clients()
        except ReadOnlyClientFileError:
            return None  # an older schema: restore() migrates it

    def restore(self, backup: Path) -> Path | None:
        """Put a backup back as this client file; the current one is kept beside it
        (.voor-terugzetten-<time>: returned, None when there was none). Every connection
        is closed meanwhile and opened anew afterwards. Refused while an import writes
        through a session of its own."""
        with self._lock:
            if self._sessions:
                raise DataError(
                    "Er wordt nog ingelezen. Zet de reservekopie terug als het inlezen klaar is."
                )
            self._aside = "Het klantbestand wordt teruggezet; een ogenblik."
            self._generation += 1
            slots, self._all = self._all, []
        try:
            self._close_all(slots)
            before = set(self._set_aside_files())
            ClientFile.restore(backup, self.path)
            kept = sorted(set(self._set_aside_files()) - before)
            return kept[-1] if kept else None
        finally:
            with self._lock:
                self._aside = None

    def _set_aside_files(self) -> list[Path]:
        pattern = f"{self.path.name}.voor-terugzetten-*"
        return [p for p in self.path.parent.glob(pattern) if p.name[-4:] not in ("-wal", "-shm")
                and not p.name.endswith(".originals")]  # fmt: skip
