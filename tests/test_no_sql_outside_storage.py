"""Nothing outside storage/ writes SQL or holds a database connection (DESIGN.md; the seam
for a second database backend): no sqlite3/sqlite_utils import, no .execute() calls, no
reach into ClientFile's private connection, and ClientFile hands no connection out."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

from storage import ClientFile

ROOT = Path(__file__).resolve().parent.parent
# The code that runs the product. tests/ is left out on purpose: storage's own tests look
# inside it, and the fault tests inspect files on disk with a connection of their own.
CHECKED = ["main.py", "cli", "gui", "ocr", "importing", "bench"]
# bench/search.py fills a throw-away file of 100,000 clients with plain SQLite (minutes
# through ClientFile) and times a LIKE scan beside the real search: the baseline it prints
# (and vacuums the PostgreSQL copy it makes, as a server's autovacuum would).
ALLOWED_SQLITE = {"bench/search.py"}
DB_MODULES = {"sqlite3", "sqlite_utils", "psycopg"}
SQL_CALLS = {"execute", "executemany", "executescript"}
PRIVATE = {"_db", "_conn"}


def python_files() -> list[Path]:
    found: list[Path] = []
    for name in CHECKED:
        path = ROOT / name
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found += sorted(p for p in path.rglob("*.py") if ".venv" not in p.parts)
    return found


def offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    found = []
    for node in ast.walk(tree):
        where = f"{name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            names = [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [(node.module or "").split(".")[0]]
        else:
            names = []
        found += [f"{where} imports {n}" for n in names if n in DB_MODULES]
        call = node.func if isinstance(node, ast.Call) else None
        if isinstance(call, ast.Attribute) and call.attr in SQL_CALLS:
            found.append(f"{where} calls .{call.attr}()")
        if isinstance(node, ast.Attribute) and node.attr in PRIVATE:
            found.append(f"{where} uses .{node.attr}")
    return found


def test_no_sql_or_connection_outside_storage():
    files = python_files()
    assert len(files) > 40  # the scan found the code it is meant to check
    problems = [
        problem
        for path in files
        if str(path.relative_to(ROOT)) not in ALLOWED_SQLITE
        for problem in offences(path)
    ]
    assert problems == []


def test_the_check_catches_an_offence(tmp_path: Path):
    probe = tmp_path / "probe.py"
    probe.write_text("import sqlite3\n\n\ndef f(cf):\n    return cf._db.execute('SELECT 1')\n")
    found = offences(probe)
    assert [f.split(" ", 1)[1] for f in found] == [
        "imports sqlite3",
        "calls .execute()",
        "uses ._db",
    ]


def test_client_file_hands_out_no_connection(client_file: ClientFile):
    for name in dir(client_file):
        if name.startswith("_"):
            continue
        attribute = getattr(client_file, name)
        assert not isinstance(attribute, sqlite3.Connection | sqlite3.Cursor), name
    assert not hasattr(client_file, "conn") and not hasattr(client_file, "db")
    with client_file.transaction() as yielded:
        assert yielded is None
