"""Contacts into proposals: each contact of a list is a unit of its own, proposed like a
client folder and decided by the same rule (matching.py: one client only on a shared
identifier AND an agreeing name), so two cards that share an office number stay two
clients, and a card of a client already in the file updates that client."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from storage import ClientFile, ContactFileError

from ..matching import ASK, NEW, Decision
from ..model import CONTACT, Unit
from ..proposals import Proposal, ReviewField, decide_all
from ..report import ImportReport
from .model import Contact, ContactList
from .reading import read_contact_file

SOURCE = "contactenlijst"
FIELDS = ("name", "first_name", "tussenvoegsel", "last_name", "company", "legal_form",
          "iban", "bic", "kvk", "btw", "client_since", "status")  # fmt: skip


def _field(key: str, value: str, kind: str | None = None) -> ReviewField:
    return ReviewField(key, value, 1.0, source=SOURCE, kind=kind)


def contact_values(contact: Contact, region: str) -> dict[str, list[ReviewField]]:
    """The values of a proposal (proposals.py keys). Addresses go by index: the n-th
    street, postcode, city and country are one address (apply.py takes them so)."""
    values: dict[str, list[ReviewField]] = {}
    for key in FIELDS:
        value = getattr(contact, key)
        if value:
            values[key] = [_field(key, value)]
    values["phone"] = [
        _field("phone", p.e164, "mobile" if p.kind == "mobile" else None) for p in contact.phones
    ]
    values["email"] = [_field("email", e) for e in contact.emails]
    for address in (a for a in contact.addresses if not a.empty):
        for key in ("street", "house_number", "postcode", "city"):
            values.setdefault(key, []).append(_field(key, getattr(address, key) or ""))
        values.setdefault("country", []).append(_field("country", address.country or region))
    notes = list(contact.notes)
    if contact.extra:
        notes.append("\n".join(f"{label}: {value}" for label, value in contact.extra))
    values["note"] = [_field("note", n) for n in notes]
    return values


class ContactLists:
    """The contact lists found by one import run: read into proposals that join the
    paper's before the matching, and logged per file once applied."""

    def __init__(self) -> None:
        self.paths: list[Path] = []
        self.proposals: dict[Path, list[Proposal]] = {}
        self.skipped: dict[Path, int] = {}

    def add(self, path: Path) -> None:
        self.paths.append(path)

    def join(
        self, cf: ClientFile, report: ImportReport, proposals: list[Proposal]
    ) -> list[Proposal]:
        """The paper's proposals with a proposal per contact after them, all decided
        together; a contact is accepted at once unless the rule has to ask."""
        added: list[Proposal] = []
        for path in self.paths:
            if path not in self.proposals:
                self.proposals[path] = self._read(path, cf.region, report)
            added += self.proposals[path]
        if not added:
            return proposals
        everything = [*proposals, *added]
        decide_all(cf, everything)
        for proposal in added:
            proposal.accepted = proposal.decision.kind != ASK
        return everything

    def _read(self, path: Path, region: str, report: ImportReport) -> list[Proposal]:
        try:
            found = read_contact_file(path, region)
        except ContactFileError as e:
            report.error(path, str(e))
            return []
        report_list(path, found, report)
        self.skipped[path] = len(found.skipped)
        return [
            Proposal(_unit(path, c), contact_values(c, region), Decision()) for c in found.contacts
        ]

    def log(self, cf: ClientFile, applied: Sequence[Proposal]) -> None:
        """One line per list in the import log: counts, never names."""
        done = {id(p) for p in applied if p.accepted}
        for path, proposals in self.proposals.items():
            stored = [p for p in proposals if id(p) in done]
            new = sum(1 for p in stored if p.decision.kind == NEW and p.joins is None)
            cf.log(
                "contacts",
                f"{new} nieuw, {len(stored) - new} bijgewerkt, "
                f"{self.skipped.get(path, 0)} overgeslagen",
            )


def _unit(path: Path, contact: Contact) -> Unit:
    return Unit(f"{path}, {contact.where}", CONTACT, files=[path])


def report_list(path: Path, found: ContactList, report: ImportReport) -> None:
    """What the file did not give, said per row or card: skipped rows, columns not
    understood, and per contact each value not kept with why."""
    for where, reason in found.skipped:
        report.error(path, f"{where}: {reason}")
    if found.unknown_columns:
        report.error(
            path, "kolommen niet herkend (niet ingelezen): " + ", ".join(found.unknown_columns)
        )
    for contact in found.contacts:
        for dropped in contact.dropped:
            report.error(path, f"{contact.label}: {dropped.text()}")
