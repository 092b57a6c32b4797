"""The call log as a list to work through: calls of a day or period, missed calls, the
"terugbellen" mark, unknown numbers given to a client; and fields accepted by a person."""

from __future__ import annotations

from storage import ClientFile, Phone
from storage.schema import SCHEMA_VERSION


def set_call_time(cf: ClientFile, call_id: int, at: str) -> None:
    """Calls are logged at the present time; the tests need fixed ones. Through the
    client file's own Database (not its raw connection), so the `?` placeholders are
    translated for PostgreSQL as storage's own statements are."""
    with cf.transaction():
        cf._db.execute("UPDATE calls SET started_at = ? WHERE id = ?", (at, call_id))


def _calls(cf: ClientFile) -> dict[str, int]:
    with cf.transaction():
        kees = cf.create_client(name="Kees", phones=[Phone("+31612345678")])
        ids = {
            "yesterday": cf.add_call(kees, "+31612345678"),
            "morning": cf.add_call(kees, "+31612345678", direction="out", duration_seconds=60),
            "missed": cf.add_call(None, "+31201234567", duration_seconds=0),
            "unknown": cf.add_call(None, "+31201234567"),
            "tomorrow": cf.add_call(kees, "+31612345678"),
        }
    set_call_time(cf, ids["yesterday"], "2026-12-01T17:59:00+01:00")
    set_call_time(cf, ids["morning"], "2026-12-02T08:01:00+01:00")
    set_call_time(cf, ids["missed"], "2026-12-02T09:30:00+01:00")
    set_call_time(cf, ids["unknown"], "2026-12-02T23:59:59+01:00")
    set_call_time(cf, ids["tomorrow"], "2026-12-03T00:00:00+01:00")
    return ids | {"kees": kees}


def test_calls_of_one_day_newest_first(client_file: ClientFile):
    ids = _calls(client_file)
    day = client_file.calls_between("2026-12-02", "2026-12-03")
    assert [c.id for c in day] == [ids["unknown"], ids["missed"], ids["morning"]]
    assert [c.client_id for c in day] == [None, None, ids["kees"]]
    since = client_file.calls_between("2026-12-02")
    assert [c.id for c in since] == [ids["tomorrow"], ids["unknown"], ids["missed"], ids["morning"]]
    everything = client_file.calls_between(client_id=ids["kees"])
    assert [c.id for c in everything] == [ids["tomorrow"], ids["morning"], ids["yesterday"]]
    assert len(client_file.calls_between(limit=2)) == 2


def test_missed_calls_are_incoming_without_an_answer(client_file: ClientFile):
    ids = _calls(client_file)
    missed = client_file.missed_calls()
    assert [c.id for c in missed] == [ids["missed"]]
    assert missed[0].missed
    assert not [c for c in client_file.calls() if c.missed and c.id != ids["missed"]]
    assert client_file.missed_calls(since="2026-12-03") == []


def test_callback_mark_stays_until_done(client_file: ClientFile, location):
    ids = _calls(client_file)
    client_file.set_callback(ids["missed"])
    client_file.set_callback(ids["missed"])  # twice: still one mark, the first time kept
    client_file.set_callback(ids["yesterday"])
    assert set(client_file.callbacks()) == {ids["missed"], ids["yesterday"]}
    client_file.close()
    with ClientFile.open(location) as again:  # the mark is in the file, not in the window
        assert [c.id for c in again.callback_calls()] == [ids["yesterday"], ids["missed"]]
        again.set_callback(ids["missed"], False)
        assert list(again.callbacks()) == [ids["yesterday"]]


def test_callback_goes_with_its_call_when_a_client_is_erased(client_file: ClientFile):
    ids = _calls(client_file)
    client_file.set_callback(ids["yesterday"])
    client_file.forget(ids["kees"])
    assert client_file.callbacks() == {}


def test_unknown_calls_given_to_the_new_client(client_file: ClientFile):
    ids = _calls(client_file)
    bakker = client_file.create_client(name="Bakker", phones=[Phone("+31201234567")])
    assert client_file.attach_unknown_calls("+31201234567", bakker) == 2
    assert {c.id for c in client_file.calls(bakker)} == {ids["missed"], ids["unknown"]}
    assert client_file.attach_unknown_calls("+31201234567", bakker) == 0


def test_schema_has_the_callbacks_step():
    assert SCHEMA_VERSION >= 5


def test_accept_fields_marks_what_a_person_checked(client_file: ClientFile):
    cid = client_file.create_client(name="Kees")
    for field, value in (("iban", "NL91ABNA0417164300"), ("street", "Kerkstraat"), ("kvk", "1")):
        client_file.add_field(cid, field=field, value=value)
    other = client_file.create_client(name="Ander")
    client_file.add_field(other, field="iban", value="NL02ABNA0123456789")
    assert client_file.accept_fields(cid, "iban") == 1
    assert {f.field: f.accepted for f in client_file.fields(cid)} == {
        "iban": True,
        "street": False,
        "kvk": False,
    }
    assert client_file.accept_fields(cid, ["street", "postcode"]) == 1
    assert client_file.accept_fields(cid) == 1  # the rest: kvk
    assert all(f.accepted for f in client_file.fields(cid))
    assert not client_file.fields(other)[0].accepted  # another client's stay as they were
    assert client_file.accept_fields(cid) == 0
