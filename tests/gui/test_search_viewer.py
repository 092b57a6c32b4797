"""Search and the page viewer, typed into the real window: places by their other names,
numbers as typed, Dutch alphabetical order, and the viewer's marks following the search
(a postcode without its space, a phone number in another notation)."""

from __future__ import annotations

import pytest

from gui.documents.viewer import matching_words
from storage import Address, ClientFile, PageText, Phone, Word
from tests.gui.conftest import search


@pytest.fixture
def places(tmp_path):
    path = tmp_path / "klanten.sqlite"
    with ClientFile.open(path) as cf, cf.transaction():
        cf.create_client(name="Thijs Verhoeven", addresses=[Address(city="'s-Hertogenbosch")])
        cf.create_client(name="Élodie Martens", addresses=[Address(city="Den Haag")])
        cf.create_client(name="Anna de Wit", phones=[Phone("+31622334455")])
        cf.create_client(name="Bram Kok", phones=[Phone("+31612342255")])
        cf.create_client(
            name="Zoë Laan",
            phones=[Phone("+31698765432")],
            addresses=[Address("Laan", "22", "2211 AA", "Leiden")],
        )
    return path


def names(window) -> list[str]:
    return [window.results.text(i).split("\n")[0] for i in range(window.results.count())]


def test_places_by_their_other_names(qtbot, make_window, places):
    window = make_window(places)
    search(qtbot, window, "den bosch")
    assert names(window) == ["Thijs Verhoeven"]
    assert "Hertogenbosch" in window.results.text(0)
    search(qtbot, window, "s-gravenhage")
    assert names(window) == ["Élodie Martens"]
    search(qtbot, window, "den haag")
    assert names(window) == ["Élodie Martens"]


def test_a_number_typed_finds_only_that_number(qtbot, make_window, places):
    window = make_window(places)
    search(qtbot, window, "06-22")
    assert names(window) == ["Anna de Wit"]
    search(qtbot, window, "06 22 33")
    assert names(window) == ["Anna de Wit"]


def test_all_clients_in_dutch_order(qtbot, make_window, places):
    window = make_window(places)
    search(qtbot, window, "")
    assert names(window) == [
        "Anna de Wit",
        "Bram Kok",
        "Élodie Martens",
        "Thijs Verhoeven",
        "Zoë Laan",
    ]


def page_of(lines: list[str]) -> PageText:
    words, y = [], 10
    for line in lines:
        x = 10
        for text in line.split():
            words.append(Word(text, x, y, 10 * len(text), 20, 90.0))
            x += 10 * len(text) + 10
        y += 40
    return PageText("\n".join(lines), words, 90.0, 0, 800, 1000)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("9754zp", ["9754", "ZP"]),  # the postcode typed without its space
        ("9754 zp", ["9754", "ZP"]),
        ("0612345678", ["06-12", "34", "56", "78"]),  # a number printed in groups
        ("+31 6 1234", ["06-12", "34"]),
        ("0201234567", ["020-1234567"]),
        ("06-22", []),  # only as that number: not every word starting with 06 or 22
        ("groningen", ["Groningen"]),
        ("kozijn", ["kozijnen"]),
    ],
)
def test_viewer_marks(query: str, expected: list[str]):
    page = page_of(
        [
            "Kerkstraat 22",
            "9754 ZP Groningen",
            "Mobiel: 06-12 34 56 78",
            "Vast: 020-1234567 of 06 22",
            "Offerte kozijnen 2206",
        ]
    )
    found = [w.text for w in matching_words(page, query)]
    if query == "06-22":
        assert found == ["06", "22"]  # "06 22" on the page is that number
    else:
        assert found == expected


def test_viewer_follows_the_latest_search(qtbot, make_window, demo):
    window = make_window(demo.path)
    search(qtbot, window, "velux")
    window.open_client(demo.boer)
    viewer = window.open_page(window.card.client.documents[0], 0)
    qtbot.waitUntil(lambda: viewer.highlight_count == 1, timeout=5000)
    search(qtbot, window, "1017gc")  # the postcode on the card, typed without its space
    qtbot.waitUntil(lambda: viewer.highlight_count == 2)
    search(qtbot, window, "0201234567")  # printed as 020-1234567
    qtbot.waitUntil(lambda: viewer.highlight_count == 1)
    search(qtbot, window, "zonnepanelen")  # not on this page: no old marks stay
    qtbot.waitUntil(lambda: viewer.highlight_count == 0)
    search(qtbot, window, "")
    assert viewer.highlight_count == 0
