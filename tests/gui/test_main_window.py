"""The main window, real Qt on the offscreen platform, over a real client file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.data import ClientData
from gui.main_window import MainWindow
from storage import Address, ClientFile, PageText, Phone


@pytest.fixture
def make_window(qtbot):
    def make(path: Path) -> MainWindow:
        data = ClientData(path)
        window = MainWindow(data)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


def seed(path: Path) -> None:
    with ClientFile.open(path) as cf, cf.transaction() as conn:
        client_id = cf.create_client(
            conn,
            name="Sjóerd de Boer",
            company="De Boer Installatie B.V.",
            phones=[Phone("+31201234567", "(020) 1234567", "landline")],
            addresses=[Address("Kerkstraat", "7", "1017 GC", "Amsterdam")],
        )
        cf.add_document(
            conn,
            client_id=client_id,
            name="brief.png",
            sha256="b" * 64,
            mime="image/png",
            pages=[PageText("Offerte dakkapel met velux")],
        )
        cf.create_client(conn, name="Fleur Bakker", addresses=[Address(city="Utrecht")])


def test_empty_file_explains_what_to_do(make_window, db_path):
    window = make_window(db_path)
    assert window.stack.currentWidget() is window.empty_state
    assert "importeren" in window.empty_state.text().lower()
    assert "0 klant" in window.statusBar().currentMessage()


def test_typing_finds_client_and_shows_card(make_window, db_path, qtbot):
    seed(db_path)
    window = make_window(db_path)
    assert window.search_field.hasFocus()
    qtbot.waitUntil(lambda: window.results.count() == 2)
    qtbot.keyClicks(window.search_field, "sjoerd")  # without the accent
    qtbot.waitUntil(lambda: window.results.count() == 1)
    assert window.results.item(0).text().startswith("Sjóerd de Boer")
    qtbot.waitUntil(lambda: "Kerkstraat" in window.card.toPlainText())
    assert "+31201234567" in window.card.toPlainText()

    window.search_field.clear()
    qtbot.keyClicks(window.search_field, "velux")
    qtbot.waitUntil(
        lambda: window.results.count() == 1 and "[velux]" in window.results.item(0).text()
    )


def test_phone_in_any_form_finds_client(make_window, db_path, qtbot):
    seed(db_path)
    window = make_window(db_path)
    qtbot.keyClicks(window.search_field, "020-123 4567")
    qtbot.waitUntil(
        lambda: window.results.count() >= 1 and window.results.item(0).text().startswith("Sjóerd")
    )


def test_escape_returns_to_search(make_window, db_path, qtbot):
    seed(db_path)
    window = make_window(db_path)
    window.results.setFocus()
    qtbot.keyClick(window.results, Qt.Key.Key_Escape)
    assert window.search_field.hasFocus()
