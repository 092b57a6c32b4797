"""Accuracy of reading clients from paper: field precision/recall and duplicate clients.

    .venv/bin/python bench/extraction.py [--clients 100] [--loose 30] [--seed S] [--jobs 2]

Generates client folders with tests.datagen (a seed no test uses), OCRs every page with
real Tesseract (cached as pickled PageText in bench/out/extraction/, so a rerun only
re-extracts), then:

1. per field precision and recall of ``extract_client`` against the truth;
2. imports every folder into a fresh client file (extract -> decide -> apply) and counts
   the clients created;
3. imports the same folders again (ignoring the "already imported" shortcut, so the
   matching itself is measured) and then loose letters of known clients: every client
   created there is a duplicate.

Figures are taken on a shared, loaded 2-core machine: OCR time is not the point here.
Pages are generated upright (orientation is the OCR pipeline's job, measured in its own
benchmark).
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from PIL import Image, ImageSequence  # noqa: E402

from storage import ClientFile, PageText  # noqa: E402

OUT = ROOT / "bench" / "out" / "extraction"
DEFAULT_SEED = "bench-extraction-7"
IMAGE_FORMATS = ("png", "jpg", "tiff")  # PDF reading is the pipeline's job


# --- data and OCR cache ----------------------------------------------------------------------


def generate(data_dir: Path, n_clients: int, n_loose: int, seed: str) -> tuple[list, list]:
    """Client folders and loose letters with their truth (deterministic for a seed)."""
    from tests.datagen import write_dataset, write_loose_letter

    saved = data_dir / "truth.pickle"
    if saved.exists():  # rendering 100 folders takes a minute; the truth is kept beside them
        return pickle.loads(saved.read_bytes())

    folders = write_dataset(
        data_dir / "folders", n_clients, seed, formats=IMAGE_FORMATS, upside_down_prob=0.0
    )
    loose = []
    rng = random.Random(f"{seed}/loose")
    picks = rng.sample(range(len(folders)), min(n_loose, len(folders)))
    for i, idx in enumerate(picks):
        truth = folders[idx].client
        kind = "letter_from_client" if i % 2 == 0 else "letter_to_client"
        path = data_dir / "loose" / f"brief-{i:03d}.png"
        loose.append(write_loose_letter(path, truth, random.Random(f"{seed}/loose/{i}"), kind=kind))
    saved.write_bytes(pickle.dumps((folders, loose)))
    return folders, loose


def _ocr_file(path_str: str) -> tuple[str, list[PageText]]:
    from ocr.tesseract import ocr_image

    pages = []
    with Image.open(path_str) as img:
        for frame in ImageSequence.Iterator(img):
            pages.append(ocr_image(frame.convert("L")))
    return path_str, pages


def ocr_cached(files: list[Path], cache_dir: Path, jobs: int) -> dict[Path, list[PageText]]:
    """PageText per file; pages already read in an earlier run come from the cache."""
    cache_dir.mkdir(parents=True, exist_ok=True)

    def cache_path(path: Path) -> Path:
        return cache_dir / (path.parent.name + "__" + path.name + ".pickle")

    result: dict[Path, list[PageText]] = {}
    todo = []
    for path in files:
        cached = cache_path(path)
        if cached.exists():
            result[path] = pickle.loads(cached.read_bytes())
        else:
            todo.append(path)
    if todo:
        started = time.monotonic()
        print(f"OCR of {len(todo)} files with {jobs} processes ...", file=sys.stderr)
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for n, (path_str, pages) in enumerate(pool.map(_ocr_file, map(str, todo)), 1):
                path = Path(path_str)
                cache_path(path).write_bytes(pickle.dumps(pages))
                result[path] = pages
                if n % 20 == 0:
                    rate = n / (time.monotonic() - started)
                    print(f"  {n}/{len(todo)} files, {rate * 60:.0f} files/min", file=sys.stderr)
    return result


# --- evaluation ----------------------------------------------------------------------------

SINGLE = ("first_name", "tussenvoegsel", "last_name", "company", "legal_form", "street",
          "house_number", "postcode", "city", "iban", "kvk", "btw", "client_since")  # fmt: skip
MULTI = ("phone", "email")
REPORT_ORDER = ("phone", "email", "postcode", "iban", "kvk", "btw", "first_name",
                "tussenvoegsel", "last_name", "company", "legal_form", "street", "house_number",
                "city", "client_since")  # fmt: skip


def own_business():
    from ocr.settings import OwnBusiness
    from tests.datagen import OWN_BUSINESS as O

    return OwnBusiness(name=O.name, street=O.street, postcode=O.postcode, city=O.city,
                       phones=(O.phone,), emails=(O.email,), iban=O.iban, kvk=O.kvk, btw=O.btw,
                       signers=(O.signer,))  # fmt: skip


def _norm(field: str, value: str | None) -> str:
    value = " ".join((value or "").split())
    if field == "postcode":
        return value.replace(" ", "").upper()
    return unicodedata.normalize("NFC", value).casefold()


def truth_values(client) -> dict[str, set[str]]:
    t = {
        "first_name": client.first_name,
        "tussenvoegsel": client.tussenvoegsel,
        "last_name": client.last_name,
        "company": client.company,
        # an eenmanszaak prints no legal form: nothing on paper to read
        "legal_form": None if client.legal_form == "Eenmanszaak" else client.legal_form,
        "street": client.street,
        "house_number": client.house_number,
        "postcode": client.postcode,
        "city": client.city,
        "iban": client.iban,
        "kvk": client.kvk,
        "btw": client.btw,
        "client_since": client.client_since.isoformat(),
    }
    out = {k: {_norm(k, v)} if v else set() for k, v in t.items()}
    out["phone"] = {p.e164 for p in client.phones}
    out["email"] = {client.email.casefold()}
    return out


def predicted_values(extracted, min_conf: float) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for field in SINGLE:
        fv = extracted.best(field, min_conf)
        out[field] = {_norm(field, fv.value): fv} if fv else {}
    for field in MULTI:
        out[field] = {_norm(field, fv.value): fv for fv in extracted.values(field, min_conf)}
    return out


def score_fields(folders, pages, own, min_conf: float):
    from ocr.extract import extract_client

    counts = {f: Counter() for f in REPORT_ORDER}
    failures: dict[str, list[str]] = defaultdict(list)
    extracted_by_folder = {}
    for ft in folders:
        folder_pages = [p for f in ft.files for p in pages[f]]
        ex = extract_client(folder_pages, folder_name=ft.folder.name, own=own)
        extracted_by_folder[ft.folder.name] = (ex, folder_pages)
        truth = truth_values(ft.client)
        pred = predicted_values(ex, min_conf)
        for field in REPORT_ORDER:
            want, got = truth[field], pred[field]
            tp = len(want & set(got))
            counts[field]["tp"] += tp
            counts[field]["fp"] += len(set(got) - want)
            counts[field]["fn"] += len(want - set(got))
            if want != set(got):
                shown = {v: f"{fv.source}/{fv.confidence:.2f}" for v, fv in got.items()}
                failures[field].append(f"{ft.folder.name}: truth {sorted(want)} read {shown}")
    return counts, failures, extracted_by_folder


def import_all(folders, loose, pages, own, extracted_by_folder):
    """(clients after pass 1, created in pass 2, created by loose letters, wrong matches)."""
    from ocr.apply import apply_to_client
    from ocr.extract import extract_client
    from ocr.matching import decide

    stats = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        cf = ClientFile.open(Path(tmp) / "bench.sqlite")
        home: dict[str, int] = {}

        def run(ex, fallback):
            decision = decide(cf, ex)
            with cf.transaction() as conn:
                client_id, created = apply_to_client(conn, cf, decision, ex, [],
                                                     fallback_name=fallback)  # fmt: skip
            return client_id, created, decision

        for ft in folders:
            ex, _ = extracted_by_folder[ft.folder.name]
            client_id, created, decision = run(ex, ft.folder.name)
            stats["pass1.created"] += created
            stats[f"pass1.{decision.kind}"] += 1
            if not created:
                stats["pass1.merged"] += 1
                print(f"  merged on first import: {ft.folder.name} -> {decision.reason}")
            home[ft.folder.name] = client_id
        for ft in folders:
            ex, _ = extracted_by_folder[ft.folder.name]
            client_id, created, decision = run(ex, ft.folder.name)
            stats["pass2.created"] += created
            stats[f"pass2.{decision.kind}"] += 1
            if not created and client_id != home[ft.folder.name]:
                stats["pass2.wrong"] += 1
        by_truth = {id(ft.client): ft.folder.name for ft in folders}
        name_of = {ft.client.display_name + ft.client.postcode: ft.folder.name for ft in folders}
        for lt in loose:
            ex = extract_client(pages[lt.path], own=own)
            client_id, created, decision = run(ex, lt.path.stem)
            stats["loose.created"] += created
            stats[f"loose.{decision.kind}"] += 1
            folder = by_truth.get(id(lt.client)) or name_of.get(
                lt.client.display_name + lt.client.postcode
            )
            if created:
                print(f"  loose letter made a new client: {lt.path.name} ({decision.reason})")
            elif client_id != home.get(folder):
                stats["loose.wrong"] += 1
                print(f"  loose letter to the wrong client: {lt.path.name} ({decision.reason})")
        stats["clients"] = cf.count_clients()
        cf.close()
    return stats


def through_pipeline(folders, loose, own, jobs: int) -> None:
    """The same folders through ocr.import_paths (real OCR, extraction wired in)."""
    from ocr import import_paths
    from ocr.settings import SETTINGS_ENV, save_own_business

    with tempfile.TemporaryDirectory() as tmp:
        os.environ[SETTINGS_ENV] = str(Path(tmp) / "eigen_bedrijf.json")
        save_own_business(own)
        with ClientFile.open(Path(tmp) / "pipeline.sqlite") as cf:
            started = time.monotonic()
            first = import_paths([ft.folder for ft in folders], cf, jobs=jobs)
            seconds = time.monotonic() - started
            again = import_paths([ft.folder for ft in folders], cf, jobs=jobs)
            later = import_paths([lt.path for lt in loose], cf, jobs=jobs)
            right = Counter()
            for ft in folders:
                found = cf.lookup_phone(ft.client.phones[0].e164)
                if found is None:
                    continue
                right["found"] += 1
                right["last_name"] += _norm("x", found["last_name"]) == _norm(
                    "x", ft.client.last_name
                )
                right["iban"] += found["iban"] == ft.client.iban
                if found["iban"] != ft.client.iban:
                    print(f"  stored IBAN {found['iban']} for {ft.folder.name} ({ft.client.iban})")
                right["postcode"] += any(
                    _norm("postcode", a["postcode"]) == _norm("postcode", ft.client.postcode)
                    for a in found["addresses"]
                )
            total = cf.count_clients()
            print(
                f"pipeline import of {len(folders)} folders: {first.clients_created} clients, "
                f"{first.pages} pages in {seconds:.0f} s, errors {len(first.errors)}; again: "
                f"{again.clients_created} created, {again.skipped} skipped; loose letters: "
                f"{later.clients_created} created; clients in the file {total}"
            )
            print(
                f"stored clients found by their first phone: {right['found']}/{len(folders)}; "
                f"with the right last name {right['last_name']}, IBAN {right['iban']}, "
                f"postcode {right['postcode']}"
            )


def evaluate(folders, loose, pages, args) -> int:
    from ocr.apply import MIN_CONFIDENCE

    own = own_business()
    started = time.monotonic()
    counts, failures, extracted = score_fields(folders, pages, own, MIN_CONFIDENCE)
    seconds = time.monotonic() - started
    n_pages = sum(len(p) for p in pages.values())
    print(f"Extraction accuracy: {len(folders)} client folders, {len(loose)} loose letters, "
          f"{n_pages} pages OCR'd (seed {args.seed}; loaded shared 2-core machine)")  # fmt: skip
    print(f"extract_client over all folders: {seconds:.2f} s")
    print(f"{'field':<14} {'truth':>5} {'read':>5} {'precision':>9} {'recall':>7}")
    for field in REPORT_ORDER:
        c = counts[field]
        truth_n, read_n = c["tp"] + c["fn"], c["tp"] + c["fp"]
        precision = c["tp"] / read_n if read_n else float("nan")
        recall = c["tp"] / truth_n if truth_n else float("nan")
        print(f"{field:<14} {truth_n:>5} {read_n:>5} {precision:>9.3f} {recall:>7.3f}")
    stats = import_all(folders, loose, pages, own, extracted)
    print(f"import 1: {stats['pass1.created']} clients created for {len(folders)} folders "
          f"({stats['pass1.merged']} folders merged into another client)")  # fmt: skip
    print(f"import 2 (same folders again): {stats['pass2.created']} duplicates, "
          f"{stats['pass2.wrong']} to a wrong client, {stats['pass2.existing']} matched, "
          f"{stats['pass2.ask']} ask")  # fmt: skip
    print(f"loose letters of known clients: {stats['loose.created']} duplicates, "
          f"{stats['loose.wrong']} to a wrong client, {stats['loose.existing']} matched, "
          f"{stats['loose.ask']} ask")  # fmt: skip
    print(f"clients in the file: {stats['clients']} (expected {len(folders)})")
    if args.pipeline:
        through_pipeline(folders, loose, own, args.jobs)
    if args.worst:
        print(f"\nWorst failures (up to {args.worst} per field):")
        for field in REPORT_ORDER:
            for line in failures[field][: args.worst]:
                print(f"  {field}: {line}")
    return 0


# --- main ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--clients", type=int, default=100, help="client folders (default 100)")
    ap.add_argument("--loose", type=int, default=30, help="loose letters of known clients")
    ap.add_argument("--seed", default=DEFAULT_SEED, help=f"generator seed ({DEFAULT_SEED})")
    ap.add_argument("--jobs", type=int, default=2, help="OCR processes (default 2)")
    ap.add_argument("--ocr-only", action="store_true", help="only fill the OCR cache")
    ap.add_argument(
        "--pipeline",
        action="store_true",
        help="also import the folders with ocr.import_paths (OCRs everything again)",
    )
    ap.add_argument("--worst", type=int, default=12, help="failures to list (default 12)")
    args = ap.parse_args(argv)

    data_dir = OUT / f"{args.seed}-{args.clients}-{args.loose}"
    folders, loose = generate(data_dir, args.clients, args.loose, args.seed)
    files = [f for ft in folders for f in ft.files] + [lt.path for lt in loose]
    pages = ocr_cached(files, data_dir / "ocr", args.jobs)
    if args.ocr_only:
        print(f"OCR cache holds {sum(len(p) for p in pages.values())} pages in {data_dir}")
        return 0
    return evaluate(folders, loose, pages, args)


if __name__ == "__main__":
    raise SystemExit(main())
