"""Original scans, content addressed by SHA-256 in a folder next to the database."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

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


def valid_sha256(sha256: str) -> str:
    if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
        raise ValueError(f"not a sha256: {sha256!r}")
    return sha256


def folder_for(db_path: Path) -> Path:
    """Where the originals of the client file (or backup) db_path are kept."""
    return db_path.with_name(db_path.name + ".originals")


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _read_parts(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


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
        return self.root / valid_sha256(sha256)[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put(self, source: Path, sha256: str) -> Path:
        """Copy source in (atomically: a crash leaves no half file under the final name)."""
        return self.put_parts(sha256, _read_parts(source))

    def put_parts(self, sha256: str, parts: Iterable[bytes]) -> Path:
        """Store an original given as its bytes, a part at a time (see put)."""
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
            with os.fdopen(fd, "wb") as out:
                for part in parts:
                    out.write(part)
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

    def copy_to(self, root: Path, *, link: bool = False) -> None:
        """Copy every original into the folder root (made readable by the user only).
        link: hard links where the file system allows (originals never change in place,
        being named by their content), so daily backups share one copy of each scan.
        Raises OSError."""
        if not self.root.is_dir():
            return
        copy_function = _link_or_copy if link else shutil.copy2
        shutil.copytree(self.root, root, dirs_exist_ok=True, copy_function=copy_function)
        os.chmod(root, 0o700)

    def secure(self) -> None:
        """Make the folder (readable by the user only) before the first scan arrives."""
        try:
            self.root.mkdir(mode=0o700, exist_ok=True)
            os.chmod(self.root, 0o700)
        except OSError:
            pass  # the folder is made again (0700) by the first put()

    def remove(self, sha256: str) -> None:
        self.path_for(sha256).unlink(missing_ok=True)

    def sweep(self, known: set[str]) -> int:
        """Remove originals not in known and half-copied temp files; returns how many."""
        removed = 0
        for sha, path in self.stored():
            if sha is None or sha not in known:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def shas(self) -> list[str]:
        return [sha for sha, _ in self.stored() if sha is not None]

    def parts(self, sha256: str) -> Iterator[bytes]:
        """The bytes of one original, a part at a time."""
        return _read_parts(self.path_for(sha256))

    def close(self) -> None:
        """Nothing to release (the database's store removes its cache)."""

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


class Originals(Protocol):
    """What the client file needs of a store of originals: OriginalStore (a folder next
    to a SQLite file) or postgres.originals.DatabaseOriginals (in the shared database)."""

    def has(self, sha256: str) -> bool: ...
    def put(self, source: Path, sha256: str) -> object: ...
    def put_parts(self, sha256: str, parts: Iterable[bytes]) -> object: ...
    def path_for(self, sha256: str) -> Path: ...
    def remove(self, sha256: str) -> None: ...
    def copy_to(self, root: Path, *, link: bool = False) -> None: ...
    def secure(self) -> None: ...
    def sweep(self, known: set[str]) -> int: ...
    def shas(self) -> list[str]: ...
    def parts(self, sha256: str) -> Iterator[bytes]: ...
    def close(self) -> None: ...
