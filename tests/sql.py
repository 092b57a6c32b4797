"""Looking inside a client file from a test: a read-only connection of its own (SQLite
file or PostgreSQL server), so a test checks what is committed without reaching into
ClientFile (whose connection never leaves storage/)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any


def _location(db: Any) -> str | Path:
    location = getattr(db, "path", db)
    if isinstance(location, str) and location.startswith("postgresql://"):
        return location
    return Path(location)


def rows(db: str | os.PathLike[str] | Any, sql: str, args: tuple = ()) -> list[tuple]:
    """The rows of one query on db (a path, a postgresql:// URL, or a ClientFile),
    written with `?` placeholders for both."""
    location = _location(db)
    if isinstance(location, str):
        import psycopg

        with psycopg.connect(location, autocommit=True) as conn:
            query = sql.replace("%", "%%").replace("?", "%s")
            return [tuple(r) for r in conn.execute(query, list(args)).fetchall()]
    conn = sqlite3.connect(f"file:{location}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def value(db: str | os.PathLike[str] | Any, sql: str, args: tuple = ()) -> Any:
    """The first column of the first row of one query (None when there is no row)."""
    found = rows(db, sql, args)
    return found[0][0] if found else None
