"""The only module that runs Tesseract: checks the install, reads pages.

Tesseract is started directly (not through pytesseract's temp files and extra calls), and
one call gives text, word boxes and confidence together (TSV on stdout). The import hands
it prepared page files, several per call (tsv_of_files: the language models are loaded
once for them); a single image may also go in on stdin as PNG (tsv_of).
bench/import.py prints the costs beside those of the plain tesseract command.
"""

from __future__ import annotations

import ctypes
import io
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pytesseract
from PIL import Image

from storage.models import PageText, Word

from ..errors import LanguageMissingError, OcrError, OcrTimeoutError, TesseractMissingError
from ..sources.limits import undo_reading_limit

DEFAULT_LANG = "nld+eng"
TESSERACT_ENV = "KLANTDOSSIER_TESSERACT"
PAGE_TIMEOUT_S = 120
PR_SET_PDEATHSIG = 1  # prctl(2)

INSTALL_HINT = {
    "linux": "sudo apt-get install tesseract-ocr tesseract-ocr-nld tesseract-ocr-osd",
    "darwin": "brew install tesseract tesseract-lang",
    "win32": "installeer Tesseract van https://github.com/UB-Mannheim/tesseract/wiki "
    "(kies bij 'Additional language data' ook Dutch)",
}


def _hint() -> str:
    return INSTALL_HINT.get(sys.platform, INSTALL_HINT["linux"])


def tesseract_cmd() -> str | None:
    """Path of the tesseract program: $KLANTDOSSIER_TESSERACT, PATH, or the usual install
    folders on Windows and macOS."""
    candidates = [
        os.environ.get(TESSERACT_ENV),
        shutil.which("tesseract"),
        r"C:\Program Files\Tesseract-OCR\tesseract.exe",
        "/opt/homebrew/bin/tesseract",
        "/usr/local/bin/tesseract",
    ]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


@lru_cache(maxsize=8)
def check_tesseract(lang: str = DEFAULT_LANG) -> str:
    """Return the tesseract version; raise a named error saying exactly what to install."""
    cmd = tesseract_cmd()
    if cmd is None:
        raise TesseractMissingError(
            "Tesseract (de tekstherkenning) is niet gevonden. Installeer het met:\n"
            f"    {_hint()}\n"
            "of wijs het programma aan met de omgevingsvariabele "
            f"{TESSERACT_ENV}=/pad/naar/tesseract.\n"
            "Tesseract OCR was not found. Install it (see above) or set "
            f"{TESSERACT_ENV}."
        )
    pytesseract.pytesseract.tesseract_cmd = cmd
    try:
        listing = subprocess.run(
            [cmd, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
        version = subprocess.run(
            [cmd, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        raise TesseractMissingError(f"Tesseract ({cmd}) start niet: {e}") from e
    available = {line.strip() for line in listing.stdout.splitlines()[1:]}
    missing = [code for code in lang.split("+") if code and code not in available]
    if missing:
        packages = " ".join(f"tesseract-ocr-{code}" for code in missing)
        raise LanguageMissingError(
            f"Tesseract mist de taalgegevens voor: {', '.join(missing)}.\n"
            f"    Installeer: sudo apt-get install {packages}\n"
            "    (Windows/macOS: voeg de taal toe in het Tesseract-installatieprogramma)\n"
            f"    of lees met andere talen, bijvoorbeeld --lang "
            f"{'+'.join(sorted(available - {'osd'})) or 'eng'}.\n"
            f"Tesseract lacks language data for {', '.join(missing)}: install {packages}, "
            "or choose other languages with --lang."
        )
    first = (version.stdout or version.stderr).splitlines()
    return first[0].removeprefix("tesseract ").strip() if first else "onbekend"


def _child_setup() -> None:  # pragma: no cover - runs in the child before exec
    # Linux: Tesseract dies with the worker that started it, even when the worker is
    # killed with SIGKILL; no orphan keeps a core busy after a cancel or a crash.
    if _LIBC is not None:
        _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    undo_reading_limit()  # the worker's cap is for decoding files, not for Tesseract


_running: subprocess.Popen | None = None
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def kill_running() -> None:
    """Kill the Tesseract this process is waiting for (worker shutdown, signal handler)."""
    child = _running
    if child is not None and child.poll() is None:
        child.kill()


def _run(args: list[str], stdin: bytes | Path, timeout: float) -> str:
    """Run tesseract on the page (bytes on stdin, or a file it reads itself); one thread,
    a hard timeout, no temp files."""
    global _running
    cmd = tesseract_cmd()
    if cmd is None:
        raise TesseractMissingError("Tesseract (de tekstherkenning) is niet gevonden.")
    # Tesseract's own OpenMP threads make it several times slower when every core
    # already runs a worker: one thread per Tesseract, one Tesseract per core.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        child = subprocess.Popen(
            [cmd, str(stdin) if isinstance(stdin, Path) else "stdin", "stdout", *args],
            stdin=subprocess.DEVNULL if isinstance(stdin, Path) else subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            preexec_fn=_child_setup if os.name == "posix" else None,
        )
    except OSError as e:
        raise TesseractMissingError(f"Tesseract ({cmd}) start niet: {e}") from e
    _running = child
    try:
        out, err = child.communicate(None if isinstance(stdin, Path) else stdin, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        child.kill()
        child.communicate()
        raise OcrTimeoutError(
            f"Tekstherkenning van deze pagina duurde langer dan {timeout:.0f} s en is gestopt."
        ) from e
    finally:
        _running = None
    if child.returncode != 0:
        if child.returncode < 0:
            raise OcrError(
                f"Tesseract is vastgelopen op deze pagina (signaal {-child.returncode})."
            )
        message = err.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"Tesseract gaf een fout: {message[-1] if message else child.returncode}")
    return out.decode("utf-8", "replace")


def encode_page(image: Image.Image) -> bytes:
    """The page as a lightly compressed PNG. Measured (CPU seconds, 300 dpi A4): Tesseract
    reads stdin byte by byte, so an 8.7 MB uncompressed PGM or BMP costs it ~0.2 s more
    than a 0.4 MB PNG, while compress_level=1 costs ~0.08 s to write."""
    buffer = io.BytesIO()
    image.convert("L").save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()


def tsv_of(
    image: Image.Image | bytes | Path,
    lang: str = DEFAULT_LANG,
    *,
    dpi: int | None = None,
    psm: int = 3,
    timeout: float = PAGE_TIMEOUT_S,
) -> dict:
    """Tesseract's TSV of one page as a dict of columns (pytesseract's Output.DICT shape)."""
    # a file Tesseract can read as it is (nothing was changed) is not encoded again
    data = image if isinstance(image, bytes | Path) else encode_page(image)
    args = ["--psm", str(psm), "-l", lang]
    if dpi:
        args += ["--dpi", str(int(dpi))]
    return parse_tsv(_run([*args, "tsv"], data, timeout))


def tsv_of_files(
    files: Sequence[Path],
    lang: str = DEFAULT_LANG,
    *,
    psm: int = 3,
    timeout: float = PAGE_TIMEOUT_S,
) -> list[dict]:
    """Tesseract's TSV of several page files read in one run, one dict per file, in order.

    One run loads the language models once: measured here, 4 pages in one run cost 0.89
    CPU seconds each against 1.21 s in runs of their own. Each file carries its resolution
    (no --dpi, which would hold for every page). timeout is per page."""
    args = ["--psm", str(psm), "-l", lang, "tsv"]
    if len(files) == 1:
        return [parse_tsv(_run(args, files[0], timeout))]
    listing = files[0].with_suffix(".list")
    listing.write_text("".join(f"{f}\n" for f in files), encoding="utf-8")
    try:
        out = _run(args, listing, timeout * len(files))
    finally:
        listing.unlink(missing_ok=True)
    return split_pages(parse_tsv(out), len(files))


def split_pages(data: dict, count: int) -> list[dict]:
    """The TSV of a run over several files, cut into one dict per page (page_num 1..count)."""
    pages = [{name: [] for name in data} for _ in range(count)]
    for row, number in enumerate(data.get("page_num", [])):
        if not 1 <= number <= count:
            raise OcrError(f"Tesseract gaf pagina {number} van {count} terug.")
        page = pages[number - 1]
        for name, column in data.items():
            page[name].append(column[row])
    return pages


def detect_orientation(
    image: Image.Image, *, dpi: int | None = None, timeout: float = PAGE_TIMEOUT_S
) -> tuple[int, float] | None:
    """Tesseract's OSD: (degrees to turn the page clockwise to be upright, confidence), or
    None when it cannot tell (too little text)."""
    args = ["--psm", "0"]
    if dpi:
        args += ["--dpi", str(int(dpi))]
    try:
        out = _run(args, encode_page(image), timeout)
    except OcrTimeoutError:
        raise
    except OcrError:
        return None  # "Too few characters": nothing to turn by
    rotate = re.search(r"Rotate: (\d+)", out)
    conf = re.search(r"Orientation confidence: ([\d.]+)", out)
    if not rotate or not conf:
        return None
    return int(rotate.group(1)) % 360, float(conf.group(1))


TSV_INT_COLUMNS = (
    "level",
    "page_num",
    "block_num",
    "par_num",
    "line_num",
    "word_num",
    "left",
    "top",
    "width",
    "height",
)


def parse_tsv(text: str) -> dict:
    """Tesseract TSV text to columns; text keeps its spaces, numbers become numbers."""
    lines = text.splitlines()
    if not lines:
        return {name: [] for name in (*TSV_INT_COLUMNS, "conf", "text")}
    header = lines[0].split("\t")
    columns: dict[str, list] = {name: [] for name in header}
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) < len(header):
            cells += [""] * (len(header) - len(cells))
        for name, cell in zip(header, cells, strict=False):
            if name in TSV_INT_COLUMNS:
                columns[name].append(int(cell or 0))
            elif name == "conf":
                columns[name].append(float(cell or -1))
            else:
                columns[name].append(cell)
    return columns


def ocr_image(
    image: Image.Image, lang: str = DEFAULT_LANG, timeout: float = PAGE_TIMEOUT_S
) -> PageText:
    """Text and word boxes of one upright page in a single Tesseract call (TSV output)."""
    check_tesseract(lang)
    data = tsv_of(image, lang, dpi=image.info.get("dpi", (None,))[0] or None, timeout=timeout)
    return page_from_tsv(data, image.width, image.height)


def page_from_tsv(data: dict, width: int, height: int) -> PageText:
    """Build PageText from Tesseract's TSV dict: words with boxes, lines joined as text."""
    words: list[Word] = []
    lines: list[str] = []
    current_key: tuple | None = None
    current: list[str] = []
    last_block = None
    for i, raw in enumerate(data["text"]):
        text = (raw or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        if key != current_key:
            if current:
                lines.append(" ".join(current))
            if last_block is not None and key[0] != last_block:
                lines.append("")  # blank line between blocks keeps paragraphs apart
            current_key, current, last_block = key, [], key[0]
        current.append(text)
        words.append(
            Word(
                text,
                int(data["left"][i]),
                int(data["top"][i]),
                int(data["width"][i]),
                int(data["height"][i]),
                conf,
            )
        )
    if current:
        lines.append(" ".join(current))
    confidence = sum(w.conf for w in words) / len(words) if words else None
    return PageText("\n".join(lines).strip(), words, confidence, 0, width, height)
