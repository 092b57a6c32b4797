"""A watched folder: office printers that scan to a network folder drop files there.

A file is handed on only when it is completely written: its size and modification time
have not changed for `settle_s` seconds, and it can be opened. With include_folders, a
folder copied in (a client folder) is handed on once nothing in it has changed for as
long. Polling, not inotify: it works the same on network shares (SMB/NFS send no change
events) and on every OS.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .files import detect_mime

POLL_S = 1.0
SETTLE_S = 2.0
# Partial files of common scan-to-folder devices and of copy programs.
PARTIAL_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial", ".filepart", "~")


@dataclass(slots=True)
class _Seen:
    size: int
    mtime_ns: int
    since: float


class FolderWatcher:
    """poll() returns the files that became ready since the last call; each file once."""

    def __init__(
        self,
        folder: str | Path,
        settle_s: float = SETTLE_S,
        clock: Callable[[], float] = time.monotonic,
        include_existing: bool = False,
        include_folders: bool = False,
    ) -> None:
        self.folder = Path(folder)
        self.settle_s = settle_s
        self.include_folders = include_folders
        self._clock = clock
        self._pending: dict[Path, _Seen] = {}
        self._done: set[Path] = set()
        if not include_existing:
            self._done.update(self._files())

    def _files(self) -> list[Path]:
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return []  # the share is away for a moment: try again on the next poll
        return [
            Path(e.path)
            for e in entries
            if not e.name.startswith(".")
            and not e.name.lower().endswith(PARTIAL_SUFFIXES)
            and (
                e.is_file(follow_symlinks=False)
                or (self.include_folders and e.is_dir(follow_symlinks=False))
            )
        ]

    def poll(self) -> list[Path]:
        now = self._clock()
        ready = []
        present = set()
        for path in self._files():
            present.add(path)
            if path in self._done:
                continue
            try:
                size, mtime_ns = _signature(path)
            except OSError:
                continue
            seen = self._pending.get(path)
            if seen is None or (seen.size, seen.mtime_ns) != (size, mtime_ns):
                self._pending[path] = _Seen(size, mtime_ns, now)
                continue
            if now - seen.since < self.settle_s or size == 0:
                continue
            if not path.is_dir() and not _complete(path):
                continue
            del self._pending[path]
            self._done.add(path)
            ready.append(path)
        # A file that went away while settling is forgotten; one put back counts again.
        for path in list(self._pending):
            if path not in present:
                del self._pending[path]
        self._done &= present
        return sorted(ready, key=lambda p: (p.stat().st_mtime_ns, p.name))


def _signature(path: Path) -> tuple[int, int]:
    """(size, newest modification) of a file, or of everything in a folder."""
    if not path.is_dir():
        stat = path.stat()
        return stat.st_size, stat.st_mtime_ns
    size, newest = 0, path.stat().st_mtime_ns
    for below, _folders, files in os.walk(path):
        for name in files:
            stat = os.stat(os.path.join(below, name))
            size, newest = size + stat.st_size, max(newest, stat.st_mtime_ns)
    return size, newest


def _complete(path: Path) -> bool:
    """Readable, and a kind of file we know, with its end where the kind says it is."""
    try:
        mime = detect_mime(path)
        if mime == "application/pdf":
            with open(path, "rb") as handle:
                handle.seek(max(0, path.stat().st_size - 2048))
                return b"%%EOF" in handle.read()
        if mime == "image/jpeg":
            with open(path, "rb") as handle:
                handle.seek(-2, os.SEEK_END)
                return handle.read(2) == b"\xff\xd9"
        return True  # other kinds: a stable size is the best sign there is
    except OSError:
        return False


def watch_folder(
    folder: str | Path,
    stop: threading.Event,
    poll_s: float = POLL_S,
    settle_s: float = SETTLE_S,
) -> Iterator[Path]:
    """Yield new, completely written files in folder until stop is set."""
    watcher = FolderWatcher(folder, settle_s=settle_s)
    while not stop.is_set():
        yield from watcher.poll()
        stop.wait(poll_s)
