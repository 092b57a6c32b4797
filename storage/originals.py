"""Original scans, content addressed by SHA-256 in a folder next to the database."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import DiskFullError

CHUNK = 1 << 20
PART_PREFIX = ".part-"


def _named(error: OSError, target: Path) -> OSError:
    """A full disk as DiskFullError (an OSError too); other errors unchanged."""
    if error.errno == errno.ENOSPC:
        return DiskFullError(
            f"De schijf is vol: het origineel kon niet worden bewaard in {target.parent}. "
            "Er is niets opgeslagen; maak ruimte vrij en probeer het opnieuw."
        )
    return error


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class OriginalStore:
    # Files are put only while the client file's write lock is held (inside a
    # transaction), so a sweep that holds the lock sees only leftovers of crashed or
    # failed imports as unreferenced files.
    """Stores each file once under originals/ab/abcdef...; never holds a file name from a scan."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put(self, source: Path, sha256: str) -> Path:
        """Copy source in (atomically: a crash leaves no half file under the final name)."""
        target = self.path_for(sha256)
        if target.is_file():
            return target
        try:
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
            target.parent.mkdir(exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=PART_PREFIX)
        except OSError as e:
            raise _named(e, target) from e
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                shutil.copyfileobj(src, out, CHUNK)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
        except BaseException as e:
            Path(tmp).unlink(missing_ok=True)
            if isinstance(e, OSError) and e.errno == errno.ENOSPC:
                raise _named(e, target) from e
            raise
        return target

    def remove(self, sha256: str) -> None:
        self.path_for(sha256).unlink(missing_ok=True)

    def stored(self) -> Iterator[tuple[str | None, Path]]:
        """(sha256, path) of every stored file; sha256 None for a temp file left by a
        copy that never finished."""
        if not self.root.is_dir():
            return
        for folder in self.root.iterdir():
            if not folder.is_dir() or len(folder.name) != 2:
                continue
            for path in folder.iterdir():
                if path.name.startswith(PART_PREFIX):
                    yield None, path
                elif len(path.name) == 64 and path.name.startswith(folder.name):
                    yield path.name, path
