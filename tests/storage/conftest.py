"""Fixtures of the storage tests: a small client file with known clients, on both
backends. Every test that uses `client_file` (or `filled`) runs twice, on a SQLite file
and on a PostgreSQL database of its own (a copy of a migrated template) on one server
started for the session; `@pytest.mark.sqlite_only` keeps a test about the SQLite file
itself (its pragmas, WAL, file header) to SQLite."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from storage import Address, ClientFile, PageText, Phone
from storage.originals import sha256_of
from tests.pgserver import PgServer

BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        only = metafunc.definition.get_closest_marker("sqlite_only")
        metafunc.parametrize("backend", ["sqlite"] if only else list(BACKENDS))


@pytest.fixture(scope="session")
def pg_server():
    """One PostgreSQL server for the whole session, and a migrated template database
    each test's database is copied from (CREATE DATABASE ... TEMPLATE)."""
    server = PgServer().start()
    template = server.create_database(name="kd_template")
    ClientFile.open(server.url(template)).close()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def location(backend: str, request: pytest.FixtureRequest, db_path: Path):
    """Where the test's client file lives: a SQLite path or a postgresql:// URL."""
    if backend == "sqlite":
        yield db_path
        return
    server = request.getfixturevalue("pg_server")
    name = server.create_database(template="kd_template")
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def client_file(location):
    cf = ClientFile.open(location)
    yield cf
    cf.close()


@pytest.fixture
def raw_bytes(request: pytest.FixtureRequest):
    """raw(cf): every byte the client file keeps on disk (a closed SQLite file with its
    -wal/-shm; a server database's table and index files after a CHECKPOINT)."""

    def raw(cf: ClientFile) -> bytes:
        if cf.backend == "sqlite":
            files = [p for p in cf.path.parent.glob(cf.path.name + "*") if p.is_file()]
        else:
            server = request.getfixturevalue("pg_server")
            files = server.database_files(urlsplit(cf.path).path.lstrip("/"))
        return b"".join(p.read_bytes() for p in files)

    return raw


DATA = Path(__file__).parent / "data"
V1_FILE = DATA / "v1.sqlite"  # written by the version-1 schema; never regenerate it


def connection(cf: ClientFile) -> sqlite3.Connection:
    """The connection under cf. Storage's own tests look at it (its pragmas, the
    statements a lookup runs); nothing outside storage/ can."""
    return cf._db.conn


def add_client(cf: ClientFile, tmp_path: Path, name: str, *, pages: list[str] = (), **kw) -> int:
    """A client with optional documents (one page each), originals stored for real."""
    with cf.transaction():
        client_id = cf.create_client(name=name, **kw)
        for text in pages:
            source = tmp_path / f"{uuid.uuid4().hex}.txt"
            source.write_text(text, encoding="utf-8")
            sha = sha256_of(source)
            cf.originals.put(source, sha)
            cf.add_document(
                client_id=client_id,
                name=source.name,
                sha256=sha,
                mime="text/plain",
                pages=[PageText(text)],
            )
    return client_id


@pytest.fixture
def filled(client_file: ClientFile, tmp_path: Path) -> ClientFile:
    cf = client_file
    add_client(
        cf,
        tmp_path,
        "Sjóerd de Vries",
        first_name="Sjóerd",
        tussenvoegsel="de",
        last_name="Vries",
        phones=[Phone("+31612345678", "06-12345678", "mobile")],
        emails=["sjoerd.devries@example.nl"],
        addresses=[Address("Kerkstraat", "12", "1234 AB", "Zwolle")],
        iban="NL91ABNA0417164300",
        kvk="12345678",
        pages=["Geachte heer De Vries, hierbij de offerte voor de zonnepanelen."],
    )
    add_client(
        cf,
        tmp_path,
        "Bakkerij Jansen",
        company="Bakkerij Jansen",
        legal_form="B.V.",
        phones=[Phone("+31201234567", "020 123 4567", "landline")],
        addresses=[Address("Molenweg", "3a", "9876 ZX", "Amsterdam")],
        pages=["Factuur voor het bezorgen van brood en banket aan Jansen."],
    )
    add_client(
        cf,
        tmp_path,
        "Priya Çelik",
        first_name="Priya",
        last_name="Çelik",
        emails=["priya@celik.example"],
        pages=["Brief over de dakgoot van de heer Jansen en mevrouw Çelik."],
    )
    return cf


def remount_read_only(mount_point: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True)


def is_root() -> bool:
    return os.geteuid() == 0
