"""Importing existing contact lists: CSV (Dutch Excel exports) and vCard 3/4.

    from storage.contacts import import_contact_file, is_contact_file
    if is_contact_file(path):
        result = import_contact_file(path, cf)

Columns are mapped by their (Dutch or English) name; what is not understood is reported,
never guessed. A row that matches an existing client by phone or e-mail updates that
client instead of creating a second one.
"""

from __future__ import annotations

import csv
import io
import quopri
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import phones as phone_numbers
from .models import CLIENT_FIELDS, Address, Phone
from .search import fold

if TYPE_CHECKING:
    from .clientfile import ClientFile

SNIFF_BYTES = 64 * 1024
MAX_FILE_BYTES = 50 * 1024 * 1024
DELIMITERS = ";,\t|"

# Header names, folded and stripped to letters, mapped to what they hold. A trailing
# number ("Telefoon 2", "E-mail 3") is removed before the lookup.
COLUMN_NAMES: dict[str, str] = {
    **dict.fromkeys(
        [
            "naam",
            "volledigenaam",
            "name",
            "fullname",
            "weergavenaam",
            "displayname",
            "contactpersoon",
            "contact",
            "klant",
            "klantnaam",
            "relatie",
            "relatienaam",
        ],
        "name",
    ),
    **dict.fromkeys(["voornaam", "firstname", "givenname", "roepnaam", "voornamen"], "first_name"),
    **dict.fromkeys(
        ["achternaam", "lastname", "familienaam", "surname", "familyname"], "last_name"
    ),
    **dict.fromkeys(
        ["tussenvoegsel", "tussenvoegsels", "tussenv", "voorvoegsel", "infix"], "tussenvoegsel"
    ),
    **dict.fromkeys(
        [
            "bedrijf",
            "bedrijfsnaam",
            "company",
            "organisatie",
            "organization",
            "organisation",
            "firma",
            "onderneming",
            "handelsnaam",
        ],
        "company",
    ),
    **dict.fromkeys(["rechtsvorm", "legalform"], "legal_form"),
    **dict.fromkeys(
        ["adres", "address", "straatenhuisnummer", "bezoekadres", "woonadres", "postadres"],
        "address",
    ),
    **dict.fromkeys(["straat", "street", "straatnaam"], "street"),
    **dict.fromkeys(
        ["huisnummer", "huisnr", "nr", "nummer", "housenumber", "number"], "house_number"
    ),
    **dict.fromkeys(["toevoeging", "huisnummertoevoeging", "huisletter"], "house_suffix"),
    **dict.fromkeys(["postcode", "zip", "zipcode", "postalcode", "postcodecijfers"], "postcode"),
    **dict.fromkeys(
        ["plaats", "woonplaats", "city", "stad", "vestigingsplaats", "town", "gemeente"], "city"
    ),
    **dict.fromkeys(["land", "country", "countrycode"], "country"),
    **dict.fromkeys(
        [
            "telefoon",
            "tel",
            "telefoonnummer",
            "phone",
            "telephone",
            "vast",
            "telefoonvast",
            "telefoonwerk",
            "werk",
            "prive",
            "telefoonprive",
            "fax",
            "phonenumber",
            "telnr",
        ],
        "phone",
    ),
    **dict.fromkeys(
        [
            "mobiel",
            "mobile",
            "gsm",
            "mobielnummer",
            "mobieletelefoon",
            "mobilephone",
            "cell",
            "cellphone",
            "telefoonmobiel",
        ],
        "mobile",
    ),
    **dict.fromkeys(["email", "emailadres", "mail", "mailadres", "emailaddress"], "email"),
    **dict.fromkeys(
        ["iban", "rekeningnummer", "bankrekening", "bankrekeningnummer", "rekening"], "iban"
    ),
    **dict.fromkeys(["bic", "swift"], "bic"),
    **dict.fromkeys(["kvk", "kvknummer", "kvknr", "kamervankoophandel", "cocnumber"], "kvk"),
    **dict.fromkeys(
        ["btw", "btwnummer", "btwnr", "btwid", "vat", "vatnumber", "btwidnummer"], "btw"
    ),
    **dict.fromkeys(["klantsinds", "clientsince"], "client_since"),
    **dict.fromkeys(["status"], "status"),
    **dict.fromkeys(
        ["notitie", "notities", "opmerking", "opmerkingen", "note", "notes", "memo"], "note"
    ),
    # our own export's number: known, deliberately not imported (ids are per file)
    **dict.fromkeys(["klantnummer", "id"], "ignore"),
}
# A header is ours when it holds at least one column that identifies a person.
IDENTIFYING = {"name", "first_name", "last_name", "company", "phone", "mobile", "email"}
PARTICLES = (
    "van der",
    "van den",
    "van de",
    "van 't",
    "in 't",
    "in de",
    "op de",
    "uit de",
    "van",
    "de",
    "den",
    "der",
    "ter",
    "ten",
    "te",
    "het",
    "'t",
    "la",
    "le",
    "du",
)
_POSTCODE = re.compile(r"\b(\d{4})\s?([A-Za-z]{2})\b")
_STREET_NUMBER = re.compile(
    r"^(?P<street>.*?\D)\s*(?P<number>\d+(?:\s?[-/]?\s?[A-Za-z0-9]{1,4})?)$"
)
_NON_LETTERS = re.compile(r"[^a-z]")


@dataclass
class ContactImportResult:
    """What an import of one contact file did; rows are file lines counted from 1 (the
    header is line 1; for vCards: the card number)."""

    created: int = 0
    updated: int = 0
    skipped_rows: list[tuple[int, str]] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    # values that were left out of an imported row (row number, Dutch explanation)
    warnings: list[tuple[int, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "skipped_rows": [{"row": r, "reason": why} for r, why in self.skipped_rows],
            "unknown_columns": list(self.unknown_columns),
            "warnings": [{"row": r, "warning": why} for r, why in self.warnings],
        }


@dataclass
class Contact:
    """One person or company as read from a row or card, before matching."""

    columns: dict[str, str] = field(default_factory=dict)
    phones: list[Phone] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    address: Address | None = None
    note: str | None = None

    def is_empty(self) -> bool:
        return not (
            self.columns.get("name") or self.columns.get("company") or self.phones or self.emails
        )


# -- recognising a file -------------------------------------------------------------------


def decode(data: bytes) -> str:
    """Text of a contact file: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252
    (what Dutch Excel writes by default)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def column_kind(header: str) -> str | None:
    """What a header cell holds ('phone', 'city', ...) or None when it is not understood."""
    key = _NON_LETTERS.sub("", fold(header.strip()))
    return COLUMN_NAMES.get(key)


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def _looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))


def is_contact_file(path: Path) -> bool:
    """True when the file is a vCard or a CSV whose header row we recognise (by content)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(SNIFF_BYTES)
    except OSError:
        return False
    if not data or _looks_binary(data):
        return False
    text = decode(data).lstrip("\ufeff \t\r\n")
    if text[:11].upper() == "BEGIN:VCARD":
        return True
    first_line = text.split("\n", 1)[0].rstrip("\r")
    delimiter = _sniff_delimiter(first_line)
    cells = next(csv.reader([first_line], delimiter=delimiter), [])
    kinds = {column_kind(c) for c in cells}
    return len(cells) >= 1 and bool(kinds & IDENTIFYING)


# -- reading rows -------------------------------------------------------------------------


def _split_particle(last: str) -> tuple[str, str]:
    """('de', 'Vries') from 'de Vries'; ('', 'Jansen') when there is no particle."""
    lowered = last.lower()
    for particle in PARTICLES:
        if lowered.startswith(particle + " ") and len(last) > len(particle) + 1:
            return last[: len(particle)], last[len(particle) + 1 :].strip()
    return "", last


def parse_address_line(line: str) -> Address:
    """'Kerkstraat 12a, 1234 AB Zwolle' (or parts of it) into an Address."""
    text = line.strip()
    postcode = city = None
    match = _POSTCODE.search(text)
    if match:
        postcode = f"{match.group(1)} {match.group(2).upper()}"
        after = text[match.end() :].strip(" ,")
        city = after or None
        text = text[: match.start()].strip(" ,")
    elif "," in text:
        text, city = (part.strip() for part in text.rsplit(",", 1))
        city = city or None
    street, number = text or None, None
    found = _STREET_NUMBER.match(text) if text else None
    if found:
        street, number = found.group("street").strip(" ,") or None, found.group("number")
    return Address(street=street, house_number=number, postcode=postcode, city=city)


def _normal_postcode(value: str) -> str:
    match = _POSTCODE.fullmatch(value.strip())
    return f"{match.group(1)} {match.group(2).upper()}" if match else value.strip()


def _phone(value: str, kind: str | None, region: str) -> Phone | None:
    e164 = phone_numbers.normalize(value, region)
    if e164 is None:
        return None
    return Phone(e164, value.strip(), kind or phone_numbers.kind_of(e164))


def _contact_from_cells(
    cells: dict[str, list[str]], region: str, row: int, warnings: list[tuple[int, str]]
) -> Contact:
    """A Contact from the values of one CSV row grouped by column kind."""
    contact = Contact()
    for kind in CLIENT_FIELDS:
        values = [v for v in cells.get(kind, []) if v]
        if values:
            contact.columns[kind] = values[0]
    status = next((v.lower() for v in cells.get("status", []) if v), None)
    if status in ("active", "archived"):
        contact.columns["status"] = status
    for kind in ("phone", "mobile"):
        for value in cells.get(kind, []):
            for part in re.split(r"\s*[,;/]\s*(?=[+0(])", value):
                if not part.strip():
                    continue
                phone = _phone(part, "mobile" if kind == "mobile" else None, region)
                if phone is None:
                    warnings.append((row, f"telefoonnummer niet begrepen: {part.strip()!r}"))
                elif all(p.e164 != phone.e164 for p in contact.phones):
                    contact.phones.append(phone)
    for value in cells.get("email", []):
        for part in re.split(r"[,;\s]+", value):
            if not part:
                continue
            if "@" in part and "." in part.rsplit("@", 1)[-1]:
                if part.lower() not in (e.lower() for e in contact.emails):
                    contact.emails.append(part)
            else:
                warnings.append((row, f"e-mailadres niet begrepen: {part!r}"))
    _address_from_cells(contact, cells)
    notes = [v for v in cells.get("note", []) if v]
    contact.note = "\n".join(notes) or None
    _complete_names(contact)
    return contact


def _address_from_cells(contact: Contact, cells: dict[str, list[str]]) -> None:
    first = {
        k: next((v for v in cells.get(k, []) if v), None)
        for k in (
            "address",
            "street",
            "house_number",
            "house_suffix",
            "postcode",
            "city",
            "country",
        )
    }
    address = parse_address_line(first["address"]) if first["address"] else Address()
    if first["street"]:
        parsed = parse_address_line(first["street"])
        address.street = parsed.street
        address.house_number = address.house_number or parsed.house_number
    if first["house_number"]:
        address.house_number = first["house_number"]
    if first["house_suffix"] and address.house_number:
        address.house_number = f"{address.house_number}{first['house_suffix']}"
    if first["postcode"]:
        address.postcode = _normal_postcode(first["postcode"])
    if first["city"]:
        address.city = first["city"]
    if first["country"] and len(first["country"]) == 2:
        address.country = first["country"].upper()
    if address.street or address.postcode or address.city:
        contact.address = address


def _complete_names(contact: Contact) -> None:
    cols = contact.columns
    if cols.get("last_name") and not cols.get("tussenvoegsel"):
        particle, last = _split_particle(cols["last_name"])
        if particle:
            cols["tussenvoegsel"], cols["last_name"] = particle, last
    if not cols.get("name"):
        parts = [cols.get("first_name"), cols.get("tussenvoegsel"), cols.get("last_name")]
        cols["name"] = " ".join(p for p in parts if p) or cols.get("company") or ""
    if not cols["name"] and (contact.phones or contact.emails):
        cols["name"] = contact.emails[0] if contact.emails else contact.phones[0].written or ""


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
MAX_LINES_PER_ROW = 10  # a quoted cell may hold line breaks (Excel), but not a whole file


def csv_records(text: str) -> Iterator[tuple[int, str | None]]:
    """(line number, text of one record) for each record; None for a record whose quote is
    never closed. Such a row is reported and reading goes on at the next line, instead
    of the csv module swallowing the rest of the file into one cell."""
    # Only CR and LF end a line (str.splitlines would also split on NEL, VT, FS... which
    # may stand inside a cell).
    lines = [line for line in _LINES.findall(text) if line]
    i = 0
    while i < len(lines):
        record, j = lines[i], i
        while record.count('"') % 2 and j + 1 < len(lines) and j - i < MAX_LINES_PER_ROW:
            j += 1
            record += lines[j]
        if record.count('"') % 2:
            yield i + 1, None
            i += 1
            continue
        yield i + 1, record
        i = j + 1


def read_csv(text: str, region: str, result: ContactImportResult) -> Iterator[tuple[int, Contact]]:
    """(line number, contact) for every good row; bad rows go to result.skipped_rows."""
    records = csv_records(text.lstrip("\ufeff"))
    first = next(records, None)
    if first is None or first[1] is None:
        return
    delimiter = _sniff_delimiter(first[1].rstrip("\r\n"))
    header = next(csv.reader([first[1]], delimiter=delimiter), [])
    kinds = [column_kind(cell) for cell in header]
    result.unknown_columns = [c for c, k in zip(header, kinds, strict=True) if k is None and c]
    for line_no, record in records:
        if record is None:
            result.skipped_rows.append((line_no, "aanhalingsteken niet gesloten"))
            continue
        try:
            row = next(csv.reader(io.StringIO(record, newline=""), delimiter=delimiter), [])
        except csv.Error as e:
            result.skipped_rows.append((line_no, f"regel niet te lezen ({e})"))
            continue
        if not any(cell.strip() for cell in row):
            continue
        extra = [c for c in row[len(header) :] if c.strip()]
        if extra:
            result.skipped_rows.append(
                (line_no, f"{len(row)} kolommen, de kopregel heeft er {len(header)}")
            )
            continue
        cells: dict[str, list[str]] = {}
        for kind, value in zip(kinds, row, strict=False):
            if kind and kind != "ignore":
                cells.setdefault(kind, []).append(value.strip())
        contact = _contact_from_cells(cells, region, line_no, result.warnings)
        if contact.is_empty():
            result.skipped_rows.append((line_no, "geen naam, bedrijf, telefoon of e-mail"))
            continue
        yield line_no, contact


# -- vCard --------------------------------------------------------------------------------


def _unfold(text: str) -> list[str]:
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] += raw[1:]
        elif lines and lines[-1].endswith("=") and "QUOTED-PRINTABLE" in lines[-1].upper():
            lines[-1] = lines[-1][:-1] + raw  # vCard 2.1 soft line break
        else:
            lines.append(raw)
    return [line for line in lines if line.strip()]


def _unescape(value: str) -> str:
    return (
        value.replace("\\n", "\n")
        .replace("\\N", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\")
    )


def _split_components(value: str) -> list[str]:
    return [_unescape(p) for p in re.split(r"(?<!\\);", value)]


def _vcard_property(line: str) -> tuple[str, dict[str, str], str] | None:
    head, sep, value = line.partition(":")
    if not sep:
        return None
    name, *params = head.split(";")
    name = name.rsplit(".", 1)[-1].upper()  # "item1.TEL" -> TEL
    options: dict[str, str] = {}
    for param in params:
        key, eq, val = param.partition("=")
        if eq:
            options[key.upper()] = options.get(key.upper(), "") + "," + val.strip('"')
        else:
            options.setdefault("TYPE", "")
            options["TYPE"] += "," + key  # vCard 2.1 bare types: TEL;CELL:...
    if "QUOTED-PRINTABLE" in options.get("ENCODING", "").upper():
        charset = options.get("CHARSET", ",utf-8").strip(",") or "utf-8"
        try:
            value = quopri.decodestring(value.encode("latin-1", "replace")).decode(
                charset, "replace"
            )
        except LookupError:
            value = quopri.decodestring(value.encode("latin-1", "replace")).decode(
                "utf-8", "replace"
            )
    return name, options, value


def read_vcards(
    text: str, region: str, result: ContactImportResult
) -> Iterator[tuple[int, Contact]]:
    """(card number, contact) for every good card; numbering starts at 1."""
    card: list[tuple[str, dict[str, str], str]] | None = None
    number = 0
    for line in _unfold(text):
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            card = []
            number += 1
            continue
        if upper == "END:VCARD":
            if card is not None:
                contact = _contact_from_card(card, region, number, result.warnings)
                if contact.is_empty():
                    result.skipped_rows.append((number, "kaart zonder naam, telefoon of e-mail"))
                else:
                    yield number, contact
            card = None
            continue
        if card is None:
            continue
        prop = _vcard_property(line)
        if prop is not None:
            card.append(prop)
    if card is not None:
        result.skipped_rows.append((number, "kaart zonder END:VCARD (bestand afgebroken?)"))


def _contact_from_card(
    card: list[tuple[str, dict[str, str], str]],
    region: str,
    number: int,
    warnings: list[tuple[int, str]],
) -> Contact:
    contact = Contact()
    cols = contact.columns
    for name, options, value in card:
        types = options.get("TYPE", "").lower()
        if name == "FN" and value.strip():
            cols["name"] = _unescape(value).strip()
        elif name == "N":
            parts = [*_split_components(value), "", "", ""]
            family, given, additional = parts[0].strip(), parts[1].strip(), parts[2].strip()
            if family:
                particle, last = _split_particle(family)
                cols["last_name"] = last
                if particle or additional:
                    cols["tussenvoegsel"] = particle or additional
            if given:
                cols["first_name"] = given
        elif name == "ORG" and value.strip():
            cols["company"] = _split_components(value)[0].strip()
        elif name == "TEL":
            raw = re.sub(r"^(tel|callto):", "", value.strip(), flags=re.IGNORECASE)
            phone = _phone(raw, "mobile" if "cell" in types else None, region)
            if phone is None:
                warnings.append((number, f"telefoonnummer niet begrepen: {raw!r}"))
            elif all(p.e164 != phone.e164 for p in contact.phones):
                contact.phones.append(phone)
        elif name == "EMAIL" and "@" in value:
            email = _unescape(value).strip().removeprefix("mailto:")
            if email.lower() not in (e.lower() for e in contact.emails):
                contact.emails.append(email)
        elif name == "ADR" and contact.address is None:
            parts = [*_split_components(value), "", "", "", "", "", "", ""]
            parsed = parse_address_line(parts[2]) if parts[2].strip() else Address()
            address = Address(
                street=parsed.street,
                house_number=parsed.house_number,
                postcode=_normal_postcode(parts[5]) if parts[5].strip() else parsed.postcode,
                city=parts[3].strip() or parsed.city,
            )
            country = parts[6].strip()
            if len(country) == 2:
                address.country = country.upper()
            if address.street or address.postcode or address.city:
                contact.address = address
        elif name == "NOTE" and value.strip():
            contact.note = _unescape(value).strip()
        elif name in ("X-KVK", "X-IBAN", "X-BTW"):
            cols[name[2:].lower()] = value.strip()
    _complete_names(contact)
    return contact


# -- storing ------------------------------------------------------------------------------


def _match(cf: ClientFile, contact: Contact) -> int | None:
    for phone in contact.phones:
        found = cf.find_by_key("phone", phone.e164)
        if found:
            return found[0]
    for email in contact.emails:
        found = cf.find_by_key("email", email)
        if found:
            return found[0]
    return None


def _store(cf: ClientFile, conn: sqlite3.Connection, contact: Contact) -> bool:
    """Create or update one client; True when it was created."""
    existing = _match(cf, contact)
    if existing is None:
        client_id = cf.create_client(
            conn,
            phones=contact.phones,
            emails=contact.emails,
            addresses=[contact.address] if contact.address else [],
            **contact.columns,
        )
        if contact.note:
            cf.add_note(client_id, contact.note, conn=conn)
        return True
    current = cf.client(existing)
    # Fill in what the client file does not know yet; never overwrite what a person typed.
    missing = {k: v for k, v in contact.columns.items() if v and not current.get(k)}
    missing.pop("name", None)
    if missing:
        cf.update_client(conn, existing, **missing)
    for phone in contact.phones:
        if phone.e164 not in current["phones"]:
            cf.add_phone(conn, existing, phone)
    known_emails = {e.lower() for e in current["emails"]}
    for email in contact.emails:
        if email.lower() not in known_emails:
            cf.add_email(conn, existing, email)
    if contact.address and not any(_same_address(contact.address, a) for a in current["addresses"]):
        cf.add_address(conn, existing, contact.address)
    if contact.note and contact.note not in (n["text"] for n in current["notes"]):
        cf.add_note(existing, contact.note, conn=conn)
    return False


def _same_address(address: Address, known: dict) -> bool:
    def key(postcode: str | None, number: str | None, street: str | None) -> tuple:
        return (
            (postcode or "").replace(" ", "").upper(),
            (number or "").replace(" ", "").lower(),
            "" if postcode else fold(street or ""),
        )

    return key(address.postcode, address.house_number, address.street) == key(
        known.get("postcode"), known.get("house_number"), known.get("street")
    )


def import_contact_file(
    path: Path, cf: ClientFile, region: str | None = None
) -> ContactImportResult:
    """Import a CSV or vCard file into cf in one transaction; good rows are stored, bad rows
    listed in the result. Raises ClientFileError only when nothing could be stored."""
    from .errors import ContactFileError

    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ContactFileError(
                f"{path.name} is te groot voor een contactenlijst ({size // 1_000_000} MB)."
            )
        data = path.read_bytes()
    except OSError as e:
        raise ContactFileError(f"Kan {path} niet lezen: {e.strerror or e}") from e
    region = region or cf.region
    text = decode(data)
    result = ContactImportResult()
    if text.lstrip("\ufeff \t\r\n")[:11].upper() == "BEGIN:VCARD":
        contacts = read_vcards(text, region, result)
    else:
        contacts = read_csv(text, region, result)
    with cf.transaction() as conn:
        for number, contact in contacts:
            conn.execute("SAVEPOINT contact_row")
            try:
                created = _store(cf, conn, contact)
            except sqlite3.IntegrityError as e:
                conn.execute("ROLLBACK TO contact_row")
                conn.execute("RELEASE contact_row")
                result.skipped_rows.append((number, f"niet op te slaan ({e})"))
                continue
            conn.execute("RELEASE contact_row")
            if created:
                result.created += 1
            else:
                result.updated += 1
        cf.log(
            conn,
            "contacts",
            f"{result.created} nieuw, {result.updated} bijgewerkt, "
            f"{len(result.skipped_rows)} overgeslagen",
        )
    return result
