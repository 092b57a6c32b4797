"""A client file that vanishes or turns read-only while the window is open: a clear
message, and a window that keeps working."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from gui.data import DataError
from tests.gui.conftest import search


def test_read_only_file_says_so_and_refuses_edits(make_window, demo, qtbot):
    window = make_window(demo.path)
    window.open_client(demo.boer)
    os.chmod(demo.path, 0o400)
    try:
        if os.access(demo.path, os.W_OK):  # root ignores the mode: make writes fail anyway
            window.data.problem = lambda: "Het klantbestand is alleen-lezen."
        window.check_file()
        assert window.file_warning.isVisible()
        assert "alleen-lezen" in window.file_warning.text()
        assert window.card.fields["company"].isReadOnly()
        assert window.card.fields["address.street"].isReadOnly()
        assert window.card.notes.entry.isReadOnly()
        assert window.card.phones.entry.isReadOnly()
        removes = window.card.phones.findChildren(QToolButton, "remove_phone")
        assert removes and not any(button.isVisible() for button in removes)
        search(qtbot, window, "velux")  # reading goes on
        assert window.results.count() == 1
    finally:
        os.chmod(demo.path, 0o600)


def test_write_failure_is_reported_not_crashed(make_window, demo, qtbot):
    window = make_window(demo.path)
    window.open_client(demo.boer)

    def fail(*_args, **_kwargs):
        raise DataError("Het klantbestand kon niet worden bijgewerkt: disk I/O error")

    window.data.update_fields = fail  # a unit of failure: the disk refuses this one write
    field = window.card.fields["company"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Nieuwe naam")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.card.saved_label.text() == "Niet opgeslagen")
    assert "disk I/O error" in window.card.message.text()
    assert field.text() == "De Boer Installatie B.V."  # the screen shows what is stored


def test_vanished_file_is_reported(make_window, demo, qtbot, tmp_path):
    window = make_window(demo.path)
    window.open_client(demo.boer)
    moved = tmp_path / "elders.sqlite"
    os.rename(demo.path, moved)
    try:
        # the window's watch timer notices; 5 s was too short on a machine under full load
        qtbot.waitUntil(lambda: window.file_warning.isVisible(), timeout=15000)
        assert "verdwenen" in window.file_warning.text()
        window.refresh()  # an import finishing now must not crash the window
        search(qtbot, window, "fleur")
        window.open_client(demo.bakker)
    finally:
        os.rename(moved, demo.path)
    window.check_file()
    assert not window.file_warning.isVisible()
