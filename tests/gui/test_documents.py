"""Documents on the card: thumbnails off the GUI thread, the page viewer with the search
words highlighted, a missing original, and a 2,000-page document."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.documents import images
from gui.documents import viewer as viewer_module
from storage import ClientFile, PageText
from tests.gui.conftest import on_threads, search
from tests.gui.demo import make_demo


def test_thumbnail_and_viewer_highlight_search_words(qtbot, make_window, demo):
    window = make_window(demo.path)
    search(qtbot, window, "velux")
    qtbot.waitUntil(lambda: window.card.client is not None, timeout=15000)
    strip = window.card.documents.strip
    qtbot.waitUntil(lambda: strip.thumbs.is_loaded(0), timeout=15000)

    window.card.documents.strip.page_opened.emit(0)
    viewer = window._viewers[-1]
    qtbot.waitUntil(lambda: viewer.highlight_count == 1, timeout=15000)
    assert viewer.page_label.text() == "Pagina 1 van 1"
    before = viewer.view.transform().m11()
    qtbot.keyClick(viewer, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.view.transform().m11() > before
    viewer.rotate(90)
    assert viewer.rotation == 90
    viewer.close()


def test_page_flipping_in_a_long_document(qtbot, make_window, tmp_path):
    demo = make_demo(tmp_path / "lang.sqlite", pages=2000)
    window = make_window(demo.path)
    search(qtbot, window, "velux")
    qtbot.waitUntil(lambda: window.card.client is not None, timeout=15000)
    strip = window.card.documents.strip
    assert strip.model().rowCount() == 2000
    qtbot.waitUntil(lambda: strip.thumbs.is_loaded(0), timeout=15000)
    # virtualised: only the thumbnails on screen were asked for, not 2,000
    asked = len(strip.thumbs._pixmaps) + len(strip.thumbs._pending)
    assert 0 < asked < 40

    viewer = window.open_page(window.card.client.documents[0], 1997)
    qtbot.waitUntil(lambda: viewer.highlight_count == 1, timeout=15000)
    qtbot.keyClick(viewer.view, Qt.Key.Key_PageDown)
    assert viewer.page == 1998
    qtbot.keyClick(viewer.view, Qt.Key.Key_PageDown)
    qtbot.keyClick(viewer.view, Qt.Key.Key_PageDown)  # past the end: stays
    assert viewer.page == 1999 and "2000 van 2000" in viewer.page_label.text()
    qtbot.keyClick(viewer.view, Qt.Key.Key_PageUp)
    assert viewer.page == 1998
    viewer.close()


def test_missing_original_says_so(qtbot, make_window, demo):
    # the demo scan is the same in every test: forget what earlier tests cached of it
    images.THUMBNAILS.clear()
    viewer_module._PAGES.clear()
    with ClientFile.open(demo.path) as cf:
        sha = cf.client(demo.boer).documents[0].sha256
        cf.original_path(sha).unlink()
        with cf.transaction():
            cf.add_document(
                client_id=demo.bakker,
                name="zoek.png",
                sha256="c" * 64,
                mime="image/png",
                pages=[PageText("weg")],
            )
    window = make_window(demo.path)
    window.open_client(demo.boer)
    panel = window.card.documents
    assert panel.message.isVisible() and "ontbreekt" in panel.message.text()
    opened = []
    panel.open_url = opened.append
    panel.open_original()
    assert opened == [] and "ontbreekt" in panel.message.text()
    qtbot.waitUntil(lambda: panel.strip.thumbs.error(0) is not None, timeout=15000)

    viewer = window.open_page(window.card.client.documents[0], 0)
    qtbot.waitUntil(lambda: viewer.message.isVisible(), timeout=15000)
    assert "ontbreekt" in viewer.message.text()
    viewer.close()


def test_page_turns_are_read_off_the_gui_thread(qtbot, make_window, demo, monkeypatch):
    window = make_window(demo.path)
    on_gui = on_threads(monkeypatch, window.data, "page_orientations")
    window.open_client(demo.boer)
    strip = window.card.documents.strip
    assert strip.model().rowCount() == 1
    qtbot.waitUntil(lambda: strip.thumbs.is_loaded(0), timeout=15000)
    assert on_gui == [False]
