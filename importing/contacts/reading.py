"""Recognising a contact list and reading it into Contacts."""

from __future__ import annotations

from pathlib import Path

from ocr.sources import limits
from ocr.sources.limits import megabytes
from storage import ContactFileError

from . import text as texts
from .csvfile import is_contact_header, read_csv
from .model import ContactList
from .vcard import read_vcards

SNIFF_BYTES = 64 * 1024


def _is_vcard(data: bytes) -> bool:
    return data.lstrip(b" \t\r\n")[:11].upper() == b"BEGIN:VCARD"


def is_contact_file(path: Path) -> bool:
    """True when the file is a vCard or a CSV whose header row we recognise (by its
    content, whatever its name; UTF-16 with or without byte order mark included)."""
    try:
        with open(path, "rb") as handle:
            data = texts.eight_bit(handle.read(SNIFF_BYTES))
    except OSError:
        return False
    if not data or texts.looks_binary(data):
        return False
    if _is_vcard(data):
        return True
    first = texts.lines(data.lstrip(b"\r\n"))[:1]
    return bool(first) and is_contact_header(texts.decode(first[0]).rstrip("\r\n"))


def read_contact_file(path: Path, region: str) -> ContactList:
    """Every contact of a CSV or vCard file. region: the country of numbers written
    without one, where the contact itself names none. Raises ContactFileError when
    the file cannot be read at all."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limits.MAX_CONTACT_BYTES:
            raise ContactFileError(
                f"{path.name} is te groot voor een contactenlijst ({megabytes(size)}; "
                f"hoogstens {megabytes(limits.MAX_CONTACT_BYTES)})."
            )
        data = texts.eight_bit(path.read_bytes())
    except OSError as e:
        raise ContactFileError(f"Kan {path} niet lezen: {e.strerror or e}") from e
    return read_vcards(data, region) if _is_vcard(data) else read_csv(data, region)
