"""Showing an original's page: PDFs render at the scale their stored word boxes use."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from importing import import_paths
from ocr import BadFileError
from ocr.sources.files import page_image
from tests.datagen import write_text_pdf


def test_pdf_page_matches_stored_page_and_boxes(tmp_path: Path, client_file):
    pdf = tmp_path / "brief.pdf"
    write_text_pdf(pdf, ["Geachte heer Jansen,", "Hierbij de offerte voor de dakgoot."])
    report = import_paths([pdf], client_file, jobs=1, extract_fields=False)
    assert report.errors == [] and report.pages == 1
    document_id = client_file.client(client_file.client_ids()[0]).documents[0].id
    ((_page_id, page),) = client_file.pages(document_id)

    image = page_image(pdf, 0)
    # the stored size is rounded down, pdfium's bitmap up: the same scale within a pixel
    assert abs(image.width - page.width) <= 1 and abs(image.height - page.height) <= 1
    word = next(w for w in page.words if w.text.startswith("dakgoot"))
    crop = image.crop((word.left, word.top, word.left + word.width, word.top + word.height))
    assert crop.getextrema()[0] < 100  # ink where the box says the word is
    blank = image.crop((0, 0, 40, 40))
    assert blank.getextrema()[0] > 200  # and paper in the corner


def test_image_frames_and_missing_pages(tmp_path: Path):
    tiff = tmp_path / "twee.tif"
    frames = [Image.new("L", (300, 200), 255), Image.new("L", (200, 300), 0)]
    frames[0].save(tiff, save_all=True, append_images=frames[1:])
    assert page_image(tiff, 1).size == (200, 300)
    with pytest.raises(BadFileError, match="pagina 3 ontbreekt"):
        page_image(tiff, 2)
    pdf = tmp_path / "een.pdf"
    write_text_pdf(pdf, ["Een regel"])
    with pytest.raises(BadFileError, match="pagina 2 ontbreekt"):
        page_image(pdf, 1)
