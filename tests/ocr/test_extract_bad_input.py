"""Paper that is no client's paper (issue 17, "Bad input"): no invented fields, no crash.

Word pages for the layouts; the slow test renders a price list and a German letter and
reads them with real Tesseract.
"""

from __future__ import annotations

import random

import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr.engine.tesseract import ocr_image
from ocr.extract import extract_client
from storage import PageText, Word
from tests.ocr.pagegen import FONT
from tests.ocr.test_extract import OwnBusiness, no_saved_settings, page_of  # noqa: F401

NOTHING = OwnBusiness()
IDENTIFYING = ("phone", "email", "iban", "kvk", "btw", "vat", "postcode", "city", "street",
               "name", "company")  # fmt: skip


def invented(pages: list[PageText]) -> dict[str, list[str]]:
    ex = extract_client(pages, own=NOTHING)
    return {f: [fv.value for fv in ex.readings if fv.field == f] for f in IDENTIFYING} | {"_": []}


def assert_nothing(pages: list[PageText]) -> None:
    found = {k: v for k, v in invented(pages).items() if v}
    assert found == {}


PRICE_LIST = [
    "Prijslijst 2024",
    "Art.nr Omschrijving Eenheid Prijs",
    "0612345678 Koppeling 15 mm stuk € 2,35",
    "0201234567 Knie 90 graden stuk € 1,95",
    "4512 AB Bocht 22 mm stuk € 3,10",
    "1200 DE Kraan 1/2 inch stuk € 12,50",
    "31612345 Sok 28 mm doos 10 € 8,40",
    "NL91 ABNA 0417 1643 00 verloopstuk € 4,00",
]
BANK_STATEMENT = [
    "Afschrift 12 Datum 03-01-2024",
    "03-01 Overboeking NL91ABNA0417164300 J. Jansen 125,00 Af",
    "04-01 Incasso NL20INGB0001234567 Energie BV 89,95 Af",
    "05-01 Storting NL50INGB0683251309 Salaris 2.450,00 Bij",
    "06-01 Betaalautomaat 0612 Albert Heijn 0513 Heerenveen 23,45 Af",
    "Nieuw saldo 1.234,56",
]


def rows_at(lines: list[str], x: int = 100, y: int = 600, step: int = 45) -> list[tuple]:
    return [(text, x, y + i * step) for i, text in enumerate(lines)]


def test_price_list_gives_no_fields() -> None:
    assert_nothing([page_of(*rows_at(PRICE_LIST))])


def test_bank_statement_gives_no_fields() -> None:
    """Its IBANs are real, but the counterparties', not a client's."""
    assert_nothing([page_of(*rows_at(BANK_STATEMENT))])


def test_table_of_numbers_gives_no_fields() -> None:
    rows = [
        (" ".join(f"{(r * 7919 + c * 104729) % 100000:05d}" for c in range(8)), 100, 400 + r * 45)
        for r in range(30)
    ]
    assert_nothing([page_of(*rows)])


@pytest.mark.parametrize("date", ["09-09-201 9", "09-09-201 8"])
def test_a_date_with_a_gap_ocr_saw_in_it_is_no_phone_number(date: str) -> None:
    """ "09-09-201 9" read as the phone number +31 909 2019 (51st: a letter's date on the
    card); a date is read as one with the gap."""
    page = page_of(("Jeroen Peters", 180, 150), (f"Datum: {date}", 180, 700))
    ex = extract_client([page], own=NOTHING)
    assert ex.all("phone") == []
    # ... unless the day was split too: "1 2-7-201 3" is no 2 July (43rd, a card)
    card = page_of(("Klant sinds:", 100, 300), ("1 2-7-201 3", 520, 300))
    assert extract_client([card], own=NOTHING).all("client_since") == []


def test_two_columns_never_join_values_across_the_gap() -> None:
    left = ["De vergadering begint om", "acht uur, in zaal 06", "van het gebouw."]
    right = ["12345678 bezoekers kwamen", "vorig jaar naar de beurs", "in Utrecht."]
    rows = rows_at(left, 100) + rows_at(right, 900)
    assert_nothing([page_of(*rows)])


def test_english_and_german_letters_give_no_dutch_fields() -> None:
    english = page_of(
        ("Apple Distribution International", 180, 100),
        ("1200 De Anza Blvd", 180, 145),
        ("Dear Sir or Madam,", 180, 700),
        ("Thank you for your order 1234 AB of 12 May.", 180, 790),
        ("Kind regards,", 180, 1100),
    )
    german = page_of(
        ("Müller GmbH", 180, 100),
        ("Hauptstraße 12 · 80333 München", 180, 145),
        ("Sehr geehrte Damen und Herren,", 180, 700),
        ("Ihre Bestellung 4711 ist unterwegs.", 180, 790),
        ("Mit freundlichen Grüßen", 180, 1100),
    )
    for page in (english, german):
        found = invented([page])
        assert found["postcode"] == [] and found["city"] == [] and found["phone"] == []
        assert found["kvk"] == [] and found["btw"] == [] and found["iban"] == []


def test_turned_page_without_text_and_garbage_pages() -> None:
    blank = PageText("", [], None, 90, 2339, 1654)
    rng = random.Random(7)
    junk = "".join(chr(c) for c in range(33, 127)) + "€£§°"
    words = [
        Word("".join(rng.choice(junk) for _ in range(rng.randint(1, 9))),
             rng.randrange(2000), rng.randrange(3000), rng.randrange(10, 300),
             rng.randrange(10, 60), 0.0)
        for _ in range(400)
    ]  # fmt: skip
    garbage = PageText(" ".join(w.text for w in words), words, 0.0, 180, 2339, 1654)
    assert_nothing([blank, garbage])


@pytest.mark.slow
def test_price_list_and_german_letter_read_by_tesseract(tesseract_available: None) -> None:
    font = ImageFont.truetype(FONT, 30)
    pages = []
    for lines in (
        PRICE_LIST,
        ["Müller GmbH", "Hauptstraße 12 · 80333 München", "", "Sehr geehrte Damen und Herren,",
         "Ihre Bestellung 4711 ist unterwegs.", "", "Mit freundlichen Grüßen", "Hans Müller"],
    ):  # fmt: skip
        image = Image.new("L", (1654, 1200), 255)
        draw = ImageDraw.Draw(image)
        for i, line in enumerate(lines):
            draw.text((100, 100 + i * 60), line, font=font, fill=0)
        pages.append(ocr_image(image))
    found = invented(pages)
    assert found["phone"] == [] and found["iban"] == [] and found["postcode"] == []
    assert found["kvk"] == [] and found["btw"] == [] and found["city"] == []
