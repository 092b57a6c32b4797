"""The documents part of the card: the list, the selected document's page thumbnails and
"Openen in…" for the original."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storage import DocumentInfo

from .. import formatting
from ..data import ClientData
from ..icons import icon
from ..workers import submit
from .thumbnails import ThumbnailStrip


class DocumentsPanel(QWidget):
    page_requested = Signal(object, int)  # DocumentInfo, page index

    def __init__(self, data: ClientData, parent=None) -> None:
        super().__init__(parent)
        self.data = data
        self.documents: list[DocumentInfo] = []
        self.list = QListWidget()
        self.list.setObjectName("documents")
        self.list.setMaximumWidth(300)
        self.list.setMinimumWidth(180)
        self.strip = ThumbnailStrip()
        self.strip.setObjectName("thumbnails")
        self.open_button = QPushButton(icon("open"), self.tr("Openen in…"))
        self.open_button.setToolTip(
            self.tr("Het originele bestand openen in het standaardprogramma")
        )
        self.message = QLabel()
        self.message.setObjectName("documents_message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.open_url = QDesktopServices.openUrl  # replaced in tests: no viewer is started
        side = QVBoxLayout()
        self.list.setFixedHeight(self.strip.height() - self.open_button.sizeHint().height() - 6)
        side.addWidget(self.list)
        side.addWidget(self.open_button)
        pages = QVBoxLayout()
        pages.addWidget(self.message)
        pages.addWidget(self.strip)
        pages.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(side)
        layout.addLayout(pages, 1)
        self.list.currentRowChanged.connect(self._select)
        self.strip.page_opened.connect(self._open_page)
        self.open_button.clicked.connect(self.open_original)

    def set_documents(self, documents: list[DocumentInfo]) -> None:
        self.documents = list(documents)
        self.list.clear()
        for doc in self.documents:
            count = doc.pages
            pages = (
                self.tr("1 pagina")
                if count == 1
                else self.tr("%1 pagina's").replace("%1", formatting.number(count))
            )
            self.list.addItem(QListWidgetItem(icon("scan"), f"{doc.name} — {pages}"))
        self.open_button.setEnabled(bool(self.documents))
        self.strip.setVisible(bool(self.documents))
        self.list.setVisible(bool(self.documents))
        self.open_button.setVisible(bool(self.documents))
        if self.documents:
            self.list.setCurrentRow(0)
        else:
            self.strip.thumbs.set_document("", None, 0)
            self._say(self.tr("Geen documenten bij deze klant."))

    def current(self) -> DocumentInfo | None:
        row = self.list.currentRow()
        return self.documents[row] if 0 <= row < len(self.documents) else None

    def _select(self, row: int) -> None:
        if not 0 <= row < len(self.documents):
            return
        doc = self.documents[row]
        path = self.data.original_path(doc.sha256)
        if path.exists():
            self.message.hide()
        else:
            self._say(
                self.tr(
                    "Het origineel van %1 ontbreekt in de map met originelen; de "
                    "tekst is wel bewaard."
                ).replace("%1", doc.name)
            )
        # How each page is turned to be upright is read off the GUI thread (a shared file
        # may be far away); until then the pages stand as placeholders (no path: nothing
        # is drawn turned the wrong way).
        self.strip.thumbs.set_document(doc.sha256, None, doc.pages, doc.frames)
        submit(
            self.data.page_orientations,
            doc.id,
            on_result=lambda quarters: self._show_pages(doc, path, quarters),
            # shown as scanned; the file's trouble is said elsewhere
            on_error=lambda _error: self._show_pages(doc, path, None),
            pool_name="read",
        )

    def _show_pages(self, doc: DocumentInfo, path: Path, quarters: list[int] | None) -> None:
        if self.current() is doc:  # not another document chosen meanwhile
            self.strip.thumbs.set_document(doc.sha256, path, doc.pages, doc.frames, quarters)

    def _open_page(self, page: int) -> None:
        doc = self.current()
        if doc is not None:
            self.page_requested.emit(doc, page)

    def open_original(self) -> None:
        doc = self.current()
        if doc is None:
            return
        path = self.data.original_path(doc.sha256)
        if not path.exists():
            self._say(
                self.tr("Het origineel van %1 ontbreekt in de map met originelen.").replace(
                    "%1", doc.name
                )
            )
            return
        self.open_url(QUrl.fromLocalFile(str(path)))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
