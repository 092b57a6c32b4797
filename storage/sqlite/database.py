"""The client file as one SQLite file: opening it safely, its pragmas and locks, SQLite's
failures as named Dutch errors, erasing for good, and the online backup.

The only module of storage/ that knows SQLite's connection, locking, pragmas and error
codes (the FTS5 search index is in sqlite/search.py).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..database import BUSY_TIMEOUT_MS, Database, backup_error
from ..errors import (
    ClientFileBusyError,
    ClientFileError,
    CorruptClientFileError,
    DiskFullError,
    ReadOnlyClientFileError,
)

SQLITE_HEADER = b"SQLite format 3\x00"
# How long forget() waits for readers of other connections before the WAL can be emptied.
WIPE_WAIT_S = 10.0

# SQLite primary result codes (the low byte of sqlite_errorcode)
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_NOTADB = 10, 11, 13, 26
# The "dead man switch" byte of the -shm file: every connection to a WAL database holds a
# shared lock on it while open (SQLite's os_unix.c, UNIX_SHM_DMS).
_SHM_DMS_OFFSET = 128


def translate_error(e: sqlite3.Error, path: Path) -> ClientFileError | None:
    """A named, Dutch error for SQLite failures a user can do something about."""
    code = (getattr(e, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(e).lower()
    if code == _SQLITE_FULL or "database or disk is full" in text:
        return DiskFullError(
            f"De schijf is vol: er kon niets worden opgeslagen in {path}. Het klantbestand "
            "is ongewijzigd; maak ruimte vrij en probeer het opnieuw."
        )
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return ClientFileBusyError(
            f"Het klantbestand {path} is bezet door een ander programma of venster. "
            "Er is gewacht, maar het kwam niet vrij; sluit het andere programma of "
            "probeer het zo opnieuw."
        )
    if code == _SQLITE_READONLY:
        return ReadOnlyClientFileError(
            f"Het klantbestand {path} is alleen-lezen; er kan niets worden opgeslagen."
        )
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return CorruptClientFileError(f"{path} is beschadigd ({e}); zet een reservekopie terug.")
    if code == _SQLITE_IOERR:
        return ClientFileError(f"Schrijven naar {path} is mislukt (schijffout: {e}).")
    return None


# -- safe opening -------------------------------------------------------------------------------

# How many Databases of this process have each file open (see SqliteDatabase.open).
_OPEN_COUNT: dict[str, int] = {}
_OPEN_LOCK = threading.Lock()


def _release(key: str) -> None:
    with _OPEN_LOCK:
        left = _OPEN_COUNT.get(key, 0) - 1
        if left > 0:
            _OPEN_COUNT[key] = left
        else:
            _OPEN_COUNT.pop(key, None)


def _check_kind(path: Path) -> None:
    """Refuse what is not a plain file (a FIFO would hang the reading, /dev/null would
    get a journal beside it in /dev) before anything opens it."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as e:
        raise ClientFileError(f"Kan het klantbestand {path} niet lezen: {e.strerror or e}") from e
    if stat.S_ISDIR(mode):
        raise ClientFileError(f"{path} is een map, geen klantbestand.")
    if not stat.S_ISREG(mode):
        raise ClientFileError(
            f"{path} is geen gewoon bestand (maar een apparaat, pipe of socket); "
            "kies een bestand als klantbestand."
        )


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite, or a SQLite file cut short, before SQLite (or a
    journal-mode switch) can write anything to it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as handle:
        header = handle.read(100)
    if header[:16] != SQLITE_HEADER:
        raise CorruptClientFileError(
            f"{path} is geen klantbestand (het is geen SQLite-database); er is niets gewijzigd."
        )
    if len(header) < 100:
        raise CorruptClientFileError(f"{path} is afgebroken (te kort); er is niets gewijzigd.")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    change_counter = int.from_bytes(header[24:28], "big")
    page_count = int.from_bytes(header[28:32], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    wal = path.with_name(path.name + "-wal")
    wal_has_data = wal.exists() and wal.stat().st_size > 0
    # The page count in the header is trustworthy when the change counter matches; a
    # checkpointed file is never shorter than it says.
    if (
        change_counter == valid_for
        and not wal_has_data
        and page_count * page_size > path.stat().st_size
    ):
        raise CorruptClientFileError(
            f"{path} is afgebroken: het bestand is korter dan de database zegt "
            f"({path.stat().st_size} van {page_count * page_size} bytes). Er is niets "
            "gewijzigd; zet een reservekopie terug."
        )


def _is_writable(path: Path) -> bool:
    """Whether SQLite may write here: the file itself (EROFS, permissions; os.access
    alone says yes to root on a read-only mount) and its folder (WAL creates files)."""
    if not os.access(path.parent, os.W_OK):
        return False
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False
    os.close(fd)
    return True


def _disk_is_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def create_private(path: Path) -> None:
    """An empty file readable by the user only (personal data), its folder made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def in_use_elsewhere(path: Path) -> bool:
    """Whether another process has the SQLite file open (POSIX: its connections hold a
    shared lock on the -shm file while open). Call only while this process has no
    connection to it: closing a descriptor of a file drops the process's locks on it."""
    shm = path.with_name(path.name + "-shm")
    try:
        fd = os.open(shm, os.O_RDWR)
    except FileNotFoundError:
        return False  # no -shm: nobody has it open in WAL mode
    except OSError:
        return True  # cannot even look: assume it is in use
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_OFFSET)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, _SHM_DMS_OFFSET)
        return False
    finally:
        os.close(fd)


def open_in_this_process(path: Path) -> bool:
    with _OPEN_LOCK:
        return _OPEN_COUNT.get(os.path.realpath(path), 0) > 0


def _connect(path: Path, read_only: bool, busy_timeout_ms: int) -> sqlite3.Connection:
    def connect(uri: str) -> sqlite3.Connection:
        conn = sqlite3.connect(
            uri,
            uri=True,
            timeout=busy_timeout_ms / 1000,
            check_same_thread=False,
            isolation_level=None,
        )
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Every connection overwrites what it deletes (not only forget's): a deletion by
        # any thread of the window leaves nothing readable in the file.
        conn.execute("PRAGMA secure_delete = ON")
        # After a checkpoint the WAL file is cut back rather than reused, so frames with
        # erased data do not linger at its end.
        conn.execute("PRAGMA journal_size_limit = 0")
        return conn

    if not read_only:
        return connect(f"file:{path}")
    conn = connect(f"file:{path}?mode=ro")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL file on read-only media cannot get its -shm file; nobody can write
        # there either, so reading it as immutable is safe.
        conn.close()
        conn = connect(f"file:{path}?mode=ro&immutable=1")
    return conn


def _inspect(conn: sqlite3.Connection, path: Path, existed: bool) -> None:
    """Refuse a SQLite file of another program."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if existed and version == 0 and tables:
        raise CorruptClientFileError(
            f"{path} is een database van een ander programma, geen klantbestand; "
            "er is niets gewijzigd."
        )
    if version > 0 and "clients" not in tables:
        raise CorruptClientFileError(f"{path} is geen klantbestand; er is niets gewijzigd.")


def schema_version_of(path: Path) -> int:
    """The schema version of a closed file, read without opening it as a client file."""
    _check_kind(path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error as e:
        raise CorruptClientFileError(f"{path} is geen bruikbare reservekopie ({e}).") from e


# -- the connection -----------------------------------------------------------------------------


class SqliteDatabase(Database):
    """One connection to one SQLite client file."""

    dialect = "sqlite"
    Error = sqlite3.Error
    BEGIN = "BEGIN IMMEDIATE"  # the write lock at once: no deadlock between two writers

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
        super().__init__(path, read_only)
        self.conn = conn
        self._registry_key: str | None = None

    @classmethod
    def open(
        cls, path: Path, *, read_only: bool | None, busy_timeout_ms: int = BUSY_TIMEOUT_MS
    ) -> SqliteDatabase:
        """Connect to path (created when missing unless read-only) after checking it is a
        healthy SQLite file of ours; no schema version check here (see migrate.py).

        read_only None: decided by the file (one we may not write opens read-only).
        Raises CorruptClientFileError for anything else; nothing is written to it."""
        _check_kind(path)
        key = os.path.realpath(path)
        with _OPEN_LOCK:
            if _OPEN_COUNT.get(key, 0) == 0:
                # Raw open/close of the file is only safe while this process holds no
                # SQLite connection to it: closing any descriptor of a file drops all of
                # the process's POSIX locks on it, and with them SQLite's WAL protection.
                _check_header(path)
                writable = not path.exists() or _is_writable(path)
            else:
                writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
            _OPEN_COUNT[key] = _OPEN_COUNT.get(key, 0) + 1
        try:
            db = cls._open_checked(path, read_only, writable, busy_timeout_ms)
        except BaseException:
            _release(key)
            raise
        db._registry_key = key
        return db

    @classmethod
    def _open_checked(
        cls, path: Path, read_only: bool | None, writable: bool, busy_timeout_ms: int
    ) -> SqliteDatabase:
        exists = path.exists() and path.stat().st_size > 0
        if read_only is None:
            read_only = path.exists() and not writable
        if not path.exists():
            if read_only:
                raise ClientFileError(f"Het klantbestand {path} bestaat niet.")
            try:
                create_private(path)
            except OSError as e:
                raise ClientFileError(
                    f"Kan het klantbestand {path} niet aanmaken: {e.strerror or e}"
                ) from e
        elif not exists and not read_only:
            # an empty file becomes a client file: personal data, for the user only (the
            # -wal and -shm files SQLite makes take the file's permissions)
            try:
                os.chmod(path, 0o600)
            except OSError as e:
                raise ClientFileError(
                    f"Kan het klantbestand {path} niet afschermen: {e.strerror or e}"
                ) from e
        conn = _connect(path, read_only, busy_timeout_ms)
        try:
            _inspect(conn, path, exists)
            if not read_only:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as e:
            conn.close()
            known = translate_error(e, path)
            if isinstance(known, ClientFileBusyError | DiskFullError):
                raise known from e
            if _disk_is_full(path.parent):
                # SQLite says "disk I/O error" when it cannot create the -shm file: a
                # healthy file on a full disk must not be called damaged
                raise DiskFullError(
                    f"De schijf is vol: het klantbestand {path} kan niet worden geopend. "
                    "Het bestand zelf is ongewijzigd; maak ruimte vrij en probeer het opnieuw."
                ) from e
            raise CorruptClientFileError(
                f"{path} is beschadigd of geen klantbestand ({e}); er is niets gewijzigd."
            ) from e
        except ClientFileError:
            conn.close()
            raise
        return cls(conn, path, read_only)

    def close(self) -> None:
        self.conn.close()
        key, self._registry_key = self._registry_key, None
        if key is not None:
            _release(key)

    # -- the dialect ----------------------------------------------------------------------------

    def execute(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, args)

    def insert(self, sql: str, args: Sequence[Any] = ()) -> int:
        return int(self.conn.execute(sql, args).lastrowid)

    def equal_nocase(self, column: str) -> str:
        return f"{column} = ? COLLATE NOCASE"

    def translate_error(self, e: Exception) -> ClientFileError | None:
        return translate_error(e, self.path) if isinstance(e, sqlite3.Error) else None

    def is_integrity_error(self, e: Exception) -> bool:
        return isinstance(e, sqlite3.IntegrityError)

    def _in_database_transaction(self) -> bool:
        return self.conn.in_transaction

    @contextmanager
    def foreign_keys(self, on: bool) -> Iterator[None]:
        """Foreign keys switched off for a while (outside any transaction: SQLite ignores
        the switch inside one), for a migration that makes a table anew."""
        if on:
            yield
            return
        self.conn.execute("PRAGMA foreign_keys = OFF")
        try:
            yield
        finally:
            self.conn.execute("PRAGMA foreign_keys = ON")

    def check_foreign_keys(self) -> None:
        """Refuse to commit rows that refer to rows that are not there."""
        broken = self.conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise CorruptClientFileError(
                f"{self.path}: {len(broken)} verwijzingen naar ontbrekende gegevens; "
                "het bijwerken is teruggedraaid."
            )

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def set_schema_version(self, number: int) -> None:
        self.conn.execute(f"PRAGMA user_version = {int(number)}")

    def columns(self, table: str) -> list[str]:
        return [r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")]

    def insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence]) -> None:
        marks = ", ".join("?" for _ in columns)
        self.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def changes(self) -> int:
        """Rows changed through this connection so far (to see whether a step did work)."""
        return self.conn.total_changes

    # -- erasing and copying --------------------------------------------------------------------

    def wipe_free_space(self) -> bool:
        """Empty the WAL into the file and cut it to nothing, so the old versions of
        erased rows are gone from both (deleted rows themselves are overwritten:
        secure_delete). Waits up to WIPE_WAIT_S for readers of other connections (the
        window's, another program's) to finish their transaction. True when done."""
        deadline = time.monotonic() + WIPE_WAIT_S
        while True:
            busy = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if not busy:  # TRUNCATE reports not-busy only once all is in the file
                return True
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)

    def snapshot(self, dest: Path) -> None:
        """A consistent copy of the database into the file dest (readable by the user
        only), taken while others may be writing (SQLite's online backup)."""
        try:
            create_private(dest)
            target = sqlite3.connect(dest)
            try:
                self.conn.backup(target)
            finally:
                target.close()
            os.chmod(dest, 0o600)
        except sqlite3.Error as e:
            raise self.error(e, f"De reservekopie naar {dest} is mislukt") from e
        except OSError as e:
            raise backup_error(e, dest) from e
