"""Client, Note, Call and StoredField: the dataclasses ClientFile returns, and the JSON they
give. data/rich_client.json was written by the dict-returning ClientFile.client() of
before the split (timestamps replaced by "T"); `show --json` must still print it byte for
byte."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from storage import (
    CLIENT_FIELDS,
    Address,
    Call,
    Client,
    ClientFile,
    DocumentInfo,
    Note,
    PageText,
    Phone,
    StoredAddress,
    StoredField,
    Word,
)
from tests.storage.test_cli import run

RICH_CLIENT_JSON = Path(__file__).parent / "data" / "rich_client.json"


def _timeless(text: str) -> str:
    return re.sub(r'"at": "[^"]+"', '"at": "T"', text)


def make_rich_client(cf: ClientFile) -> int:
    """Every part a client can have, in the order the golden file was made."""
    with cf.transaction():
        cid = cf.create_client(
            name="Kees de Vries",
            first_name="Kees",
            tussenvoegsel="de",
            last_name="Vries",
            company="Installatiebedrijf De Vries B.V.",
            legal_form="B.V.",
            kvk="12345678",
            btw="NL001234567B01",
            iban="NL91ABNA0417164300",
            bic="ABNANL2A",
            client_since="2019-03-01",
            phones=[
                Phone("+31612345678", "06-12345678", "mobile"),
                Phone("+31201234567", None, "landline"),
            ],
            emails=["kees@devries.nl", "Info@DeVries.nl"],
            addresses=[
                Address("Kerkstraat", "12a", "1234 AB", "Zwolle"),
                Address("Postbus", "99", None, "Brussel", "BE"),
            ],
        )
        cf.create_client(name="Ander")
        cf.add_document(
            client_id=cid,
            name="brief één.pdf",
            sha256="a" * 64,
            mime="application/pdf",
            pages=[
                PageText("Beste Kees", [Word("Beste", 1, 2, 3, 4, 90.0)], 91.5, 90, 100, 200),
                PageText("tweede", []),
            ],
        )
        cf.add_document(
            client_id=cid,
            name="scan.tif",
            sha256="b" * 64,
            mime="image/tiff",
            pages=[PageText("x")],
        )
        cf.add_field(
            cid,
            field="iban",
            value="NL91ABNA0417164300",
            page_id=1,
            box=(1, 2, 3, 4),
            confidence=88.5,
            accepted=True,
        )
        cf.add_field(cid, field="phone", value="06-12345678")
    cf.add_note(cid, "Eerste notitie")
    cf.add_note(cid, 'Tweede "notitie"\nmet regel')
    cf.add_call(cid, "+31612345678")
    cf.add_call(cid, "+31201234567", direction="out", note="terugbellen", duration_seconds=75)
    cf.add_call(None, "+31699999999")
    cf.set_status(cid, "archived")
    return cid


def test_to_dict_is_the_old_show_shape_byte_for_byte(client_file: ClientFile):
    cid = make_rich_client(client_file)
    text = json.dumps(client_file.client(cid).to_dict(), ensure_ascii=False, indent=2) + "\n"
    assert _timeless(text) == RICH_CLIENT_JSON.read_text(encoding="utf-8")


def test_show_and_lookup_json_print_that_shape(client_file: ClientFile):
    make_rich_client(client_file)
    client_file.close()
    db = str(client_file.path)
    golden = RICH_CLIENT_JSON.read_text(encoding="utf-8")
    shown = run("show", "1", "--json", "--db", db)
    assert shown.returncode == 0 and _timeless(shown.stdout) == golden
    looked_up = run("lookup", "06 12345678", "--json", "--db", db)
    assert looked_up.returncode == 0 and _timeless(looked_up.stdout) == golden


def test_client_parts_are_dataclasses(client_file: ClientFile):
    cid = make_rich_client(client_file)
    client = client_file.client(cid)
    assert isinstance(client, Client)
    assert client.numbers == ["+31612345678", "+31201234567"]
    assert client.phones[0] == Phone("+31612345678", "06-12345678", "mobile")
    assert client.addresses[1] == StoredAddress("Postbus", "99", None, "Brussel", "BE", id=2)
    assert isinstance(client.addresses[0], Address)  # update_address takes it back as is
    assert client.documents[0] == DocumentInfo(1, "brief één.pdf", 2, "a" * 64, None, client.id)
    assert [n.text for n in client.notes] == ['Tweede "notitie"\nmet regel', "Eerste notitie"]
    assert all(isinstance(n, Note) for n in client.notes)
    assert [(c.number, c.direction, c.duration_seconds) for c in client.calls] == [
        ("+31201234567", "out", 75),
        ("+31612345678", "in", None),
    ]
    # every client field is an attribute, so code over CLIENT_FIELDS needs no dict
    assert {f.name for f in dataclasses.fields(Client)} >= set(CLIENT_FIELDS)
    assert [getattr(client, f) for f in ("kvk", "btw", "client_since")] == [
        "12345678",
        "NL001234567B01",
        "2019-03-01",
    ]


def test_notes_calls_and_fields_to_dict(client_file: ClientFile):
    cid = make_rich_client(client_file)
    note = client_file.notes(cid)[-1]
    assert note.to_dict() == {"id": 1, "at": note.at, "text": "Eerste notitie"}
    unknown = client_file.calls()[0]
    assert isinstance(unknown, Call)
    assert unknown.to_dict() == {
        "id": 3,
        "client_id": None,
        "number": "+31699999999",
        "direction": "in",
        "at": unknown.at,
        "duration_seconds": None,
        "note": None,
    }
    assert client_file.last_call(cid).id == 2
    fields = client_file.fields(cid)
    assert all(isinstance(f, StoredField) for f in fields)
    assert [f.to_dict() for f in fields] == [
        {
            "id": 1,
            "page_id": 1,
            "field": "iban",
            "value": "NL91ABNA0417164300",
            "box": [1, 2, 3, 4],
            "confidence": 88.5,
            "accepted": True,
        },
        {
            "id": 2,
            "page_id": None,
            "field": "phone",
            "value": "06-12345678",
            "box": None,
            "confidence": None,
            "accepted": False,
        },
    ]


def test_update_address_takes_a_stored_address_back(client_file: ClientFile):
    cid = make_rich_client(client_file)
    first = client_file.client(cid).addresses[0]
    first.city = "Kampen"
    client_file.update_address(first.id, first)
    assert client_file.client(cid).addresses[0].city == "Kampen"
    assert client_file.search("kampen")[0].id == cid
