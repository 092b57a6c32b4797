"""Import each corpus file into a fresh client file and hold the clients against what
they must be. Shared by the corpus test (asserts) and bench/contacts.py (prints)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from importing.contacts import import_contact_lists, read_contact_file
from storage import Client, ClientFile

from . import Expected, Sample

MOJIBAKE = re.compile("Ã|â€|Â|\ufffd")


@dataclass
class Outcome:
    format: str
    contacts: int = 0
    whole: int = 0
    kept: int = 0  # values of the list that are on a client (a field or a note)
    dropped: int = 0  # values not kept
    reported: int = 0  # of those, said in the report
    merged: int = 0  # people who became part of another client
    mojibake: int = 0
    problems: list[str] = field(default_factory=list)  # where the clients differ


def evaluate(sample: Sample, path: Path, db: Path) -> Outcome:
    outcome = Outcome(sample.format)
    with ClientFile.open(db) as cf:
        found = read_contact_file(path, cf.region)
        report = import_contact_lists([path], cf)
        clients = [cf.client(i) for i in cf.client_ids()]
    errors = [e["error"] for e in report.errors]
    outcome.contacts = len(found.contacts)
    outcome.merged = max(0, len(sample.contacts) - len(clients))
    unknown = [c for c in found.unknown_columns]
    if tuple(unknown) != sample.unknown_columns:
        outcome.problems.append(f"kolommen niet herkend: {unknown}")
    outcome.dropped += found.dropped_unknown
    if found.dropped_unknown and any("kolommen niet herkend" in e for e in errors):
        outcome.reported += found.dropped_unknown
    by_name = {c.name: c for c in clients}
    for contact in found.contacts:
        dropped = len(contact.dropped)
        outcome.dropped += dropped
        outcome.kept += contact.values_read - dropped - contact.values_unknown
        outcome.reported += sum(1 for e in errors if e.startswith(contact.label + ":"))
    for expected in sample.contacts:
        contact = next((c for c in found.contacts if c.name == expected.name), None)
        client = by_name.get(expected.name)
        if contact is None or client is None:
            outcome.problems.append(f"{expected.name}: niet ingelezen")
            continue
        differences = compare(expected, client)
        if len(contact.dropped) != expected.dropped:
            differences.append(f"{len(contact.dropped)} waarden niet overgenomen, "
                               f"verwacht {expected.dropped}: {contact.dropped}")  # fmt: skip
        outcome.problems += [f"{expected.name}: {d}" for d in differences]
        if not differences and not contact.dropped and not contact.values_unknown:
            outcome.whole += 1
        outcome.mojibake += sum(1 for text in _texts(client) if MOJIBAKE.search(text))
    return outcome


def compare(expected: Expected, client: Client) -> list[str]:
    found = []
    if sorted(client.numbers) != sorted(expected.phones):
        found.append(f"telefoon {client.numbers} != {list(expected.phones)}")
    if sorted(e.casefold() for e in client.emails) != sorted(expected.emails):
        found.append(f"e-mail {client.emails} != {list(expected.emails)}")
    addresses = [
        (a.street, a.house_number, a.postcode, a.city, a.country) for a in client.addresses
    ]
    if addresses != list(expected.addresses):
        found.append(f"adressen {addresses} != {list(expected.addresses)}")
    for key in ("company", "first_name", "tussenvoegsel", "last_name"):
        if getattr(expected, key) is not None and getattr(client, key) != getattr(expected, key):
            found.append(f"{key} {getattr(client, key)!r} != {getattr(expected, key)!r}")
    notes = "\n".join(n.text for n in client.notes)
    for text in expected.note_has:
        if text not in notes:
            found.append(f"notitie zonder {text!r}: {notes!r}")
    return found


def _texts(client: Client) -> list[str]:
    values = [client.name, client.first_name, client.last_name, client.company]
    values += [n.text for n in client.notes]
    values += [str(a.street) + str(a.city) for a in client.addresses]
    return [v for v in values if v]
