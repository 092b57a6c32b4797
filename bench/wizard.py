"""Wizard speed: Start -> first thumbnail, Start -> review screen, and OCR pages/minute
through the wizard against the import without review (importing.import_paths) on the same
pages.

Prints figures, never asserts. Targets from issue 9 are printed beside them:
  - first thumbnail <= 1 s after Start, with SANE's real `test` scanner (feeder, 300 dpi);
  - OCR through the wizard within 10% of the pipeline's pages/minute (same pages, same
    number of workers, measured in the same run).

The wizard is driven as a user would (real window on Qt's offscreen platform). Its 20
pages are generated client cards (tests.datagen), fed by a stand-in `scanimage` that
copies them into the scan folder one by one as the real one writes pages, because the
test scanner's own pages are test patterns, not text. The machine is shared with other
work: figures vary from run to run; the load average is printed to judge them.

    .venv/bin/python bench/wizard.py               # 20 pages at 300 dpi, 2 workers
    .venv/bin/python bench/wizard.py --pages 40 --dpi 200 --jobs 2
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import stat
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Import wizard speed: time to the first thumbnail and to the review, "
        "and OCR pages/minute against the import pipeline. Prints figures, never asserts."
    )
    parser.add_argument("--pages", type=int, default=20, help="generated pages (default 20)")
    parser.add_argument("--dpi", type=int, default=300, help="page resolution (default 300)")
    parser.add_argument("--jobs", type=int, default=2, help="OCR workers (default 2)")
    parser.add_argument("--seed", default="bench-wizard", help="test data seed")
    return parser.parse_args(argv)


def make_pages(folder: Path, count: int, dpi: int, seed: str) -> list[Path]:
    from tests.datagen import make_client, render_card, render_letter

    rng = random.Random(seed)
    pages = []
    for number in range(count):
        truth = make_client(rng)
        if number % 2:
            image = render_letter(truth, rng, dpi=dpi)
        else:
            image = render_card(truth, rng, dpi=dpi)
        path = folder / f"pagina{number + 1:03d}.png"
        image.convert("L").save(path, dpi=(dpi, dpi))
        pages.append(path)
    return pages


def sane_config(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text("test\n")
    # White sheets: the scanner part times the first thumbnail, not OCR of test patterns.
    (folder / "test.conf").write_text('number_of_devices 1\ntest-picture "Solid white"\n')
    return folder


def stand_in_scanimage(folder: Path, pages: list[Path]) -> Path:
    """scanimage whose feeder holds `pages` (PNG renamed .pnm is fine: read by content)."""
    real = shutil.which("scanimage") or "scanimage"
    copies = "\n".join(
        f'printf -v out "$pattern" {n}; cp "{p}" "$out"; echo "$out"'
        for n, p in enumerate(pages, start=1)
    )
    script = folder / "scanimage"
    script.write_text(
        "#!/bin/bash\npattern=''\n"
        'for a in "$@"; do case "$a" in --batch=*) pattern="${a#--batch=}";; esac; done\n'
        f'if [ -z "$pattern" ]; then exec {real} "$@"; fi\n{copies}\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def drive_wizard(app, db_path: Path, jobs: int, resolution: int) -> dict[str, float]:
    """Press Start on the scanner source; time the first thumbnail, all pages read, review."""
    from gui.import_wizard.wizard import ImportWizard

    wizard = ImportWizard(db_path, jobs=jobs)
    wizard.confirm_close = lambda _unsaved: True  # the bench closes without saving
    wizard.show()

    def wait(condition, timeout: float = 600.0) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("the wizard did not get there in time")
            app.processEvents()
            time.sleep(0.002)

    wait(lambda: wizard.sources.options is not None, 30)
    index = wizard.sources.resolution.findData(resolution)
    wizard.sources.resolution.setCurrentIndex(max(0, index))
    first_read: list[float] = []
    started = time.monotonic()
    wizard.sources.start_button.click()
    wait(lambda: wizard.progress.thumbs.count() >= 1)
    first_thumb = time.monotonic() - started
    items: dict[int, object] = {}

    def page_event(item) -> None:
        items[item.index] = item
        if item.read:
            first_read.append(time.monotonic())

    wizard.runner.page_event.connect(page_event)
    wait(lambda: wizard.stack.currentWidget() is wizard.review)
    review = time.monotonic() - started
    pages = len(items)
    read = sum(1 for p in items.values() if p.text is not None)
    wizard.close()
    return {
        "first_thumbnail_s": first_thumb,
        "review_s": review,
        "pages": pages,
        "read": read,
        "read_done_s": (max(first_read) - started) if first_read else review,
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from importing import import_paths
    from ocr.sources import scanner
    from storage import ClientFile

    if shutil.which("scanimage") is None:
        print("scanimage (sane-utils) is not installed: nothing to measure.")
        return 1
    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp(prefix="bench-wizard-"))
    try:
        os.environ["SANE_CONFIG_DIR"] = str(sane_config(work / "sane"))
        # The wizard remembers its choices; keep the user's own settings out of the bench.
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
        os.environ.pop(scanner.SCANIMAGE_ENV, None)
        print(f"load average at start: {os.getloadavg()[0]:.2f} (2 cores, shared machine)")

        # 1. The real test scanner: how soon the first page shows.
        db = work / "scanner.sqlite"
        ClientFile.open(db).close()
        real = drive_wizard(app, db, args.jobs, 300)
        print(
            f"test scanner, feeder, 300 dpi: first thumbnail {real['first_thumbnail_s']:.2f} s "
            f"after Start (target <= 1 s); review after {real['review_s']:.1f} s "
            f"({real['pages']} blank test-scanner sheets: separators, no OCR)"
        )

        # 2. Generated pages through the wizard (stand-in feeder) and through the pipeline.
        page_dir = work / "pages"
        page_dir.mkdir()
        pages = make_pages(page_dir, args.pages, args.dpi, args.seed)
        os.environ[scanner.SCANIMAGE_ENV] = str(stand_in_scanimage(work, pages))
        scanner._device_cache = None
        db = work / "wizard.sqlite"
        ClientFile.open(db).close()
        wiz = drive_wizard(app, db, args.jobs, args.dpi)
        wizard_ppm = wiz["read"] / wiz["read_done_s"] * 60
        print(
            f"wizard, {wiz['pages']} generated pages at {args.dpi} dpi, {args.jobs} workers: "
            f"first thumbnail {wiz['first_thumbnail_s']:.2f} s, all read after "
            f"{wiz['read_done_s']:.1f} s, review screen after {wiz['review_s']:.1f} s "
            f"-> {wizard_ppm:.1f} pages/min"
        )
        os.environ.pop(scanner.SCANIMAGE_ENV, None)

        db = work / "pipeline.sqlite"
        with ClientFile.open(db) as cf:
            started = time.monotonic()
            report = import_paths([str(p) for p in pages], cf, jobs=args.jobs)
            seconds = time.monotonic() - started
        pipeline_ppm = report.pages / seconds * 60
        print(
            f"pipeline (import_paths), same pages, {args.jobs} workers: {report.pages} pages "
            f"in {seconds:.1f} s -> {pipeline_ppm:.1f} pages/min"
        )
        ratio = wizard_ppm / pipeline_ppm if pipeline_ppm else float("nan")
        print(f"wizard / pipeline OCR speed: {ratio:.2f} (target >= 0.90)")
        print(f"load average at end: {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
