"""Tests of the test-data generator itself: truth is right, output is deterministic."""

from __future__ import annotations

import hashlib
import io
import json
import random
import re
import shutil
from pathlib import Path

import phonenumbers
import pypdfium2 as pdfium
import pytest
from PIL import Image
from stdnum import iban as std_iban
from stdnum.nl import btw as std_btw

from tests.datagen import (
    OWN_BUSINESS,
    degrade,
    make_client,
    render_card,
    render_letter,
    write_dataset,
    write_loose_letter,
    write_text_pdf,
)
from tests.datagen.__main__ import main as cli_main
from tests.datagen.people import LANDLINE_FORMS, MOBILE_FORMS, make_phone


def _clients(n: int, seed: int = 1) -> list:
    rng = random.Random(seed)
    return [make_client(rng) for _ in range(n)]


def _tree_digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_same_seed_same_clients() -> None:
    assert [c.to_dict() for c in _clients(50, 3)] == [c.to_dict() for c in _clients(50, 3)]
    assert [c.to_dict() for c in _clients(5, 3)] != [c.to_dict() for c in _clients(5, 4)]


def test_checksums_valid() -> None:
    for c in _clients(500):
        assert std_iban.is_valid(c.iban), c.iban
        assert c.iban.startswith("NL") and len(c.iban) == 18
        assert c.iban[4:8] in {"INGB", "RABO", "ABNA", "SNSB", "TRIO", "ASNB", "KNAB"}
        assert std_iban.is_valid(c.iban_printed)
        if c.company:
            assert c.kvk is not None and re.fullmatch(r"\d{8}", c.kvk)
            assert c.btw is not None and std_btw.is_valid(c.btw), c.btw
        else:
            assert c.kvk is None and c.btw is None
    assert std_iban.is_valid(OWN_BUSINESS.iban)
    assert std_btw.is_valid(OWN_BUSINESS.btw)


def test_postcodes_and_fields() -> None:
    clients = _clients(500)
    for c in clients:
        assert re.fullmatch(r"[1-9]\d{3} [A-Z]{2}", c.postcode)
        assert c.postcode[-2:] not in ("SA", "SD", "SS")
        assert re.fullmatch(r"[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]+", c.email), c.email
        assert 1 <= len(c.phones) <= 2
        assert c.display_name.startswith(c.first_name)
        assert "/" not in c.folder_name and c.folder_name
    share = sum(c.company is not None for c in clients) / len(clients)
    assert 0.4 < share < 0.6
    assert any(c.tussenvoegsel for c in clients)
    assert any(not c.first_name.isascii() or not c.last_name.isascii() for c in clients)
    assert any(c.city.startswith("'s-") for c in clients)


def test_every_phone_form_parses_to_its_e164() -> None:
    rng = random.Random(9)
    seen: set[str] = set()
    for _ in range(3000):
        area = rng.choice([None, "20", "10", "70", "511", "513", "475"])
        p = make_phone(rng, area)
        parsed = phonenumbers.parse(p.written, "NL")
        assert phonenumbers.is_valid_number(parsed), p
        assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == p.e164
        assert p.kind == ("mobile" if area is None else "landline")
        assert p.e164.startswith("+316" if area is None else "+31" + area)
        # Map the printed form back to its pattern to prove every pattern was used.
        seen.add(re.sub(r"\d", "9", p.written))
    for c in _clients(300):
        for p in c.phones:
            parsed = phonenumbers.parse(p.written, "NL")
            assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == p.e164
    assert len(seen) >= len(MOBILE_FORMS) + len(LANDLINE_FORMS)


def test_render_and_degrade_deterministic() -> None:
    c = _clients(1, 11)[0]

    def bytes_of(seed: int) -> tuple[bytes, bytes, dict]:
        rng = random.Random(seed)
        card = render_card(c, rng, 200)
        letter = render_letter(c, rng, 200, OWN_BUSINESS)
        img, deg = degrade(card, rng, upside_down_prob=0.5, sideways_prob=0.3)
        return card.tobytes(), img.tobytes() + letter.tobytes(), deg.to_dict()

    assert bytes_of(1) == bytes_of(1)
    assert bytes_of(1) != bytes_of(2)


def test_degrade_orientation_truth() -> None:
    c = _clients(1, 12)[0]
    rng = random.Random(5)
    card = render_card(c, rng, 200)
    seen = set()
    for _ in range(30):
        img, deg = degrade(card, rng, upside_down_prob=0.4, sideways_prob=0.4)
        seen.add(deg.orientation)
        if deg.orientation in (90, 270):
            assert img.size == (card.height, card.width)
        else:
            assert img.size == card.size
        assert abs(deg.skew_deg) <= 2.0
    assert seen == {0, 90, 180, 270}


def test_dataset_layout_and_files_readable(tmp_path: Path) -> None:
    folders = write_dataset(
        tmp_path, 6, seed=21, formats=("png", "jpg", "tiff", "pdf", "textpdf"), pages=3
    )
    assert len({f.folder.name for f in folders}) == 6
    formats_seen = set()
    multipage = False
    for ft in folders:
        # truth.json lives next to the folder, never inside it
        assert ft.truth_path == tmp_path / f"{ft.folder.name}.truth.json"
        assert not list(ft.folder.glob("*.json"))
        data = json.loads(ft.truth_path.read_text(encoding="utf-8"))
        assert data["client"]["folder_name"] == ft.folder.name
        files = sorted(p.name for p in ft.folder.iterdir())
        assert files == sorted(d["file"] for d in data["documents"])
        assert [d["order"] for d in data["documents"]] == list(range(len(files)))
        kinds = [pg["kind"] for d in data["documents"] for pg in d["pages"]]
        assert kinds.count("card") == 1
        for doc in data["documents"]:
            path = ft.folder / doc["file"]
            formats_seen.add(doc["format"])
            multipage |= len(doc["pages"]) > 1
            if doc["format"] in ("pdf", "textpdf"):
                pdf = pdfium.PdfDocument(path)
                assert len(pdf) == len(doc["pages"])
                if doc["format"] == "pdf":
                    # image-only scan, page size matches the dpi (A4 = 595 x 842 pt)
                    w, h = pdf[0].get_size()
                    assert sorted((round(w), round(h))) == [595, 842]
                    assert pdf[0].get_textpage().get_text_range().strip() == ""
                else:
                    text = pdf[0].get_textpage().get_text_range()
                    assert "Betreft" in text
            else:
                with Image.open(path) as im:
                    assert getattr(im, "n_frames", 1) == len(doc["pages"])
                    for i in range(len(doc["pages"])):
                        im.seek(i)
                        im.load()
                        assert im.mode == doc["pages"][i]["mode"]
                    if doc["format"] == "tiff":
                        assert im.info["compression"] == doc["compression"]
                        assert doc["compression"] == ("group4" if im.mode == "1" else "tiff_lzw")
                if doc["format"] == "png":
                    assert path.stat().st_size < 1_000_000
    assert formats_seen == {"png", "jpg", "tiff", "pdf", "textpdf"}
    assert multipage


def test_dataset_byte_identical(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    write_dataset(a, 3, seed="x", formats=("png", "jpg", "tiff", "pdf", "textpdf"))
    write_dataset(b, 3, seed="x", formats=("png", "jpg", "tiff", "pdf", "textpdf"))
    assert _tree_digest(a) == _tree_digest(b)
    shutil.rmtree(b)
    write_dataset(b, 3, seed="y")
    assert _tree_digest(a) != _tree_digest(b)


def test_natural_order_names(tmp_path: Path) -> None:
    # Some folder in a modest dataset uses "pagina2" / "pagina10" style names.
    folders = write_dataset(tmp_path, 16, seed=4, pages=3, degrade=False)
    tricky = [
        ft
        for ft in folders
        if [d.file for d in sorted(ft.documents, key=lambda d: d.order)]
        != sorted(d.file.casefold() for d in ft.documents)
    ]
    assert tricky, "expected at least one folder whose plain sort differs from natural sort"


def test_loose_letter(tmp_path: Path) -> None:
    c = _clients(1, 30)[0]
    for suffix in (".png", ".jpg", ".tif", ".pdf"):
        path = tmp_path / "los" / f"brief{suffix}"
        lt = write_loose_letter(
            path, c, random.Random(suffix), truth_path=tmp_path / f"{suffix}.json"
        )
        assert path.exists() and lt.document.pages[0]["kind"].startswith("letter_")
        assert json.loads((tmp_path / f"{suffix}.json").read_text())["client"]["iban"] == c.iban
        if suffix != ".pdf":
            Image.open(path).load()


def test_text_pdf_positions(tmp_path: Path) -> None:
    lines = [
        "Klantkaart",
        "Naam: Anaïs Çelik (test) \\ x",
        "",
        "Tel.: 06-12345678",
        "IBAN € · NL91",
    ]
    placed = write_text_pdf(tmp_path / "t.pdf", lines, font_size=12)
    assert [p.text for p in placed] == [ln for ln in lines if ln]
    pdf = pdfium.PdfDocument(tmp_path / "t.pdf")
    tp = pdf[0].get_textpage()
    text = tp.get_text_range()
    for p in placed:
        idx = text.find(p.text)
        assert idx >= 0, p.text
        left, bottom, _right, top = tp.get_charbox(idx)
        assert abs(left - p.x) < 2  # first glyph starts at the line origin
        assert p.baseline - 4 < bottom <= p.baseline + 1  # cap glyphs sit on the baseline
        assert top > p.baseline + 5
    # many lines flow onto a second page
    write_text_pdf(tmp_path / "long.pdf", [f"regel {i}" for i in range(80)])
    assert len(pdfium.PdfDocument(tmp_path / "long.pdf")) == 2


def test_png_page_size_small() -> None:
    c = _clients(1, 40)[0]
    rng = random.Random(1)
    img, _ = degrade(render_letter(c, rng, 300), rng)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    assert buf.tell() < 1_000_000


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        cli_main(["--out", str(tmp_path), "--clients", "2", "--seed", "5", "--formats", "png,jpg"])
        == 0
    )
    out = capsys.readouterr().out.strip()
    assert out.startswith("wrote 2 client folders") and "\n" not in out
    assert len(list(tmp_path.glob("*.truth.json"))) == 2
