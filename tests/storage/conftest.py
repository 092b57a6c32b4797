"""Fixtures of the storage tests: a small client file with known clients."""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest

from storage import Address, ClientFile, PageText, Phone
from storage.originals import sha256_of

DATA = Path(__file__).parent / "data"
V1_FILE = DATA / "v1.sqlite"  # written by the version-1 schema; never regenerate it


def add_client(cf: ClientFile, tmp_path: Path, name: str, *, pages: list[str] = (), **kw) -> int:
    """A client with optional documents (one page each), originals stored for real."""
    with cf.transaction() as conn:
        client_id = cf.create_client(conn, name=name, **kw)
        for text in pages:
            source = tmp_path / f"{uuid.uuid4().hex}.txt"
            source.write_text(text, encoding="utf-8")
            sha = sha256_of(source)
            cf.originals.put(source, sha)
            cf.add_document(
                conn,
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
