"""Getting data out: all clients as JSON, CSV (Excel, Dutch locale) or vCard; everything
on one person (AVG); and putting a backup back."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ClientFileError, CorruptClientFileError, DiskFullError
from .phones import written as written_phone
from .schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from .clientfile import ClientFile

FORMATS = ("json", "csv", "vcard")
# Excel runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE_NAME = re.compile(r"[^\w.\- ]+", re.UNICODE)


# -- all clients ----------------------------------------------------------------------------


def all_clients(cf: ClientFile) -> list[dict]:
    """Every client in the `show` shape, by name."""
    return [cf.client(client_id) for client_id in cf.client_ids()]


def export_all(cf: ClientFile, format: str, out: Path | None) -> str | None:
    """Write every client in format to out (or return the text when out is None)."""
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    clients = all_clients(cf)
    if format == "json":
        text = json.dumps(clients, ensure_ascii=False, indent=2) + "\n"
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


def _excel_safe(value: str | None) -> str:
    text = value or ""
    return "'" + text if text.startswith(_FORMULA_START) else text


CSV_COLUMNS = [
    ("Klantnummer", lambda c: str(c["id"])),
    ("Naam", lambda c: c["name"]),
    ("Voornaam", lambda c: c["first_name"]),
    ("Tussenvoegsel", lambda c: c["tussenvoegsel"]),
    ("Achternaam", lambda c: c["last_name"]),
    ("Bedrijf", lambda c: c["company"]),
    ("Rechtsvorm", lambda c: c["legal_form"]),
    ("Straat", lambda c: _first_address(c).get("street")),
    ("Huisnummer", lambda c: _first_address(c).get("house_number")),
    ("Postcode", lambda c: _first_address(c).get("postcode")),
    ("Plaats", lambda c: _first_address(c).get("city")),
    ("Land", lambda c: _first_address(c).get("country")),
    ("IBAN", lambda c: c["iban"]),
    ("BIC", lambda c: c["bic"]),
    ("KvK", lambda c: c["kvk"]),
    ("BTW", lambda c: c["btw"]),
    ("Klant sinds", lambda c: c["client_since"]),
    ("Status", lambda c: c["status"]),
]


def _first_address(client: dict) -> dict:
    return client["addresses"][0] if client["addresses"] else {}


def clients_to_csv(clients: list[dict]) -> str:
    """';'-separated with CRLF, the columns the contact import reads back; as many
    Telefoon/E-mail columns as the client with the most of them needs."""
    phones = max((len(c["phones"]) for c in clients), default=0) or 1
    emails = max((len(c["emails"]) for c in clients), default=0) or 1
    header = [name for name, _ in CSV_COLUMNS]
    header += ["Telefoon" + (f" {i + 1}" if i else "") for i in range(phones)]
    header += ["E-mail" + (f" {i + 1}" if i else "") for i in range(emails)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for client in clients:
        row = [_excel_safe(get(client)) for _, get in CSV_COLUMNS]
        row += [written_phone(p) for p in client["phones"]] + [""] * (
            phones - len(client["phones"])
        )
        row += [_excel_safe(e) for e in client["emails"]] + [""] * (emails - len(client["emails"]))
        writer.writerow(row)
    return buffer.getvalue()


def _vcard_escape(value: str | None) -> str:
    return (
        (value or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


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


def client_to_vcard(client: dict) -> str:
    """One vCard 3.0 (what phones and address books import most reliably)."""
    last = " ".join(p for p in (client["tussenvoegsel"], client["last_name"]) if p)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_vcard_escape(client['name'] or client['company'] or '')}",
        f"N:{_vcard_escape(last)};{_vcard_escape(client['first_name'])};;;",
    ]
    if client["company"]:
        lines.append(f"ORG:{_vcard_escape(client['company'])}")
    for phone in client.get("phone_details") or [
        {"e164": p, "kind": None} for p in client["phones"]
    ]:
        kind = "CELL" if phone.get("kind") == "mobile" else "VOICE"
        lines.append(f"TEL;TYPE={kind}:{phone['e164']}")
    for email in client["emails"]:
        lines.append(f"EMAIL;TYPE=INTERNET:{_vcard_escape(email)}")
    for address in client["addresses"]:
        street = " ".join(p for p in (address["street"], address["house_number"]) if p)
        lines.append(
            "ADR;TYPE=WORK:;;"
            + ";".join(
                _vcard_escape(v)
                for v in (street, address["city"], "", address["postcode"], address["country"])
            )
        )
    for key in ("kvk", "iban", "btw"):
        if client.get(key):
            lines.append(f"X-{key.upper()}:{_vcard_escape(client[key])}")
    lines += [f"UID:klantdossier-{client['id']}", "END:VCARD"]
    return "".join(_fold_line(line) for line in lines)


# -- one person (AVG) -----------------------------------------------------------------------


def export_client(cf: ClientFile, client_id: int, dest_folder: Path) -> Path:
    """klant-<id>/klant.json (card, fields with provenance, page texts, calls, notes) and
    klant-<id>/originelen/ with each document's original under its own name."""
    client = cf.client(client_id)
    folder = dest_folder / f"klant-{client_id}"
    originals = folder / "originelen"
    try:
        originals.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(folder, 0o700)
        documents = []
        for document in client["documents"]:
            pages = [
                {
                    "page_id": page_id,
                    "text": page.text,
                    "confidence": page.confidence,
                    "orientation": page.orientation,
                }
                for page_id, page in cf.pages(document["id"])
            ]
            name = _UNSAFE_NAME.sub("_", document["name"]).strip(". ") or "document"
            stored = f"{document['id']}-{name}"
            source = cf.original_path(document["sha256"])
            if source.is_file():
                shutil.copyfile(source, originals / stored)
                os.chmod(originals / stored, 0o600)
            documents.append(
                {
                    **document,
                    "original": f"originelen/{stored}" if source.is_file() else None,
                    "pages_text": pages,
                }
            )
        record = {
            "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "client": {**client, "documents": documents},
            "fields": cf.fields(client_id),
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


# -- restore ----------------------------------------------------------------------------------


def restore(cls: type[ClientFile], backup: Path, dest: Path) -> Path:
    backup, dest = backup.expanduser().absolute(), dest.expanduser().absolute()
    if not backup.is_file():
        raise ClientFileError(f"De reservekopie {backup} bestaat niet.")
    if backup == dest:
        raise ClientFileError("De reservekopie en het doel zijn hetzelfde bestand.")
    checked = cls.open(backup, read_only=True) if _version(backup) == SCHEMA_VERSION else None
    if checked is not None:
        checked.close()
    elif _version(backup) > SCHEMA_VERSION:
        raise CorruptClientFileError(
            f"{backup} is gemaakt met een nieuwere versie van Klantdossier; werk eerst bij."
        )
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    if dest.exists():
        aside = dest.with_name(f"{dest.name}.voor-terugzetten-{stamp}")
        for suffix in ("", "-wal", "-shm", ".originals"):
            current = dest.with_name(dest.name + suffix)
            if current.exists():
                current.rename(aside.with_name(aside.name + suffix))
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(dest, os.O_CREAT | os.O_WRONLY, 0o600))
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        target = sqlite3.connect(dest)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        originals = backup.with_name(backup.name + ".originals")
        if originals.is_dir():
            copy = dest.with_name(dest.name + ".originals")
            shutil.copytree(originals, copy, dirs_exist_ok=True)
            os.chmod(copy, 0o700)
    except (OSError, sqlite3.Error) as e:
        raise ClientFileError(f"Terugzetten naar {dest} is mislukt: {e}") from e
    cls.open(dest).close()  # migrates an older backup, proves the result opens
    return dest


def _version(path: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error as e:
        raise CorruptClientFileError(f"{path} is geen bruikbare reservekopie ({e}).") from e
