"""A second look of the reading (ocr.engine): what it costs, what it finds.

    nice -n 10 .venv/bin/python bench/second_looks.py
        [--look small_print|iban_lines|number_lines|ruled|picture_blocks] [--pages 80]
        [--seed S]
        [--folders 150] [--printing FIELD] [--out DIR]

Scanned pages of the held-out cabinets of bench/extraction.py (same seed; generated there
when missing) are each read twice in this one process, one after the other: as the app
reads them, and with that one second look switched off. Prints:
  - how many pages the second look changed;
  - Tesseract's CPU seconds both ways and their ratio (CPU time of the child processes:
    steadier than the clock on a shared machine);
  - of the registry numbers and contact values printed on the pages (the generator's
    truth, any party's), how many stand whole in the page text both ways.
--printing iban takes only pages on which an IBAN is printed (of any party).
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
from ocr.engine import (  # noqa: E402
    iban_lines,
    number_lines,
    picture_blocks,
    ruled,
    small_print,
)
from ocr.engine.preprocess import DEFAULT_SETTINGS  # noqa: E402
from ocr.engine.tesseract import DEFAULT_LANG, PAGE_TIMEOUT_S  # noqa: E402
from ocr.engine.worker import read_pages  # noqa: E402

FIELDS = ("phone", "email", "iban", "kvk", "btw")
# each second look: the module and the function of it that ocr.engine.worker calls
LOOKS = {
    "small_print": (small_print, "read_closer"),
    "iban_lines": (iban_lines, "read_again"),
    "number_lines": (number_lines, "read_again"),
    "ruled": (ruled, "read_again"),
    "picture_blocks": (picture_blocks, "read_empty_blocks"),
}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _flat(text: str) -> str:
    return re.sub(r"[\s.\-()]", "", text).casefold()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--look", choices=sorted(LOOKS), default="small_print")
    ap.add_argument("--pages", type=int, default=80)
    ap.add_argument("--seed", default=DEFAULT_SEED)
    ap.add_argument("--folders", type=int, default=150)
    ap.add_argument("--printing", choices=FIELDS, help="only pages printing this field")
    ap.add_argument("--out", type=Path, default=OUT, help="generated cabinets")
    args = ap.parse_args()
    cabinets = generate(args.out, "heldout", args.folders, args.seed, 2)
    pages = [
        (cab.root / doc.file, i, info)
        for cab in cabinets
        for _folder, doc, i, info in cab.pages()
        if info.source == "scan"
        and (not args.printing or any(v["field"] == args.printing for v in info.values))
    ]
    random.Random(args.seed).shuffle(pages)
    pages = pages[: args.pages]
    module, name = LOOKS[args.look]
    look = getattr(module, name)
    cpu = {"without": 0.0, "with": 0.0}
    found = {"without": 0, "with": 0}
    printed = read_again = 0
    for path, index, info in pages:
        spec = [(path, MIMES[path.suffix.lower()], index, None)]
        texts = {}
        for way in ("without", "with"):
            setattr(module, name, look if way == "with" else (lambda t, *_a: list(t)))
            before = _children_cpu()
            page = read_pages(spec, DEFAULT_LANG, DEFAULT_SETTINGS, PAGE_TIMEOUT_S)[0]
            cpu[way] += _children_cpu() - before
            texts[way] = _flat(getattr(page, "text", ""))
        setattr(module, name, look)
        values = {_flat(v["printed"]) for v in info.values if v["field"] in FIELDS}
        printed += len(values)
        for way, text in texts.items():
            found[way] += sum(value in text for value in values)
        read_again += texts["with"] != texts["without"]
    print(f"{args.look} (seed {args.seed}, {len(pages)} scanned pages)")
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
