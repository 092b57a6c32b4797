"""Tests of the test-data generator itself: truth is right, output is deterministic."""

from __future__ import annotations

import csv
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
from stdnum.be import vat as std_be_vat
from stdnum.de import vat as std_de_vat
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
from tests.datagen.cabinet import write_cabinet
from tests.datagen.compose import PT_MM, Sheet
from tests.datagen.documents import KINDS, page_layout
from tests.datagen.families import HELDOUT_ONLY_FORMS, TRAIN_FAMILIES
from tests.datagen.ocr_check import tesseract
from tests.datagen.parties import (
    BTW_FORMS,
    IBAN_FORMS,
    KVK_FORMS,
    make_own_business,
    make_supplier,
    registry_parts,
)
from tests.datagen.people import LANDLINE_FORMS, MOBILE_FORMS, make_phone
from tests.datagen.render import FONT_DIR, FONT_FAMILIES
from tests.datagen.truth import KEY_FIELDS, CabinetTruth, FolderInfo, norm


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
    cabinet_args = ["--cabinet", "--out", str(tmp_path / "kast" / "Klanten"), "--clients", "2"]
    assert cli_main([*cabinet_args, "--seed", "5", "--no-degrade"]) == 0
    assert capsys.readouterr().out.startswith("wrote a cabinet of ")
    assert (tmp_path / "kast" / "Klanten.truth.json").exists()


# --- cabinets: real binders (tests use TRAIN layout families only) -------------------------


@pytest.fixture(scope="module")
def cabinet(tmp_path_factory: pytest.TempPathFactory) -> CabinetTruth:
    turned = {90: 0.1, 180: 0.1, 270: 0.1}  # more than real scanning, to meet each turn
    root = tmp_path_factory.mktemp("kast") / "Klanten"
    return write_cabinet(root, 6, "test-kast-1", nesting="alpha", turned=turned)


def _client_folders(cab: CabinetTruth) -> list[FolderInfo]:
    return [f for f in cab.folders if f.client and f.case != "loose"]


def test_cabinet_files_are_what_the_truth_lists(cabinet: CabinetTruth) -> None:
    root = cabinet.root
    on_disk = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    assert on_disk == {d.file for f in cabinet.folders for d in f.documents}
    # the truth lies beside the cabinet, never inside it
    assert cabinet.truth_path.parent == root.parent and cabinet.truth_path.exists()
    data = json.loads(cabinet.truth_path.read_text(encoding="utf-8"))
    assert data["split"] == "train" and len(data["folders"]) == len(cabinet.folders)
    assert set(data["clients"]) == set(cabinet.clients)
    for f in _client_folders(cabinet):  # nested by letter: Klanten/A-K/Jansen, Kees/
        assert f.path.split("/")[0] in ("A-K", "L-Z"), f.path
        assert (root / f.path).is_dir()


def test_cabinet_holds_the_awkward_cases(cabinet: CabinetTruth) -> None:
    root, folders = cabinet.root, cabinet.folders
    by_case: dict[str, list[FolderInfo]] = {}
    for f in folders:
        by_case.setdefault(f.case, []).append(f)
    # one client with per-year subfolders under its own folder
    years = [f for f in by_case["per-year"] if re.fullmatch(r"\d{4}", Path(f.path).name)]
    assert len(years) >= 2 and len({f.client for f in by_case["per-year"]}) == 1
    assert len({Path(f.path).parent for f in years}) == 1
    # one client under two folder names
    (second,) = by_case["two-names"]
    first = [f for f in _client_folders(cabinet) if f.client == second.client and f is not second]
    assert first and all(Path(f.path).name != Path(second.path).name for f in first)
    # a letter of another client in a client's folder
    (foreign,) = by_case["foreign-letter"]
    strangers = [
        p
        for d in foreign.documents
        for p in d.pages
        if p.parties.get("client") not in (None, foreign.client)
    ]
    assert [p.kind for p in strangers] == ["letter_from_client"]
    # empty folders, a folder with only a contact list, a loose letter in the cabinet
    assert len(by_case["empty"]) == 2
    assert all(not any((root / f.path).iterdir()) for f in by_case["empty"])
    (contacts,) = by_case["contacts"]
    assert [p.name for p in (root / contacts.path).iterdir()] == ["contacten.csv"]
    rows = list(
        csv.DictReader(
            io.StringIO((root / contacts.documents[0].file).read_text(encoding="utf-8-sig")),
            delimiter=";",
        )
    )
    listed = cabinet.contact_rows[contacts.documents[0].file]
    assert [r["E-mail"] for r in rows] == [cabinet.clients[k].email for k in listed]
    (loose,) = by_case["loose"]
    assert "/" not in loose.documents[0].file and (root / loose.documents[0].file).is_file()


def test_every_client_holds_our_paper_with_our_registry_numbers(cabinet: CabinetTruth) -> None:
    own = cabinet.own
    ours = {("iban", own.iban), ("kvk", own.kvk), ("btw", own.btw)}
    kinds: dict[str, set[str]] = {}
    for folder, _doc, _i, page in cabinet.pages():
        kinds.setdefault(folder.client or "", set()).add(page.kind)
        if page.kind == "our_invoice":  # our footer and payment line, the client in the window
            assert ours <= page.owned_by("own"), page.text
            assert (
                "postcode",
                norm("postcode", cabinet.clients[folder.client].postcode),
            ) in page.owned_by(page.parties["client"])
        if page.kind == "supplier_invoice":  # two parties: the supplier, and us in the window
            supplier = cabinet.party(page.parties["supplier"])
            assert ("iban", supplier.iban) in page.owned_by(supplier.key)
            assert ("company", norm("company", own.name)) in page.owned_by("own")
    for key in cabinet.clients:
        assert "our_invoice" in kinds[key], key
    assert {"card", "letter_from_client", "our_invoice"} <= set().union(*kinds.values())


def _printed_matches(field: str, printed: str, value: str) -> bool:
    squeezed = re.sub(r"[\s.]", "", printed).upper()
    if field == "phone":
        parsed = phonenumbers.parse(printed, "NL")
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == value
    if field in ("iban", "btw", "kvk", "postcode"):
        if value.startswith("BE") and squeezed == value[2:]:
            return True  # a Belgian company number: the VAT number without "BE"
        return squeezed.startswith(value) or value in squeezed
    if field == "client_since":
        return True  # printed in several date styles; parsed by the reader, not here
    return norm(field, value) in norm(field, printed)


def test_truth_agrees_with_the_printed_text(cabinet: CabinetTruth) -> None:
    seen_owners = set()
    for _f, _d, _i, page in cabinet.pages():
        lines = "\n".join(page.text)
        for v in page.values:
            assert v["printed"] in lines, (v, page.text)
            assert _printed_matches(v["field"], v["printed"], v["value"]), v
            seen_owners.add(v["owner"].split(":")[0])
            if v["field"] in KEY_FIELDS:  # every identifying value has exactly one owner
                assert cabinet.owners(v["field"], v["value"]) == {v["owner"]}, v
    assert seen_owners == {"own", "supplier"} | {k for k in cabinet.clients}
    assert cabinet.owners("iban", cabinet.own.iban_printed) == {"own"}


def test_turned_pages_and_page_hashes(cabinet: CabinetTruth) -> None:
    seen = set()
    for _f, doc, i, page in cabinet.pages():
        seen.add(page.orientation)
        if doc.format not in ("png", "tiff"):
            continue
        with Image.open(cabinet.root / doc.file) as im:
            im.seek(i)
            im.load()
            wide = im.width > im.height
            assert wide == (page.orientation in (90, 270)), (doc.file, page.orientation)
            raw = f"{im.mode}{im.size}".encode() + im.tobytes()
            assert hashlib.sha256(raw).hexdigest() == page.image_sha
    assert seen == {0, 90, 180, 270}


def _layout_faults(layout) -> list[tuple[str, ...]]:
    """Lines that leave the A4 sheet, or lie over another line (boxes in mm)."""
    sheet = Sheet(layout.family)
    boxes = [
        (ln.x_mm, ln.y_mm, ln.x_mm + sheet.width(ln.text, ln.size_pt, ln.bold),
         ln.y_mm + ln.size_pt * PT_MM, ln.text)
        for ln in layout.lines
    ]  # fmt: skip
    faults = [("off the page", b[4]) for b in boxes
              if b[0] < 5 or b[2] > 207 or b[1] < 3 or b[3] > 292]  # fmt: skip
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.3 and b[1] < a[3] - 0.3:
                faults.append(("over each other", a[4], b[4]))
    return faults


def test_no_line_overlaps_another_or_leaves_the_page() -> None:
    """Text drawn over text would make the truth a lie: every page kind in every train
    family, with long names, keeps its lines apart and on the A4 sheet."""
    for seed in range(12):
        rng = random.Random(seed)
        own, supplier = make_own_business(rng), make_supplier(rng, 0, foreign=seed % 3 == 0)
        for fam in TRAIN_FAMILIES.values():
            for style in (fam, fam.pin(rng)):
                for kind in KINDS:
                    layout = page_layout(kind, make_client(rng), own, style, rng, 200, supplier)
                    assert not _layout_faults(layout), (fam.name, kind)


def test_cabinet_deterministic(tmp_path: Path) -> None:
    def make(name: str, seed: str) -> dict:
        truth = write_cabinet(tmp_path / name / "Klanten", 5, seed, dpi=100)
        return {"files": _tree_digest(truth.root), "truth": truth.to_dict()}

    a, b = make("a", "det-1"), make("b", "det-1")
    assert a == b
    assert make("c", "det-2")["files"] != a["files"]


def test_train_families_never_print_the_held_out_forms() -> None:
    for fam in TRAIN_FAMILIES.values():
        assert not set(fam.kvk_forms + fam.btw_forms) & set(HELDOUT_ONLY_FORMS), fam.name
        assert all(Path(FONT_DIR / FONT_FAMILIES[f][0]).exists() for f in fam.fonts)


def test_train_cabinets_use_train_families_only(cabinet: CabinetTruth) -> None:
    families_seen = {page.family for _f, _d, _i, page in cabinet.pages()}
    assert families_seen <= set(TRAIN_FAMILIES)
    assert {page.split for _f, _d, _i, page in cabinet.pages()} == {"train"}
    # our own paper has one house style in one office
    assert len({p.family for _f, _d, _i, p in cabinet.pages() if p.kind == "our_invoice"}) == 1


def test_no_test_uses_held_out_layouts() -> None:
    """Held-out families are the benchmark's alone (see tests/datagen/families.py)."""
    source = (Path(__file__).parent / "families.py").read_text(encoding="utf-8")
    split_word = "held" + "out"  # spelled apart so this file does not name it
    names = re.findall(r'name="([\w-]+)",\s*split="' + split_word + '"', source)
    assert len(names) >= 3
    forbidden = [f'"{n}"' for n in names] + [
        f'"{split_word}"',
        f"'{split_word}'",
        split_word.upper() + "_FAMILIES",
    ]
    here = Path(__file__).parent
    for path in here.parent.rglob("*.py"):
        if path.parent == here and not path.name.startswith("test_"):
            continue  # the generator itself offers the split
        text = path.read_text(encoding="utf-8")
        used = [token for token in forbidden if token in text]
        assert not used, f"{path} uses held-out layouts: {used}"


def test_registry_numbers_in_every_printed_form() -> None:
    rng = random.Random(3)
    own = make_own_business(rng)
    foreign = [make_supplier(random.Random(s), 1, foreign=True) for s in range(12)]
    assert {s.country for s in foreign} == {"DE", "BE"}
    for s in foreign:
        assert s.kvk is None and std_iban.is_valid(s.iban)
        assert (std_de_vat if s.country == "DE" else std_be_vat).is_valid(s.btw), s.btw
    assert std_btw.is_valid(own.btw) and std_iban.is_valid(own.iban)
    forms = zip(sorted(KVK_FORMS) * 2, sorted(BTW_FORMS) * 2, sorted(IBAN_FORMS) * 2, strict=False)
    for kvk_form, btw_form, iban_form in forms:
        for firm in (own, foreign[0]):
            for text, ref, start in registry_parts(firm, kvk_form, btw_form, iban_form):
                value = {"kvk": firm.kvk, "btw": firm.btw, "iban": firm.iban}[ref]
                assert _printed_matches(ref, text[start:], value), (text, value)
    line = " · ".join(t for t, _r, _s in registry_parts(own, "kvk-place", "btw-id", "iban"))
    assert line == (f"KvK {own.kvk_place} {own.kvk} · btw-id {own.btw} · IBAN {own.iban_printed}")


@pytest.mark.slow
def test_tesseract_reads_what_the_truth_says(cabinet: CabinetTruth, tmp_path: Path) -> None:
    """The scans stay readable: real Tesseract finds the identifying values the truth
    lists, for every party (as ocr_check does for the older page kinds)."""
    picked: dict[str, tuple] = {}
    for _f, doc, i, page in cabinet.pages():
        if doc.format in ("png", "tiff", "jpg") and page.kind not in picked:
            picked[page.kind] = (doc, i, page)
    assert set(picked) >= {"card", "letter_from_client", "our_invoice", "supplier_invoice"}
    found = total = 0
    for kind, (doc, i, page) in picked.items():
        with Image.open(cabinet.root / doc.file) as im:
            im.seek(i)
            upright = im.convert("L").rotate(-page.orientation, expand=True)
        path = tmp_path / f"{kind}.png"
        upright.save(path, dpi=(200, 200))
        text = tesseract(path)
        squeezed = re.sub(r"[\s.]", "", text).casefold()
        phones = {
            phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
            for m in phonenumbers.PhoneNumberMatcher(text, "NL")
        }
        for v in (v for v in page.values if v["field"] in KEY_FIELDS):
            total += 1
            if v["field"] == "phone":
                found += v["value"] in phones
            else:
                found += v["value"].replace(".", "").casefold() in squeezed
    assert total >= 15
    assert found / total >= 0.8, f"{found}/{total}"
