"""Step 2: pages appear as they arrive; OCR progress, speed, time left, and cancel."""

from __future__ import annotations

import time

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

from ocr.intake import PageItem

RESCAN = "scan deze pagina opnieuw"


def pil_to_pixmap(image) -> QPixmap:
    grey = image.convert("L")
    qimage = QImage(
        grey.tobytes(), grey.width, grey.height, grey.width, QImage.Format.Format_Grayscale8
    )
    return QPixmap.fromImage(qimage.copy())  # copy: the bytes above are freed after this


def page_label(item: PageItem, with_client: bool = True) -> str:
    """Page number, the client (batch) it goes to, and how reading it went."""
    number = f"{item.index + 1}"
    if item.kind.kind == "blank":
        return f"{number}: leeg vel — volgende klant"
    if item.kind.kind == "cover":
        return f"{number}: scheidingsblad klant nr. {item.kind.client_id}"
    client = f" · klant {item.batch + 1}" if item.batch is not None and with_client else ""
    if item.error:
        return f"{number}: niet te lezen — {RESCAN}"
    if item.low_confidence and item.read:
        return f"{number}{client}: {RESCAN}"
    if item.read:
        return f"{number}{client}: gelezen"
    return f"{number}{client}: lezen…"


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
        self.arrived = 0
        self.read = 0
        self.content = 0
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

    def add_page(self, item: PageItem) -> None:
        self.arrived += 1
        if item.kind.kind == "content" and not item.error:
            self.content += 1
        entry = QListWidgetItem(page_label(item))
        if item.thumb is not None:
            entry.setIcon(QIcon(pil_to_pixmap(item.thumb)))
        entry.setData(Qt.ItemDataRole.UserRole, item.index)
        entry.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._mark(entry, item)
        self.thumbs.addItem(entry)
        self._items[item.index] = entry
        self.thumbs.scrollToItem(entry)
        self._update_status()

    def page_done(self, item: PageItem) -> None:
        self.read += 1
        entry = self._items.get(item.index)
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
        elif item.kind.is_separator:
            entry.setForeground(QBrush(QColor("#204a87")))

    def _update_status(self) -> None:
        elapsed = max(0.001, time.monotonic() - self.started)
        if self.content:
            self.bar.setRange(0, self.content)
            self.bar.setValue(self.read)
        per_minute = self.read / elapsed * 60 if self.read else 0.0
        left = ""
        if self.read and self.content > self.read:
            seconds = (self.content - self.read) / (self.read / elapsed)
            left = self.tr(" · nog ongeveer %1").replace("%1", _duration(seconds))
        self.status.setText(
            self.tr("%1 pagina's binnen, %2 van %3 gelezen · %4 pagina's/min")
            .replace("%1", str(self.arrived))
            .replace("%2", str(self.read))
            .replace("%3", str(self.content))
            .replace("%4", f"{per_minute:.0f}")
            + left
        )

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"
