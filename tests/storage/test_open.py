"""Opening client files: new, migrated, read-only, locked, corrupt, newer."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from storage import (
    ClientFile,
    ClientFileBusyError,
    CorruptClientFileError,
    NewerSchemaError,
    Phone,
    ReadOnlyClientFileError,
)
from storage.schema import SCHEMA_VERSION
from tests.sql import rows, value

from .conftest import V1_FILE, add_client, connection, is_root, remount_read_only


def test_new_file_is_private(db_path: Path, tmp_path: Path):
    cf = ClientFile.open(db_path)
    add_client(cf, tmp_path, "Anna Visser", pages=["een brief"])
    cf.close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    originals = db_path.with_name(db_path.name + ".originals")
    assert stat.S_IMODE(originals.stat().st_mode) == 0o700
    for sub in originals.iterdir():
        assert stat.S_IMODE(sub.stat().st_mode) == 0o700
        for file in sub.iterdir():
            assert stat.S_IMODE(file.stat().st_mode) == 0o600


@pytest.mark.sqlite_only
def test_wal_foreign_keys_busy_timeout(client_file: ClientFile):
    conn = connection(client_file)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_version_1_file_is_migrated_after_backup(tmp_path: Path):
    path = tmp_path / "oud.sqlite"
    shutil.copy(V1_FILE, path)
    with ClientFile.open(path) as cf:
        assert value(cf, "PRAGMA user_version") == SCHEMA_VERSION
        assert cf.count_clients() == 2
        # the search index is rebuilt from the data: fields and page text
        assert [h.name for h in cf.search("sjoerd")] == ["Sjóerd de Vries"]
        assert [h.name for h in cf.search("zonnepan")] == ["Sjóerd de Vries"]
        assert [h.name for h in cf.search("banket")] == ["Bakkerij Jansen"]
        assert [h.name for h in cf.search("1234AB")] == ["Sjóerd de Vries"]
        assert cf.lookup_phone("020-1234567").name == "Bakkerij Jansen"
        client = cf.client(1)
        assert client.notes[0].text == "Belt terug over de dakgoot"
        assert client.calls[0].note == "offerte"
        assert len(cf.calls()) == 2  # also the unknown number
    backups = list(tmp_path.glob("oud.sqlite.v1-*.bak"))
    assert len(backups) == 1
    backup = sqlite3.connect(backups[0])
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    backup.close()
    # the kept file itself is never touched by the test
    check = sqlite3.connect(f"file:{V1_FILE}?mode=ro", uri=True)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 1
    check.close()


def test_newer_schema_is_refused(db_path: Path):
    ClientFile.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(NewerSchemaError, match="nieuwere versie"):
        ClientFile.open(db_path)


@pytest.mark.parametrize(
    "content",
    [
        os.urandom(8192),
        b"",  # empty: treated as new, so not here
        b"SQLite format 3\x00" + os.urandom(50),
    ],
    ids=["random", "empty", "short-header"],
)
def test_corrupt_file_is_refused_untouched(tmp_path: Path, content: bytes):
    path = tmp_path / "kapot.sqlite"
    path.write_bytes(content)
    if not content:
        ClientFile.open(path).close()  # an empty file is a new client file
        return
    with pytest.raises(CorruptClientFileError) as raised:
        ClientFile.open(path)
    assert "niets gewijzigd" in str(raised.value)
    assert path.read_bytes() == content
    assert not path.with_name(path.name + "-wal").exists()


@pytest.mark.sqlite_only
def test_truncated_file_is_refused_untouched(filled: ClientFile, tmp_path: Path):
    connection(filled).execute("PRAGMA wal_checkpoint(TRUNCATE)")
    filled.close()
    data = filled.path.read_bytes()
    path = tmp_path / "afgebroken.sqlite"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptClientFileError, match="afgebroken"):
        ClientFile.open(path)
    assert path.read_bytes() == data[: len(data) // 2]


def test_database_of_another_program_is_refused(tmp_path: Path):
    path = tmp_path / "ander.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CorruptClientFileError, match="ander programma"):
        ClientFile.open(path)
    assert path.read_bytes() == before


def test_read_only_on_request(filled: ClientFile):
    filled.close()
    with ClientFile.open(filled.path, read_only=True) as cf:
        assert cf.read_only
        assert cf.search("jansen")[0].name == "Bakkerij Jansen"
        with pytest.raises(ReadOnlyClientFileError, match="alleen-lezen"):
            cf.add_note(1, "mag niet")
        with pytest.raises(ReadOnlyClientFileError):
            cf.forget(1)


def test_read_only_file_system_opens_read_only(small_tmpfs: Path):
    path = small_tmpfs / "klanten.sqlite"
    with ClientFile.open(path) as cf, cf.transaction():
        cf.create_client(name="Anna Visser", phones=[Phone("+31612345678")])
    remount_read_only(small_tmpfs)
    with ClientFile.open(path) as cf:
        assert cf.read_only
        assert cf.lookup_phone("06 12345678").name == "Anna Visser"
        with pytest.raises(ReadOnlyClientFileError):
            cf.add_call(None, "+31612345678")


@pytest.mark.skipif(is_root(), reason="root may write a file without write permission")
@pytest.mark.sqlite_only
def test_file_without_write_permission_opens_read_only(filled: ClientFile):
    filled.close()
    os.chmod(filled.path, 0o400)
    with ClientFile.open(filled.path) as cf:
        assert cf.read_only


@pytest.mark.sqlite_only
def test_locked_file_waits_then_explains(filled: ClientFile):
    other = sqlite3.connect(filled.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with ClientFile.open(filled.path, busy_timeout_ms=200) as cf:
            assert cf.count_clients() == 3  # reading goes on (WAL)
            with pytest.raises(ClientFileBusyError, match="bezet"):
                cf.add_note(1, "wacht")
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_nested_transaction_is_a_savepoint(client_file: ClientFile):
    cf = client_file
    with cf.transaction():
        cf.create_client(name="Buiten")
        with pytest.raises(RuntimeError), cf.transaction():
            cf.create_client(name="Binnen")
            raise RuntimeError("terug")
    assert [cf.client(i).name for i in cf.client_ids()] == ["Buiten"]


def test_file_locked_exclusively_at_opening(db_path: Path):
    ClientFile.open(db_path).close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO import_log (at, event) VALUES ('nu', 'test')")
    try:
        with pytest.raises(ClientFileBusyError, match="gewacht"):
            ClientFile.open(db_path, busy_timeout_ms=200)
    finally:
        other.execute("ROLLBACK")
        other.close()
    with ClientFile.open(db_path) as cf:  # free again: opens, nothing damaged
        assert cf.count_clients() == 0


def test_old_read_only_file_cannot_be_migrated(tmp_path: Path):
    path = tmp_path / "oud.sqlite"
    shutil.copy(V1_FILE, path)
    with pytest.raises(ReadOnlyClientFileError, match="bijgewerkt"):
        ClientFile.open(path, read_only=True)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1


def test_client_of_document_by_its_hash(client_file: ClientFile, tmp_path: Path):
    client_id = add_client(client_file, tmp_path, "Anna Visser", pages=["een brief"])
    ((sha,),) = rows(client_file, "SELECT sha256 FROM documents")
    assert client_file.has_document(sha)
    assert client_file.client_of_document(sha) == client_id
    assert client_file.client_of_document("0" * 64) is None
