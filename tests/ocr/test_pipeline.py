"""import_paths with real Tesseract on small pages: sources, orientation, progress, cancel."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PIL import Image

from importing import import_paths
from ocr import OcrPool
from tests.datagen import write_text_pdf
from tests.ocr.pagegen import card, save, word_box
from tests.ocr.procs import descendants
from tests.sql import rows, value

CARD = ["Klantkaart Visser", "Dorpsstraat 12 Zwolle", "Telefoon 06-12345678"]
LETTER = ["Geachte heer Hoekstra,", "Hierbij de offerte", "voor de zonnepanelen."]


def _texts(cf, name: str) -> list[str]:
    doc_id = value(cf, "SELECT id FROM documents WHERE name = ?", (name,))
    return [page.text for _, page in cf.pages(doc_id)]


def test_folder_of_mixed_formats(tmp_path: Path, client_file, tesseract_available):
    folder = tmp_path / "Visser, Anna"
    save(card(CARD), folder / "pagina1.png")
    save(card(LETTER).convert("RGB"), folder / "pagina2.jpg", quality=90)
    g4 = [card(LETTER).convert("1"), card(CARD).convert("1")]
    g4[0].save(
        folder / "pagina10.tif", save_all=True, append_images=g4[1:], compression="group4",
        dpi=(200, 200),
    )  # fmt: skip
    (folder / "2019").mkdir()  # a tab of the binder: part of this client's folder
    write_text_pdf(folder / "2019" / "brief 3.pdf", ["Offerte dakgoot", "Met vriendelijke groet"])
    report = import_paths([folder], client_file, jobs=2)
    assert report.errors == []
    assert (report.documents, report.pages, report.clients_created) == (4, 5, 1)
    names = [r[0] for r in rows(client_file, "SELECT name FROM documents ORDER BY id")]
    # natural order, a year's tab ("2019") before the pages beside it
    assert names == ["brief 3.pdf", "pagina1.png", "pagina2.jpg", "pagina10.tif"]
    assert "Dorpsstraat" in _texts(client_file, "pagina1.png")[0]
    tiff = _texts(client_file, "pagina10.tif")
    assert "zonnepanelen" in tiff[0] and "Zwolle" in tiff[1]
    doc_id = value(client_file, "SELECT id FROM documents WHERE name = 'brief 3.pdf'")
    (_, page), = client_file.pages(doc_id)  # fmt: skip
    assert page.source == "text-layer" and "dakgoot" in page.text
    client = client_file.client(client_file.client_ids()[0])
    assert "Visser" in client.name

    again = import_paths([folder], client_file, jobs=2)
    assert (again.documents, again.skipped, again.clients_created) == (0, 4, 0)
    # a new scan in a known folder joins the same client
    save(card(["Nagekomen brief", "over de dakkapel"]), folder / "pagina11.png")
    later = import_paths([folder], client_file, jobs=1)
    assert (later.documents, later.clients_created) == (1, 0)
    assert len(client_file.client(client_file.client_ids()[0]).documents) == 5


@pytest.mark.parametrize("turned", [90, 180, 270])
def test_turned_page_read_upright_with_boxes_on_the_original(
    tmp_path: Path, client_file, tesseract_available, turned: int
):
    upright = card(CARD, size=(1100, 700))
    scan = upright.rotate(turned, expand=True)  # counter-clockwise, as it lay on the glass
    save(scan, tmp_path / "scan.png")
    report = import_paths([tmp_path / "scan.png"], client_file, jobs=1)
    assert report.errors == [] and report.pages == 1
    (_, page), = client_file.pages(1)  # fmt: skip
    assert "Dorpsstraat" in page.text
    assert page.orientation == turned  # turned clockwise by this much to be read
    assert (page.width, page.height) == scan.size
    word = next(w for w in page.words if w.text == "Dorpsstraat")
    left, top, width, height = word_box(CARD, 1, "Dorpsstraat")
    w, h = upright.size
    if turned == 90:  # PIL's counter-clockwise turn: (x, y) -> (y, w - x)
        expected = (top, w - (left + width), height, width)
    elif turned == 270:  # (x, y) -> (h - y, x)
        expected = (h - (top + height), left, height, width)
    else:
        expected = (w - (left + width), h - (top + height), width, height)
    assert _overlap(expected, (word.left, word.top, word.width, word.height)) > 0.6
    # and the box really holds ink on the original scan
    crop = scan.crop((word.left, word.top, word.left + word.width, word.top + word.height))
    assert min(crop.tobytes()) < 100


def _overlap(a: tuple, b: tuple) -> float:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    iw = max(0, min(ax + aw, bx + bw) - max(ax, bx))
    ih = max(0, min(ay + ah, by + bh) - max(ay, by))
    return iw * ih / float(aw * ah + bw * bh - iw * ih)


def test_tesseract_rotated_phototest(shared_testdata: Path, client_file, tesseract_available):
    folder = shared_testdata / "tesseract"
    files = [folder / f"phototest-rotated-{s}.png" for s in ("180", "L", "R")]
    report = import_paths(files, client_file, jobs=2, lang="eng")
    assert report.errors == [] and report.pages == 3
    stored = rows(
        client_file,
        "SELECT d.name, p.orientation, p.text FROM pages p"
        " JOIN documents d ON d.id = p.document_id",
    )
    for name, orientation, text in stored:
        assert "quick brown dog" in text, name
        if "180" in name:
            assert orientation == 180
        if "-L" in name:
            assert orientation == 90


def test_progress_then_cancel_keeps_what_finished(tmp_path: Path, client_file, tesseract_available):
    files = []
    for i in range(10):
        files.append(save(card([f"Brief nummer {i}", "over de verbouwing"]), tmp_path / f"{i}.png"))
    seen = []
    cancelled_at: list[float] = []

    def progress(p):
        seen.append(p)

    def cancel() -> bool:
        if seen and seen[-1].pages_done >= 2:  # the user presses Stop after two pages
            if not cancelled_at:
                cancelled_at.append(time.monotonic())
            return True
        return False

    report = import_paths(files, client_file, jobs=2, progress=progress, cancel=cancel)
    ended = time.monotonic()
    assert report.cancelled and ended - cancelled_at[0] < 1.5
    assert 2 <= report.documents < 10  # the pages read before Stop are kept
    assert seen and seen[-1].pages_total == 10 and seen[-1].current_file.endswith(".png")
    assert any(p.seconds_left is not None for p in seen)
    assert descendants() == []
    # every stored document has all its pages and its original
    for doc_id, sha, pages in rows(client_file, "SELECT id, sha256, pages FROM documents"):
        assert len(client_file.pages(doc_id)) == pages == 1
        assert client_file.originals.has(sha)
    rest = import_paths(files, client_file, jobs=2)
    assert rest.skipped == report.documents and rest.documents == 10 - report.documents


def test_pool_reads_scanner_pages_as_they_come(tmp_path: Path, tesseract_available):
    import io

    buffer = io.BytesIO()
    card(LETTER).save(buffer, "PNG", dpi=(200, 200))
    with OcrPool(jobs=1, lang="nld+eng") as pool:
        first = pool.submit(buffer.getvalue())
        second = pool.submit(save(card(CARD), tmp_path / "kaart.png"))
        results = dict(pool.results(timeout=120))
        pids = pool.pids()
    assert "zonnepanelen" in results[first].text
    assert "Zwolle" in results[second].text
    assert results[first].words and results[first].width == 1100
    assert descendants() == [] and pids


def test_password_given_imports_the_pdf(shared_testdata: Path, client_file, tesseract_available):
    path = shared_testdata / "pypdf_encrypted" / "crazyones-encrypted-256.pdf"
    report = import_paths([path], client_file, jobs=1)
    assert report.documents == 0
    assert report.errors == [{"path": str(path), "error": report.errors[0]["error"]}]
    assert "wachtwoord" in report.errors[0]["error"]
    report = import_paths([path], client_file, jobs=1, passwords=["password"])
    assert report.errors == [] and report.documents == 1
    assert "crazy" in client_file.pages(1)[0][1].text.lower()


def test_grey_image_kept_small(tmp_path: Path):
    # guard for the helper: cards are small, so real-OCR tests stay fast
    assert Image.open(save(card(CARD), tmp_path / "c.png")).size == (1100, 420)
