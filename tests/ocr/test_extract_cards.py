"""Client cards as offices print them: labels above their values (in one column or two),
the name in parts ("Voornaam:", "Tussenvoegsel:", "Naam:")."""

from __future__ import annotations

import dataclasses

from ocr.extract import OwnBusiness, extract_client
from ocr.extract.labelled import labelled_rows
from ocr.extract.words import Line, build_lines, segments
from storage import PageText, Word
from tests.ocr.test_extract import page_of, words_of

NONE = OwnBusiness()


def test_labels_above_their_values_in_two_columns() -> None:
    page = page_of(
        ("KLANTKAART", 200, 150),
        ("Bedrijf:", 200, 270),
        ("e-mail:", 900, 270),
        ("Van Dijk Elektro B.V.", 200, 305),
        ("bram_dijk75@gmail.com", 900, 305),
        ("Naam:", 200, 350),
        ("Rekeningnummer:", 900, 350),
        ("Bram van Dijk", 200, 385),
        ("NL87 ABNA 0218 2744 08", 900, 385),
        ("KvK-nummer:", 900, 430),
        ("94511991", 900, 465),
    )
    ex = extract_client([page], own=NONE)
    assert ex.value("company") == "Van Dijk Elektro B.V."
    assert ex.value("email") == "bram_dijk75@gmail.com"
    assert ex.value("last_name") == "Dijk" and ex.value("first_name") == "Bram"
    assert ex.value("iban") == "NL87ABNA0218274408"
    assert ex.value("kvk") == "94511991"


def test_a_value_under_its_label_is_not_the_value_of_a_label_beside_it() -> None:
    """Two columns of labels over values, the right one a little higher: the KvK number
    under "KvK:" stands on the row of "Postcode/plaats:" of the left column, which took
    it for its value (and the card lost its KvK number)."""
    page = page_of(
        ("KLANTKAART", 200, 150),
        ("Straat:", 200, 390),
        ("KvK:", 900, 420),
        ("Julianalaan 148", 200, 440),
        ("37024070", 900, 458),
        ("Postcode/plaats:", 200, 470),
        ("BTW-nummer:", 900, 510),
        ("2722 LR Zoetermeer", 200, 525),
        ("NL004495445B01", 900, 548),
    )
    rows = labelled_rows(build_lines(page))
    kinds = {seg.value.strip(): seg.kind for row in rows for seg in row}
    assert kinds["37024070"] == "kvk" and kinds["2722 LR Zoetermeer"] == "postcode_city"
    ex = extract_client([page], own=NONE)
    assert ex.value("kvk") == "37024070" and ex.value("postcode") == "2722 LR"
    assert ex.value("btw") == "NL004495445B01"


def test_a_label_beside_a_label_alone_is_not_its_value() -> None:
    """A card in two columns whose right label stands a little lower than the left one:
    "E-mailadres:" (and a label we do not know, "Website:") is no company name; the
    company is the line under its label."""
    for right in ("E-mailadres:", "Website:"):
        page = page_of(
            ("Klantkaart", 170, 210),
            ("Bedrijfsnaam:", 170, 285),
            (right, 850, 295),
            ("Timmerbedrijf Ten Brink Holding B.V.", 170, 338),
            ("administratie@timmerbedrijftenbrink.nl", 850, 330),
            ("Naam klant:", 170, 400),
            ("Gerrit ten Brink", 170, 433),
        )
        ex = extract_client([page], own=NONE)
        assert ex.value("company") == "Timmerbedrijf Ten Brink Holding B.V.", right
        assert ex.value("email") == "administratie@timmerbedrijftenbrink.nl"


def test_a_value_far_below_its_label_is_not_its_value() -> None:
    page = page_of(("Rekeningnummer:", 200, 300), ("NL87 ABNA 0218 2744 08", 200, 600))
    ex = extract_client([page], own=NONE)
    assert all(fv.source != "label" for fv in ex.all("iban"))


def test_the_name_in_parts() -> None:
    page = page_of(
        ("Voornaam: Sanne ;", 200, 200),
        ("Tussenvoegsel: in 't", 200, 250),
        ("Naam: Veld", 200, 300),
        ("Straat + nr: Stationsweg 154", 200, 350),
    )
    ex = extract_client([page], own=NONE)
    assert ex.value("first_name") == "Sanne"
    assert ex.value("last_name") == "Veld"


def with_words(page: PageText, *words: Word) -> PageText:
    """page with words of exact boxes and confidence added (as Tesseract read them)."""
    return dataclasses.replace(page, words=[*page.words, *words])


def test_a_label_above_its_value_holds_across_a_speck_between_them() -> None:
    """A card printed as label above value: a rule or a speck of the scan read as "|",
    after the label or on a line of its own between them, changes nothing."""
    card = page_of(
        ("Naam klant:", 180, 700),
        ("IBAN: |", 900, 700),
        ("Sophie van Leeuwen", 180, 760),
        ("NL04 INGB 0475 4981 19", 900, 760),
    )
    card = with_words(card, Word("|", 1300, 742, 3, 4, 30.0))  # a line between them
    ex = extract_client([card])
    assert [(fv.value, fv.source) for fv in ex.values("iban", 0.5)] == [
        ("NL04INGB0475498119", "label")
    ]
    assert ex.value("last_name") == "Leeuwen"


def test_a_speck_read_with_no_confidence_does_not_pull_a_value_off_its_line() -> None:
    """A speck after "Tel:" read as "«" with confidence 0 started a line of its own; the
    number's last group, made tall by another speck above it, joined that line, and the
    card's phone was lost ("« 423545" above "Tel: 0475 -")."""
    card = page_of(("Klantgegevens", 277, 341), ("Mobiel:", 277, 1031),
                   ("+31632761359", 722, 1031))  # fmt: skip
    card = with_words(
        card,
        Word("Tel:", 277, 927, 93, 37, 37.7),
        Word("«", 409, 914, 6, 6, 0.0),
        Word("0475", 720, 924, 104, 36, 92.8),
        Word("-", 843, 945, 14, 4, 91.6),
        Word("423545", 873, 880, 158, 79, 95.1),
    )
    ex = extract_client([card])
    assert {fv.value for fv in ex.all("phone")} == {"+31475423545", "+31632761359"}


def test_a_speck_read_as_a_rule_does_not_take_a_mobile_number_apart() -> None:
    """A speck under the gap of "+31 (0)6 25426344" read as "|" (1 x 3 px) made a line of
    its own with the last eight digits, and a card's bare eight digits are its KvK
    number: the mobile number became a KvK number nobody has."""
    card = page_of(("Klantkaart", 215, 272), ("Naam klant: Frédérique Yilmaz", 216, 360),
                   ("Telefoon: 0512-249 250", 213, 607))  # fmt: skip
    card = with_words(
        card,
        Word("Mobiel", 215, 542, 96, 29, 96.8),
        Word("nummer:", 324, 549, 129, 34, 91.9),
        Word("+31", 648, 549, 55, 24, 83.6),
        Word("(0)6", 715, 536, 57, 44, 91.5),
        Word("|", 620, 571, 1, 3, 59.3),
        Word("25426344", 784, 550, 150, 31, 96.9),
    )
    ex = extract_client([card])
    assert "kvk" not in ex.candidates
    assert "+31625426344" in {fv.value for fv in ex.all("phone")}


def test_a_label_alone_with_its_value_far_to_its_right_on_the_same_row() -> None:
    """A card printed as a table whose wide gap parts a label from its value: the line
    builder makes two lines of the row (as it did on a held-out card), the value keeps
    its label."""
    label = Line.of(words_of("KvKnr: |", 328, 1227), 0, 5)
    value = Line.of(words_of("39938783", 851, 1229), 0, 6)
    below = Line.of(words_of("BTW-nr: NL004495445B01", 328, 1305), 0, 7)
    rows = labelled_rows([label, value, below])
    assert [(seg.kind, seg.value) for seg in rows[1]] == [("kvk", "39938783")]


def test_a_label_holds_across_a_row_of_another_column_read_between_it_and_its_value() -> None:
    """A column of details beside a table: Tesseract reads its label ("VAT"), then a row
    of the table, then the value. The value keeps its label; a label a line further up
    in the same column does not take it from the nearest one."""
    label = Line.of(words_of("VAT", 1240, 1020), 0, 18)
    table = Line.of(words_of("Tegellijm 25 kg", 154, 1060), 0, 19)
    value = Line.of(words_of("NL531565221B02", 1242, 1070), 0, 20)
    rows = labelled_rows([label, table, value])
    assert [(seg.kind, seg.value) for seg in rows[2]] == [("btw", "NL531565221B02")]
    empty = Line.of(words_of("Telefoon:", 200, 300), 0, 0)
    mobile = Line.of(words_of("Mobiel:", 200, 350), 0, 1)
    number = Line.of(words_of("06-12345678", 200, 400), 0, 2)
    rows = labelled_rows([empty, mobile, number])
    assert [(seg.kind, seg.value) for seg in rows[2]] == [("mobile", "06-12345678")]
    # ... and a label is used once: the line under its value is not its value too
    more = Line.of(words_of("NL04 INGB 0475 4981 19", 1242, 1120), 0, 21)
    rows = labelled_rows([label, table, value, more])
    assert [seg.kind for seg in rows[3]] == [None]


def test_a_value_a_body_line_took_in_before_its_label_keeps_the_label() -> None:
    """A column of details beside a letter's body: the body line "Geachte heer," took in
    the KvK number under "KvK Den Haag", so the number came before its label."""
    body = Line.of(
        [*words_of("Geachte heer, mevrouw,", 179, 867), *words_of("29684827", 1249, 899)], 0, 12
    )
    label = Line.of(words_of("KvK Den Haag", 1250, 879), 0, 13)
    rows = labelled_rows([body, label])
    assert [(seg.kind, seg.value) for seg in rows[0]] == [
        (None, "Geachte heer, mevrouw,"),
        ("kvk", "29684827"),
    ]
    # a value level with the label, left of it, is no value of it
    beside = Line.of([*words_of("Geachte heer,", 179, 879), *words_of("12345678", 900, 879)], 0, 0)
    rows = labelled_rows([beside, Line.of(words_of("KvK Den Haag", 1250, 879), 0, 1)])
    assert [seg.kind for seg in rows[0]] == [None, None]


def test_a_value_whose_label_ocr_lost_in_a_cards_right_column_is_the_cards() -> None:
    """Below the card's title, an IBAN alone in the right column (its label lost) stands
    where a letterhead's contact column would: it is still the card's."""
    page = page_of(
        ("KLANTKAART", 160, 230),
        ("Naam:", 160, 300),
        ("Telefoon:", 850, 300),
        ("Jan van 't Hof", 160, 350),
        ("+31 (0)70 687 5798", 850, 340),
        ("Adres:", 160, 400),
        ("E-mail:", 850, 400),
        ("Dr. Nolensplein 146", 160, 440),
        ("jan1996@live.nl", 850, 425),
        ("2572 JE Den Haag", 160, 525),
        ("NL42 KNAB 0180 4527 11", 850, 505),
    )
    ex = extract_client([page], own=NONE)
    assert ex.value("iban") == "NL42KNAB0180452711"
    assert ex.value("last_name") == "Hof"


def test_an_iban_is_one_value_across_a_speck_or_a_smudges_gap() -> None:
    """A speck read as "|" inside "NL79", or a smudge that leaves a wide gap after it,
    does not cut the IBAN in two (the label kept "NL79", the rest was nobody's)."""
    line = Line.of(
        [
            Word("IBAN:", 164, 561, 96, 55, 65.0),
            Word("“NL79", 544, 568, 101, 83, 27.0),
            Word("|", 546, 600, 3, 17, 30.0),
            Word("KNAB", 664, 584, 87, 48, 86.0),
            Word("0362099774", 757, 588, 211, 51, 70.0),
        ],
        0,
        6,
    )
    (row,) = labelled_rows([line])
    assert [seg.kind for seg in row] == ["iban"]
    page = page_of(("Rekeningnummer: NL79", 200, 300), ("KNAB 0362 0997 74", 900, 300))
    assert extract_client([page], own=NONE).value("iban") == "NL79KNAB0362099774"
    # ... while other words a "|" stands between are still two segments
    parts = segments(Line.of(words_of("NL79 | 0612345678", 200, 300), 0, 0))
    assert [part.text for part in parts] == ["NL79", "0612345678"]


def test_a_1_read_as_a_bar_inside_an_iban_keeps_the_number_whole() -> None:
    """ "NL77SNSB0688 | 38403" on a card, the IBAN's label on the row above: the bar cut
    the account's ten digits in two, and neither part was an IBAN."""
    card = page_of(
        ("Naam: Sanne Boëthius", 160, 300),
        ("IBAN:", 160, 360),
        ("NL77SNSB0688 | 38403", 160, 410),
        ("NL707516079B01", 160, 460),
    )
    assert extract_client([card], own=NONE).value("iban") == "NL77SNSB0688138403"
    # a whole IBAN and the number in the next cell stay two
    parts = segments(Line.of(words_of("NL77SNSB0688138403 | 0612345678", 200, 300), 0, 0))
    assert [part.text for part in parts] == ["NL77SNSB0688138403", "0612345678"]


def test_the_place_on_a_line_of_its_own_under_the_postcode() -> None:
    """ "Postcode: 5041 XV" over "Woonplaats: Tilburg": the place is the city; a text
    that is no place is not."""
    for place, city in (("Tilburg", "Tilburg"), ("'S-HERTOGENBOSCH", "'s-Hertogenbosch")):
        page = page_of(
            ("Naam: Fleur de Groot", 160, 300),
            ("Straat + nr: Vismarkt 74", 160, 350),
            ("Postcode: 5041 XV", 160, 400),
            (f"Woonplaats: {place}", 160, 450),
        )
        ex = extract_client([page], own=NONE)
        assert (ex.value("postcode"), ex.value("city")) == ("5041 XV", city)
    page = page_of(("Postcode: 5041 XV", 160, 400), ("Woonplaats: zie achterkant", 160, 450))
    assert extract_client([page], own=NONE).value("city") is None
