"""The second look at small print (ocr.engine.small_print): what it costs, what it finds.

    nice -n 10 .venv/bin/python bench/small_print.py [--pages 80] [--seed S] [--folders 150]

Scanned pages of the held-out cabinets of bench/extraction.py (same seed; generated there
when missing) are each read twice in this one process, one after the other: as the app
reads them, and with the second look switched off. Prints:
  - how many pages have small print read again;
  - Tesseract's CPU seconds both ways and their ratio (CPU time of the child processes:
    steadier than the clock on a shared machine);
  - of the registry numbers and contact values printed on the pages (the generator's
    truth, any party's), how many stand whole in the page text both ways.
Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extraction import DEFAULT_SEED, MIMES, OUT, generate  # noqa: E402
from ocr.engine import small_print  # noqa: E402
from ocr.engine.preprocess import DEFAULT_SETTINGS  # noqa: E402
from ocr.engine.tesseract import DEFAULT_LANG, PAGE_TIMEOUT_S  # noqa: E402
from ocr.engine.worker import read_pages  # noqa: E402

FIELDS = ("phone", "email", "iban", "kvk", "btw")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _flat(text: str) -> str:
    return re.sub(r"[\s.\-()]", "", text).casefold()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=80)
    ap.add_argument("--seed", default=DEFAULT_SEED)
    ap.add_argument("--folders", type=int, default=150)
    args = ap.parse_args()
    cabinets = generate(OUT, "heldout", args.folders, args.seed, 2)
    pages = [
        (cab.root / doc.file, i, info)
        for cab in cabinets
        for _folder, doc, i, info in cab.pages()
        if info.source == "scan"
    ]
    random.Random(args.seed).shuffle(pages)
    pages = pages[: args.pages]
    closer = small_print.read_closer
    cpu = {"without": 0.0, "with": 0.0}
    found = {"without": 0, "with": 0}
    printed = read_again = 0
    for path, index, info in pages:
        spec = [(path, MIMES[path.suffix.lower()], index, None)]
        texts = {}
        for way in ("without", "with"):
            small_print.read_closer = closer if way == "with" else (lambda t, *_a: list(t))
            before = _children_cpu()
            page = read_pages(spec, DEFAULT_LANG, DEFAULT_SETTINGS, PAGE_TIMEOUT_S)[0]
            cpu[way] += _children_cpu() - before
            texts[way] = _flat(getattr(page, "text", ""))
        small_print.read_closer = closer
        values = {_flat(v["printed"]) for v in info.values if v["field"] in FIELDS}
        printed += len(values)
        for way, text in texts.items():
            found[way] += sum(value in text for value in values)
        read_again += texts["with"] != texts["without"]
    print(f"Small print read again (seed {args.seed}, {len(pages)} scanned pages)")
    print(f"  pages whose reading changed: {read_again}/{len(pages)}")
    print(
        f"  Tesseract CPU: {cpu['without']:.1f} s without, {cpu['with']:.1f} s with "
        f"(x{cpu['with'] / max(cpu['without'], 1e-9):.2f})"
    )
    print(
        f"  values printed on the pages ({', '.join(FIELDS)}) found whole in the text: "
        f"{found['without']}/{printed} without, {found['with']}/{printed} with"
    )


if __name__ == "__main__":
    main()
