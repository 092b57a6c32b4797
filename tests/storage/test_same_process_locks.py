"""A second ClientFile in one process must not drop the first one's SQLite locks.

Closing any descriptor of a file drops all of the process's POSIX locks on it; a raw
open/close of the database while a connection is open let another process checkpoint and
delete the WAL under the window, and the window's later writes were lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from storage import ClientFile

ROOT = Path(__file__).resolve().parents[2]


def calls_seen_by_other_process(db: Path) -> int:
    code = (
        "from storage import ClientFile\n"
        f"cf = ClientFile.open({str(db)!r})\n"
        "print(len(cf.calls()))\n"
        "cf.close()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return int(out.stdout.strip())


def test_second_open_in_process_keeps_writes_visible(db_path: Path):
    ClientFile.open(db_path).close()
    first = ClientFile.open(db_path)  # the window's GUI thread
    second = ClientFile.open(db_path)  # a search thread
    try:
        first.add_call(None, "+31612345678")
        assert calls_seen_by_other_process(db_path) == 1
        first.add_call(None, "+31612345679")
        assert calls_seen_by_other_process(db_path) == 2
        assert db_path.with_name(db_path.name + "-wal").exists()
    finally:
        second.close()
        first.close()


def test_close_twice_is_harmless(db_path: Path):
    cf = ClientFile.open(db_path)
    cf.close()
    cf.close()
    ClientFile.open(db_path).close()
