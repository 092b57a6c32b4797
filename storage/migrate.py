"""Opening a client file at the current schema, on either backend: refuse a newer one,
migrate an older one (after a backup) with the ordered steps of its backend's schema
(schema.py for SQLite, postgres/schema.py for PostgreSQL). The same rules for both."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from .database import BUSY_TIMEOUT_MS, Database, backup_error
from .errors import NewerSchemaError, ReadOnlyClientFileError
from .index import SearchIndex
from .originals import OriginalStore, folder_for
from .paths import APP_NAME, is_server_url
from .schema import FOREIGN_KEYS_OFF_AT, MIGRATIONS, REBUILD_SEARCH_AT, SCHEMA_VERSION, statements
from .sqlite.database import SqliteDatabase


def connect(
    location: str | os.PathLike[str],
    *,
    read_only: bool | None,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> Database:
    """The database at location (a file, or a postgresql:// URL), not yet migrated."""
    if is_server_url(location):
        from .postgres.database import PgDatabase  # psycopg only where a server is used

        return PgDatabase.open(str(location), read_only=read_only, busy_timeout_ms=busy_timeout_ms)
    return SqliteDatabase.open(Path(location), read_only=read_only, busy_timeout_ms=busy_timeout_ms)


def index_for(db: Database) -> SearchIndex:
    """The search index of db's backend."""
    if db.dialect == "postgresql":
        from .postgres.search import PgSearchIndex

        return PgSearchIndex(db)
    from .sqlite.search import SqliteSearchIndex

    return SqliteSearchIndex(db)


def open_current(
    location: str | os.PathLike[str],
    *,
    read_only: bool | None,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> Database:
    """The database at location, migrated to SCHEMA_VERSION. Raises NewerSchemaError for
    a file of a newer Klantdossier, ReadOnlyClientFileError for an older one that may not
    be written, and what connect() raises."""
    db = connect(location, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
    try:
        version = db.schema_version()
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(
                f"{db.path} is gemaakt met een nieuwere versie van Klantdossier "
                f"(schema {version}, deze versie kent {SCHEMA_VERSION}). Werk Klantdossier bij."
            )
        if version < SCHEMA_VERSION:
            if db.read_only:
                raise ReadOnlyClientFileError(
                    f"{db.path} is alleen-lezen en moet eerst worden bijgewerkt naar de nieuwe "
                    "versie. Maak het bestand schrijfbaar (of kopieer het) en open het opnieuw."
                )
            migrate(db, version)
        if db.dialect == "postgresql" and not db.read_only:
            refresh_server_parts(db)
    except BaseException:
        db.close()
        raise
    return db


def migrate(db: Database, current: int, target: int = SCHEMA_VERSION) -> None:
    """Apply the steps after `current` up to target, each in its own transaction; a file
    that held data is first backed up (a SQLite file: PATH.v<current>-<time>.bak beside
    it; a server: a SQLite copy in the user data folder), originals included."""
    if current > 0:
        backup_before_migration(db, current)
    steps = _steps(db)
    for number, sql in enumerate(steps[current:target], start=current + 1):
        with db.foreign_keys(number not in FOREIGN_KEYS_OFF_AT), db.transaction():
            # another program or desk may have migrated since we read the version: the
            # lock is ours now, so the version read here is the truth
            db.lock_schema()
            if db.schema_version() >= number:
                continue
            _run_script(db, sql)
            if number in FOREIGN_KEYS_OFF_AT:
                db.check_foreign_keys()
            if number in REBUILD_SEARCH_AT and current > 0:
                index_for(db).rebuild()
            db.set_schema_version(number)


def refresh_server_parts(db: Database) -> None:
    """When the tables' owner opens a shared client file: the compaction function of
    this version, and the desk role's rights on whatever the migrations made."""
    from .postgres.schema import COMPACT_FUNCTION, GRANTS

    owner = db.execute(
        "SELECT tableowner = current_user FROM pg_tables"
        " WHERE schemaname = current_schema() AND tablename = 'clients'"
    ).fetchone()
    if not owner or not owner[0]:
        return  # a desk: it may use what the owner set up, not change it
    with db.transaction():
        db.lock_schema()
        db.conn.execute(COMPACT_FUNCTION)
        db.conn.execute(GRANTS)


def _steps(db: Database) -> list[str]:
    if db.dialect == "postgresql":
        from .postgres.schema import MIGRATIONS as PG_MIGRATIONS

        return PG_MIGRATIONS
    return MIGRATIONS


def _run_script(db: Database, sql: str) -> None:
    if db.dialect == "postgresql":
        db.conn.execute(sql)  # no parameters: the server runs the whole script
        return
    for statement in statements(sql):
        db.execute(statement)


def backup_before_migration(db: Database, current: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    if db.dialect == "sqlite":
        backup = db.path.with_name(f"{db.path.name}.v{current}-{stamp}.bak")
        db.snapshot(backup)
        try:
            OriginalStore(folder_for(db.path)).copy_to(folder_for(backup))
        except OSError as e:
            raise backup_error(e, backup) from e
        return backup
    import platformdirs

    from .copying import CopyExistsError, copy_to_sqlite

    # A server's file has no folder beside it that this desk may write: its backup is a
    # SQLite copy in this desk's own data folder. Two desks (or a window and a command)
    # on one computer may open the older file in the same second: each gets a name of
    # its own rather than fail to open it.
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "reservekopieen"
    name = f"{db.location.dbname}.v{current}-{stamp}"
    for number in range(1, 100):
        backup = folder / (f"{name}.sqlite" if number == 1 else f"{name}-{number}.sqlite")
        try:
            return copy_to_sqlite(db, backup, version=current)
        except CopyExistsError:
            continue
    return copy_to_sqlite(db, folder / f"{name}.sqlite", version=current)  # says it exists
