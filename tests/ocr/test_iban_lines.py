"""A line whose Dutch IBAN fails its check is read again, alone and three times the size,
and the second reading is taken only when it passes the check with the same bank."""

from __future__ import annotations

import pytest

from ocr.engine import crops, iban_lines, pagefiles
from ocr.engine.tesseract import TSV_INT_COLUMNS, parse_tsv
from ocr.errors import OcrError
from ocr.extract.bank import unread_dutch_iban
from tests.ocr.pagegen import card, word_box

IBAN = "NL91 ABNA 0417 1643 00"  # passes mod 97
MISREAD = "NL91 ABNA 0417 1648 00"  # one digit misread: fails it
LINES = ["Klantkaart", "Naam: Petra de Wit", f"IBAN: {IBAN}", "Plaats: Utrecht"]


@pytest.mark.parametrize(
    ("text", "bank"),
    [
        (f"IBAN: {MISREAD}", "ABNA"),
        ("Rek. NL12 RABO 0123 4567 8", "RABO"),  # a digit lost
        ("NL9IABNA04I7I64800", "ABNA"),  # glued, with letters for digits
        (f"IBAN: {IBAN}", None),  # read: passes
        ("NL9IABNAO4I7I64300", None),  # a reading of it passes after repair
        ("KvK 12345678 Btw NL123456789B01", None),
        ("NL12 XXXX 0123 4567 89", None),  # no Dutch bank's code
        ("NL12 RABO Utrecht centrum", None),  # no account
    ],
)
def test_an_unread_dutch_iban_is_one_printed_whose_readings_all_fail(text, bank):
    assert unread_dutch_iban(text) == bank


def table_of(lines: list[str], read: dict[str, str]) -> dict:
    """Tesseract's table of a card() page, word by word where card() drew it, line by
    line; read maps a word to what the first reading made of it."""
    header = "\t".join((*TSV_INT_COLUMNS, "conf", "text"))
    rows = []
    for n, line in enumerate(lines):
        for k, word in enumerate(line.split()):
            box = "\t".join(map(str, word_box(lines, n, word)))
            text = read.get(word, word)
            rows.append(f"5\t1\t1\t1\t{n + 1}\t{k + 1}\t{box}\t91\t{text}")
    return parse_tsv("\n".join([header, *rows]))


def line_texts(table: dict) -> list[str]:
    lines: dict[tuple, list[str]] = {}
    for i, text in enumerate(table["text"]):
        if table["level"][i] == 5 and text:
            key = (table["block_num"][i], table["par_num"][i], table["line_num"][i])
            lines.setdefault(key, []).append(text)
    return [" ".join(words) for words in lines.values()]


@pytest.fixture
def page_file():
    file = pagefiles.write_page(card(LINES, size=(1100, 320)), 200)
    yield file
    file.unlink(missing_ok=True)


def test_the_failing_line_is_replaced_by_a_reading_that_passes(page_file, tesseract_available):
    first = table_of(LINES, {"1643": "1648"})
    assert "IBAN: " + MISREAD in line_texts(first)
    (again,) = iban_lines.read_again([first], [page_file], "nld+eng", 60.0)
    # the number's words in their place on their line, the other lines as first read
    assert line_texts(again) == [
        "Klantkaart",
        "Naam: Petra de Wit",
        "IBAN: NL91 ABNA 0417 1643 00",
        "Plaats: Utrecht",
    ]
    i = next(k for k, t in enumerate(again["text"]) if "ABNA" in t)
    left, top, _, _ = word_box(LINES, 2, "ABNA")
    assert abs(again["left"][i] - left) <= 6 and abs(again["top"][i] - top) <= 6
    assert len({len(column) for column in again.values()}) == 1


def test_only_the_numbers_words_change_on_its_line(tesseract_available):
    """What else the line holds stays as first read: the crop at three times the size
    catches bits of rules and of the lines above and below."""
    printed = ["Klantkaart", f"KvK 12345678 IBAN {IBAN}"]
    file = pagefiles.write_page(card(printed, size=(1300, 200)), 200)
    try:
        first = table_of(printed, {"12345678": "1234S678", "1643": "1648"})
        (again,) = iban_lines.read_again([first], [file], "nld+eng", 60.0)
    finally:
        file.unlink()
    assert line_texts(again)[1] == "KvK 1234S678 IBAN NL91 ABNA 0417 1643 00"


def test_a_number_that_fails_on_paper_too_keeps_its_first_reading(tesseract_available):
    printed = ["Klantkaart", f"IBAN: {MISREAD}"]
    file = pagefiles.write_page(card(printed, size=(1100, 200)), 200)
    try:
        first = table_of(printed, {})
        assert iban_lines.read_again([first], [file], "nld+eng", 60.0) == [first]
    finally:
        file.unlink()


def test_pages_without_a_failing_iban_are_not_read_again(page_file, monkeypatch):
    runs = []

    def counted(files, *_args, **_kw):
        runs.append(files)
        return [{} for _ in files]  # read nothing

    monkeypatch.setattr(crops, "tsv_of_files", counted)
    first = table_of(LINES, {})
    assert iban_lines.read_again([first], [page_file], "nld+eng", 60.0) == [first]
    assert runs == []
    failing = table_of(LINES, {"1643": "1648"})
    iban_lines.read_again([failing], [page_file], "nld+eng", 60.0)
    assert len(runs) == 1 and len(runs[0]) == 1  # the one line, in one run


def test_a_failed_second_run_leaves_the_first_reading_and_no_page_files(page_file, monkeypatch):
    def fails(*_args, **_kw):
        raise OcrError("Tesseract gaf een fout")

    monkeypatch.setattr(crops, "tsv_of_files", fails)
    first = table_of(LINES, {"1643": "1648"})
    before = set(pagefiles.own_folder().iterdir())
    assert iban_lines.read_again([first], [page_file], "nld+eng", 60.0) == [first]
    assert set(pagefiles.own_folder().iterdir()) == before
