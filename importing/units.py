"""Paths given to an import, as units: client folders, cabinets of them, loose files.

The rule (DESIGN.md, the same for `main.py import`, the wizard, drag-and-drop and the
watched folder):
- a folder that holds no folders is one client folder (all its files one client);
- a folder that holds folders is a cabinet: each folder in it is looked at the same way,
  at any depth, and files lying directly in a cabinet are loose documents;
- except that folders named for years or kinds of paper ("2019", "2019-2020",
  "Facturen", "Archief 2018") are parts of the folder they are in, not clients of their
  own: `Jansen/2019/` and `Jansen/2020/` are one client, Jansen. A binder's tabs divide
  one client's paper by year or kind; clients are not named "2019";
- a loose file is a stack: one client, unless separator sheets inside it divide it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from ocr.sources.files import files_in_folder, folder_entries, plain_os_error, printable

from .model import FILE, FOLDER, Unit
from .report import EMPTY, ImportReport, UnitOutcome

_YEAR = r"(?:19|20)\d\d"
_PART_WORDS = (
    "facturen|factuur|offertes|offerte|correspondentie|brieven|brief|post|archief|oud|"
    "contracten|contract|overig|overige|diversen|documenten|scans|gescand|bijlagen|"
    "invoices|letters|archive|quotes|kopie|kopieen|kopieën|nota|notas|nota's|bonnen|"
    "administratie|jaar|map|deel|\\d{1,2}"
)
PART_FOLDER = re.compile(
    rf"^(?:{_YEAR}(?:\s*[-–_/ ]\s*(?:{_YEAR}|\d\d))?|(?:{_PART_WORDS})(?:[\s_-]+(?:{_YEAR}|\d+))?"
    rf"|(?:{_YEAR})[\s_-]+(?:{_PART_WORDS}))$",
    re.IGNORECASE,
)


def is_part_folder(name: str) -> bool:
    """A folder named for a year or a kind of paper: part of a client's folder."""
    return bool(PART_FOLDER.match(name.strip()))


def _folder_units(folder: Path, report: ImportReport, seen: set) -> Iterator[Unit]:
    try:
        info = folder.stat()
    except OSError as e:
        report.error(folder, plain_os_error(e))
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return  # a link back to a folder already walked
    seen.add(key)
    problems: list[tuple[Path, str]] = []
    files, folders = folder_entries(folder, problems)
    clients = [f for f in folders if not is_part_folder(f.name)]
    if not clients:
        problems.clear()  # the walk below looks at everything again and says what failed
        every = files_in_folder(folder, problems)
        for path, reason in problems:
            report.error(path, reason)
        if not every:
            report.units.append(UnitOutcome(printable(folder), EMPTY, reason="lege map"))
            return
        yield Unit(printable(folder), FOLDER, folder=folder, files=every)
        return
    # a cabinet: its own files are loose documents, its folders looked at in turn
    for path, reason in problems:
        report.error(path, reason)
    for path in files:
        yield loose_file(path)
    for sub in folders:
        yield from _folder_units(sub, report, seen)


def loose_file(path: Path) -> Unit:
    """A file on its own: a stack (one client unless separator sheets divide it)."""
    return Unit(printable(path), FILE, files=[path], stack=True)


def find_units(paths: list[Path], report: ImportReport) -> Iterator[Unit]:
    """Units of the paths, in order; paths that cannot be read are reported. The units'
    files are looked at (kind, hash, pages) by the reading, one at a time."""
    seen: set[tuple[int, int]] = set()
    for path in paths:
        try:
            is_dir = path.is_dir()
            path.stat()
        except OSError as e:
            report.error(path, plain_os_error(e))
            continue
        if is_dir:
            yield from _folder_units(path, report, seen)
        elif not os.path.exists(path):
            report.error(path, "bestand of map bestaat niet")
        else:
            yield loose_file(path)
