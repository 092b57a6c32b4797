"""The client card in the real window: editing with validation and undo, contact links,
notes, calls, and the scan a field was read from."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QToolButton

from storage import ClientFile, Phone
from tests.gui.conftest import search


def stored(demo, client_id):
    with ClientFile.open(demo.path) as cf:
        return cf.client(client_id)


def open_boer(qtbot, make_window, demo):
    window = make_window(demo.path)
    search(qtbot, window, "sjoerd")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.card.client is not None and window.card.client.id == demo.boer)
    return window


def edit(qtbot, field, text):
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_edit_in_place_saves_and_undo_restores(qtbot, make_window, demo):
    window = open_boer(qtbot, make_window, demo)
    card = window.card
    edit(qtbot, card.fields["company"], "De Boer Dakwerken B.V.")
    qtbot.waitUntil(lambda: "Opgeslagen" in card.saved_label.text())
    assert stored(demo, demo.boer).company == "De Boer Dakwerken B.V."
    # the result list follows the edit
    qtbot.waitUntil(lambda: "Dakwerken" in window.results.text(0))

    window.results.setFocus()
    qtbot.keyClick(window.results, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: stored(demo, demo.boer).company == "De Boer Installatie B.V.")
    assert card.fields["company"].text() == "De Boer Installatie B.V."


def test_validation_keeps_bad_values_out(qtbot, make_window, demo):
    window = open_boer(qtbot, make_window, demo)
    card = window.card
    postcode = card.fields["address.postcode"]
    edit(qtbot, postcode, "12345")
    assert postcode.property("invalid") is True
    assert "1234 AB" in card.message.text()
    assert stored(demo, demo.boer).addresses[0].postcode == "1017 GC"

    edit(qtbot, postcode, "1234ab")
    qtbot.waitUntil(lambda: stored(demo, demo.boer).addresses[0].postcode == "1234 AB")
    assert postcode.property("invalid") is False

    edit(qtbot, card.fields["iban"], "NL91 ABNA 0417 1643 01")  # wrong check digits
    assert card.fields["iban"].property("invalid") is True
    edit(qtbot, card.fields["iban"], "nl02 abna 0123 4567 89")
    qtbot.waitUntil(lambda: stored(demo, demo.boer).iban == "NL02ABNA0123456789")
    assert card.fields["iban"].text() == "NL02 ABNA 0123 4567 89"


def test_phone_copy_link_and_add(qtbot, make_window, demo):
    window = open_boer(qtbot, make_window, demo)
    card = window.card
    opened = []
    card.open_url = lambda url: opened.append(url.toString())
    buttons = [b for b in card.phones.findChildren(QToolButton) if b.objectName() == "copy_phone"]
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "+31201234567"
    assert "Gekopieerd" in window.statusBar().currentMessage()
    links = [w for w in card.phones.findChildren(QLabel) if w.objectName() == "phone_link"]
    links[0].linkActivated.emit("tel:+31201234567")
    assert opened == ["tel:+31201234567"]

    qtbot.keyClicks(card.phones.entry, "06-98765432")
    qtbot.keyClick(card.phones.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "+31698765432" in stored(demo, demo.boer).numbers)
    qtbot.waitUntil(lambda: "+31698765432" in card.phones.values)

    qtbot.keyClicks(card.emails.entry, "geen-adres")
    qtbot.keyClick(card.emails.entry, Qt.Key.Key_Return)
    assert "e-mailadres" in card.message.text()


def test_note_in_one_keyboard_step_and_call_log(qtbot, make_window, demo):
    window = open_boer(qtbot, make_window, demo)
    card = window.card
    assert "Vraagt naar planning montage" in card.notes.calls.item(0).text()
    assert "-20" in card.notes.calls.item(0).text()  # dd-MM-yyyy
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert card.notes.entry.hasFocus()
    qtbot.keyClicks(card.notes.entry, "Teruggebeld, offerte volgt")
    qtbot.keyClick(card.notes.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Teruggebeld" in card.notes.notes.item(0).text())
    assert stored(demo, demo.boer).notes[0].text == "Teruggebeld, offerte volgt"


def test_field_read_by_ocr_shows_its_crop(qtbot, make_window, demo):
    window = open_boer(qtbot, make_window, demo)
    card = window.card
    button = card.fields["iban"].source_button
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card._crop.isVisible())
    pixmap = card._crop.pixmap()
    assert not pixmap.isNull() and pixmap.width() > pixmap.height() > 20


def test_fifty_phone_numbers_and_unicode_name(qtbot, make_window, demo):
    with ClientFile.open(demo.path) as cf, cf.transaction():
        client_id = cf.create_client(
            name="Zoë Ørsted-Łukasiewicz 山田 🙂",
            phones=[Phone(f"+316200000{i:02d}", None, "mobile") for i in range(50)],
        )
    window = make_window(demo.path)
    search(qtbot, window, "Łukasiewicz")
    assert window.results.count() == 1 and "山田" in window.results.text(0)
    window.open_client(client_id)
    card = window.card
    assert card.title.text().count("Ørsted") == 1
    assert len(card.phones.values) == 50
    assert card.phones.rows.count() == 5 and card.phones.more.isVisible()
    qtbot.mouseClick(card.phones.more, Qt.MouseButton.LeftButton)
    assert card.phones.rows.count() == 50
    search(qtbot, window, "06 2000 0049")
    assert window.results.client_id(0) == client_id


def test_remove_phone_and_add_email_both_undo(qtbot, make_window, demo):
    window = open_boer(qtbot, make_window, demo)
    card = window.card
    before = stored(demo, demo.boer)
    number = before.numbers[0]
    remove = next(
        b
        for b in card.phones.findChildren(QToolButton)
        if b.objectName() == "remove_phone" and b.isVisible()
    )
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: number not in stored(demo, demo.boer).numbers)
    card.undo_stack.undo()
    qtbot.waitUntil(lambda: number in stored(demo, demo.boer).numbers)

    qtbot.keyClicks(card.emails.entry, "sjoerd@deboer.example")
    qtbot.keyClick(card.emails.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "sjoerd@deboer.example" in stored(demo, demo.boer).emails)
    card.undo_stack.undo()  # an added address can be taken back: storage removes it
    qtbot.waitUntil(lambda: stored(demo, demo.boer).emails == before.emails)


def test_note_typed_while_the_file_is_busy_is_not_lost(qtbot, make_window, demo):
    """Another program holds the write lock past the busy timeout (5 s): the note is not
    saved, the card says so, and the text is back in the entry to save again."""
    window = open_boer(qtbot, make_window, demo)
    card = window.card
    holder = sqlite3.connect(demo.path, timeout=1)
    holder.execute("BEGIN IMMEDIATE")
    try:
        qtbot.keyClicks(card.notes.entry, "Belt morgen terug")
        qtbot.keyClick(card.notes.entry, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: card.saved_label.text() == "Niet opgeslagen", timeout=15_000)
    finally:
        holder.rollback()
        holder.close()
    assert card.notes.entry.text() == "Belt morgen terug"
    assert card.message.isVisible()
    assert not any(n.text == "Belt morgen terug" for n in stored(demo, demo.boer).notes)
    qtbot.keyClick(card.notes.entry, Qt.Key.Key_Return)  # saved now the file is free
    qtbot.waitUntil(lambda: "Belt morgen" in card.notes.notes.item(0).text(), timeout=10_000)
    assert card.notes.entry.text() == ""


def test_card_widgets_are_made_on_first_use(qtbot, make_window, demo):
    """The window is searchable before the card's widgets exist (they cost ~40 ms of the
    start); asking for one, or a client shown, makes them, read-only when the file is."""
    window = make_window(demo.path, show=False)
    card = window.card
    assert not card._built
    card.set_read_only(True)  # as check_file() says when the file is read-only
    assert not card._built
    assert card.fields["iban"].isReadOnly()  # the first widget asked for builds the card
    assert card._built and card.phones is not None
    card.set_read_only(False)
    assert not card.fields["iban"].isReadOnly()
    with pytest.raises(AttributeError):
        card.no_such_widget  # noqa: B018 - an attribute that does not exist still says so
    window.show()
    qtbot.waitExposed(window)
    window.open_client(demo.boer)
    assert card.isVisible() and card.fields["name"].isVisible()
