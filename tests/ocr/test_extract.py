"""Field extraction from word boxes: labels, address blocks, signatures, own business.

Pages are built directly as words with boxes (no OCR) so each case is exact and fast;
tests/ocr/test_extract_tesseract.py runs the same code on real Tesseract output.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocr.extract import ExtractedClient, OwnBusiness, extract_client, mask_bsn, parse_person
from ocr.extract.address import parse_street
from ocr.extract.bank import find_ibans
from ocr.extract.phones import find_phones, phone_kind
from ocr.extract.registry import find_btw, find_kvk
from ocr.extract.words import build_lines
from storage import PageText, Word

CHAR_W = 14
HEIGHT = 28

OWN = OwnBusiness(
    name="Installatiebedrijf Hoekstra B.V.",
    street="Industrieweg 14",
    postcode="8441 PK",
    city="Heerenveen",
    phones=("0513-612345",),
    emails=("info@hoekstra-installatie.nl",),
    iban="NL20INGB0001234567",
    kvk="01234567",
    btw="NL001234567B01",
    signers=("J. Hoekstra",),
)


@pytest.fixture(autouse=True)
def no_saved_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """extract_client(own=None) reads the saved settings: never the developer's own."""
    missing = tmp_path_factory.mktemp("settings") / "eigen_bedrijf.json"
    monkeypatch.setenv("KLANTDOSSIER_OWN_BUSINESS", str(missing))


def words_of(text: str, x: int, y: int, conf: float = 95.0, skew: float = 0.0) -> list[Word]:
    words, pos = [], x
    for token in text.split(" "):
        if token:
            words.append(Word(token, pos, round(y + skew * pos), len(token) * CHAR_W, HEIGHT, conf))
        pos += (len(token) + 1) * CHAR_W
    return words


def page_of(*rows: tuple[str, int, int], skew: float = 0.0, conf: float = 95.0) -> PageText:
    """A page from (text, left, top) rows; skew tilts it like a scan that is askew."""
    words = [w for text, x, y in rows for w in words_of(text, x, y, conf, skew)]
    text = "\n".join(text for text, _, _ in sorted(rows, key=lambda r: (r[2], r[1])))
    return PageText(text, words, conf, 0, 1654, 2339)


def card(skew: float = 0.0) -> PageText:
    rows = [
        ("Klantkaart", 100, 100),
        ("Bedrijf:", 100, 200),
        ("Bakkerij De Vries B.V.", 520, 200),
        ("Naam:", 100, 270),
        ("Kees de Vries", 520, 270),
        ("Adres:", 100, 340),
        ("Kerkstraat 12a", 520, 340),
        ("Postcode/plaats:", 100, 410),
        ("1234 AB Amsterdam", 520, 410),
        ("Mobiel:", 100, 480),
        ("06-12345678", 520, 480),
        ("Tel.:", 100, 550),
        ("(020) 7654321", 520, 550),
        ("E-mail:", 100, 620),
        ("kees@bakkerijdevries.nl", 520, 620),
        ("IBAN:", 100, 690),
        ("NL50 INGB 0683 2513 09", 520, 690),
        ("KvK-nr:", 100, 760),
        ("12345678", 520, 760),
        ("BTW-nr:", 100, 830),
        ("NL004495445B01", 520, 830),
        ("Klant sinds:", 100, 900),
        ("3 maart 2015", 520, 900),
    ]
    return page_of(*rows, skew=skew)


def values(ex: ExtractedClient, field: str) -> list[str]:
    return [fv.value for fv in ex.values(field, 0.5)]


@pytest.mark.parametrize("skew", [0.0, 0.035, -0.035])
def test_card_with_labels_gives_every_field(skew: float) -> None:
    ex = extract_client([card(skew)])
    assert ex.value("company") == "Bakkerij De Vries B.V."
    assert ex.value("legal_form") == "B.V."
    assert (ex.value("first_name"), ex.value("tussenvoegsel"), ex.value("last_name")) == (
        "Kees",
        "de",
        "Vries",
    )
    assert ex.value("name") == "Kees de Vries"
    assert (ex.value("street"), ex.value("house_number")) == ("Kerkstraat", "12a")
    assert (ex.value("postcode"), ex.value("city")) == ("1234 AB", "Amsterdam")
    assert set(values(ex, "phone")) == {"+31612345678", "+31207654321"}
    assert values(ex, "email") == ["kees@bakkerijdevries.nl"]
    assert ex.value("iban") == "NL50INGB0683251309"
    assert ex.value("kvk") == "12345678"
    assert ex.value("btw") == "NL004495445B01"
    assert ex.value("client_since") == "2015-03-03"
    assert ex.best("phone").source == "label"
    assert not ex.ambiguous and not ex.bsn_found


def test_every_value_has_its_box_on_the_page() -> None:
    ex = extract_client([card()])
    iban = ex.best("iban")
    assert iban.page_index == 0
    left, top, width, height = iban.box
    assert (left, top) == (520, 690) and width == len("NL50 INGB 0683 2513 09") * CHAR_W
    assert height == HEIGHT
    phone = next(fv for fv in ex.all("phone") if fv.value == "+31612345678")
    assert phone.raw == "06-12345678" and phone.box[:2] == (520, 480)
    assert 0.8 < phone.confidence <= 1.0


def test_lines_are_rebuilt_across_a_label_column_on_a_skewed_scan() -> None:
    lines = build_lines(card(skew=0.035))
    texts = [ln.text for ln in lines]
    assert "IBAN: NL50 INGB 0683 2513 09" in texts
    assert "Mobiel: 06-12345678" in texts


def test_a_word_tesseract_boxed_too_wide_keeps_the_words_it_covers_on_its_line() -> None:
    # Tesseract's box of "kees1" reached over "989" and "@xs4all.nl" on the same line;
    # "989" then started inside it and was taken for a word of another line
    words = [
        Word("Email:", 298, 1304, 132, 41, 96.0),
        Word("kees1", 795, 1285, 421, 48, 56.7),
        Word("989", 924, 1286, 74, 59, 56.7),
        Word("@xs4all.nl", 1014, 1285, 202, 43, 85.4),
        Word("Klant", 298, 1340, 100, 41, 96.0),  # the next line, 1.3 heights lower
        Word("sinds:", 420, 1340, 100, 41, 96.0),
    ]
    page = PageText("Email: kees1 989 @xs4all.nl\nKlant sinds:", words, 80.0, 0, 1654, 2339)
    assert [ln.text for ln in build_lines(page)] == [
        "Email: kees1 989 @xs4all.nl",
        "Klant sinds:",
    ]
    assert extract_client([page]).values("email")[0].value == "kees1989@xs4all.nl"


def test_a_word_tesseract_boxed_flat_goes_into_the_gap_of_its_line() -> None:
    # a speck under "NL95" read as "_NL95", boxed 13 px high beside letters of 60: its
    # centre is over the line's, and the IBAN lost its start
    words = [
        Word("Email:", 281, 950, 150, 60, 92.0),
        Word("ruudsmits@hotmail.com", 737, 950, 560, 60, 92.0),
        Word("Bankrekening:", 281, 1033, 302, 61, 92.0),
        Word("_NL95", 737, 1019, 153, 13, 50.9),
        Word("INGB", 910, 1019, 114, 93, 95.5),
        Word("0669", 1040, 1049, 114, 60, 96.6),
        Word("5449", 1169, 1041, 106, 52, 96.9),
        Word("81", 1291, 1055, 47, 39, 95.7),
        Word("Klant", 281, 1120, 110, 60, 96.0),
        Word("vanaf:", 400, 1120, 120, 60, 96.0),
    ]
    page = PageText("", words, 80.0, 0, 1654, 2339)
    assert [ln.text for ln in build_lines(page)] == [
        "Email: ruudsmits@hotmail.com",
        "Bankrekening: _NL95 INGB 0669 5449 81",
        "Klant vanaf:",
    ]
    assert extract_client([page]).value("iban") == "NL95INGB0669544981"


def test_a_word_joins_the_word_it_touches_rather_than_a_far_row_it_is_nearer() -> None:
    # "GB0587920327" boxed higher than "NL48IN" just before it: its centre is nearer the
    # label row's far to the left (a speck "n" after the label), and the IBAN was cut
    words = [
        Word("Bankrekening:", 240, 1030, 312, 91, 94.8),
        Word("n", 572, 1042, 59, 53, 0.0),
        Word("NL48IN", 703, 1070, 180, 60, 91.9),
        Word("GB0587920327", 886, 1047, 343, 71, 82.6),
        Word("Klant", 238, 1169, 119, 39, 96.3),
        Word("vanaf:", 367, 1171, 134, 38, 96.4),
    ]
    page = PageText("", words, 80.0, 0, 1654, 2339)
    assert "NL48IN GB0587920327" in [ln.text for ln in build_lines(page)]
    assert extract_client([page]).value("iban") == "NL48INGB0587920327"


@pytest.mark.parametrize(
    ("written", "e164", "kind"),
    [
        ("06-12345678", "+31612345678", "mobile"),
        ("06 1234 5678", "+31612345678", "mobile"),
        ("06 12 34 56 78", "+31612345678", "mobile"),
        ("+31 6 12345678", "+31612345678", "mobile"),
        ("+31 (0)6 1234 5678", "+31612345678", "mobile"),
        ("0031 6 1234 5678", "+31612345678", "mobile"),
        ("+316 12345678", "+31612345678", "mobile"),
        ("O6-12345678", "+31612345678", "mobile"),  # OCR read the 0 as O
        ("003i 10 3006751", "+31103006751", "landline"),  # ... or a 1 as i
        ("(0513) 612345", "+31513612345", "landline"),
        ("0513-612345", "+31513612345", "landline"),
        ("020 - 7654321", "+31207654321", "landline"),
        ("+31 (0)15 954 6863", "+31159546863", "landline"),
        ("+31 (@)15 954 6863", "+31159546863", "landline"),
        ("+31 (006 56428697", "+31656428697", "mobile"),  # its ")" read as a 0
        ("+31 (0}6 56428697", "+31656428697", "mobile"),  # ... or a brace
        ("+31 (0953 712 0120", "+31537120120", "landline"),  # ... or a 9
        ("+ 431619601776", "+31619601776", "mobile"),  # the 4 a speck after the +
        ("+43 1 619601776", "+431619601776", "landline"),  # ... not an Austrian one so written
        ("+32 2 555 12 12", "+3225551212", "landline"),
        ("+44 20 7946 0958", "+442079460958", "landline"),
    ],
)
def test_phone_forms(written: str, e164: str, kind: str) -> None:
    hits = find_phones(f"Tel.: {written}")
    assert [h.value for h in hits] == [e164]
    assert phone_kind(e164) == kind


@pytest.mark.parametrize(
    "text",
    [
        "IBAN NL50 INGB 0683 2513 09",  # the account part looks like 06-83251309
        "KvK 12345678",
        "BSN 123456782",
        "factuur 2024-0612345",
        "bedrag 1234,56",
        "datum 12-05-2019",
    ],
)
def test_numbers_that_are_not_phones(text: str) -> None:
    ex = extract_client([page_of((text, 100, 100))])
    assert values(ex, "phone") == []


def test_iban_repair_of_ocr_confusions() -> None:
    # the real case: Tesseract read NL50INGB0683251309 like this
    hits = find_ibans("Rekeningnummer: NLS5SOINGB0683251309")
    assert [(h.value, h.repaired) for h in hits] == [("NL50INGB0683251309", True)]
    assert find_ibans("NL5O INGB O683 2513 O9")[0].value == "NL50INGB0683251309"
    assert find_ibans("NL5O INGB Ó683 2513 O9")[0].value == "NL50INGB0683251309"  # a speck
    assert find_ibans("NL50 INGB 0683 2513 09")[0].repaired is False


def test_iban_is_not_invented_when_no_reading_passes_the_checksum() -> None:
    assert find_ibans("NL51INGB0683251309") == []  # one wrong check digit
    assert find_ibans("NL50INGB0683251308") == []  # one wrong account digit
    assert find_ibans("NLXXINGB068325130") == []


def test_foreign_iban_only_after_a_label() -> None:
    assert find_ibans("DE89 3704 0044 0532 0130 00") == []
    assert find_ibans("DE89 3704 0044 0532 0130 00", labelled=True)[0].value == (
        "DE89370400440532013000"
    )


def test_kvk_needs_its_label_and_btw_its_checksum() -> None:
    assert [h.value for h in find_kvk("KvK-nummer: 1234 5678")] == ["12345678"]
    assert [h.value for h in find_kvk("Kamer van Koophandel 8765432l")] == ["87654321"]
    assert find_kvk("order 12345678") == []
    assert [h.value for h in find_btw("Btw: NL 004495445 B01")] == ["NL004495445B01"]
    assert [h.value for h in find_btw("NL 004495445 Bol")] == ["NL004495445B01"]
    assert find_btw("NL001234562B01") == []


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Kees de Vries", ("Kees", "de", "Vries")),
        ("Jansen, Kees", ("Kees", None, "Jansen")),
        ("Vries, Kees de", ("Kees", "de", "Vries")),
        ("De Vries, Kees", ("Kees", "de", "Vries")),
        ("Dhr. K. de Vries", (None, "de", "Vries")),
        ("Mevr. A. van der Meer", (None, "van der", "Meer")),
        ("De heer/mevrouw W. Hoekman", (None, None, "Hoekman")),  # both titles
        ("Dhr. of mevr. Hoekman", (None, None, "Hoekman")),
        ("De heer B, Visser", (None, None, "Visser")),  # an initial's dot read as a comma
        ("t.a.v. Fleur in 't Veld", ("Fleur", "in 't", "Veld")),
        ("Anaïs El Amrani", ("Anaïs", None, "El Amrani")),
        # a surname alone, as an address block or a signature may print it
        ("De Vries", (None, "de", "Vries")),
        ("Van der Meer", (None, "van der", "Meer")),
        ("El Amrani", (None, None, "El Amrani")),
        ("Ben Jansen", ("Ben", None, "Jansen")),  # Ben is a first name
        # a speck read as a dot before the particle, or the gap after an initial lost
        ("Emma.de Wit", ("Emma", "de", "Wit")),
        ("J.van den Berg", (None, "van den", "Berg")),
        ("Eva van. Leeuwen", ("Eva", "van", "Leeuwen")),  # ... or after the particle
        ("Umit de-Wit", ("Umit", "de", "Wit")),  # ... a hyphen there
        ("Anna Jansen-de Vries", ("Anna", None, "Jansen-de Vries")),  # a double surname
        # the apostrophe printed or read as a typographic one, a speck before the name
        ("_ Ruud in ‘t Veld", ("Ruud", "in 't", "Veld")),
        ("Sem van ’t Hof", ("Sem", "van 't", "Hof")),
        ("Daan- de Groot", ("Daan", "de", "Groot")),  # a speck read as a hyphen
        ("Jan-Willem de Groot", ("Jan-Willem", "de", "Groot")),
    ],
)
def test_person_names(text: str, parts: tuple) -> None:
    person = parse_person(text)
    assert person is not None
    assert (person.first_name, person.tussenvoegsel, person.last_name) == parts


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("Rue de Paris: 248", ("Rue de Paris", "248")),  # a speck read as a colon ...
        ("Kerkstraat, 12a", ("Kerkstraat", "12a")),  # ... or a comma
        ("Oude, Gracht 12", ("Oude Gracht", "12")),
        ("Adres: 12", None),  # a label's colon: no street called "Adres"
        ("Julianalaan, 21 1-4", None),  # "211-4" with a comma and a gap: too much misread
        ("- Dr. Nolensplein 238 *", ("Dr. Nolensplein", "238")),  # specks around it
        ("„Stationsweg 41", ("Stationsweg", "41")),  # a speck read as a low quote
        ("Industrieweg 101°", ("Industrieweg", "101")),  # a speck read as a degree sign
        ("Dr. Nolensplein la", ("Dr. Nolensplein", "1a")),  # its 1 read as an l
        ("Koning Willem I", None),  # a Roman one: no number
        ("· 't Zand 3", ("'t Zand", "3")),
        ("Rue de Paris 1 1", ("Rue de Paris", "11")),  # a gap between its digits
        ("‘tZand.108", ("'t Zand", "108")),  # "'t" glued on, a speck for the gap
        ("Kerkstraat.12", ("Kerkstraat", "12")),
        ("Plein van 18 September 4", ("Plein van 18 September", "4")),
    ],
)
def test_streets_with_what_ocr_put_in_them(text: str, street: tuple | None) -> None:
    found = parse_street(text)
    assert (found and (found.street, found.house_number)) == street


@pytest.mark.parametrize(
    "text",
    ["Met vriendelijke groet,", "Bakkerij De Vries B.V.", "Kerkstraat 12", "Geachte heer Jansen,"],
)
def test_lines_that_are_not_names(text: str) -> None:
    assert parse_person(text) is None


def letter_from_client(footer: bool = False) -> PageText:
    rows = [
        ("Kees de Vries", 180, 150),
        ("Kerkstraat 12a", 180, 195),
        ("1234 AB Amsterdam", 180, 240),
        ("Mobiel: 06-12345678", 180, 285),
        ("Installatiebedrijf Hoekstra B.V.", 180, 450),
        ("t.a.v. de administratie", 180, 495),
        ("Industrieweg 14", 180, 540),
        ("8441 PK Heerenveen", 180, 585),
        ("Amsterdam, 3 maart 2021", 180, 700),
        ("Betreft: Offerte cv-ketel", 180, 790),
        ("Geachte heer Hoekstra,", 180, 880),
        ("Graag ontvang ik een offerte voor het vervangen van de ketel.", 180, 960),
        ("Met vriendelijke groet,", 180, 1100),
        ("Kees de Vries", 180, 1250),
    ]
    if footer:
        rows = [
            *rows[4:],
            ("Bakkerij De Vries", 180, 2130),
            ("·", 430, 2130),
            ("Kerkstraat 12a", 460, 2130),
            ("·", 670, 2130),
            ("1234 AB Amsterdam", 700, 2130),
            ("Tel. 06-12345678", 180, 2175),
            ("E-mail: kees@bakkerijdevries.nl", 180, 2220),
            ("KvK 12345678", 180, 2265),
            ("IBAN NL50 INGB 0683 2513 09", 500, 2265),
        ]
    return page_of(*rows)


def test_letter_from_client_takes_the_sender_block_not_our_address() -> None:
    ex = extract_client([letter_from_client()], own=OWN)
    assert values(ex, "postcode") == ["1234 AB"]
    assert values(ex, "city") == ["Amsterdam"]
    assert ex.value("street") == "Kerkstraat" and ex.value("house_number") == "12a"
    assert ex.value("name") == "Kees de Vries"
    assert {fv.source for fv in ex.all("name")} == {"address-block", "signature"}
    assert values(ex, "phone") == ["+31612345678"]
    assert values(ex, "company") == []


def test_letter_footer_with_separators() -> None:
    ex = extract_client([letter_from_client(footer=True)], own=OWN)
    assert ex.value("company") == "Bakkerij De Vries"
    assert (ex.value("street"), ex.value("house_number")) == ("Kerkstraat", "12a")
    assert ex.value("postcode") == "1234 AB"
    assert ex.value("kvk") == "12345678"
    assert ex.value("iban") == "NL50INGB0683251309"
    assert values(ex, "email") == ["kees@bakkerijdevries.nl"]


def letter_to_client() -> PageText:
    return page_of(
        ("Installatiebedrijf Hoekstra B.V.", 180, 100),
        (
            "Industrieweg 14 · 8441 PK Heerenveen · Tel. 0513-612345 · "
            "info@hoekstra-installatie.nl",
            180,
            160,
        ),
        ("Bakkerij De Vries B.V.", 180, 400),
        ("t.a.v. Kees de Vries", 180, 445),
        ("Kerkstraat 12a", 180, 490),
        ("1234 AB Amsterdam", 180, 535),
        ("Uw klantnummer: 1234", 180, 640),
        ("Heerenveen, 3 maart 2021", 180, 700),
        ("Wij verzoeken u het bedrag binnen 14 dagen over te maken", 180, 900),
        ("op rekeningnummer NL20INGB0001234567.", 180, 945),
        ("Heeft u vragen, dan kunt u ons bellen op 0513-612345.", 180, 990),
        ("Met vriendelijke groet,", 180, 1100),
        ("J. Hoekstra", 180, 1250),
        ("Installatiebedrijf Hoekstra B.V.", 180, 1295),
        ("IBAN NL20INGB0001234567 · KvK 01234567 · Btw NL001234567B01", 180, 2200),
    )


def test_letter_to_client_never_takes_our_own_business() -> None:
    ex = extract_client([letter_to_client()], own=OWN)
    assert ex.value("company") == "Bakkerij De Vries B.V."
    assert ex.value("name") == "Kees de Vries"
    assert values(ex, "postcode") == ["1234 AB"]
    assert values(ex, "phone") == [] and values(ex, "email") == []
    assert values(ex, "iban") == [] and values(ex, "kvk") == [] and values(ex, "btw") == []
    everything = [fv.value for readings in ex.candidates.values() for fv in readings]
    assert not any("Hoekstra" in v or "Heerenveen" in v for v in everything)


def test_without_own_settings_our_letterhead_is_at_most_a_suggestion() -> None:
    ex = extract_client([letter_to_client()])
    assert ex.value("name") == "Kees de Vries"


def test_folder_name_hints() -> None:
    ex = extract_client([], folder_name="Jansen, Kees")
    assert (ex.value("first_name"), ex.value("last_name")) == ("Kees", "Jansen")
    assert ex.best("name").source == "folder"
    ex = extract_client([], folder_name="Bakkerij De Vries")
    assert ex.value("company") == "Bakkerij De Vries" and ex.value("name") is None


def test_folder_spelling_wins_over_ocr_without_accents() -> None:
    page = page_of(("Naam:", 100, 100), ("Anais Celik", 500, 100))
    ex = extract_client([page], folder_name="Çelik, Anaïs")
    assert ex.value("last_name") == "Çelik" and ex.value("first_name") == "Anaïs"


def test_text_layer_page_without_boxes() -> None:
    page = PageText("Naam: Kees de Vries\nTel.: 06-12345678\n1234 AB Amsterdam", [], None)
    ex = extract_client([page])
    assert ex.value("name") == "Kees de Vries"
    assert ex.value("phone") == "+31612345678"
    assert ex.best("phone").box is None


def test_blank_page_and_running_text_give_nothing() -> None:
    blank = PageText("", [], None, 0, 1654, 2339)
    prose = page_of(
        ("De vergadering van dinsdag is verplaatst naar volgende week.", 100, 100),
        ("Jan en Piet komen ook, zij nemen de stukken van maart mee.", 100, 150),
        ("Graag tot dan, het bestuur van de vereniging.", 100, 200),
    )
    assert extract_client([blank, prose]).is_empty()


def test_two_clients_on_one_page_are_flagged_and_only_suggested() -> None:
    page = page_of(
        ("Naam: Kees de Vries", 100, 100),
        ("Kerkstraat 12", 100, 150),
        ("1234 AB Amsterdam", 100, 195),
        ("Naam: Fatima Öztürk", 900, 100),
        ("Molenweg 3", 900, 150),
        ("3011 CD Rotterdam", 900, 195),
    )
    ex = extract_client([page])
    assert {"name", "postcode"} <= ex.ambiguous
    assert ex.best("name").confidence < 0.5
    assert ex.best("postcode").confidence < 0.5


def test_low_ocr_confidence_lowers_field_confidence() -> None:
    sure = extract_client([page_of(("Naam: Kees de Vries", 100, 100), conf=96)])
    unsure = extract_client([page_of(("Naam: Kees de Vries", 100, 100), conf=20)])
    assert unsure.best("name").confidence < sure.best("name").confidence


word_text = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), max_size=20
)
word = st.builds(
    Word,
    word_text,
    st.integers(-50, 3000),
    st.integers(-50, 4000),
    st.integers(0, 800),
    st.integers(0, 300),
    st.floats(-1, 100),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(word, max_size=60), st.text(max_size=30))
def test_extract_client_never_raises_on_arbitrary_words(words: list[Word], folder: str) -> None:
    page = PageText(" ".join(w.text for w in words), words, None)
    ex = extract_client([page], folder_name=folder, own=OWN)
    for readings in ex.candidates.values():
        for fv in readings:
            assert 0.0 <= fv.confidence <= 1.0


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_extract_client_and_mask_bsn_never_raise_on_arbitrary_text(text: str) -> None:
    page = PageText(text, [], None)
    extract_client([page], own=OWN)
    masked, _ = mask_bsn(page)
    assert isinstance(masked.text, str)


@pytest.mark.parametrize(
    ("readings", "meant"),
    [
        # the accents read once give them back to the readings without
        (["Anais van Dijk", "Anais van Dijk", "Anaïs van Dijk"], ("Anaïs", "Dijk")),
        (["Umit Ozturk", "Ümit Öztürk"], ("Ümit", "Öztürk")),
        # two spellings with different accents: the one read more often, as before
        (["Chloé Kok", "Chloé Kok", "Chloë Kok"], ("Chloé", "Kok")),
        (["Anais van Dijk", "Anais van Dijk"], ("Anais", "Dijk")),
    ],
)
def test_a_name_read_once_with_its_accents_is_spelled_so(readings, meant) -> None:
    pages = [page_of(("Naam: " + name, 100, 100)) for name in readings]
    ex = extract_client(pages)
    assert (ex.value("first_name"), ex.value("last_name")) == meant
