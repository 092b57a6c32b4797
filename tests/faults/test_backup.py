"""Backups: one taken while an import runs restores to a whole client file; a schema
migration makes its own backup first."""

from __future__ import annotations

import shutil
import sqlite3
import time

import pytest

from storage import ClientFile
from storage.schema import MIGRATIONS, SCHEMA_VERSION, statements
from tests.faults.conftest import folder_paths
from tests.faults.helpers.cli import looks_clean, run_cli, start_cli
from tests.faults.helpers.consistency import document_count, inspect, originals_root


def test_backup_during_import_restores_whole(small_folders, tmp_path):
    db = tmp_path / "klanten.sqlite"
    ClientFile.open(db).close()
    run = start_cli("import", *folder_paths(small_folders), "--db", db, "--json", "--jobs", "1")
    deadline = time.monotonic() + 240
    while document_count(db) == 0 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    backup = tmp_path / "kopie" / "klanten.sqlite"
    made = run_cli("backup", backup, "--db", db)
    _, err = run.communicate(timeout=300)
    assert run.returncode == 0, err
    assert made.returncode == 0 and looks_clean(made.stderr), made.stderr

    # restore: put the copy (and its originals) where a client file lives, open it
    restored = tmp_path / "terug" / "klanten.sqlite"
    restored.parent.mkdir()
    shutil.copy2(backup, restored)
    if originals_root(backup).is_dir():
        shutil.copytree(originals_root(backup), originals_root(restored))
    found = inspect(restored)
    assert found.ok, found.summary()
    assert found.documents >= 1
    with ClientFile.open(restored) as cf:
        # an import makes its clients when all is read: the copy holds documents read so
        # far (whole, with their originals), maybe without their client yet
        stored = [d for f in small_folders for d in _stored(cf, f)]
        assert stored
        for doc in stored:
            assert len(cf.pages(doc.id)) == doc.pages and cf.originals.has(doc.sha256)
    # the same import on the restored copy makes the clients, reading nothing twice
    again = run_cli("import", *folder_paths(small_folders), "--db", restored, "--json")
    assert again.returncode == 0, again.stderr
    with ClientFile.open(restored) as cf:
        assert cf.count_clients() == len(small_folders)
        for client_id in cf.client_ids():
            for doc in cf.client(client_id).documents:
                assert len(cf.pages(doc.id)) == doc.pages


def _stored(cf: ClientFile, folder) -> list:
    """The documents stored of a generated folder's files."""
    from storage.originals import sha256_of

    return [d for path in folder.files for d in cf.documents_by_sha256(sha256_of(path))]


def test_backup_to_an_impossible_place_says_so(tmp_path):
    db = tmp_path / "klanten.sqlite"
    ClientFile.open(db).close()
    (tmp_path / "map").mkdir()
    for dest in (tmp_path / "map", tmp_path / "bestand.txt" / "kopie.sqlite"):
        (tmp_path / "bestand.txt").write_text("geen map")
        made = run_cli("backup", dest, "--db", db)
        assert made.returncode == 1, made.stdout
        assert looks_clean(made.stderr) and made.stderr.strip(), made.stderr


@pytest.mark.skipif(SCHEMA_VERSION < 2, reason="only one schema version: nothing to migrate")
def test_migration_backs_up_first(tmp_path):
    """A client file of the previous schema version, opened by this version: a backup
    of the old file (whole, with its client) exists beside it after the migration."""
    db = tmp_path / "klanten.sqlite"
    conn = sqlite3.connect(db, isolation_level=None)
    old = SCHEMA_VERSION - 1
    for script in MIGRATIONS[:old]:
        for statement in statements(script):
            conn.execute(statement)
    conn.execute(
        "INSERT INTO clients (name, created_at, updated_at) VALUES ('Oud Klant', 'x', 'x')"
    )
    conn.execute(f"PRAGMA user_version = {old}")
    conn.close()
    with ClientFile.open(db) as cf:
        assert cf.count_clients() == 1
    backups = sorted(tmp_path.glob(f"klanten.sqlite.v{old}*.bak"))
    assert backups, sorted(p.name for p in tmp_path.iterdir())
    copy = sqlite3.connect(f"file:{backups[0]}?mode=ro", uri=True)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("PRAGMA user_version").fetchone()[0] == old
        assert copy.execute("SELECT name FROM clients").fetchall() == [("Oud Klant",)]
    finally:
        copy.close()
