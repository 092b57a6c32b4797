"""The client file: one database plus its folder of original scans, behind one front.

ClientFile is what the GUI, the CLI, the import and the benchmarks use. It holds no SQL
itself: each method hands over to the part that holds that kind of data, written in a
module of its own:

    database.py   the connection, the one transaction style, errors; what differs per
                  engine in sqlite/ (one file) and postgres/ (a shared server)
    migrate.py    opening at the current schema, migrations (per backend, same rules)
    clients.py    clients, phones, e-mails, addresses, fields read from paper
    documents.py  documents, pages, originals, the import log
    notes.py      notes and the call log
    finding.py    search and phone lookup; index.py keeps the search indexes
    erasure.py    forget (AVG) and merging two clients
    merges.py     merges made by an import, kept to be undone
    backups.py    backup, restore, daily backups; export.py: JSON/CSV/vCard, AVG export
    copying.py    a client file copied between SQLite and PostgreSQL, and compared

No database connection leaves storage/: `with cf.transaction(): ...` groups writes, and
every write method works alone (its own transaction) or inside one (a savepoint).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import backups, export
from . import phones as phone_numbers
from .clients import Clients
from .database import BUSY_TIMEOUT_MS, Database
from .documents import Documents
from .erasure import Erasure, ForgetReport
from .finding import Finder
from .merges import Merges
from .migrate import index_for, open_current
from .models import (
    Address,
    Call,
    Client,
    DocumentInfo,
    ImportMerge,
    Note,
    PageText,
    Phone,
    SearchHit,
    StoredField,
)
from .notes import NotesAndCalls
from .originals import Originals, OriginalStore, folder_for
from .paths import location_of

REGION_ENV = "KLANTDOSSIER_REGION"


class ClientFile:
    """One client file. Use ClientFile.open(path); the GUI, CLI and benchmarks share it."""

    def __init__(self, db: Database, region: str = phone_numbers.DEFAULT_REGION) -> None:
        self._db = db
        self.region = region
        self.originals: Originals
        if db.dialect == "postgresql":
            from .postgres.originals import DatabaseOriginals

            self.originals = DatabaseOriginals(db)
        else:
            self.originals = OriginalStore(folder_for(db.path))
        index = index_for(db)
        self._index = index
        self._clients = Clients(db, index)
        self._documents = Documents(db, index, self.originals)
        self._notes = NotesAndCalls(db)
        self._finder = Finder(db, index, region)
        self._erasure = Erasure(db, index, self.originals, self._clients, self._documents)
        self._merges = Merges(db, self._clients, self._documents)

    # -- opening and transactions --------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        read_only: bool | None = None,
        region: str | None = None,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> ClientFile:
        """Open (creating or migrating) the client file at path: a SQLite file, or a
        postgresql://user@host/db URL for the shared client file on a server (no
        password in it: libpq reads ~/.pgpass or PGPASSFILE).

        read_only None: decided by the file (a file or folder we may not write opens
        read-only, `cf.read_only` is then True). region: the country for numbers written
        without one (default KLANTDOSSIER_REGION or NL). Raises CorruptClientFileError
        for anything that is not a healthy client file (nothing is written to it),
        NewerSchemaError for a file of a newer Klantdossier; an older file is migrated
        after an automatic backup next to it.
        """
        location = location_of(path)
        if isinstance(location, Path):
            location = location.absolute()
        region = region or os.environ.get(REGION_ENV) or phone_numbers.DEFAULT_REGION
        db = open_current(location, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
        cf = cls(db, region)
        if not db.read_only:
            cf.originals.secure()
        return cf

    def close(self) -> None:
        self.originals.close()
        self._db.close()

    def __enter__(self) -> ClientFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path | str:
        """The file (a Path), or on a server its postgresql:// URL without password."""
        return self._db.path

    @property
    def backend(self) -> str:
        """'sqlite' (one file, one desk) or 'postgresql' (shared by several desks)."""
        return self._db.dialect

    @property
    def read_only(self) -> bool:
        return self._db.read_only

    def require_writable(self) -> None:
        """Raise ReadOnlyClientFileError now, before slow work whose result could not be
        stored (an import would otherwise read every page first)."""
        if self.read_only:
            raise self._db.read_only_error()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes: all or nothing (BEGIN IMMEDIATE ... COMMIT). Inside an open
        transaction it is a savepoint: an exception that leaves it undoes that part
        only, and the outer transaction goes on if the caller catches it. SQLite
        failures come out as ClientFileErrors with Dutch messages."""
        with self._db.transaction():
            yield

    # -- clients -------------------------------------------------------------------------------

    def create_client(
        self,
        *,
        name: str,
        phones: Sequence[Phone] = (),
        emails: Sequence[str] = (),
        addresses: Sequence[Address] = (),
        **fields: str | None,
    ) -> int:
        """Insert a client; returns its id. fields: columns of CLIENT_FIELDS."""
        return self._clients.create_client(
            name=name, phones=phones, emails=emails, addresses=addresses, **fields
        )

    def update_client(self, client_id: int, **fields: str | None) -> None:
        """Set columns of a client (CLIENT_FIELDS and "status")."""
        self._clients.update_client(client_id, **fields)

    def update_client_checked(
        self, client_id: int, expected: dict[str, str | None], **fields: str | None
    ) -> dict[str, str | None]:
        """Like update_client (the later save wins), but returns {column: overwritten
        value} for each column another desk had changed since this one read `expected`
        (the values it showed), so this desk can say so; the other desk hears of the
        change through watch()."""
        return self._clients.update_client_checked(client_id, expected, **fields)

    def watch(
        self,
        on_change: Callable[[Any], None],
        on_state: Callable[[bool], None] = lambda connected: None,
    ) -> Any:
        """Changes made on other desks of a shared client file, as they happen: on a
        thread of its own, on_change(change) for each (change.table, .client_id,
        .columns, .op), on_state(False/True) when the server is lost and back (after
        catching up on what was missed). Returns the listener (call .stop()), or None for
        a SQLite file, which one desk has to itself."""
        if self._db.dialect != "postgresql":
            return None
        from .postgres.live import ChangeListener

        return ChangeListener(self._db.location, on_change, on_state).start()

    def set_status(self, client_id: int, status: str) -> None:
        """'active' or 'archived' (archived clients stay searchable)."""
        self._clients.set_status(client_id, status)

    def add_phone(self, client_id: int, phone: Phone) -> None:
        self._clients.add_phone(client_id, phone)

    def remove_phone(self, client_id: int, e164: str) -> bool:
        return self._clients.remove_phone(client_id, e164)

    def add_email(self, client_id: int, email: str) -> None:
        self._clients.add_email(client_id, email)

    def remove_email(self, client_id: int, email: str) -> bool:
        return self._clients.remove_email(client_id, email)

    def add_address(self, client_id: int, address: Address) -> int:
        return self._clients.add_address(client_id, address)

    def update_address(self, address_id: int, address: Address) -> None:
        self._clients.update_address(address_id, address)

    def remove_address(self, address_id: int) -> None:
        self._clients.remove_address(address_id)

    def add_field(
        self,
        client_id: int,
        *,
        field: str,
        value: str,
        page_id: int | None = None,
        box: tuple[int, int, int, int] | None = None,
        confidence: float | None = None,
        accepted: bool = False,
    ) -> int:
        """Record a value read from paper with where it was read (page, box in pixels)."""
        return self._clients.add_field(
            client_id,
            field=field,
            value=value,
            page_id=page_id,
            box=box,
            confidence=confidence,
            accepted=accepted,
        )

    def fields(self, client_id: int) -> list[StoredField]:
        """Values read from paper for a client, with provenance, oldest first."""
        return self._clients.fields(client_id)

    def accept_fields(self, client_id: int, fields: str | Sequence[str] | None = None) -> int:
        """Mark values read from paper as checked by a person (typed or confirmed on the
        card): all of the client's, or those of the named field(s) ("iban", "street"...).
        Returns how many were not yet marked."""
        return self._clients.accept_fields(client_id, fields)

    def find_by_key(self, kind: str, value: str) -> list[int]:
        """Client ids holding a strong key: phone (E.164), email, iban, kvk or postcode."""
        return self._clients.find_by_key(kind, value)

    def client(self, client_id: int) -> Client:
        """Everything on one client; .to_dict() is the JSON of `show` (DESIGN.md).
        Raises ClientNotFoundError."""
        client = self._clients.client(client_id)
        client.documents = self._documents.of_client(client_id)
        client.notes = self._notes.notes(client_id)
        client.calls = self._notes.calls(client_id, limit=1_000_000)
        return client

    def client_ids(self, limit: int | None = None) -> list[int]:
        """Every client id, by name (the first `limit` when given)."""
        return self._clients.client_ids(limit)

    def count_clients(self) -> int:
        return self._clients.count_clients()

    def merge_clients(self, keep_id: int, other_id: int, choices: dict[str, str]) -> None:
        """Merge other into keep, then erase other; see Erasure.merge_clients."""
        self._erasure.merge_clients(keep_id, other_id, choices)

    def record_merge(
        self,
        client_id: int,
        *,
        label: str,
        reason: str,
        documents: Sequence[int],
        card: dict,
        added: dict,
    ) -> int:
        """Keep what an import joined to a client, so it can be undone (undo_merge).
        card: the values the paper had ({"name", scalar columns, "phones": [[e164, written,
        kind]], "emails", "addresses": [{street, house_number, postcode, city, country}]});
        added: what the client got from it ({"fields": {column: value}, "phones": [e164],
        "emails", "address_ids"})."""
        return self._merges.record(
            client_id, label=label, reason=reason, documents=documents, card=card, added=added
        )

    def merges(self, client_id: int) -> list[ImportMerge]:
        """What imports joined to this client, newest first."""
        return self._merges.of_client(client_id)

    def undo_merge(self, merge_id: int) -> int:
        """Split joined paper off into a client of its own again; returns its id."""
        return self._merges.undo(merge_id)

    def forget(self, client_id: int, *, compact: bool = True) -> ForgetReport:
        """Erase a client and all held on them (AVG); see Erasure.forget."""
        return self._erasure.forget(client_id, compact=compact)

    # -- documents, pages and originals ----------------------------------------------------------

    def add_document(
        self,
        *,
        client_id: int | None,
        name: str,
        sha256: str,
        mime: str | None,
        pages: Sequence[PageText],
        frames: Sequence[int] | None = None,
    ) -> int:
        """Insert a document with its pages; returns its id. Put the original first
        (cf.originals.put) inside the same transaction. frames: which pages of the
        original are this document's (one client's part of a stack file), None for all."""
        return self._documents.add_document(
            client_id=client_id, name=name, sha256=sha256, mime=mime, pages=pages, frames=frames
        )

    def has_document(self, sha256: str) -> bool:
        return self._documents.has_document(sha256)

    def documents_by_sha256(self, sha256: str) -> list[DocumentInfo]:
        """The documents read from one original (several: parts of a stack file)."""
        return self._documents.by_sha256(sha256)

    def page_ids(self, document_id: int) -> list[int]:
        """The ids of a document's pages, in page order."""
        return self._documents.page_ids(document_id)

    def import_log(self, event: str) -> list[str]:
        """The details of the import-log lines of one kind ("conflict", ...)."""
        return self._documents.log_lines(event)

    def client_of_document(self, sha256: str) -> int | None:
        return self._documents.client_of_document(sha256)

    def pages(self, document_id: int) -> list[tuple[int, PageText]]:
        """(page id, page) of a document in page order, words included."""
        return self._documents.pages(document_id)

    def add_page_flag(self, page_id: int, flag: str) -> None:
        self._documents.add_page_flag(page_id, flag)

    def page_orientations(self, document_id: int) -> list[int]:
        """Degrees each page was turned clockwise to be read upright, in page order."""
        return self._documents.page_orientations(document_id)

    def documents_of_pages(self, page_ids: Sequence[int]) -> dict[int, tuple[str, int | None]]:
        """document id -> (file name, client id or None) for the documents of these pages."""
        return self._documents.documents_of_pages(page_ids)

    def assign_document(self, document_id: int, client_id: int | None) -> None:
        """Move a document to another client, or to none (its pages then not searched)."""
        self._documents.assign_document(document_id, client_id)

    def count_pages(self, *, turned: bool = False) -> int:
        """Pages in the file; turned: only those read rotated."""
        return self._documents.count_pages(turned=turned)

    def original_path(self, sha256: str) -> Path:
        """Where the original of a document is kept (it may be missing: check)."""
        return self.originals.path_for(sha256)

    def sweep_originals(self) -> int:
        """Remove originals no document refers to; returns how many."""
        return self._documents.sweep_originals()

    def log(self, event: str, detail: str | None = None) -> None:
        """An import-log line; keep personal data out of it."""
        self._documents.log(event, detail)

    # -- notes and calls -----------------------------------------------------------------------

    def add_note(self, client_id: int, text: str) -> int:
        return self._notes.add_note(client_id, text)

    def notes(self, client_id: int) -> list[Note]:
        """Notes of a client, newest first."""
        return self._notes.notes(client_id)

    def delete_note(self, note_id: int) -> None:
        self._notes.delete_note(note_id)

    def add_call(
        self,
        client_id: int | None,
        number: str | None,
        *,
        direction: str = "in",
        note: str | None = None,
        duration_seconds: int | None = None,
    ) -> int:
        """Log a call; client_id None for an unknown number."""
        return self._notes.add_call(
            client_id, number, direction=direction, note=note, duration_seconds=duration_seconds
        )

    def set_call_note(self, call_id: int, note: str) -> None:
        self._notes.set_call_note(call_id, note)

    def set_call_client(self, call_id: int, client_id: int | None) -> None:
        self._notes.set_call_client(call_id, client_id)

    def set_call_duration(self, call_id: int, duration_seconds: int) -> None:
        self._notes.set_call_duration(call_id, duration_seconds)

    def calls(self, client_id: int | None = None, limit: int = 100) -> list[Call]:
        """Logged calls, newest first: one client's, or all (unknown numbers included)."""
        return self._notes.calls(client_id, limit)

    def last_call(self, client_id: int) -> Call | None:
        return self._notes.last_call(client_id)

    def calls_between(
        self,
        start: str | None = None,
        end: str | None = None,
        *,
        client_id: int | None = None,
        limit: int = 1000,
    ) -> list[Call]:
        """Calls from start up to end (local dates "2026-12-02" or logged times; None:
        open), newest first, unknown numbers included; client_id: one client's only."""
        return self._notes.calls_between(start, end, client_id=client_id, limit=limit)

    def missed_calls(self, since: str | None = None, limit: int = 200) -> list[Call]:
        """Incoming calls nobody answered (Call.missed), newest first."""
        return self._notes.missed_calls(since, limit)

    def set_callback(self, call_id: int, wanted: bool = True) -> None:
        """Mark a call "terugbellen" until it is done (wanted False: done)."""
        self._notes.set_callback(call_id, wanted)

    def callbacks(self) -> dict[int, str]:
        """The calls still to return: call id -> when it was marked."""
        return self._notes.callbacks()

    def callback_calls(self, limit: int = 200) -> list[Call]:
        """The calls still to return, the longest waiting first."""
        return self._notes.callback_calls(limit)

    def attach_unknown_calls(self, number: str, client_id: int) -> int:
        """Give the calls from number that have no client to client_id; returns how many."""
        return self._notes.attach_unknown_calls(number, client_id)

    # -- finding -------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Clients matching what was typed, best first, each with a snippet."""
        return self._finder.search(query, limit)

    def hits(self, ranked: Sequence[tuple[int, str | None]]) -> list[SearchHit]:
        """Result rows for (client id, snippet) pairs, in that order."""
        return self._finder.hits(ranked)

    def hit(self, client_id: int, snippet: str = "") -> SearchHit:
        return self._finder.hit(client_id, snippet)

    def lookup_phone_id(self, e164: str) -> int | None:
        return self._finder.lookup_phone_id(e164)

    def lookup_phone_ids(self, number: str, region: str | None = None) -> list[int]:
        """Every client with this number in any written form, best reading first."""
        return self._finder.lookup_phone_ids(number, region)

    def lookup_phone(self, number: str, region: str | None = None) -> Client | None:
        """The client with this number in any written form, or None."""
        found = self._finder.lookup_phone_ids(number, region)
        return self.client(found[0]) if found else None

    def rebuild_search_index(self) -> None:
        """Fill both search indexes from the data again (a repair)."""
        with self._db.transaction():
            self._index.rebuild()

    def compact_search_index(self) -> int:
        """Rewrite the search indexes so erased words are gone; see Erasure."""
        return self._erasure.compact_search_index()

    # -- backup and export ---------------------------------------------------------------------

    def backup(self, dest: str | os.PathLike[str], *, link_originals: bool = False) -> Path:
        """A consistent copy (taken while others may write) plus the originals.

        link_originals: hard-link the originals where the file system allows (they are
        never changed in place, being named by their content), so daily backups do not
        hold a full copy of every scan each."""
        return backups.backup(self._db, self.originals, Path(dest), link_originals=link_originals)

    @staticmethod
    def restore(backup: str | os.PathLike[str], dest: str | os.PathLike[str]) -> Path:
        """Put a backup back as the client file dest (checked first; the current file
        is kept beside it). Close every ClientFile on dest before restoring."""
        return backups.restore(Path(backup), Path(dest))

    def export_client(
        self,
        client_id: int,
        dest_folder: str | os.PathLike[str],
        progress: export.Progress | None = None,
    ) -> Path:
        """All we hold on one person (AVG inzageverzoek): client.json with the card, the
        extracted fields and the text of every page, plus their originals. Returns the
        folder (created, readable by the user only). progress(done, total) per document."""
        return export.export_client(self, client_id, Path(dest_folder), progress)

    def export_all(
        self,
        format: str,
        out: str | os.PathLike[str] | None = None,
        *,
        client_ids: Sequence[int] | None = None,
        progress: export.Progress | None = None,
    ) -> str | None:
        """Every client as 'json', 'csv' (Excel in a Dutch locale: ';', UTF-8 with BOM)
        or 'vcard' (3.0, for phones). Writes to out, or returns the text when out is None.
        client_ids: only those clients (a selection); progress(done, total) per client."""
        return export.export_all(
            self, format, Path(out) if out else None, client_ids=client_ids, progress=progress
        )
