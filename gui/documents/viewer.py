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

from storage import DocumentInfo, PageText, Word
from storage.search import fold, is_phone_like, number_token, tokens

from ..data import ClientData
from ..workers import submit
from .images import LruCache, load_page, upright_box, upright_size

MAX_SIDE = 2400  # enough to read a scan at 300 dpi; a bigger page would only cost memory
HIGHLIGHT = QColor(255, 200, 0, 110)
_PAGES = LruCache(8)


MAX_RUN_WORDS = 8  # "06 - 12 34 56 78" is six words on paper


def matching_words(page: PageText, query: str) -> list[Word]:
    """The words of page that match the query: each word of the query (folded, as a
    prefix, like search), and the query as one run over neighbouring words ("9754zp" is
    "9754 ZP" on paper, "0612345678" is "06-12 34 56 78"). A query written as a phone
    number ("06-22") matches only as that number, not its parts anywhere."""
    wanted = tokens(query)
    if not wanted:
        return []
    words = page.words
    found: set[int] = set()
    if not is_phone_like(query):
        for i, word in enumerate(words):
            folded = fold(word.text)
            if any(tok in folded and folded.find(tok) <= 1 for tok in wanted):
                found.add(i)
    for run, digits_only in _runs(query):
        found.update(_run_matches(words, run, digits_only))
    return [words[i] for i in sorted(found)]


def _compact(text: str, digits_only: bool) -> str:
    if digits_only:
        return "".join(c for c in text if c.isdigit())
    return "".join(tokens(text))


def _runs(query: str) -> list[tuple[str, bool]]:
    """(run, digits only) to look for over neighbouring words."""
    runs: list[tuple[str, bool]] = []
    runs.append(("".join(tokens(query)), False))
    digits = number_token(query.strip().removeprefix("tel:"))
    if digits and len(digits) >= 4:
        runs.append((digits, True))
        # the same number printed the other way: +31 6 1234... or 06 1234...
        if digits.startswith("0031"):
            runs.append(("0" + digits[4:], True))
        elif digits.startswith("31"):
            runs.append(("0" + digits[2:], True))
        elif digits.startswith("0") and not digits.startswith("00"):
            runs.append(("31" + digits[1:], True))
    return [r for r in dict.fromkeys(runs) if len(r[0]) >= 4]


def _run_matches(words: list[Word], run: str, digits_only: bool) -> set[int]:
    found: set[int] = set()
    for i in range(len(words)):
        text = ""
        for j in range(i, min(len(words), i + MAX_RUN_WORDS)):
            part = _compact(words[j].text, digits_only)
            if not part:
                break  # a word that is no part of the number ends it
            text += part
            if text.startswith(run):
                found.update(range(i, j + 1))
                break
            if not run.startswith(text):
                break
    return found


class PageViewer(QDialog):
    def __init__(
        self, data: ClientData, document: DocumentInfo, page: int, query: str = "", parent=None
    ):
        super().__init__(parent)
        self.data, self.document, self.query = data, document, query
        self.page = max(0, min(page, (document.pages or 1) - 1))
        self.pages = document.pages
        self.rotation = 0
        self.texts: list[tuple[int, PageText]] | None = None
        self._image_size = (0, 0)
        self._quarters: list[int] | None = None  # each page's turn, read on first load
        self.setWindowTitle(document.name or self.tr("Pagina"))
        self.resize(900, 700)

        self._build_view()
        bar = self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self._add_shortcuts()

        submit(
            data.pages,
            document.id,
            on_result=self._texts_loaded,
            on_error=lambda e: self._show_message(str(e)),
            pool_name="read",
        )
        self.go(self.page)

    def _build_view(self) -> None:
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

    def _build_toolbar(self) -> QHBoxLayout:
        """Previous/next with the page number; zoom, fit, turn and open the original."""
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

        self.prev_button.clicked.connect(lambda: self.go(self.page - 1))
        self.next_button.clicked.connect(lambda: self.go(self.page + 1))
        zoom_in.clicked.connect(lambda: self.zoom(1.25))
        zoom_out.clicked.connect(lambda: self.zoom(0.8))
        fit.clicked.connect(self.fit)
        rot_left.clicked.connect(lambda: self.rotate(-90))
        rot_right.clicked.connect(lambda: self.rotate(90))
        open_button.clicked.connect(self.open_original)
        return bar

    def _add_shortcuts(self) -> None:
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
        cached = _PAGES.get(self._page_key(page))
        if cached is not None:
            self._page_loaded(page, cached)
            return
        submit(
            self._load,
            page,
            on_result=lambda image, p=page: self._page_loaded(p, image),
            on_error=lambda e, p=page: self._page_failed(p, e),
            pool_name="image",
        )

    def _page_key(self, page: int) -> tuple:
        return (self.document.sha256, self.document.frame(page), self._quarter(page))

    def _quarter(self, page: int) -> int | None:
        """How far the page was turned to be read upright (None: not known yet)."""
        if self._quarters is None:
            return None
        return self._quarters[page] if page < len(self._quarters) else 0

    def _load(self, page: int):
        """On the image thread: the page turned upright (its turn read once per viewer)."""
        if self._quarters is None:
            self._quarters = self.data.page_orientations(self.document.id)
        quarter = self._quarter(page) or 0
        path = self.data.original_path(self.document.sha256)
        return load_page(path, self.document.frame(page), MAX_SIDE, quarter)

    def _page_loaded(self, page: int, image) -> None:
        _PAGES.put(self._page_key(page), image)
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
        # Word boxes are in pixels of the scan as stored; the page is shown turned upright
        # (text.orientation) and maybe scaled.
        quarter = text.orientation or 0
        width, height = upright_size(text.width, text.height, quarter)
        sx = self._image_size[0] / width if width else 1.0
        sy = self._image_size[1] / height if height else 1.0
        pen = QPen(QColor(230, 150, 0))
        pen.setWidth(2)
        for word in matching_words(text, self.query):
            box = (word.left, word.top, word.width, word.height)
            left, top, w, h = upright_box(box, quarter, text.width, text.height)
            rect = QRectF(left * sx, top * sy, w * sx, h * sy)
            item = self.scene.addRect(rect.adjusted(-3, -3, 3, 3), pen, QBrush(HIGHLIGHT))
            self.highlights.append(item)

    @property
    def highlight_count(self) -> int:
        return len(self.highlights)

    def set_query(self, query: str) -> None:
        """Mark the words of another search (the window's latest), none for ""."""
        if query != self.query:
            self.query = query
            self._draw_highlights()

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
        path = self.data.original_path(self.document.sha256)
        if not path.exists():
            self._show_message(self.tr("Het origineel ontbreekt in de map met originelen."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self.pixmap_item.pixmap().isNull():
            self.fit()
