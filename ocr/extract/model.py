"""What extraction returns: candidates per field, each with confidence and provenance."""

from __future__ import annotations

from dataclasses import dataclass, field

from .text import fold
from .words import Box

FIELDS = (
    "first_name",
    "tussenvoegsel",
    "last_name",
    "name",
    "company",
    "legal_form",
    "street",
    "house_number",
    "postcode",
    "city",
    "phone",
    "email",
    "iban",
    "bic",
    "kvk",
    "btw",
    "vat",
    "client_since",
)
SOURCES = ("label", "address-block", "signature", "folder", "pattern")
# Fields a client has one of; several different values for them mean "unsure".
SINGLE_VALUED = frozenset(
    {"first_name", "last_name", "name", "company", "street", "postcode", "city", "iban", "kvk",
     "btw", "vat", "client_since"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class FieldValue:
    """One reading of a field. box is (left, top, width, height) in original-image pixels.

    zone says where it stood on the page, party whose value it is there (ocr.extract.layout):
    "sender" (letterhead, footer, signature), "recipient" (window address, T.a.v.),
    "subject" (an address the page is about: "Werkadres:", "Afleveradres:"), "card"
    (labelled rows of a client card) or None (running text, the folder tab).
    """

    field: str
    value: str
    confidence: float
    page_index: int
    box: Box | None
    source: str
    raw: str = ""  # as printed on the page ("06-12345678" for value "+31612345678")
    zone: str = "text"
    party: str | None = None
    least_sure: float = 1.0  # Tesseract's confidence (0-1) in the least sure word of it


@dataclass(frozen=True, slots=True)
class AddressValue:
    """Street, number, postcode and city read together from one place on a page."""

    street: str | None
    house_number: str | None
    postcode: str
    city: str | None
    confidence: float
    page_index: int
    source: str
    zone: str = "text"
    party: str | None = None
    box: Box | None = None


@dataclass(frozen=True, slots=True)
class PageParties:
    """The parties whose values were read on one page, and which of them is the client.

    reason: "one-party" (one party, or none, on the page), "card" (a client card: its
    labelled rows are the client), "own" (the other party is the own business), "folder"
    (the party that agrees with the rest of the folder), "wording" (decided by how the
    page is addressed: "Uw klantnummer" to a client, "t.a.v. de administratie" to a
    business; weaker), "subject" (a page to us about another address: a supplier's
    invoice with the client's house as its work address), "other" (the folder says who
    its client is and no party on the page is that client: a letter of another client, a
    supplier's invoice to us; held),
    "undecided" (two parties, nothing decides: for review).
    """

    page_index: int
    parties: tuple[str, ...]
    own: tuple[str, ...]
    client: str | None
    reason: str

    @property
    def undecided(self) -> bool:
        return self.reason == "undecided"


def group_key(fv: FieldValue) -> str:
    if fv.field in ("phone", "iban", "kvk", "btw", "vat", "bic", "client_since"):
        return fv.value
    if fv.field == "postcode":
        return fv.value.replace(" ", "").upper()
    return fold(fv.value)


@dataclass
class ExtractedClient:
    """Candidates per field, best first via best()/values(); flags for the review."""

    candidates: dict[str, list[FieldValue]] = field(default_factory=dict)
    addresses: list[AddressValue] = field(default_factory=list)
    bsn_pages: list[int] = field(default_factory=list)
    ambiguous: set[str] = field(default_factory=set)  # fields read with conflicting values
    folder_name: str | None = None  # the folder tab as written, a last resort for a name
    # Readings kept off the client: the other party of a page, both parties of an
    # undecided page. Never mixed into candidates; for review and own-business detection.
    held: list[FieldValue] = field(default_factory=list)
    held_addresses: list[AddressValue] = field(default_factory=list)
    pages: list[PageParties] = field(default_factory=list)
    # What was read before the own business was taken out, so without() can redo it.
    raw: object = field(default=None, compare=False, repr=False)
    owns: tuple = field(default=(), compare=False, repr=False)

    def add(self, fv: FieldValue) -> None:
        self.candidates.setdefault(fv.field, []).append(fv)

    def without(self, own: object) -> ExtractedClient:
        """The same pages as if own (an ocr.extract.OwnBusiness: our business, a common
        supplier) had been passed to extract_client too; cheap, nothing is read again."""
        from .parties import resolve

        if self.raw is None:  # made by hand (an empty result after a failed read)
            return self
        return resolve(self.raw, (*self.owns, own))

    @property
    def readings(self) -> list[FieldValue]:
        """Every reading not known to be ours: the client's and the held ones."""
        return [fv for found in self.candidates.values() for fv in found] + list(self.held)

    @property
    def undecided_pages(self) -> list[int]:
        """Pages with two parties where nothing decides which is the client."""
        return [p.page_index for p in self.pages if p.undecided]

    def all(self, name: str) -> list[FieldValue]:
        """Every reading of a field, in the order found."""
        return list(self.candidates.get(name, []))

    def values(self, name: str, min_confidence: float = 0.0) -> list[FieldValue]:
        """Distinct values of a field, best first; readings of the same value combined.

        The confidence of a value is 1 - prod(1 - c) over its readings (two independent
        places agreeing make it surer); the printed form is the surest reading's, except
        for names, where the folder's spelling (typed, not OCR'd) wins.
        """
        groups: dict[str, list[FieldValue]] = {}
        for fv in self.candidates.get(name, []):
            groups.setdefault(group_key(fv), []).append(fv)
        merged = []
        for readings in groups.values():
            miss = 1.0
            for fv in readings:
                miss *= 1.0 - max(0.0, min(fv.confidence, 0.99))
            conf = round(min(0.99, 1.0 - miss), 3)
            rep = max(readings, key=lambda f: f.confidence)
            folder = [f for f in readings if f.source == "folder"]
            value = folder[0].value if folder and len(readings) > 1 else rep.value
            merged.append(
                FieldValue(name, value, conf, rep.page_index, rep.box, rep.source, rep.raw,
                           rep.zone, rep.party)
            )  # fmt: skip
        merged.sort(key=lambda f: -f.confidence)
        return [f for f in merged if f.confidence >= min_confidence]

    def best(self, name: str, min_confidence: float = 0.0) -> FieldValue | None:
        found = self.values(name, min_confidence)
        return found[0] if found else None

    def value(self, name: str, min_confidence: float = 0.0) -> str | None:
        fv = self.best(name, min_confidence)
        return fv.value if fv else None

    @property
    def bsn_found(self) -> bool:
        return bool(self.bsn_pages)

    @property
    def flags(self) -> dict[str, object]:
        return {
            "bsn_pages": list(self.bsn_pages),
            "ambiguous": sorted(self.ambiguous),
            "undecided_pages": self.undecided_pages,
        }

    def is_empty(self) -> bool:
        return not any(self.candidates.values())
