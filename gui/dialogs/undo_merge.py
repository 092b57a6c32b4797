"""Undoing what an import joined to a client: the paper of a second folder, or a letter,
taken to be this client's. It becomes a client of its own again, with its documents and
the values it brought; what it added to this card is taken away again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from storage import Client

from ..data import ClientData
from ..formatting import when
from ..workers import submit


class UndoMergeDialog(QDialog):
    """Lists the import merges of a client; after accept, new_id is the split-off client."""

    def __init__(self, data: ClientData, client: Client, parent=None) -> None:
        super().__init__(parent)
        self.data, self.client = data, client
        self.new_id: int | None = None
        self.setWindowTitle(self.tr("Samenvoeging ongedaan maken"))
        self.resize(620, 360)
        self.intro = QLabel(
            self.tr(
                "Papier dat bij het inlezen bij %1 is gevoegd. Kies wat een eigen klant moet "
                "worden: de documenten en de gegevens die het meebracht gaan mee, wat het aan "
                "deze kaart toevoegde gaat eraf."
            ).replace("%1", client.name)
        )
        self.intro.setWordWrap(True)
        self.merges = QListWidget()
        self.merges.setObjectName("merges")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.split_button = self.buttons.addButton(
            self.tr("&Eigen klant maken"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.split_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.merges, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.split_button.clicked.connect(self.split)
        self.merges.itemActivated.connect(lambda _item: self.split())
        submit(data.merges, client.id, on_result=self._show, on_error=self._failed)

    def _show(self, merges: list) -> None:
        for merge in merges:
            item = QListWidgetItem(
                f"{merge.label} — {when(merge.at)}\n{merge.reason}"
                + self.tr(" (%1 documenten)").replace("%1", str(len(merge.documents)))
            )
            item.setData(Qt.ItemDataRole.UserRole, merge.id)
            self.merges.addItem(item)
        if merges:
            self.merges.setCurrentRow(0)
            self.split_button.setEnabled(True)
        else:
            self.message.setText(self.tr("Bij deze klant is niets samengevoegd bij het inlezen."))

    def split(self) -> None:
        item = self.merges.currentItem()
        if item is None:
            return
        self.split_button.setEnabled(False)
        self.message.setText(self.tr("Bezig…"))
        merge_id = int(item.data(Qt.ItemDataRole.UserRole))
        # on the one write thread, behind the card's edits still on their way
        submit(
            self.data.undo_merge,
            merge_id,
            on_result=self._done,
            on_error=self._failed,
            pool_name="write",
        )

    def _done(self, new_id: int) -> None:
        self.new_id = new_id
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.message.setText(str(error))
        self.split_button.setEnabled(self.merges.count() > 0)
