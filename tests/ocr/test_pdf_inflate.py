"""A PDF stream that unpacks beyond the limits is refused before pdfium unpacks it whole
(issue 18.6: a 1 MB PDF with a 1 GiB Flate stream); ordinary streams pass."""

from __future__ import annotations

import pytest
from PIL import Image

from ocr.errors import BadFileError
from ocr.sources import pdf
from tests.faults.helpers.limitfiles import flate_bomb_pdf


def test_a_stream_unpacking_beyond_the_limit_is_refused(tmp_path):
    bomb = flate_bomb_pdf(tmp_path / "bom.pdf", inflated=pdf.MAX_INFLATED_OTHER + 2**20)
    with pytest.raises(BadFileError, match="pakt uit tot meer dan 64 MB"):
        pdf.page_count(bomb)


def test_a_stream_within_the_limit_is_read(tmp_path):
    page = flate_bomb_pdf(tmp_path / "vol.pdf", inflated=8 * 2**20)
    assert pdf.page_count(page) == (1, None)


def test_a_scanned_pdf_passes(tmp_path):
    scan = tmp_path / "scan.pdf"
    Image.new("RGB", (2480, 3508), "white").save(scan, resolution=300)
    assert pdf.page_count(scan)[0] == 1
    pdf.check_inflated_streams(scan)
