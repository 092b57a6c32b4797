"""Storage's part of the hardening of issue 18: erased data that stayed in the file while
another connection was open (item 3), a restore over a running window (item 5), and odd
--db targets (item 9: a FIFO, /dev/null, an existing empty file)."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time
from pathlib import Path

import pytest

from storage import ClientFile, ClientFileError, ClientFileInUseError, Phone

from .conftest import add_client
from .test_cli import run_process


def _raw(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())


def test_erased_data_is_gone_while_the_window_keeps_the_file_open(db_path: Path, tmp_path):
    from storage import Address

    with ClientFile.open(db_path) as cf:
        sjoerd = add_client(
            cf,
            tmp_path,
            "Sjóerd de Vries",
            phones=[Phone("+31612345678", "0612345678")],
            addresses=[Address("Kerkstraat", "12", "1234 AB", "Zwolle")],
            iban="NL91ABNA0417164300",
            pages=["brief"],
        )
        add_client(cf, tmp_path, "Anna Visser", pages=["andere brief"])
    window = ClientFile.open(db_path)  # the window keeps one open all day
    window.search("anna")
    reader = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM clients").fetchone()  # a read in progress
    # longer than SQLite's busy wait (5 s): forget must wait for it, not give up
    threading.Timer(6.5, lambda: reader.execute("COMMIT")).start()
    try:
        # as the window erases: the search index is compacted later, in the background
        report = window.forget(sjoerd, compact=False)
        assert report.wiped
        raw = _raw(db_path)  # while the window still has it open
        for trace in ("Sjóerd".encode(), b"NL91ABNA0417164300", b"Kerkstraat"):
            assert trace not in raw, trace
        assert [h.name for h in window.search("anna")] == ["Anna Visser"]
    finally:
        time.sleep(0.1)
        reader.close()
        window.close()


@pytest.mark.sqlite_only
def test_deletions_by_any_connection_are_overwritten(client_file: ClientFile):
    conn = client_file._db.conn
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_size_limit").fetchone()[0] == 0


@pytest.mark.sqlite_only
def test_restore_refuses_while_a_window_has_the_file_open(filled: ClientFile, tmp_path):
    backup = filled.backup(tmp_path / "kopie.sqlite")
    path = filled.path
    filled.close()
    code = (
        "import sys, time\nfrom storage import ClientFile\n"
        f"cf = ClientFile.open({str(path)!r})\nprint('open', flush=True)\ntime.sleep(30)\n"
    )
    import subprocess
    import sys

    window = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert window.stdout.readline().strip() == "open"
        before = path.read_bytes()
        with pytest.raises(ClientFileInUseError, match="nog geopend"):
            ClientFile.restore(backup, path)
        assert path.read_bytes() == before
        assert not list(tmp_path.glob("*.voor-terugzetten-*"))
    finally:
        window.kill()
        window.wait()
    ClientFile.restore(backup, path)  # closed: it goes ahead


@pytest.mark.sqlite_only
def test_restore_refuses_while_this_process_has_it_open(filled: ClientFile, tmp_path):
    backup = filled.backup(tmp_path / "kopie.sqlite")
    with pytest.raises(ClientFileInUseError):
        ClientFile.restore(backup, filled.path)


def test_fifo_as_client_file_is_refused(tmp_path: Path):
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    done = run_process("search", "x", "--db", str(fifo))
    assert done.returncode == 1
    assert "geen gewoon bestand" in done.stderr and "Traceback" not in done.stderr


def test_dev_null_is_refused_and_gets_no_journal():
    journal = Path("/dev/null-journal")
    existed = journal.exists()
    with pytest.raises(ClientFileError, match="geen gewoon bestand"):
        ClientFile.open("/dev/null")
    assert journal.exists() == existed


def test_an_existing_empty_file_becomes_private(tmp_path: Path):
    path = tmp_path / "leeg.sqlite"
    path.touch()
    os.chmod(path, 0o644)
    with ClientFile.open(path) as cf:
        cf.create_client(name="Anna")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
