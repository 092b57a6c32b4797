"""A cabinet of client folders as a real office keeps them, with the truth beside it.

    from tests.datagen.cabinet import write_cabinet
    truth = write_cabinet(tmp_path / "Klanten", n_clients=6, seed=1)   # train layouts

Writes ``Klanten/`` (what the importer sees) and ``Klanten.truth.json`` beside it.
One cabinet is one office: one own business (a trade), two to four suppliers, and
clients, each with a folder holding what real binders hold: the client card, our
quotes and invoices (our letterhead, our registry numbers in the footer, the client
in the window), letters from the client, our letters, sometimes a supplier's invoice.
Pages are scanned with noise, blur and skew, some turned (90°, 180°, 270°).

With ``extras`` (default) a cabinet of five or more clients also holds the awkward
cases: folders nested by letter or kind (``Klanten/A-K/Jansen, Kees/``), one client
under two folder names, a client's folder holding a letter from another client, one
client with per-year subfolders (``Jansen/2019/``, ``Jansen/2020/``), empty folders,
a folder with only a CSV contact list, and a loose letter in the cabinet itself.

Everything depends on the seed only; ``split`` picks TRAIN or HELD-OUT layout families
(see families.py: tests use "train" only).
"""

from __future__ import annotations

import csv
import hashlib
import io
import random
from pathlib import Path
from typing import Any

from PIL import Image

from .documents import page_layout
from .families import Family, families
from .parties import Business, make_own_business, make_supplier
from .people import ClientTruth, make_client
from .render import NO_DEGRADATION, draw_layout
from .render import degrade as degrade_page
from .textpdf import write_text_pdf
from .truth import KEY_FIELDS, CabinetTruth, DocInfo, FolderInfo, PageInfo, canonical
from .write import _ext, _save, _to_mode, natural_key

SCAN_FORMATS = ("png", "jpg", "tiff", "pdf")
# Share of pages turned by a quarter turn, like a day of real feeder scanning: a sheet
# fed upside down now and then, a landscape or folded page more rarely.
TURNED = {90: 0.03, 180: 0.06, 270: 0.03}


class _Page:
    """A page drawn and scanned, waiting to be saved in a document."""

    def __init__(self, image: Image.Image, info: PageInfo, text: list[str], deg: Any) -> None:
        self.image, self.info, self.text, self.degradation = image, info, text, deg


class _Writer:
    def __init__(
        self,
        truth: CabinetTruth,
        rng: random.Random,
        fams: list[Family],
        dpi: int,
        degrade: bool,
        turned: dict[int, float],
        formats: tuple[str, ...],
        text_pdf: float,
    ) -> None:
        self.truth, self.rng, self.fams, self.dpi = truth, rng, fams, dpi
        self.degrade, self.turned, self.formats, self.text_pdf = degrade, turned, formats, text_pdf
        # House styles: our invoices and letters all look alike, every card is the same
        # office form, and each supplier always sends the same invoice. Only letters
        # from clients differ from client to client.
        self.house = rng.choice(fams).pin(rng)
        self.card_form = rng.choice(fams).pin(rng)
        self.supplier_style = {s.key: rng.choice(fams).pin(rng) for s in truth.suppliers}

    def style(self, kind: str, fam: Family, supplier: Business | None) -> Family:
        """The family a page of this kind is drawn in (fam: the writing client's)."""
        if kind == "card":
            return self.card_form
        if kind in ("our_invoice", "letter_to_client"):
            return self.house
        if supplier is not None:
            return self.supplier_style[supplier.key]
        return fam

    # -- pages ----------------------------------------------------------------------------

    def page(
        self, kind: str, client_key: str | None, fam: Family, supplier: Business | None = None
    ) -> _Page:
        rng, t = self.rng, self.truth
        client = t.clients[client_key] if client_key else None
        fam = self.style(kind, fam, supplier)
        layout = page_layout(kind, client, t.own, fam, rng, self.dpi, supplier)
        rendered = draw_layout(layout, self.dpi, kind, client or _NOBODY)
        parties = {"own": "own"}
        if client_key:
            parties["client"] = client_key
        if supplier is not None:
            parties["supplier"] = supplier.key
        values = []
        for v in rendered.values:
            key = parties[v["owner"]]
            for f, value in canonical(t.party(key), v["ref"]):
                values.append({"owner": key, "field": f, "value": value, "printed": v["printed"]})
        image, deg = rendered.image, NO_DEGRADATION
        if self.degrade:
            image, deg = degrade_page(image, rng, resample=Image.Resampling.BILINEAR)
        orientation = self._orientation()
        if orientation:
            image = image.rotate(orientation, expand=True)
        info = PageInfo(
            kind,
            fam.name,
            fam.split,
            orientation,
            "",
            "scan",
            parties,
            values,
            rendered.text,
            deg.to_dict(),
        )
        return _Page(image, info, rendered.text, deg)

    def _orientation(self) -> int:
        r = self.rng.random()
        for quarter, share in sorted(self.turned.items()):
            if r < share:
                return quarter
            r -= share
        return 0

    # -- documents ------------------------------------------------------------------------

    def folder(self, path: Path, client_key: str, case: str, pages: list[_Page]) -> FolderInfo:
        """Save pages as the files of one folder (scan batches of one to three pages)."""
        path.mkdir(parents=True, exist_ok=True)
        rng = self.rng
        groups: list[tuple[str, list[_Page]]] = []
        i = 0
        while i < len(pages):
            if (
                pages[i].info.kind in ("our_invoice", "letter_to_client")
                and rng.random() < self.text_pdf
            ):
                groups.append(("textpdf", [pages[i]]))
                i += 1
                continue
            fmt = rng.choice(self.formats)
            n = rng.choice([1, 1, 2, 3]) if fmt in ("tiff", "pdf") else 1
            groups.append((fmt, pages[i : i + n]))
            i += n
        info = FolderInfo(str(path.relative_to(self.truth.root)), client_key, case)
        used: set[str] = set()
        for fmt, group in groups:
            stem = _unique(_stem(group[0].info.kind, rng), used)
            info.documents.append(self._save(path, stem, fmt, group))
        info.documents.sort(key=lambda d: natural_key(d.file))
        self.truth.folders.append(info)
        return info

    def _save(self, folder: Path, stem: str, fmt: str, group: list[_Page]) -> DocInfo:
        rng = self.rng
        if fmt == "textpdf":  # born digital: our accounting package's PDF, text layer only
            name = f"{stem}.pdf"
            placed = write_text_pdf(folder / name, group[0].text, font_size=9.0)
            page = group[0].info
            page.source, page.orientation, page.degradation = "text-pdf", 0, None
            page.image_sha = hashlib.sha256("\n".join(p.text for p in placed).encode()).hexdigest()
            return DocInfo(str((folder / name).relative_to(self.truth.root)), fmt, [page])
        mode = {
            "tiff": rng.choice(["1", "L"]),
            "jpg": rng.choice(["RGB", "L", "L"]),
            "png": rng.choice(["L", "L", "L", "1"]),
        }.get(fmt, "L")
        for p in group:
            p.image = _to_mode(p.image, mode, p.degradation)
            raw = f"{p.image.mode}{p.image.size}".encode() + p.image.tobytes()
            p.info.image_sha = hashlib.sha256(raw).hexdigest()
        name = f"{stem}.{_ext(fmt, rng)}"
        _save(
            folder / name,
            fmt,
            [_Stored(p.image) for p in group],
            rng,
            dpi=self.dpi,
            dpi_metadata=fmt in ("tiff", "pdf") or rng.random() < 0.9,
        )
        return DocInfo(
            str((folder / name).relative_to(self.truth.root)), fmt, [p.info for p in group]
        )

    # -- what a client's folder holds ----------------------------------------------------------

    def client_pages(
        self, key: str, fam: Family, *, card: bool = True, supplier: bool = False
    ) -> list[_Page]:
        """What a client's folder holds; supplier: certainly a supplier's invoice too."""
        rng = self.rng
        kinds = ["card"] if card and rng.random() < 0.85 else []
        kinds += ["our_invoice"] * rng.choice([1, 1, 2, 2, 3])
        kinds += ["letter_from_client"] * rng.choice([0, 1, 1, 2])
        kinds += ["letter_to_client"] * (rng.random() < 0.4)
        pages = [self.page(k, key, fam) for k in kinds]
        if rng.random() < 0.25 or supplier:
            firm = rng.choice(self.truth.suppliers)
            with_client = key if rng.random() < 0.4 else None
            pages.append(self.page("supplier_invoice", with_client, fam, firm))
        head, rest = pages[:1], pages[1:]
        rng.shuffle(rest)
        return head + rest


class _Stored:
    """What write._save needs of a page: its image."""

    rendered = None

    def __init__(self, image: Image.Image) -> None:
        self.image = image


_NOBODY = make_client(random.Random("nobody"))  # draw_layout wants a client for old fields


def _stem(kind: str, rng: random.Random) -> str:
    names = {
        "card": ["klantkaart", "Klantkaart", "kaart"],
        "our_invoice": [
            f"factuur {rng.randint(2016, 2024)}-{rng.randint(1, 400):04d}",
            "offerte",
            "Factuur",
            "nota",
        ],
        "letter_from_client": ["brief klant", "brief", "correspondentie"],
        "letter_to_client": ["brief aan klant", "uitgaande brief", "bevestiging"],
        "supplier_invoice": ["inkoopfactuur", "factuur leverancier", "pakbon"],
    }[kind]
    return rng.choice(names) if rng.random() < 0.75 else f"scan{rng.randint(1, 999):04d}"


def _unique(stem: str, used: set[str]) -> str:
    name, n = stem, 2
    while name.casefold() in used:
        name, n = f"{stem} {n}", n + 1
    used.add(name.casefold())
    return name


def _clients(rng: random.Random, n: int, others: list[Any]) -> dict[str, ClientTruth]:
    """n clients whose folder names and identifying values are all distinct."""
    seen_values: set[tuple[str, str]] = set()
    for party in others:
        for ref in ("email", "iban", "kvk", "btw", "postcode_city", "phones[0]", "phones[1]"):
            if ref.startswith("phones[") and int(ref[7]) >= len(party.phones):
                continue
            seen_values.update((f, v) for f, v in canonical(party, ref) if f in KEY_FIELDS)
    clients: dict[str, ClientTruth] = {}
    names: set[str] = set()
    while len(clients) < n:
        c = make_client(rng)
        refs = ["email", "iban", "kvk", "btw", "postcode_city"]
        refs += [f"phones[{i}]" for i in range(len(c.phones))]
        keys = {(f, v) for ref in refs for f, v in canonical(c, ref) if f in KEY_FIELDS}
        if c.folder_name.casefold() in names or keys & seen_values:
            continue
        names.add(c.folder_name.casefold())
        seen_values |= keys
        clients[f"c{len(clients)}"] = c
    return clients


def _group(client: ClientTruth, style: str) -> str:
    if style == "alpha":
        return "A-K" if client.folder_name[:1].upper() <= "K" else "L-Z"
    if style == "kind":
        return "Zakelijk" if client.company else "Particulier"
    return ""


def write_cabinet(
    root: Path,
    n_clients: int,
    seed: int | str,
    *,
    split: str = "train",
    trade: str | None = None,
    dpi: int = 200,
    degrade: bool = True,
    turned: dict[int, float] | None = None,
    formats: tuple[str, ...] = SCAN_FORMATS,
    text_pdf: float = 0.12,
    extras: bool = True,
    nesting: str | None = None,
) -> CabinetTruth:
    """Write the cabinet folder ``root`` and ``<root>.truth.json`` beside it (see module)."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"cabinet/{seed}")
    fams = families(split)
    own = make_own_business(rng, trade)
    suppliers: list[Business] = []
    for i in range(rng.randint(2, 4)):
        s = make_supplier(rng, i, foreign=i == 3 or (i == 2 and rng.random() < 0.5))
        while own.signer.split()[-1] in s.name:  # not named like us
            s = make_supplier(rng, i, foreign=s.country != "NL")
        suppliers.append(s)
    truth = CabinetTruth(
        root, str(seed), split, own, suppliers, _clients(rng, n_clients, [own, *suppliers])
    )
    w = _Writer(
        truth, rng, fams, dpi, degrade, TURNED if turned is None else turned, formats, text_pdf
    )
    style = rng.choice(["flat", "flat", "alpha", "kind"]) if extras else "flat"
    style = nesting or style  # flat | alpha (A-K/, L-Z/) | kind (Particulier/, Zakelijk/)
    keys = list(truth.clients)
    special = rng.sample(keys, min(3, len(keys))) if extras and n_clients >= 5 else []
    normal = [k for k in keys if k not in special[:1]] or keys
    for key in keys:
        c = truth.clients[key]
        fam = rng.choice(fams)
        base = root / _group(c, style) / c.folder_name
        if special[:1] == [key]:  # per-year subfolders, sometimes the card in the parent
            pages = w.client_pages(key, fam)
            card_in_parent = pages[0].info.kind == "card" and rng.random() < 0.3
            if card_in_parent:
                w.folder(base, key, "per-year", pages[:1])
                pages = pages[1:]
            years = sorted(rng.sample(range(2016, 2025), min(3, max(2, len(pages) // 2))))
            for j, year in enumerate(years):
                part = pages[j :: len(years)]
                if part:
                    w.folder(base / str(year), key, "per-year", part)
            continue
        # every office files some supplier's invoice in a client's folder
        pages = w.client_pages(key, fam, supplier=key == normal[0])
        case = "normal"
        if special[2:3] == [key]:  # a letter of another client filed in this folder
            other = rng.choice([k for k in keys if k != key])
            pages.append(w.page("letter_from_client", other, fam))
            case = "foreign-letter"
        w.folder(base, key, case, pages)
        if special[1:2] == [key]:  # the same client under a second folder name
            alt = _second_name(c, rng)
            w.folder(
                root / _group(c, style) / alt,
                key,
                "two-names",
                w.client_pages(key, rng.choice(fams), card=rng.random() < 0.5),
            )
    if extras and n_clients >= 5:
        _extras(w, root, keys, rng)
    truth.save()
    return truth


def _second_name(c: ClientTruth, rng: random.Random) -> str:
    if c.company and c.company.casefold() != c.folder_name.casefold():
        return c.company.replace("/", "-")
    options = [f"Fam. {c.last_name_full}", c.display_name, f"{c.last_name} ({c.city})"]
    return next(n for n in options if n.casefold() != c.folder_name.casefold())


def _extras(w: _Writer, root: Path, keys: list[str], rng: random.Random) -> None:
    """Empty folders, a folder holding only an exported address list, a loose letter."""
    truth = w.truth
    for empty in rng.sample(["Nieuwe map", "Oud", "Archief 2015", "Te scannen"], 2):
        (root / empty).mkdir(parents=True, exist_ok=True)
        truth.folders.append(FolderInfo(empty, None, "empty"))
    folder = root / rng.choice(["Export adresboek", "Outlook contacten"])
    folder.mkdir(parents=True, exist_ok=True)
    rows = rng.sample(keys, min(3, len(keys)))
    buf = io.StringIO()
    out = csv.writer(buf, delimiter=";")
    out.writerow(["Naam", "Telefoon", "E-mail", "Postcode", "Plaats"])
    for key in rows:
        c = truth.clients[key]
        out.writerow([c.display_name, c.phones[0].written, c.email, c.postcode, c.city])
    (folder / "contacten.csv").write_text(buf.getvalue(), encoding="utf-8-sig")
    rel = str((folder / "contacten.csv").relative_to(root))
    truth.folders.append(FolderInfo(folder.name, None, "contacts", [DocInfo(rel, "csv", [])]))
    truth.contact_rows[rel] = rows
    key = rng.choice(keys)
    page = w.page("letter_from_client", key, rng.choice(w.fams))
    doc = w._save(root, f"scan{rng.randint(1, 99):03d}", "png", [page])
    truth.folders.append(FolderInfo("", key, "loose", [doc]))
