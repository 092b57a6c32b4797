"""Long documents stored part by part as they are read (issue 18.6), in a client folder or
as a loose file: a stopped import keeps the parts it read, the next one reads only the
rest; limits on pages and size hold before anything is copied; a file name that is not
UTF-8 never costs its folder (18.7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from importing import import_paths
from ocr.sources import limits
from storage import ClientFile
from storage.originals import sha256_of
from tests.faults.helpers.limitfiles import folder_with_undecodable_name, letter, long_tiff


def _stored(cf: ClientFile, path: Path):
    return sorted(cf.documents_by_sha256(sha256_of(path)), key=lambda d: d.frames or ())


def _originals(db: Path) -> list[Path]:
    root = db.parent / f"{db.name}.originals"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_cancelled_long_document_keeps_its_read_parts_and_the_rerun_reads_the_rest(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tesseract_available
) -> None:
    monkeypatch.setattr(limits, "PART_PAGES", 4)
    folder = tmp_path / "Jansen"
    folder.mkdir()
    tiff = long_tiff(folder / "ordner.tif", 12)
    letter(folder / "brief.png", "Jan Jansen", "06-12345678")
    with ClientFile.open(db_path) as cf:
        # stop as soon as the first part is in the client file: the folder is half read
        report = import_paths(
            [folder], cf, jobs=1, cancel=lambda: bool(cf.documents_by_sha256(sha256_of(tiff)))
        )
        assert report.cancelled
        kept = _stored(cf, tiff)
        assert kept, "the part read before the cancel was not kept"
        assert kept[0].frames == (0, 1, 2, 3)
        assert kept[0].name == "ordner.tif, pagina 1–4"
        first_id = kept[0].id

        report = import_paths([folder], cf, jobs=1)
        parts = _stored(cf, tiff)
        assert [p.frames for p in parts] == [(0, 1, 2, 3), (4, 5, 6, 7), (8, 9, 10, 11)]
        assert parts[0].id == first_id  # taken up, not read again
        (client,) = {p.client_id for p in parts}
        assert client is not None
        assert report.errors == []
        pages = cf.pages(parts[2].id)
        assert "12" in pages[-1][1].text

        again = import_paths([folder], cf, jobs=1)  # all of it in: nothing to read
        assert again.skipped == 2 and [p.frames for p in _stored(cf, tiff)] == [
            p.frames for p in parts
        ]


def test_a_long_document_is_stored_before_its_folder_is_read(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tesseract_available
) -> None:
    """Without a cancel too: parts are in the client file while later ones are read."""
    monkeypatch.setattr(limits, "PART_PAGES", 3)
    folder = tmp_path / "Pietersen"
    folder.mkdir()
    tiff = long_tiff(folder / "lang.tif", 9)
    seen: list[int] = []

    with ClientFile.open(db_path) as cf:

        def progress(p) -> None:
            seen.append(len(cf.documents_by_sha256(sha256_of(tiff))))

        report = import_paths([folder], cf, jobs=1, progress=progress)
        assert report.errors == []
        assert [p.frames for p in _stored(cf, tiff)] == [(0, 1, 2), (3, 4, 5), (6, 7, 8)]
    assert max(seen) >= 1 and min(seen) == 0  # parts arrived during the reading


def test_a_long_loose_file_is_kept_in_pieces_that_never_cross_a_separator_sheet(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tesseract_available
) -> None:
    """A loose file is a stack: its pieces are stored as read, each within one client's
    pages; a cancel keeps them, the rerun reads the rest and divides the file as usual."""
    monkeypatch.setattr(limits, "PART_PAGES", 3)
    tiff = long_tiff(tmp_path / "ordner.tif", 11, blank={6})  # frame 5 separates two clients
    with ClientFile.open(db_path) as cf:
        report = import_paths(
            [tiff], cf, jobs=1, cancel=lambda: bool(cf.documents_by_sha256(sha256_of(tiff)))
        )
        assert report.cancelled
        kept = _stored(cf, tiff)
        assert kept, "the piece read before the cancel was not kept"
        assert kept[0].frames == (0, 1, 2) and kept[0].name == "ordner.tif, pagina 1–3"
        assert kept[0].client_id is not None  # what was read has its client at once

        report = import_paths([tiff], cf, jobs=1)
        assert report.errors == []
        pieces = _stored(cf, tiff)
        assert kept[0].id == pieces[0].id  # taken up, not read again
        assert sorted(f for p in pieces for f in p.frames or ()) == [0, 1, 2, 3, 4, 6, 7, 8, 9, 10]
        assert all(len(p.frames or ()) <= 3 for p in pieces)
        before = {p.client_id for p in pieces if max(p.frames or ()) < 5}
        after = {p.client_id for p in pieces if min(p.frames or ()) > 5}
        assert len(before) == 1 and len(after) == 1 and before != after, "a piece crossed"
        assert None not in before | after
        assert "10" in cf.pages(pieces[-1].id)[0][1].text

        again = import_paths([tiff], cf, jobs=1)  # all of it in: nothing to read
        assert again.skipped == 1 and again.pages == 0
        assert [p.id for p in _stored(cf, tiff)] == [p.id for p in pieces]


def test_a_long_loose_file_is_stored_while_it_is_read(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tesseract_available
) -> None:
    monkeypatch.setattr(limits, "PART_PAGES", 3)
    tiff = long_tiff(tmp_path / "lang.tif", 9)
    seen: list[int] = []
    with ClientFile.open(db_path) as cf:

        def progress(p) -> None:
            seen.append(len(cf.documents_by_sha256(sha256_of(tiff))))

        report = import_paths([tiff], cf, jobs=1, progress=progress)
        assert report.errors == []
        pieces = _stored(cf, tiff)
        assert [p.frames for p in pieces] == [(0, 1, 2), (3, 4, 5), (6, 7, 8)]
        (unit,) = report.units
        assert unit.path == "lang.tif, pagina 1–9"
        assert {p.client_id for p in pieces} == {unit.client_id}
    assert max(seen) >= 1 and min(seen) == 0  # pieces arrived during the reading


def test_too_many_frames_is_refused_before_anything_is_copied(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tesseract_available
) -> None:
    monkeypatch.setattr(limits, "MAX_PAGES", 500)
    folder = tmp_path / "Klaassen"
    folder.mkdir()
    long_tiff(folder / "duizend.tif", 1000, text=False)
    letter(folder / "brief.png", "Kees Klaassen", "06-87654321")
    with ClientFile.open(db_path) as cf:
        report = import_paths([folder], cf, jobs=1)
    (error,) = report.errors
    assert "te veel pagina's" in error["error"] and "1000" in error["error"]
    assert len(_originals(db_path)) == 1  # the letter's only


def test_too_big_a_file_is_refused_before_it_is_copied(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tesseract_available
) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 20_000)
    folder = tmp_path / "Groot"
    folder.mkdir()
    (folder / "groot.tif").write_bytes(b"II*\x00" + bytes(30_000))
    with ClientFile.open(db_path) as cf:
        report = import_paths([folder], cf, jobs=1)
    (error,) = report.errors
    assert "te groot" in error["error"] and "hoogstens" in error["error"]
    assert _originals(db_path) == []


def test_a_name_that_is_not_utf8_keeps_its_folder(
    db_path: Path, tmp_path: Path, tesseract_available
) -> None:
    folder, odd = folder_with_undecodable_name(tmp_path / "stick")
    with ClientFile.open(db_path) as cf:
        report = import_paths([folder], cf, jobs=1)
        assert report.errors == []
        (unit,) = report.units
        assert unit.client_id is not None
        (doc,) = cf.documents_by_sha256(sha256_of(odd))
        assert doc.client_id == unit.client_id
        assert doc.name == "brief-\ufffdt\ufffd.png"
        assert len(_originals(db_path)) == 2


def test_a_folder_followed_only_by_loose_files_is_stored_while_they_are_read(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tesseract_available
) -> None:
    # a folder is kept in batches, committed when the next folder arrives or when due;
    # loose files after it must not hold it back until the end (a kill would lose it)
    from importing import keeping

    # not due when the folder is read (within a second), due while the loose files are
    monkeypatch.setattr(keeping, "BATCH_SECONDS", 1.0)
    folder = tmp_path / "Jansen"
    folder.mkdir()
    card = letter(folder / "kaart.png", "Jan Jansen", "06-12345678")
    loose = [letter(tmp_path / f"brief{i}.png", f"Piet Smit {i}", "06-87654321") for i in range(12)]
    with ClientFile.open(db_path) as cf:
        report = import_paths(
            [folder, *loose],
            cf,
            jobs=1,
            cancel=lambda: bool(cf.documents_by_sha256(sha256_of(card))),
        )
        assert report.cancelled, "the folder was stored only when everything was read"
        assert _stored(cf, card)
