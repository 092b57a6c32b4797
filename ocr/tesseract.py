"""The only module that runs Tesseract: checks the install, reads one page in one call."""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache

import pytesseract
from PIL import Image

from storage.models import PageText, Word

from .errors import LanguageMissingError, OcrError, TesseractMissingError

DEFAULT_LANG = "nld+eng"
TESSERACT_ENV = "KLANTDOSSIER_TESSERACT"
PAGE_TIMEOUT_S = 120

INSTALL_HINT = {
    "linux": "sudo apt-get install tesseract-ocr tesseract-ocr-nld tesseract-ocr-osd",
    "darwin": "brew install tesseract tesseract-lang",
    "win32": "installeer Tesseract van https://github.com/UB-Mannheim/tesseract/wiki "
    "(kies bij 'Additional language data' ook Dutch)",
}


def _hint() -> str:
    import sys

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


def ocr_image(
    image: Image.Image, lang: str = DEFAULT_LANG, timeout: float = PAGE_TIMEOUT_S
) -> PageText:
    """Text and word boxes of one upright page in a single Tesseract call (TSV output)."""
    check_tesseract(lang)
    try:
        data = pytesseract.image_to_data(
            image, lang=lang, config="--psm 3", output_type=pytesseract.Output.DICT, timeout=timeout
        )
    except RuntimeError as e:  # pytesseract signals its timeout this way
        raise OcrError(f"Tekstherkenning duurde langer dan {timeout:.0f} s en is gestopt.") from e
    except pytesseract.TesseractError as e:
        raise OcrError(f"Tesseract gaf een fout: {e.message or e}") from e
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
