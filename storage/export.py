"""Getting data out: all clients as JSON, CSV (Excel, Dutch locale) or vCard, and
everything on one person (AVG). Reads through ClientFile's public methods only."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from .errors import ClientFileError, DiskFullError
from .models import CLIENT_FIELDS, CLIENT_NAME_FIELDS, Address, Client, PageText, StoredField
from .phones import international as international_phone
from .phones import written as written_phone

FORMATS = ("json", "csv", "vcard")
# Excel runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE_NAME = re.compile(r"[^\w.\- ]+", re.UNICODE)


class ClientReader(Protocol):
    """What export needs of a ClientFile (named here, so export.py need not import it)."""

    def client_ids(self) -> list[int]: ...
    def client(self, client_id: int) -> Client: ...
    def fields(self, client_id: int) -> list[StoredField]: ...
    def pages(self, document_id: int) -> list[tuple[int, PageText]]: ...
    def original_path(self, sha256: str) -> Path: ...


# -- all clients ----------------------------------------------------------------------------


Progress = Callable[[int, int], None]  # (done, total); may raise to stop the work


def all_clients(
    cf: ClientReader, client_ids: Sequence[int] | None = None, progress: Progress | None = None
) -> list[Client]:
    """Every client by name, or the clients of client_ids in that order."""
    ids = cf.client_ids() if client_ids is None else list(client_ids)
    clients = []
    for done, client_id in enumerate(ids, start=1):
        clients.append(cf.client(client_id))
        if progress is not None:
            progress(done, len(ids))
    return clients


def export_all(
    cf: ClientReader,
    format: str,
    out: Path | None,
    *,
    client_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> str | None:
    """Write every client (or those of client_ids) in format to out, or return the text
    when out is None. progress(done, total) is called after each client is read."""
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    clients = all_clients(cf, client_ids, progress)
    if format == "json":
        text = json.dumps([c.to_dict() for c in clients], ensure_ascii=False, indent=2) + "\n"
    elif format == "csv":
        text = clients_to_csv(clients)
    else:
        text = "".join(client_to_vcard(c) for c in clients)
    if out is None:
        return text
    # CSV for Excel: a BOM so Excel reads UTF-8; vCard lines end in CRLF (RFC 6350)
    encoding = "utf-8-sig" if format == "csv" else "utf-8"
    _write_private(out, text.encode(encoding))
    return None


def _write_private(path: Path, data: bytes) -> None:
    """Write a file readable by the user only, all or nothing."""
    tmp = path.with_name(f".{path.name}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        if e.errno == 28:
            raise DiskFullError(f"De schijf is vol: {path} is niet geschreven.") from e
        raise ClientFileError(f"Kan {path} niet schrijven: {e.strerror or e}") from e


def _unguarded(text: str) -> str:
    """What the contact import reads back from a cell (it removes one guarding quote)."""
    if text[:1] == "'" and text[1:2] and text[1] in (*_FORMULA_START, "'"):
        return text[1:]
    return text


def _excel_safe(value: str | None) -> str:
    """A cell Excel never runs as a formula; a quote is put before it, and before a
    cell that starts with a quote the import would take for one, so the import can
    take it off again exactly."""
    text = value or ""
    if text.startswith(_FORMULA_START) or _unguarded(text) != text:
        return "'" + text
    return text


# The CSV header of each client field (the contact import reads these back).
CSV_LABELS = {
    "name": "Naam",
    "first_name": "Voornaam",
    "tussenvoegsel": "Tussenvoegsel",
    "last_name": "Achternaam",
    "company": "Bedrijf",
    "legal_form": "Rechtsvorm",
    "kvk": "KvK",
    "btw": "BTW",
    "iban": "IBAN",
    "bic": "BIC",
    "client_since": "Klant sinds",
}
ADDRESS_LABELS = {
    "street": "Straat",
    "house_number": "Huisnummer",
    "postcode": "Postcode",
    "city": "Plaats",
    "country": "Land",
}


def _field(name: str) -> Callable[[Client], str | None]:
    return lambda client: getattr(client, name)


def _address_part(name: str) -> Callable[[Client], str | None]:
    return lambda client: getattr(client.addresses[0], name) if client.addresses else None


# Every field of CLIENT_FIELDS, the first address after the names and company.
CSV_COLUMNS: list[tuple[str, Callable[[Client], str | None]]] = [
    ("Klantnummer", lambda c: str(c.id)),
    *[(CSV_LABELS[f], _field(f)) for f in CLIENT_NAME_FIELDS],
    *[(label, _address_part(part)) for part, label in ADDRESS_LABELS.items()],
    *[(CSV_LABELS[f], _field(f)) for f in CLIENT_FIELDS if f not in CLIENT_NAME_FIELDS],
    ("Status", _field("status")),
]


def _numbered(label: str, count: int, start: int = 1) -> list[str]:
    return [label + (f" {i + 1}" if i else "") for i in range(start - 1, count)]


def _oldest_first(client: Client) -> list[str]:
    """Notes in the order they were written (the client file lists the newest first),
    so an import of the export keeps their order."""
    return [note.text for note in reversed(client.notes)]


def _csv_phone(e164: str, client: Client) -> str:
    """As a Dutch office writes it ("06 12345678") where the import reads it back so:
    a client whose addresses are all Dutch; else in full ("+49 30 1234567"), which
    every country reads alike."""
    if all((a.country or "NL").upper() == "NL" for a in client.addresses):
        return written_phone(e164)
    return international_phone(e164)


def clients_to_csv(clients: Sequence[Client]) -> str:
    """';'-separated with CRLF, the columns the contact import reads back; as many
    Telefoon/E-mail/address/Notitie columns as the client with the most of them needs."""
    phones = max((len(c.phones) for c in clients), default=0) or 1
    emails = max((len(c.emails) for c in clients), default=0) or 1
    addresses = max((len(c.addresses) for c in clients), default=0)
    notes = max((len(c.notes) for c in clients), default=0)
    header = [name for name, _ in CSV_COLUMNS]
    header += _numbered("Telefoon", phones) + _numbered("E-mail", emails)
    for number in range(2, addresses + 1):
        header += [f"{label} {number}" for label in ADDRESS_LABELS.values()]
    header += _numbered("Notitie", notes)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for client in clients:
        row = [get(client) for _, get in CSV_COLUMNS]
        row += _padded([_csv_phone(p.e164, client) for p in client.phones], phones)
        row += _padded(client.emails, emails)
        for address in client.addresses[1:]:
            row += [getattr(address, part) for part in ADDRESS_LABELS]
        row += [None] * (len(ADDRESS_LABELS) * (max(addresses, 1) - max(len(client.addresses), 1)))
        row += _padded(_oldest_first(client), notes)
        writer.writerow([_excel_safe(cell) for cell in row])
    return buffer.getvalue()


def _padded(values: Sequence[str], count: int) -> list[str | None]:
    return [*values, *[None] * (count - len(values))]


# vCard text escapes (RFC 6350 3.4), all in one pass: a lone CR is a line break too, or
# the rest of the value would become a property of its own ("Evil\rTEL:+316...").
_VCARD_ESCAPES = {"\\": "\\\\", ";": "\\;", ",": "\\,", "\r\n": "\\n", "\r": "\\n", "\n": "\\n"}
_VCARD_SPECIAL = re.compile(r"\r\n|[\\;,\r\n]")


def _vcard_escape(value: str | None) -> str:
    return _VCARD_SPECIAL.sub(lambda m: _VCARD_ESCAPES[m[0]], value or "")


def _fold_line(line: str) -> str:
    """RFC 6350: lines of at most 75 octets, continued with CRLF and a space."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > (75 if not out else 74):
            out.append(current)
            current = ""
        current += char
    out.append(current)
    return "\r\n ".join(out) + "\r\n"


def _vcard_address(address: Address) -> str:
    street = " ".join(p for p in (address.street, address.house_number) if p)
    parts = (street, address.city, "", address.postcode, address.country)
    return "ADR:;;" + ";".join(_vcard_escape(v) for v in parts)


# Our own fields, which vCard has no property for (the contact import reads them back).
VCARD_OWN = {
    "kvk": "X-KVK",
    "iban": "X-IBAN",
    "btw": "X-BTW",
    "bic": "X-BIC",
    "legal_form": "X-RECHTSVORM",
    "client_since": "X-KLANT-SINDS",
    "tussenvoegsel": "X-TUSSENVOEGSEL",
}


def client_to_vcard(client: Client) -> str:
    """One vCard 3.0 (what phones and address books import most reliably)."""
    last = " ".join(p for p in (client.tussenvoegsel, client.last_name) if p)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_vcard_escape(client.name or client.company or '')}",
        f"N:{_vcard_escape(last)};{_vcard_escape(client.first_name)};;;",
    ]
    if client.company:
        lines.append(f"ORG:{_vcard_escape(client.company)}")
    for phone in client.phones:
        kind = "CELL" if phone.kind == "mobile" else "VOICE"
        lines.append(f"TEL;TYPE={kind}:{phone.e164}")
    for email in client.emails:
        lines.append(f"EMAIL;TYPE=INTERNET:{_vcard_escape(email)}")
    lines += [_vcard_address(address) for address in client.addresses]
    lines += [f"NOTE:{_vcard_escape(text)}" for text in _oldest_first(client)]
    for key, name in VCARD_OWN.items():
        if getattr(client, key):
            lines.append(f"{name}:{_vcard_escape(getattr(client, key))}")
    if client.status != "active":
        lines.append(f"X-STATUS:{_vcard_escape(client.status)}")
    lines += [f"UID:klantdossier-{client.id}", "END:VCARD"]
    return "".join(_fold_line(line) for line in lines)


# -- one person (AVG) -----------------------------------------------------------------------


def export_client(
    cf: ClientReader, client_id: int, dest_folder: Path, progress: Progress | None = None
) -> Path:
    """klant-<id>/klant.json (card, fields with provenance, page texts, calls, notes) and
    klant-<id>/originelen/ with each document's original under its own name.
    progress(done, total) after each document."""
    client = cf.client(client_id)
    folder = dest_folder / f"klant-{client_id}"
    originals = folder / "originelen"
    try:
        originals.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(folder, 0o700)
        documents = []
        for document in client.documents:
            pages = [
                {
                    "page_id": page_id,
                    "text": page.text,
                    "confidence": page.confidence,
                    "orientation": page.orientation,
                }
                for page_id, page in cf.pages(document.id)
            ]
            name = _UNSAFE_NAME.sub("_", document.name).strip(". ") or "document"
            stored = f"{document.id}-{name}"
            source = cf.original_path(document.sha256)
            if source.is_file():
                shutil.copyfile(source, originals / stored)
                os.chmod(originals / stored, 0o600)
            documents.append(
                {
                    **document.to_dict(),
                    "original": f"originelen/{stored}" if source.is_file() else None,
                    "pages_text": pages,
                }
            )
            if progress is not None:
                progress(len(documents), len(client.documents))
        record = {
            "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "client": {**client.to_dict(), "documents": documents},
            "fields": [f.to_dict() for f in cf.fields(client_id)],
        }
        _write_private(
            folder / "klant.json",
            json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8"),
        )
    except OSError as e:
        if e.errno == 28:
            raise DiskFullError(
                f"De schijf is vol: de export naar {folder} is niet compleet."
            ) from e
        raise ClientFileError(f"De export naar {folder} is mislukt: {e.strerror or e}") from e
    return folder
