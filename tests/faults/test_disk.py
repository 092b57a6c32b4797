"""Disk full and read-only: the last committed state stays, the user is told, and it
works again once space (or write permission) is back.

The client file lives on a 2 MB tmpfs that is filled up on purpose (root is needed to
mount it; CI runs as root). Read-only is shown by remounting that tmpfs read-only mid
session (holds for root too) and by chmod for a run as the user nobody.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess

import pytest

from storage import ClientFile, KlantdossierError
from tests.faults.helpers.cli import PYTHON, ROOT, cli_env, looks_clean, run_cli
from tests.faults.helpers.consistency import inspect, signature
from tests.faults.helpers.disk import WITHOUT_DAC, fill, mount_tmpfs, remount, unmount


@pytest.fixture
def small_disk(tmp_path):
    where = tmp_path / "disk"
    why = mount_tmpfs(where, "2m")
    if why is not None:
        pytest.skip(f"cannot mount a tmpfs here ({why}); disk-full needs root")
    yield where
    unmount(where)


def names(db) -> list[str]:
    return sorted(name for name, _ in signature(db))


@pytest.mark.parametrize("headroom", [0, 24_000], ids=["full", "24k-free"])
def test_import_on_a_full_disk_keeps_the_file_and_works_after(headroom, small_disk, tiny_folders):
    """The disk fills up during an import (before the originals, between originals and
    database, or during the database write): earlier clients stay, integrity holds,
    the user reads what happened, and after freeing space the same import completes."""
    first, second = tiny_folders
    db = small_disk / "klanten.sqlite"
    ok = run_cli("import", first.folder, "--db", db, "--json")
    assert ok.returncode == 0, ok.stderr
    before = names(db)

    filler = fill(small_disk, leave=headroom)
    full = run_cli("import", second.folder, "--db", db, "--json", timeout=120)
    assert looks_clean(full.stderr), full.stderr
    assert full.returncode in (0, 1), full.stderr
    complete = full.returncode == 0 and not json.loads(full.stdout)["errors"]
    if complete:  # it all fitted after all: then all of it must be there
        assert len(signature(db)) == 2
    else:
        assert full.stderr.strip(), "the user must be told"
    filler.unlink()  # SQLite cannot even open a WAL file on a full disk: look after
    found = inspect(db)
    assert found.ok, found.summary()
    assert set(before) <= set(names(db))

    again = run_cli("import", second.folder, "--db", db, "--json")
    assert again.returncode == 0 and looks_clean(again.stderr), again.stderr
    assert json.loads(again.stdout)["errors"] == []
    after = inspect(db)
    assert after.ok, after.summary()
    assert len(names(db)) == 2
    docs = sum(len(shas) for _, shas in signature(db))
    assert docs == len(first.files) + len(second.files)


def test_opening_on_a_full_disk_does_not_call_the_file_damaged(small_disk, tiny_folders):
    """A full disk is not a damaged client file: the user must not be told to worry
    about (or throw away) a healthy file."""
    db = small_disk / "klanten.sqlite"
    assert run_cli("import", tiny_folders[0].folder, "--db", db, "--json").returncode == 0
    fill(small_disk)
    search = run_cli("search", tiny_folders[0].client.last_name, "--db", db, "--json")
    assert looks_clean(search.stderr), search.stderr
    assert "beschadigd" not in search.stderr, search.stderr


def test_write_on_a_full_disk_raises_a_named_error(small_disk):
    """ClientFile itself: a note too big for the space left raises a KlantdossierError
    (a message for the window), the file keeps its state, and writes work once space
    is back."""
    db = small_disk / "klanten.sqlite"
    with ClientFile.open(db) as cf:
        with cf.transaction():
            client = cf.create_client(name="Schijf Vol")
        cf.add_note(client, "eerste notitie")
        fill(small_disk, leave=64_000)
        with pytest.raises(KlantdossierError) as raised:
            cf.add_note(client, "x" * 1_500_000)
        assert str(raised.value).strip()
        assert [n.text for n in cf.client(client).notes] == ["eerste notitie"]
        (small_disk / "filler.bin").unlink()
        cf.add_note(client, "tweede notitie")
        assert len(cf.client(client).notes) == 2
    assert inspect(db).ok


def test_read_only_file_system_keeps_reading(small_disk, tiny_folders):
    """The client file on a file system that became read-only (a USB stick's lock
    switch, a NAS share gone read-only; Linux refuses that remount while a file is open
    for writing, so it happens between sessions here): opening still works, searching
    and showing go on, writes fail with a named error, and after remounting
    read-write the import works again."""
    first, second = tiny_folders
    db = small_disk / "klanten.sqlite"
    assert run_cli("import", first.folder, "--db", db, "--json").returncode == 0
    remount(small_disk, "ro")
    try:
        with ClientFile.open(db) as cf:
            hits = cf.search(first.client.last_name)
            assert len(hits) == 1
            assert cf.client(hits[0].id).documents
            with pytest.raises(KlantdossierError):
                cf.add_note(hits[0].id, "mag niet lukken")
        search = run_cli("search", first.client.last_name, "--db", db, "--json")
        assert search.returncode == 0 and looks_clean(search.stderr), search.stderr
        assert [h["id"] for h in json.loads(search.stdout)] == [hits[0].id]
        write = run_cli("import", second.folder, "--db", db, "--json")
        assert looks_clean(write.stderr) and write.stderr.strip(), write.stderr
    finally:
        remount(small_disk, "rw")
    again = run_cli("import", second.folder, "--db", db, "--json")
    assert again.returncode == 0, again.stderr
    assert inspect(db).ok
    assert len(signature(db)) == 2


def test_chmod_read_only_file_reads(tiny_folders, tmp_path):
    """chmod 0400 (run without root's override of file modes): the client file still
    opens for search and show, and an import is refused with a message, no traceback."""
    db = tmp_path / "klanten.sqlite"
    first, second = tiny_folders
    run = run_cli("import", first.folder, "--db", db, "--json")
    assert run.returncode == 0, run.stderr
    os.chmod(db, 0o400)
    search = run_cli("search", first.client.last_name, "--db", db, "--json", prefix=WITHOUT_DAC)
    assert search.returncode == 0 and looks_clean(search.stderr), search.stderr
    hits = json.loads(search.stdout)
    assert len(hits) == 1
    show = run_cli("show", str(hits[0]["id"]), "--db", db, "--json", prefix=WITHOUT_DAC)
    assert show.returncode == 0 and looks_clean(show.stderr), show.stderr
    write = run_cli("import", second.folder, "--db", db, "--json", prefix=WITHOUT_DAC)
    assert looks_clean(write.stderr) and write.stderr.strip(), write.stderr
    assert client_count(db) == 1


@pytest.mark.parametrize("how", ["chmod", "remount"])
def test_import_into_read_only_file_is_refused_up_front(how, small_disk, tiny_folders):
    """DESIGN.md: exit 1 when nothing could run. A read-only client file is known when
    it is opened, so the import stops before any OCR, with one clear line, and leaves
    nothing behind in the originals folder."""
    first, second = tiny_folders
    db = small_disk / "klanten.sqlite"
    assert run_cli("import", first.folder, "--db", db, "--json").returncode == 0
    if how == "chmod":
        os.chmod(db, 0o400)
    else:
        remount(small_disk, "ro")
    try:
        write = run_cli("import", second.folder, "--db", db, "--json", prefix=WITHOUT_DAC)
    finally:
        if how == "remount":
            remount(small_disk, "rw")
    assert write.returncode == 1, write.stdout + write.stderr
    assert looks_clean(write.stderr) and "alleen-lezen" in write.stderr, write.stderr
    found = inspect(db)
    assert found.ok and not found.orphans, found.summary()


def client_count(db) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM clients").fetchone()[0]
    finally:
        conn.close()


CHMOD_SCRIPT = """
import json, os, sys
from storage import ClientFile, KlantdossierError
db = sys.argv[1]
cf = ClientFile.open(db)
with cf.transaction():
    cid = cf.create_client(name="Alleen Lezen")
os.chmod(db, 0o400)
try:
    cf.add_note(cid, "na chmod")
    outcome = "written"
except KlantdossierError as e:
    outcome = "refused: " + str(e)
cf.close()
cf = ClientFile.open(db)
try:
    cf.add_note(cid, "nieuwe sessie")
    second = "written"
except KlantdossierError as e:
    second = "refused: " + str(e)
print(json.dumps({"outcome": outcome, "second": second,
                  "hits": [h.id for h in cf.search("Lezen")]}))
"""


def test_chmod_read_only_mid_session_loses_nothing(tmp_path):
    """chmod 0400 while the window has the file open: a write in that session either
    lands or fails with a named error (never a crash); a new session reads, and its
    writes are refused with a named error."""
    db = tmp_path / "klanten.sqlite"
    run = subprocess.run(
        [*WITHOUT_DAC, PYTHON, "-c", CHMOD_SCRIPT, str(db)],
        cwd=ROOT,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["second"].startswith("refused: ")
    assert len(result["hits"]) == 1
