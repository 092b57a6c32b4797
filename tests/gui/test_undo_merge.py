"""Undoing what an import joined to a client, from the window: Klant → Samenvoeging
ongedaan maken… splits the paper off into a client of its own."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

from gui.dialogs.undo_merge import UndoMergeDialog
from gui.workers import submit
from importing import Document, import_read, read_unit
from storage import ClientFile
from tests.ocr.test_extract import OWN, card, letter_from_client


def _doc(tmp_path: Path, name: str, page) -> Document:
    path = tmp_path / name
    path.write_bytes(f"origineel {name}".encode())
    return Document(path, "image/png", name, hashlib.sha256(path.read_bytes()).hexdigest(),
                    pages={0: page})  # fmt: skip


def joined(db_path: Path, tmp_path: Path) -> int:
    """A client file where an import joined a second folder to a client: that client."""
    with ClientFile.open(db_path) as cf:
        report = import_read(
            [
                read_unit(
                    "Vries, Kees de",
                    [_doc(tmp_path, "kaart.png", card())],
                    folder=tmp_path / "Vries, Kees de",
                ),
                read_unit(
                    "Bakkerij De Vries",
                    [_doc(tmp_path, "brief.png", letter_from_client())],
                    folder=tmp_path / "Bakkerij De Vries",
                ),
            ],
            cf,
            own=OWN,
        )
    (kept,) = report.created
    return kept


def test_split_off_from_the_window(qtbot, make_window, db_path: Path, tmp_path: Path) -> None:
    kept = joined(db_path, tmp_path)
    window = make_window(db_path)
    window.open_client(kept)
    qtbot.waitUntil(lambda: window.card.client is not None and window.card.client.id == kept)
    assert window.undo_merge_action.isEnabled()
    dialog = UndoMergeDialog(window.data, window.card.client, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.merges.count() == 1)
    assert "Bakkerij De Vries" in dialog.merges.item(0).text()
    dialog.split()
    qtbot.waitUntil(lambda: dialog.new_id is not None)
    with ClientFile.open(db_path) as cf:
        assert cf.count_clients() == 2
        assert [d.name for d in cf.client(dialog.new_id).documents] == ["brief.png"]
        assert [d.name for d in cf.client(kept).documents] == ["kaart.png"]


def test_a_split_waits_for_the_card_edits_on_their_way(
    qtbot, make_window, db_path: Path, tmp_path: Path, monkeypatch
) -> None:
    """Card edits are written one after another on the write thread; a split made right
    after an edit must not overtake it."""
    kept = joined(db_path, tmp_path)
    window = make_window(db_path)
    window.open_client(kept)
    dialog = UndoMergeDialog(window.data, window.card.client, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.merges.count() == 1)
    order: list[str] = []
    overtaken = threading.Event()

    def edit_on_its_way() -> None:
        overtaken.wait(3)  # set by a split that runs before this edit is written
        order.append("edit")

    split = window.data.undo_merge

    def undo_merge(merge_id: int) -> int:
        order.append("split")
        overtaken.set()
        return split(merge_id)

    monkeypatch.setattr(window.data, "undo_merge", undo_merge)
    submit(edit_on_its_way, on_result=lambda _: None, on_error=lambda _: None, pool_name="write")
    dialog.split()
    qtbot.waitUntil(lambda: dialog.new_id is not None, timeout=10_000)
    assert order == ["edit", "split"]
