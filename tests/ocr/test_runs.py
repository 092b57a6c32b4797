"""Several pages in one Tesseract run: the same text and boxes as one by one, each page its
own result, and no page image left behind in the folder Tesseract reads them from."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from importing import import_paths
from ocr import OcrPool
from ocr.engine import pagefiles
from ocr.engine.preprocess import Settings
from ocr.engine.tesseract import split_pages
from ocr.engine.worker import read_pages
from ocr.errors import BadFileError, OcrError
from tests.ocr.pagegen import card, save
from tests.ocr.procs import stray_page_folders

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
    left = [f.name for f in stray_page_folders(pagefiles.base_dir(), pagefiles.PREFIX)]
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


def test_full_memory_folder_falls_back_to_disk_then_says_so(
    small_tmpfs: Path, tmp_path: Path, monkeypatch, tesseract_available
):
    """A container's /dev/shm is often 64 MB: a page that does not fit goes to the temp
    folder on disk; when that is full too, the page gets a clear error, not a crash."""
    page = save(card(LINES[0], size=(1100, 1400)), tmp_path / "groot.png")  # 1.5 MB as TIFF
    monkeypatch.setattr(pagefiles, "RAM_DIR", small_tmpfs)
    disk = tmp_path / "schijf"
    disk.mkdir()
    monkeypatch.setattr(pagefiles.tempfile, "tempdir", str(disk))
    (result,) = read_pages([(page, "image/png", 0, None)], "nld+eng", Settings(), 60)
    assert "Jansen" in result.text
    assert list(pagefiles.own_folder(small_tmpfs).iterdir()) == []  # the bit written is gone
    monkeypatch.setattr(pagefiles.tempfile, "tempdir", str(small_tmpfs))  # "disk" full too
    (result,) = read_pages([(page, "image/png", 0, None)], "nld+eng", Settings(), 60)
    assert isinstance(result, OcrError)
    assert "geen ruimte" in str(result) and "\n" not in str(result)
    pagefiles.remove_folder(os.getpid())


def test_pages_that_pile_up_are_read_in_runs(tmp_path: Path, tesseract_available):
    """The pool's own scheduling: pages asked for faster than read share Tesseract runs,
    and each still gets its own result (or its own error)."""
    texts = [[f"Scanblad {n}", LINES[n % 3][1]] for n in range(6)]
    paths = [save(card(lines), tmp_path / f"scan{n}.png") for n, lines in enumerate(texts)]
    broken = tmp_path / "kapot.png"
    broken.write_bytes(paths[0].read_bytes()[:300])
    with OcrPool(jobs=1) as pool:
        tickets = [pool.read(p, "image/png") for p in [*paths[:3], broken, *paths[3:]]]
        answers = dict(pool.results(timeout=120))
        runs = pool.tasks_sent
    results = [answers[t] for t in tickets]
    assert isinstance(results[3], BadFileError)
    read = [r for i, r in enumerate(results) if i != 3]
    assert [page.text.splitlines()[0] for page in read] == [t[0] for t in texts]
    assert runs < len(tickets)  # the first page at once, the rest in runs of several


def test_a_broken_pool_says_so_instead_of_hanging(monkeypatch) -> None:
    """When the workers cannot start at all, the import gets an error, not a wait."""
    from ocr.engine import pool as pool_module

    def broken(self) -> None:
        raise OSError("kan geen leesprocessen starten")

    monkeypatch.setattr(pool_module.OcrPool, "_start_worker", broken)
    with pytest.raises(OSError, match="leesprocessen"):
        OcrPool(jobs=1)
