"""Sources of the import that are not paths: the scanner and the watched folder.

Each yields what the reading takes: Units (client folders, loose files) and Sheets (pages
that join the stack being read, to be divided at separator sheets).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ocr.sources.scanner import ScanRun
from ocr.sources.watch import POLL_S, SETTLE_S, FolderWatcher

from .model import Unit
from .reading import Sheet
from .report import ImportReport
from .units import find_units

# A pause this long between two files in a watched folder: the next client's paper.
WATCH_GAP_S = 120.0


def scan_name(when: datetime | None = None) -> str:
    """How a scanner run's pages are named: 'scan 2026-12-02 14.32'."""
    return f"scan {(when or datetime.now()):%Y-%m-%d %H.%M}"


def scanner_sheets(run: ScanRun) -> Iterator[Sheet]:
    """The pages of a scan run as they come out of the scanner; a scanner that fails
    after some pages raises its error once those pages are handed on."""
    for number, path in enumerate(run, start=1):
        yield Sheet(path, name=f"pagina {number}", scanned=True)
    if run.result.error is not None:
        raise run.result.error


def watcher(folder: Path, settle_s: float = SETTLE_S) -> FolderWatcher:
    """A watch on folder from now on: make it when the user presses Start, so that what
    is dropped in while the reading gets ready is not taken for what was there before."""
    return FolderWatcher(folder, settle_s=settle_s, include_folders=True)


def watched(
    watch: FolderWatcher, stop: threading.Event, report: ImportReport, poll_s: float = POLL_S
) -> Iterator[Unit | Sheet]:
    """Files and folders dropped in a watched folder (an office printer's scan folder), as
    each is completely written, until stop is set: a folder is a client folder (or a
    cabinet), files are sheets of one stack, divided by separator sheets and pauses."""
    while not stop.is_set():
        for path in watch.poll():
            if path.is_dir():
                yield from find_units([path], report)
            else:
                yield Sheet(path)
        stop.wait(poll_s)
