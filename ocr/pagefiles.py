"""Prepared pages as files for Tesseract, in a private folder in memory.

Why files: one Tesseract run reads a list of page files with its language models loaded
once (loading nld+eng is 0.24 s of a 1.1 s page), and it reads an uncompressed TIFF at
no cost, where writing a PNG for it costs us 80 ms (and uncompressed data on stdin is
slower still: Tesseract reads stdin byte by byte).

The pages are personal data, so: each worker has its own folder, 0700, in /dev/shm where
there is one (memory, never written to disk); a file is removed as soon as Tesseract has
read it; the pool removes the folder of a worker it stopped or lost (remove_folder), and
each import removes, when it starts and when it ends, folders whose process no longer
runs (sweep), left by a power cut or a kill -9 of a whole import.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from PIL import Image

PREFIX = "klantdossier-ocr-"
RAM_DIR = Path("/dev/shm")


def base_dir() -> Path:
    if RAM_DIR.is_dir() and os.access(RAM_DIR, os.W_OK | os.X_OK):
        return RAM_DIR
    return Path(tempfile.gettempdir())


def folder_of(pid: int) -> Path:
    return base_dir() / f"{PREFIX}{pid}"


def own_folder() -> Path:
    """This process's folder, made on first use."""
    folder = folder_of(os.getpid())
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def write_page(image: Image.Image, dpi: float, folder: Path) -> Path:
    """The page as an uncompressed TIFF that carries its resolution (Tesseract reads it
    from the file, so pages of different resolutions can share one run)."""
    fd, name = tempfile.mkstemp(suffix=".tif", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            # raw: else Pillow keeps the compression the source file had (G4 needs 1 bit)
            image.save(out, "TIFF", dpi=(round(dpi), round(dpi)), compression="raw")
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def remove_folder(pid: int) -> None:
    shutil.rmtree(folder_of(pid), ignore_errors=True)


def _running(pid: int) -> bool:
    if Path("/proc/self/stat").exists():  # Linux
        try:  # a killed worker not yet reaped (a zombie) runs no more
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return False
        return state != "Z"
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: running
        return True
    return True


def sweep() -> None:
    """Remove the folders of workers that no longer run (left by a killed import)."""
    if os.name != "posix":  # os.kill(pid, 0) would end the process on Windows
        return
    try:
        folders = list(base_dir().glob(PREFIX + "*"))
    except OSError:
        return
    for folder in folders:
        pid = folder.name.removeprefix(PREFIX)
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
