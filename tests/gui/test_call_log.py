"""The Gesprekken view in the real window over a real client file: today and earlier,
in/out/missed, the "terugbellen" mark, unknown numbers made a client or added to one, a
filter by client; the card and the view follow the call log live (a call note saved in the
banner), and an unknown caller never stands above the previous client's card."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt

from gui import call
from storage import ClientFile
from tests.gui.demo import add_calls


@pytest.fixture
def day(demo):
    """The demo file with a day of calls (today)."""
    ids = add_calls(demo.path, demo, date.today().isoformat())
    return demo, ids


def open_calls(qtbot, make_window, path):
    window = make_window(path)
    window.calls.show_calls()
    view = window.calls_view
    qtbot.waitUntil(lambda: len(view.rows()) >= 5, timeout=5000)
    return window, view


def row_index(view, call_id: int) -> int:
    """Where the call is in the list (its first place: a call to return is on top)."""
    return next(i for i, r in enumerate(view.rows()) if r.call.id == call_id)


def test_today_and_earlier_with_what_to_return_on_top(qtbot, make_window, day):
    demo, ids = day
    _window, view = open_calls(qtbot, make_window, demo.path)
    rows = view.rows()
    # the call to return comes first, whatever its day; then today, newest first
    assert rows[0].call.id == ids["yesterday"] and rows[0].callback and rows[0].call.missed
    today = [r.call.id for r in rows[1:] if r.day == date.today()]
    assert today[:4] == [ids["bakker_out"], ids["unknown"], ids["unknown_missed"], ids["boer_in"]]
    heads = [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]
    assert heads[0] == "Nog terugbellen (1)" and "Vandaag" in heads and "Gisteren" in heads
    unknown = next(r for r in rows if r.call.id == ids["unknown_missed"])
    assert unknown.name is None and unknown.kind == "missed" and unknown.origin == "mobiel"
    item_text = view.tree.topLevelItem(1).child(2).text(1)
    assert item_text.startswith("Onbekend: 06 12340000")
    assert [r.kind for r in rows if r.call.id == ids["bakker_out"]] == ["out"]


def test_filters_by_kind_text_and_client(qtbot, make_window, day):
    demo, ids = day
    window, view = open_calls(qtbot, make_window, demo.path)
    view.kind.setCurrentIndex(view.kind.findData("missed"))
    assert {r.call.id for r in view.rows()} == {ids["yesterday"], ids["unknown_missed"]}
    view.kind.setCurrentIndex(view.kind.findData("unknown"))
    assert {r.call.id for r in view.rows()} == {ids["unknown"], ids["unknown_missed"]}
    view.kind.setCurrentIndex(view.kind.findData("all"))
    qtbot.keyClicks(view.filter, "offerte")
    assert [r.call.id for r in view.rows()] == [ids["boer_in"]]
    view.filter.clear()
    qtbot.keyClicks(view.filter, "1234 0000")  # a number as written on a note
    assert {r.call.id for r in view.rows()} == {ids["unknown"], ids["unknown_missed"]}
    view.filter.clear()
    # from the card: "Alle gesprekken van deze klant"
    window.open_client(demo.bakker)
    window.card.notes.all_calls.linkActivated.emit("calls")
    qtbot.waitUntil(lambda: {r.call.client_id for r in view.rows()} == {demo.bakker})
    assert window.left_tabs.currentWidget() is view
    assert "Fleur Bakker" in view.client_label.text()
    view.client_clear.click()
    qtbot.waitUntil(lambda: len({r.call.client_id for r in view.rows()}) > 1)


def test_callback_mark_stays_until_done(qtbot, make_window, day):
    demo, ids = day
    window, view = open_calls(qtbot, make_window, demo.path)
    view.select(row_index(view, ids["unknown_missed"]))
    assert view.callback_button.text() == "Terugbellen ⚑"
    qtbot.mouseClick(view.callback_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.tree.topLevelItem(0).text(0) == "Nog terugbellen (2)")
    with ClientFile.open(demo.path) as cf:
        assert set(cf.callbacks()) == {ids["yesterday"], ids["unknown_missed"]}
    # still there in a window opened later
    window.close()
    _again, view = open_calls(qtbot, make_window, demo.path)
    marked = [r.call.id for r in view.rows() if r.callback]
    assert set(marked) == {ids["yesterday"], ids["unknown_missed"]}
    view.select(0)  # the longest waiting: yesterday's
    assert view.callback_button.text() == "Teruggebeld ✓"
    qtbot.mouseClick(view.callback_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.tree.topLevelItem(0).text(0) == "Nog terugbellen (1)")
    with ClientFile.open(demo.path) as cf:
        assert set(cf.callbacks()) == {ids["unknown_missed"]}


def test_unknown_number_becomes_a_new_client(qtbot, make_window, day):
    demo, ids = day
    window, view = open_calls(qtbot, make_window, demo.path)
    view.select(row_index(view, ids["unknown"]))
    # no client's card for an unknown number: its number and where it is from
    assert window.card_stack.currentWidget() is window.unknown_panel
    assert "06 12340000" in window.unknown_panel.text()
    assert view.new_button.isEnabled() and view.attach_button.isEnabled()
    with qtbot.waitSignal(view.clients_changed, timeout=5000) as made:
        view.new_client("Karin Smit")
    client_id = made.args[0]
    qtbot.waitUntil(lambda: window.card.client is not None and window.card.client.id == client_id)
    assert window.card_stack.currentWidget() is window.card
    assert window.card.client.numbers == ["+31612340000"]
    # both calls from that number are hers now, the missed one too
    with ClientFile.open(demo.path) as cf:
        assert {c.id for c in cf.calls(client_id)} == {ids["unknown"], ids["unknown_missed"]}
    qtbot.waitUntil(
        lambda: all(r.name == "Karin Smit" for r in view.rows() if r.call.number == "+31612340000")
    )


def test_unknown_number_added_to_a_client(qtbot, make_window, day):
    demo, ids = day
    _window, view = open_calls(qtbot, make_window, demo.path)
    view.select(row_index(view, ids["unknown_missed"]))
    with qtbot.waitSignal(view.clients_changed, timeout=5000):
        view.attach_to_client(demo.bakker)
    with ClientFile.open(demo.path) as cf:
        assert "+31612340000" in cf.client(demo.bakker).numbers
        assert {c.id for c in cf.calls(demo.bakker)} >= {ids["unknown"], ids["unknown_missed"]}


def test_note_and_dial_from_the_view(qtbot, make_window, day):
    demo, ids = day
    _window, view = open_calls(qtbot, make_window, demo.path)
    dialled = []
    view.dial = lambda number, client_id, data: dialled.append((number, client_id)) or 1
    view.select(row_index(view, ids["unknown"]))
    qtbot.mouseClick(view.dial_button, Qt.MouseButton.LeftButton)
    assert dialled == [("+31612340000", None)]
    view.note.setFocus()
    qtbot.keyClicks(view.note, "Belt terug over de kozijnen")
    qtbot.keyClick(view.note, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: any(r.call.note == "Belt terug over de kozijnen" for r in view.rows()), timeout=5000
    )


@pytest.fixture
def with_calls(qtbot, make_window, demo, tmp_path):
    """(window, controller) with the call controller installed as gui/app.py does."""
    window = make_window(demo.path, show=False)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    controller = call.install(window, window.data, settings)
    window.show()
    qtbot.waitExposed(window)
    return window, controller


def ring(qtbot, controller, number: str):
    replies: list[dict] = []
    banner = controller.show_call(number, replies.append)
    qtbot.waitUntil(lambda: bool(replies), timeout=3000)
    qtbot.waitUntil(lambda: banner.note.isEnabled(), timeout=3000)
    return banner


def test_call_note_from_the_banner_shows_on_the_card_at_once(qtbot, with_calls, demo):
    window, controller = with_calls
    banner = ring(qtbot, controller, "020-1234567")
    qtbot.waitUntil(lambda: window.open_card_client() is not None)
    assert window.card.client.id == demo.boer
    banner.note.setFocus()
    qtbot.keyClicks(banner.note, "Wil maandag een monteur")
    qtbot.keyClick(banner.note, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: "Wil maandag een monteur" in window.card.notes.calls.item(0).text(), timeout=5000
    )
    # the Gesprekken view has it too, without reopening anything
    window.calls.show_calls()
    qtbot.waitUntil(
        lambda: any(r.call.note == "Wil maandag een monteur" for r in window.calls_view.rows())
    )


def test_unknown_caller_hides_the_previous_card(qtbot, with_calls, demo):
    window, controller = with_calls
    window.open_client(demo.boer)
    assert window.card.isVisible()
    ring(qtbot, controller, "0612340000")
    qtbot.waitUntil(lambda: window.card_stack.currentWidget() is window.unknown_panel)
    assert not window.card.isVisible()
    assert "Onbekend nummer" in window.unknown_panel.text()
    assert "06 12340000" in window.unknown_panel.text()
    assert "Sjóerd" not in window.unknown_panel.text()
    # the call is in Gesprekken at once, as an unknown number
    window.calls.show_calls()
    qtbot.waitUntil(
        lambda: any(
            r.call.number == "+31612340000" and r.name is None for r in window.calls_view.rows()
        )
    )
    # a known caller after it: the card is back, theirs
    ring(qtbot, controller, "030-2345678")
    qtbot.waitUntil(lambda: window.open_card_client() is not None)
    assert window.card.client.id == demo.bakker


def test_the_view_follows_a_controller_installed_after_the_window_showed(
    qtbot, make_window, demo, tmp_path
):
    """The window is already on screen when the call controller arrives: the Gesprekken
    view and the unknown-caller panel follow it all the same."""
    window = make_window(demo.path)  # shown
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    controller = call.install(window, window.data, settings)
    window.open_client(demo.boer)
    ring(qtbot, controller, "0612340000")
    qtbot.waitUntil(lambda: window.card_stack.currentWidget() is window.unknown_panel,
                    timeout=3000)  # fmt: skip
    assert "06 12340000" in window.unknown_panel.text()
