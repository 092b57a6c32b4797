"""Page thumbnails of one document: a virtualised list (only visible pages are rendered),
rendered on the image pool and kept in the shared LRU cache."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView

from ..workers import submit
from .images import THUMBNAILS, load_page

THUMB = 96  # longest side in logical pixels; rendered at twice that for high-DPI


class ThumbnailModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._sha = ""
        self._path: Path | None = None
        self._frames: tuple[int, ...] | None = None
        self._quarters: list[int] = []
        self._pages = 0
        self._pending: set[int] = set()
        self._errors: dict[int, str] = {}
        self._pixmaps: dict[int, QPixmap] = {}
        self._generation = 0
        placeholder = QPixmap(THUMB * 3 // 4, THUMB)
        placeholder.fill(QColor("#eeeeee"))
        self._placeholder = placeholder

    def set_document(
        self,
        sha256: str,
        path: Path | None,
        pages: int,
        frames: tuple[int, ...] | None = None,
        quarters: list[int] | None = None,
    ) -> None:
        """frames: the pages of the original that are the document's (a part of a stack
        file), None for all of them in order. quarters: how far each page was turned
        clockwise to be read upright (PageText.orientation); thumbnails are shown so."""
        self.beginResetModel()
        self._generation += 1
        self._sha, self._path, self._pages = sha256, path, max(0, int(pages))
        self._frames = frames
        self._quarters = list(quarters or [])
        self._pending.clear()
        self._errors.clear()
        self._pixmaps.clear()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._pages

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._errors.get(row) or self.tr("Pagina %1 — dubbelklik om te openen").replace(
                "%1", str(row + 1)
            )
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pixmap(row)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def _frame(self, row: int) -> int:
        return self._frames[row] if self._frames else row

    def _quarter(self, row: int) -> int:
        return self._quarters[row] if row < len(self._quarters) else 0

    def _key(self, row: int) -> tuple[str, int, int]:
        return (self._sha, self._frame(row), self._quarter(row))

    def is_loaded(self, row: int) -> bool:
        return row in self._pixmaps or THUMBNAILS.get(self._key(row)) is not None

    def error(self, row: int) -> str | None:
        return self._errors.get(row)

    def _pixmap(self, row: int) -> QPixmap:
        if row in self._pixmaps:
            return self._pixmaps[row]
        cached = THUMBNAILS.get(self._key(row))
        if cached is not None:
            pixmap = self._fit(cached)
            self._pixmaps[row] = pixmap
            return pixmap
        if row not in self._pending and row not in self._errors and self._path is not None:
            self._pending.add(row)
            generation, key = self._generation, self._key(row)
            submit(
                self._render,
                generation,
                self._path,
                self._frame(row),
                self._quarter(row),
                on_result=lambda image, r=row, g=generation, k=key: self._loaded(g, k, r, image),
                on_error=lambda e, r=row, g=generation: self._failed(g, r, e),
                pool_name="image",
            )
        return self._placeholder

    def _render(self, generation: int, path: Path, frame: int, quarter: int):
        if generation != self._generation:
            return None  # another document is shown now: skip the work
        # twice the size: sharp on high-DPI screens
        return load_page(path, frame, THUMB * 2, quarter)

    @staticmethod
    def _fit(image) -> QPixmap:
        """A thumbnail drawn THUMB logical pixels high, using the extra pixels on high-DPI."""
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(max(1.0, max(image.width(), image.height()) / THUMB))
        return pixmap

    def _loaded(self, generation: int, key: tuple, row: int, image) -> None:
        if image is None:
            return
        if generation != self._generation:
            return
        THUMBNAILS.put(key, image)
        self._pending.discard(row)
        self._pixmaps[row] = self._fit(image)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def _failed(self, generation: int, row: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._pending.discard(row)
        self._errors[row] = str(error)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)


class ThumbnailStrip(QListView):
    """A wrapping grid of page thumbnails; page_opened(row) on double-click or Enter."""

    page_opened = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.thumbs = ThumbnailModel(self)
        self.setModel(self.thumbs)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 16, THUMB + 28))
        self.setUniformItemSizes(True)  # virtualised: a 2,000-page document lays out at once
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)  # one row: flip through the pages with the scroll bar
        self.setFixedHeight(THUMB + 28 + self.horizontalScrollBar().sizeHint().height() + 6)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # white pages stand out on grey, as in the page viewer
        self.setStyleSheet("QListView { background: #6b6b6b; color: white; }")
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.activated.connect(lambda index: self.page_opened.emit(index.row()))
        # `activated` is Enter and double-click (single click where the platform says so)
