"""Reading real binders: field precision/recall, clients mixed, our own business on cards.

    nice -n 10 .venv/bin/python bench/extraction.py [--folders 200] [--train-folders 60]
        [--seed S] [--jobs 2] [--ocr-only] [--pipeline [--pipeline-clients 6]]

Generates cabinets of client folders with tests.datagen.cabinet (one own business per
cabinet, suppliers, per-year folders, a client under two names, a foreign letter, empty
and CSV-only folders, turned pages) in HELD-OUT layouts (no test uses them) and,
separately, in TRAIN layouts. Every page is read once with real Tesseract through the
app's own reading (orientation, deskew, PDF text layers) and cached by its image hash
in bench/out/extraction/ocr/, so a rerun only extracts and imports again.

Then, for own-business settings empty and set (the cabinet's own business), it prints:

1. per field precision/recall of single pages, by orientation and by page kind;
2. per field precision/recall of whole folders (what goes to a card), with the wrong
   values split by whose they are (ours, a supplier's, another client's, nobody's);
3. per cabinet: folders -> clients, clients mixed, own values and supplier values on
   cards, folders merged wrongly, clients split, invented values, own business found.

The step from read pages to stored clients is ``_import_read_folders``: the import path
itself (importing.units, importing.import_read, importing.contacts) after the reading;
``--pipeline`` runs the real ``main.py import`` (subprocess, JSON) on one small cabinet
end to end. Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from bench.extraction_figures import Figures, print_figures  # noqa: E402
from importing.units import is_part_folder  # noqa: E402
from storage import ClientFile, PageText  # noqa: E402
from tests.datagen.cabinet import write_cabinet  # noqa: E402
from tests.datagen.truth import CabinetTruth  # noqa: E402

OUT = ROOT / "bench" / "out" / "extraction"
DEFAULT_SEED = "bench-binders-1"
GENERATOR = "cabinet-2"  # bump when tests/datagen changes what it draws: old data is not reused
MIMES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".pdf": "application/pdf",
}


# --- data ------------------------------------------------------------------------------------


def _write_one(args: tuple) -> CabinetTruth:
    root, size, seed, split = args
    return write_cabinet(root, size, seed, split=split)


def generate(out: Path, split: str, n_folders: int, seed: str, jobs: int) -> list[CabinetTruth]:
    """Cabinets of 5 to 15 clients until they hold n_folders client folders (kept on disk;
    written jobs at a time, the same cabinets whatever jobs is)."""
    data_dir = out / GENERATOR / f"{seed}-{split}-{n_folders}"
    saved = data_dir / "truth.pickle"
    if saved.exists():
        return pickle.loads(saved.read_bytes())
    started = time.monotonic()
    rng = random.Random(f"{seed}/{split}")
    cabinets: list[CabinetTruth] = []
    folders = 0
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        while folders < n_folders:
            batch = []
            for i in range(len(cabinets), len(cabinets) + jobs):
                size = rng.randint(5, 15)
                name = rng.choice(["Klanten", "Klantmappen", "Dossiers"])
                batch.append(
                    (data_dir / f"kast-{i:02d}" / name, size, f"{seed}/{split}/{i}", split)
                )
            for cab in pool.map(_write_one, batch):
                if folders >= n_folders:  # written ahead in the batch, not needed
                    shutil.rmtree(cab.root.parent)
                    continue
                cabinets.append(cab)
                folders += sum(1 for f in cab.folders if f.client and f.path)
    saved.write_bytes(pickle.dumps(cabinets))
    pages = sum(len(d.pages) for c in cabinets for f in c.folders for d in f.documents)
    print(
        f"generated {len(cabinets)} {split} cabinets, {folders} client folders, {pages} pages "
        f"in {time.monotonic() - started:.0f} s",
        file=sys.stderr,
    )
    return cabinets


# --- reading (real Tesseract, cached by page image hash) -------------------------------------


def _read_file(path_str: str) -> list[PageText]:
    """Every page of one file, read as the app reads it (orientation, deskew, text layer)."""
    from ocr.engine.preprocess import DEFAULT_SETTINGS
    from ocr.engine.tesseract import DEFAULT_LANG, PAGE_TIMEOUT_S
    from ocr.engine.worker import probe, read_pages

    path = Path(path_str)
    mime = MIMES[path.suffix.lower()]
    count = probe(path, mime).pages
    specs = [(path, mime, i, None) for i in range(count)]
    results = read_pages(specs, DEFAULT_LANG, DEFAULT_SETTINGS, PAGE_TIMEOUT_S)
    return [r if isinstance(r, PageText) else PageText("") for r in results]


def read_all(out: Path, cabinets: list[CabinetTruth], jobs: int) -> dict[str, PageText]:
    """image_sha -> PageText for every page; pages read before come from the cache."""
    cache = out / "ocr"
    result: dict[str, PageText] = {}
    todo: list[tuple[Path, list[str]]] = []
    for cab in cabinets:
        for folder in cab.folders:
            for doc in folder.documents:
                shas = [p.image_sha for p in doc.pages]
                files = [cache / s[:2] / f"{s}.pickle" for s in shas]
                if shas and all(f.exists() for f in files):
                    for s, f in zip(shas, files, strict=True):
                        result[s] = pickle.loads(f.read_bytes())
                elif shas:
                    todo.append((cab.root / doc.file, shas))
    if not todo:
        return result
    started = time.monotonic()
    n_pages = sum(len(s) for _, s in todo)
    print(
        f"reading {n_pages} pages in {len(todo)} files with {jobs} processes ...", file=sys.stderr
    )
    done = 0
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for (_path, shas), pages in zip(
            todo, pool.map(_read_file, [str(p) for p, _ in todo]), strict=True
        ):
            for sha, page in zip(shas, pages, strict=False):
                (cache / sha[:2]).mkdir(parents=True, exist_ok=True)
                (cache / sha[:2] / f"{sha}.pickle").write_bytes(pickle.dumps(page))
                result[sha] = page
            done += len(shas)
            if done % 50 < len(shas):
                rate = done / (time.monotonic() - started)
                print(f"  {done}/{n_pages} pages, {rate * 60:.0f} pages/min", file=sys.stderr)
    seconds = time.monotonic() - started
    print(
        f"read {n_pages} pages in {seconds:.0f} s ({seconds / n_pages:.2f} s per page)",
        file=sys.stderr,
    )
    return result


# --- what the import gets: units of read pages -----------------------------------------------


@dataclass
class ReadDocument:
    path: Path
    mime: str
    pages: list[PageText]
    sha256: str = ""


@dataclass
class ReadUnit:
    """One client folder (folder set) or one loose file (folder None), read."""

    label: str
    folder: Path | None
    documents: list[ReadDocument] = field(default_factory=list)
    contact_files: list[Path] = field(default_factory=list)


def units_of(cab: CabinetTruth, pages: dict[str, PageText]) -> list[ReadUnit]:
    """Every folder that holds documents is one unit, at any depth; loose files one unit
    each; an empty folder none; a folder holding only a contact list a unit without pages.
    A client's per-year folders are one unit, the folder that holds them, as the import
    takes them (importing.units: "Jansen/2019/" and "Jansen/2020/" are Jansen)."""
    units = []
    years: dict[str, ReadUnit] = {}
    for f in cab.folders:
        if f.case == "loose":
            for doc in f.documents:
                path = cab.root / doc.file
                read = ReadDocument(
                    path,
                    MIMES[path.suffix.lower()],
                    [pages[p.image_sha] for p in doc.pages],
                    _sha(path),
                )
                units.append(ReadUnit(path.name, None, [read]))
            continue
        if not f.documents:
            continue  # an empty folder: nothing to import
        if f.case == "per-year":
            home = Path(f.path)  # the client's folder: it holds the years' folders
            home = home.parent if is_part_folder(home.name) else home
            if str(home) not in years:
                years[str(home)] = ReadUnit(home.name, cab.root / home)
                units.append(years[str(home)])
            unit = years[str(home)]
        else:
            unit = ReadUnit(Path(f.path).name, cab.root / f.path)
            units.append(unit)
        for doc in f.documents:
            path = cab.root / doc.file
            if doc.format == "csv":
                unit.contact_files.append(path)
                continue
            unit.documents.append(
                ReadDocument(
                    path,
                    MIMES[path.suffix.lower()],
                    [pages[p.image_sha] for p in doc.pages],
                    _sha(path),
                )
            )
    # in the order a shell lists them: `main.py import Klanten/*/ Klanten/*.png`
    return sorted(units, key=lambda u: str(u.folder or u.documents[0].path).casefold())


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def own_settings(cab: CabinetTruth):
    """The cabinet's own business as the settings screen would hold it."""
    from ocr.extract import OwnBusiness

    o = cab.own
    return OwnBusiness(
        name=o.name,
        street=o.street,
        postcode=o.postcode,
        city=o.city,
        phones=tuple(p.written for p in o.phones),
        emails=(o.email,),
        iban=o.iban,
        kvk=o.kvk,
        btw=o.btw,
        signers=(o.signer,),
    )


# --- the one step from read pages to stored clients ------------------------------------------


def _import_read_folders(
    cab: CabinetTruth, pages: dict[str, PageText], cf: ClientFile, own
) -> dict:
    """The cabinet through the import path after its reading, as `main.py import Klanten/`
    does: importing.units decides the client folders (cabinets, per-year tabs, loose
    files), importing.import_read proposes, matches and applies, with the pages read
    already (from the cache). Contact lists go through importing.contacts. Returns the
    ``ImportReport.to_dict()`` shape."""
    from importing import Document, import_read
    from importing.contacts import import_contact_lists
    from importing.report import ImportReport
    from importing.units import find_units

    read = {
        str(cab.root / doc.file): [pages[p.image_sha] for p in doc.pages]
        for folder in cab.folders
        for doc in folder.documents
        if doc.format != "csv"
    }
    found = ImportReport()
    units, contacts = [], []
    for unit in find_units([cab.root], found):
        for path in unit.files:
            if path.suffix.lower() == ".csv":
                contacts.append(path)
            elif str(path) in read:
                unit.documents.append(
                    Document(
                        path,
                        MIMES[path.suffix.lower()],
                        path.name,
                        _sha(path),
                        pages=dict(enumerate(read[str(path)])),
                    )
                )
        unit.stack = False  # the pages are read: a loose letter is one unit
        if unit.documents:
            units.append(unit)
    report = import_read(units, cf, own=own).to_dict()
    if contacts:
        report["folders"] += import_contact_lists(contacts, cf).to_dict()["folders"]
    report["folders"] += [u.to_dict() for u in found.units]
    return report


def stored_clients(cf: ClientFile) -> list[dict]:
    """Every stored client in the `show --json` shape."""
    out = []
    for client_id in cf.client_ids():
        c = cf.client(client_id)
        out.append(c if isinstance(c, dict) else c.to_dict())
    return out


# --- runs ------------------------------------------------------------------------------------


def run_split(split: str, cabinets: list[CabinetTruth], pages: dict[str, PageText]) -> None:
    from ocr.extract import OwnBusiness

    for own_mode in ("empty", "set"):
        figures = Figures(split, own_mode)
        started = time.monotonic()
        for cab in cabinets:
            own = own_settings(cab) if own_mode == "set" else OwnBusiness()
            units = units_of(cab, pages)
            figures.add_pages(cab, pages, own)
            figures.add_folders(cab, units, own)
            with tempfile.TemporaryDirectory() as tmp:
                cf = ClientFile.open(Path(tmp) / "bench.sqlite")
                try:
                    t0 = time.monotonic()
                    report = _import_read_folders(cab, pages, cf, own)
                    figures.import_seconds += time.monotonic() - t0
                    figures.add_import(cab, units, report, stored_clients(cf))
                finally:
                    cf.close()
        figures.seconds = time.monotonic() - started
        print_figures(figures)


def run_pipeline(seed: str, n_clients: int, split: str, jobs: int, mode: str) -> None:
    """One small cabinet through the real `main.py import --json` (no cache: OCR again)."""
    from importing.own_business import OwnBusiness, save_own_business

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "kast-pipeline" / "Klanten"
        cab = write_cabinet(root, n_clients, f"{seed}/pipeline", split=split)
        for own_mode in ("empty", "set"):
            settings = Path(tmp) / f"eigen_bedrijf-{own_mode}.json"
            save_own_business(own_settings(cab) if own_mode == "set" else OwnBusiness(), settings)
            env = dict(os.environ, KLANTDOSSIER_OWN_BUSINESS=str(settings))
            db = Path(tmp) / f"pipeline-{own_mode}.sqlite"
            paths = [str(cab.root)]
            if mode == "folders":  # every folder that holds files, as `import F1 F2 ...`
                paths = sorted(
                    {str((cab.root / d.file).parent) for f in cab.folders for d in f.documents}
                )
            cmd = [
                sys.executable,
                str(ROOT / "main.py"),
                "--db",
                str(db),
                "import",
                *paths,
                "--json",
                "--jobs",
                str(jobs),
            ]
            started = time.monotonic()
            done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
            seconds = time.monotonic() - started
            report = json.loads(done.stdout) if done.stdout.strip() else {}
            out = Path(tmp) / f"export-{own_mode}.json"
            subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "main.py"),
                    "--db",
                    str(db),
                    "export",
                    "--format",
                    "json",
                    "--out",
                    str(out),
                ],
                check=True,
                env=env,
                cwd=ROOT,
                capture_output=True,
            )
            clients = json.loads(out.read_text(encoding="utf-8"))
            units = units_of(cab, {p.image_sha: PageText("") for _, _, _, p in cab.pages()})
            figures = Figures(f"pipeline ({split}, `main.py import {mode}`)", own_mode)
            figures.add_import(cab, units, _report_from_documents(report, units, clients), clients)
            figures.seconds = seconds
            print(
                f"\n`main.py import` exit {done.returncode} in {seconds:.0f} s: "
                + json.dumps(
                    {k: v for k, v in report.items() if k != "folders"}, ensure_ascii=False
                )[:400]
            )
            print_figures(figures, pages=False)


def _report_from_documents(report: dict, units: list[ReadUnit], clients: list[dict]) -> dict:
    """Which client each unit went to, from the stored documents' hashes (the CLI report of
    today does not say per folder)."""
    owner = {d["sha256"]: c["id"] for c in clients for d in c.get("documents", [])}
    folders = []
    for unit in units:
        ids = {owner.get(d.sha256) for d in unit.documents} - {None}
        if unit.documents:
            folders.append(
                {
                    "path": str(unit.folder or unit.documents[0].path),
                    "client_id": min(ids) if ids else None,
                    "outcome": "stored" if ids else "not stored",
                    "reason": "",
                }
            )
    return {"folders": folders, "own_business": report.get("own_business")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--folders", type=int, default=200, help="held-out client folders (200)")
    ap.add_argument(
        "--train-folders", type=int, default=60, help="train client folders (60; 0: none)"
    )
    ap.add_argument("--seed", default=DEFAULT_SEED, help=f"generator seed ({DEFAULT_SEED})")
    ap.add_argument("--jobs", type=int, default=2, help="OCR processes (default 2)")
    ap.add_argument(
        "--out", type=Path, default=OUT, help=f"generated cabinets and OCR cache ({OUT})"
    )
    ap.add_argument("--ocr-only", action="store_true", help="only generate and fill the OCR cache")
    ap.add_argument("--pipeline", action="store_true", help="also run `main.py import` end to end")
    ap.add_argument("--pipeline-clients", type=int, default=6, help="clients in that cabinet (6)")
    ap.add_argument("--pipeline-split", default="heldout", choices=["heldout", "train"])
    ap.add_argument(
        "--pipeline-paths",
        default="cabinet",
        choices=["cabinet", "folders"],
        help="import the cabinet folder, or every client folder by name",
    )
    args = ap.parse_args(argv)

    started = time.monotonic()
    runs = [("heldout", args.folders), ("train", args.train_folders)]
    data = {split: generate(args.out, split, n, args.seed, args.jobs) for split, n in runs if n}
    pages = read_all(args.out, [c for cabs in data.values() for c in cabs], args.jobs)
    if args.ocr_only:
        print(f"OCR cache holds {len(pages)} pages of these cabinets")
        return 0
    print(f"Reading real binders (seed {args.seed}; shared, loaded 2-core machine)")
    for split, cabinets in data.items():
        run_split(split, cabinets, pages)
    if args.pipeline:
        run_pipeline(
            args.seed, args.pipeline_clients, args.pipeline_split, args.jobs, args.pipeline_paths
        )
    print(f"\ntotal {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
