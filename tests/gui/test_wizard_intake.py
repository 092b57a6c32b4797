"""The wizard's work without a window: a feeder stack of generated client cards, fed
through the same path as scanner pages (pages -> separators -> OCR pool -> extraction and
matching -> review -> one transaction). Real Tesseract, real SQLite."""

from __future__ import annotations

import json
import os
import random
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr import intake as intake_module
from ocr.intake import (
    Batch,
    Intake,
    PageItem,
    commit,
    file_source,
    join_batches,
    scanner_source,
    split_batch,
)
from ocr.proposals import Decision, Proposal, ReviewField, propose
from ocr.separators import cover_sheet_image
from storage import ClientFile, ClientNotFoundError, PageText, Phone, Word
from tests.datagen import make_client, render_card

ROOT = Path(__file__).resolve().parents[2]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


@pytest.fixture(scope="module")
def stack(tmp_path_factory) -> dict:
    """Three client cards (200 dpi, as a scanner gives them), a blank sheet, and the
    truths; cover sheets are made per test (they need a client id)."""
    folder = tmp_path_factory.mktemp("stack")
    rng = random.Random(11)
    truths, cards = [], []
    for number in range(3):
        truth = make_client(rng)
        path = folder / f"card{number}.pnm"
        render_card(truth, rng, dpi=200).convert("L").save(path)
        truths.append(truth)
        cards.append(path)
    blank = folder / "blank.pnm"
    Image.new("L", (1654, 2339), 250).save(blank)
    return {"folder": folder, "truths": truths, "cards": cards, "blank": blank}


def mobile_e164(truth) -> set[str]:
    return {p.e164 for p in truth.phones}


def test_feeder_stack_to_reviewed_clients(stack: dict, db_path: Path, tmp_path: Path) -> None:
    cards, truths = stack["cards"], stack["truths"]
    with ClientFile.open(db_path) as cf, cf.transaction() as conn:
        known = cf.create_client(conn, name="Bestaande Klant", phones=[Phone("+31201234567")])
    cover = tmp_path / "cover.pnm"
    cover_sheet_image(known, "Bestaande Klant", dpi=200).save(cover)
    order = [cards[0], stack["blank"], cards[1], cover, cards[2]]

    events: list[tuple[str, int]] = []
    intake = Intake(
        db_path,
        jobs=2,
        on_page=lambda item: events.append(("page", item.index)),
        on_read=lambda item: events.append(("read", item.index)),
    )
    result = intake.run(scanner_source(order))

    kinds = [p.kind.kind for p in result.pages]
    assert kinds == ["content", "blank", "content", "cover", "content"]
    assert [[p.index for p in b.pages] for b in result.batches] == [[0], [2], [4]]
    assert events.index(("page", 4)) < len(events) - 1  # pages arrive before all is read
    first, second, third = (b.proposal for b in result.batches)
    assert first is not None and second is not None and third is not None
    phones = {first.fields[k].value for k in ("phone", "phone_2") if k in first.fields}
    assert phones & mobile_e164(truths[0])
    assert first.fields["name"].page == 0 and first.fields["name"].box  # where it was read
    assert first.decision.kind == "new"
    assert third.decision.kind == "existing" and third.decision.client_id == known
    assert "scheidingsblad" in third.decision.reason

    with ClientFile.open(db_path) as cf:
        assert cf.count_clients() == 1  # nothing written before the user confirms
        for batch in result.batches:
            batch.accepted = True
        first.fields["name"].value = "Door Mij Verbeterd"  # edited in the review
        summary = commit(cf, result.batches)
        assert len(summary.clients_created) == 2 and summary.clients_updated == [known]
        assert summary.pages == 3 and summary.documents == 3
        created = cf.client(summary.clients_created[0])
        assert created["name"] == "Door Mij Verbeterd"
        assert set(created["phones"]) & mobile_e164(truths[0])
        assert created["documents"][0]["pages"] == 1
        updated = cf.client(known)
        assert updated["name"] == "Bestaande Klant"  # kept, never overwritten
        assert "+31201234567" in updated["phones"]
        assert set(updated["phones"]) & mobile_e164(truths[2])  # a new number is added
        fields = cf.fields(summary.clients_created[0])
        name_field = next(f for f in fields if f["field"] == "name")
        assert name_field["page_id"] is not None and name_field["box"]
        sha = created["documents"][0]["sha256"]
        with Image.open(cf.original_path(sha)) as original:
            assert original.format == "TIFF"


def test_cancel_keeps_what_is_read(stack: dict, db_path: Path) -> None:
    ClientFile.open(db_path).close()
    feeder_waits = threading.Event()

    def slow_feeder():
        yield from scanner_source([stack["cards"][0]])
        feeder_waits.wait(30)  # the next sheet does not come

    intake = Intake(db_path, jobs=1)
    intake.add_stopper(feeder_waits.set)
    intake.on_read = lambda item: intake.cancel()
    result = intake.run(slow_feeder())
    assert result.cancelled
    assert len(result.pages) == 1 and result.pages[0].text is not None
    assert result.batches[0].proposal is not None  # fully read: ready for review


def test_scanner_gone_mid_batch_keeps_the_pages(stack: dict, db_path: Path) -> None:
    from ocr.scanner import ScannerGoneError

    ClientFile.open(db_path).close()

    def unplugged():
        yield from scanner_source([stack["cards"][0]])
        raise ScannerGoneError("De scanner test reageert niet meer. De 1 pagina's ... bewaard.")

    result = Intake(db_path, jobs=1).run(unplugged())
    assert len(result.pages) == 1 and result.pages[0].text is not None
    assert result.batches[0].proposal is not None  # the page so far is kept for review
    assert [p.where for p in result.problems] == ["Scanner"]
    assert "reageert niet meer" in result.problems[0].message


def _png_bomb(path: Path) -> None:
    """A valid PNG header claiming 60000 x 60000 pixels."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 60000, 60000, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b""))


def test_bad_files_are_reported_and_the_rest_goes_on(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ClientFile.open(db_path).close()
    good = tmp_path / "goed.png"
    page = Image.new("L", (1240, 600), 255)
    ImageDraw.Draw(page).text(
        (80, 80), "Jan Jansen\nTelefoon 06-12345678", fill=0, font=ImageFont.truetype(FONT, 40)
    )
    page.save(good)
    (tmp_path / "leeg.jpg").write_bytes(b"")
    (tmp_path / "tekst.jpg").write_text("dit is geen scan")
    (tmp_path / "kapot.png").write_bytes(good.read_bytes()[:300])
    _png_bomb(tmp_path / "bom.png")
    (tmp_path / "groot.tif").write_bytes(b"II*\x00" + b"\x00" * 80_000)
    monkeypatch.setattr(intake_module, "MAX_FILE_BYTES", 60_000)
    names = ["leeg.jpg", "tekst.jpg", "kapot.png", "bom.png", "groot.tif", "goed.png"]
    intake = Intake(db_path, jobs=1)
    result = intake.run(file_source([tmp_path / n for n in names], intake.result.problems))
    by_file = {Path(p.where).name: p.message for p in result.problems}
    assert "goed.png" not in by_file, by_file
    assert "leeg" in by_file["leeg.jpg"]
    assert "onbekend bestandstype" in by_file["tekst.jpg"]
    assert "beschadigd" in by_file["kapot.png"] or "leesbare" in by_file["kapot.png"]
    assert "te groot" in by_file["bom.png"]
    assert "te groot" in by_file["groot.tif"]
    assert len(result.batches) == 1
    assert "12345678" in (result.batches[0].pages[0].text.text.replace("-", ""))


def _hand_batch(index: int, text: str) -> Batch:
    """A batch from a page read by hand (no OCR): for review logic only."""
    words = [Word(w, 10 + 60 * i, 10, 50, 12, 95.0) for i, w in enumerate(text.split())]
    page = PageItem(index, Path("/nonexistent"), "image/png")
    page.text = PageText(text, words, 95.0, 0, 800, 600)
    return Batch([page])


def test_split_and_join_by_hand() -> None:
    batches = [_hand_batch(0, "a"), _hand_batch(1, "b")]
    join_batches(batches, 0)
    assert len(batches) == 1 and [p.index for p in batches[0].pages] == [0, 1]
    split_batch(batches, 0, 1)
    assert [[p.index for p in b.pages] for b in batches] == [[0], [1]]
    with pytest.raises(ValueError):
        split_batch(batches, 0, 0)
    with pytest.raises(ValueError):
        join_batches(batches, 1)


def test_commit_is_all_or_nothing(db_path: Path, tmp_path: Path) -> None:
    page_file = tmp_path / "p.pnm"
    Image.new("L", (800, 600), 255).save(page_file)
    batches = []
    for number, name in enumerate(("Anna Bakker", "Piet Smit")):
        batch = _hand_batch(number, f"Naam: {name}")
        batch.pages[0].path = page_file
        batch.pages[0].mime = "image/x-portable-anymap"
        batch.proposal = Proposal({"name": ReviewField("name", name, 0.9)}, Decision("new"))
        batch.accepted = True
        batches.append(batch)
    batches[1].proposal.decision = Decision("existing", 999, "gekozen")  # gone meanwhile
    with ClientFile.open(db_path) as cf:
        with pytest.raises(ClientNotFoundError):
            commit(cf, batches, tmp_path / "work")
        assert cf.count_clients() == 0
        assert cf.client_ids() == []


def test_low_confidence_page_is_marked_for_a_rescan() -> None:
    item = PageItem(0, Path("x"), "image/png")
    item.text = PageText("vl@k", [Word("vl@k", 0, 0, 9, 9, 31.0)] * 4, 31.0)
    assert item.low_confidence
    item.text = PageText("Jan Jansen Dorpsstraat 1", [Word("Jan", 0, 0, 9, 9, 93.0)] * 4, 93.0)
    assert not item.low_confidence


def test_proposal_without_text_invents_nothing(db_path: Path) -> None:
    with ClientFile.open(db_path) as cf:
        proposal = propose(cf, [PageText("")])
    assert proposal.decision.kind in ("new", "ask") and not proposal.fields


def _spoof_scanner(folder: Path, pages: list[Path]) -> Path:
    """A scanimage stand-in whose feeder holds the given page files: -L/-A answer as the
    test backend; a batch scan copies the pages in, one by one, as scanimage would."""
    real = shutil.which("scanimage")
    copies = "\n".join(
        f'printf -v out "$pattern" {n}; cp "{p}" "$out"; echo "$out"'
        for n, p in enumerate(pages, start=1)
    )
    script = folder / "scanimage"
    script.write_text(
        "#!/bin/bash\n"
        "pattern=''\n"
        'for a in "$@"; do case "$a" in --batch=*) pattern="${a#--batch=}";; esac; done\n'
        f'if [ -z "$pattern" ]; then exec {real} "$@"; fi\n'
        f"{copies}\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


@pytest.mark.skipif(shutil.which("scanimage") is None, reason="sane-utils is not installed")
def test_cli_scan_prints_the_import_json(stack: dict, db_path: Path, tmp_path: Path) -> None:
    from tests.ocr.test_scanner import write_sane_config

    sane = write_sane_config(tmp_path / "sane")
    pages = [stack["cards"][0], stack["blank"], stack["cards"][1]]
    env = {
        **os.environ,
        "SANE_CONFIG_DIR": str(sane),
        "KLANTDOSSIER_SCANIMAGE": str(_spoof_scanner(tmp_path, pages)),
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db_path), "scan", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report) == {
        "documents", "pages", "clients_created", "clients_updated", "skipped", "errors", "seconds"
    }  # fmt: skip
    assert report["pages"] == 2 and report["clients_created"] == 2
    assert "pagina 2 gescand (leeg vel" in done.stderr
    with ClientFile.open(db_path) as cf:
        assert cf.count_clients() == 2


def test_cli_scan_without_scanner(db_path: Path, tmp_path: Path) -> None:
    from tests.ocr.test_scanner import write_sane_config

    sane = write_sane_config(tmp_path / "sane", backends="")
    env = {**os.environ, "SANE_CONFIG_DIR": str(sane)}
    env.pop("KLANTDOSSIER_SCANIMAGE", None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db_path), "scan"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "geen scanner gevonden" in done.stderr and "bestanden importeren" in done.stderr


def test_cover_sheet_of_a_client_that_is_gone(db_path: Path) -> None:
    with ClientFile.open(db_path) as cf:
        proposal = propose(cf, [PageText("")], cover_client_id=77)
    assert proposal.decision.kind != "existing"
    assert "klant nr. 77" in proposal.decision.reason and "bestaat niet" in proposal.decision.reason


def test_a_broken_ocr_pool_fails_pages_instead_of_hanging(monkeypatch, tmp_path) -> None:
    from ocr import proposals
    from ocr.proposals import PageReader

    class BrokenPool:
        def __init__(self, *args, **kwargs) -> None:
            raise OSError("kan geen leesprocessen starten")

    monkeypatch.setattr(proposals, "OcrPool", BrokenPool)
    reader = PageReader(1)
    first = reader.submit(tmp_path / "a.png", "image/png")
    with pytest.raises(OSError, match="leesprocessen"):
        first.result(timeout=10)
    with pytest.raises(OSError, match="leesprocessen"):
        reader.submit(tmp_path / "b.png", "image/png").result(timeout=10)
    reader.close()
