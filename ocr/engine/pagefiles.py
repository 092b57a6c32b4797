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

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from PIL import Image

from ..errors import OcrError

PREFIX = "klantdossier-ocr-"
RAM_DIR = Path("/dev/shm")


def bases() -> list[Path]:
    """Where the folders go: memory first; the temp folder on disk when memory is not
    there (Windows, macOS) or full (a container's /dev/shm is often 64 MB)."""
    disk = Path(tempfile.gettempdir())
    if RAM_DIR.is_dir() and os.access(RAM_DIR, os.W_OK | os.X_OK) and disk != RAM_DIR:
        return [RAM_DIR, disk]
    return [disk]


def base_dir() -> Path:
    return bases()[0]


def folder_of(pid: int, base: Path | None = None) -> Path:
    return (base or base_dir()) / f"{PREFIX}{pid}"


def own_folder(base: Path | None = None) -> Path:
    """This process's folder, made on first use."""
    folder = folder_of(os.getpid(), base)
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def write_page(image: Image.Image, dpi: float) -> Path:
    """The page as an uncompressed TIFF that carries its resolution (Tesseract reads it
    from the file, so pages of different resolutions can share one run), in this
    process's folder: in memory, or on disk when memory is full."""
    problem: OSError | None = None
    for base in bases():
        try:
            return _write(image, dpi, own_folder(base))
        except OSError as e:
            problem = e
    raise OcrError(
        "Er is geen ruimte om de pagina voor te bereiden voor de tekstherkenning "
        f"(geheugen en schijf vol: {problem.strerror if problem else '?'})."
    )


def _write(image: Image.Image, dpi: float, folder: Path) -> Path:
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
    for base in bases():
        shutil.rmtree(folder_of(pid, base), ignore_errors=True)


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
    folders: list[Path] = []
    for base in bases():
        with contextlib.suppress(OSError):
            folders += base.glob(PREFIX + "*")
    for folder in folders:
        pid = folder.name.removeprefix(PREFIX)
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
