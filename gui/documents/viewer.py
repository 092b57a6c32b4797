"""The page viewer: one page at a time, zoom, rotate, PgUp/PgDn, and the words of the
current search highlighted on the scan from the stored word boxes."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDesktopServices,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from storage import PageText
from storage.search import fold, tokens

from ..data import ClientData
from ..workers import submit
from .images import LruCache, load_page

MAX_SIDE = 2400  # enough to read a scan at 300 dpi; a bigger page would only cost memory
HIGHLIGHT = QColor(255, 200, 0, 110)
_PAGES = LruCache(8)


def matching_words(page: PageText, query: str) -> list:
    """The words of page that match a word of the query (folded, as a prefix, like search)."""
    wanted = tokens(query)
    if not wanted:
        return []
    found = []
    for word in page.words:
        folded = fold(word.text)
        if any(tok in folded and folded.find(tok) <= 1 for tok in wanted):
            found.append(word)
    return found


class PageViewer(QDialog):
    def __init__(self, data: ClientData, document: dict, page: int, query: str = "", parent=None):
        super().__init__(parent)
        self.data, self.document, self.query = data, document, query
        self.page = max(0, min(page, int(document.get("pages") or 1) - 1))
        self.pages = int(document.get("pages") or 0)
        self.rotation = 0
        self.texts: list[tuple[int, PageText]] | None = None
        self._image_size = (0, 0)
        self.setWindowTitle(document.get("name") or self.tr("Pagina"))
        self.resize(900, 700)

        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHints(
            QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing
        )
        self.view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.view.setBackgroundBrush(QColor("#5a5a5a"))
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene.addItem(self.pixmap_item)
        self.highlights: list = []
        self.message = QLabel()
        self.message.setObjectName("viewer_message")
        self.message.setWordWrap(True)
        self.message.hide()

        self.prev_button = QPushButton(self.tr("◀ Vorige"))
        self.next_button = QPushButton(self.tr("Volgende ▶"))
        self.page_label = QLabel()
        zoom_out = QPushButton("−")
        zoom_in = QPushButton("+")
        fit = QPushButton(self.tr("Passend"))
        rot_left = QPushButton("⟲")
        rot_right = QPushButton("⟳")
        open_button = QPushButton(self.tr("Openen in…"))
        zoom_out.setToolTip(self.tr("Uitzoomen (Ctrl+-)"))
        zoom_in.setToolTip(self.tr("Inzoomen (Ctrl++)"))
        fit.setToolTip(self.tr("Hele pagina (Ctrl+0)"))
        rot_left.setToolTip(self.tr("Linksom draaien (Ctrl+Shift+R)"))
        rot_right.setToolTip(self.tr("Rechtsom draaien (Ctrl+R)"))
        open_button.setToolTip(self.tr("Het origineel openen in het standaardprogramma"))
        self.prev_button.setToolTip(self.tr("Vorige pagina (PgUp)"))
        self.next_button.setToolTip(self.tr("Volgende pagina (PgDn)"))
        bar = QHBoxLayout()
        for w in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (zoom_out, zoom_in, rot_left, rot_right):
            w.setFixedWidth(w.fontMetrics().horizontalAdvance("MM") + 24)
        for w in (zoom_out, fit, zoom_in, rot_left, rot_right, open_button):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)

        self.prev_button.clicked.connect(lambda: self.go(self.page - 1))
        self.next_button.clicked.connect(lambda: self.go(self.page + 1))
        zoom_in.clicked.connect(lambda: self.zoom(1.25))
        zoom_out.clicked.connect(lambda: self.zoom(0.8))
        fit.clicked.connect(self.fit)
        rot_left.clicked.connect(lambda: self.rotate(-90))
        rot_right.clicked.connect(lambda: self.rotate(90))
        open_button.clicked.connect(self.open_original)
        for keys, slot in (
            (QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.go(self.page - 1)),
            (QKeySequence.StandardKey.MoveToNextPage, lambda: self.go(self.page + 1)),
            (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom(1.25)),
            ("Ctrl+=", lambda: self.zoom(1.25)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom(0.8)),
            ("Ctrl+0", self.fit),
            ("Ctrl+R", lambda: self.rotate(90)),
            ("Ctrl+Shift+R", lambda: self.rotate(-90)),
        ):
            QShortcut(QKeySequence(keys), self, activated=slot)

        submit(
            data.pages,
            document["id"],
            on_result=self._texts_loaded,
            on_error=lambda e: self._show_message(str(e)),
            pool_name="read",
        )
        self.go(self.page)

    # -- navigation -------------------------------------------------------------------------

    def go(self, page: int) -> None:
        if not 0 <= page < max(self.pages, 1):
            return
        self.page = page
        self.page_label.setText(
            self.tr("Pagina %1 van %2").replace("%1", str(page + 1)).replace("%2", str(self.pages))
        )
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.pages - 1)
        path = self.data.original_path(self.document["sha256"])
        cached = _PAGES.get((self.document["sha256"], page))
        if cached is not None:
            self._page_loaded(page, cached)
            return
        submit(
            load_page,
            path,
            page,
            MAX_SIDE,
            on_result=lambda image, p=page: self._page_loaded(p, image),
            on_error=lambda e, p=page: self._page_failed(p, e),
            pool_name="image",
        )

    def _page_loaded(self, page: int, image) -> None:
        _PAGES.put((self.document["sha256"], page), image)
        if page != self.page:
            return  # the user flipped on
        self.message.hide()
        self.pixmap_item.setPixmap(QPixmap.fromImage(image))
        self._image_size = (image.width(), image.height())
        self.scene.setSceneRect(QRectF(0, 0, image.width(), image.height()))
        self._draw_highlights()
        self.fit()

    def _page_failed(self, page: int, error: Exception) -> None:
        if page == self.page:
            self.pixmap_item.setPixmap(QPixmap())
            self._clear_highlights()
            self._show_message(str(error))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _texts_loaded(self, texts) -> None:
        self.texts = texts
        self._draw_highlights()

    # -- highlights -------------------------------------------------------------------------

    def _clear_highlights(self) -> None:
        for item in self.highlights:
            self.scene.removeItem(item)
        self.highlights = []

    def _draw_highlights(self) -> None:
        self._clear_highlights()
        if not self.texts or self.page >= len(self.texts) or not self._image_size[0]:
            return
        _pid, text = self.texts[self.page]
        # Word boxes are in pixels of the page as read; the shown image may be scaled.
        sx = self._image_size[0] / text.width if text.width else 1.0
        sy = self._image_size[1] / text.height if text.height else 1.0
        pen = QPen(QColor(230, 150, 0))
        pen.setWidth(2)
        for word in matching_words(text, self.query):
            rect = QRectF(word.left * sx, word.top * sy, word.width * sx, word.height * sy)
            item = self.scene.addRect(rect.adjusted(-3, -3, 3, 3), pen, QBrush(HIGHLIGHT))
            self.highlights.append(item)

    @property
    def highlight_count(self) -> int:
        return len(self.highlights)

    # -- view -------------------------------------------------------------------------------

    def zoom(self, factor: float) -> None:
        self.view.scale(factor, factor)

    def rotate(self, degrees: int) -> None:
        self.rotation = (self.rotation + degrees) % 360
        self.view.rotate(degrees)

    def fit(self) -> None:
        self.view.resetTransform()
        self.view.rotate(self.rotation)
        self.view.fitInView(self.pixmap_item, Qt.AspectRatioMode.KeepAspectRatio)

    def open_original(self) -> None:
        path = self.data.original_path(self.document["sha256"])
        if not path.exists():
            self._show_message(self.tr("Het origineel ontbreekt in de map met originelen."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self.pixmap_item.pixmap().isNull():
            self.fit()
