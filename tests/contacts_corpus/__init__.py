"""A corpus of contact lists as the programs people use write them (from their own
documentation and exports): files, their encodings, and what each contact must become.

    from tests.contacts_corpus import CORPUS, write_corpus
    for sample, path in write_corpus(folder): ...

Used by tests/importing/test_contacts_corpus.py (asserts) and bench/contacts.py (prints).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .csv_files import CSV_SAMPLES
from .vcard_files import VCARD_SAMPLES


@dataclass(frozen=True)
class Expected:
    """What one contact must become; None: not checked; addresses as
    (street, house_number, postcode, city, country)."""

    name: str
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    addresses: tuple[tuple[str | None, ...], ...] = ()
    company: str | None = None
    first_name: str | None = None
    tussenvoegsel: str | None = None
    last_name: str | None = None
    note_has: tuple[str, ...] = ()  # texts some note must hold
    dropped: int = 0  # values the import must report as not kept


@dataclass(frozen=True)
class Sample:
    format: str  # "Google CSV", "Outlook 2.1 vCard", ...
    filename: str
    data: bytes
    contacts: tuple[Expected, ...] = field(default_factory=tuple)
    unknown_columns: tuple[str, ...] = ()


def _samples() -> list[Sample]:
    return [Sample(*s[:3], tuple(Expected(**e) for e in s[3]), *s[4:]) for s in
            (*CSV_SAMPLES, *VCARD_SAMPLES)]  # fmt: skip


CORPUS = _samples()


def write_corpus(folder: Path) -> list[tuple[Sample, Path]]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for sample in CORPUS:
        path = folder / sample.filename
        path.write_bytes(sample.data)
        written.append((sample, path))
    return written
