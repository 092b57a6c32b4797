"""The shared client file on a real PostgreSQL server: several desks as processes of their
own, live changes with catch-up after a lost connection, the later save wins and says
so, a desk role that cannot drop tables, migrations with the SQLite file's rules, copy
both ways, and every bad input of issue 20 (server down, connection lost, wrong
password, another program's database, a newer schema)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from storage import (
    Address,
    ClientFile,
    ConnectionLostError,
    CorruptClientFileError,
    NewerSchemaError,
    PageText,
    Phone,
    ServerUnavailableError,
    WrongPasswordError,
)
from storage.migrate import connect, migrate
from storage.postgres import schema as pg_schema
from storage.schema import MIGRATIONS, SCHEMA_VERSION
from tests.sql import rows, value
from tests.storage.conftest import add_client
from tests.storage.test_cli import run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def url(pg_server):
    name = pg_server.create_database(template="kd_template")
    yield pg_server.url(name)
    pg_server.drop_database(name)


def terminate(url: str, like: str = "klantdossier:%") -> int:
    """Cut the server's connections of this database (as a lost network would)."""
    dbname = urlsplit(url).path.lstrip("/")
    admin = url.replace(f"/{dbname}?", "/postgres?")
    with psycopg.connect(admin, autocommit=True) as conn:
        return len(
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND application_name LIKE %s AND pid <> pg_backend_pid()",
                [dbname, like],
            ).fetchall()
        )


def desk_process(url: str, code: str) -> str:
    """Run code as another desk (a process of its own) with `cf` open on url."""
    script = f"from storage import ClientFile\ncf = ClientFile.open({url!r})\n{code}\ncf.close()\n"
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def test_same_number_of_schema_steps_on_both_backends():
    assert len(pg_schema.MIGRATIONS) == len(MIGRATIONS) == SCHEMA_VERSION


# -- live between desks -------------------------------------------------------------------------


def test_a_change_on_another_desk_arrives_within_a_second(url: str):
    with ClientFile.open(url) as cf:
        client_id = cf.create_client(name="Kees de Vries")
        seen: list = []
        arrived = threading.Event()

        def on_change(change) -> None:
            seen.append((change, time.time()))
            if change.table == "clients":
                arrived.set()

        listener = cf.watch(on_change)
        try:
            deadline = time.time() + 10
            while not listener.connected and time.time() < deadline:
                time.sleep(0.02)
            desk_process(
                url,
                f"import time\ncf.add_note({client_id}, 'van het andere bureau')\n"
                f"print(time.time())\ncf.update_client({client_id}, name='Kees de Vries-Bos')",
            )
            assert arrived.wait(5)
        finally:
            listener.stop()
        tables = [(c.table, c.op, c.client_id) for c, _ in seen]
        assert ("notes", "INSERT", client_id) in tables
        update = next(c for c, _ in seen if c.table == "clients")
        assert "name" in update.columns and update.op == "UPDATE"
        # its own changes are not sent back to a desk
        cf.add_note(client_id, "van dit bureau")
        time.sleep(0.5)
        assert sum(1 for c, _ in seen if c.table == "notes") == 1


def test_catch_up_after_the_connection_was_lost(url: str):
    with ClientFile.open(url) as cf:
        client_id = cf.create_client(name="Anna Visser")
        seen: list = []
        states: list[bool] = []
        listener = cf.watch(seen.append, states.append)
        try:
            deadline = time.time() + 10
            while not listener.connected and time.time() < deadline:
                time.sleep(0.02)
            # the listener's connection is cut; while it is away another desk writes
            terminate(url, "klantdossier:%")
            desk_process(url, f"cf.add_note({client_id}, 'terwijl u weg was')")
            deadline = time.time() + 15
            while not any(c.table == "notes" for c in seen) and time.time() < deadline:
                time.sleep(0.05)
        finally:
            listener.stop()
        assert any(c.table == "notes" and c.client_id == client_id for c in seen)
        assert False in states and states[-1] is True  # lost, then back
        # the main connection was cut too: reading reconnects by itself
        assert cf.client(client_id).notes[0].text == "terwijl u weg was"


def test_later_save_wins_and_the_desk_is_told(url: str):
    with ClientFile.open(url) as cf:
        client_id = cf.create_client(name="Jan Smit", company="Smit B.V.")
        shown = cf.client(client_id)  # what this desk shows
        desk_process(url, f"cf.update_client({client_id}, company='Smit & Zn')")
        overwritten = cf.update_client_checked(
            client_id, {"company": shown.company, "name": shown.name}, company="Smit Holding"
        )
        assert overwritten == {"company": "Smit & Zn"}  # said, not silently lost
        assert cf.client(client_id).company == "Smit Holding"  # the later save won
        again = cf.update_client_checked(client_id, {"company": "Smit Holding"}, company="X")
        assert again == {}


@pytest.mark.parametrize("desks", [2, 4])
def test_desks_as_processes_lose_and_double_nothing(url: str, desks: int):
    with ClientFile.open(url) as cf, cf.transaction():
        clients = [cf.create_client(name=f"Klant {i}") for i in range(5)]
    start_at = time.time() + 6
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.desk_worker", url, str(n), str(start_at), "20"]
            + [str(c) for c in clients],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(desks)
    ]
    results = [json.loads(w.communicate(timeout=120)[0]) for w in workers]
    assert all(r["failed"] == 0 for r in results)
    notes = rows(url, "SELECT text FROM notes")
    calls = rows(url, "SELECT note FROM calls")
    assert len(notes) == len({n for (n,) in notes}) == desks * 10  # none lost, none twice
    assert len(calls) == len({c for (c,) in calls}) == desks * 10
    latencies = []
    for result in results:
        for other in results:
            if other is result:
                continue
            seen = {(t, i): at for t, i, at in other["seen"]}
            for table, row_id, written_at in result["writes"]:
                assert (table, row_id) in seen, "a desk missed a change"
                latencies.append(seen[(table, row_id)] - written_at)
    latencies.sort()
    assert latencies[int(0.95 * (len(latencies) - 1))] < 1.0


# -- roles, migrations, bad input -----------------------------------------------------------


def test_a_desk_role_writes_data_but_cannot_drop_tables(pg_server, url: str, tmp_path: Path):
    pg_server.psql(
        "DROP ROLE IF EXISTS balie1; CREATE ROLE balie1 LOGIN IN ROLE klantdossier_balie"
    )
    with ClientFile.open(url) as owner:  # grants to the desk role on every open
        owner.create_client(name="Eigenaar")
    desk_url = url.replace("postgres@", "balie1@")
    with ClientFile.open(desk_url) as desk:
        assert not desk.read_only
        client_id = add_client(desk, tmp_path, "Sjoerd Bakker", pages=["brief over de dakgoot"])
        desk.add_note(client_id, "gebeld")
        assert [h.name for h in desk.search("dakgoot")] == ["Sjoerd Bakker"]
        report = desk.forget(client_id)  # compaction runs with the owner's rights
        assert report.documents == 1 and desk.search("bakker") == []
    with psycopg.connect(desk_url, autocommit=True) as conn:
        for statement in ("DROP TABLE notes", "ALTER TABLE clients DROP COLUMN iban"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        with pytest.raises(psycopg.errors.RaiseException):
            conn.execute("SELECT kd_compact('pg_authid')")
    assert value(url, "SELECT count(*) FROM clients") == 1


def test_an_older_schema_is_migrated_after_a_backup(pg_server, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    name = pg_server.create_database()
    db = connect(pg_server.url(name), read_only=False)
    migrate(db, 0, target=2)  # a server set up by an older Klantdossier
    with db.transaction():
        db.execute(
            "INSERT INTO clients (name, created_at, updated_at) VALUES ('Oud Klant', 'x', 'x')"
        )
        db.execute("INSERT INTO client_search VALUES (1, 'Oud Klant', '')")
    db.close()
    with ClientFile.open(pg_server.url(name)) as cf:
        assert value(cf, "SELECT version FROM klantdossier_schema") == SCHEMA_VERSION
        assert [h.name for h in cf.search("oud")] == ["Oud Klant"]
    backups = list((tmp_path / "data").rglob(f"{name}.v2-*.sqlite"))
    assert len(backups) == 1
    assert rows(backups[0], "SELECT name FROM clients") == [("Oud Klant",)]
    assert value(backups[0], "PRAGMA user_version") == 2
    with ClientFile.open(backups[0]) as copy:  # the backup opens (and migrates) as a file
        assert copy.count_clients() == 1


def test_two_backups_before_a_migration_in_one_second_both_made(
    pg_server, tmp_path: Path, monkeypatch
):
    """Two desks on one computer (or a window and a command) open an older server file
    at the same moment: each makes its backup under a name of its own, neither fails."""
    from storage import migrate as migrating

    class Frozen:
        @staticmethod
        def now():
            return datetime(2026, 12, 2, 9, 30, 0)

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(migrating, "datetime", Frozen)
    name = pg_server.create_database()
    db = connect(pg_server.url(name), read_only=False)
    try:
        migrate(db, 0, target=4)
        made = [migrating.backup_before_migration(db, 4) for _ in range(2)]
    finally:
        db.close()
    assert [p.name for p in made] == [
        f"{name}.v4-20261202-093000.sqlite",
        f"{name}.v4-20261202-093000-2.sqlite",
    ]
    assert all(value(p, "PRAGMA user_version") == 4 for p in made)


def test_newer_schema_is_refused(url: str):
    ClientFile.open(url).close()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE klantdossier_schema SET version = %s", [SCHEMA_VERSION + 1])
    with pytest.raises(NewerSchemaError, match="nieuwere versie"):
        ClientFile.open(url)


def test_database_of_another_program_is_refused(pg_server):
    name = pg_server.create_database()
    pg_server.psql("CREATE TABLE orders (id integer)", name)
    with pytest.raises(CorruptClientFileError, match="ander programma"):
        ClientFile.open(pg_server.url(name))
    assert pg_server.psql("SELECT count(*) FROM pg_tables WHERE schemaname='public'", name) == "1"


def test_server_down_at_start_says_so_in_dutch(tmp_path: Path):
    url = f"postgresql://postgres@/klanten?host={tmp_path}"
    with pytest.raises(ServerUnavailableError, match="niet bereikbaar") as raised:
        ClientFile.open(url)
    done = run("search", "x", "--db", url)
    assert done.returncode == 1 and "niet bereikbaar" in done.stderr
    assert "Traceback" not in done.stderr and str(raised.value)


def test_wrong_password(pg_server, url: str):
    pg_server.psql("DROP ROLE IF EXISTS pw_kees; CREATE ROLE pw_kees LOGIN PASSWORD 'goed'")
    wrong = url.replace("postgres@", "pw_kees:fout@")
    with pytest.raises(WrongPasswordError, match="wachtwoord") as raised:
        ClientFile.open(wrong)
    assert "fout" not in str(raised.value)  # never shown
    without = url.replace("postgres@", "pw_kees@")
    with pytest.raises(WrongPasswordError, match="wachtwoord"):
        ClientFile.open(without)


def test_password_from_pgpass_never_in_the_location(
    pg_server, url: str, tmp_path: Path, monkeypatch
):
    from storage.postgres.connect import PgLocation, remember_password

    pg_server.psql(
        "DROP ROLE IF EXISTS pw_anna;"
        " CREATE ROLE pw_anna LOGIN PASSWORD 'ge:heim' IN ROLE klantdossier_balie"
    )
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    with_password = url.replace("postgres@", "pw_anna:ge%3Aheim@")
    location = PgLocation.parse(with_password)
    assert "heim" not in location.url()
    saved = remember_password(location, location.password)
    assert oct(saved.stat().st_mode & 0o777) == "0o600"
    with ClientFile.open(location.url()) as cf:  # libpq reads the password itself
        assert "heim" not in str(cf.path)
        cf.create_client(name="Met wachtwoord")


def test_connection_lost_mid_session(url: str):
    with ClientFile.open(url) as cf:
        client_id = cf.create_client(name="Piet")
        terminate(url)
        cf.add_note(client_id, "na het herstel")  # between writes: connects again unseen
        terminate(url)
        assert cf.client(client_id).name == "Piet"  # so does a read
        with pytest.raises(ConnectionLostError, match="verbroken"), cf.transaction():
            cf.create_client(name="Half")
            terminate(url)
            cf.add_note(client_id, "gaat verloren")  # the window puts it back in its field
        assert [n.text for n in cf.notes(client_id)] == ["na het herstel"]
        assert cf.count_clients() == 1  # nothing of the broken transaction was stored


def test_server_gone_and_back():
    from tests.pgserver import PgServer

    server = PgServer().start()
    try:
        url = server.url(server.create_database())
        with ClientFile.open(url) as cf:
            client_id = cf.create_client(name="Piet")
            server.stop()
            with pytest.raises(ServerUnavailableError, match=r"niet bereikbaar|verbroken"):
                cf.add_note(client_id, "terwijl de server uit staat")
            with pytest.raises(ServerUnavailableError):
                cf.client(client_id)
            server.start_again()
            cf.add_note(client_id, "weer bereikbaar")  # reconnected by itself
            assert [n.text for n in cf.notes(client_id)] == ["weer bereikbaar"]
    finally:
        server.close()


# -- copy, backup ---------------------------------------------------------------------------


def test_copy_sqlite_to_postgresql_and_back(filled_sqlite: Path, pg_server, tmp_path: Path):
    name = pg_server.create_database()
    url = pg_server.url(name)
    done = run("copy", str(filled_sqlite), url)
    assert done.returncode == 0, done.stderr
    assert "gelijk aan het origineel" in done.stdout
    assert "pages: 4 van 4" in done.stderr  # progress
    with ClientFile.open(url) as cf:
        assert [h.name for h in cf.search("zonnepanelen")] == ["Sjóerd de Vries"]
        assert cf.lookup_phone("020 123 4567").name == "Bakkerij Jansen"
        sha = cf.client(cf.search("sjoerd")[0].id).documents[0].sha256
        assert cf.original_path(sha).read_text().startswith("Geachte heer")
        new_id = cf.create_client(name="Na de kopie")  # ids go on after the copied ones
        assert new_id == 4
    back = tmp_path / "terug.sqlite"
    again = run("copy", url, str(back), "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["equal"] is True
    with ClientFile.open(back) as copy:
        assert copy.count_clients() == 4
        assert [h.name for h in copy.search("banket")] == ["Bakkerij Jansen"]
    refused = run("copy", str(filled_sqlite), url)  # not into a file that has data
    assert refused.returncode == 1 and "niet leeg" in refused.stderr


def test_copy_keeps_the_calls_to_return(pg_server, tmp_path: Path):
    """The "terugbellen" marks go with their calls, both ways (keyed on the call's id)."""
    source = tmp_path / "bron.sqlite"
    with ClientFile.open(source) as cf:
        kees = cf.create_client(name="Kees")
        answered = cf.add_call(kees, "+31612345678", duration_seconds=30)
        missed = cf.add_call(None, "+31201234567", duration_seconds=0)
        cf.set_callback(missed)
        marked_at = cf.callbacks()[missed]
    url = pg_server.url(pg_server.create_database())
    done = run("copy", str(source), url, "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["equal"] is True and report["rows"]["callbacks"] == 1
    with ClientFile.open(url) as cf:
        assert cf.callbacks() == {missed: marked_at}
        assert [c.id for c in cf.callback_calls()] == [missed]
        cf.set_callback(answered)
        assert cf.add_call(kees, "+31612345678") == missed + 1  # call ids go on
    back = tmp_path / "terug.sqlite"
    again = run("copy", url, str(back), "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["rows"]["callbacks"] == 2
    with ClientFile.open(back) as copy:
        assert set(copy.callbacks()) == {answered, missed}


def test_backup_of_a_server_is_a_sqlite_file(url: str, tmp_path: Path):
    with ClientFile.open(url) as cf:
        add_client(cf, tmp_path, "Bram Dekker", pages=["offerte kozijnen"])
        writer = ClientFile.open(url)
        writer.add_note(1, "tijdens de kopie")
        writer.close()
        done = run("backup", str(tmp_path / "kopie.sqlite"), "--db", url)
        assert done.returncode == 0, done.stderr
    with ClientFile.open(tmp_path / "kopie.sqlite", read_only=True) as copy:
        assert [h.name for h in copy.search("kozijnen")] == ["Bram Dekker"]
        assert copy.notes(1)[0].text == "tijdens de kopie"
        sha = copy.client(1).documents[0].sha256
        assert copy.original_path(sha).read_text() == "offerte kozijnen"


def test_originals_are_shared_between_desks(url: str, tmp_path: Path):
    with ClientFile.open(url) as cf:
        client_id = add_client(cf, tmp_path, "Els", pages=["een brief"])
        sha = cf.client(client_id).documents[0].sha256
    out = desk_process(url, f"print(cf.original_path({sha!r}).read_text())")
    assert out.strip() == "een brief"


def test_empty_original_and_parts(url: str, tmp_path: Path, monkeypatch):
    from storage.postgres import originals

    monkeypatch.setattr(originals, "CHUNK", 10)
    data = bytes(range(256)) * 3
    source = tmp_path / "scan.bin"
    source.write_bytes(data)
    with ClientFile.open(url) as cf:
        cf.originals.put(source, "d" * 64)
        empty = tmp_path / "leeg.bin"
        empty.write_bytes(b"")
        cf.originals.put(empty, "e" * 64)
        assert cf.original_path("d" * 64).read_bytes() == data
        assert cf.original_path("e" * 64).read_bytes() == b""
        assert value(cf, "SELECT count(*) FROM originals WHERE sha256 = ?", ("d" * 64,)) > 10


@pytest.fixture
def filled_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "klanten.sqlite"
    with ClientFile.open(path) as cf:
        add_client(
            cf,
            tmp_path,
            "Sjóerd de Vries",
            phones=[Phone("+31612345678", "06-12345678", "mobile")],
            addresses=[Address("Kerkstraat", "12", "1234 AB", "Zwolle")],
            pages=["Geachte heer De Vries, hierbij de offerte voor de zonnepanelen."],
        )
        add_client(
            cf,
            tmp_path,
            "Bakkerij Jansen",
            phones=[Phone("+31201234567", "020 123 4567", "landline")],
            pages=["Factuur voor het bezorgen van brood en banket aan Jansen."],
        )
        add_client(cf, tmp_path, "Priya Çelik", pages=["Brief over de dakgoot."])
        cf.add_note(1, "Belt terug")
        cf.add_call(None, "+31699999999")
        with cf.transaction():
            cf.add_field(1, field="iban", value="NL91ABNA0417164300", box=(1, 2, 3, 4))
            cf.add_document(
                client_id=2,
                name="stapel.pdf",
                sha256="f" * 64,
                mime="application/pdf",
                pages=[PageText("deel twee", [], 88.5)],
                frames=[3],
            )
    return path


@pytest.mark.slow
def test_network_lost_during_an_import_is_resumable(url: str, tmp_path: Path):
    """The server's connection is cut while an import stores documents: what was stored
    stays, the import reports what it could not store (no traceback), and running it
    again finishes the job without doubling anything, as after a killed import."""
    folders = tmp_path / "mappen"
    subprocess.run(
        [sys.executable, "-m", "tests.datagen", "--out", str(folders), "--clients", "3"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    paths = sorted(str(p) for p in folders.iterdir() if p.is_dir())
    files = sum(1 for p in folders.rglob("*") if p.is_file() and p.parent != folders)
    command = [sys.executable, "main.py", "import", *paths, "--jobs", "1", "--json", "--db", url]
    ClientFile.open(url).close()
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    cut = 0
    deadline = time.time() + 240
    while first.poll() is None and time.time() < deadline:
        if value(url, "SELECT count(*) FROM documents"):
            cut = terminate(url)
            break
        time.sleep(0.05)
    _out, err = first.communicate(timeout=300)
    assert cut >= 1, "the import stored nothing before it ended"
    assert b"Traceback" not in err, err.decode()
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr
    assert value(url, "SELECT count(*) FROM clients") == 3
    assert value(url, "SELECT count(DISTINCT sha256) FROM documents") == files
    assert value(url, "SELECT count(*) FROM documents") == files  # nothing twice
    assert value(url, "SELECT count(DISTINCT sha256) FROM originals") == files


def test_a_typing_error_finds_the_name_when_nothing_else_does(url: str):
    """pg_trgm: only when the words themselves found nothing."""
    with ClientFile.open(url) as cf:
        cf.create_client(name="Bakkerij Jansen")
        cf.create_client(name="Priya Çelik")
        assert [h.name for h in cf.search("jansne")] == ["Bakkerij Jansen"]
        assert [h.name for h in cf.search("bakerij")] == ["Bakkerij Jansen"]
        assert [h.name for h in cf.search("jansen")] == ["Bakkerij Jansen"]
        assert cf.search("zonnepx") == []
