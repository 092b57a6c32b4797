"""The result list: a QListView with a few QListWidget-like helpers others rely on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView

from .delegate import ResultDelegate
from .model import ResultModel, Role


class ResultList(QListView):
    """activated_client(id) fires on Enter or a click on a result."""

    activated_client = Signal(int)
    escape_pressed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.result_model = ResultModel(self)
        self.setModel(self.result_model)
        self.setItemDelegate(ResultDelegate(self))
        self.setUniformItemSizes(True)  # every row three lines: layout stays O(1)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.activated.connect(lambda index: self.activated_client.emit(int(index.data(Role.Id))))
        self.clicked.connect(lambda index: self.activated_client.emit(int(index.data(Role.Id))))

    def count(self) -> int:
        return self.result_model.rowCount()

    def text(self, row: int) -> str:
        """The plain text of a row (name, details, snippet), as a screen reader reads it."""
        return self.result_model.index(row, 0).data() or ""

    def client_id(self, row: int) -> int | None:
        hit = self.result_model.hit(row)
        return hit.id if hit else None

    def current_client_id(self) -> int | None:
        index = self.currentIndex()
        return self.client_id(index.row()) if index.isValid() else None

    def set_current_row(self, row: int) -> None:
        self.setCurrentIndex(self.result_model.index(row, 0))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            client_id = self.current_client_id()
            if client_id is not None:
                self.activated_client.emit(client_id)
                return
        super().keyPressEvent(event)
