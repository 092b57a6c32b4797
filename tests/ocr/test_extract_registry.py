"""Registry numbers, postcodes and places as real Dutch paper prints them (issue 17)."""

from __future__ import annotations

import pytest

from ocr.extract import extract_client
from ocr.extract.address import find_postcodes
from ocr.extract.bank import find_ibans
from ocr.extract.registry import find_btw, find_kvk, find_vat
from storage.places import dutch_places
from tests.ocr.test_extract import no_saved_settings, page_of, values  # noqa: F401


@pytest.mark.parametrize(
    "text",
    [
        "KvK Amersfoort 12345678",
        "KvK Zwolle: 12345678",
        "K.v.K. 12345678",
        "K.v.K 1234 5678",
        "KVK nr 12345678",
        "Kvk-nr.: 12345678",
        "KvK-nummer: 1234.5678",
        "Kamer van Koophandel Utrecht 12345678",
        "Kamer van Koophandei Roermond 12345678",  # its l read as an i
        "Handelsregister 12345678",
        "Handelsregisternummer: 12345678",
        "ingeschreven bij de KvK te 's-Hertogenbosch onder nummer 12345678",
        "KvK Den Bosch 12345678",
        "CoC 12345678",
        "Kvk: l2345678",  # Tesseract read the 1 as l
        "KvK-nummer: - 12345678",
        "K.K. 12345678",  # K.v.K. with its v lost
        "KK. Amsterdam nr. 12345678",  # ... and its first dot
        "KvK ‘s-Hertogenbosch: 12345678",  # a curly apostrophe before the place
        "Kamer van Koophandel Drachten’12345678",  # ... or glued after it
        "KvKenr. 12345678",  # the hyphen of KvK-nr. read as an e
        "KvKnr: 12345678",  # ... or written without
        "KvK-nr: ____12345678",  # on a form's line
        "KvKnr: “__12345678-",  # ... a speck before it, a dash after it
        "KvK-nr: ‘12345678",  # a speck before the number read as a quote ...
        "KvK-nummer:, | 12345678",  # ... or a table's rule read as "|"
        "KvK-nr: „12345678",  # ... or as a low quote
        "KvK: + 12345678",  # ... or as a plus, a space after it
        '‘KvK-on "12345678',  # ... or as a quote after its label's "nr" misread
    ],
)
def test_kvk_in_its_real_spellings(text: str) -> None:
    assert [h.value for h in find_kvk(text)] == ["12345678"]
    ex = extract_client([page_of((text, 100, 1000))])
    assert values(ex, "kvk") == ["12345678"] and values(ex, "phone") == []


def test_a_kvk_numbers_last_1_read_as_a_bracket() -> None:
    assert [h.value for h in find_kvk("KvK-nummer: 9092494]")] == ["90924941"]


@pytest.mark.parametrize(
    "text",
    [
        "order 12345678",
        "KvK nummer van de klant is onbekend 12345678",  # too many words between
        "KvK-vestigingsnummer 000012345678",  # the branch number: twelve digits
        "KvK 1234567",
        "KvK 12345678901",
        "KK 12345678",  # without its dots no label: too many things are called KK
        "KvK: +31612345678",  # a phone after a lost KvK number
        "KvK [1234567]",  # seven digits in brackets
    ],
)
def test_no_kvk_without_label_or_with_the_wrong_length(text: str) -> None:
    assert find_kvk(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Btw: NL 004495445 B01",
        "BTW-nr.: NL0044.95.445.B01",
        "btw-id NL004495445B01",
        "btw-identificatienummer: NL004495445B01",
        "Omzetbelastingnummer NL004495445B01",
        "BIW nr. NL004495445B01",
        "VAT NL 0044 95 445 B01",
        "Btw-nr: 004495445B01",
        "BTW-nr: ” NE004495445B01",  # its L read as E
        "Omzetbelastingnummer NL0044,95.445.B01",  # a dot read as a comma
        "BTW-nummer: NL004495445B0! °",  # its 1 read as !
        "BTW-nummer: NL004495445B0]",  # a 1 read as a bracket
        "VAT NL004495445BD1",  # a 0 read as a D
        "Btw-nr. NL004495445B@1 Bank:",  # ... or as an @
        "BTW-nr: NL004495445B0t",  # a 1 read as a t
        "Btw-id: . NL004495445R01",  # the B read as an R
    ],
)
def test_btw_in_its_real_spellings(text: str) -> None:
    assert [h.value for h in find_btw(text)] == ["NL004495445B01"]
    ex = extract_client([page_of((text, 100, 1000))])
    assert values(ex, "btw") == ["NL004495445B01"] and values(ex, "vat") == []


def test_a_btw_ids_7_read_as_a_slash() -> None:
    assert [h.value for h in find_btw("NLS20073/33801")] == ["NL520073733B01"]
    assert find_btw("NLS20073/43801") == []  # a 7 does not pass there


@pytest.mark.parametrize("text", ["Btw-id: NL{23456 782B0{", "BTW-nr. NL}23456782B0}"])
def test_a_btw_ids_1s_read_as_braces(text: str) -> None:
    """A 1 read as a brace, among the nine digits and after the B (48th: a card's
    btw-id lost so)."""
    assert [h.value for h in find_btw(text)] == ["NL123456782B01"]
    assert find_btw("NL{23456783B01") == []  # the checksum still has to agree


def test_btw_repaired_only_when_the_checksum_agrees() -> None:
    assert [(h.value, h.repaired) for h in find_btw("NL 004495445 Bol")] == [
        ("NL004495445B01", True)
    ]
    assert find_btw("NL004495446B01") == []  # one digit off: no reading passes
    assert find_btw("NL0044954[5B01") == []  # a 4 read as a bracket: a 1 does not pass
    assert find_btw("klant 12004495445B01") == []  # glued to more digits
    assert find_btw("O04495445B01") == []  # without NL only an exact print
    assert find_btw("NL004495445B0tel") == []  # a t glued to a word is no 1


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("BTW BE 0403.170.701", "BE0403170701"),
        ("Btw-nr.: BE0403170701", "BE0403170701"),
        ("USt-IdNr. DE136695976", "DE136695976"),
        ("VAT: DE 136 695 976", "DE136695976"),
    ],
)
def test_foreign_vat_is_its_own_field_never_the_dutch_btw(text: str, value: str) -> None:
    assert [h.value for h in find_vat(text)] == [value]
    ex = extract_client([page_of((text, 100, 1000))])
    assert values(ex, "vat") == [value]
    assert values(ex, "btw") == [] and values(ex, "kvk") == [] and values(ex, "phone") == []


def test_foreign_vat_needs_a_label_and_its_checksum() -> None:
    ex = extract_client([page_of(("Artikel DE136695976 geleverd", 100, 1000))])
    assert values(ex, "vat") == []
    assert find_vat("BTW DE136695977") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("IBAN: BE71 0961 2345 6769", "BE71096123456769"),
        ("IBAN DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
        ("Rekeningnummer: NL91.ABNA.0417.1643.00", "NL91ABNA0417164300"),
        ("NL91 ABNA 0417 1643 00", "NL91ABNA0417164300"),
    ],
)
def test_iban_of_any_country_is_an_iban(text: str, value: str) -> None:
    ex = extract_client([page_of((text, 100, 1000))])
    assert values(ex, "iban") == [value]
    assert values(ex, "btw") == [] and values(ex, "vat") == [] and values(ex, "phone") == []


def test_places_and_their_aliases() -> None:
    places = dutch_places()
    assert "'s-Hertogenbosch" in places.aliases("Den Bosch")
    assert "Den Haag" in places.aliases("'s-Gravenhage")
    assert places.spelling("damwald") == "Damwâld"
    assert places.spelling("Krommenie") == "Krommenie"  # a part of a town, added by hand
    assert places.spelling("Anza Blvd") is None
    assert len(places.places) > 1900


def test_a_postcode_counts_only_inside_an_address() -> None:
    # a foreign street line and a product code are no Dutch address
    assert [p.known for p in find_postcodes("1200 De Anza Blvd")] == [False]
    page = page_of(
        ("Apple Distribution International", 100, 1000),
        ("1200 De Anza Blvd", 100, 1045),
        ("Art. 4512 AB Koppeling 2 stuks", 100, 1300),
    )
    ex = extract_client([page])
    assert values(ex, "postcode") == [] and values(ex, "city") == []
    # with a street line above, or a known city after it, it does count
    block = page_of(("Kerkstraat 12", 100, 1000), ("1234 AB Kleindorp", 100, 1045))
    ex = extract_client([block])
    assert values(ex, "postcode") == ["1234 AB"] and values(ex, "city") == ["Kleindorp"]
    assert ex.best("city").confidence < ex.best("postcode").confidence  # not in the list
    known = extract_client([page_of(("Postbus 12", 100, 1000), ("5201 AB Den Bosch", 100, 1045))])
    assert values(known, "postcode") == ["5201 AB"] and values(known, "city") == ["Den Bosch"]


def test_city_spelled_as_the_place_list_does() -> None:
    page = page_of(("Kerkstraat 12", 100, 1000), ("9104 AB Damwald Nederland", 100, 1045))
    assert values(extract_client([page]), "city") == ["Damwâld"]


@pytest.mark.parametrize(
    ("line", "iban"),
    [
        ("IBAN NL38 RABO 0293 4527 92 - BIC RABONL2U", "NL38RABO0293452792"),
        ("NL38 RABO 0293 4527 92 BIC RABONL2U", "NL38RABO0293452792"),
        ("KvK 5790 6617 Bank: NL59 ABNA 0386 5474 08 Btw NL 2630 35 517 B01", "NL59ABNA0386547408"),
        # the space before "t.n.v." lost: a "t" is no digit (a "T" may be a 7)
        ("NL15 INGB 0218 8196 25t.n.v. Veenstra Installatietechniek", "NL15INGB0218819625"),
    ],
)
def test_an_iban_followed_by_a_word_is_read(line: str, iban: str) -> None:
    # "BIC" after the number is a word, not more of the number (B looks like an 8)
    assert [h.value for h in find_ibans(line)] == [iban]


@pytest.mark.parametrize(
    "line",
    [
        "NL38RABO02934527921",
        "NL38RABO0293452792B",
        "NL38 RABO 0293 4527 921",
        "NL15 INGB 0218 8196 25T",
    ],
)
def test_a_longer_number_is_no_iban(line: str) -> None:
    assert find_ibans(line) == []


@pytest.mark.parametrize(
    "line",
    [
        "NL13 RABO (0862 5498 17",
        "Bankrekening: NL94 KNAB 0491] 9944 35",
        'Rek.nr.: "+ NL30-RABO 0887, 4005 23',  # ... or as a comma
        "Rek,nr.: NL34SN$B0835245497",  # an S of the bank read as $
        "NL82 KNAB'0503 3326 90",  # ... or as an apostrophe
        "NE82 INGB 0250 2957 92",  # NL read as NE
    ],
)
def test_an_iban_with_a_speck_read_as_a_bracket_is_read(line: str) -> None:
    (hit,) = find_ibans(line)
    assert hit.value in (
        "NL13RABO0862549817",
        "NL94KNAB0491994435",
        "NL30RABO0887400523",
        "NL34SNSB0835245497",
        "NL82KNAB0503332690",
        "NL82INGB0250295792",
    )


def test_ne_is_read_as_nl_only_where_the_checksum_agrees() -> None:
    assert find_ibans("NE82 INGB 0250 2957 93") == []


@pytest.mark.parametrize(
    ("label", "field", "value"),
    [
        ("CoC", "kvk", "69177997"),
        ("KvK-nummer", "kvk", "69177997"),
        ("VAT no", "btw", "NL521094203B01"),
        # with the place of its register
        ("KvK Utrecht", "kvk", "69177997"),
        ("Kamer van Koophandel Den Haag", "kvk", "69177997"),
        ("KvK-nr. 's-Hertogenbosch", "kvk", "69177997"),
        ("Kamer van Koophandel 's:Gravenhage", "kvk", "69177997"),  # its hyphen read as ":"
        # a speck before it, an accent OCR put on a letter
        ("„KvK Feanwâlden", "kvk", "69177997"),
        ("Kamer vän Koophandel Zwolle", "kvk", "69177997"),
    ],
)
def test_a_registry_label_alone_on_its_line_labels_the_number_under_it(
    label: str, field: str, value: str
) -> None:
    """A signature block's "CoC" over "69177997", without a colon."""
    page = page_of(
        ("Met vriendelijke groet,", 180, 900),
        ("Lucas in 't Veld", 180, 960),
        (label, 180, 1020),
        (value, 180, 1060),
    )
    assert values(extract_client([page]), field) == [value]
    # a word that is a label, with a number beside it, is no label alone
    alone = page_of(("Handelsregister 12345678", 180, 1020), ("69177997", 180, 1060))
    assert values(extract_client([alone]), "kvk") == ["12345678"]
    # a place and more words is a sentence, not a label
    said = page_of(("KvK Utrecht sinds vorig jaar", 180, 1020), ("69177997", 180, 1060))
    assert values(extract_client([said]), "kvk") == []


def test_a_kvk_label_with_a_speck_read_as_a_digit_labels_the_number_under_it() -> None:
    speck = page_of(("CoC 2", 180, 1020), ("90181923. -", 180, 1060))
    assert values(extract_client([speck]), "kvk") == ["90181923"]
    number = page_of(("CoC 12", 180, 1020), ("90181923. -", 180, 1060))  # two: no speck
    assert values(extract_client([number]), "kvk") == []


def test_a_kvk_label_with_a_speck_after_it_labels_the_number_under_it() -> None:
    """A column of details: "KvK Goes" and a speck read as "a" beside it, the number on
    the line under it. The speck is no value of the label."""
    page = page_of(
        ("Telefoon", 1250, 940),
        ("KvK Goes", 1250, 980),
        ("a", 1500, 980),
        ("72397667", 1250, 1020),
    )
    assert values(extract_client([page]), "kvk") == ["72397667"]


def test_a_kvk_label_misread_labels_the_number_in_the_next_column() -> None:
    """ "KvK-on" (its "nr" misread) in a card's label column, the number in quotes in the
    value column: two segments, and the label is still a KvK label."""
    card = page_of(
        ("Klantkaart", 180, 200),
        ("Naam:", 180, 300),
        ("Kees de Groot", 700, 300),
        ("Tel.:", 180, 360),
        ("06-12345678", 700, 360),
        ("‘KvK-on", 180, 420),
        ('"90046009', 700, 420),
    )
    assert values(extract_client([card]), "kvk") == ["90046009"]


def test_a_postcode_after_scanner_dust_is_read() -> None:
    # "“_" is a speck and a smudge before the postcode, not a word it is part of
    (found,) = find_postcodes("“_9104 AA Damwâld")
    assert (found.postcode, found.city) == ("9104 AA", "Damwâld")
    assert find_postcodes("x9104 AA Damwâld") == []
    # ... and a comma between its digits and letters; not a year before a place
    (found,) = find_postcodes("5231, VK ‘s-Hertogenbosch")
    assert (found.postcode, found.city) == ("5231 VK", "'s-Hertogenbosch")
    (found,) = find_postcodes("2327-WL Leiden")  # ... or a hyphen
    assert (found.postcode, found.city) == ("2327 WL", "Leiden")
    (found,) = find_postcodes("5249 HW ‘S-HERTOGENBOSCH")  # a place in capitals
    assert (found.postcode, found.city) == ("5249 HW", "'s-Hertogenbosch")
    assert find_postcodes("Sinds 2019, De Bilt") == []
