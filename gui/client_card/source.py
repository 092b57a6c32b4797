"""'Read from the scan': a small button beside a field read by OCR; pointing at it or
clicking it shows the piece of the page the value was read from."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from ..icons import icon


class SourceButton(QToolButton):
    requested = Signal(object, object)  # the field record (page_id, box, ...), this button

    def __init__(self, record: dict, parent=None) -> None:
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
    """A tooltip-like window with the crop of the scan; closes on the next click outside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip)
        self.setObjectName("crop_popup")
        self.setStyleSheet("QLabel { background: white; border: 1px solid #888; padding: 4px; }")

    def show_at(self, anchor: QWidget, pixmap: QPixmap | None, text: str = "") -> None:
        if pixmap is not None and not pixmap.isNull():
            self.setWordWrap(False)
            self.setMaximumWidth(16777215)
            self.setPixmap(pixmap)
        else:
            self.setWordWrap(True)
            self.setMaximumWidth(600)
            self.setText(text)
        self.resize(self.sizeHint())
        self.move(anchor.mapToGlobal(QPoint(0, anchor.height() + 2)))
        self.show()

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self.hide()

    def mousePressEvent(self, event) -> None:
        self.hide()
