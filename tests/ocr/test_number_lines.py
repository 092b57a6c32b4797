"""Phone and KvK numbers are read again, enlarged: a number misread in the first reading
is replaced only when the second and third readings agree on another number."""

from __future__ import annotations

import pytest

from ocr.engine import crops, number_lines, pagefiles
from ocr.errors import OcrError
from tests.ocr.pagegen import card
from tests.ocr.test_iban_lines import line_texts, table_of

LINES = ["Klantkaart", "Naam: Petra de Wit", "Tel: 06-12345678", "KvK: 12345678"]


@pytest.fixture
def page_file():
    file = pagefiles.write_page(card(LINES, size=(1100, 320)), 200)
    yield file
    file.unlink(missing_ok=True)


@pytest.fixture
def runs(monkeypatch):
    """The Tesseract runs of the crops (each a list of files), run for real."""
    seen: list[list] = []
    real = crops.tsv_of_files

    def counted(files, *args, **kw):
        seen.append(list(files))
        return real(files, *args, **kw)

    monkeypatch.setattr(crops, "tsv_of_files", counted)
    return seen


def test_numbers_in_a_line_are_phones_and_kvk_numbers_with_their_spans() -> None:
    text = "Tel: 06-12345678 KvK Utrecht 87654321 Datum 12-03-2024"
    found = number_lines.numbers(text)
    assert sorted((text[a:b], value, kvk) for a, b, value, kvk in found) == [
        ("06-12345678", "+31612345678", False),
        ("87654321", "87654321", True),
    ]
    assert number_lines.numbers("Factuur 2024-0118 € 1.234,00") == []
    # alone on its line: a KvK number whose label Tesseract read in another column
    assert number_lines.numbers(" 72397667 |") == [(1, 9, "72397667", True)]
    assert number_lines.numbers("Factuur 72397667") == []


@pytest.mark.parametrize(
    ("word", "misread", "line"),
    [("06-12345678", "06-12345676", 2), ("12345678", "12845678", 3)],
)
def test_a_misread_number_is_replaced_when_two_closer_readings_agree(
    page_file, runs, tesseract_available, word, misread, line
):
    first = table_of(LINES, {word: misread})
    assert misread in line_texts(first)[line]
    (again,) = number_lines.read_again([first], [page_file], "nld+eng", 60.0)
    assert line_texts(again) == LINES  # the label and the other lines as first read
    assert len(runs) == 2  # twice the size for every number; three times for the one
    assert [len(files) for files in runs] == [2, 1]
    assert len({len(column) for column in again.values()}) == 1


def test_numbers_read_the_same_closer_keep_their_first_reading(
    page_file, runs, tesseract_available
):
    first = table_of(LINES, {})
    assert number_lines.read_again([first], [page_file], "nld+eng", 60.0) == [first]
    assert len(runs) == 1  # no third look


def test_a_number_the_two_closer_readings_disagree_on_keeps_its_first_reading(
    page_file, monkeypatch
):
    first = table_of(LINES, {"06-12345678": "06-12345676"})
    by_size = {
        2: {"+31612345670": []},  # the second look reads a third number
        3: {"+31612345678": []},
    }

    def read(found, _files, scale, _lang, _timeout):
        return [dict(by_size[scale]) for _ in found]

    monkeypatch.setattr(number_lines, "_read", read)
    assert number_lines.read_again([first], [page_file], "nld+eng", 60.0) == [first]


def test_a_number_beside_it_that_both_crops_caught_replaces_nothing(page_file, monkeypatch):
    """Both closer readings agree on a number that stands beside the first one's words
    (a second phone number on the line): that is not the first number read again."""
    first = table_of(LINES, {"06-12345678": "06-12345676"})
    beside = [{"left": 900, "width": 150, "top": 150, "height": 30, "text": "06-87654321"}]
    monkeypatch.setattr(
        number_lines, "_read", lambda found, *_a: [{"+31687654321": beside} for _ in found]
    )
    assert number_lines.read_again([first], [page_file], "nld+eng", 60.0) == [first]


def test_a_failed_run_leaves_the_first_reading_and_no_page_files(page_file, monkeypatch):
    def fails(*_args, **_kw):
        raise OcrError("Tesseract gaf een fout")

    monkeypatch.setattr(crops, "tsv_of_files", fails)
    first = table_of(LINES, {"06-12345678": "06-12345676"})
    before = set(pagefiles.own_folder().iterdir())
    assert number_lines.read_again([first], [page_file], "nld+eng", 60.0) == [first]
    assert set(pagefiles.own_folder().iterdir()) == before


def test_pages_without_numbers_are_not_read_again(page_file, runs):
    first = table_of(["Klantkaart", "Naam: Petra de Wit"], {})
    assert number_lines.read_again([first], [page_file], "nld+eng", 60.0) == [first]
    assert runs == []
