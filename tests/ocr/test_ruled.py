"""A client card printed as a ruled table: Tesseract's page layout takes the table for a
picture and drops every cell; the page is read again with its rules wiped."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr.engine import pagefiles, ruled
from ocr.engine.tesseract import page_from_tsv, tsv_of
from ocr.extract import OwnBusiness, extract_client
from tests.ocr.pagegen import BOLD_FONT, FONT
from tests.ocr.test_small_print import table

ROWS = [
    ("Naam:", "Sanne Wouters"),
    ("Straat + nr:", "Lindelaan 18"),
    ("Postcode/plaats:", "3581 KB Utrecht"),
    ("Mobiel:", "+31612873305"),
    ("Tel.:", "030-2874410"),
    ("E-mail:", "sanne.wouters@ziggo.nl"),
    ("Bankrekening:", "NL91 ABNA 0417 1643 00"),
    ("Klant sinds:", "12-03-2019"),
]


def ruled_card(rules: bool = True, skew: float = 1.5, dashed: bool = False) -> Image.Image:
    """A card of label and value cells in a ruled table, scanned askew and in black and
    white (at 200 dpi, as a sheet feeder does), the rules stepped by the skew; its rules
    dashed, under a bold title, if asked."""
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 34)
    title = ImageFont.truetype(BOLD_FONT if dashed else FONT, 56)
    draw.text((160, 180), "Debiteurenkaart", font=title, fill=0)
    left, middle, right, top, step = 140, 470, 1500, 290, 60
    for i, (label, value) in enumerate(ROWS):
        draw.text((160, top + i * step + 12), label, font=font, fill=0)
        draw.text((485, top + i * step + 12), value, font=font, fill=0)
    bottom = top + step * len(ROWS)
    lines = [((left, top + i * step), (right, top + i * step)) for i in range(len(ROWS) + 1)]
    lines += [((x, top), (x, bottom)) for x in (left, middle, right)]
    for (x0, y0), (x1, y1) in lines if rules else []:
        across = y0 == y1
        length = x1 - x0 if across else y1 - y0
        # dashes of 18 px with gaps of 8
        pieces = [(at, min(at + 18, length)) for at in range(0, length, 26)]
        for start, end in pieces if dashed else [(0, length)]:
            ends = (
                [(x0 + start, y0), (x0 + end, y0)] if across else [(x0, y0 + start), (x0, y0 + end)]
            )
            draw.line(ends, fill=0, width=2)
    draw.text((160, bottom + 60), "Opmerkingen: bellen na 17 uur.", font=font, fill=0)
    turned = page.rotate(skew, resample=Image.Resampling.NEAREST, fillcolor=255)
    return turned.convert("1")


def test_rules_are_wiped_and_the_letters_kept() -> None:
    with_rules = np.asarray(ruled_card(rules=True, skew=0).convert("L")) < 128
    letters = np.asarray(ruled_card(rules=False, skew=0).convert("L")) < 128
    wiped = np.asarray(ruled.without_rules(ruled_card(rules=True, skew=0))) < 128
    rule_only = with_rules & ~letters
    assert rule_only.sum() > 10_000
    assert (wiped & rule_only).sum() < 0.02 * rule_only.sum()
    assert (wiped & letters).sum() > 0.97 * letters.sum()


def test_rules_askew_are_wiped_too() -> None:
    card = ruled_card(rules=True, skew=1.5)
    before = np.asarray(card.convert("L")) < 128
    after = np.asarray(ruled.without_rules(card)) < 128
    letters = np.asarray(ruled_card(rules=False, skew=1.5).convert("L")) < 128
    assert (after & ~letters).sum() < 0.1 * (before & ~letters).sum()


def test_dashed_rules_are_wiped_and_a_bold_title_kept() -> None:
    """A dashed rule holds a third less ink than a drawn one; a bold title's strokes are
    as dense, but stand on more ink above and below."""
    with_rules = np.asarray(ruled_card(skew=0, dashed=True).convert("L")) < 128
    letters = np.asarray(ruled_card(rules=False, skew=0, dashed=True).convert("L")) < 128
    wiped = np.asarray(ruled.without_rules(ruled_card(skew=0, dashed=True))) < 128
    rule_only = with_rules & ~letters
    assert rule_only.sum() > 5_000
    assert (wiped & rule_only).sum() < 0.1 * rule_only.sum()
    assert (wiped & letters).sum() > 0.97 * letters.sum()


def test_words_that_cover_the_ink_leave_the_page_as_read() -> None:
    read = table([("Debiteurenkaart", 100, 100, 400, 60, 95.0)])
    page = Image.new("L", (800, 800), 255)
    ImageDraw.Draw(page).rectangle([120, 110, 480, 150], fill=0)
    assert ruled.ink_covered(read, page) == 1.0
    ImageDraw.Draw(page).rectangle([120, 400, 480, 700], fill=0)  # ink no word holds
    assert ruled.ink_covered(read, page) < ruled.LOW_COVER
    assert ruled.ink_covered(read, Image.new("L", (50, 50), 255)) == 1.0
    # words read unsurely hold no ink: a table read as a few garbled words
    garbled = table(
        [("Debiteurenkaart", 100, 100, 400, 60, 95.0), ("'rca", 100, 390, 400, 330, 31.0)]
    )
    assert ruled.ink_covered(garbled, page) < ruled.LOW_COVER


# dashed rules on a page as the reader has it, deskewed (a dashed rule askew by more is
# not wiped: its steps are too short to tell from letters)
@pytest.mark.parametrize(("dashed", "skew"), [(False, 1.5), (True, 0.2)])
def test_a_page_whose_table_was_dropped_is_read_again_without_its_rules(
    dashed: bool, skew: float
) -> None:
    """The first reading kept only the title (as Tesseract's layout did with a ruled card
    on a held-out binder); the second, of the page without rules, reads every cell."""
    file = pagefiles.write_page(ruled_card(skew=skew, dashed=dashed), 200.0)
    try:
        dropped = table([("Debiteurenkaart", 160, 180, 420, 60, 95.0)])
        [again] = ruled.read_again([dropped], [file], "nld+eng", 60.0)
        found = extract_client([page_from_tsv(again, 1654, 2339)], own=OwnBusiness())
        assert "+31612873305" in [fv.value for fv in found.values("phone")]
        assert [fv.value for fv in found.values("email")] == ["sanne.wouters@ziggo.nl"]
        assert found.value("iban") == "NL91ABNA0417164300"
        # a first reading that holds the page's ink stands as it is
        whole = tsv_of(file)
        assert ruled.read_again([whole], [file], "nld+eng", 60.0) == [whole]
    finally:
        file.unlink(missing_ok=True)
