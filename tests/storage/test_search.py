"""Search: every field, folded diacritics, prefixes while typing, ranking, snippets, and
any typed string is a valid query."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage import Address, ClientFile, Phone
from storage.search import fts_query, page_fts_query, tokens
from tests.sql import rows


def names(cf: ClientFile, query: str) -> list[str]:
    return [hit.name for hit in cf.search(query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sjoerd", "Sjóerd de Vries"),  # diacritics folded in the query...
        ("Sjóerd", "Sjóerd de Vries"),
        ("celik", "Priya Çelik"),  # ...and in the data
        ("vrie", "Sjóerd de Vries"),  # prefix while typing
        ("bakkerij", "Bakkerij Jansen"),
        ("kerkstr", "Sjóerd de Vries"),  # street
        ("1234 AB", "Sjóerd de Vries"),  # postcode with the space
        ("1234ab", "Sjóerd de Vries"),  # and without
        ("1234a", "Sjóerd de Vries"),
        ("zwol", "Sjóerd de Vries"),  # city
        ("amsterdam", "Bakkerij Jansen"),
        ("sjoerd.devries@example.nl", "Sjóerd de Vries"),  # e-mail
        ("priya@celik", "Priya Çelik"),
        ("0612", "Sjóerd de Vries"),  # phone fragments as typed
        ("06-1234", "Sjóerd de Vries"),
        ("612345", "Sjóerd de Vries"),
        ("06 12 34", "Sjóerd de Vries"),
        ("45678", "Sjóerd de Vries"),  # the end of the number
        ("+31 6 1234 5678", "Sjóerd de Vries"),
        ("020 123", "Bakkerij Jansen"),
        ("NL91ABNA0417164300", "Sjóerd de Vries"),  # IBAN compact
        ("nl91 abna 0417", "Sjóerd de Vries"),  # IBAN as printed
        ("12345678", "Sjóerd de Vries"),  # KvK
        ("zonnepanelen", "Sjóerd de Vries"),  # page text
        ("zonnepa", "Sjóerd de Vries"),
        ("banket", "Bakkerij Jansen"),
        ("jans amst", "Bakkerij Jansen"),  # words from two fields
    ],
)
def test_every_field_is_searchable(filled: ClientFile, query: str, expected: str):
    assert names(filled, query)[:1] == [expected]


def test_names_rank_before_page_text(filled: ClientFile):
    # "Jansen" is the name of the bakery and appears in letters of two other clients
    hits = filled.search("jansen")
    assert hits[0].name == "Bakkerij Jansen"
    assert {h.name for h in hits} == {"Bakkerij Jansen", "Priya Çelik"}
    assert "[Jansen]" in hits[0].snippet
    assert "[Jansen]" in hits[1].snippet  # from the letter


def test_snippets_say_where_it_matched(filled: ClientFile):
    assert filled.search("1234ab")[0].snippet == "Postcode: [1234 AB]"
    assert filled.search("0612")[0].snippet == "Telefoon: [06-12345678]"
    assert filled.search("kerkst")[0].snippet == "Adres: [Kerkstraat] 12"
    assert "[zonnepanelen]" in filled.search("zonnepanelen")[0].snippet
    hit = filled.search("sjoerd")[0]
    assert hit.snippet == "[Sjóerd] de Vries"
    assert hit.city == "Zwolle" and hit.phones == ["+31612345678"]


def test_full_number_finds_the_client_first(filled: ClientFile):
    assert names(filled, "0031 6 12345678") == ["Sjóerd de Vries"]
    assert names(filled, "tel:+31201234567") == ["Bakkerij Jansen"]


def test_long_prefix_in_page_text_is_checked(filled: ClientFile):
    # the index holds prefixes up to 6 letters; longer ones are checked in the text
    assert names(filled, "zonnepanel") == ["Sjóerd de Vries"]
    assert names(filled, "zonnepx") == []
    assert names(filled, "offerte zonnepa") == ["Sjóerd de Vries"]
    assert names(filled, "bezorgen van brood") == ["Bakkerij Jansen"]


def test_short_words_do_not_scan_page_text(filled: ClientFile):
    assert page_fts_query("de") is None  # would be every letter
    assert page_fts_query("de vri") == '"de" "vri"*'
    assert names(filled, "de")[:1] == ["Sjóerd de Vries"]  # a name still matches


def test_results_follow_edits(filled: ClientFile):
    cf = filled
    client_id = cf.search("bakkerij")[0].id
    with cf.transaction():
        cf.update_client(client_id, name="Bakkerij Smit", company="Bakkerij Smit")
        cf.add_phone(client_id, Phone("+31307654321"))
        cf.add_email(client_id, "info@smit.example")
        address_id = cf.client(client_id).addresses[0].id
        cf.update_address(address_id, Address("Dorpsstraat", "1", "3511 AA", "Utrecht"))
    assert names(cf, "smit") == ["Bakkerij Smit"]
    assert names(cf, "030 765") == ["Bakkerij Smit"]
    assert names(cf, "info@smit") == ["Bakkerij Smit"]
    assert names(cf, "utrecht") == ["Bakkerij Smit"]
    assert names(cf, "amsterdam") == []
    with cf.transaction():
        cf.remove_phone(client_id, "+31307654321")
        cf.remove_email(client_id, "INFO@smit.example")
    assert names(cf, "030 765") == []
    assert names(cf, "info@smit") == []


def index_rows(cf: ClientFile) -> list[tuple]:
    if cf.backend == "sqlite":
        return rows(cf, "SELECT rowid, names, details FROM client_fts ORDER BY rowid")
    return rows(cf, "SELECT client_id, names, details FROM client_search ORDER BY client_id")


def test_a_write_leaves_the_index_row_a_rebuild_makes(filled: ClientFile):
    """A write replaces the client's row in place: no word of a removed value may stay,
    and the row must be the very one making the index anew gives."""
    cf = filled
    client_id = cf.search("bakkerij")[0].id
    cf.update_client(client_id, name="Bakkerij Smit", company="Bakkerij Smit", kvk="87654321")
    cf.add_phone(client_id, Phone("+31307654321"))
    cf.add_email(client_id, "info@smit.example")
    cf.add_email(client_id, "administratie@smit.example")
    cf.add_address(client_id, Address("Dorpsstraat", "1", "3511 AA", "Utrecht"))
    cf.remove_phone(client_id, "+31201234567")
    cf.update_client(client_id + 1000)  # no such client: no row either
    assert names(cf, "020 123") == []
    assert names(cf, "87654321") == ["Bakkerij Smit"]
    written = index_rows(cf)
    assert len(written) == 3
    cf.rebuild_search_index()
    assert index_rows(cf) == written


def test_limit_and_many_matches(client_file: ClientFile, tmp_path: Path):
    cf = client_file
    with cf.transaction():
        for i in range(60):
            cf.create_client(name=f"Jan Jansen {i}")
    assert len(cf.search("j", limit=25)) == 25
    assert len(cf.search("jansen", limit=500)) == 60
    with cf.transaction():
        for i in range(300):
            cf.create_client(name=f"Kees Bakker {i}")
    assert len(cf.search("bakker", limit=500)) == 300
    assert cf.search("jansen", limit=0)  # at least one


QUERY_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60)
OPERATORS = st.sampled_from(
    [
        '"',
        "'",
        "*",
        "-",
        "+",
        "^",
        ":",
        "(",
        ")",
        "AND",
        "OR",
        "NOT",
        "NEAR(",
        "NEAR/3",
        "{names}",
        "names:",
        "\\",
        "%",
        "_",
        "\x00",
        "😀",
        "🇳🇱",
        "‮",
        " ",
        "",
        "\n",
    ]
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parts=st.lists(st.one_of(QUERY_TEXT, OPERATORS), max_size=8))
def test_any_typed_string_is_a_valid_query(filled: ClientFile, parts: list[str]):
    query = " ".join(parts)
    hits = filled.search(query)
    assert isinstance(hits, list)
    assert len({h.id for h in hits}) == len(hits)


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "jansen " * 2000,
        "😀" * 5000,
        '"' * 10_000,
        "NEAR(" * 2000,
        "-" * 9999,
        "0" * 10_000,
        "1234 AB " * 1000,
    ],
)
def test_huge_queries(filled: ClientFile, query: str):
    assert isinstance(filled.search(query), list)


@given(st.text(max_size=200))
def test_query_building_is_bounded(text: str):
    words = tokens(text)
    assert len(words) <= 12 and all(0 < len(w) <= 64 for w in words)
    match = fts_query(text)
    assert (match is None) == (not words)


def test_words_a_stop_word_list_would_drop_are_found(client_file: ClientFile, tmp_path: Path):
    """ "Één" folds to "een", a Dutch stop word: neither backend may lose it (PostgreSQL
    searches with the 'simple' configuration for that reason), nor "de" or "van"."""
    from .conftest import add_client

    add_client(client_file, tmp_path, "Één Euro Winkel", pages=["Één keer per jaar de ketel."])
    add_client(client_file, tmp_path, "Jan van de Berg")
    assert names(client_file, "één") == ["Één Euro Winkel"]
    assert names(client_file, "een euro") == ["Één Euro Winkel"]
    assert names(client_file, "van de") == ["Jan van de Berg"]
    assert names(client_file, "keer per jaar") == ["Één Euro Winkel"]  # page text


@pytest.fixture
def places(client_file: ClientFile, tmp_path: Path) -> ClientFile:
    from .conftest import add_client

    cf = client_file
    add_client(
        cf, tmp_path, "Kees van Dijk", addresses=[Address("Markt", "1", None, "'s-Hertogenbosch")]
    )
    add_client(cf, tmp_path, "Haagse Kees", addresses=[Address("Spui", "2", None, "Den Haag")])
    add_client(cf, tmp_path, "Officieel Gravenhage", addresses=[Address(city="'s-Gravenhage")])
    add_client(
        cf,
        tmp_path,
        "Boschstraat Utrecht",
        addresses=[Address("Boschstraat", "3", None, "Utrecht")],
    )
    add_client(cf, tmp_path, "Mobiel Twee", phones=[Phone("+31622334455")])
    add_client(cf, tmp_path, "Mobiel Ander", phones=[Phone("+31612342255")])
    add_client(
        cf,
        tmp_path,
        "Huisnummer",
        phones=[Phone("+31698765432")],
        addresses=[Address("Laan", "22", "2211 AA", "Leiden")],
    )
    add_client(cf, tmp_path, "Brief Nummer", pages=["Bel ons op 020 - 1234 567 voor een afspraak."])
    add_client(cf, tmp_path, "Brief Los", pages=["Kamer 020 op de tweede, factuur 12345 van juni."])
    return cf


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("den bosch", {"Kees van Dijk"}),
        ("Den Bos", {"Kees van Dijk"}),  # while typing
        ("'s-Hertogenbosch", {"Kees van Dijk"}),
        ("hertogenbosch", {"Kees van Dijk"}),
        ("den haag", {"Haagse Kees", "Officieel Gravenhage"}),
        ("s-gravenhage", {"Haagse Kees", "Officieel Gravenhage"}),
        ("markt den bosch", {"Kees van Dijk"}),
    ],
)
def test_places_are_found_by_their_other_names(places: ClientFile, query: str, expected: set):
    assert set(names(places, query)) == expected


def test_place_alias_snippet_shows_the_place(places: ClientFile):
    assert places.search("den bosch")[0].snippet == "Plaats: 's-[Hertogenbosch]"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("06-22", ["Mobiel Twee"]),  # not 06-1234 2255, not house number 22
        ("06 22", ["Mobiel Twee"]),
        ("06-2233", ["Mobiel Twee"]),
        ("020-1234", ["Brief Nummer"]),  # on a page: one number, not 020 and 1234 anywhere
        ("020 1234 5", ["Brief Nummer"]),
    ],
)
def test_a_number_as_typed_finds_only_that_number(places: ClientFile, query: str, expected):
    assert names(places, query) == expected


def test_equal_matches_in_dutch_order(client_file: ClientFile):
    for name in ("Thijs Jansen", "Élodie Jansen", "Anna Jansen", "Zoë Jansen"):
        client_file.create_client(name=name)
    assert names(client_file, "jansen") == [
        "Anna Jansen",
        "Élodie Jansen",
        "Thijs Jansen",
        "Zoë Jansen",
    ]


def test_first_client_ids_by_name(filled: ClientFile):
    """The window's list before anything is typed: the first few by name, as all of them
    sorted would give, without making the list of every id."""
    every = filled.client_ids()
    assert len(every) >= 3
    assert filled.client_ids(limit=2) == every[:2]
    assert filled.client_ids(limit=len(every) + 5) == every
    assert filled.client_ids(limit=0) == []
