"""Which processes this test process left behind (Linux /proc; empty elsewhere)."""

from __future__ import annotations

import os
import time
from pathlib import Path


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] == "Z":
            continue  # a zombie holds no memory and no core; its parent reaps it
        tree.setdefault(int(fields[1]), []).append(int(entry.name))
    return tree


def _is_resource_tracker(pid: int) -> bool:
    # multiprocessing's one helper per parent (spawn); it ends with the parent, not a worker
    try:
        return b"resource_tracker" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # gone already


def descendants(wait: float = 2.0) -> list[int]:
    """Live descendant pids of this process, after waiting up to `wait` s for stragglers."""
    deadline = time.monotonic() + wait
    while True:
        tree = _children()
        found, todo = [], [os.getpid()]
        while todo:
            for child in tree.get(todo.pop(), []):
                found.append(child)
                todo.append(child)
        found = [pid for pid in found if not _is_resource_tracker(pid)]
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def with_environment(marker: str, wait: float = 3.0) -> list[int]:
    """Live processes whose environment holds marker (finds orphans too), after waiting up
    to `wait` s for them to end."""
    deadline = time.monotonic() + wait
    needle = marker.encode()
    while True:
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                if needle in (entry / "environ").read_bytes():
                    state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                    if state != "Z":
                        found.append(int(entry.name))
            except OSError:
                continue
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def stray_page_folders(base: Path, prefix: str) -> list[Path]:
    """Page folders (ocr.engine.pagefiles) that no running process outside this test
    owns: of a process that is gone, or of one this test started. Another program's
    import running beside the test (another window, a benchmark) keeps its own."""
    mine = {os.getpid(), *descendants(wait=0)}
    found = []
    for folder in base.glob(prefix + "*"):
        pid = folder.name[len(prefix) :]
        alive = pid.isdigit() and Path(f"/proc/{pid}").exists()
        if not alive or int(pid) in mine:
            found.append(folder)
    return found
