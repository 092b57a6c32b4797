"""'Read from the scan': a small button beside a field read by OCR; pointing at it or
clicking it shows the piece of the page the value was read from, upright, on screen, and
only while the mouse is on the button or the crop."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QImage, QPixmap, QTransform
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from storage import StoredField

from ..data import ClientData
from ..documents.images import load_page
from ..icons import icon
from ..workers import submit

CROP_MARGIN = 24
CROP_WIDTH = 560  # the popup fits beside the card on a 1366-pixel screen
WATCH_MS = 150  # how often an open crop checks where the mouse is
SCREEN_GAP = 4


class SourceButton(QToolButton):
    requested = Signal(object, object)  # the StoredField (page_id, box, ...), this button

    def __init__(self, record: StoredField, parent=None) -> None:
        super().__init__(parent)
        self.record = record
        self.setObjectName("source_button")
        self.setIcon(icon("scan"))
        self.setAutoRaise(True)
        self.setToolTip(self.tr("Gelezen van de scan: wijs aan of klik om het papier te zien"))
        self.clicked.connect(lambda: self.requested.emit(self.record, self))

    def enterEvent(self, event) -> None:
        super().enterEvent(event)
        self.requested.emit(self.record, self)


class CropPopup(QLabel):
    """A tooltip-like window with the crop of the scan. Placed under its anchor, inside the
    screen (moved left, or above the anchor, where it would run off); it closes as soon
    as the mouse is neither on the anchor nor on the crop, and on a click."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip)
        self.setObjectName("crop_popup")
        self.setStyleSheet("QLabel { background: white; border: 1px solid #888; padding: 4px; }")
        self.anchor: QWidget | None = None
        self._watch = QTimer(self, interval=WATCH_MS)
        self._watch.timeout.connect(self._follow_mouse)

    def show_at(self, anchor: QWidget, pixmap: QPixmap | None, text: str = "") -> None:
        if pixmap is not None and not pixmap.isNull():
            self.setWordWrap(False)
            self.setMaximumWidth(16777215)
            self.setPixmap(pixmap)
        else:
            self.setWordWrap(True)
            self.setMaximumWidth(600)
            self.setText(text)
        self.anchor = anchor
        self.ensurePolished()  # the style sheet's padding and border count in its size
        self.resize(self.sizeHint())
        self.move(self.place(anchor, self.size()))
        self.show()
        # placed again with the window's frame, if the platform draws one around it
        self.move(self.place(anchor, self.frameGeometry().size()))
        self._watch.start()

    @staticmethod
    def place(anchor: QWidget, size) -> QPoint:
        """Under the anchor, moved to stay inside the anchor's screen."""
        below = anchor.mapToGlobal(QPoint(0, anchor.height() + 2))
        top_left = anchor.mapToGlobal(QPoint(0, 0))
        screen = anchor.screen() or QGuiApplication.primaryScreen()
        area: QRect = screen.availableGeometry()
        x = min(below.x(), area.right() - size.width() - SCREEN_GAP)
        x = max(x, area.left() + SCREEN_GAP)
        y = below.y()
        if y + size.height() > area.bottom() - SCREEN_GAP:  # no room below: above it
            y = top_left.y() - size.height() - 2
        y = max(y, area.top() + SCREEN_GAP)
        return QPoint(x, y)

    def _follow_mouse(self) -> None:
        if not self.isVisible():
            self._watch.stop()
            return
        pos = QCursor.pos()
        anchor = self.anchor
        try:
            on_anchor = (
                anchor is not None
                and anchor.isVisible()
                and QRect(anchor.mapToGlobal(QPoint(0, 0)), anchor.size()).contains(pos)
            )
        except RuntimeError:  # the anchor was deleted (another client opened)
            on_anchor = False
        if not on_anchor and not self.frameGeometry().contains(pos):
            self.hide()

    def hideEvent(self, event) -> None:
        self._watch.stop()
        self.anchor = None
        super().hideEvent(event)

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self._follow_mouse()

    def mousePressEvent(self, event) -> None:
        self.hide()


class Crops:
    """The crops of one card's fields: loaded on the image thread, kept per field."""

    def __init__(self, data: ClientData, popup: CropPopup) -> None:
        self.data, self.popup = data, popup
        self._cache: dict[int, QPixmap] = {}

    def show(self, client_id: int, record: StoredField, anchor: QWidget) -> None:
        cached = self._cache.get(record.id)
        if cached is not None:
            self.popup.show_at(anchor, cached)
            return
        submit(
            crop_of,
            self.data,
            client_id,
            record,
            on_result=lambda image: self._loaded(record, anchor, image),
            on_error=lambda e: self._show(anchor, None, str(e)),
            pool_name="image",
        )

    def _loaded(self, record: StoredField, anchor: QWidget, image: QImage) -> None:
        pixmap = QPixmap.fromImage(image)
        self._cache[record.id] = pixmap
        self._show(anchor, pixmap)

    def _show(self, anchor: QWidget, pixmap: QPixmap | None, text: str = "") -> None:
        # the anchor may be gone or hidden by now (another client opened meanwhile)
        with contextlib.suppress(RuntimeError):
            if anchor.isVisible():
                self.popup.show_at(anchor, pixmap, text)


def crop_of(data: ClientData, client_id: int, record: StoredField) -> QImage:
    """The piece of the scan a field was read from, turned upright as the page was read
    (the box is stored in pixels of the scan as it came). Runs on a worker thread."""
    found = data.page_of(client_id, record.page_id)
    if found is None:
        raise LookupError(
            QCoreApplication.translate(
                "ClientCard", "De scan van dit veld is niet meer bij deze klant."
            )
        )
    document, index, page = found
    image = load_page(data.original_path(document.sha256), document.frame(index))
    sx = image.width() / page.width if page.width else 1.0
    sy = image.height() / page.height if page.height else 1.0
    left, top, width, height = record.box
    crop = image.copy(
        int(left * sx) - CROP_MARGIN,
        int(top * sy) - CROP_MARGIN,
        int(width * sx) + 2 * CROP_MARGIN,
        int(height * sy) + 2 * CROP_MARGIN,
    )
    if page.orientation % 360:
        # Qt's y axis points down: a positive angle turns clockwise, as orientation says
        crop = crop.transformed(QTransform().rotate(page.orientation % 360))
    if crop.width() > CROP_WIDTH:
        crop = crop.scaledToWidth(CROP_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return crop
