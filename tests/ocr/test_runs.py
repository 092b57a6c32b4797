"""Several pages in one Tesseract run: the same text and boxes as one by one, each page its
own result, and no page image left behind in the folder Tesseract reads them from."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ocr import import_paths, pagefiles
from ocr.errors import BadFileError, OcrError
from ocr.preprocess import Settings
from ocr.tesseract import split_pages
from ocr.worker import read_pages
from tests.ocr.pagegen import card, save

LINES = [
    ["Klantkaart Jansen", "Kerkstraat 4 Kampen"],
    ["Offerte dakgoot", "Geldig tot 1 maart"],
    ["Factuur 2031", "Betaald per bank"],
]


def _page_files() -> list[Path]:
    """Page files of this process (a folder of a killed import elsewhere is swept by the
    next import, see test_resume)."""
    return list(pagefiles.own_folder().iterdir())


def test_run_of_pages_gives_what_each_page_gives_alone(tmp_path: Path, tesseract_available):
    paths = [save(card(lines), tmp_path / f"p{i}.png") for i, lines in enumerate(LINES)]
    # a page turned upside down inside the run is still read upright (the second pass)
    upside_down = card([*LINES[2], "Telefoon 06-12345678"], size=(1100, 700)).rotate(180)
    save(upside_down, paths[2])
    specs = [(p, "image/png", 0, None) for p in paths]
    together = read_pages(specs, "nld+eng", Settings(), 60)
    alone = [read_pages([spec], "nld+eng", Settings(), 60)[0] for spec in specs]
    for lines, page, single in zip(LINES, together, alone, strict=True):
        assert not isinstance(page, OcrError), page
        assert page.text == single.text
        assert [(w.text, w.left, w.top) for w in page.words] == [
            (w.text, w.left, w.top) for w in single.words
        ]
        assert lines[0].split()[0] in page.text
    assert together[2].orientation == 180
    assert _page_files() == []


def test_bad_page_in_a_run_fails_alone(tmp_path: Path, tesseract_available):
    good = save(card(LINES[0]), tmp_path / "goed.png")
    broken = tmp_path / "kapot.png"
    broken.write_bytes(good.read_bytes()[:400])  # a PNG cut off after its header
    results = read_pages(
        [(good, "image/png", 0, None), (broken, "image/png", 0, None)], "nld+eng", Settings(), 60
    )
    assert "Jansen" in results[0].text
    assert isinstance(results[1], BadFileError)


def test_split_pages_refuses_a_page_that_was_not_asked_for():
    data = {"page_num": [1, 2, 3], "text": ["a", "b", "c"]}
    assert [p["text"] for p in split_pages(data, 3)] == [["a"], ["b"], ["c"]]
    try:
        split_pages(data, 2)
    except OcrError as e:
        assert "3 van 2" in str(e)
    else:
        raise AssertionError("page 3 of 2 accepted")


def test_import_leaves_no_page_files(tmp_path: Path, client_file, tesseract_available):
    folder = tmp_path / "Jansen, Kees"
    for i, lines in enumerate(LINES * 2):
        save(card([*lines, f"blad {i}"]), folder / f"blad{i}.png")
    report = import_paths([folder], client_file, jobs=2)
    assert (report.pages, report.errors) == (6, [])
    left = [f.name for f in pagefiles.base_dir().glob(pagefiles.PREFIX + "*")]
    assert left in ([], [f"{pagefiles.PREFIX}{os.getpid()}"])  # the workers' are gone
    assert _page_files() == []


def test_folder_of_a_killed_worker_is_swept(tmp_path: Path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead = pagefiles.folder_of(int(gone.stdout))
    dead.mkdir(mode=0o700)
    (dead / "pagina.tif").write_bytes(b"persoonsgegevens")
    alive = pagefiles.own_folder()
    try:
        pagefiles.sweep()
        assert not dead.exists()
        assert alive.exists()  # a running process keeps its folder
        assert oct(alive.stat().st_mode & 0o777) == "0o700"
    finally:
        pagefiles.remove_folder(os.getpid())
