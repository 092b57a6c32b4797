"""A PDF page with a text layer AND a picture holding more text (a company block pasted in
as an image): both are read, and the text is not doubled."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from ocr.engine.preprocess import Settings
from ocr.engine.worker import read_pages
from tests.datagen import write_text_pdf
from tests.ocr.pagegen import card


def add_picture(pdf_path: Path, image: Image.Image, out: Path, box: tuple[float, ...]) -> Path:
    """Paste image onto the first page at box (left, bottom, width, height in points)."""
    pdf = pdfium.PdfDocument(pdf_path)
    page = pdf[0]
    picture = pdfium.PdfImage.new(pdf)
    bitmap = pdfium.PdfBitmap.from_pil(image.convert("RGB"))
    picture.set_bitmap(bitmap)
    left, bottom, width, height = box
    picture.set_matrix(pdfium.PdfMatrix().scale(width, height).translate(left, bottom))
    page.insert_obj(picture)
    page.gen_content()
    pdf.save(out)
    pdf.close()
    return out


@pytest.mark.slow
def test_text_layer_and_picture_are_both_read(tmp_path: Path, tesseract_available) -> None:
    text_pdf = tmp_path / "factuur.pdf"
    write_text_pdf(text_pdf, ["Factuur 2031", "Betaald per bank binnen 14 dagen"])
    block = card(["Bakkerij Smit B.V.", "KvK 12345678", "Telefoon 020-7654321"], size=(1100, 420))
    mixed = add_picture(text_pdf, block, tmp_path / "gemengd.pdf", (60, 480, 330, 126))
    (page,) = read_pages([(mixed, "application/pdf", 0, None)], "nld+eng", Settings(), 60)
    assert page.source == "text-layer+ocr"
    assert page.text.count("Factuur 2031") == 1  # the text layer, not doubled
    assert "12345678" in page.text and "Smit" in page.text  # read from the picture
    assert [w.text for w in page.words].count("Factuur") == 1


def test_a_plain_text_pdf_is_not_read_by_ocr(tmp_path: Path) -> None:
    text_pdf = tmp_path / "brief.pdf"
    write_text_pdf(text_pdf, ["Geachte heer Jansen", "Met vriendelijke groet"])
    (page,) = read_pages([(text_pdf, "application/pdf", 0, None)], "nld+eng", Settings(), 60)
    assert page.source == "text-layer"
