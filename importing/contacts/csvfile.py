"""CSV contact lists (Google, Outlook in English and Dutch with commas or semicolons,
Thunderbird, Excel lists made by hand, our own export) into Contacts.

Each physical line is decoded on its own (text.decode); a cell that spans lines (an
Outlook note) is joined from its lines; a quote that is never closed costs that row, not
the rest of the file. Columns are recognised by their header (columns.py).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from . import text as texts
from . import values as v
from .columns import IDENTIFYING, Column, column
from .model import Contact, ContactAddress, ContactList

DELIMITERS = ";,\t|"
MAX_LINES_PER_ROW = 200  # a quoted cell may hold line breaks (notes), not a whole file
# Excel runs a cell starting with one of these as a formula: our export puts a ' before it
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_QUOTED = re.compile(r'"[^"]*"')
_PHONE_SPLIT = re.compile(r"\s*:::\s*|\s*[,;/]\s*(?=[+0(])")
GOOGLE_GROUPS = {"* mycontacts", "* starred", "mycontacts", "starred"}


def unguard(value: str) -> str:
    """A cell as it was before the export's formula guard: "'=SOM(1)" -> "=SOM(1)"
    (and "''x" -> "'x": the export guards a leading quote too, so this is exact)."""
    if value[:1] == "'" and value[1:2] and value[1] in (*FORMULA_START, "'"):
        return value[1:]
    return value


def sniff_delimiter(first_line: str) -> str:
    outside = _QUOTED.sub("", first_line)  # "Werkadres, straat" in a ;-separated file
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def header_cells(first_line: str) -> list[str]:
    delimiter = sniff_delimiter(first_line)
    return next(csv.reader([first_line], delimiter=delimiter), [])


def is_contact_header(first_line: str) -> bool:
    kinds = {c.kind for c in map(column, header_cells(first_line)) if c is not None}
    return bool(kinds & IDENTIFYING)


def records(data: bytes) -> Iterator[tuple[int, str | None]]:
    """(line number, text of one record) for each record; None for a record whose quote
    is never closed (reported; reading goes on at the next line)."""
    lines = [texts.decode(line) for line in texts.lines(data)]
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


def read_csv(data: bytes, region: str) -> ContactList:
    """Every row of a CSV file (8-bit bytes, see text.eight_bit)."""
    result = ContactList()
    rows = records(data)
    first = next(rows, None)
    if first is None or first[1] is None:
        return result
    delimiter = sniff_delimiter(first[1].rstrip("\r\n"))
    header = next(csv.reader([first[1]], delimiter=delimiter), [])
    columns = [column(cell) for cell in header]
    result.unknown_columns = [
        h.strip() for h, c in zip(header, columns, strict=True) if c is None and h.strip()
    ]
    for line_no, record in rows:
        if record is None:
            result.skipped.append((f"rij {line_no}", "aanhalingsteken niet gesloten"))
            continue
        try:
            row = next(csv.reader(io.StringIO(record, newline=""), delimiter=delimiter), [])
        except csv.Error as e:
            result.skipped.append((f"rij {line_no}", f"regel niet te lezen ({e})"))
            continue
        if not any(cell.strip() for cell in row):
            continue
        if any(c.strip() for c in row[len(header) :]):
            reason = f"{len(row)} kolommen, de kopregel heeft er {len(header)}"
            result.skipped.append((f"rij {line_no}", reason))
            continue
        contact = _row_contact(list(zip(columns, header, row, strict=False)), line_no, region)
        result.dropped_unknown += contact.values_unknown
        if contact.empty:
            result.skipped.append((f"rij {line_no}", "geen naam, bedrijf, telefoon of e-mail"))
        else:
            result.contacts.append(contact)
    return result


# where Outlook writes a word for "nothing" (the Privé flag is taken for a phone column)
_MARKED = {"extra", "birthday", "birth_year", "birth_month", "birth_day", "phone", "drop"}
_SINGLE = ("name", "legal_form", "iban", "bic", "kvk", "btw", "client_since", "company")
_NAMES = ("first_name", "middle_name", "last_name", "tussenvoegsel", "prefix", "suffix")
_PARTS = ("street", "street2", "house_number", "house_suffix", "postcode", "city", "region",
          "country", "po_box", "address")  # fmt: skip


def _row_contact(cells: list[tuple[Column | None, str, str]], line_no: int, region: str):
    contact = Contact(f"rij {line_no}")
    phones: list[tuple[str, str]] = []
    names: dict[str, str] = {}
    groups: dict[str, dict[str, list[str]]] = {}
    birth: dict[str, str] = {}
    for col, header, raw in cells:
        value = v.clean(unguard(raw)).strip()
        if not value or (col is not None and col.kind in _MARKED and v.is_empty_mark(value)):
            continue  # Outlook's "Normaal", "Onwaar", "0-0-00" in a flag or date column
        if col is None:  # reported per column for the whole file
            contact.values_read += 1
            contact.values_unknown += 1
            continue
        if col.kind == "ignore":
            continue
        contact.values_read += 1
        kind = col.kind
        if kind in _SINGLE:
            _single(contact, kind, value, header)
        elif kind in _NAMES:
            names.setdefault(kind, value)
        elif kind in _PARTS:
            groups.setdefault(col.group, {}).setdefault(kind, []).append(value)
        elif kind == "phone":
            phones += [(p, col.group) for p in _PHONE_SPLIT.split(value) if p.strip()]
        elif kind == "email":
            v.add_emails(contact, value)
        elif kind == "note":
            contact.notes.append(value)
        elif kind == "status":
            _status(contact, value)
        elif kind == "birthday":
            contact.birthday = v.iso_date(value, day_first=not _us(value))
        elif kind.startswith("birth_"):
            birth[kind] = value
        elif kind == "extra":
            _extra(contact, col.label or header.strip(), value)
        elif kind == "drop":
            contact.drop(header.strip(), value, col.label)
    _names(contact, names)
    for group, parts in groups.items():
        _address(contact, group, parts)
    if birth and not contact.birthday:
        contact.birthday = _birth(birth)
    v.finish(contact, phones, region)
    return contact


def _single(contact: Contact, attr: str, value: str, header: str) -> None:
    current = getattr(contact, attr)
    if not current:
        setattr(contact, attr, value)
    elif current != value:
        contact.keep_extra(header.strip(), value)  # a second IBAN: kept, as a note line


def _names(contact: Contact, names: dict[str, str]) -> None:
    if any(k in names for k in ("first_name", "middle_name", "last_name", "tussenvoegsel")):
        v.set_names(
            contact,
            given=names.get("first_name", ""),
            additional=names.get("middle_name", ""),
            family=names.get("last_name", ""),
            tussenvoegsel=names.get("tussenvoegsel"),
        )
    contact.prefix = names.get("prefix")
    contact.suffix = names.get("suffix")


def _status(contact: Contact, value: str) -> None:
    status = {"active": "active", "actief": "active", "archived": "archived",
              "gearchiveerd": "archived"}.get(value.strip().lower())  # fmt: skip
    if status:
        contact.status = status
    else:
        contact.drop("status", value, "geen bekende status (actief of gearchiveerd)")


def _extra(contact: Contact, label: str, value: str) -> None:
    if label == "Groepen":
        groups = [g.strip() for g in re.split(r"\s*:::\s*", value)]
        value = ", ".join(g for g in groups if g and g.casefold() not in GOOGLE_GROUPS)
    if value:
        contact.keep_extra(label, value)


def _us(value: str) -> bool:
    """5/17/1980: a US date (Outlook in English writes month/day/year with slashes)."""
    found = re.match(r"^(\d{1,2})/(\d{1,2})/\d{2,4}$", value.strip())
    return bool(found) and int(found[1]) <= 12


def _birth(birth: dict[str, str]) -> str:
    year, month, day = (birth.get(f"birth_{k}", "") for k in ("year", "month", "day"))
    if month.isdigit() and day.isdigit():
        if year.isdigit():
            return v.iso_date(f"{int(year):04d}-{int(month):02d}-{int(day):02d}")
        return f"--{int(month):02d}-{int(day):02d}"
    return " ".join(p for p in (day, month, year) if p)


def _address(contact: Contact, group: str, parts: dict[str, list[str]]) -> None:
    first = {k: (vals[0] if vals else None) for k, vals in parts.items()}
    kind = group if group in ("work", "home", "other") else ""
    if first.get("address") and not first.get("street"):
        # "Adres" as text (Google's formatted one, a hand-made list); the columns beside it
        # (postcode, plaats) say the rest
        address = v.parse_address_text(first["address"], kind)
        address.city = first.get("city") or address.city
        if first.get("house_number"):
            address.house_number = first["house_number"] + (first.get("house_suffix") or "")
    else:
        address = ContactAddress(kind, city=first.get("city"))
        if first.get("house_number"):
            address.street = first.get("street")
            address.house_number = first["house_number"] + (first.get("house_suffix") or "")
        elif first.get("street"):
            address.street, address.house_number = v.split_street(first["street"])
    if first.get("country"):
        v.set_country(address, first["country"])
    if first.get("postcode"):
        address.postcode = v.normal_postcode(first["postcode"], address.country)
    address.region = first.get("region")
    address.po_box = first.get("po_box")
    extended = [*parts.get("street2", []), *parts.get("street", [])[1:]]
    address.extended = ", ".join(extended) or None
    if address.empty and address.po_box:
        address.street, address.house_number, address.po_box = "Postbus", address.po_box, None
    if not address.empty or address.country or address.region or address.extended:
        contact.addresses.append(address)
