"""python -m tests.datagen --out DIR --clients N --seed S [--dpi 200] [--formats ...]

With --cabinet: one cabinet of client folders as real offices keep them (cabinet.py),
written to DIR with DIR.truth.json beside it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .cabinet import write_cabinet
from .write import ALL_FORMATS, write_dataset


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.datagen", description=__doc__)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--clients", type=int, default=5)
    ap.add_argument("--seed", default="0")
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--formats", default=",".join(ALL_FORMATS), help="png,jpg,tiff,pdf[,textpdf]")
    ap.add_argument("--pages", type=int, default=2, help="letter pages per folder besides the card")
    ap.add_argument("--no-degrade", action="store_true")
    ap.add_argument("--upside-down-prob", type=float, default=0.1)
    ap.add_argument("--cabinet", action="store_true", help="a cabinet of real binders")
    ap.add_argument("--split", default="train", help="layout families of a cabinet (train)")
    args = ap.parse_args(argv)
    seed: int | str = int(args.seed) if args.seed.lstrip("-").isdigit() else args.seed
    if args.cabinet:
        truth = write_cabinet(
            args.out, args.clients, seed, split=args.split, dpi=args.dpi,
            degrade=not args.no_degrade,
        )  # fmt: skip
        pages = len(truth.pages())
        print(f"wrote a cabinet of {len(truth.folders)} folders, {pages} pages to {args.out}")
        return 0
    folders = write_dataset(
        args.out,
        args.clients,
        seed,
        dpi=args.dpi,
        formats=tuple(f.strip() for f in args.formats.split(",") if f.strip()),
        pages=args.pages,
        degrade=not args.no_degrade,
        upside_down_prob=args.upside_down_prob,
    )
    files = sum(len(f.documents) for f in folders)
    pages = sum(f.page_count for f in folders)
    summary = f"wrote {len(folders)} client folders, {files} files, {pages} pages"
    print(f"{summary} to {args.out} (seed {seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
