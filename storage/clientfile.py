"""The client file: one SQLite database plus its folder of original scans."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from . import phones as phone_numbers
from .errors import (
    ClientFileError,
    ClientNotFoundError,
    CorruptClientFileError,
    NewerSchemaError,
    ReadOnlyClientFileError,
)
from .models import Address, PageText, Phone, SearchHit, Word
from .originals import OriginalStore
from .schema import MIGRATIONS, SCHEMA_VERSION
from .search import fts_query

SQLITE_HEADER = b"SQLite format 3\x00"
CLIENT_COLUMNS = frozenset(
    {
        "name",
        "first_name",
        "tussenvoegsel",
        "last_name",
        "company",
        "legal_form",
        "kvk",
        "btw",
        "iban",
        "bic",
        "client_since",
        "status",
    }
)
BUSY_TIMEOUT_MS = 5000


def now_iso() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


def _check_header(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as handle:
        header = handle.read(16)
    if header != SQLITE_HEADER:
        raise CorruptClientFileError(
            f"{path} is geen klantbestand (het is geen SQLite-database); er is niets gewijzigd."
        )


class ClientFile:
    """One client file. Use ClientFile.open(path); the GUI, CLI and benchmarks share it."""

    def __init__(self, db: sqlite_utils.Database, path: Path, read_only: bool = False) -> None:
        self.db = db
        self.path = path
        self.read_only = read_only
        self.originals = OriginalStore(path.with_name(path.name + ".originals"))

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> ClientFile:
        """Open (creating or migrating) the client file at path."""
        path = Path(path).expanduser().absolute()
        _check_header(path)
        read_only = path.exists() and not os.access(path, os.W_OK)
        if not path.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                # Personal data: readable by the user only.
                fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
                os.close(fd)
            except OSError as e:
                raise ClientFileError(f"Kan het klantbestand {path} niet aanmaken: {e}") from e
        uri = f"file:{path}?mode=ro" if read_only else f"file:{path}"
        try:
            conn = sqlite3.connect(
                uri,
                uri=True,
                timeout=BUSY_TIMEOUT_MS / 1000,
                check_same_thread=False,
                isolation_level=None,
            )
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as e:
            raise CorruptClientFileError(
                f"{path} is beschadigd of geen klantbestand ({e}); er is niets gewijzigd."
            ) from e
        cf = cls(sqlite_utils.Database(conn), path, read_only)
        if version > SCHEMA_VERSION:
            conn.close()
            raise NewerSchemaError(
                f"{path} is gemaakt met een nieuwere versie van Klantdossier "
                f"(schema {version}, deze versie kent {SCHEMA_VERSION}). Werk Klantdossier bij."
            )
        if version < SCHEMA_VERSION:
            if read_only:
                raise ReadOnlyClientFileError(
                    f"{path} is alleen-lezen en moet eerst worden bijgewerkt."
                )
            cf._migrate(version)
        return cf

    def _migrate(self, current: int) -> None:
        if current > 0:
            self.backup(self.path.with_name(f"{self.path.name}.v{current}.bak"))
        conn = self.db.conn
        for number, sql in enumerate(MIGRATIONS[current:], start=current + 1):
            with self.transaction():
                for statement in _split_sql(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> ClientFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; all or nothing."""
        if self.read_only:
            raise ReadOnlyClientFileError(
                f"Het klantbestand {self.path} is alleen-lezen; er kan niets worden opgeslagen."
            )
        conn = self.db.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise ClientFileError(f"Het klantbestand is bezet of niet schrijfbaar: {e}") from e
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as e:
                conn.execute("ROLLBACK")
                raise ClientFileError(f"Opslaan is mislukt: {e}") from e

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
            self.add_phone(conn, client_id, phone)
        for email in emails:
            self.add_email(conn, client_id, email)
        for address in addresses:
            self.add_address(conn, client_id, address)
        self.reindex_client(conn, client_id)
        return client_id

    def add_phone(self, conn: sqlite3.Connection, client_id: int, phone: Phone) -> None:
        conn.execute(
            "INSERT OR IGNORE INTO phones (client_id, e164, written, kind) VALUES (?, ?, ?, ?)",
            (client_id, phone.e164, phone.written, phone.kind),
        )

    def add_email(self, conn: sqlite3.Connection, client_id: int, email: str) -> None:
        conn.execute(
            "INSERT OR IGNORE INTO emails (client_id, email) VALUES (?, ?)", (client_id, email)
        )

    def add_address(self, conn: sqlite3.Connection, client_id: int, address: Address) -> None:
        conn.execute(
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

    def update_client(self, conn: sqlite3.Connection, client_id: int, **fields: str | None) -> None:
        """Set columns of the clients row (names from CLIENT_COLUMNS only) and reindex."""
        unknown = set(fields) - CLIENT_COLUMNS
        if unknown:
            raise ValueError(f"unknown client fields: {sorted(unknown)}")
        if fields:
            sets = ", ".join(f"{key} = ?" for key in fields)
            conn.execute(
                f"UPDATE clients SET {sets}, updated_at = ? WHERE id = ?",
                [*fields.values(), now_iso(), client_id],
            )
        self.reindex_client(conn, client_id)

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
        """Client ids holding a strong key: kind is phone (E.164), email, iban or kvk."""
        queries = {
            "phone": "SELECT client_id FROM phones WHERE e164 = ?",
            "email": "SELECT client_id FROM emails WHERE email = ? COLLATE NOCASE",
            "iban": "SELECT id FROM clients WHERE iban = ?",
            "kvk": "SELECT id FROM clients WHERE kvk = ?",
            "postcode": "SELECT client_id FROM addresses WHERE replace(postcode, ' ', '') = ?",
        }
        if kind == "postcode":
            value = value.replace(" ", "").upper()
        return sorted({r[0] for r in self.conn.execute(queries[kind], (value,))})

    def add_note(self, client_id: int, text: str) -> int:
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO notes (client_id, created_at, text) VALUES (?, ?, ?)",
                (client_id, now_iso(), text),
            )
        return int(cursor.lastrowid)

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
        """Everything on one client, in the JSON shape of DESIGN.md (`show`)."""
        conn = self.conn
        conn.row_factory = sqlite3.Row
        try:
            row = conn.execute("SELECT * FROM clients WHERE id = ?", (client_id,)).fetchone()
            if row is None:
                raise ClientNotFoundError(f"Er is geen klant met nummer {client_id}.")
            phones = [
                r["e164"]
                for r in conn.execute(
                    "SELECT e164 FROM phones WHERE client_id = ? ORDER BY id", (client_id,)
                )
            ]
            emails = [
                r["email"]
                for r in conn.execute(
                    "SELECT email FROM emails WHERE client_id = ? ORDER BY id", (client_id,)
                )
            ]
            addresses = [
                Address(
                    r["street"], r["house_number"], r["postcode"], r["city"], r["country"]
                ).to_dict()
                for r in conn.execute(
                    "SELECT * FROM addresses WHERE client_id = ? ORDER BY id", (client_id,)
                )
            ]
            documents = [
                {"id": r["id"], "name": r["name"], "pages": r["pages"], "sha256": r["sha256"]}
                for r in conn.execute(
                    "SELECT id, name, pages, sha256 FROM documents WHERE client_id = ? ORDER BY id",
                    (client_id,),
                )
            ]
            notes = [
                {"id": r["id"], "at": r["created_at"], "text": r["text"]}
                for r in conn.execute(
                    "SELECT * FROM notes WHERE client_id = ? ORDER BY created_at DESC, id DESC",
                    (client_id,),
                )
            ]
            calls = [
                {
                    "id": r["id"],
                    "at": r["started_at"],
                    "number": r["number"],
                    "direction": r["direction"],
                    "duration_seconds": r["duration_seconds"],
                    "note": r["note"],
                }
                for r in conn.execute(
                    "SELECT * FROM calls WHERE client_id = ? ORDER BY started_at DESC, id DESC",
                    (client_id,),
                )
            ]
        finally:
            conn.row_factory = None
        return {
            "id": row["id"],
            "name": row["name"],
            "first_name": row["first_name"],
            "tussenvoegsel": row["tussenvoegsel"],
            "last_name": row["last_name"],
            "company": row["company"],
            "legal_form": row["legal_form"],
            "phones": phones,
            "emails": emails,
            "addresses": addresses,
            "iban": row["iban"],
            "bic": row["bic"],
            "kvk": row["kvk"],
            "btw": row["btw"],
            "client_since": row["client_since"],
            "status": row["status"],
            "documents": documents,
            "notes": notes,
            "calls": calls,
        }

    # -- documents ---------------------------------------------------------------------------

    def has_document(self, sha256: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
            is not None
        )

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
                    "INSERT INTO search_index (body, client_id, kind, page_id)"
                    " VALUES (?, ?, 'page', ?)",
                    (page.text, client_id, page_cursor.lastrowid),
                )
        return document_id

    def log(self, conn: sqlite3.Connection, event: str, detail: str | None = None) -> None:
        """An import-log line; callers keep personal data out of it."""
        conn.execute(
            "INSERT INTO import_log (at, event, detail) VALUES (?, ?, ?)",
            (now_iso(), event, detail),
        )

    # -- search ------------------------------------------------------------------------------

    def reindex_client(self, conn: sqlite3.Connection, client_id: int) -> None:
        """Rebuild the 'client' row of the search index from the client's fields."""
        conn.execute(
            "DELETE FROM search_index WHERE client_id = ? AND kind = 'client'", (client_id,)
        )
        parts: list[str] = []
        row = conn.execute(
            "SELECT name, first_name, tussenvoegsel, last_name, company, kvk, btw, iban"
            " FROM clients WHERE id = ?",
            (client_id,),
        ).fetchone()
        parts.extend(v for v in row if v)
        for street, number, postcode, city in conn.execute(
            "SELECT street, house_number, postcode, city FROM addresses WHERE client_id = ?",
            (client_id,),
        ):
            parts.extend(v for v in (street, number, city) if v)
            if postcode:
                # both "1234 AB" and "1234AB" must match while typing
                parts.extend([postcode, postcode.replace(" ", "")])
        for (email,) in conn.execute("SELECT email FROM emails WHERE client_id = ?", (client_id,)):
            parts.append(email)
        for (e164,) in conn.execute("SELECT e164 FROM phones WHERE client_id = ?", (client_id,)):
            parts.extend(_phone_search_forms(e164))
        conn.execute(
            "INSERT INTO search_index (body, client_id, kind, page_id)"
            " VALUES (?, ?, 'client', NULL)",
            (" ".join(parts), client_id),
        )

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Clients matching what was typed, best first (fields before page text)."""
        match = fts_query(query)
        digits = "".join(c for c in query if c.isdigit())
        if match is None:
            return []
        phone = phone_numbers.normalize(query) if len(digits) >= 9 else None
        limit = max(1, min(int(limit), 500))
        rows = self.conn.execute(
            """
            WITH matches AS MATERIALIZED (
                SELECT client_id,
                       bm25(search_index)
                           + CASE kind WHEN 'client' THEN -100 ELSE 0 END AS score,
                       snippet(search_index, 0, '[', ']', '…', 10) AS snip
                FROM search_index WHERE search_index MATCH ?
            )
            SELECT client_id, min(score) AS best, snip FROM matches
            GROUP BY client_id ORDER BY best LIMIT ?
            """,
            (match, limit),
        ).fetchall()
        ranked: list[tuple[int, str]] = [(int(r[0]), r[2]) for r in rows]
        if phone:
            found = self.lookup_phone_id(phone)
            if found is not None:
                ranked = [(found, phone)] + [r for r in ranked if r[0] != found]
        return [self.hit(client_id, snippet) for client_id, snippet in ranked[:limit]]

    def hit(self, client_id: int, snippet: str = "") -> SearchHit:
        """One result row for a client (name, company, city, phones)."""
        conn = self.conn
        name, company = conn.execute(
            "SELECT name, company FROM clients WHERE id = ?", (client_id,)
        ).fetchone()
        city_row = conn.execute(
            "SELECT city FROM addresses WHERE client_id = ? ORDER BY id LIMIT 1", (client_id,)
        ).fetchone()
        phones = [
            r[0]
            for r in conn.execute(
                "SELECT e164 FROM phones WHERE client_id = ? ORDER BY id", (client_id,)
            )
        ]
        return SearchHit(
            client_id, name, company, city_row[0] if city_row else None, phones, snippet
        )

    # -- phones ------------------------------------------------------------------------------

    def lookup_phone_id(self, e164: str) -> int | None:
        row = self.conn.execute(
            "SELECT client_id FROM phones WHERE e164 = ? ORDER BY client_id LIMIT 1", (e164,)
        ).fetchone()
        return int(row[0]) if row else None

    def lookup_phone(self, number: str) -> dict | None:
        """The client with this number in any written form, or None."""
        e164 = phone_numbers.normalize(number)
        if e164 is None:
            return None
        client_id = self.lookup_phone_id(e164)
        return self.client(client_id) if client_id is not None else None

    # -- backup ------------------------------------------------------------------------------

    def backup(self, dest: str | os.PathLike[str]) -> Path:
        """A consistent copy made with SQLite's online backup, plus the originals."""
        dest = Path(dest)
        target = sqlite3.connect(dest)
        try:
            self.conn.backup(target)
        finally:
            target.close()
        os.chmod(dest, 0o600)
        if self.originals.root.is_dir():
            shutil.copytree(
                self.originals.root, dest.with_name(dest.name + ".originals"), dirs_exist_ok=True
            )
        return dest


def _phone_search_forms(e164: str) -> list[str]:
    """Digit strings a user may type for a number: 31612345678, 0612345678, 612345678."""
    digits = e164.lstrip("+")
    forms = [digits]
    if digits.startswith("31"):
        forms += ["0" + digits[2:], digits[2:]]
    return forms


def _split_sql(script: str) -> list[str]:
    """Statements of a migration script, so they run inside our own transaction
    (executescript would commit on its own)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
