"""The window's access to the client file: one connection per thread, never shared."""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from storage import Address, ClientFile, KlantdossierError, PageText, Phone, SearchHit
from storage import phones as phone_numbers

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


class ClientData:
    """Opens the client file once per thread, because a SQLite connection must not be
    used by two threads at once (the GUI thread and a search running in the pool)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        # every connection with the lock its thread holds while using it, so close()
        # never closes a connection under a running query (that crashes sqlite3)
        self._all: list[tuple[ClientFile, threading.RLock]] = []
        self._lock = threading.Lock()
        self._closed = False

    def file(self) -> ClientFile:
        cf = getattr(self._local, "cf", None)
        if cf is None:
            with self._lock:
                if self._closed:
                    raise DataError(f"Het klantbestand {self.path} is gesloten.")
                cf = ClientFile.open(self.path)
                self._local.cf = cf
                self._local.use = threading.RLock()
                self._all.append((cf, self._local.use))
        return cf

    @contextlib.contextmanager
    def in_use(self) -> Iterator[None]:
        """Hold this thread's connection for the duration of a call."""
        self.file()
        with self._local.use:
            yield

    # -- the file itself --------------------------------------------------------------------

    def problem(self) -> str | None:
        """A sentence when the file is gone or cannot be written, else None (cheap: no SQL)."""
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
        cf = self.file()
        return [cf.hit(client_id) for client_id in cf.client_ids()[:limit]]

    @_plain_errors
    def hit(self, client_id: int) -> SearchHit:
        return self.file().hit(client_id)

    @_plain_errors
    def client(self, client_id: int) -> dict:
        return self.file().client(client_id)

    @_plain_errors
    def count(self) -> int:
        return self.file().count_clients()

    @_plain_errors
    def fields(self, client_id: int) -> list[dict]:
        """Values read by OCR, with the page and box they were read from."""
        return self.file().fields(client_id)

    @_plain_errors
    def pages(self, document_id: int) -> list[tuple[int, PageText]]:
        return self.file().pages(document_id)

    @_plain_errors
    def page_of(self, client_id: int, page_id: int) -> tuple[dict, int, PageText] | None:
        """(document, page index, page) holding page_id among the client's documents."""
        cf = self.file()
        for document in cf.client(client_id)["documents"]:
            for index, (pid, page) in enumerate(cf.pages(document["id"])):
                if pid == page_id:
                    return document, index, page
        return None

    def original_path(self, sha256: str) -> Path:
        return self.file().original_path(sha256)

    # -- writing ----------------------------------------------------------------------------

    @_plain_errors
    def update_fields(self, client_id: int, **fields: str | None) -> None:
        cf = self.file()
        with cf.transaction() as conn:
            cf.update_client(conn, client_id, **fields)

    @_plain_errors
    def add_phone(self, client_id: int, written: str) -> str:
        e164 = phone_numbers.normalize(written)
        if e164 is None:
            raise DataError(f"{written} is geen telefoonnummer.")
        cf = self.file()
        with cf.transaction() as conn:
            cf.add_phone(conn, client_id, Phone(e164, written, phone_numbers.kind_of(e164)))
        return e164

    @_plain_errors
    def remove_phone(self, client_id: int, e164: str) -> None:
        cf = self.file()
        with cf.transaction() as conn:
            cf.remove_phone(conn, client_id, e164)

    @_plain_errors
    def add_email(self, client_id: int, email: str) -> None:
        cf = self.file()
        with cf.transaction() as conn:
            cf.add_email(conn, client_id, email)

    @_plain_errors
    def remove_email(self, client_id: int, email: str) -> None:
        cf = self.file()
        with cf.transaction() as conn:
            cf.remove_email(conn, client_id, email)

    @_plain_errors
    def set_address(self, client_id: int, address_id: int | None, **fields: str | None) -> None:
        """Change some parts of one address of the client (or add a first address)."""
        cf = self.file()
        with cf.transaction() as conn:
            if address_id is None:
                cf.add_address(conn, client_id, Address(**fields))
            else:
                current = next(
                    (a for a in cf.client(client_id)["addresses"] if a.get("id") == address_id),
                    None,
                )
                if current is None:
                    raise DataError("Dit adres is intussen verwijderd; open de klant opnieuw.")
                parts = {k: current.get(k) for k in ADDRESS_PARTS} | fields
                parts["country"] = parts.get("country") or "NL"
                cf.update_address(conn, address_id, Address(**parts))

    @_plain_errors
    def add_note(self, client_id: int, text: str) -> int:
        return self.file().add_note(client_id, text)

    @_plain_errors
    def create_client(self, name: str) -> int:
        cf = self.file()
        with cf.transaction() as conn:
            return cf.create_client(conn, name=name)

    @_plain_errors
    def set_status(self, client_id: int, status: str) -> None:
        """'archived' or 'active'."""
        self.file().set_status(client_id, status)

    @_plain_errors
    def merge(self, keep_id: int, other_id: int, choices: dict[str, str]) -> None:
        """choices: {column: 'keep' or 'other'}; the other client is erased afterwards."""
        self.file().merge_clients(keep_id, other_id, choices)

    @_plain_errors
    def forget(self, client_id: int) -> Any:
        """Erase a client per AVG (storage's ForgetReport comes back). The search index
        still holds the erased words as deleted entries until compact_search_index, which
        takes seconds on a big file: the window runs it off the GUI thread."""
        return self.file().forget(client_id, compact=False)

    @_plain_errors
    def set_call_note(self, call_id: int, text: str) -> None:
        self.file().set_call_note(call_id, text)

    @_plain_errors
    def compact_search_index(self) -> None:
        self.file().compact_search_index()

    @_plain_errors
    def daily_backup(self, folder: Path, keep: int) -> Path | None:
        """Today's backup in folder unless there is one; older ones beyond keep removed."""
        from storage.backups import daily_backup

        return daily_backup(self.file(), folder, keep=keep)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            slots, self._all = self._all, []
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
