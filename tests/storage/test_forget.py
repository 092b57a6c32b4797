"""AVG erasure, merging, status, notes and the call log."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage import Address, ClientFile, ClientNotFoundError, Phone
from tests.sql import value


def test_forget_erases_everything(filled: ClientFile, raw_bytes):
    cf = filled
    sjoerd = cf.search("sjoerd")[0].id
    other = cf.search("bakkerij")[0].id
    documents = cf.client(sjoerd).documents
    original = cf.original_path(documents[0].sha256)
    assert original.is_file()
    cf.add_note(sjoerd, "Belt over zonnepanelen")
    cf.add_call(sjoerd, "+31612345678", note="offerte besproken")
    cf.add_call(None, "+31612345678")  # before the number was known
    cf.add_call(None, "+31699999999")  # someone else
    with cf.transaction():
        page_id = cf.pages(documents[0].id)[0][0]
        cf.add_field(sjoerd, field="name", value="Sjóerd de Vries", page_id=page_id)

    report = cf.forget(sjoerd)

    assert (report.documents, report.pages, report.fields, report.notes, report.calls) == (
        1,
        1,
        1,
        1,
        2,
    )
    assert report.originals_removed == 1 and not original.exists()
    with pytest.raises(ClientNotFoundError):
        cf.client(sjoerd)
    for query in ("sjoerd", "zonnepanelen", "1234ab", "0612", "NL91"):
        assert cf.search(query) == [], query
    assert cf.lookup_phone("06-12345678") is None
    assert [c.number for c in cf.calls()] == ["+31699999999"]
    for table in ("phones", "emails", "addresses", "notes", "fields"):
        assert value(cf, f"SELECT count(*) FROM {table} WHERE client_id = ?", (sjoerd,)) == 0
    assert value(cf, "SELECT count(*) FROM pages") == 2
    # the log says what happened, not to whom
    detail = value(cf, "SELECT detail FROM import_log WHERE event = 'forget'")
    assert "Sjóerd" not in detail and "Vries" not in detail
    # the other clients are untouched
    assert cf.client(other).documents
    assert cf.search("banket")[0].id == other
    # no trace of the name left anywhere in the file after closing (secure_delete, FTS
    # merge; on a server: the tables rewritten)
    cf.close()
    raw = raw_bytes(cf)
    for trace in ("Sjóerd".encode(), b"zonnepanelen", b"Kerkstraat", b"0417164300"):
        assert trace not in raw, trace


def test_forget_unknown_client(client_file: ClientFile):
    with pytest.raises(ClientNotFoundError):
        client_file.forget(42)


def test_merge_clients(client_file: ClientFile, tmp_path: Path):
    from .conftest import add_client

    cf = client_file
    keep = add_client(
        cf,
        tmp_path,
        "K. de Vries",
        phones=[Phone("+31612345678")],
        emails=["kees@example.nl"],
        iban=None,
        pages=["brief een"],
    )
    other = add_client(
        cf,
        tmp_path,
        "Kees de Vries",
        phones=[Phone("+31612345678"), Phone("+31201234567")],
        emails=["KEES@example.nl", "info@vries.example"],
        addresses=[Address("Kerkstraat", "1", "1234 AB", "Zwolle")],
        iban="NL91ABNA0417164300",
        company="Vries B.V.",
        pages=["brief twee"],
    )
    cf.add_note(other, "notitie")
    call = cf.add_call(other, "+31201234567")
    cf.merge_clients(keep, other, {"name": "other", "company": "keep"})
    merged = cf.client(keep)
    assert merged.name == "Kees de Vries"
    assert merged.company is None  # chosen: keep's (empty) value
    assert merged.iban == "NL91ABNA0417164300"  # not chosen: keep's was empty
    assert sorted(merged.numbers) == ["+31201234567", "+31612345678"]
    assert sorted(merged.emails) == ["info@vries.example", "kees@example.nl"]
    assert len(merged.documents) == 2 and len(merged.addresses) == 1
    assert merged.notes[0].text == "notitie"
    assert [c.id for c in merged.calls] == [call]
    with pytest.raises(ClientNotFoundError):
        cf.client(other)
    assert [h.id for h in cf.search("brief twee")] == [keep]
    assert [h.id for h in cf.search("vries")] == [keep]
    assert cf.lookup_phone("020 123 4567").id == keep
    cf.merge_clients(keep, add_client(cf, tmp_path, "X"), {"name": "Kees de Vries (nieuw)"})
    assert cf.client(keep).name == "Kees de Vries (nieuw)"


def test_status_notes_and_calls(client_file: ClientFile):
    cf = client_file
    with cf.transaction():
        client_id = cf.create_client(name="Anna")
    cf.set_status(client_id, "archived")
    assert cf.client(client_id).status == "archived"
    with pytest.raises(ValueError):
        cf.set_status(client_id, "weg")
    first = cf.add_note(client_id, "eerste")
    cf.add_note(client_id, "tweede")
    assert [n.text for n in cf.notes(client_id)] == ["tweede", "eerste"]
    cf.delete_note(first)
    assert [n.text for n in cf.notes(client_id)] == ["tweede"]
    assert cf.last_call(client_id) is None
    unknown = cf.add_call(None, "+31699999999", direction="in")
    cf.add_call(client_id, "+31612345678", direction="out", duration_seconds=30)
    last = cf.add_call(client_id, "+31612345678", note="terugbellen")
    cf.set_call_note(last, "teruggebeld")
    cf.set_call_duration(last, 95)
    assert cf.last_call(client_id).note == "teruggebeld"
    assert cf.last_call(client_id).duration_seconds == 95
    assert len(cf.calls(client_id)) == 2
    assert len(cf.calls(limit=2)) == 2
    assert cf.calls()[-1].client_id is None
    cf.set_call_client(unknown, client_id)
    assert len(cf.calls(client_id)) == 3


def test_forget_then_compact_later(filled: ClientFile, raw_bytes):
    cf = filled
    report = cf.forget(cf.search("priya")[0].id, compact=False)
    assert report.documents == 1
    assert cf.search("celik") == []
    cf.compact_search_index()
    cf.close()
    raw = raw_bytes(cf)
    assert "Çelik".encode() not in raw and b"dakgoot" not in raw


@pytest.mark.sqlite_only
def test_compact_in_steps_purges_an_index_of_many_segments(
    client_file: ClientFile, tmp_path, monkeypatch
):
    """Many small writes leave the search index in many segments; merged a few pages per
    step (so in many short transactions), no word of the erased client is left."""
    from storage.sqlite import search as index
    from tests.storage.conftest import add_client, connection

    monkeypatch.setattr(index, "MERGE_STEP_PAGES", 4)

    cf = client_file
    with cf.transaction():  # every write below leaves a segment of its own
        connection(cf).execute("INSERT INTO page_fts (page_fts, rank) VALUES ('automerge', 0)")
    words = [" ".join(f"woord{n:03d}xq{k}" for k in range(200)) for n in range(120)]
    ids = [add_client(cf, tmp_path, f"Klant {n}", pages=[words[n]]) for n in range(120)]
    cf.forget(ids[57], compact=False)
    connection(cf).execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files = [p for p in cf.path.parent.glob(cf.path.name + "*") if p.is_file()]
    assert b"woord057xq" in b"".join(p.read_bytes() for p in files)  # only marked deleted
    assert cf.compact_search_index() > 4  # in several short steps, not one long lock
    cf.close()
    raw = b"".join(p.read_bytes() for p in cf.path.parent.glob(cf.path.name + "*") if p.is_file())
    assert b"woord057xq" not in raw
    assert b"woord058xq" in raw  # the others are still found
