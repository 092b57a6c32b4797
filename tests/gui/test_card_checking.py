"""Values read from paper and not yet checked: the card marks them, a value typed or
confirmed (Enter) on the card is accepted, and Ctrl+Shift+A accepts the rest."""

from __future__ import annotations

from PySide6.QtCore import Qt

from storage import ClientFile


def accepted(demo, client_id: int) -> dict[str, bool]:
    with ClientFile.open(demo.path) as cf:
        return {f.field: f.accepted for f in cf.fields(client_id)}


def open_boer(qtbot, make_window, demo):
    window = make_window(demo.path)
    window.open_client(demo.boer)
    return window, window.card


def test_unchecked_fields_are_marked(qtbot, make_window, demo):
    _window, card = open_boer(qtbot, make_window, demo)
    marked = {k for k, edit in card.fields.items() if edit.property("unchecked")}
    assert marked == {"name", "company", "address.street", "address.postcode", "iban"}
    assert not card.fields["kvk"].property("unchecked")  # typed, not read
    assert card.check_bar.isVisible() and card.check_bar.count == 6  # the phone too
    assert "6 gegevens" in card.check_bar.label.text()
    assert "nog niet gecontroleerd" in card.fields["iban"].toolTip()


def test_a_value_typed_on_the_card_is_checked(qtbot, make_window, demo):
    _window, card = open_boer(qtbot, make_window, demo)
    edit = card.fields["address.street"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Kerkplein")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: accepted(demo, demo.boer)["street"], timeout=5000)
    assert not edit.property("unchecked")
    assert not accepted(demo, demo.boer)["iban"]  # only what was typed
    assert card.check_bar.count == 5


def test_enter_on_a_value_confirms_it(qtbot, make_window, demo):
    _window, card = open_boer(qtbot, make_window, demo)
    edit = card.fields["address.postcode"]
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # unchanged: "this is right"
    qtbot.waitUntil(lambda: accepted(demo, demo.boer)["postcode"], timeout=5000)
    assert not edit.property("unchecked")
    assert not accepted(demo, demo.boer)["company"]


def test_one_key_accepts_them_all(qtbot, make_window, demo):
    window, card = open_boer(qtbot, make_window, demo)
    assert window.accept_action.shortcut().toString() == "Ctrl+Shift+A"
    window.search_field.setFocus()
    qtbot.keyClick(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: all(accepted(demo, demo.boer).values()), timeout=5000)
    assert not card.check_bar.isVisible()
    assert not any(edit.property("unchecked") for edit in card.fields.values())
    window.open_client(demo.bakker)
    window.open_client(demo.boer)  # and so it stays
    assert not card.check_bar.isVisible()
