"""Backups: a consistent copy of the client file with its originals, putting one back,
and daily backups with rotation (one copy per day in a folder of the user's choice, the
oldest removed beyond `keep`), used by the window at start-up (a setting) and by
`main.py backup --daily FOLDER` (for a scheduled task)."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from .database import Database, backup_error
from .errors import ClientFileError, ClientFileInUseError, CorruptClientFileError
from .migrate import open_current
from .originals import Originals, OriginalStore, folder_for
from .paths import is_server_url
from .schema import SCHEMA_VERSION
from .sqlite.database import (
    SqliteDatabase,
    in_use_elsewhere,
    open_in_this_process,
    schema_version_of,
)

PREFIX = "klantdossier-"
SUFFIX = ".sqlite"
DEFAULT_KEEP = 7


def backup(db: Database, originals: Originals, dest: Path, *, link_originals: bool = False) -> Path:
    """A consistent copy (taken while others may write) plus the originals in
    DEST.originals; link_originals hard-links them where the file system allows.

    Of a shared client file on a server the copy is a SQLite client file (one snapshot
    of the server, read while the desks go on working), which opens anywhere."""
    dest = Path(dest).expanduser().absolute()
    if db.dialect == "postgresql":
        from .copying import copy_to_sqlite

        if dest.exists():
            dest.unlink()  # a daily backup's half copy of before; names are the caller's
        return copy_to_sqlite(db, dest)
    if dest == db.path:
        raise ClientFileError("De reservekopie kan niet over het klantbestand zelf heen.")
    db.snapshot(dest)
    try:
        originals.copy_to(folder_for(dest), link=link_originals)
    except OSError as e:
        raise backup_error(e, dest) from e
    return dest


def restore(backup: Path, dest: Path) -> Path:
    """Put a backup (made by backup()) back as the client file dest, with its originals.

    The backup is checked first (a healthy client file, not newer than this version); an
    existing dest is kept beside it as DEST.voor-terugzetten-<time> rather than
    overwritten. Refused while any program (a window) has dest open: it would go on
    writing to the file that was put aside. To a server, copy with copying.py instead."""
    if is_server_url(str(dest)):
        raise ClientFileError(
            "Terugzetten naar een gedeeld klantenbestand gaat met `main.py copy RESERVEKOPIE "
            "postgresql://...` naar een nieuwe, lege database."
        )
    backup, dest = backup.expanduser().absolute(), dest.expanduser().absolute()
    if not backup.is_file():
        raise ClientFileError(f"De reservekopie {backup} bestaat niet.")
    if backup == dest:
        raise ClientFileError("De reservekopie en het doel zijn hetzelfde bestand.")
    version = schema_version_of(backup)
    if version > SCHEMA_VERSION:
        raise CorruptClientFileError(
            f"{backup} is gemaakt met een nieuwere versie van Klantdossier; werk eerst bij."
        )
    if version == SCHEMA_VERSION:
        open_current(backup, read_only=True).close()
    if dest.exists() and (open_in_this_process(dest) or in_use_elsewhere(dest)):
        raise ClientFileInUseError(
            f"{dest} is nog geopend (in het venster van Klantdossier of een ander "
            "programma). Sluit Klantdossier op deze computer en probeer het opnieuw; er is "
            "niets gewijzigd."
        )
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    if dest.exists():
        aside = dest.with_name(f"{dest.name}.voor-terugzetten-{stamp}")
        for suffix in ("", "-wal", "-shm", ".originals"):
            current = dest.with_name(dest.name + suffix)
            if current.exists():
                current.rename(aside.with_name(aside.name + suffix))
    try:
        source = SqliteDatabase.open(backup, read_only=True)
        try:
            source.snapshot(dest)
        finally:
            source.close()
        OriginalStore(folder_for(backup)).copy_to(folder_for(dest))
    except (OSError, ClientFileError) as e:
        raise ClientFileError(f"Terugzetten naar {dest} is mislukt: {e}") from e
    open_current(dest, read_only=None).close()  # migrates an older backup, proves it opens
    return dest


# -- daily backups ----------------------------------------------------------------------------


class _BacksUp(Protocol):
    def backup(self, dest: Path, *, link_originals: bool = False) -> Path: ...


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
    cf: _BacksUp, folder: Path, keep: int = DEFAULT_KEEP, today: date | None = None
) -> Path | None:
    """Make today's backup of cf (a ClientFile) unless there is one, then keep only the
    newest `keep`. Returns the new backup, or None when today's was already there."""
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
        originals = folder_for(partial)
        if originals.exists():
            os.replace(originals, folder_for(target))
        os.replace(partial, target)
        made = target
    for old in daily_backups(folder)[:-keep]:
        _remove(old)
    return made


def _remove(backup: Path) -> None:
    backup.unlink(missing_ok=True)
    shutil.rmtree(folder_for(backup), ignore_errors=True)
