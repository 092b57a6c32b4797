"""Realism check with real Tesseract: do the printed fields survive the "scan"?

    python -m tests.datagen.ocr_check [--pages 10] [--dpi 200 300] [--seed 1]

Prints the read rate per field. This is a check of the generator (degradation must
look scanned without destroying text), not of the project's OCR code.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import phonenumbers

from .people import make_client
from .render import degrade, render_page

FIELDS = ("phones", "iban", "iban~", "postcode", "email", "kvk", "btw", "btw~")
_CONFUSE = str.maketrans("oli|", "0111")


def tesseract(path: Path, lang: str = "nld+eng") -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    return subprocess.run(
        ["tesseract", str(path), "-", "-l", lang],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout


def field_hits(ocr: str, fields: dict[str, str], phones_e164: dict[str, str]) -> dict[str, bool]:
    """Which printed fields can be found back in the OCR text (exactly, modulo spaces)."""
    squeezed = re.sub(r"\s+", "", ocr).casefold()
    found_e164 = {
        phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
        for m in phonenumbers.PhoneNumberMatcher(ocr, "NL", leniency=phonenumbers.Leniency.POSSIBLE)
    }
    hits: dict[str, bool] = {}
    for name, value in fields.items():
        if name.startswith("phones["):
            hits[name] = phones_e164[name] in found_e164
        elif name in ("iban", "postcode", "email", "kvk", "btw"):
            want = re.sub(r"\s+", "", value).casefold()
            hits[name] = want in squeezed
            if name != "email":
                # The classic O/0 and l/1 confusions an extractor can repair.
                hits[name + "~"] = want.translate(_CONFUSE) in squeezed.translate(_CONFUSE)
    return hits


def run(
    pages: int, dpis: list[int], seed: int, upside_down: float = 0.0
) -> dict[int, Counter[str]]:
    rng = random.Random(seed)
    jobs = []
    tmpdir = tempfile.TemporaryDirectory(prefix="datagen-ocr-")
    tmp = Path(tmpdir.name)
    for dpi in dpis:
        for i in range(pages):
            client = make_client(rng)
            kind = ["card", "letter_from_client", "letter_to_client"][i % 3]
            page = render_page(client, rng, dpi, kind)
            img, _ = degrade(page.image, rng, upside_down_prob=upside_down)
            path = tmp / f"{dpi}-{i}-{kind}.png"
            img.save(path, dpi=(dpi, dpi))
            e164 = {f"phones[{k}]": p.e164 for k, p in enumerate(client.phones)}
            jobs.append((dpi, path, page.fields, e164))

    def one(job: tuple[int, Path, dict[str, str], dict[str, str]]) -> tuple[int, dict[str, bool]]:
        dpi, path, fields, e164 = job
        return dpi, field_hits(tesseract(path), fields, e164)

    totals: dict[int, Counter[str]] = {d: Counter() for d in dpis}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
        for dpi, hits in ex.map(one, jobs):
            for name, ok in hits.items():
                key = "phones" if name.startswith("phones[") else name
                totals[dpi][key + ".n"] += 1
                totals[dpi][key + ".ok"] += ok
    tmpdir.cleanup()
    return totals


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=10)
    ap.add_argument("--dpi", type=int, nargs="+", default=[200, 300])
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    for dpi, c in run(args.pages, args.dpi, args.seed).items():
        parts = []
        for f in FIELDS:
            n = c[f + ".n"]
            if n:
                parts.append(f"{f} {c[f + '.ok']}/{n}")
        print(f"{dpi} dpi, {args.pages} pages: " + ", ".join(parts))


if __name__ == "__main__":
    main()
