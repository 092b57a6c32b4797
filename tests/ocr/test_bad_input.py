"""Bad files, crashes and hangs: one clear Dutch line each, the rest goes on, nothing left
running. Tesseract is a stand-in here (tests.ocr.pagegen.fake_tesseract) so the sweep over
100+ damaged files stays fast; what is tested is opening, decoding and isolation."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from importing import import_paths
from ocr.engine.preprocess import Settings
from ocr.engine.tesseract import check_tesseract
from tests.ocr.pagegen import card, fake_tesseract, is_root, save
from tests.ocr.procs import descendants
from tests.sql import rows, value

# healthy files among the damaged ones that only cost time in this sweep
GOOD_AND_SLOW = {"multipage.pdf", "francais.pdf", "aspect.pdf", "multipage.tiff"}
ENGLISH_LEAKS = ("Traceback", "Errno", "cannot identify", "object has no attribute")


@pytest.fixture
def fake_engine(tmp_path: Path, monkeypatch):
    """tesseract replaced by a script: instant one-word pages; --dpi 201 hangs, 202 crashes."""
    script = fake_tesseract(tmp_path, shutil.which("tesseract") or "/usr/bin/tesseract")
    monkeypatch.setenv("KLANTDOSSIER_TESSERACT", str(script))
    check_tesseract.cache_clear()
    yield script
    check_tesseract.cache_clear()


def _one_line_each(report, paths: list[Path]) -> dict[str, str]:
    by_path: dict[str, list[str]] = {}
    for error in report.errors:
        by_path.setdefault(error["path"], []).append(error["error"])
    for path in paths:
        assert len(by_path.get(str(path), [])) <= 1, (path, by_path.get(str(path)))
    for reasons in by_path.values():
        for reason in reasons:
            assert "\n" not in reason and not any(leak in reason for leak in ENGLISH_LEAKS), reason
    return {p: r[0] for p, r in by_path.items()}


def test_damaged_files_from_real_projects(shared_testdata: Path, client_file, fake_engine):
    paths = sorted(
        p
        for folder in ("pillow_bad_images", "qpdf_damaged_pdfs", "ocrmypdf", "pypdf_encrypted")
        for p in (shared_testdata / folder).iterdir()
        if p.suffix.lower() in (".png", ".tif", ".tiff", ".jpg", ".gif", ".ico", ".pdf")
        and p.name not in GOOD_AND_SLOW
    )
    started = time.monotonic()
    # the stand-in reads nothing: skip the deskew search, which would only cost time here
    fast = Settings(deskew=False, orientation="off")
    report = import_paths(paths, client_file, jobs=2, page_timeout=10, settings=fast)
    assert time.monotonic() - started < 150
    errors = _one_line_each(report, paths)
    # every file is accounted for: stored, or one line saying why not
    assert report.documents + len(errors) + report.skipped == len(paths)
    for name in ("decompression_bomb.gif", "png_decompression_dos.png", "broken.png"):
        assert str(shared_testdata / "pillow_bad_images" / name) in errors
    encrypted = shared_testdata / "pypdf_encrypted" / "r6-user-password.pdf"
    assert "wachtwoord" in errors[str(encrypted)]
    assert str(shared_testdata / "ocrmypdf" / "invalid.pdf") in errors
    # the 35000 x 35000 pages are read at a capped size, not refused and not a memory blow-up
    for name in ("enormous.pdf", "hugemono.pdf"):
        assert str(shared_testdata / "ocrmypdf" / name) not in errors
    assert str(shared_testdata / "pillow_bad_images" / "hopper_g4.tif") not in errors
    assert descendants() == []


def test_own_bad_files(tmp_path: Path, client_file, fake_engine):
    folder = tmp_path / "Café Ünïcode, Zoë"
    good = save(card(["goed"]), folder / "goede scan één.png")
    empty = folder / "leeg.png"
    empty.write_bytes(b"")
    text = folder / "foto.jpg"
    text.write_text("Dit is een tekstbestand met een verkeerde naam.\n" * 20)
    truncated = folder / "afgebroken.jpg"
    card(["afgebroken"]).save(truncated, "JPEG")
    truncated.write_bytes(truncated.read_bytes()[:400])
    loop = folder / "lus.png"
    loop.symlink_to(loop)
    vanishing = save(card(["verdwijnt"]), folder / "zz verdwijnt.png")
    closed = tmp_path / "Geen toegang"
    save(card(["dicht"]), closed / "scan.png")
    closed.chmod(0)
    vanished = []

    def progress(p) -> None:
        if not vanished and vanishing.exists():
            vanishing.unlink()  # removed by someone else while the import runs
            vanished.append(True)

    try:
        report = import_paths([folder, closed, tmp_path / "bestaat-niet.png"], client_file,
                              jobs=2, progress=progress)  # fmt: skip
    finally:
        closed.chmod(0o700)
    errors = _one_line_each(report, [empty, text, truncated, loop, vanishing])
    assert "leeg" in errors[str(empty)]
    assert "geen scan" in errors[str(text)]
    assert "beschadigd" in errors[str(truncated)] or "afgebroken" in errors[str(truncated)]
    assert "zichzelf" in errors[str(loop)]
    assert "bestaat niet" in errors[str(vanishing)] or "verwijderd" in errors[str(vanishing)]
    assert "bestaat niet" in errors[str(tmp_path / "bestaat-niet.png")]
    if not is_root():
        assert "geen toegang" in errors[str(closed)]
    docs = [r[0] for r in rows(client_file, "SELECT name FROM documents")]
    assert good.name in docs
    owner = value(client_file, "SELECT client_id FROM documents WHERE name = ?", (good.name,))
    assert owner is not None  # the good scan went to a client, whatever went wrong around it


def test_tesseract_crash_and_hang_stop_only_their_page(tmp_path: Path, client_file, fake_engine):
    hang = save(card(["hangt"]), tmp_path / "hangt.png")
    crash = save(card(["crasht"]), tmp_path / "crasht.png")
    card(["hangt"]).save(hang, dpi=(201, 201))
    card(["crasht"]).save(crash, dpi=(202, 202))
    fine = [save(card([f"goed {i}"]), tmp_path / f"goed{i}.png") for i in range(3)]
    started = time.monotonic()
    report = import_paths([hang, crash, *fine], client_file, jobs=2, page_timeout=3)
    assert time.monotonic() - started < 30
    errors = _one_line_each(report, [hang, crash, *fine])
    assert set(errors) == {str(hang), str(crash)}
    assert "3 s" in errors[str(hang)] and "vastgelopen" in errors[str(crash)]
    assert report.documents == 3
    assert descendants() == []


def test_ctrl_c_leaves_no_process_behind(tmp_path: Path, client_file, fake_engine):
    hang = tmp_path / "hangt.png"
    card(["hangt"]).save(hang, dpi=(201, 201))

    def interrupt() -> bool:
        if time.monotonic() - started > 1.0:
            raise KeyboardInterrupt
        return False

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        import_paths([hang], client_file, jobs=1, cancel=interrupt)
    assert descendants() == []
    assert os.path.exists(client_file.path)


def test_contact_lists_go_through_importing_contacts(tmp_path: Path, client_file, fake_engine):
    csv_file = tmp_path / "klanten.csv"
    csv_file.write_text(
        "Naam;Telefoon;E-mail;Schoenmaat\n"
        "Kees Jansen;06-12345678;kees@example.nl;44\n"
        "Anna de Vries;0513-612399;anna@example.nl;38\n",
        encoding="utf-8",
    )
    vcard = tmp_path / "contact.vcf"
    vcard.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Piet Bakker\r\nTEL:+31 6 87654321\r\nEND:VCARD\r\n"
    )
    report = import_paths([csv_file, vcard], client_file, jobs=1)
    assert report.clients_created == 3 and report.documents == 0
    assert [e["path"] for e in report.errors] == [str(csv_file)]
    assert "Schoenmaat" in report.errors[0]["error"]
    assert client_file.lookup_phone("0612345678").name == "Kees Jansen"
