"""Pages scanned upside down or sideways: fields are read in the upright page's geometry,
boxes stay in pixels of the scan. Word pages are turned here with the same Transform the
OCR worker uses to map boxes back; the slow tests turn a rendered page and read it with
real Tesseract."""

from __future__ import annotations

import dataclasses
import random

import pytest
from PIL import Image

from ocr.engine.preprocess import Settings, Transform
from ocr.engine.worker import ocr_page
from ocr.extract import ExtractedClient, extract_client
from ocr.extract.words import build_lines
from storage import PageText, Word
from tests.datagen import make_client, render_page
from tests.ocr.test_extract import (
    OWN,
    OwnBusiness,
    card,
    letter_from_client,
    letter_to_client,
    no_saved_settings,  # noqa: F401
    page_of,
)

QUARTERS = (90, 180, 270)


def scanned_turned(upright: PageText, quarter: int) -> PageText:
    """The page as a scanner gives it when the paper lay turned: the scan must be turned
    clockwise by quarter degrees to be upright (PageText.orientation), and its word boxes
    are in the scan's pixels, as ocr.worker stores them."""
    width, height = (
        (upright.height, upright.width) if quarter in (90, 270) else (upright.width, upright.height)
    )
    transform = Transform(width, height, quarter=quarter)
    words = [
        Word(w.text, *transform.box_to_original(w.left, w.top, w.width, w.height), w.conf)
        for w in upright.words
    ]
    # the scanner hands the words over in its own order: bottom-up on an upside-down page
    words.sort(key=lambda w: (w.top, w.left))
    return dataclasses.replace(upright, words=words, orientation=quarter, width=width,
                               height=height)  # fmt: skip


def summary(ex: ExtractedClient) -> dict[str, list[str]]:
    return {name: sorted(fv.value for fv in ex.values(name)) for name in ex.candidates}


@pytest.mark.parametrize("quarter", QUARTERS)
@pytest.mark.parametrize("make", [card, letter_to_client, lambda: letter_from_client(True)])
def test_turned_page_gives_the_same_fields_as_upright(make, quarter: int) -> None:
    upright = make()
    turned = scanned_turned(upright, quarter)
    want = extract_client([upright], own=OWN)
    got = extract_client([turned], own=OWN)
    assert summary(got) == summary(want)
    assert summary(want)  # the page does give fields
    # boxes are where the value stands on the scan: the upright box mapped back
    width, height = turned.width, turned.height
    transform = Transform(width, height, quarter=quarter)
    for name, readings in want.candidates.items():
        turned_readings = got.candidates[name]
        assert len(turned_readings) == len(readings)
        for a, b in zip(readings, turned_readings, strict=True):
            assert (a.value, a.zone, a.party) == (b.value, b.zone, b.party)
            if a.box is None:
                assert b.box is None
            else:
                assert b.box == transform.box_to_original(*a.box)


@pytest.mark.parametrize("quarter", QUARTERS)
def test_lines_of_a_turned_page_read_left_to_right(quarter: int) -> None:
    turned = scanned_turned(card(), quarter)
    texts = [line.text for line in build_lines(turned)]
    assert "IBAN: NL50 INGB 0683 2513 09" in texts
    assert "Mobiel: 06-12345678" in texts
    assert texts[0] == "Klantkaart"


@pytest.mark.parametrize("quarter", QUARTERS)
def test_a_rule_as_high_as_the_letters_is_kept_on_a_turned_page_too(quarter: int) -> None:
    """A "|" lower than half the letters is a speck, no word; a table's rule (or an l)
    read so stands as high as they do, also on a page turned a quarter, where its height
    in the scan is its width (all were dropped there)."""
    upright = card()
    upright = dataclasses.replace(upright, words=[*upright.words, Word("|", 470, 476, 3, 34, 90.0)])
    texts = [line.text for line in build_lines(scanned_turned(upright, quarter))]
    assert texts == [line.text for line in build_lines(upright)]
    assert "Mobiel: | 06-12345678" in texts


def test_iban_read_backwards_never_becomes_a_phone() -> None:
    """The real case: an upside-down page read in the scan's geometry gave
    "15 3208 1600 ABNA NL11 (IBAN): Rekeningnummer" and a phone number from its digits."""
    upright = page_of(("Rekeningnummer (IBAN): NL11 ABNA 1600 3208 15", 100, 300))
    # sanity: the IBAN is valid and read on the upright page
    assert extract_client([upright]).value("iban") == "NL11ABNA1600320815"
    turned = scanned_turned(upright, 180)
    ex = extract_client([turned])
    assert ex.value("iban") == "NL11ABNA1600320815"
    assert ex.values("phone") == []
    # and the same words in the scan's geometry but claimed upright: nothing invented
    wrong = dataclasses.replace(turned, orientation=0)
    ex = extract_client([wrong])
    assert ex.values("phone") == [] and ex.values("iban") == []


def test_unknown_page_size_still_turns() -> None:
    """A page without a stored size (width/height 0) is turned within its words' extent."""
    turned = scanned_turned(card(), 180)
    sizeless = dataclasses.replace(turned, width=0, height=0)
    assert summary(extract_client([sizeless])) == summary(extract_client([card()]))


@pytest.mark.slow
@pytest.mark.parametrize("quarter", [90, 180])
def test_turned_scan_read_by_tesseract(quarter: int, tesseract_available: None) -> None:
    rng = random.Random(f"turned/{quarter}")
    truth = make_client(rng)
    rendered = render_page(truth, rng, 200, "card")
    # the paper lay turned: the scan must be turned clockwise by quarter to be upright
    scan = rendered.image.rotate(quarter, expand=True, fillcolor=255)
    page = ocr_page(scan, 200, "nld+eng", Settings(orientation="osd"))
    assert page.orientation == quarter and (page.width, page.height) == scan.size
    ex = extract_client([page], own=OWN)
    assert ex.value("postcode", 0.5) == truth.postcode
    assert ex.value("iban", 0.5) == truth.iban
    assert ex.value("last_name", 0.5) == truth.last_name
    printed = {p.e164 for i, p in enumerate(truth.phones) if f"phones[{i}]" in rendered.fields}
    assert {fv.value for fv in ex.values("phone", 0.5)} == printed
    # the IBAN's box is on the scan where the IBAN is printed: crop it, turn it upright
    # and Tesseract reads the same number there
    left, top, width, height = ex.best("iban").box
    assert left >= 0 and left + width <= scan.width and top + height <= scan.height
    crop = scan.crop((left, top, left + width, top + height))
    upright = crop.rotate(-quarter, expand=True, fillcolor=255)
    framed = Image.new("L", (upright.width + 80, upright.height + 80), 255)
    framed.paste(upright, (40, 40))
    read = ocr_page(framed, 200, "nld+eng", Settings(orientation="off"))
    assert read.text.replace(" ", "").upper().endswith(truth.iban[-6:])


def render_a4(lines: list[tuple[float, float, float, str]], dpi: int = 200) -> Image.Image:
    """An A4 page of (x mm, y mm, size pt, text) lines, black on white."""
    from PIL import ImageDraw, ImageFont

    from tests.ocr.pagegen import FONT

    page = Image.new("L", (round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)), 255)
    draw = ImageDraw.Draw(page)
    for x, y, size, text in lines:
        font = ImageFont.truetype(FONT, round(size * dpi / 72))
        draw.text((x / 25.4 * dpi, y / 25.4 * dpi), text, font=font, fill=0)
    return page


OUR_INVOICE = [
    (20, 15, 18, "Garage Dekker B.V."),
    (130, 15, 9, "Tel. 072-5123456"),
    (130, 20, 9, "info@garagedekker.nl"),
    (20, 45, 7, "Garage Dekker · Industrieweg 7 · 1703 RR Heerhugowaard"),
    (20, 52, 11, "Dhr. P. Jansen"),
    (20, 58, 11, "Molenweg 3"),
    (20, 64, 11, "1611 AB Bovenkarspel"),
    (20, 95, 14, "Factuur 2024-0312"),
    (20, 105, 10, "Klantnummer: 10234"),
    (20, 125, 10, "Onderhoudsbeurt                    1     € 189,00"),
    (20, 140, 10, "Graag binnen 14 dagen overmaken op NL91 ABNA 0417 1643 00."),
    (20, 280, 8, "KvK Alkmaar 37123456 · btw-id NL004495445B01 · IBAN NL91 ABNA 0417 1643 00"),
]


@pytest.mark.slow
@pytest.mark.parametrize("quarter", [0, 270])
def test_real_invoice_parties_on_a_scan(quarter: int, tesseract_available: None) -> None:
    """Our invoice scanned (upright, and sideways): our letterhead, return address and
    footer are the sender's; the window address is the recipient, the client."""
    scan = render_a4(OUR_INVOICE).rotate(quarter, expand=True, fillcolor=255)
    page = ocr_page(scan, 200, "nld+eng", Settings(orientation="osd"))
    ex = extract_client([page], folder_name="Jansen, Piet", own=OwnBusiness())
    assert ex.pages[0].client == "recipient"
    assert ex.value("postcode", 0.5) == "1611 AB" and ex.value("city", 0.5) == "Bovenkarspel"
    held = {(fv.field, fv.value): fv.party for fv in ex.held}
    assert held[("kvk", "37123456")] == "sender"
    assert held[("btw", "NL004495445B01")] == "sender"
    assert held[("postcode", "1703 RR")] == "sender"
    assert ex.value("kvk") is None and ex.value("iban") is None and ex.value("phone") is None
    # learned later to be ours: the same result as knowing it from the start
    ours = OwnBusiness(phones=("072-5123456",))
    assert ex.without(ours) == extract_client([page], folder_name="Jansen, Piet", own=ours)
