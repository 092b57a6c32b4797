"""The connection to the client file, whichever database holds it: the one style of
transaction (a savepoint when nested), plain SQL with `?` placeholders, and database
failures as named Dutch errors.

Written once for both backends. What differs per database engine lives in one small
module each: sqlite/database.py (the SQLite file: pragmas, locks, WAL, error codes) and
postgres/database.py (the server: connecting, reconnecting, roles, error states). The
modules that hold clients, documents, notes and so on write plain SQL through
`Database.execute` inside `Database.transaction`, in the SQL both engines speak; the few
phrases that differ are methods here (`insert` for a new row's id, `equal_nocase`).
Nothing here leaves storage/: callers outside it use ClientFile.transaction(), which
yields no connection.
"""

from __future__ import annotations

import errno
import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar, Concatenate, ParamSpec, Protocol, TypeVar

from .errors import ClientFileError, ConstraintError, DiskFullError, ReadOnlyClientFileError

BUSY_TIMEOUT_MS = 5000


def now_iso() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


class Database:
    """One connection to one client file, with its transaction depth. Storage's parts
    share it; it never leaves storage/. Subclasses: SqliteDatabase, PgDatabase."""

    dialect: ClassVar[str] = ""
    # The driver's base exception: every failure of it becomes a ClientFileError.
    Error: ClassVar[type[Exception]] = Exception
    # How a transaction starts: SQLite takes the write lock at once (BEGIN IMMEDIATE).
    BEGIN: ClassVar[str] = "BEGIN"
    # After a SELECT: lock the rows read until the commit (SQLite's write lock is whole).
    FOR_UPDATE: ClassVar[str] = ""

    def __init__(self, path: Path | str, read_only: bool) -> None:
        self.path = path  # the file, or a server URL without its password
        self.read_only = read_only
        self._depth = 0  # open transaction levels: 0 none, 1 a transaction, >1 savepoints

    # -- what each backend provides -------------------------------------------------------

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """Run one statement (placeholders `?`); returns a DB-API cursor."""
        raise NotImplementedError

    def insert(self, sql: str, args: Sequence[Any] = ()) -> int:
        """Run one INSERT of one row into a table with an `id` column; returns that id."""
        raise NotImplementedError

    def fetch_together(self, queries: Sequence[tuple[str, Sequence[Any]]]) -> list[list[Any]]:
        """The rows of each (sql, args) query, in order (on a server: all sent at once,
        answered in one round trip)."""
        return [self.execute(sql, args).fetchall() for sql, args in queries]

    def one_of(self, values: Sequence[Any]) -> tuple[str, list[Any]]:
        """(`IN (?, ?, …)` or the engine's equivalent, its parameters): `column {sql}`
        matches any of values (at least one)."""
        return "IN (" + ", ".join("?" for _ in values) + ")", list(values)

    def equal_nocase(self, column: str) -> str:
        """The condition `column = ?` without regard to (ASCII) case, as the engine's
        index on that column can answer it."""
        raise NotImplementedError

    def translate_error(self, e: Exception) -> ClientFileError | None:
        """A named, Dutch error for failures a user can do something about, else None."""
        raise NotImplementedError

    def is_integrity_error(self, e: Exception) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def schema_version(self) -> int:
        raise NotImplementedError

    def set_schema_version(self, number: int) -> None:
        raise NotImplementedError

    def _control(self, sql: str) -> None:
        """Run BEGIN/COMMIT/ROLLBACK/SAVEPOINT/RELEASE."""
        self.execute(sql)

    def _in_database_transaction(self) -> bool:
        """Whether the engine still has a transaction open (it may have ended it itself)."""
        raise NotImplementedError

    def _before_begin(self) -> None:
        """Called before a top-level transaction starts (a lost server is reconnected)."""

    def lock_schema(self) -> None:
        """Inside a migration's transaction: keep other programs from migrating at once
        (SQLite's BEGIN IMMEDIATE does already)."""

    @contextmanager
    def foreign_keys(self, on: bool) -> Iterator[None]:
        """Foreign keys off for a migration step that makes a table anew (SQLite only)."""
        yield

    def check_foreign_keys(self) -> None:
        """Refuse to commit rows that refer to rows that are not there (SQLite only: the
        server checks every row itself)."""

    # -- bulk copying (copying.py) ----------------------------------------------------------

    # How a read-only snapshot starts: every read inside sees one consistent moment.
    SNAPSHOT_BEGIN: ClassVar[str] = "BEGIN"

    @contextmanager
    def snapshot_reads(self) -> Iterator[None]:
        """Reads that all see the file as it was at one moment (others may write)."""
        self._before_begin()
        self._control(self.SNAPSHOT_BEGIN)
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            with suppress(self.Error):
                self._control("ROLLBACK")

    def columns(self, table: str) -> list[str]:
        """The stored (not generated) columns of a table, in order."""
        raise NotImplementedError

    def insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence]) -> None:
        """Many rows at once, ids included (inside the caller's transaction)."""
        marks = ", ".join("?" for _ in columns)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        for row in rows:
            self.execute(sql, row)

    def after_bulk_insert(self, tables: Sequence[str]) -> None:
        """After rows came in with their ids: new rows must get ids after them."""

    def wipe_free_space(self) -> bool:
        """After an erase: make what was deleted unreadable in the database's files, as
        far as the engine allows without rewriting tables; True when done."""
        return True

    # -- errors ---------------------------------------------------------------------------

    def error(self, e: Exception, failed: str) -> ClientFileError:
        """Any database failure as a ClientFileError: a named one where the user can act,
        else `failed` (a Dutch sentence start such as "Opslaan in X is mislukt") with it."""
        known = self.translate_error(e)
        if known is not None:
            return known
        if self.is_integrity_error(e):
            return ConstraintError(
                f"{failed}: het verwijst naar iets dat er niet (meer) is, of bestaat al ({e})."
            )
        return ClientFileError(f"{failed}: {e}")

    def read_only_error(self) -> ReadOnlyClientFileError:
        return ReadOnlyClientFileError(
            f"Het klantbestand {self.path} is alleen-lezen; er kan niets worden opgeslagen."
        )

    # -- the one transaction style --------------------------------------------------------

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; all or nothing. Inside an open transaction it is a
        savepoint: an exception leaving it undoes that part only. Every database failure
        comes out as a ClientFileError (named where a user can act: disk full, locked,
        read-only, server gone)."""
        if self.read_only:
            raise self.read_only_error()
        name = f"sp{self._depth}"
        try:
            if not self._depth:
                self._before_begin()
            self._control(f"SAVEPOINT {name}" if self._depth else self.BEGIN)
        except self.Error as e:
            raise self.error(e, f"Het klantbestand {self.path} is niet schrijfbaar") from e
        self._depth += 1
        try:
            yield
        except BaseException as e:
            self._depth -= 1
            self._undo(name)
            if isinstance(e, self.Error):
                raise self.error(e, f"Opslaan in {self.path} is mislukt") from e
            raise
        self._depth -= 1
        try:
            self._control(f"RELEASE {name}" if self._depth else "COMMIT")
        except self.Error as e:
            self._undo(name)
            raise self.error(e, f"Opslaan in {self.path} is mislukt") from e

    def _undo(self, name: str) -> None:
        try:
            if not self._in_database_transaction():
                return  # the engine rolled back by itself (SQLITE_FULL, a lost server)
            if self._depth:
                self._control(f"ROLLBACK TO {name}")
                self._control(f"RELEASE {name}")
            else:
                self._control("ROLLBACK")
        except self.Error:
            pass  # the transaction is gone already; nothing was committed


class _HasDatabase(Protocol):
    db: Database


P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S", bound=_HasDatabase)


def reading(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """For read methods of storage's parts: a database failure comes out as a
    ClientFileError, so no caller outside storage/ ever needs the driver."""

    @functools.wraps(method)
    def wrapper(self: S, *args: P.args, **kwargs: P.kwargs) -> R:
        db = self.db
        try:
            return method(self, *args, **kwargs)
        except db.Error as e:
            raise db.error(e, f"Lezen uit {db.path} is mislukt") from e

    return wrapper


def backup_error(e: OSError, dest: Path) -> ClientFileError:
    """A file-system failure while making a backup as a ClientFileError."""
    if e.errno == errno.ENOSPC:
        return DiskFullError(f"De schijf is vol: de reservekopie naar {dest} is niet compleet.")
    return ClientFileError(f"De reservekopie naar {dest} is mislukt: {e.strerror or e}")
