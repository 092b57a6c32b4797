"""Step 2: pages appear as they arrive; OCR progress, speed, time left, and cancel."""

from __future__ import annotations

import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from importing.model import PageItem

from ..documents.images import load_page
from ..workers import submit

RESCAN = "scan deze pagina opnieuw"


THUMB_PX = 160


def pil_to_pixmap(image) -> QPixmap:
    grey = image.convert("L")
    qimage = QImage(
        grey.tobytes(), grey.width, grey.height, grey.width, QImage.Format.Format_Grayscale8
    )
    return QPixmap.fromImage(qimage.copy())  # copy: the bytes above are freed after this


def page_label(item: PageItem) -> str:
    """Page number and how reading it went (a separator sheet says what it does)."""
    number = f"{item.index + 1}"
    kind = item.kind.kind if item.kind is not None else "content"
    if kind == "blank":
        return f"{number}: leeg vel — volgende klant"
    if kind == "cover":
        return f"{number}: scheidingsblad klant nr. {item.kind.client_id}"
    if item.error:
        return f"{number}: niet te lezen — {RESCAN}"
    if item.low_confidence and item.read:
        return f"{number}: {RESCAN}"
    if item.read:
        return f"{number}: gelezen"
    return f"{number}: lezen…"


def thumbnail_key(path: Path, frame: int) -> tuple[str, int]:
    return str(path), frame


class ProgressPage(QWidget):
    cancel_requested = Signal()
    stop_watching_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("<h2>Inlezen…</h2>"))
        self.thumbs = QListWidget()
        self.thumbs.setObjectName("thumbs")
        self.thumbs.setViewMode(QListView.ViewMode.IconMode)
        self.thumbs.setIconSize(QSize(110, 160))
        self.thumbs.setGridSize(QSize(150, 200))
        self.thumbs.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumbs.setMovement(QListView.Movement.Static)
        self.thumbs.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("progress")
        self.status = QLabel()
        self.status.setObjectName("progress_status")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("progress_notice")
        self.notice.setStyleSheet("color: #a40000")
        self.stop_button = QPushButton(self.tr("Stoppen en &nakijken"))
        self.stop_button.setVisible(False)
        self.cancel_button = QPushButton(self.tr("&Annuleren (gelezen pagina's blijven)"))
        self.cancel_button.setObjectName("cancel")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.thumbs, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.stop_button.clicked.connect(self.stop_watching_requested)
        self.reset()

    def reset(self, watching: bool = False) -> None:
        self.thumbs.clear()
        self._items: dict[int, QListWidgetItem] = {}
        self._generation = getattr(self, "_generation", 0) + 1
        self.thumbnails: dict[tuple[str, int], QPixmap] = {}  # the review shows them too
        self.arrived = 0
        self.read = 0
        self.started = time.monotonic()
        self.first_read_at: float | None = None
        self.bar.setRange(0, 0)  # busy until the first page is in
        self.notice.setText("")
        self.stop_button.setVisible(watching)
        self.cancel_button.setEnabled(True)
        self.title.setText(
            self.tr("<h2>Map volgen…</h2>") if watching else self.tr("<h2>Inlezen…</h2>")
        )
        self._update_status()

    def page_event(self, item: PageItem) -> None:
        """A page was asked for (it appears, its thumbnail follows) or read (marked)."""
        if item.index not in self._items:
            self._add_page(item)
        if item.read:
            self._page_done(item)

    def _add_page(self, item: PageItem) -> None:
        self.arrived += 1
        entry = QListWidgetItem(page_label(item))
        entry.setData(Qt.ItemDataRole.UserRole, item.index)
        entry.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.thumbs.addItem(entry)
        self._items[item.index] = entry
        self.thumbs.scrollToItem(entry)
        key = thumbnail_key(item.document.path, item.frame)
        submit(
            load_page,
            item.document.path,
            item.frame,
            THUMB_PX,
            on_result=lambda image, g=self._generation, i=item.index: self._thumbnail(
                key, g, i, image
            ),
            on_error=lambda _e: None,  # no thumbnail is no loss: the page is still read
        )
        self._update_status()

    def _thumbnail(self, key: tuple[str, int], generation: int, index: int, image) -> None:
        pixmap = QPixmap.fromImage(image)
        self.thumbnails[key] = pixmap
        # the list item is looked up now, not kept: a new run may have cleared the list
        # (a QListWidgetItem is no QObject: a kept one would be used after it is freed)
        entry = self._entry(index) if generation == self._generation else None
        if entry is not None:
            entry.setIcon(QIcon(pixmap))

    def _entry(self, index: int) -> QListWidgetItem | None:
        """The list item of page index, if the list is still there: an answer may come in
        after the wizard was closed, and a QListWidgetItem (no QObject) of a deleted list
        is freed memory (a crash, seen once in a full test run under load)."""
        return self._items.get(index) if shiboken6.isValid(self.thumbs) else None

    def _page_done(self, item: PageItem) -> None:
        self.read += 1
        entry = self._entry(item.index)
        if entry is not None:
            entry.setText(page_label(item))
            self._mark(entry, item)
        self._update_status()

    def _mark(self, entry: QListWidgetItem, item: PageItem) -> None:
        if item.low_confidence and item.read:
            entry.setForeground(QBrush(QColor("#a40000")))
            entry.setToolTip(
                self.tr("Slecht leesbaar: scan deze pagina opnieuw nu het papier er nog ligt.")
                + (f"\n{item.error}" if item.error else "")
            )
        elif item.kind is not None and item.kind.is_separator:
            entry.setForeground(QBrush(QColor("#204a87")))

    def _update_status(self) -> None:
        elapsed = max(0.001, time.monotonic() - self.started)
        if self.arrived:
            self.bar.setRange(0, self.arrived)
            self.bar.setValue(self.read)
        per_minute = self.read / elapsed * 60 if self.read else 0.0
        left = ""
        if self.read and self.arrived > self.read:
            seconds = (self.arrived - self.read) / (self.read / elapsed)
            left = self.tr(" · nog ongeveer %1").replace("%1", _duration(seconds))
        self.status.setText(
            self.tr("%1 pagina's binnen, %2 van %3 gelezen · %4 pagina's/min")
            .replace("%1", str(self.arrived))
            .replace("%2", str(self.read))
            .replace("%3", str(self.arrived))
            .replace("%4", f"{per_minute:.0f}")
            + left
        )

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"
