"""A page read poorly after Tesseract's orientation detection is read the other way up:
OSD now and then takes a page turned a quarter for one turned three quarters (on the
check binders 2 pages of 3,850, each read as nonsense and all its values lost)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from ocr.engine import worker
from ocr.engine.preprocess import DEFAULT_SETTINGS
from ocr.engine.tesseract import DEFAULT_LANG, PAGE_TIMEOUT_S
from storage import PageText, Word
from tests.ocr.pagegen import card, save

CARD = ["Klantkaart Visser", "Dorpsstraat 12 Zwolle", "Telefoon 06-12345678", "Klant sinds 2015"]


def _read(path: Path) -> PageText:
    (page,) = worker.read_pages([(path, "image/png", 0, None)], DEFAULT_LANG, DEFAULT_SETTINGS,
                                PAGE_TIMEOUT_S)  # fmt: skip
    assert isinstance(page, PageText)
    return page


@pytest.mark.parametrize("turned", [0, 90])
def test_a_page_osd_took_for_the_other_way_up_is_read_upright(
    tmp_path: Path, tesseract_available, monkeypatch, turned: int
) -> None:
    scan = card(CARD, size=(1100, 700)).rotate(turned, expand=True, fillcolor=255)
    path = save(scan, tmp_path / "scan.png")
    # what OSD got wrong on those pages: the other way up (a stand-in for one function)
    monkeypatch.setattr(worker, "_orientation", lambda *a: (turned + 180) % 360)
    page = _read(path)
    assert page.orientation == turned and "Dorpsstraat" in page.text


@pytest.mark.parametrize("turned", [90, 270])
def test_a_page_on_its_side_where_osd_found_no_turn_is_read_upright(
    tmp_path: Path, tesseract_available, monkeypatch, turned: int
) -> None:
    """A card scanned on its side, OSD finding no turn: Tesseract reads it poorly, or in
    lines down the page (the fields are read from lines across it)."""
    scan = card(CARD, size=(1100, 700)).rotate(turned, expand=True, fillcolor=255)
    path = save(scan, tmp_path / "scan.png")
    monkeypatch.setattr(worker, "_orientation", lambda *a: 0)  # a stand-in for OSD
    page = _read(path)
    assert page.orientation == turned and "Dorpsstraat" in page.text


def _page(words: int, confidence: float) -> PageText:
    return PageText(
        "x", [Word("woord", 100, 40 * i, 120, 30, confidence) for i in range(words)], confidence
    )


def test_only_a_good_reading_the_other_way_up_counts() -> None:
    """Two pages of the check binders: a letter read upside down (94 words at 44) and read
    right (91 at 91); a poor scan of a card (40 words at 55) whose specks read upside down
    gave 6 words, read a little more surely."""
    settings = DEFAULT_SETTINGS
    assert worker._good_other_way_up(_page(94, 44.0), _page(91, 90.6), settings)
    assert not worker._good_other_way_up(_page(40, 54.8), _page(6, 57.6), settings)
    assert not worker._good_other_way_up(_page(40, 54.8), _page(38, 60.0), settings)


def _marked_looks(calls: list[int]):
    """A stand-in for the second looks that marks each table it is given with a word."""

    def look(tables: list[dict], *_args) -> list[dict]:
        calls.append(len(tables))
        marked = []
        for table in tables:
            table = {key: list(column) for key, column in table.items()}
            last = len(table["text"]) - 1
            for key, column in table.items():
                column.append("GEKEKEN" if key == "text" else column[last])
            marked.append(table)
        return marked

    return look


def test_the_second_looks_read_only_the_reading_that_stands(
    tmp_path: Path, tesseract_available, monkeypatch
) -> None:
    """A page scanned upside down reads poorly the first time: its second looks wait for
    the reading the right way up (they cost as much as a reading, for garbage)."""
    path = save(card(CARD, size=(1100, 700)).rotate(180, expand=True, fillcolor=255),
                tmp_path / "scan.png")  # fmt: skip
    calls: list[int] = []
    monkeypatch.setattr(worker, "_second_looks", _marked_looks(calls))
    monkeypatch.setattr(worker, "_orientation", lambda *a: 180)  # a stand-in for OSD
    page = _read(path)
    assert page.orientation == 180 and "Dorpsstraat" in page.text
    assert "GEKEKEN" in page.text and sum(calls) == 1


def test_a_poor_reading_that_stands_gets_its_second_looks(
    tmp_path: Path, tesseract_available, monkeypatch
) -> None:
    """No other way up reads better: the first reading stands, read again with them."""
    path = save(card(CARD, size=(1100, 700)), tmp_path / "scan.png")
    calls: list[int] = []
    monkeypatch.setattr(worker, "_second_looks", _marked_looks(calls))
    monkeypatch.setattr(worker, "_orientation", lambda *a: 0)
    strict = dataclasses.replace(DEFAULT_SETTINGS, min_confidence=101.0)  # every page poor
    (page,) = worker.read_pages([(path, "image/png", 0, None)], DEFAULT_LANG, strict,
                                PAGE_TIMEOUT_S)  # fmt: skip
    assert isinstance(page, PageText) and page.orientation == 0
    assert "Dorpsstraat" in page.text and "GEKEKEN" in page.text
