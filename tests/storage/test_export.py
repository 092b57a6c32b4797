"""Export (JSON, CSV, vCard); backup and restore; everything on one person. The round
trips through the contact import are in tests/importing/test_contacts_roundtrip.py."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

import pytest

from storage import (
    Address,
    ClientFile,
    ClientFileError,
    CorruptClientFileError,
    Phone,
)

from .conftest import add_client


@pytest.fixture
def contacts(filled: ClientFile) -> ClientFile:
    with filled.transaction():
        filled.create_client(
            name='=HYPERLINK("x")',  # Excel formula injection attempt
            phones=[Phone("+442079460958", "+44 20 7946 0958"), Phone("+31301234567")],
            emails=["a@b.example", "c;d@e.example"],
            addresses=[Address("Lange Laan; achter", "1", "2511 CD", "Den Haag")],
        )
    return filled


def test_csv_is_excel_friendly(contacts: ClientFile, tmp_path: Path):
    out = tmp_path / "klanten.csv"
    contacts.export_all("csv", out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the accents
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:3] == ["Klantnummer", "Naam", "Voornaam"]
    assert "Sjóerd de Vries" in text
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    assert "06 12345678" in text  # a written number, not +316... (Excel eats the +)


def test_json_export_is_the_show_shape(filled: ClientFile):
    exported = json.loads(filled.export_all("json"))
    assert exported == [filled.client(i).to_dict() for i in filled.client_ids()]


def test_vcard_lines_are_folded_and_escaped(contacts: ClientFile):
    text = contacts.export_all("vcard")
    assert text.count("BEGIN:VCARD") == contacts.count_clients()
    for line in text.split("\r\n"):
        assert len(line.encode()) <= 75
    assert "c\\;d@e.example" in text
    assert "X-IBAN:NL91ABNA0417164300" in text


def test_export_client_holds_everything_on_one_person(filled: ClientFile, tmp_path: Path):
    client_id = filled.search("sjoerd")[0].id
    filled.add_note(client_id, "Wil graag een offerte")
    filled.add_call(client_id, "+31612345678", note="teruggebeld")
    with filled.transaction():
        filled.add_field(client_id, field="iban", value="NL91ABNA0417164300", box=(1, 2, 3, 4))
    folder = filled.export_client(client_id, tmp_path / "avg")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    record = json.loads((folder / "klant.json").read_text(encoding="utf-8"))
    assert record["client"]["name"] == "Sjóerd de Vries"
    assert record["client"]["notes"][0]["text"] == "Wil graag een offerte"
    assert record["client"]["calls"][0]["note"] == "teruggebeld"
    assert record["fields"][0]["box"] == [1, 2, 3, 4]
    document = record["client"]["documents"][0]
    assert "zonnepanelen" in document["pages_text"][0]["text"]
    original = folder / document["original"]
    assert original.read_text(encoding="utf-8").startswith("Geachte heer De Vries")
    assert len(list((folder / "originelen").iterdir())) == 1


@pytest.mark.sqlite_only
def test_backup_and_restore(filled: ClientFile, tmp_path: Path):
    cf = filled
    backup = cf.backup(tmp_path / "kopie" / "klanten-backup.sqlite")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    originals = backup.with_name(backup.name + ".originals")
    assert stat.S_IMODE(originals.stat().st_mode) == 0o700
    before = [cf.client(i) for i in cf.client_ids()]
    # after the backup, things go wrong: a client is erased
    cf.forget(cf.search("sjoerd")[0].id)
    cf.close()
    restored = ClientFile.restore(backup, cf.path)
    assert restored == cf.path
    kept_aside = list(tmp_path.glob("klanten.sqlite.voor-terugzetten-*"))
    assert any(p.name.endswith(".originals") for p in kept_aside)
    with ClientFile.open(cf.path) as back:
        assert [back.client(i) for i in back.client_ids()] == before
        sjoerd = back.search("zonnepanelen")[0]
        sha = back.client(sjoerd.id).documents[0].sha256
        assert back.original_path(sha).is_file()


def test_backup_while_another_connection_writes(filled: ClientFile, tmp_path: Path):
    writer = ClientFile.open(filled.path)
    try:
        writer.add_note(1, "tijdens de kopie")
        backup = filled.backup(tmp_path / "b.sqlite")
    finally:
        writer.close()
    with ClientFile.open(backup, read_only=True) as copy:
        assert copy.notes(1)[0].text == "tijdens de kopie"


def test_restore_refuses_bad_backups(tmp_path: Path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(CorruptClientFileError):
        ClientFile.restore(junk, tmp_path / "k.sqlite")
    with pytest.raises(ClientFileError, match="bestaat niet"):
        ClientFile.restore(tmp_path / "weg.sqlite", tmp_path / "k.sqlite")
    assert not (tmp_path / "k.sqlite").exists()


def test_restore_of_version_1_backup_migrates(tmp_path: Path):
    from .conftest import V1_FILE

    dest = ClientFile.restore(V1_FILE, tmp_path / "k.sqlite")
    with ClientFile.open(dest) as cf:
        assert [h.name for h in cf.search("banket")] == ["Bakkerij Jansen"]


def test_export_of_unknown_client(client_file: ClientFile, tmp_path: Path):
    from storage import ClientNotFoundError

    with pytest.raises(ClientNotFoundError):
        client_file.export_client(99, tmp_path)
    add_client(client_file, tmp_path, "Iemand")
    assert client_file.export_all("json").startswith("[")


def test_export_of_a_selection_with_progress(filled: ClientFile, tmp_path: Path):
    ids = filled.client_ids()
    chosen = [ids[2], ids[0]]
    seen: list[tuple[int, int]] = []
    out = tmp_path / "keuze.json"
    filled.export_all("json", out, client_ids=chosen, progress=lambda d, t: seen.append((d, t)))
    assert [c["id"] for c in json.loads(out.read_text(encoding="utf-8"))] == chosen
    assert seen == [(1, 2), (2, 2)]

    class Stop(Exception):
        pass

    def stop(done: int, total: int) -> None:
        raise Stop

    with pytest.raises(Stop):  # progress may end the work: nothing is written
        filled.export_all("csv", tmp_path / "gestopt.csv", progress=stop)
    assert not (tmp_path / "gestopt.csv").exists()


def test_page_orientations(client_file: ClientFile):
    from storage import PageText

    cid = client_file.create_client(name="Kees")
    doc = client_file.add_document(
        client_id=cid,
        name="scan.tif",
        sha256="c" * 64,
        mime="image/tiff",
        pages=[PageText("a"), PageText("b", orientation=180), PageText("c", orientation=90)],
    )
    assert client_file.page_orientations(doc) == [0, 180, 90]
