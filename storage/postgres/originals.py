"""Original scans in the shared database, content addressed by SHA-256, in parts of 1 MB.

Why in the database and not in a folder on a server: every desk reaches them over the one
connection it already has (no share to mount on each desk, no drive letters, no second
set of rights to keep in step); a document and its original are stored in one
transaction and erased in one, so no desk ever sees a document without its scan and an
erase cannot half-succeed; and a backup, a copy or pg_dump holds them in the same
snapshot as the rows. The cost is a bigger database; a small office's scans fit well.

A desk reads an original into a private temporary folder (0700, removed when the client
file is closed), because the image code opens files; a copy there of an original that
has since been erased is removed the next time it is asked for, and by sweep().
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..database import Database
from ..originals import CHUNK, valid_sha256


def _parts_of_size(parts: Iterable[bytes]) -> Iterator[bytes]:
    """The bytes again, in parts of CHUNK (the last one shorter)."""
    buffer = b""
    for part in parts:
        buffer += part
        while len(buffer) >= CHUNK:
            yield buffer[:CHUNK]
            buffer = buffer[CHUNK:]
    if buffer:
        yield buffer


class DatabaseOriginals:
    """The OriginalStore interface (put, has, path_for, remove, copy_to, sweep) over the
    originals table."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._cache: Path | None = None

    @property
    def root(self) -> Path:
        if self._cache is None:
            self._cache = Path(tempfile.mkdtemp(prefix="klantdossier-originelen-"))
            os.chmod(self._cache, 0o700)
        return self._cache

    def has(self, sha256: str) -> bool:
        valid_sha256(sha256)
        row = self.db.execute(
            "SELECT 1 FROM originals WHERE sha256 = ? AND part = 0", (sha256,)
        ).fetchone()
        return row is not None

    def put(self, source: Path, sha256: str) -> None:
        """Store the file's bytes (in the caller's transaction, if one is open)."""
        with open(source, "rb") as handle:
            self.put_parts(sha256, iter(lambda: handle.read(CHUNK), b""))

    def put_parts(self, sha256: str, parts: Iterable[bytes]) -> None:
        """Store an original given a part at a time (in the caller's transaction)."""
        valid_sha256(sha256)
        with self.db.transaction():
            if self.has(sha256):
                return
            number = 0
            for data in _parts_of_size(parts):
                self.db.execute(
                    "INSERT INTO originals (sha256, part, data) VALUES (?, ?, ?)",
                    (sha256, number, data),
                )
                number += 1
            if number == 0:  # an empty file is an original too
                self.db.execute(
                    "INSERT INTO originals (sha256, part, data) VALUES (?, 0, ?)", (sha256, b"")
                )

    def parts(self, sha256: str) -> Iterator[bytes]:
        """The bytes of one original, a part at a time."""
        rows = self.db.execute(
            "SELECT data FROM originals WHERE sha256 = ? ORDER BY part", (sha256,)
        ).fetchall()
        for (data,) in rows:
            yield bytes(data)

    def path_for(self, sha256: str) -> Path:
        """A local file with the original (read from the database the first time), or
        where it would be when the original is not stored (check with is_file)."""
        valid_sha256(sha256)
        target = self.root / sha256
        if not self.has(sha256):
            target.unlink(missing_ok=True)  # erased by another desk since it was read
            return target
        if not target.is_file():
            self._write(sha256, target)
        return target

    def _write(self, sha256: str, target: Path) -> None:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as out:
                for data in self.parts(sha256):
                    out.write(data)
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
        finally:
            Path(tmp).unlink(missing_ok=True)

    def remove(self, sha256: str) -> None:
        with self.db.transaction():
            self.db.execute("DELETE FROM originals WHERE sha256 = ?", (sha256,))
        (self.root / sha256).unlink(missing_ok=True)

    def shas(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT sha256 FROM originals WHERE part = 0")]

    def copy_to(self, root: Path, *, link: bool = False) -> None:
        """Every original as a file under root/ab/abcdef… (the SQLite layout)."""
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(root, 0o700)
        for sha in self.shas():
            folder = root / sha[:2]
            folder.mkdir(exist_ok=True, mode=0o700)
            self._write(sha, folder / sha)
            os.chmod(folder / sha, 0o600)

    def secure(self) -> None:
        """Nothing to make: the cache folder is made private when first used."""

    def sweep(self, known: set[str]) -> int:
        """Remove originals no document refers to (none are left by a failed import:
        they are stored in the document's transaction) and stale cached copies."""
        removed = 0
        for sha in self.shas():
            if sha not in known:
                self.remove(sha)
                removed += 1
        if self._cache is not None:
            for cached in self._cache.iterdir():
                if cached.name not in known:
                    cached.unlink(missing_ok=True)
        return removed

    def close(self) -> None:
        if self._cache is not None:
            shutil.rmtree(self._cache, ignore_errors=True)
            self._cache = None
