"""PDF originals show in the window like image files do (through ocr.sources.files)."""

from __future__ import annotations

import pytest

from gui.documents.images import PageImageError, load_page
from tests.datagen import write_text_pdf


def test_pdf_page_loads_as_qimage(tmp_path, qtbot):
    pdf = tmp_path / "brief.pdf"
    write_text_pdf(pdf, ["Geachte mevrouw De Vries,", "Bijgaand de factuur."])
    image = load_page(pdf, 0, max_side=300)
    assert not image.isNull()
    assert max(image.width(), image.height()) == 300
    assert image.height() > image.width()  # A4 portrait
    with pytest.raises(PageImageError, match="niet te tonen"):
        load_page(pdf, 5)
