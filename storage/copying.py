"""A client file copied between backends (SQLite → PostgreSQL when the office grows,
PostgreSQL → SQLite as a portable backup), rows with their ids and originals, and the
copy compared with its source.

The source is read in one snapshot (others may go on writing); the destination must be
empty and is filled in one transaction, so a copy that breaks off leaves it empty and
can simply be run again. The search index is made anew on the destination (each backend
keeps its own kind)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .database import Database, backup_error
from .errors import ClientFileError
from .originals import Originals, OriginalStore, folder_for
from .schema import REBUILD_SEARCH_AT, SCHEMA_VERSION

# In the order rows may be inserted (what a row refers to comes first).
TABLES = (
    "clients",
    "phones",
    "emails",
    "addresses",
    "documents",
    "pages",
    "fields",
    "notes",
    "calls",
    "import_log",
    "merges",
    "callbacks",
)
# The column that keys a table's rows (copied as it is, so what refers to a row still
# does): "id" unless named here. A callback is its call's: keyed on call_id.
KEYS = {"callbacks": "call_id"}
BATCH = 5000
Progress = Callable[[str, int, int], None]  # (what, done, total)


def key_of(table: str) -> str:
    return KEYS.get(table, "id")


class CopyExistsError(ClientFileError):
    """The destination of a copy to a new SQLite file already exists."""


@dataclass
class CopyReport:
    """What was copied, and whether the copy reads back equal to the source."""

    rows: dict[str, int] = field(default_factory=dict)
    originals: int = 0
    equal: bool = False
    differences: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {
            "rows": self.rows,
            "originals": self.originals,
            "equal": self.equal,
            "differences": self.differences,
            "seconds": round(self.seconds, 1),
        }


def _quiet_progress(what: str, done: int, total: int) -> None:
    pass


def shared_columns(source: Database, dest: Database, table: str) -> list[str]:
    wanted = set(dest.columns(table))
    return [c for c in source.columns(table) if c in wanted]


def require_empty(db: Database) -> None:
    for table in ("clients", "documents", "notes", "calls"):
        if db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]:
            raise ClientFileError(
                f"{db.path} is niet leeg ({table}); kopieer alleen naar een nieuw, leeg "
                "klantbestand, zodat er niets wordt overschreven of dubbel komt."
            )


def batches(db: Database, table: str, columns: Sequence[str]) -> Iterator[list[tuple]]:
    """The rows of a table (those columns; its key among them) in key order, BATCH at a
    time: after the last key seen rather than OFFSET, so each batch is an index walk and
    a million pages are never held at once."""
    name = key_of(table)
    key = columns.index(name)
    select = f"SELECT {', '.join(columns)} FROM {table} WHERE {name} > ? ORDER BY {name} LIMIT ?"
    last = -1
    while rows := db.execute(select, (last, BATCH)).fetchall():
        yield rows
        last = rows[-1][key]


def copy_rows(source: Database, dest: Database, progress: Progress = _quiet_progress) -> dict:
    """Every row of every table, ids included, into dest (inside dest's open transaction;
    source inside its snapshot). Returns rows per table."""
    counts = {}
    for table in TABLES:
        columns = shared_columns(source, dest, table)
        if key_of(table) not in columns:
            continue  # a table of a newer schema step than one of the two files has
        total = int(source.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        done = 0
        progress(table, 0, total)
        for rows in batches(source, table, columns):
            dest.insert_rows(table, columns, [tuple(r) for r in rows])
            done += len(rows)
            progress(table, done, total)
        counts[table] = done
    # the tables whose new rows get the next id (a callback takes its call's)
    dest.after_bulk_insert([t for t in counts if key_of(t) == "id"])
    return counts


def copy_originals(
    source: Originals, dest: Originals, shas: list[str], progress: Progress = _quiet_progress
) -> int:
    copied = 0
    progress("originelen", 0, len(shas))
    for sha in shas:
        if source.has(sha):
            dest.put_parts(sha, source.parts(sha))
            copied += 1
        progress("originelen", copied, len(shas))
    return copied


def fingerprint(db: Database, columns: dict[str, list[str]]) -> dict[str, tuple[int, str]]:
    """(rows, SHA-256 of the rows in id order) of each table, over the given columns."""
    found = {}
    for table, names in columns.items():
        if key_of(table) not in names:
            continue
        digest = hashlib.sha256()
        count = 0
        for rows in batches(db, table, names):
            for row in rows:
                digest.update(json.dumps(list(row), ensure_ascii=False).encode())
            count += len(rows)
        found[table] = (count, digest.hexdigest())
    return found


def originals_fingerprint(store: Originals, shas: list[str]) -> dict[str, str | None]:
    """The SHA-256 of each original as read back (None: missing)."""
    found: dict[str, str | None] = {}
    for sha in shas:
        if not store.has(sha):
            found[sha] = None
            continue
        digest = hashlib.sha256()
        for part in store.parts(sha):
            digest.update(part)
        found[sha] = digest.hexdigest()
    return found


def compare(
    source: Database, src_originals: Originals, dest: Database, dest_originals: Originals
) -> list[str]:
    """What differs between two client files (empty: they are equal)."""
    columns = {t: shared_columns(source, dest, t) for t in TABLES}
    differences = []
    with source.snapshot_reads():
        mine = fingerprint(source, columns)
        shas = sorted({r[0] for r in source.execute("SELECT sha256 FROM documents")})
        mine_originals = originals_fingerprint(src_originals, shas)
    theirs = fingerprint(dest, columns)
    theirs_originals = originals_fingerprint(dest_originals, shas)
    for table in mine:
        if mine[table] != theirs[table]:
            differences.append(f"{table}: {mine[table][0]} rijen, kopie {theirs[table][0]}")
    for sha, digest in mine_originals.items():
        if theirs_originals.get(sha) != digest:
            differences.append(f"origineel {sha[:12]}… verschilt of ontbreekt")
    return differences


def copy_database(
    source: Database,
    src_originals: Originals,
    dest: Database,
    dest_originals: Originals,
    progress: Progress = _quiet_progress,
    *,
    rebuild_index: bool = True,
) -> CopyReport:
    """Copy everything from source into the empty dest, then compare (see module).
    rebuild_index False: for a schema older than the search index (a pre-migration copy
    of a version-1 file; its migration makes the index)."""
    import time

    from .migrate import index_for

    started = time.monotonic()
    report = CopyReport()
    with source.snapshot_reads():
        shas = sorted({r[0] for r in source.execute("SELECT sha256 FROM documents")})
        with dest.transaction():
            if dest.dialect == "postgresql":
                dest.quiet()
            require_empty(dest)
            report.rows = copy_rows(source, dest, progress)
            if rebuild_index:
                progress("zoekindex", 0, 1)
                index_for(dest).rebuild()
                progress("zoekindex", 1, 1)
            report.originals = copy_originals(src_originals, dest_originals, shas, progress)
    if dest.dialect == "postgresql":
        dest.execute("ANALYZE")  # the planner must know the new rows at once
    progress("vergelijken", 0, 1)
    report.differences = compare(source, src_originals, dest, dest_originals)
    report.equal = not report.differences
    progress("vergelijken", 1, 1)
    report.seconds = time.monotonic() - started
    return report


def copy_to_sqlite(
    source: Database,
    dest: Path,
    *,
    version: int = SCHEMA_VERSION,
    progress: Progress = _quiet_progress,
) -> Path:
    """A new SQLite client file at dest (schema `version`, the source's) with everything
    of source and its originals beside it in DEST.originals: a backup of a server's
    client file, or the copy made before migrating it."""
    from .migrate import migrate
    from .postgres.originals import DatabaseOriginals
    from .sqlite.database import SqliteDatabase

    dest = dest.expanduser().absolute()
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        # claimed at once (O_EXCL): two processes never write one copy
        os.close(os.open(dest, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        raise CopyExistsError(f"{dest} bestaat al; kies een nieuwe naam voor de kopie.") from None
    except OSError as e:
        raise backup_error(e, dest) from e
    target = SqliteDatabase.open(dest, read_only=False)
    try:
        migrate(target, 0, target=version)
        store = OriginalStore(folder_for(dest))
        store.secure()
        report = copy_database(
            source,
            DatabaseOriginals(source),
            target,
            store,
            progress,
            rebuild_index=version >= min(REBUILD_SEARCH_AT),
        )
        # one file, no -wal beside it: a backup is moved and copied as one
        target.conn.execute("PRAGMA journal_mode = DELETE")
    except BaseException:
        target.close()
        dest.unlink(missing_ok=True)
        raise
    target.close()
    if not report.equal:
        raise ClientFileError(
            f"De kopie {dest} wijkt af van het origineel: {'; '.join(report.differences)}"
        )
    os.chmod(dest, 0o600)
    return dest


def copy_client_file(
    source: str | os.PathLike[str],
    dest: str | os.PathLike[str],
    progress: Progress = _quiet_progress,
) -> CopyReport:
    """`main.py copy SRC DEST`: SRC (a file or postgresql:// URL) into DEST, a new file
    or an empty database (made and migrated here), originals included, then compared."""
    from .clientfile import ClientFile
    from .paths import is_server_url

    new_file = not is_server_url(str(dest)) and not Path(dest).exists()
    with ClientFile.open(source) as src:
        same = str(source) == str(dest) or (
            not is_server_url(str(dest)) and Path(dest).expanduser().absolute() == src.path
        )
        if same:
            raise ClientFileError("Bron en doel zijn hetzelfde klantbestand.")
        try:
            with ClientFile.open(dest) as dst:
                return copy_database(src._db, src.originals, dst._db, dst.originals, progress)
        except BaseException:
            if new_file:  # a copy that broke off leaves nothing behind
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{dest}{suffix}").unlink(missing_ok=True)
                import shutil

                shutil.rmtree(folder_for(Path(dest)), ignore_errors=True)
            raise
