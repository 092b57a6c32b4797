"""Import speed: import_paths against raw Tesseract and OCRmyPDF on the same pages.

Prints figures, never asserts (targets from issue 6 are printed beside them):
  - pages/minute of import_paths on N generated scanned pages (mixed PNG/JPEG/TIFF/PDF
    from tests.datagen) with --jobs workers;
  - the raw `tesseract` command on the same pages, already rasterised, one Tesseract per
    job with OMP_THREAD_LIMIT=1 (baseline; target: import >= 0.90 x raw);
  - OCRmyPDF (--jobs N --force-ocr --output-type pdf) on the same pages bundled in one PDF
    (peer baseline; skipped with a message when it cannot run);
  - peak memory (RSS of the importing process, its workers and their Tesseracts, plus the
    prepared pages waiting in memory for Tesseract) and whether it grows with the page
    count (target <= 500 MB, flat);
  - born-digital PDF pages per second (text layer, no OCR; target >= 20/s).

The machine this runs on may be shared with other work: figures vary run to run, and the
load average is printed so a reader can judge them.

    .venv/bin/python bench/import.py                 # 60 pages, jobs = cores
    .venv/bin/python bench/import.py --pages 120 --memory-pages 300
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from importing import import_paths  # noqa: E402
from ocr import default_jobs  # noqa: E402
from ocr.engine import pagefiles  # noqa: E402
from ocr.engine.tesseract import tesseract_cmd  # noqa: E402
from storage import ClientFile  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Import speed against raw Tesseract and OCRmyPDF; memory; born-digital PDF "
        "pages/s. Prints figures, never asserts."
    )
    parser.add_argument("--pages", type=int, default=60, help="scanned pages (default 60)")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="workers (default: cores)")
    parser.add_argument("--dpi", type=int, default=300, help="scan resolution (default 300)")
    parser.add_argument("--lang", default="nld+eng", help="Tesseract languages (default nld+eng)")
    parser.add_argument("--seed", default="bench-import", help="test data seed")
    parser.add_argument(
        "--memory-pages",
        type=int,
        default=0,
        help="pages of a separate memory run (e.g. 300); default 0: memory is measured during "
        "the speed run only",
    )
    parser.add_argument(
        "--born-pages", type=int, default=200, help="born-digital PDF pages (default 200)"
    )
    parser.add_argument("--no-ocrmypdf", action="store_true", help="skip the OCRmyPDF baseline")
    parser.add_argument(
        "--calls", type=int, default=4, help="pages for the call comparison (default 4)"
    )
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it")
    return parser.parse_args(argv)


# -- memory --------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            kids.extend(int(k) for k in (task / "children").read_text().split())
    except OSError:
        pass
    return kids


def _tree_rss_mb(root_pid: int) -> float:
    """RSS of root_pid and all its descendants, in MB (Linux /proc; cheap: only the tree)."""
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        todo.extend(_children(pid))
    return total * os.sysconf("SC_PAGE_SIZE") / 1e6


def _page_files_mb() -> float:
    """Prepared pages waiting for Tesseract (in /dev/shm, or the temp folder when that is
    full): no process's RSS holds them, but they are memory the import uses."""
    total = 0
    for base in pagefiles.bases():
        for file in base.glob(pagefiles.PREFIX + "*/*"):
            with contextlib.suppress(OSError):  # read and removed meanwhile
                total += file.stat().st_size
    return total / 1e6


class MemorySampler:
    """Samples the RSS of a process tree while an import runs; peaks per quarter of the time."""

    def __init__(self, pid: int, expected_s: float) -> None:
        self.pid = pid
        self.expected_s = max(1.0, expected_s)
        self.samples: list[tuple[float, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        started = time.monotonic()
        while not self._stop.wait(0.25):
            mb = _tree_rss_mb(self.pid) + _page_files_mb()
            self.samples.append((time.monotonic() - started, mb))

    @property
    def peak(self) -> float:
        return max((mb for _, mb in self.samples), default=0.0)

    def by_quarter(self) -> list[float]:
        if not self.samples:
            return [0.0] * 4
        end = self.samples[-1][0] or 1.0
        peaks = [0.0] * 4
        for at, mb in self.samples:
            quarter = min(3, int(4 * at / end))
            peaks[quarter] = max(peaks[quarter], mb)
        return peaks

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


# -- data ----------------------------------------------------------------------------------


def make_scans(out: Path, pages: int, dpi: int, seed: str) -> tuple[list[Path], int]:
    from tests.datagen import write_dataset

    folders = write_dataset(
        out, n_clients=max(1, math.ceil(pages / 3)), seed=seed, dpi=dpi, pages=2,
        formats=("png", "jpg", "tiff", "pdf"),
    )  # fmt: skip
    return [f.folder for f in folders], sum(f.page_count for f in folders)


def rasterise(folders: list[Path], out: Path, dpi: int) -> list[Path]:
    """Every page of every scan as a grey PNG (what the raw tesseract baseline reads)."""
    import pypdfium2 as pdfium

    out.mkdir(parents=True, exist_ok=True)
    pages: list[Path] = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if path.suffix.lower() == ".pdf":
                pdf = pdfium.PdfDocument(str(path))
                images = [pdf[i].render(scale=dpi / 72).to_pil() for i in range(len(pdf))]
                pdf.close()
            else:
                with Image.open(path) as img:
                    images = []
                    for i in range(getattr(img, "n_frames", 1)):
                        img.seek(i)
                        images.append(img.copy())
            for image in images:
                target = out / f"page{len(pages):04d}.png"
                image.convert("L").save(target, dpi=(dpi, dpi))
                pages.append(target)
    return pages


# -- runs ----------------------------------------------------------------------------------


def _fresh(db: Path) -> Path:
    """A kept work folder (--keep) holds the last run's file, in which every page would be
    skipped as already imported: start from nothing."""
    for leftover in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(f"{db}.originals", ignore_errors=True)
    return db


def run_import(paths: list[Path], db: Path, jobs: int, lang: str):
    """The real CLI (`main.py import --json`) as a child process, its memory sampled."""
    import json

    _fresh(db)
    cpu_before = _children_cpu()
    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "import", *map(str, paths), "--db", str(db),
         "--jobs", str(jobs), "--lang", lang, "--json"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    with MemorySampler(child.pid, 0) as sampler:
        out, err = child.communicate()
    seconds = time.monotonic() - started
    cpu = _children_cpu() - cpu_before
    if child.returncode != 0:
        raise SystemExit(f"import failed ({child.returncode}): {err[-500:]}")
    report = json.loads(out)
    with ClientFile.open(db) as cf:
        turned = cf.count_pages(turned=True)
    return report, seconds, sampler, turned, cpu


def _children_cpu() -> float:
    """CPU seconds of finished child processes (and theirs): less sensitive to other load
    on the machine than wall time."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_raw_tesseract(pages: list[Path], jobs: int, lang: str) -> tuple[float, float]:
    cmd = tesseract_cmd() or "tesseract"
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def one(page: Path) -> None:
        subprocess.run(
            [cmd, str(page), "stdout", "-l", lang], env=env, capture_output=True, check=False
        )

    cpu_before = _children_cpu()
    started = time.monotonic()
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, pages))
    return time.monotonic() - started, _children_cpu() - cpu_before


def run_ocrmypdf(pages: list[Path], work: Path, jobs: int, lang: str, dpi: int) -> str | float:
    exe = shutil.which("ocrmypdf") or str(Path(sys.executable).with_name("ocrmypdf"))
    if not Path(exe).exists():
        return "OCRmyPDF is niet geïnstalleerd (pip install -e .[dev])"
    bundle = work / "bundle.pdf"
    images = [Image.open(p) for p in pages]
    images[0].save(bundle, "PDF", save_all=True, append_images=images[1:], resolution=float(dpi))
    for image in images:
        image.close()
    started = time.monotonic()
    result = subprocess.run(
        [exe, "--jobs", str(jobs), "-l", lang, "--force-ocr", "--output-type", "pdf",
         "--quiet", str(bundle), str(work / "ocrmypdf-out.pdf")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    seconds = time.monotonic() - started
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["?"])[-1]
        return f"OCRmyPDF liep niet (exit {result.returncode}: {last})"
    return seconds


def compare_calls(pages: list[Path], lang: str) -> tuple[float, float, float]:
    """CPU seconds per page (Tesseract plus our own writing of the page), the ways
    interleaved page by page: pytesseract.image_to_data (a temp PNG file), our call on the
    page as an uncompressed TIFF in memory (ocr.engine.pagefiles), one page per call; and the
    same with all pages in one call (what the import does, PAGES_PER_RUN at a time)."""
    import pytesseract

    from ocr.engine.tesseract import tsv_of_files

    os.environ["OMP_THREAD_LIMIT"] = "1"

    def cpu() -> float:
        return _children_cpu() + time.process_time()

    naive = single = 0.0
    files = []
    for page in pages:
        with Image.open(page) as img:
            image = img.convert("L")
        before = cpu()
        pytesseract.image_to_data(image, lang=lang, output_type=pytesseract.Output.DICT)
        middle = cpu()
        file = pagefiles.write_page(image, 300)
        tsv_of_files([file], lang)
        naive += middle - before
        single += cpu() - middle
        files.append(file)
    before = cpu()
    tsv_of_files(files, lang)
    together = cpu() - before
    pagefiles.remove_folder(os.getpid())
    return naive / len(pages), single / len(pages), together / len(pages)


def run_born_digital(work: Path, pages: int, jobs: int, lang: str) -> list[tuple[int, float]]:
    from tests.datagen import write_text_pdf

    rng = random.Random(7)
    words = ["offerte", "dakgoot", "zonnepanelen", "factuur", "kozijnen", "garantie"]
    per_pdf = 20
    paths = []
    for n in range(math.ceil(pages / per_pdf)):
        lines = [" ".join(rng.choice(words) for _ in range(10)) for _ in range(48 * per_pdf)]
        lines[0] = f"Brief {n}"
        path = work / "born" / f"brief{n}.pdf"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_pdf(path, lines)
        paths.append(path)
    results = []
    for extract_fields in (False, True):
        with ClientFile.open(_fresh(work / f"born-{extract_fields}.sqlite")) as cf:
            started = time.monotonic()
            report = import_paths(paths, cf, jobs=jobs, lang=lang, extract_fields=extract_fields)
            results.append((report.pages, time.monotonic() - started))
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-import-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"bench/import.py: {args.pages} pages at {args.dpi} dpi, --jobs {args.jobs}, "
          f"{args.lang}; {os.cpu_count()} cores, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} (shared, loaded machine: "
          "figures vary between runs)")  # fmt: skip
    try:
        t = time.monotonic()
        folders, n_pages = make_scans(work / "scans", args.pages, args.dpi, args.seed)
        raster = rasterise(folders, work / "raster", args.dpi)
        print(f"  test data: {n_pages} pages in {len(folders)} client folders "
              f"({time.monotonic() - t:.0f} s to generate)")  # fmt: skip

        report, ours, sampler, turned, ours_cpu = run_import(
            folders, work / "k.sqlite", args.jobs, args.lang
        )
        ours_rate = report["pages"] / ours * 60
        print(f"  import (CLI):   {report['pages']} pages in {ours:6.1f} s = {ours_rate:5.1f} "
              f"pages/min ({len(report['errors'])} errors, {turned} turned upright)")  # fmt: skip

        raw, raw_cpu = run_raw_tesseract(raster, args.jobs, args.lang)
        raw_rate = len(raster) / raw * 60
        print(f"  raw tesseract:  {len(raster)} pages in {raw:6.1f} s = {raw_rate:5.1f} "
              f"pages/min (OMP_THREAD_LIMIT=1, {args.jobs} at a time)")  # fmt: skip
        print(f"  ratio import / raw tesseract = {ours_rate / raw_rate:.2f}  (target >= 0.90)")
        print(f"  CPU seconds per page (all processes; steadier than wall time on a loaded "
              f"machine): import {ours_cpu / report['pages']:.2f}, raw tesseract "
              f"{raw_cpu / len(raster):.2f}, ratio raw/import "
              f"{(raw_cpu / len(raster)) / (ours_cpu / report['pages']):.2f}")  # fmt: skip

        if args.no_ocrmypdf:
            print("  OCRmyPDF: skipped (--no-ocrmypdf)")
        else:
            peer = run_ocrmypdf(raster, work, args.jobs, args.lang, args.dpi)
            if isinstance(peer, str):
                print(f"  OCRmyPDF: skipped: {peer}")
            else:
                peer_rate = len(raster) / peer * 60
                print(f"  OCRmyPDF:       {len(raster)} pages in {peer:6.1f} s = "
                      f"{peer_rate:5.1f} pages/min (--force-ocr --output-type pdf)")  # fmt: skip
                print(f"  ratio import / OCRmyPDF = {ours_rate / peer_rate:.2f}  (target > 1)")

        quarters = " / ".join(f"{mb:.0f}" for mb in sampler.by_quarter())
        print(f"  peak memory (RSS of the import, its workers and Tesseracts, and page files in "
              f"memory) over "
              f"{report['pages']} pages: {sampler.peak:.0f} MB; per quarter of the run: "
              f"{quarters} MB (target <= 500 MB, flat)")  # fmt: skip
        if args.memory_pages:
            mem_folders, _ = make_scans(
                work / "memscans", args.memory_pages, args.dpi, args.seed + "-mem"
            )
            mem_report, seconds, mem, _, _ = run_import(
                mem_folders, work / "mem.sqlite", args.jobs, args.lang
            )
            quarters = " / ".join(f"{mb:.0f}" for mb in mem.by_quarter())
            print(f"  memory run: {mem_report['pages']} pages in {seconds:.0f} s, peak "
                  f"{mem.peak:.0f} MB; per quarter: {quarters} MB")  # fmt: skip
        else:
            print("  (a separate 300-page memory run: --memory-pages 300; not run by default "
                  "to keep this benchmark to a few minutes)")  # fmt: skip

        if args.calls:
            naive, single, together = compare_calls(raster[: args.calls], args.lang)
            print(f"  CPU s/page, one page per call: pytesseract.image_to_data {naive:.2f}, "
                  f"our call (TIFF in memory) {single:.2f}; {args.calls} pages in one call: "
                  f"{together:.2f}")  # fmt: skip

        reading, with_fields = run_born_digital(work, args.born_pages, args.jobs, args.lang)
        for label, (born_pages, born_s) in (
            ("text layer only", reading),
            ("with field extraction (ocr/extract)", with_fields),
        ):
            print(f"  born-digital PDF, {label}: {born_pages} pages in {born_s:.2f} s = "
                  f"{born_pages / born_s:.1f} pages/s, worker start included "
                  "(target >= 20/s)")  # fmt: skip
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
