"""A small tmpfs to fill up or turn read-only, and a way to run as an ordinary user.

Tests run as root in CI; root ignores file modes, so "read-only" is shown two ways:
remounting the file system read-only (holds for root too), and chmod for a run as the
unprivileged user `nobody`.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FILLER = "filler.bin"


def mount_tmpfs(where: Path, size: str = "2m") -> str | None:
    """Mount a tmpfs; None when done, else why not (not root, no mount permission)."""
    where.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    return None if result.returncode == 0 else (result.stderr.strip() or "mount failed")


def remount(where: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(where)], check=True)


def unmount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)


@contextmanager
def tmpfs(where: Path, size: str = "2m") -> Iterator[Path]:
    why = mount_tmpfs(where, size)
    if why is not None:
        raise PermissionError(why)
    try:
        yield where
    finally:
        unmount(where)


def fill(where: Path, leave: int = 0) -> Path:
    """Fill the file system up, then give back `leave` bytes (rounded to pages)."""
    filler = where / FILLER
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for size in (65536, 4096, 512):  # unbuffered, so no write is left for close()
            chunk = b"\0" * size
            try:
                while True:
                    os.write(fd, chunk)
            except OSError as e:
                if e.errno != errno.ENOSPC:
                    raise
    finally:
        os.close(fd)
    if leave:
        size = filler.stat().st_size
        os.truncate(filler, max(0, size - leave))
    return filler


def free_bytes(where: Path) -> int:
    st = os.statvfs(where)
    return st.f_bavail * st.f_frsize


# Root without the capabilities that let it ignore file modes: chmod counts again.
# (An unprivileged user cannot be used: the venv's interpreter lives under /root.)
WITHOUT_DAC = [
    "setpriv",
    "--bounding-set=-dac_override,-dac_read_search",
    "--inh-caps=-dac_override,-dac_read_search",
]
