"""What the Klant menu does with a client as a whole: make a new one, archive it, erase it
(AVG), merge it with another or undo a merge. The window's card shows the result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from storage import KlantdossierError

from .dialogs.confirm import confirm_forget
from .dialogs.merge import MergeDialog
from .workers import submit

if TYPE_CHECKING:
    from .main_window import MainWindow


class ClientActions(QObject):
    """window: the MainWindow (data, card, refresh(), open_client(), client_erased())."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def new_client(self) -> None:
        name, ok = QInputDialog.getText(
            self.window, self.tr("Nieuwe klant"), self.tr("Naam van de klant:")
        )
        if ok and name.strip():
            self.create_client(name.strip())

    def create_client(self, name: str) -> int | None:
        window = self.window
        try:
            client_id = window.data.create_client(name)
        except KlantdossierError as e:
            window.statusBar().showMessage(str(e), 8000)
            return None
        window.refresh()
        window.open_client(client_id)
        window.card.fields["first_name"].setFocus()
        return client_id

    def toggle_archive(self) -> None:
        window = self.window
        client = window.card.client
        if client is None:
            return
        archived = client.status == "archived"
        try:
            window.data.set_status(client.id, "active" if archived else "archived")
        except KlantdossierError as e:
            window.statusBar().showMessage(str(e), 8000)
            return
        text = (
            self.tr("%1 is teruggehaald uit het archief.")
            if archived
            else self.tr("%1 is gearchiveerd.")
        )
        window.statusBar().showMessage(text.replace("%1", client.name), 5000)
        window.open_client(client.id)

    def forget_client(self) -> None:
        window = self.window
        client = window.card.client
        if client is None:
            return
        if not confirm_forget(window, client):
            return
        self.erase_client(client.id, client.name)

    def erase_client(self, client_id: int, name: str) -> None:
        window = self.window
        try:
            window.data.forget(client_id)
        except KlantdossierError as e:
            window.statusBar().showMessage(str(e), 8000)
            return
        window.client_erased(client_id)
        window.statusBar().showMessage(self.tr("%1 is gewist.").replace("%1", name), 8000)
        self.compact_search_index()

    def compact_search_index(self) -> None:
        """Rewrite the search index without the erased words, in the background."""
        window = self.window

        def done(error: Exception | None) -> None:
            if error is not None:
                window.statusBar().showMessage(
                    self.tr(
                        "De zoekindex is nog niet opgeschoond (%1); dat gebeurt bij het "
                        "volgende wissen."
                    ).replace("%1", str(error)),
                    10_000,
                )
            window.search_index_compacted.emit()

        submit(
            window.data.compact_search_index,
            on_result=lambda _: done(None),
            on_error=done,
            pool_name="background",
        )

    def merge_client(self) -> None:
        window = self.window
        client = window.card.client
        if client is None:
            return
        dialog = MergeDialog(window.data, client, window)
        if dialog.exec() and dialog.other_id is not None:
            try:
                window.data.merge(client.id, dialog.other_id, dialog.choices())
            except KlantdossierError as e:
                window.statusBar().showMessage(str(e), 8000)
                return
            window.refresh()
            window.open_client(client.id)

    def undo_merge(self) -> None:
        """Split paper an import joined to this client off into a client of its own."""
        from .dialogs.undo_merge import UndoMergeDialog

        window = self.window
        client = window.card.client
        if client is None:
            return
        dialog = UndoMergeDialog(window.data, client, window)
        if dialog.exec() and dialog.new_id is not None:
            window.refresh()
            window.open_client(dialog.new_id)
