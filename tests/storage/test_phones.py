"""Phone numbers: normalising every written form, and one-query lookup of the caller."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage import ClientFile, Phone
from storage.phones import candidates, kind_of, normalize

from .conftest import connection

MOBILE = "+31612345678"
LANDLINE = "+31201234567"
BRUSSELS = "+3225551234"


@pytest.fixture
def callers(client_file: ClientFile) -> ClientFile:
    cf = client_file
    with cf.transaction():
        cf.create_client(name="Mobiel", phones=[Phone(MOBILE, kind="mobile")])
        cf.create_client(name="Vast", phones=[Phone(LANDLINE, kind="landline")])
        cf.create_client(name="Brussel", phones=[Phone(BRUSSELS)])
    return cf


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("06-12345678", "Mobiel"),
        ("+31 6 1234 5678", "Mobiel"),
        ("0031612345678", "Mobiel"),
        ("06 12 34 56 78", "Mobiel"),
        ("06.12.34.56.78", "Mobiel"),
        ("(06) 123 456 78", "Mobiel"),
        ("+31 (0)6 12345678", "Mobiel"),
        ("612345678", "Mobiel"),  # caller ID without the leading 0
        ("31612345678", "Mobiel"),  # caller ID without the +
        ("00612345678", "Mobiel"),  # exchange's outside-line 0 in front
        ("tel:+31612345678", "Mobiel"),
        ("tel:0612345678;phone-context=+31", "Mobiel"),
        ("callto://+31612345678", "Mobiel"),
        ("sip:+31612345678@pbx.local", "Mobiel"),  # a softphone's SIP address
        ("020 123 4567", "Vast"),
        ("020-1234567", "Vast"),
        ("(020) 123 45 67", "Vast"),
        ("0 020 1234567", "Vast"),  # exchange prefix
        ("201234567", "Vast"),
        ("+32 2 555 12 34", "Brussel"),
        ("0032 2 555 1234", "Brussel"),
        ("06-87654321", None),
        ("hallo", None),
        ("", None),
        ("0" * 40, None),
    ],
)
def test_lookup_any_written_form(callers: ClientFile, written: str, name: str | None):
    client = callers.lookup_phone(written)
    assert (client.name if client else None) == name


def test_region_is_configurable(client_file: ClientFile):
    cf = client_file
    with cf.transaction():
        cf.create_client(name="Antwerpen", phones=[Phone("+3232011111")])
    assert cf.lookup_phone("03 201 11 11") is None  # read as Dutch: +31 3...
    assert cf.lookup_phone("03 201 11 11", region="BE").name == "Antwerpen"
    belgian = ClientFile.open(cf.path, region="BE")
    try:
        assert belgian.lookup_phone("03 201 11 11").name == "Antwerpen"
    finally:
        belgian.close()


def test_lookup_prefers_active_clients(client_file: ClientFile):
    cf = client_file
    with cf.transaction():
        old = cf.create_client(name="Oud", phones=[Phone(MOBILE)])
        new = cf.create_client(name="Nieuw", phones=[Phone(MOBILE)])
    cf.set_status(old, "archived")
    assert cf.lookup_phone_ids("0612345678") == [new, old]
    assert cf.lookup_phone("0612345678").name == "Nieuw"


def test_lookup_is_one_indexed_query(callers: ClientFile, monkeypatch):
    if callers.backend == "postgresql":
        db = callers._db
        statements: list[tuple] = []
        execute = db.execute
        monkeypatch.setattr(
            db, "execute", lambda sql, args=(): statements.append((sql, args)) or execute(sql, args)
        )
        callers.lookup_phone_ids("0 020 1234567")
        monkeypatch.undo()
        assert len(statements) == 1
        sql, args = statements[0]
        db.execute("SET enable_seqscan = off")  # three rows: a scan would be cheaper
        plan = db.execute("EXPLAIN " + sql, args).fetchall()
        assert "phones_e164" in str(plan)
        return
    statements: list[str] = []
    connection(callers).set_trace_callback(statements.append)
    callers.lookup_phone_ids("0 020 1234567")
    connection(callers).set_trace_callback(None)
    assert len(statements) == 1
    plan = (
        connection(callers)
        .execute("EXPLAIN QUERY PLAN SELECT client_id FROM phones WHERE e164 IN (?, ?)", ("a", "b"))
        .fetchall()
    )
    assert "phones_e164" in str(plan)


def test_kind_of():
    assert kind_of(MOBILE) == "mobile"
    assert kind_of(LANDLINE) == "landline"


# Dutch numbers as they are really written: mobiles and landlines with real area codes.
AREA_CODES = ["10", "20", "30", "40", "50", "70", "73", "76", "38", "513", "592"]


@st.composite
def dutch_numbers(draw) -> tuple[str, str]:
    """(national significant number, E.164)."""
    if draw(st.booleans()):
        nsn = (
            "6"
            + draw(st.sampled_from("12345"))
            + draw(st.text("0123456789", min_size=7, max_size=7))
        )
    else:
        area = draw(st.sampled_from(AREA_CODES))
        nsn = (
            area
            + draw(st.sampled_from("2345678"))
            + draw(st.text("0123456789", min_size=8 - len(area), max_size=8 - len(area)))
        )
    return nsn, "+31" + nsn


def _grouped(digits: str, sizes: list[int], sep: str) -> str:
    parts, i = [], 0
    for size in sizes:
        if i >= len(digits):
            break
        parts.append(digits[i : i + size])
        i += size
    if i < len(digits):
        parts.append(digits[i:])
    return sep.join(parts)


@st.composite
def written_forms(draw) -> tuple[str, str]:
    nsn, e164 = draw(dutch_numbers())
    prefix = draw(
        st.sampled_from(
            [
                "0",
                "+31",
                "+31 ",
                "0031",
                "0031 ",
                "+31 (0)",
                "",
                "00",
                "tel:+31",
                "tel:0",
                "callto:0",
                "0 0",
            ]
        )
    )
    sep = draw(st.sampled_from(["", " ", "-", ".", "  "]))
    sizes = draw(st.lists(st.integers(1, 4), min_size=1, max_size=5))
    body = _grouped(nsn, sizes, sep)
    padding = draw(st.sampled_from(["", " ", "\t", " \n"]))
    return padding + prefix + body + padding.strip(" "), e164


@given(written_forms())
def test_normalize_property(form: tuple[str, str]):
    written, e164 = form
    assert e164 in candidates(written)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(form=written_forms())
def test_lookup_property(client_file: ClientFile, form: tuple[str, str]):
    written, e164 = form
    cf = client_file
    ids = cf.find_by_key("phone", e164)
    if not ids:
        with cf.transaction():
            ids = [cf.create_client(name=e164, phones=[Phone(e164)])]
    assert cf.lookup_phone_ids(written)[:1] == ids


@given(st.text(max_size=80))
def test_any_text_is_safe(text: str):
    result = normalize(text)
    assert result is None or result.startswith("+")
    assert all(c.startswith("+") for c in candidates(text))
