"""Write client folders (the paper folder as scanned files) with the truth beside them.

Layout of ``write_dataset(out, ...)``::

    out/<folder_name>/klantkaart.png ...      what the importer sees
    out/<folder_name>.truth.json              what the tests know (outside the folder)
"""

from __future__ import annotations

import dataclasses
import json
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from .people import ClientTruth, make_client
from .render import (
    NO_DEGRADATION,
    OWN_BUSINESS,
    Degradation,
    OwnBusiness,
    RenderedPage,
    render_page,
)
from .render import (
    degrade as degrade_page,
)
from .textpdf import write_text_pdf

ALL_FORMATS = ("png", "jpg", "tiff", "pdf")
SCHEMA_VERSION = 1


@dataclass
class PageTruth:
    rendered: RenderedPage
    degradation: Degradation
    image: Image.Image  # the page as stored (after degradation and mode conversion)
    mode: str = "L"  # "L" grey, "1" bilevel, "RGB" colour

    def to_dict(self) -> dict[str, Any]:
        d = self.rendered.truth()
        d["mode"] = self.mode
        d["size"] = list(self.image.size)
        d["degradation"] = self.degradation.to_dict()
        return d


@dataclass
class DocumentTruth:
    file: str  # file name inside the folder
    format: str  # png | jpg | tiff | pdf | textpdf
    order: int  # position in natural (human) file order, 0-based
    pages: list[dict[str, Any]]
    compression: str | None = None  # tiff: group4 | tiff_lzw
    dpi_metadata: bool = True  # False: the file does not say its resolution

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class FolderTruth:
    folder: Path  # the client folder that was written
    truth_path: Path  # the truth.json beside it
    client: ClientTruth
    documents: list[DocumentTruth]
    own_business: OwnBusiness

    @property
    def files(self) -> list[Path]:
        """Files of the folder in natural order."""
        return [self.folder / d.file for d in sorted(self.documents, key=lambda d: d.order)]

    @property
    def page_count(self) -> int:
        return sum(len(d.pages) for d in self.documents)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "folder": self.folder.name,
            "client": self.client.to_dict(),
            "own_business": self.own_business.to_dict(),
            "documents": [d.to_dict() for d in sorted(self.documents, key=lambda d: d.order)],
        }


# --- saving one document -------------------------------------------------------------


def _fixed_time(page: RenderedPage, rng: random.Random) -> time.struct_time:
    """A plausible scan time that depends only on rng (never the wall clock)."""
    y, mo, d = 2024, rng.randint(1, 12), rng.randint(1, 28)
    return time.struct_time((y, mo, d, rng.randint(8, 17), rng.randint(0, 59), 0, 0, 1, 0))


def _to_mode(img: Image.Image, mode: str, deg: Degradation) -> Image.Image:
    if mode == "1":
        # Binarise halfway between paper and ink, like a scanner's B/W mode.
        thr = (deg.paper + deg.ink) // 2 if deg is not NO_DEGRADATION else 128
        return img.point(lambda v: 255 if v > thr else 0, mode="1")
    if mode == "RGB":
        # Colour scan of cream paper: a touch more red/green than blue.
        rgb = Image.merge("RGB", (img, img, img.point(lambda v: max(0, v - 8))))
        return rgb
    return img


def _save(
    path: Path,
    fmt: str,
    pages: list[PageTruth],
    rng: random.Random,
    *,
    dpi: int,
    dpi_metadata: bool,
) -> str | None:
    imgs = [p.image for p in pages]
    first, rest = imgs[0], imgs[1:]
    res = {"dpi": (dpi, dpi)} if dpi_metadata else {}
    if fmt == "png":
        assert not rest
        first.save(path, "PNG", optimize=False, **res)
        return None
    if fmt == "jpg":
        assert not rest
        first.save(path, "JPEG", quality=rng.randint(70, 90), **res)
        return None
    if fmt == "tiff":
        compression = "group4" if first.mode == "1" else "tiff_lzw"
        first.save(
            path, "TIFF", save_all=True, append_images=rest, compression=compression, dpi=(dpi, dpi)
        )
        return compression
    if fmt == "pdf":
        t = _fixed_time(pages[0].rendered, rng)
        first.save(
            path,
            "PDF",
            save_all=True,
            append_images=rest,
            resolution=float(dpi),
            creationDate=t,
            modDate=t,
            title="Scan",
            producer="Scanner",
        )
        return None
    raise ValueError(f"unknown format {fmt!r}")


def _page(
    truth: ClientTruth,
    rng: random.Random,
    kind: str,
    *,
    dpi: int,
    degrade: bool,
    upside_down_prob: float,
    own_business: OwnBusiness,
) -> PageTruth:
    rendered = render_page(truth, rng, dpi, kind, own_business)
    if degrade:
        img, deg = degrade_page(rendered.image, rng, upside_down_prob=upside_down_prob)
    else:
        img, deg = rendered.image, NO_DEGRADATION
    return PageTruth(rendered, deg, img)


def _letter_kind(rng: random.Random) -> str:
    return "letter_from_client" if rng.random() < 0.65 else "letter_to_client"


def _ext(fmt: str, rng: random.Random) -> str:
    ext = {
        "png": "png",
        "jpg": rng.choice(["jpg", "jpg", "jpeg"]),
        "tiff": rng.choice(["tif", "tif", "tiff"]),
        "pdf": "pdf",
        "textpdf": "pdf",
    }[fmt]
    return ext.upper() if rng.random() < 0.08 else ext  # some scanners shout


# --- folders -------------------------------------------------------------------------


def write_client_folder(
    out_dir: Path,
    truth: ClientTruth,
    rng: random.Random,
    *,
    dpi: int = 200,
    formats: tuple[str, ...] | list[str] = ALL_FORMATS,
    pages: int = 2,
    degrade: bool = True,
    upside_down_prob: float = 0.1,
    own_business: OwnBusiness = OWN_BUSINESS,
) -> FolderTruth:
    """Write ``out_dir/<folder_name>/`` with one klantkaart plus ``pages`` letter pages.

    Pages are grouped into documents by cycling through ``formats`` (random start);
    tiff and pdf documents take one or two pages (multi-page). ``"textpdf"`` in
    formats adds a born-digital letter with a text layer.
    """
    out_dir = Path(out_dir)
    folder = out_dir / truth.folder_name
    folder.mkdir(parents=True, exist_ok=True)
    image_formats = [f for f in formats if f != "textpdf"] or ["png"]

    def make(kind: str) -> PageTruth:
        return _page(
            truth,
            rng,
            kind,
            dpi=dpi,
            degrade=degrade,
            upside_down_prob=upside_down_prob,
            own_business=own_business,
        )

    # Group pages into documents: (format, [pages]).
    start = rng.randrange(len(image_formats))
    groups: list[tuple[str, list[PageTruth]]] = [(image_formats[start], [make("card")])]
    remaining = pages
    i = start + 1
    while remaining > 0:
        fmt = image_formats[i % len(image_formats)]
        i += 1
        n = min(remaining, rng.choice([1, 2, 2])) if fmt in ("tiff", "pdf") else 1
        groups.append((fmt, [make(_letter_kind(rng)) for _ in range(n)]))
        remaining -= n
    text_pdf_kind = _letter_kind(rng) if "textpdf" in formats else None

    n_docs = len(groups) + (1 if text_pdf_kind else 0)
    names = _file_names(n_docs, rng)

    documents: list[DocumentTruth] = []
    for order, ((fmt, page_list), stem) in enumerate(zip(groups, names, strict=False)):
        # One scan job, one colour mode: grey mostly, bilevel often for TIFF (so G4
        # applies to every page), colour sometimes for JPEG.
        if fmt == "tiff":
            mode = "1" if rng.random() < 0.5 else "L"
        elif fmt == "jpg":
            mode = "RGB" if rng.random() < 0.3 else "L"
        elif fmt == "png":
            mode = rng.choice(["L", "L", "L", "1"])
        else:
            mode = "L"
        for p in page_list:
            p.mode = mode
            p.image = _to_mode(p.image, mode, p.degradation)
        fname = f"{stem}.{_ext(fmt, rng)}"
        dpi_meta = fmt in ("tiff", "pdf") or rng.random() < 0.9
        compression = _save(folder / fname, fmt, page_list, rng, dpi=dpi, dpi_metadata=dpi_meta)
        documents.append(
            DocumentTruth(
                fname, fmt, order, [p.to_dict() for p in page_list], compression, dpi_meta
            )
        )
    if text_pdf_kind:
        stem = names[len(groups)]
        rendered = render_page(truth, rng, dpi, text_pdf_kind, own_business)
        fname = f"{stem}.pdf"
        placed = write_text_pdf(folder / fname, rendered.text)
        page = rendered.truth()
        page.update(mode="text", boxes={}, text=[p.text for p in placed], degradation=None)
        documents.append(DocumentTruth(fname, "textpdf", len(groups), [page], None, True))

    # ``order`` is the natural sort order of the names ("pagina2" < "pagina10"), i.e.
    # what a careful importer shows; creation order is not visible on disk.
    for order, doc in enumerate(sorted(documents, key=lambda d: natural_key(d.file))):
        doc.order = order
    ft = FolderTruth(
        folder, out_dir / f"{truth.folder_name}.truth.json", truth, documents, own_business
    )
    ft.truth_path.write_text(
        json.dumps(ft.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return ft


def natural_key(name: str) -> list[Any]:
    """'pagina2.png' < 'pagina10.png', case-insensitive."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name.casefold())]


def _file_names(n: int, rng: random.Random) -> list[str]:
    """File stems in natural order; some styles sort wrongly as plain strings."""
    style = rng.choice(["named", "named", "pagina", "scan"])
    if style == "pagina" and n >= 2:
        # "pagina2" before "pagina10": only a natural sort gets this right.
        nums = [*sorted(rng.sample(range(1, 10), n - 1)), rng.randint(10, 19)]
        word = rng.choice(["pagina", "Pagina", "blad"])
        return [f"{word}{k}" for k in nums]
    if style == "scan" or n < 2:
        base = rng.randint(1, 400)
        return [f"scan{base + k:04d}" for k in range(n)]
    card = rng.choice(["klantkaart", "Klantkaart", "kaart"])
    sep = rng.choice([" ", "-", "_"])
    return [card] + [f"brief{sep}{k}" for k in range(1, n)]


def write_dataset(out_dir: Path, n_clients: int, seed: int | str, **kw: Any) -> list[FolderTruth]:
    """``n_clients`` client folders under ``out_dir``; keyword args go to write_client_folder."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    used: set[str] = set()
    result: list[FolderTruth] = []
    for i in range(n_clients):
        client = make_client(rng)
        while client.folder_name.casefold() in used:  # two "Jansen, Jan" folders would merge
            client = make_client(rng)
        used.add(client.folder_name.casefold())
        # One rng per folder: a folder's pages don't shift when another changes.
        result.append(write_client_folder(out_dir, client, random.Random(f"{seed}/{i}"), **kw))
    return result


@dataclass
class LooseTruth:
    path: Path
    client: ClientTruth
    document: DocumentTruth

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "file": self.path.name,
            "client": self.client.to_dict(),
            "document": self.document.to_dict(),
        }


def write_loose_letter(
    path: Path,
    truth: ClientTruth,
    rng: random.Random,
    *,
    dpi: int = 200,
    kind: str | None = None,
    degrade: bool = True,
    upside_down_prob: float = 0.0,
    own_business: OwnBusiness = OWN_BUSINESS,
    truth_path: Path | None = None,
) -> LooseTruth:
    """One loose letter of a known client at exactly ``path`` (format from the suffix:
    .png .jpg/.jpeg .tif/.tiff .pdf; ``kind="textpdf"``-style born-digital PDFs come
    from ``write_text_pdf``). Writes the truth JSON only when ``truth_path`` is given.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fmt = {"png": "png", "jpg": "jpg", "jpeg": "jpg", "tif": "tiff", "tiff": "tiff", "pdf": "pdf"}[
        path.suffix.lower().lstrip(".")
    ]
    page = _page(
        truth,
        rng,
        kind or _letter_kind(rng),
        dpi=dpi,
        degrade=degrade,
        upside_down_prob=upside_down_prob,
        own_business=own_business,
    )
    compression = _save(path, fmt, [page], rng, dpi=dpi, dpi_metadata=True)
    doc = DocumentTruth(path.name, fmt, 0, [page.to_dict()], compression, True)
    lt = LooseTruth(path, truth, doc)
    if truth_path is not None:
        Path(truth_path).write_text(
            json.dumps(lt.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return lt
