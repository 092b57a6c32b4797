"""Page images of originals as QImages, with a small in-memory LRU cache.

Pixels come from ocr.sources.files.page_image (PDF pages need pypdfium2, which gui/ may not
import; image files seek straight to frame N, so page 1,999 of a TIFF does not decode the
1,998 before it)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

from storage import KlantdossierError

if TYPE_CHECKING:  # Pillow is imported on first use: the window starts without it
    from PIL import Image


class PageImageError(KlantdossierError):
    """A page image cannot be shown (the original is missing or unreadable)."""


# PageText.orientation: degrees clockwise a scan was turned to be read upright. PIL names
# its turns counter-clockwise.
_TURN = {90: "ROTATE_270", 180: "ROTATE_180", 270: "ROTATE_90"}


def load_page(path: Path, index: int, max_side: int | None = None, quarter: int = 0) -> QImage:
    """Page `index` (0-based) of the original at path, scaled to fit max_side if given,
    turned clockwise by quarter degrees (a page scanned sideways or upside down is shown
    upright). Runs on a worker thread; raises PageImageError with a sentence for the user."""
    if not path.exists():
        raise PageImageError(
            f"Het origineel van deze pagina ontbreekt ({path.name} staat niet in de map met "
            "originelen). De tekst is wel bewaard en doorzoekbaar."
        )
    try:
        image = pil_page(path, index)
        if max_side:
            image.thumbnail((max_side, max_side))
        return to_qimage(turn(image, quarter))
    except PageImageError:
        raise
    except Exception as e:  # Pillow's errors are many and unnamed; the user needs one sentence
        raise PageImageError(f"Pagina {index + 1} van {path.name} is niet te tonen: {e}") from e


def pil_page(path: Path, index: int) -> Image.Image:
    # on first use: ocr/ pulls in numpy, and start-up must be quick; importing it also sets
    # Pillow's bound on image size, the same for showing as for importing
    from ocr import sources

    try:
        return sources.page_image(path, index)
    except KlantdossierError as e:
        raise PageImageError(f"Pagina {index + 1} van {path.name} is niet te tonen: {e}") from e


def turn(image: Image.Image, quarter: int) -> Image.Image:
    """The image turned clockwise by quarter (0, 90, 180, 270) degrees."""
    name = _TURN.get(quarter % 360)
    if name is None:
        return image
    from PIL import Image as PILImage

    return image.transpose(getattr(PILImage.Transpose, name))


def upright_box(
    box: tuple[int, int, int, int] | list[int], quarter: int, width: int, height: int
) -> tuple[int, int, int, int]:
    """A box (left, top, width, height) in pixels of the scan as stored (width x height)
    as it lies on the page turned clockwise by quarter degrees to be read upright."""
    left, top, w, h = box
    quarter %= 360
    if quarter == 90:
        return height - top - h, left, h, w
    if quarter == 180:
        return width - left - w, height - top - h, w, h
    if quarter == 270:
        return top, width - left - w, h, w
    return left, top, w, h


def upright_size(width: int, height: int, quarter: int) -> tuple[int, int]:
    return (height, width) if quarter % 180 == 90 else (width, height)


def to_qimage(image: Image.Image) -> QImage:
    rgb = image.convert("RGB")
    data = rgb.tobytes("raw", "RGB")
    qimage = QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888)
    return qimage.copy()  # own the pixels: `data` is freed when this function returns


class LruCache:
    """Least-recently-used cache of QImages by key, bounded in entries."""

    def __init__(self, capacity: int = 400) -> None:
        self.capacity = capacity
        self._items: OrderedDict[object, QImage] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: object) -> QImage | None:
        with self._lock:
            image = self._items.get(key)
            if image is not None:
                self._items.move_to_end(key)
            return image

    def put(self, key: object, image: QImage) -> None:
        with self._lock:
            self._items[key] = image
            self._items.move_to_end(key)
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


# Thumbnails of every card share one cache: flipping between two clients is instant.
THUMBNAILS = LruCache(400)
