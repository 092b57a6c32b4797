"""The client file: one SQLite database plus its folder of original scans."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

from . import phones as phone_numbers
from .erasure import CLIENT_COLUMNS, STATUSES, Eraser
from .errors import (
    ClientFileBusyError,
    ClientFileError,
    ClientNotFoundError,
    CorruptClientFileError,
    DiskFullError,
    NewerSchemaError,
    ReadOnlyClientFileError,
)
from .finding import Finder
from .models import Address, PageText, Phone, Word
from .originals import OriginalStore
from .schema import MIGRATIONS, REBUILD_SEARCH_AT, SCHEMA_VERSION, statements

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
REGION_ENV = "KLANTDOSSIER_REGION"

# SQLite primary result codes (the low byte of sqlite_errorcode)
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_NOTADB = 10, 11, 13, 26


def now_iso() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


# How many ClientFiles of this process have each database open (see ClientFile.open).
_OPEN_COUNT: dict[str, int] = {}
_OPEN_LOCK = threading.Lock()


def _release(key: str) -> None:
    with _OPEN_LOCK:
        left = _OPEN_COUNT.get(key, 0) - 1
        if left > 0:
            _OPEN_COUNT[key] = left
        else:
            _OPEN_COUNT.pop(key, None)


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


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _disk_is_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


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


@dataclass
class _Writer:
    """Transaction depth of one ClientFile (savepoints inside an open transaction)."""

    depth: int = 0
    savepoints: list[str] = field(default_factory=list)


class ClientFile(Finder, Eraser):
    """One client file. Use ClientFile.open(path); the GUI, CLI and benchmarks share it."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        read_only: bool = False,
        region: str = phone_numbers.DEFAULT_REGION,
    ) -> None:
        self._conn = conn
        self._db: sqlite_utils.Database | None = None
        self.path = path
        self.read_only = read_only
        self.region = region
        self.originals = OriginalStore(path.with_name(path.name + ".originals"))
        self._writer = _Writer()
        self._registry_key: str | None = None

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        read_only: bool | None = None,
        region: str | None = None,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> ClientFile:
        """Open (creating or migrating) the client file at path.

        read_only None: decided by the file (a file or folder we may not write opens
        read-only, `cf.read_only` is then True). region: the country for numbers written
        without one (default KLANTDOSSIER_REGION or NL). Raises CorruptClientFileError
        for anything that is not a healthy client file (nothing is written to it),
        NewerSchemaError for a file of a newer Klantdossier; an older file is migrated
        after an automatic backup next to it.
        """
        path = Path(path).expanduser().absolute()
        region = region or os.environ.get(REGION_ENV) or phone_numbers.DEFAULT_REGION
        if path.is_dir():
            raise ClientFileError(f"{path} is een map, geen klantbestand.")
        key = os.path.realpath(path)
        with _OPEN_LOCK:
            first_in_process = _OPEN_COUNT.get(key, 0) == 0
            if first_in_process:
                # Raw open/close of the file is only safe while this process holds no
                # SQLite connection to it: closing any descriptor of a file drops all of
                # the process's POSIX locks on it, and with them SQLite's WAL protection.
                _check_header(path)
                writable = not path.exists() or _is_writable(path)
            else:
                writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
            _OPEN_COUNT[key] = _OPEN_COUNT.get(key, 0) + 1
        try:
            cf = cls._open_checked(path, read_only, writable, region, busy_timeout_ms)
        except BaseException:
            _release(key)
            raise
        cf._registry_key = key
        return cf

    @classmethod
    def _open_checked(
        cls,
        path: Path,
        read_only: bool | None,
        writable: bool,
        region: str,
        busy_timeout_ms: int,
    ) -> ClientFile:
        exists = path.exists() and path.stat().st_size > 0
        if read_only is None:
            read_only = path.exists() and not writable
        if not path.exists():
            if read_only:
                raise ClientFileError(f"Het klantbestand {path} bestaat niet.")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                # Personal data: readable by the user only.
                fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
                os.close(fd)
            except OSError as e:
                raise ClientFileError(
                    f"Kan het klantbestand {path} niet aanmaken: {e.strerror or e}"
                ) from e
        conn = cls._connect(path, read_only, busy_timeout_ms)
        try:
            version = cls._inspect(conn, path, exists)
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
        cf = cls(conn, path, read_only, region)
        if version > SCHEMA_VERSION:
            conn.close()
            raise NewerSchemaError(
                f"{path} is gemaakt met een nieuwere versie van Klantdossier "
                f"(schema {version}, deze versie kent {SCHEMA_VERSION}). Werk Klantdossier bij."
            )
        if version < SCHEMA_VERSION:
            if read_only:
                conn.close()
                raise ReadOnlyClientFileError(
                    f"{path} is alleen-lezen en moet eerst worden bijgewerkt naar de nieuwe "
                    "versie. Maak het bestand schrijfbaar (of kopieer het) en open het opnieuw."
                )
            cf._migrate(version)
        if not read_only:
            cf._secure_originals_folder()
        return cf

    @staticmethod
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

    @staticmethod
    def _inspect(conn: sqlite3.Connection, path: Path, existed: bool) -> int:
        """Schema version of the file; refuses a SQLite file of another program."""
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if existed and version == 0 and tables:
            raise CorruptClientFileError(
                f"{path} is een database van een ander programma, geen klantbestand; "
                "er is niets gewijzigd."
            )
        if version > 0 and "clients" not in tables:
            raise CorruptClientFileError(f"{path} is geen klantbestand; er is niets gewijzigd.")
        return version

    def _secure_originals_folder(self) -> None:
        root = self.originals.root
        try:
            root.mkdir(mode=0o700, exist_ok=True)
            os.chmod(root, 0o700)
        except OSError:
            pass  # the folder is made again (0700) by the first put()

    def _migrate(self, current: int) -> None:
        if current > 0:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            self.backup(self.path.with_name(f"{self.path.name}.v{current}-{stamp}.bak"))
        conn = self._conn
        for number, sql in enumerate(MIGRATIONS[current:], start=current + 1):
            with self.transaction():
                # another program may have migrated since we read the version: the
                # write lock is ours now, so the version read here is the truth
                if conn.execute("PRAGMA user_version").fetchone()[0] >= number:
                    continue
                for statement in statements(sql):
                    conn.execute(statement)
                if number in REBUILD_SEARCH_AT and current > 0:
                    self.rebuild_search_index(conn)
                conn.execute(f"PRAGMA user_version = {number}")

    def close(self) -> None:
        self._conn.close()
        key, self._registry_key = self._registry_key, None
        if key is not None:
            _release(key)

    def __enter__(self) -> ClientFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        return self._conn

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils' view of the same connection (table helpers, introspection).
        Made on first use: importing sqlite_utils costs about 0.2 s (it loads numpy and
        its plugins), which the window's start-up and `main.py lookup` need not pay."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self._conn)
        return self._db

    def require_writable(self) -> None:
        """Raise ReadOnlyClientFileError now, before slow work whose result could not be
        stored (an import would otherwise read every page first)."""
        if self.read_only:
            raise self._read_only_error()

    def _read_only_error(self) -> ReadOnlyClientFileError:
        return ReadOnlyClientFileError(
            f"Het klantbestand {self.path} is alleen-lezen; er kan niets worden opgeslagen."
        )

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE); all or nothing. Inside an open
        transaction it is a savepoint. SQLite failures a user can act on (disk full,
        locked, read-only) come out as named ClientFileErrors with Dutch messages."""
        if self.read_only:
            raise self._read_only_error()
        conn = self._conn
        writer = self._writer
        name = f"sp{writer.depth}"
        try:
            conn.execute(f"SAVEPOINT {name}" if writer.depth else "BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise translate_error(e, self.path) or ClientFileError(
                f"Het klantbestand {self.path} is niet schrijfbaar: {e}"
            ) from e
        writer.depth += 1
        try:
            yield conn
        except BaseException as e:
            writer.depth -= 1
            self._undo(conn, name, writer.depth)
            if isinstance(e, sqlite3.Error):
                known = translate_error(e, self.path)
                if known is not None:
                    raise known from e
            raise
        writer.depth -= 1
        try:
            conn.execute(f"RELEASE {name}" if writer.depth else "COMMIT")
        except sqlite3.Error as e:
            self._undo(conn, name, writer.depth)
            raise translate_error(e, self.path) or ClientFileError(
                f"Opslaan in {self.path} is mislukt: {e}"
            ) from e

    @staticmethod
    def _undo(conn: sqlite3.Connection, name: str, depth: int) -> None:
        if not conn.in_transaction:
            return  # SQLite rolled back by itself (e.g. after SQLITE_FULL)
        try:
            if depth:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            else:
                conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the transaction is gone already; nothing was committed

    @contextmanager
    def _writing(self, conn: sqlite3.Connection | None) -> Iterator[sqlite3.Connection]:
        """Use the caller's open transaction, or open one."""
        if conn is not None:
            yield conn
        else:
            with self.transaction() as own:
                yield own

    # -- clients -----------------------------------------------------------------------------

    def create_client(
        self,
        conn: sqlite3.Connection,
        *,
        name: str,
        phones: Sequence[Phone] = (),
        emails: Sequence[str] = (),
        addresses: Sequence[Address] = (),
        **fields: str | None,
    ) -> int:
        """Insert a client inside an open transaction; returns its id."""
        stamp = now_iso()
        unknown = set(fields) - CLIENT_COLUMNS
        if unknown:
            raise ValueError(f"unknown client fields: {sorted(unknown)}")
        columns = {"name": name, "created_at": stamp, "updated_at": stamp, **fields}
        keys = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        cursor = conn.execute(
            f"INSERT INTO clients ({keys}) VALUES ({marks})", list(columns.values())
        )
        client_id = int(cursor.lastrowid)
        for phone in phones:
            self._insert_phone(conn, client_id, phone)
        for email in emails:
            self._insert_email(conn, client_id, email)
        for address in addresses:
            self._insert_address(conn, client_id, address)
        self.reindex_client(conn, client_id)
        return client_id

    def _insert_phone(self, conn: sqlite3.Connection, client_id: int, phone: Phone) -> None:
        conn.execute(
            "INSERT OR IGNORE INTO phones (client_id, e164, written, kind) VALUES (?, ?, ?, ?)",
            (client_id, phone.e164, phone.written, phone.kind),
        )

    def _insert_email(self, conn: sqlite3.Connection, client_id: int, email: str) -> None:
        conn.execute(
            "INSERT OR IGNORE INTO emails (client_id, email) VALUES (?, ?)", (client_id, email)
        )

    def _insert_address(self, conn: sqlite3.Connection, client_id: int, address: Address) -> int:
        cursor = conn.execute(
            "INSERT INTO addresses (client_id, street, house_number, postcode, city, country)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                client_id,
                address.street,
                address.house_number,
                address.postcode,
                address.city,
                address.country,
            ),
        )
        return int(cursor.lastrowid)

    def add_phone(self, conn: sqlite3.Connection, client_id: int, phone: Phone) -> None:
        """Add a number to a client (inside an open transaction); a known one is ignored."""
        self._insert_phone(conn, client_id, phone)
        self.reindex_client(conn, client_id)

    def add_email(self, conn: sqlite3.Connection, client_id: int, email: str) -> None:
        """Add an e-mail address to a client (inside an open transaction)."""
        self._insert_email(conn, client_id, email)
        self.reindex_client(conn, client_id)

    def add_address(self, conn: sqlite3.Connection, client_id: int, address: Address) -> int:
        """Add an address to a client (inside an open transaction); returns its id."""
        address_id = self._insert_address(conn, client_id, address)
        self.reindex_client(conn, client_id)
        return address_id

    def remove_phone(self, conn: sqlite3.Connection, client_id: int, e164: str) -> bool:
        """Remove one number from a client; True when it was there."""
        cursor = conn.execute(
            "DELETE FROM phones WHERE client_id = ? AND e164 = ?", (client_id, e164)
        )
        self.reindex_client(conn, client_id)
        return cursor.rowcount > 0

    def remove_email(self, conn: sqlite3.Connection, client_id: int, email: str) -> bool:
        """Remove one e-mail address (case-insensitive) from a client; True when it was there."""
        cursor = conn.execute(
            "DELETE FROM emails WHERE client_id = ? AND email = ? COLLATE NOCASE",
            (client_id, email),
        )
        self.reindex_client(conn, client_id)
        return cursor.rowcount > 0

    def update_address(self, conn: sqlite3.Connection, address_id: int, address: Address) -> None:
        """Replace the parts of one address (its id is in cf.client()['addresses'])."""
        row = conn.execute("SELECT client_id FROM addresses WHERE id = ?", (address_id,)).fetchone()
        if row is None:
            raise ClientNotFoundError(f"Er is geen adres met nummer {address_id}.")
        conn.execute(
            "UPDATE addresses SET street = ?, house_number = ?, postcode = ?, city = ?,"
            " country = ? WHERE id = ?",
            (
                address.street,
                address.house_number,
                address.postcode,
                address.city,
                address.country,
                address_id,
            ),
        )
        self.reindex_client(conn, int(row[0]))

    def remove_address(self, conn: sqlite3.Connection, address_id: int) -> None:
        """Remove one address by its id."""
        row = conn.execute("SELECT client_id FROM addresses WHERE id = ?", (address_id,)).fetchone()
        if row is not None:
            conn.execute("DELETE FROM addresses WHERE id = ?", (address_id,))
            self.reindex_client(conn, int(row[0]))

    def update_client(self, conn: sqlite3.Connection, client_id: int, **fields: str | None) -> None:
        """Set columns of the clients row (names from CLIENT_COLUMNS only) and reindex."""
        unknown = set(fields) - CLIENT_COLUMNS
        if unknown:
            raise ValueError(f"unknown client fields: {sorted(unknown)}")
        if "status" in fields and fields["status"] not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}")
        if fields:
            sets = ", ".join(f"{key} = ?" for key in fields)
            conn.execute(
                f"UPDATE clients SET {sets}, updated_at = ? WHERE id = ?",
                [*fields.values(), now_iso(), client_id],
            )
        self.reindex_client(conn, client_id)

    def set_status(self, client_id: int, status: str) -> None:
        """Mark a client 'active' or 'archived' (archived clients stay searchable)."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}")
        with self.transaction() as conn:
            self._require_client(conn, client_id)
            self.update_client(conn, client_id, status=status)

    def _require_client(self, conn: sqlite3.Connection, client_id: int) -> None:
        if conn.execute("SELECT 1 FROM clients WHERE id = ?", (client_id,)).fetchone() is None:
            raise ClientNotFoundError(f"Er is geen klant met nummer {client_id}.")

    def add_field(
        self,
        conn: sqlite3.Connection,
        client_id: int,
        *,
        field: str,
        value: str,
        page_id: int | None = None,
        box: tuple[int, int, int, int] | None = None,
        confidence: float | None = None,
        accepted: bool = False,
    ) -> int:
        """Record an extracted value with where it was read (page and box in pixels)."""
        cursor = conn.execute(
            "INSERT INTO fields (client_id, page_id, field, value, box, confidence, accepted)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                client_id,
                page_id,
                field,
                value,
                json.dumps(box) if box else None,
                confidence,
                int(accepted),
            ),
        )
        return int(cursor.lastrowid)

    def fields(self, client_id: int) -> list[dict]:
        """Extracted values of a client with provenance, oldest first."""
        rows = self.conn.execute(
            "SELECT id, page_id, field, value, box, confidence, accepted FROM fields"
            " WHERE client_id = ? ORDER BY id",
            (client_id,),
        ).fetchall()
        return [
            {
                "id": r[0],
                "page_id": r[1],
                "field": r[2],
                "value": r[3],
                "box": json.loads(r[4]) if r[4] else None,
                "confidence": r[5],
                "accepted": bool(r[6]),
            }
            for r in rows
        ]

    def find_by_key(self, kind: str, value: str) -> list[int]:
        """Client ids holding a strong key: kind is phone (E.164), email, iban, kvk or
        postcode (with or without the space)."""
        queries = {
            "phone": "SELECT client_id FROM phones WHERE e164 = ?",
            "email": "SELECT client_id FROM emails WHERE email = ? COLLATE NOCASE",
            "iban": "SELECT id FROM clients WHERE iban = ?",
            "kvk": "SELECT id FROM clients WHERE kvk = ?",
            "postcode": "SELECT client_id FROM addresses WHERE replace(postcode, ' ', '') = ?",
        }
        if kind in ("postcode", "iban"):
            value = value.replace(" ", "").upper()
        return sorted({r[0] for r in self.conn.execute(queries[kind], (value,))})

    # -- notes and calls ---------------------------------------------------------------------

    def add_note(self, client_id: int, text: str, *, conn: sqlite3.Connection | None = None) -> int:
        """Add a note to a client; returns its id. Pass conn to add it inside your own
        open transaction."""
        with self._writing(conn) as c:
            cursor = c.execute(
                "INSERT INTO notes (client_id, created_at, text) VALUES (?, ?, ?)",
                (client_id, now_iso(), text),
            )
        return int(cursor.lastrowid)

    def notes(self, client_id: int) -> list[dict]:
        """Notes of a client, newest first: [{"id", "at", "text"}]."""
        return [
            {"id": r[0], "at": r[1], "text": r[2]}
            for r in self.conn.execute(
                "SELECT id, created_at, text FROM notes WHERE client_id = ?"
                " ORDER BY created_at DESC, id DESC",
                (client_id,),
            )
        ]

    def delete_note(self, note_id: int) -> None:
        """Remove one note."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))

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
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO calls (client_id, number, direction, started_at, duration_seconds,"
                " note) VALUES (?, ?, ?, ?, ?, ?)",
                (client_id, number, direction, now_iso(), duration_seconds, note),
            )
        return int(cursor.lastrowid)

    def set_call_note(self, call_id: int, note: str) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE calls SET note = ? WHERE id = ?", (note, call_id))

    def set_call_client(self, call_id: int, client_id: int | None) -> None:
        """Attach a logged call to a client (e.g. after "new client" for an unknown number)."""
        with self.transaction() as conn:
            conn.execute("UPDATE calls SET client_id = ? WHERE id = ?", (client_id, call_id))

    def set_call_duration(self, call_id: int, duration_seconds: int) -> None:
        """Record how long a call lasted, once it has ended."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE calls SET duration_seconds = ? WHERE id = ?", (duration_seconds, call_id)
            )

    _CALL_COLUMNS = "id, client_id, number, direction, started_at, duration_seconds, note"

    @staticmethod
    def _call_dict(r: Sequence) -> dict:
        return {
            "id": r[0],
            "client_id": r[1],
            "number": r[2],
            "direction": r[3],
            "at": r[4],
            "duration_seconds": r[5],
            "note": r[6],
        }

    def calls(self, client_id: int | None = None, limit: int = 100) -> list[dict]:
        """Logged calls, newest first: one client's, or (client_id None) all calls
        including those from unknown numbers (their "client_id" is None). Each call is
        {"id", "client_id", "number", "direction", "at", "duration_seconds", "note"}."""
        limit = max(1, int(limit))
        if client_id is None:
            rows = self.conn.execute(
                f"SELECT {self._CALL_COLUMNS} FROM calls ORDER BY started_at DESC, id DESC LIMIT ?",
                (limit,),
            )
        else:
            rows = self.conn.execute(
                f"SELECT {self._CALL_COLUMNS} FROM calls WHERE client_id = ?"
                " ORDER BY started_at DESC, id DESC LIMIT ?",
                (client_id, limit),
            )
        return [self._call_dict(r) for r in rows]

    def last_call(self, client_id: int) -> dict | None:
        """The most recent call of a client (same shape as calls()), or None."""
        found = self.calls(client_id, limit=1)
        return found[0] if found else None

    # -- reading -----------------------------------------------------------------------------

    def pages(self, document_id: int) -> list[tuple[int, PageText]]:
        """(page id, page) of a document in page order, words included."""
        rows = self.conn.execute(
            "SELECT id, text, words, confidence, orientation, width, height, source FROM pages"
            " WHERE document_id = ? ORDER BY page_no",
            (document_id,),
        ).fetchall()
        return [
            (
                r[0],
                PageText(
                    r[1],
                    [Word.from_list(w) for w in json.loads(r[2])],
                    r[3],
                    r[4],
                    r[5],
                    r[6],
                    r[7],
                ),
            )
            for r in rows
        ]

    def original_path(self, sha256: str) -> Path:
        """Where the original of a document is kept (it may be missing: check)."""
        return self.originals.path_for(sha256)

    def client_ids(self) -> list[int]:
        return [row[0] for row in self.conn.execute("SELECT id FROM clients ORDER BY name, id")]

    def count_clients(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM clients").fetchone()[0])

    def client(self, client_id: int) -> dict:
        """Everything on one client, in the JSON shape of DESIGN.md (`show`). Addresses
        carry their "id" (for update_address); "phone_details" adds the written form and
        kind of each number in "phones"."""
        cur = self.conn.cursor()
        cur.row_factory = sqlite3.Row
        row = cur.execute("SELECT * FROM clients WHERE id = ?", (client_id,)).fetchone()
        if row is None:
            raise ClientNotFoundError(f"Er is geen klant met nummer {client_id}.")
        phone_rows = cur.execute(
            "SELECT e164, written, kind FROM phones WHERE client_id = ? ORDER BY id", (client_id,)
        ).fetchall()
        emails = [
            r["email"]
            for r in cur.execute(
                "SELECT email FROM emails WHERE client_id = ? ORDER BY id", (client_id,)
            )
        ]
        addresses = [
            {
                "id": r["id"],
                **Address(
                    r["street"], r["house_number"], r["postcode"], r["city"], r["country"]
                ).to_dict(),
            }
            for r in cur.execute(
                "SELECT * FROM addresses WHERE client_id = ? ORDER BY id", (client_id,)
            )
        ]
        documents = [
            {"id": r["id"], "name": r["name"], "pages": r["pages"], "sha256": r["sha256"]}
            for r in cur.execute(
                "SELECT id, name, pages, sha256 FROM documents WHERE client_id = ? ORDER BY id",
                (client_id,),
            )
        ]
        cur.close()
        return {
            "id": row["id"],
            "name": row["name"],
            "first_name": row["first_name"],
            "tussenvoegsel": row["tussenvoegsel"],
            "last_name": row["last_name"],
            "company": row["company"],
            "legal_form": row["legal_form"],
            "phones": [r["e164"] for r in phone_rows],
            "phone_details": [
                {"e164": r["e164"], "written": r["written"], "kind": r["kind"]} for r in phone_rows
            ],
            "emails": emails,
            "addresses": addresses,
            "iban": row["iban"],
            "bic": row["bic"],
            "kvk": row["kvk"],
            "btw": row["btw"],
            "client_since": row["client_since"],
            "status": row["status"],
            "documents": documents,
            "notes": self.notes(client_id),
            "calls": [
                {k: v for k, v in call.items() if k != "client_id"}
                for call in self.calls(client_id, limit=1_000_000)
            ],
        }

    # -- documents ---------------------------------------------------------------------------

    def has_document(self, sha256: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
            is not None
        )

    def client_of_document(self, sha256: str) -> int | None:
        """The client a stored file (by its SHA-256) belongs to, if it has one."""
        row = self.conn.execute(
            "SELECT client_id FROM documents WHERE sha256 = ? AND client_id IS NOT NULL",
            (sha256,),
        ).fetchone()
        return int(row[0]) if row else None

    def add_document(
        self,
        conn: sqlite3.Connection,
        *,
        client_id: int | None,
        name: str,
        sha256: str,
        mime: str | None,
        pages: Sequence[PageText],
    ) -> int:
        """Insert a document and its pages inside an open transaction; the original must be
        stored first, so a committed document always has its original."""
        cursor = conn.execute(
            "INSERT INTO documents (client_id, name, sha256, mime, pages, imported_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (client_id, name, sha256, mime, len(pages), now_iso()),
        )
        document_id = int(cursor.lastrowid)
        for number, page in enumerate(pages, start=1):
            page_cursor = conn.execute(
                "INSERT INTO pages (document_id, page_no, text, words, confidence, orientation,"
                " width, height, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document_id,
                    number,
                    page.text,
                    json.dumps([w.as_list() for w in page.words], ensure_ascii=False),
                    page.confidence,
                    page.orientation,
                    page.width,
                    page.height,
                    page.source,
                ),
            )
            if client_id is not None and page.text.strip():
                conn.execute(
                    "INSERT INTO page_fts (rowid, text) VALUES (?, ?)",
                    (page_cursor.lastrowid, page.text),
                )
        return document_id

    def sweep_originals(self) -> int:
        """Remove originals no document refers to, and half-copied temp files: the
        leftovers of an import that crashed or failed between copying a scan and
        committing its document (personal data no search, export or forget would find).
        Returns how many files were removed."""
        removed = 0
        with self.transaction() as conn:
            known = {row[0] for row in conn.execute("SELECT sha256 FROM documents")}
            for sha, path in self.originals.stored():
                if sha is None or sha not in known:
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed

    def add_page_flag(self, conn: sqlite3.Connection, page_id: int, flag: str) -> None:
        """Add a word (e.g. 'bsn') to a page's space-separated flags, once."""
        conn.execute(
            "UPDATE pages SET flags = trim(flags || ' ' || ?) WHERE id = ?"
            " AND ' ' || flags || ' ' NOT LIKE '% ' || ? || ' %'",
            (flag, page_id, flag),
        )

    def documents_of_pages(
        self, conn: sqlite3.Connection, page_ids: Sequence[int]
    ) -> dict[int, tuple[str, int | None]]:
        """document id -> (file name, client id or None) for the documents of these pages."""
        if not page_ids:
            return {}
        marks = ", ".join("?" for _ in page_ids)
        rows = conn.execute(
            "SELECT DISTINCT d.id, d.name, d.client_id FROM pages p"
            " JOIN documents d ON d.id = p.document_id"
            f" WHERE p.id IN ({marks}) ORDER BY d.id",
            list(page_ids),
        ).fetchall()
        return {int(r[0]): (r[1], int(r[2]) if r[2] is not None else None) for r in rows}

    def assign_document(
        self, conn: sqlite3.Connection, document_id: int, client_id: int | None
    ) -> None:
        """Move a document (and its pages in the search index) to another client, or to
        none (None: its pages are then not found by search)."""
        row = conn.execute(
            "SELECT client_id FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise ClientNotFoundError(f"Er is geen document met nummer {document_id}.")
        was_indexed = row[0] is not None
        conn.execute("UPDATE documents SET client_id = ? WHERE id = ?", (client_id, document_id))
        if was_indexed and client_id is None:
            self._unindex_pages(conn, "document_id = ?", (document_id,))
        elif not was_indexed and client_id is not None:
            conn.execute(
                "INSERT INTO page_fts (rowid, text) SELECT id, text FROM pages"
                " WHERE document_id = ? AND trim(text) != ''",
                (document_id,),
            )

    def _unindex_pages(self, conn: sqlite3.Connection, where: str, args: Sequence) -> None:
        # External-content FTS needs the old text to remove a row's tokens.
        conn.execute(
            "INSERT INTO page_fts (page_fts, rowid, text) SELECT 'delete', id, text FROM pages"
            f" WHERE {where} AND trim(text) != ''",
            args,
        )

    def log(self, conn: sqlite3.Connection, event: str, detail: str | None = None) -> None:
        """An import-log line; callers keep personal data out of it."""
        conn.execute(
            "INSERT INTO import_log (at, event, detail) VALUES (?, ?, ?)",
            (now_iso(), event, detail),
        )

    # -- export ------------------------------------------------------------------------------

    def export_client(self, client_id: int, dest_folder: str | os.PathLike[str]) -> Path:
        """All we hold on one person (AVG inzageverzoek): client.json with the card, the
        extracted fields and the text of every page, plus their originals. Returns the
        folder (created, readable by the user only)."""
        from .export import export_client

        return export_client(self, client_id, Path(dest_folder))

    def export_all(self, format: str, out: str | os.PathLike[str] | None = None) -> str | None:
        """Every client as 'json', 'csv' (Excel in a Dutch locale: ';', UTF-8 with BOM)
        or 'vcard' (3.0, for phones). Writes to out, or returns the text when out is None."""
        from .export import export_all

        return export_all(self, format, Path(out) if out else None)

    # -- backup ------------------------------------------------------------------------------

    def backup(self, dest: str | os.PathLike[str], *, link_originals: bool = False) -> Path:
        """A consistent copy made with SQLite's online backup, plus the originals.

        link_originals: hard-link the originals where the file system allows (they are
        never changed in place, being named by their content), so daily backups do not
        hold a full copy of every scan each."""
        dest = Path(dest).expanduser().absolute()
        if dest == self.path:
            raise ClientFileError("De reservekopie kan niet over het klantbestand zelf heen.")
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(dest, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
            target = sqlite3.connect(dest)
            try:
                self.conn.backup(target)
            finally:
                target.close()
            os.chmod(dest, 0o600)
            if self.originals.root.is_dir():
                copy = dest.with_name(dest.name + ".originals")
                copy_function = _link_or_copy if link_originals else shutil.copy2
                shutil.copytree(
                    self.originals.root, copy, dirs_exist_ok=True, copy_function=copy_function
                )
                os.chmod(copy, 0o700)
        except sqlite3.Error as e:
            raise translate_error(e, dest) or ClientFileError(
                f"De reservekopie naar {dest} is mislukt: {e}"
            ) from e
        except OSError as e:
            if e.errno == errno.ENOSPC:
                raise DiskFullError(
                    f"De schijf is vol: de reservekopie naar {dest} is niet compleet."
                ) from e
            raise ClientFileError(
                f"De reservekopie naar {dest} is mislukt: {e.strerror or e}"
            ) from e
        return dest

    @classmethod
    def restore(cls, backup: str | os.PathLike[str], dest: str | os.PathLike[str]) -> Path:
        """Put a backup (made by backup()) back as the client file dest, with its originals.

        The backup is checked first (a healthy client file, not newer than this version);
        an existing dest is kept beside it as DEST.voor-terugzetten-<time> rather than
        overwritten. Close every ClientFile on dest before restoring.
        """
        from .export import restore

        return restore(cls, Path(backup), Path(dest))
