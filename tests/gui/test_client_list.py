"""Client list management in the real window: new, archive, merge, erase (AVG)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.dialogs import confirm
from gui.dialogs.merge import MergeDialog
from storage import ClientFile, ClientNotFoundError
from tests.gui.conftest import search


def test_new_client_opens_its_card_for_typing(make_window, demo, qtbot):
    window = make_window(demo.path)
    client_id = window.create_client("Anouk van Dijk")
    assert window.card.client.id == client_id
    assert window.card.fields["first_name"].hasFocus()
    assert "3 klanten" in window.file_label.text()
    assert window.new_client_action.shortcut().toString() == "Ctrl+Shift+N"


def test_archive_and_restore(make_window, demo, qtbot):
    window = make_window(demo.path)
    window.open_client(demo.bakker)
    window.archive_action.trigger()
    assert window.card.badge.text() == "Gearchiveerd"
    with ClientFile.open(demo.path) as cf:
        assert cf.client(demo.bakker).status == "archived"
    assert "Terughalen" in window.archive_action.text()
    window.archive_action.trigger()
    assert window.card.badge.text() == ""


def test_merge_two_cards_choosing_per_field(make_window, demo, qtbot):
    with ClientFile.open(demo.path) as cf, cf.transaction():
        twin = cf.create_client(name="S. de Boer", company="De Boer Dakwerken")
    window = make_window(demo.path)
    window.open_client(demo.boer)
    dialog = MergeDialog(window.data, window.card.client, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "dakwerken")
    qtbot.waitUntil(lambda: dialog.candidates.count() == 1)
    dialog.candidates.setCurrentRow(0)
    assert dialog.other_id == twin
    dialog.groups["company"].button(1).setChecked(True)  # keep the twin's company
    assert dialog.choices() == {"name": "keep", "company": "other"}
    window.data.merge(demo.boer, twin, dialog.choices())
    with ClientFile.open(demo.path) as cf:
        merged = cf.client(demo.boer)
        assert merged.company == "De Boer Dakwerken" and merged.name == "Sjóerd de Boer"
        with pytest.raises(ClientNotFoundError):
            cf.client(twin)


def test_erase_asks_first_and_then_forgets(make_window, demo, qtbot):
    window = make_window(demo.path)
    window.open_client(demo.boer)

    def answer(button_text):
        def click():
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox) and "Sjóerd de Boer" in box.text()
            assert box.defaultButton().text() == "Annuleren"  # the safe answer is the default
            next(b for b in box.buttons() if b.text() == button_text).click()

        QTimer.singleShot(50, click)

    answer("Annuleren")
    assert confirm.confirm_forget(window, window.card.client) is False
    answer("Definitief wissen")
    # the search index is compacted after the erase, off the GUI thread
    with qtbot.waitSignal(window.search_index_compacted, timeout=10_000):
        window.forget_action.trigger()
        qtbot.waitUntil(lambda: window.card.client is None)
    files = demo.path.parent.glob(demo.path.name + "*")
    raw = b"".join(p.read_bytes() for p in files if p.is_file())
    # words of the erased client's scan ("Offerte dakkapel met velux ramen") are gone
    # from the index too, not just marked deleted
    assert b"dakkapel" not in raw and b"velux" not in raw
    with ClientFile.open(demo.path) as cf:
        with pytest.raises(ClientNotFoundError):
            cf.client(demo.boer)
        assert cf.count_clients() == 1
    search(qtbot, window, "sjoerd")
    assert window.results.count() == 0
    assert "gewist" in window.statusBar().currentMessage()
    assert window.card_stack.currentWidget() is window.card_placeholder
