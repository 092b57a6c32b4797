"""What the Bestand menu does with the client file as a whole: export, make a backup now,
put a backup back; and the AVG export of one client. Each opens a dialog that runs the
work in the background (gui/dialogs/job.py), so the window never freezes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog

from . import formatting
from .dialogs.backup import BackupDialog, RestoreDialog
from .dialogs.export import ClientExportDialog, ExportDialog
from .workers import submit


class FileActions(QObject):
    """window: the MainWindow (data, results, card, refresh())."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def export(self) -> QDialog:
        """Every client, the search results shown, or the open client."""
        window = self.window
        scopes: list[tuple[str, list[int] | None]] = [(self.tr("Alle klanten"), None)]
        ids = [window.results.client_id(row) for row in range(window.results.count())]
        query = window.shown_query()
        if query and ids:
            label = (
                self.tr("De %1 zoekresultaten voor “%2”")
                .replace("%1", str(len(ids)))
                .replace("%2", query)
            )
            scopes.append((label, [i for i in ids if i is not None]))
        client = window.open_card_client()
        if client is not None:
            scopes.append((self.tr("Alleen %1").replace("%1", client.name), [client.id]))
        dialog = ExportDialog(window.data, scopes, window)
        # counted off the GUI thread: on a shared file far away a count can take a while
        every_client = dialog.scope_buttons[0]
        submit(
            window.data.count,
            on_result=lambda total: every_client.setText(
                self.tr("Alle klanten (%1)").replace("%1", formatting.number(total))
            ),
            on_error=lambda _error: None,  # the label without a number says enough
            pool_name="read",
        )
        return self._show(dialog)

    def export_client(self) -> QDialog | None:
        """Alles van deze klant exporteren (AVG): the card, fields, page texts and scans."""
        client = self.window.open_card_client()
        if client is None:
            return None
        return self._show(ClientExportDialog(self.window.data, client, self.window))

    def backup_now(self) -> QDialog:
        return self._show(BackupDialog(self.window.data, self.window))

    def restore_backup(self) -> QDialog:
        dialog = RestoreDialog(self.window.data, self.window)
        dialog.job_done.connect(lambda _kept: self._file_replaced())
        return self._show(dialog)

    def _file_replaced(self) -> None:
        """After a restore: nothing of the file before it stays on screen."""
        window = self.window
        window.close_card()
        for viewer in list(window._viewers):
            viewer.close()
        window.refresh()
        window.calls_view.changed()
        window.statusBar().showMessage(self.tr("De reservekopie is teruggezet."), 8000)
