"""Daily backups with rotation: one copy per day in a folder of the user's choice, the
oldest removed beyond `keep`. Used by the window at start-up (a setting) and by
`main.py backup --daily FOLDER` (for a scheduled task)."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .clientfile import ClientFile

PREFIX = "klantdossier-"
SUFFIX = ".sqlite"
DEFAULT_KEEP = 7


def daily_backups(folder: Path) -> list[Path]:
    """The daily backups in folder, oldest first (ISO dates sort by name)."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.name.startswith(PREFIX) and p.name.endswith(SUFFIX)
    )


def daily_backup(
    cf: ClientFile, folder: Path, keep: int = DEFAULT_KEEP, today: date | None = None
) -> Path | None:
    """Make today's backup unless there is one, then keep only the newest `keep`.
    Returns the new backup, or None when today's was already there."""
    keep = max(1, int(keep))
    today = today or date.today()
    folder = Path(folder).expanduser()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / f"{PREFIX}{today.isoformat()}{SUFFIX}"
    made = None
    if not target.exists():
        # made under a temporary name: a crash or full disk never leaves a half copy
        # that looks like a finished backup
        partial = folder / f".bezig-{target.name}"
        _remove(partial)
        cf.backup(partial, link_originals=True)
        originals = _originals_of(partial)
        if originals.exists():
            os.replace(originals, _originals_of(target))
        os.replace(partial, target)
        made = target
    for old in daily_backups(folder)[:-keep]:
        _remove(old)
    return made


def _originals_of(backup: Path) -> Path:
    return backup.with_name(backup.name + ".originals")


def _remove(backup: Path) -> None:
    backup.unlink(missing_ok=True)
    shutil.rmtree(_originals_of(backup), ignore_errors=True)
