"""Sources and PDFs without OCR: kinds by content, folder walking, text layers, passwords."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from ocr.engine.preprocess import Settings
from ocr.engine.worker import probe, read_page
from ocr.errors import BadFileError, PasswordProtectedError
from ocr.sources import pdf
from ocr.sources.files import detect_mime, files_in_folder, load_frame
from tests.datagen import write_text_pdf
from tests.ocr.pagegen import card, is_root, save


def test_kind_by_content_not_name(tmp_path: Path):
    save(card(["a"]), tmp_path / "scan.pdf", format="PNG")  # a PNG named .pdf
    (tmp_path / "foto.jpg").write_text("dit is geen foto")
    assert detect_mime(tmp_path / "scan.pdf") == "image/png"
    assert detect_mime(tmp_path / "foto.jpg") is None


def test_folder_in_natural_order_recursively(tmp_path: Path):
    for name in ["pagina10.png", "pagina2.png", "pagina1.png", "sub/pagina3.png", ".verborgen"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    names = [p.relative_to(tmp_path).as_posix() for p in files_in_folder(tmp_path)]
    assert names == ["pagina1.png", "pagina2.png", "pagina10.png", "sub/pagina3.png"]


def test_symlink_loops_and_unreadable_folders_are_reported(tmp_path: Path):
    (tmp_path / "a.png").write_bytes(b"x")
    (tmp_path / "lus").symlink_to(tmp_path)  # a folder link back to itself
    (tmp_path / "zelf").symlink_to(tmp_path / "zelf")  # a file link to itself
    problems: list = []
    files = files_in_folder(tmp_path, problems)
    assert files == [tmp_path / "a.png"]
    assert [(p.name, "zichzelf" in why) for p, why in problems] == [("zelf", True)]
    if not is_root():
        closed = tmp_path / "dicht"
        closed.mkdir()
        closed.chmod(0)
        try:
            problems = []
            files_in_folder(tmp_path, problems)
            assert any(p == closed and "geen toegang" in why for p, why in problems)
        finally:
            closed.chmod(0o700)


def test_text_layer_words_without_ocr(tmp_path: Path):
    path = tmp_path / "brief.pdf"
    placed = write_text_pdf(path, ["Offerte zonnepanelen Jansen", "Dorpsstraat 12 Zwolle"])
    assert probe(path, "application/pdf").pages == 1
    page = read_page(path, "application/pdf", 0, None, "nld+eng", Settings(), 30)
    assert page.source == "text-layer" and "zonnepanelen" in page.text
    assert page.text.splitlines()[1] == "Dorpsstraat 12 Zwolle"
    word = next(w for w in page.words if w.text == "Offerte")
    # pixels at 300 dpi: x from the left margin, top from the baseline (PDF y is upward)
    scale = 300 / 72
    assert abs(word.left - placed[0].x * scale) < 5
    baseline_px = (842 - placed[0].baseline) * scale
    assert word.top < baseline_px < word.top + word.height + 5
    assert page.width == round(595 * scale)


def test_huge_pdf_page_renders_at_a_capped_size(shared_testdata: Path):
    for name in ("enormous.pdf", "hugemono.pdf"):
        path = shared_testdata / "ocrmypdf" / name
        document, _ = pdf.open_pdf(path)
        width, height = document[0].get_size()
        document.close()
        scale = pdf.render_scale(width, height)
        assert width * height * scale * scale <= pdf.MAX_RENDER_PIXELS * 1.01
        assert max(width, height) * scale <= pdf.MAX_RENDER_SIDE + 1


@pytest.mark.parametrize(
    "name, password",
    [
        ("r6-user-password.pdf", "asdfzxcv"),
        ("r2-user-password.pdf", "asdfzxcv"),
        ("crazyones-encrypted-256.pdf", "password"),
        ("r6-both-passwords.pdf", "foo"),
    ],
)
def test_password_protected_pdf(shared_testdata: Path, name: str, password: str):
    path = shared_testdata / "pypdf_encrypted" / name
    with pytest.raises(PasswordProtectedError, match="wachtwoord"):
        probe(path, "application/pdf")
    with pytest.raises(PasswordProtectedError, match="geen van de opgegeven"):
        probe(path, "application/pdf", ["fout"])
    result = probe(path, "application/pdf", ["fout", password])
    assert result.pages >= 1 and result.password == password


def test_exif_orientation_applied(shared_testdata: Path):
    upright, _ = load_frame(shared_testdata / "pillow_bad_images" / "g4_orientation_1.tif")
    for n in range(2, 9):
        turned, _ = load_frame(shared_testdata / "pillow_bad_images" / f"g4_orientation_{n}.tif")
        assert turned.size == upright.size
        diff = ImageChops.difference(turned.convert("L"), upright.convert("L")).tobytes()
        # the files were drawn separately: a few edge pixels differ, the page is the same way up
        assert sum(1 for v in diff if v) < 0.01 * len(diff)


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_pixel_cap_refuses_bombs(tmp_path: Path, shared_testdata: Path):
    for name in ("decompression_bomb.gif", "png_decompression_dos.png"):
        with pytest.raises(BadFileError):
            load_frame(shared_testdata / "pillow_bad_images" / name)
    big = tmp_path / "groot.png"
    Image.new("1", (12000, 12000), 1).save(big)
    with pytest.raises(BadFileError, match="te groot"):
        load_frame(big)
    assert os.path.getsize(big) < 5_000_000
