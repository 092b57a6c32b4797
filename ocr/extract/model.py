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
    "client_since",
)
SOURCES = ("label", "address-block", "signature", "folder", "pattern")
# Fields a client has one of; several different values for them mean "unsure".
SINGLE_VALUED = frozenset(
    {"first_name", "last_name", "name", "company", "street", "postcode", "city", "iban", "kvk",
     "btw", "client_since"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class FieldValue:
    """One reading of a field. box is (left, top, width, height) in original-image pixels."""

    field: str
    value: str
    confidence: float
    page_index: int
    box: Box | None
    source: str
    raw: str = ""  # as printed on the page ("06-12345678" for value "+31612345678")


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


def group_key(fv: FieldValue) -> str:
    if fv.field in ("phone", "iban", "kvk", "btw", "bic", "client_since"):
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

    def add(self, fv: FieldValue) -> None:
        self.candidates.setdefault(fv.field, []).append(fv)

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
                FieldValue(name, value, conf, rep.page_index, rep.box, rep.source, rep.raw)
            )
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
        return {"bsn_pages": list(self.bsn_pages), "ambiguous": sorted(self.ambiguous)}

    def is_empty(self) -> bool:
        return not any(self.candidates.values())
