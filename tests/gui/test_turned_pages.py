"""Pages scanned sideways or upside down are shown upright (viewer, thumbnails, crops of
a field), with their word boxes mapped along; crops and popups stay on screen and go away
when the mouse leaves."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QWidget

from gui.client_card.source import CropPopup, crop_of
from gui.documents import images
from gui.documents.images import upright_box, upright_size
from ocr.engine.preprocess import Transform
from storage import ClientFile
from tests.gui.demo import add_turned_card


@pytest.mark.parametrize("quarter", [0, 90, 180, 270])
def test_upright_box_is_the_inverse_of_the_reading(quarter: int):
    """The import maps boxes read on the turned page back to the scan
    (Transform.box_to_original); showing the page upright maps them forward again."""
    rng = random.Random(quarter)
    width, height = 1240, 1754
    transform = Transform(width, height, quarter=quarter)
    up_w, up_h = upright_size(width, height, quarter)
    for _ in range(50):
        box = (rng.randrange(up_w - 200), rng.randrange(up_h - 60), 150, 40)
        stored = transform.box_to_original(*box)
        assert upright_box(stored, quarter, width, height) == box


def ink_centre(image: QImage) -> tuple[float, float]:
    """Where the dark pixels are, as fractions of the width and height."""
    small = image.scaled(120, 120, Qt.AspectRatioMode.IgnoreAspectRatio).convertToFormat(
        QImage.Format.Format_Grayscale8
    )
    xs, ys = [], []
    for y in range(small.height()):
        for x in range(small.width()):
            if small.pixelColor(x, y).value() < 160:
                xs.append(x)
                ys.append(y)
    return sum(xs) / len(xs) / small.width(), sum(ys) / len(ys) / small.height()


@pytest.mark.parametrize("quarter", [90, 180, 270])
def test_turned_page_is_shown_upright(qtbot, make_window, demo, quarter: int):
    document, _field = add_turned_card(demo.path, demo.bakker, quarter)
    window = make_window(demo.path)
    window.open_client(demo.bakker)
    info = next(d for d in window.card.client.documents if d.id == document)
    viewer = window.open_page(info, 0)
    # typed as a user would: the window hands its latest search to every open page (and
    # its first answer, the list of all clients, may still be on its way)
    window.search_field.setText("velux")
    qtbot.waitUntil(lambda: viewer.highlight_count == 1, timeout=20000)  # a busy machine
    image = viewer.pixmap_item.pixmap().toImage()
    assert image.height() > image.width()  # portrait, as the card is written
    # the card's lines stand at the top left of the page, as on the upright card
    x, y = ink_centre(image)
    assert x < 0.45 and y < 0.35
    # the mark lies on the word "velux" of the card's last line (x 512, y 770 of 1240 x 1754)
    mark = viewer.highlights[0].rect()
    assert 0.35 < mark.left() / image.width() < 0.48
    assert 0.40 < mark.top() / image.height() < 0.48

    # the thumbnail upright as well
    thumbs = window.card.documents.strip.thumbs
    window.card.documents.list.setCurrentRow(window.card.documents.documents.index(info))
    thumbs.data(thumbs.index(0, 0), Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(lambda: thumbs.is_loaded(0), timeout=20000)
    thumb = images.THUMBNAILS.get(thumbs._key(0))
    assert thumb.height() > thumb.width()
    tx, ty = ink_centre(thumb)
    assert tx < 0.45 and ty < 0.35


@pytest.mark.parametrize("quarter", [90, 180])
def test_crop_of_a_turned_page_reads_like_the_upright_one(qtbot, make_window, demo, quarter):
    window = make_window(demo.path)
    _document, field_id = add_turned_card(demo.path, demo.bakker, quarter)
    with ClientFile.open(demo.path) as cf:
        turned = next(f for f in cf.fields(demo.bakker) if f.id == field_id)
        upright = next(f for f in cf.fields(demo.boer) if f.field == "iban")
    a = crop_of(window.data, demo.bakker, turned)
    b = crop_of(window.data, demo.boer, upright)
    assert abs(a.width() - b.width()) <= 2 and abs(a.height() - b.height()) <= 2
    a = a.scaled(b.size()).convertToFormat(QImage.Format.Format_Grayscale8)
    b = b.convertToFormat(QImage.Format.Format_Grayscale8)
    step = 3
    diff = [
        abs(a.pixelColor(x, y).value() - b.pixelColor(x, y).value())
        for y in range(0, b.height(), step)
        for x in range(0, b.width(), step)
    ]
    assert sum(diff) / len(diff) < 12  # the same picture, not a turned one


def popup_with(width: int, height: int) -> tuple[CropPopup, QPixmap]:
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.white)
    return CropPopup(), pixmap


def anchor_at(qtbot, x: int, y: int) -> QWidget:
    anchor = QWidget(None, Qt.WindowType.FramelessWindowHint)
    qtbot.addWidget(anchor)
    anchor.setGeometry(x, y, 24, 24)
    anchor.show()
    qtbot.waitExposed(anchor)
    return anchor


def test_crop_stays_on_screen(qtbot):
    area: QRect = QGuiApplication.primaryScreen().availableGeometry()
    popup, pixmap = popup_with(560, 80)
    qtbot.addWidget(popup)
    near_right = anchor_at(qtbot, area.right() - 40, 100)
    QCursor.setPos(near_right.mapToGlobal(QPoint(5, 5)))
    popup.show_at(near_right, pixmap)
    assert area.contains(popup.frameGeometry())
    assert popup.y() > near_right.mapToGlobal(QPoint(0, 0)).y()  # under it: there is room
    near_bottom = anchor_at(qtbot, 100, area.bottom() - 30)
    QCursor.setPos(near_bottom.mapToGlobal(QPoint(5, 5)))
    popup.show_at(near_bottom, pixmap)
    assert area.contains(popup.frameGeometry())
    # above it: no room below
    assert popup.frameGeometry().bottom() < near_bottom.mapToGlobal(QPoint(0, 0)).y()


def test_crop_goes_when_the_mouse_leaves(qtbot):
    popup, pixmap = popup_with(300, 60)
    qtbot.addWidget(popup)
    anchor = anchor_at(qtbot, 100, 100)
    QCursor.setPos(anchor.mapToGlobal(QPoint(5, 5)))
    popup.show_at(anchor, pixmap)
    qtbot.wait(400)
    assert popup.isVisible()  # pointed at: it stays
    QCursor.setPos(popup.frameGeometry().center())
    qtbot.wait(400)
    assert popup.isVisible()  # on the crop itself: it stays
    QCursor.setPos(QPoint(600, 600))
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=1000)


def test_card_crop_goes_with_the_card(qtbot, make_window, demo):
    window = make_window(demo.path)
    window.open_client(demo.boer)
    button = window.card.fields["iban"].source_button
    QCursor.setPos(button.mapToGlobal(QPoint(3, 3)))
    window.card.show_source(button.record, button)
    qtbot.waitUntil(lambda: window.card._crop.isVisible(), timeout=5000)
    window.open_client(demo.bakker)  # another card: nothing of the first stays up
    assert not window.card._crop.isVisible()
