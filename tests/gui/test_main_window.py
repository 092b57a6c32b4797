"""The main window, real Qt on the offscreen platform, over a real client file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from gui.search.model import Role
from storage import Address, ClientFile, PageText, Phone


def seed(path: Path) -> None:
    with ClientFile.open(path) as cf, cf.transaction():
        client_id = cf.create_client(
            name="Sjóerd de Boer",
            company="De Boer Installatie B.V.",
            phones=[Phone("+31201234567", "(020) 1234567", "landline")],
            addresses=[Address("Kerkstraat", "7", "1017 GC", "Amsterdam")],
        )
        cf.add_document(
            client_id=client_id,
            name="brief.png",
            sha256="b" * 64,
            mime="image/png",
            pages=[PageText("Offerte dakkapel met velux")],
        )
        cf.create_client(name="Fleur Bakker", addresses=[Address(city="Utrecht")])


def test_empty_file_explains_what_to_do(make_window, db_path):
    window = make_window(db_path)
    assert window.stack.currentWidget() is window.empty_state
    assert "importeren" in window.empty_state.text().lower()
    assert "0 klanten" in window.file_label.text()


def test_typing_finds_client_and_shows_card(make_window, db_path, qtbot):
    seed(db_path)
    window = make_window(db_path)
    assert window.search_field.hasFocus()
    qtbot.waitUntil(lambda: window.results.count() == 2)
    qtbot.keyClicks(window.search_field, "sjoerd")  # without the accent
    qtbot.waitUntil(lambda: window.results.count() == 1)
    assert window.results.text(0).startswith("Sjóerd de Boer")
    assert "020 123 4567" in window.results.text(0)
    qtbot.waitUntil(lambda: window.card.fields["address.street"].text() == "Kerkstraat")
    assert window.card.phones.values == ["+31201234567"]

    window.search_field.clear()
    qtbot.keyClicks(window.search_field, "velux")
    qtbot.waitUntil(
        lambda: (
            window.results.count() == 1
            and ("velux", True) in window.results.model().index(0, 0).data(Role.Snippet)
        )
    )
    assert "[" not in window.results.text(0)  # brackets become highlighting


def test_phone_in_any_form_finds_client(make_window, db_path, qtbot):
    seed(db_path)
    window = make_window(db_path)
    for typed in ("020-123 4567", "+31 20 1234567", "0031201234567"):
        window.search_field.clear()
        qtbot.keyClicks(window.search_field, typed)
        qtbot.waitUntil(
            lambda: window.results.count() >= 1 and window.results.text(0).startswith("Sjóerd")
        )


def test_escape_returns_to_search(make_window, db_path, qtbot):
    seed(db_path)
    window = make_window(db_path)
    window.results.setFocus()
    qtbot.keyClick(window.results, Qt.Key.Key_Escape)
    assert window.search_field.hasFocus()


def test_arrow_keys_and_enter_open_a_client(make_window, db_path, qtbot):
    seed(db_path)
    window = make_window(db_path)
    qtbot.waitUntil(lambda: window.results.count() == 2)
    assert window.results.text(0).startswith("Fleur Bakker")  # by name when nothing is typed
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert window.search_field.hasFocus()  # arrows move through results from the field
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.card.client is not None)
    assert window.card.client.name == "Sjóerd de Boer"
    assert window.results.hasFocus()
    qtbot.keyClick(window.results, Qt.Key.Key_Up)
    qtbot.keyClick(window.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.card.client.name == "Fleur Bakker")
    for key in (Qt.Key.Key_F, Qt.Key.Key_L):
        window.results.setFocus()
        qtbot.keyClick(window.results, key, Qt.KeyboardModifier.ControlModifier)
        assert window.search_field.hasFocus()


def test_stale_answers_are_dropped(make_window, db_path, qtbot):
    seed(db_path)
    window = make_window(db_path)
    qtbot.keyClicks(window.search_field, "fleur")  # five keys, one answer shown last
    window.search_field.clear()
    qtbot.keyClicks(window.search_field, "kerkstraat 7")
    qtbot.waitUntil(lambda: window._shown_query == "kerkstraat 7" and not window._in_flight)
    assert window.results.count() == 1 and window.results.text(0).startswith("Sjóerd")


def test_nothing_found_says_so(make_window, db_path, qtbot):
    seed(db_path)
    window = make_window(db_path)
    qtbot.keyClicks(window.search_field, "xyzzy")
    qtbot.waitUntil(lambda: "Niets gevonden" in window.results_info.text())
    assert window.results.count() == 0


def test_menus_and_drop_for_the_wizard(make_window, db_path, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = make_window(db_path)
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    assert window.scan_action.text().replace("&", "") == "Scannen…"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.files_dropped) as dropped:
        window.dropEvent(event)
    assert dropped.args == [[str(tmp_path)]]


def test_window_remembers_size_splitter_and_last_search(make_window, db_path, qtbot):
    seed(db_path)
    window = make_window(db_path)
    window.resize(760, 560)  # the offscreen screen is 800×600: restore clamps to it
    window.splitter.setSizes([300, 700])
    qtbot.keyClicks(window.search_field, "velux")
    window.close()

    again = make_window(db_path)
    assert again.search_field.text() == "velux"
    assert again.size().width() == 760
    assert abs(again.splitter.sizes()[0] - 300) <= 5
    qtbot.waitUntil(lambda: again.results.count() == 1)


def test_status_bar_names_the_file_and_counts_in_dutch(make_window, tmp_path, qtbot):
    from tests.gui.demo import make_demo

    demo = make_demo(tmp_path / "kantoor.sqlite", extra_clients=1200)
    window = make_window(demo.path)
    assert window.file_label.text() == "kantoor.sqlite — 1.202 klanten"


def test_works_at_1366_by_768(make_window, demo, qtbot):
    window = make_window(demo.path)
    window.resize(1366, 768)
    window.open_client(demo.boer)
    qtbot.waitUntil(lambda: window.width() == 1366)
    assert window.minimumSizeHint().width() <= 1366
    assert window.minimumSizeHint().height() <= 768
    card = window.card
    # the caller's numbers are on screen without scrolling
    link = card.phones.rows.itemAt(0).widget()
    top = link.mapTo(card.widget(), link.rect().bottomLeft()).y()
    assert top < card.viewport().height()


def test_a_preview_queued_before_an_erase_opens_nobody(make_window, db_path, qtbot):
    """An erase (here or from `main.py forget`) clears the search and the card; a preview
    the last answer had queued must not then open the first client of the new list."""
    seed(db_path)
    window = make_window(db_path)
    qtbot.keyClicks(window.search_field, "boer")
    qtbot.waitUntil(lambda: window.results.count() == 1)
    window.open_client(window.results.current_client_id())
    erased = window.card.client.id
    window._preview.start()  # as the answer to a just-typed query does
    window.client_erased(erased)
    qtbot.waitUntil(lambda: window.results.count() == 2 and window.search_field.text() == "")
    qtbot.wait(window._preview.interval() + 100)
    assert window.card.client is None
