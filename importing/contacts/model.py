"""What a contact list holds, program-neutral: one Contact per card or row.

A reader (vcard.py, csvfile.py) fills these from whatever the program wrote; every value
it read ends up in a field, in `extra` (kept as a note: the client file has no field for
it) or in `dropped` with the reason, so the import can say per contact what it left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class ContactPhone:
    e164: str
    written: str  # as the list has it
    kind: str = ""  # the list's own label: "mobile", "fax", "work", "home", ... or ""


@dataclass(slots=True)
class ContactAddress:
    kind: str = ""  # "work", "home", "other", or the list's own label ("1", "2")
    street: str | None = None
    house_number: str | None = None
    postcode: str | None = None
    city: str | None = None
    country: str | None = None  # ISO 3166 code when recognised, else as written
    region: str | None = None  # state or province
    po_box: str | None = None
    extended: str | None = None  # an extra address line ("2e verdieping")

    @property
    def empty(self) -> bool:
        return not (self.street or self.house_number or self.postcode or self.city)


@dataclass(slots=True)
class Dropped:
    """A value of the list that was not kept, with why (Dutch, shown to the user)."""

    what: str  # "telefoonnummer", "foto", the column or property name
    value: str
    reason: str

    def text(self) -> str:
        shown = self.value if len(self.value) <= 60 else self.value[:57] + "…"
        return (
            f"{self.what} {shown!r} niet overgenomen: {self.reason}"
            if shown
            else (f"{self.what} niet overgenomen: {self.reason}")
        )


@dataclass
class Contact:
    """One person or business as a contact list has it."""

    where: str  # "rij 3", "kaart 2": how the user finds it in the file
    name: str | None = None  # the full (display) name as written
    first_name: str | None = None  # given names, the additional ones included
    tussenvoegsel: str | None = None
    last_name: str | None = None
    prefix: str | None = None  # "Dr.", "mevr."
    suffix: str | None = None  # "jr.", "MSc"
    company: str | None = None
    phones: list[ContactPhone] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    addresses: list[ContactAddress] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    birthday: str | None = None  # ISO 8601 when it could be read so, else as written
    # the client file's own fields (our export, Excel lists made by hand)
    legal_form: str | None = None
    iban: str | None = None
    bic: str | None = None
    kvk: str | None = None
    btw: str | None = None
    client_since: str | None = None
    status: str | None = None
    # values without a field of their own: (Dutch label, value), kept as one note
    extra: list[tuple[str, str]] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    values_read: int = 0  # how many values the list held for this contact
    values_unknown: int = 0  # of those, in columns not understood (reported per column)

    @property
    def empty(self) -> bool:
        return not (
            self.name
            or self.last_name
            or self.first_name
            or self.company
            or self.phones
            or self.emails
        )

    @property
    def label(self) -> str:
        """How the report names it: "rij 3 (Jan Bakker)"."""
        name = self.name or self.company
        return f"{self.where} ({name})" if name else self.where

    def drop(self, what: str, value: str, reason: str) -> None:
        self.dropped.append(Dropped(what, value, reason))

    def keep_extra(self, label: str, value: str) -> None:
        if (label, value) not in self.extra:
            self.extra.append((label, value))


@dataclass
class ContactList:
    """What one file gave: its contacts, and what was wrong with the file itself (rows
    that could not be read, columns that were not understood)."""

    contacts: list[Contact] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # Dutch, one per problem
    unknown_columns: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (where, reason)
    dropped_unknown: int = 0  # values that stood in unknown columns (reported per column)
