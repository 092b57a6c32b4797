"""Small print (a side column of details, a footer) is read a second time, alone and at
twice the size: Tesseract drops lines of it, or joins them with body lines, on the
page read as a whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocr.engine import crops, pagefiles, small_print
from ocr.engine.small_print import Region, merge, regions, unsure
from ocr.engine.tesseract import TSV_INT_COLUMNS, parse_tsv
from ocr.engine.worker import ocr_page
from ocr.errors import OcrError
from ocr.extract.registry import find_btw, find_kvk
from tests.ocr.pagegen import letter_with_side_column

BODY_H = 24
SMALL_H = 15


def table(words: list[tuple[str, int, int, int, int, float]]) -> dict:
    """Tesseract's table of word rows (text, left, top, width, height, conf), one line per
    word, all in block 1, as the engine parses it."""
    header = "\t".join((*TSV_INT_COLUMNS, "conf", "text"))
    rows = [
        f"5\t1\t1\t1\t{n + 1}\t1\t{left}\t{top}\t{width}\t{height}\t{conf}\t{text}"
        for n, (text, left, top, width, height, conf) in enumerate(words)
    ]
    return parse_tsv("\n".join([header, *rows]))


def body(lines: int = 12) -> list[tuple[str, int, int, int, int, float]]:
    return [
        (word, 160 + 220 * k, 300 + 48 * i, 200, BODY_H, 95.0)
        for i in range(lines)
        for k, word in enumerate(("Geachte", "mevrouw", "rekening"))
    ]


def column() -> list[tuple[str, int, int, int, int, float]]:
    """A side column at x=1200: label, value, label, value ... 22 px apart."""
    words = [("Mob.", "+31 6 22357116"), ("KvK", "94885833"), ("IBAN", "NL75TRIO0412861437")]
    rows = []
    for i, (label, value) in enumerate(words):
        rows.append((label, 1200, 520 + 44 * i, 60, SMALL_H, 90.0))
        rows.append((value, 1200, 542 + 44 * i, 200, SMALL_H, 90.0))
    return rows


def test_a_side_column_of_small_print_is_one_region_reaching_past_its_last_line():
    found = regions(table(body() + column()), 1654, 2339)
    assert len(found) == 1
    region = found[0]
    for text, left, top, width, height, _ in column():
        assert region.holds(left, top, width, height), text
    for text, left, top, width, height, _ in body():
        assert not region.holds(left, top, width, height), text
    # a label and value that Tesseract dropped below the last word read are in the crop
    assert region.bottom >= 542 + 44 * 2 + SMALL_H + 3 * SMALL_H


def test_small_print_is_read_again_only_where_tesseract_was_unsure():
    region = regions(table(body() + column()), 1654, 2339)[0]
    assert not unsure(table(body() + column()), region)
    half_seen = [(t, x, y, w, h, 30.0 if t == "94885833" else c) for t, x, y, w, h, c in column()]
    assert unsure(table(body() + half_seen), region)
    # a speck read as punctuation says nothing
    speck = [*column(), (".", 1300, 600, 4, 4, 10.0)]
    assert not unsure(table(body() + speck), region)


def test_a_region_grows_over_the_words_it_would_cut():
    """A footer in columns: each column is a cluster of its own, and its first line runs
    across them; the crops are joined into one, so no word is read in halves."""
    footer = []
    for col, x in enumerate((200, 700, 1200)):
        for row in range(4):
            footer.append((f"w{col}{row}", x, 2100 + 30 * row, 200, SMALL_H, 95.0))
    footer.append(("Holding", 380, 2100, 340, SMALL_H + 2, 95.0))  # from column 0 into 1
    found = regions(table(body() + footer), 1654, 2339)
    assert len(found) == 2
    left, right = sorted(found, key=lambda r: r.left)
    assert left.holds(380, 2100, 340, SMALL_H + 2) and left.right >= 900
    assert right.left >= 1100


def test_no_region_without_small_print_or_for_one_small_line():
    assert regions(table(body()), 1654, 2339) == []
    sender = [
        ("Retouradres:", 160, 200, 120, SMALL_H, 95.0),
        ("Postbus", 290, 200, 70, SMALL_H, 95.0),
        ("481", 370, 200, 30, SMALL_H, 95.0),
    ]
    assert regions(table(body() + sender), 1654, 2339) == []
    assert regions(table([]), 1654, 2339) == []


def crop_table(words: list[tuple[str, int, int, int, int, float]]) -> dict:
    """A table read on a crop at twice the size."""
    return table([(t, 2 * x, 2 * y, 2 * w, 2 * h, c) for t, x, y, w, h, c in words])


def texts(t: dict) -> list[str]:
    return [text for text, level in zip(t["text"], t["level"], strict=True) if level == 5 and text]


def test_merge_replaces_the_words_inside_and_keeps_a_word_the_crop_cut():
    region = Region(1100, 500, 1500, 700)
    first = table(
        [
            ("Geachte", 160, 300, 200, BODY_H, 95.0),
            ("KvK", 1200, 520, 60, SMALL_H, 90.0),
            ("dE", 1200, 542, 30, SMALL_H, 30.0),
            ("mevrouw", 1050, 600, 100, BODY_H, 90.0),
        ]
    )
    # on the crop: left/top are relative to the region, at twice the size
    again = crop_table(
        [
            ("KvK", 100, 20, 60, SMALL_H, 95.0),
            ("94885833", 100, 42, 90, SMALL_H, 93.0),
            ("uw", 0, 100, 50, BODY_H, 80.0),
        ]
    )
    merged = merge(first, again, region)
    assert texts(merged) == ["Geachte", "mevrouw", "KvK", "94885833"]
    i = merged["text"].index("94885833")
    assert (merged["left"][i], merged["top"][i], merged["width"][i], merged["height"][i]) == (
        1200,
        542,
        90,
        SMALL_H,
    )
    assert len({len(col) for col in merged.values()}) == 1  # every column a value per row
    # the crop's words are blocks of their own after the page's
    assert merged["block_num"][i] > max(first["block_num"])


def test_merge_drops_a_first_reading_of_the_same_print_that_sticks_out_of_the_region():
    """A ruled card's value read first as one tall word with the rule under it ("INGB",
    63 px high, reaching below the region), and read closer as the print it is: the tall
    word goes, or the line reads "NL32 INGB INGB 0612". A body word the region only cuts
    stays (no word of the crop stands inside it)."""
    region = Region(1100, 500, 1500, 700)
    first = table(
        [
            ("INGB", 1200, 660, 60, 63, 40.0),
            ("mevrouw", 1050, 600, 100, BODY_H, 90.0),
        ]
    )
    again = crop_table([("INGB", 100, 170, 60, SMALL_H, 95.0)])
    assert texts(merge(first, again, region)) == ["mevrouw", "INGB"]


def test_merge_keeps_the_first_reading_when_the_crop_reads_less():
    region = Region(1100, 500, 1500, 700)
    first = table(
        [("KvK", 1200, 520, 60, SMALL_H, 90.0), ("94885833", 1200, 542, 90, SMALL_H, 92.0)]
    )
    worse = crop_table([("KvK", 100, 20, 60, SMALL_H, 91.0), ("9488", 100, 42, 40, SMALL_H, 40.0)])
    assert merge(first, worse, region) is first
    assert merge(first, crop_table([]), region) is first


def test_a_failed_second_run_leaves_the_first_reading_and_no_page_files(
    tmp_path: Path, monkeypatch
):
    page = letter_with_side_column(2)
    file = pagefiles.write_page(page, 200)
    first = table(body() + column())

    def fails(*_args, **_kw):
        raise OcrError("Tesseract gaf een fout")

    monkeypatch.setattr(crops, "tsv_of_files", fails)
    try:
        before = set(pagefiles.own_folder().iterdir())
        assert small_print.read_closer([first], [file], "nld+eng", 60.0) == [first]
        assert set(pagefiles.own_folder().iterdir()) == before
    finally:
        file.unlink()


@pytest.mark.parametrize("seed", [0, 4])
def test_a_side_column_in_small_print_is_read_whole(seed: int, tesseract_available):
    """Pages on which Tesseract, reading the page as a whole, was unsure of the column and
    lost its KvK number (checked on the code before small_print)."""
    page = ocr_page(letter_with_side_column(seed), 200, "nld+eng")
    assert [h.value for h in find_kvk(page.text)] == ["94885833"], page.text
    assert [h.value for h in find_btw(page.text)] == ["NL989897424B01"]
    # the words are where the text says, in the page's pixels: the column is at x=1240
    kvk = next(w for w in page.words if "94885833" in w.text)
    assert 1200 < kvk.left < 1300 and kvk.height < 25
