"""The wizard's work without a window: a feeder stack of generated client cards through the
one import path with review (pages -> separators -> OCR pool -> extraction and matching ->
review -> one transaction). Real Tesseract, real SQLite."""

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

from importing import Document, ImportRun
from importing.matching import ASK, EXISTING, NEW, Decision
from importing.model import BATCH, PageItem, Unit
from importing.proposals import Proposal, ReviewField
from importing.reading import Sheet
from importing.review import join_proposals, proposal_pages, split_proposal
from importing.units import find_units
from ocr.sources import limits
from ocr.sources.separators import cover_sheet_image
from storage import ClientFile, ClientNotFoundError, PageText, Phone, Word
from tests.datagen import make_client, render_card

ROOT = Path(__file__).resolve().parents[2]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def sheets(paths):
    """A scanner's pages as they come out of the feeder."""
    for number, path in enumerate(paths, start=1):
        yield Sheet(path, name=f"pagina {number}", scanned=True)


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
    with ClientFile.open(db_path) as cf:
        known = cf.create_client(name="Bestaande Klant", phones=[Phone("+31201234567")])
    cover = tmp_path / "cover.pnm"
    cover_sheet_image(known, "Bestaande Klant", dpi=200).save(cover)
    order = [cards[0], stack["blank"], cards[1], cover, cards[2]]

    events: list[tuple[str, int]] = []
    items: dict[int, PageItem] = {}

    def page_event(item: PageItem) -> None:
        items[item.index] = item
        events.append(("read" if item.read else "page", item.index))

    with ClientFile.open(db_path) as cf:
        run = ImportRun(cf, review=True, jobs=2, on_page=page_event, stack_name="scan 12.00")
        proposals = run.read(sheets(order))
        kinds = [items[i].kind.kind for i in sorted(items)]
        assert kinds == ["content", "blank", "content", "cover", "content"]
        assert [[d.name for d in p.unit.documents] for p in proposals] == [
            ["pagina 1"], ["pagina 3"], ["pagina 5"],
        ]  # fmt: skip
        assert events.index(("page", 4)) < len(events) - 1  # pages arrive before all is read
        first, second, third = proposals
        phones = {f.value for f in first.values["phone"]}
        assert phones & mobile_e164(truths[0])
        assert first.get("name").page == 0 and first.get("name").box  # where it was read
        assert first.decision.kind == NEW and second.decision.kind == NEW
        assert third.decision.kind == EXISTING and third.decision.client_id == known
        assert "scheidingsblad" in third.decision.reason
        assert cf.count_clients() == 1  # nothing written before the user confirms

        for proposal in proposals:
            proposal.confirm()
        first.set("name", "Door Mij Verbeterd")  # edited in the review
        report = run.apply(proposals)
        assert len(report.created) == 2 and report.updated == [known]
        assert report.pages == 3 and report.documents == 3
        created = cf.client(report.created[0])
        assert created.name == "Door Mij Verbeterd"
        assert set(created.numbers) & mobile_e164(truths[0])
        (document,) = created.documents
        assert document.pages == 1 and document.name == "scan 12.00, pagina 1"
        updated = cf.client(known)
        assert updated.name == "Bestaande Klant"  # kept, never overwritten
        assert "+31201234567" in updated.numbers
        assert set(updated.numbers) & mobile_e164(truths[2])  # a new number is added
        fields = cf.fields(report.created[0])
        name_field = next(f for f in fields if f.field == "name")
        assert name_field.value == "Door Mij Verbeterd" and name_field.accepted
        phone_field = next(f for f in fields if f.field == "phone")
        assert phone_field.page_id is not None and phone_field.box and phone_field.accepted
        with Image.open(cf.original_path(document.sha256)) as original:
            assert original.format == "TIFF"


def test_cancel_keeps_what_is_read(stack: dict, db_path: Path) -> None:
    feeder_waits = threading.Event()
    stop = threading.Event()

    def slow_feeder():
        yield from sheets([stack["cards"][0]])
        feeder_waits.wait(30)  # the next sheet does not come

    def read(item: PageItem) -> None:
        if item.read:
            stop.set()  # the user presses Annuleren once the first page is read
            feeder_waits.set()

    with ClientFile.open(db_path) as cf:
        run = ImportRun(cf, review=True, jobs=1, on_page=read, cancel=stop.is_set)
        proposals = run.read(slow_feeder())
    assert run.report.cancelled
    (proposal,) = proposals  # fully read: ready for review
    assert proposal_pages(proposal) and proposal.unit.documents[0].pages


def test_scanner_gone_mid_batch_keeps_the_pages(stack: dict, db_path: Path) -> None:
    from ocr.sources.scanner import ScannerGoneError

    def unplugged():
        yield from sheets([stack["cards"][0]])
        raise ScannerGoneError("De scanner test reageert niet meer. De 1 pagina's ... bewaard.")

    with ClientFile.open(db_path) as cf:
        run = ImportRun(cf, review=True, jobs=1, stack_name="scan 12.00")
        proposals = run.read(unplugged())
    assert len(proposals) == 1  # the page so far is kept for review
    assert [e["path"] for e in run.report.errors] == ["scan 12.00"]
    assert "reageert niet meer" in run.report.errors[0]["error"]


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
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 60_000)
    names = ["leeg.jpg", "tekst.jpg", "kapot.png", "bom.png", "groot.tif", "goed.png"]
    with ClientFile.open(db_path) as cf:
        run = ImportRun(cf, review=True, jobs=1)
        proposals = run.read(find_units([tmp_path / n for n in names], run.report))
    by_file = {Path(e["path"]).name: e["error"] for e in run.report.errors}
    assert "goed.png" not in by_file, by_file
    assert "leeg" in by_file["leeg.jpg"]
    assert "geen scan" in by_file["tekst.jpg"]
    assert "beschadigd" in by_file["kapot.png"] or "leesbare" in by_file["kapot.png"]
    assert "te groot" in by_file["bom.png"]
    assert "te groot" in by_file["groot.tif"]
    (proposal,) = proposals
    (doc,) = proposal.unit.documents
    assert "12345678" in doc.pages[0].text.replace("-", "")


def _hand_proposal(path: Path, text: str, name: str | None = None) -> Proposal:
    """A proposal of a page read by hand (no OCR): for review logic only."""
    words = [Word(w, 10 + 60 * i, 10, 50, 12, 95.0) for i, w in enumerate(text.split())]
    doc = Document(path, "image/x-portable-anymap", path.name, "0" * 64, scanned=True)
    doc.pages[0] = PageText(text, words, 95.0, 0, 800, 600)
    values = {"name": [ReviewField("name", name, 0.9)]} if name else {}
    return Proposal(Unit(path.name, BATCH, documents=[doc]), values, Decision(NEW, None, ""))


def test_split_and_join_by_hand(tmp_path: Path) -> None:
    proposals = [_hand_proposal(tmp_path / "a.pnm", "a"), _hand_proposal(tmp_path / "b.pnm", "b")]
    join_proposals(proposals, 0)
    assert len(proposals) == 1
    assert [d.name for d, _ in proposal_pages(proposals[0])] == ["a.pnm", "b.pnm"]
    split_proposal(proposals, 0, 1)
    assert [[d.name for d, _ in proposal_pages(p)] for p in proposals] == [["a.pnm"], ["b.pnm"]]
    with pytest.raises(ValueError):
        split_proposal(proposals, 0, 0)
    with pytest.raises(ValueError):
        join_proposals(proposals, 1)


def test_saving_is_all_or_nothing(db_path: Path, tmp_path: Path) -> None:
    proposals = []
    for number, name in enumerate(("Anna Bakker", "Piet Smit")):
        page_file = tmp_path / f"p{number}.pnm"
        Image.new("L", (800, 600), 255 - number).save(page_file)
        proposal = _hand_proposal(page_file, f"Naam: {name}", name)
        proposal.confirm()
        proposals.append(proposal)
    proposals[1].decision = Decision(EXISTING, 999, "gekozen")  # gone meanwhile
    with ClientFile.open(db_path) as cf:
        run = ImportRun(cf, review=True)
        with pytest.raises(ClientNotFoundError):
            run.apply(proposals)
        assert cf.count_clients() == 0
        assert cf.client_ids() == []


def test_low_confidence_page_is_marked_for_a_rescan() -> None:
    item = PageItem(0, Document(Path("x"), "image/png", "x"), 0)
    item.text = PageText("vl@k", [Word("vl@k", 0, 0, 9, 9, 31.0)] * 4, 31.0)
    assert item.low_confidence
    item.text = PageText("Jan Jansen Dorpsstraat 1", [Word("Jan", 0, 0, 9, 9, 93.0)] * 4, 93.0)
    assert not item.low_confidence


def test_proposal_without_text_invents_nothing(db_path: Path, tmp_path: Path) -> None:
    with ClientFile.open(db_path) as cf:
        (proposal,) = ImportRun(cf, review=True).propose(
            [_hand_proposal(tmp_path / "leeg.pnm", "").unit]
        )
    assert proposal.decision.kind in (NEW, ASK)
    assert not any(proposal.values.values())


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
        "documents", "pages", "clients_created", "clients_updated", "skipped", "errors", "seconds",
        "folders", "own_business",
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


def test_cover_sheet_of_a_client_that_is_gone(db_path: Path, tmp_path: Path) -> None:
    unit = _hand_proposal(tmp_path / "p.pnm", "").unit
    unit.cover_client_id = 77
    with ClientFile.open(db_path) as cf:
        (proposal,) = ImportRun(cf, review=True).propose([unit])
    assert proposal.decision.kind != EXISTING
    assert "klant nr. 77" in proposal.decision.reason and "bestaat niet" in proposal.decision.reason
