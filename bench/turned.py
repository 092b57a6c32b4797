"""Turned pages against the same pages upright: does a page read as well turned?

    nice -n 10 .venv/bin/python bench/turned.py [--pages 60] [--seed S] [--folders 200]
        [--jobs 2] [--skew 0.5]

bench/extraction.py splits its figures by orientation, but its turned pages are other
pages than its upright ones, and few. Here every page is its own baseline: upright
scanned pages with fields (client cards, letters from clients, our invoices) of the
held-out cabinets of bench/extraction.py (same seed, same cache folder) are each read
upright and turned a quarter, a half and three quarters, through the app's own reading
(orientation detection, deskew) with real Tesseract, and extracted on their own with the
cabinet's own business set. A quarter turn moves no pixel, and turned back the page is
the same image; a page put in the scanner the other way is a new scan. So every reading,
upright ones too, is of the turned page tilted by --skew degrees more (resampled, as a
scanner would), which gives each turn its own pixels. Per field precision/recall per
turn, and the pages whose values differ from the upright reading. Readings are cached
by page, turn and tilt in bench/out/extraction/turned/. Figures only: nothing here
passes or fails.
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from PIL import Image  # noqa: E402

from bench.extraction import DEFAULT_SEED, MIMES, OUT, generate, own_settings  # noqa: E402
from bench.extraction_figures import FIELDS, predicted  # noqa: E402

TURNS = (0, 90, 180, 270)
KINDS = ("card", "letter_from_client", "our_invoice")
ID_FIELDS = ("phone", "email", "postcode", "iban", "kvk", "btw")


def _read_turned(args: tuple[str, str, int, int, float]):
    """One page of a file, turned counter-clockwise by `turn` degrees and tilted by
    `skew`, read as the app reads a scanned page."""
    from ocr.engine.preprocess import DEFAULT_SETTINGS
    from ocr.engine.tesseract import DEFAULT_LANG, PAGE_TIMEOUT_S
    from ocr.engine.worker import load_page, ocr_page

    path, mime, index, turn, skew = args
    _layer, image, dpi = load_page(Path(path), mime, index, None)
    image = image.rotate(turn, expand=True)
    if skew:
        image = image.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return ocr_page(image, dpi, DEFAULT_LANG, DEFAULT_SETTINGS, PAGE_TIMEOUT_S)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--pages", type=int, default=60, help="upright pages, each read 4 ways (60)")
    ap.add_argument("--seed", default=DEFAULT_SEED, help=f"generator seed ({DEFAULT_SEED})")
    ap.add_argument("--folders", type=int, default=200, help="held-out folders generated (200)")
    ap.add_argument("--jobs", type=int, default=2, help="OCR processes (2)")
    ap.add_argument("--skew", type=float, default=0.5, help="degrees of tilt added (0.5)")
    args = ap.parse_args(argv)

    from importing.proposals import MIN_CONFIDENCE
    from ocr.extract import extract_client

    started = time.monotonic()
    cabinets = generate(OUT, "heldout", args.folders, args.seed, args.jobs)
    candidates = [
        (cab, doc, i, info)
        for cab in cabinets
        for _f, doc, i, info in cab.pages()
        if info.source == "scan" and info.orientation == 0 and info.kind in KINDS
    ]
    chosen = random.Random(f"{args.seed}/turned").sample(
        candidates, min(args.pages, len(candidates))
    )
    cache = OUT / "turned"
    cache.mkdir(parents=True, exist_ok=True)
    todo, files = [], {}
    for cab, doc, i, info in chosen:
        path = cab.root / doc.file
        for turn in TURNS:
            file = cache / f"{info.image_sha}-{turn}-{args.skew:g}.pickle"
            files[info.image_sha, turn] = file
            if not file.exists():
                todo.append((file, (str(path), MIMES[path.suffix.lower()], i, turn, args.skew)))
    if todo:
        print(f"reading {len(todo)} pages with {args.jobs} processes ...", file=sys.stderr)
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            for (file, _), page in zip(
                todo, pool.map(_read_turned, [t for _, t in todo]), strict=True
            ):
                file.write_bytes(pickle.dumps(page))

    counts: dict[int, dict[str, Counter]] = {t: defaultdict(Counter) for t in TURNS}
    changed: Counter = Counter()
    lost: dict[int, Counter] = {t: Counter() for t in TURNS}
    for cab, _doc, _i, info in chosen:
        client = info.parties.get("client")
        truth = info.owned_by(client) if client else set()
        own = own_settings(cab)
        upright: set = set()
        for turn in TURNS:
            page = pickle.loads(files[info.image_sha, turn].read_bytes())
            got = predicted(extract_client([page], own=own), MIN_CONFIDENCE)
            if turn == 0:
                upright = got
            elif got != upright:
                changed[turn] += 1
                for f, _v in upright - got:
                    lost[turn][f] += 1
            for f in FIELDS:
                want = {v for g, v in truth if g == f}
                have = {v for g, v in got if g == f}
                c = counts[turn][f]
                c["tp"] += len(want & have)
                c["fp"] += len(have - want)
                c["fn"] += len(want - have)

    def pr(c: Counter) -> str:
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else float("nan")
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else float("nan")
        return f"{p:4.2f}/{r:4.2f}"

    print(
        f"Turned pages (seed {args.seed}; {len(chosen)} upright pages, each read 4 ways, "
        f"tilted {args.skew:g}°)"
    )
    print(f"{'field':14} {'n':>4} " + " ".join(f"{str(t) + '°':>15}" for t in TURNS))
    for f in FIELDS:
        n = counts[0][f]["tp"] + counts[0][f]["fn"]
        if not n:
            continue
        cells = []
        for t in TURNS:
            cell = pr(counts[t][f])
            if t:
                delta = counts[t][f]["tp"] - counts[0][f]["tp"]
                cell += f" {delta:+d}"
            cells.append(f"{cell:>15}")
        print(f"{f:14} {n:4d} " + " ".join(cells))
    for group, fields in (("identifying fields", ID_FIELDS), ("all fields", FIELDS)):
        line = []
        for t in TURNS:
            tp = sum(counts[t][f]["tp"] for f in fields)
            fn = sum(counts[t][f]["fn"] for f in fields)
            line.append(f"{t}°: {tp / max(tp + fn, 1):.3f}")
        print(f"recall over {group}: " + ", ".join(line))
    for t in TURNS[1:]:
        what = ", ".join(f"{f} {n}" for f, n in lost[t].most_common())
        print(f"{t}°: {changed[t]} of {len(chosen)} pages read other values than upright"
              + (f"; upright values lost: {what}" if what else ""))  # fmt: skip
    print(f"\ntotal {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
