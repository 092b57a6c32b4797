"""Plain data types shared by storage/, ocr/ and gui/ (no behaviour, no I/O)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# The columns of a client that describe them (status aside), in the order a person reads
# them: the card, the merge dialog and the OCR fields all use these names.
CLIENT_FIELDS = (
    "name",
    "first_name",
    "tussenvoegsel",
    "last_name",
    "company",
    "legal_form",
    "kvk",
    "btw",
    "iban",
    "bic",
    "client_since",
)


@dataclass(frozen=True, slots=True)
class Word:
    """One OCR word with its box in pixels of the original image."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float

    def as_list(self) -> list:
        return [self.text, self.left, self.top, self.width, self.height, round(self.conf, 1)]

    @classmethod
    def from_list(cls, row: list) -> Word:
        return cls(str(row[0]), int(row[1]), int(row[2]), int(row[3]), int(row[4]), float(row[5]))


@dataclass(slots=True)
class PageText:
    """What was read from one page: text, words with boxes, and how the page was turned."""

    text: str
    words: list[Word] = field(default_factory=list)
    confidence: float | None = None
    orientation: int = 0  # degrees the scan was turned clockwise to be upright
    width: int = 0
    height: int = 0
    source: str = "ocr"  # "ocr" or "text-layer"


@dataclass(slots=True)
class Address:
    street: str | None = None
    house_number: str | None = None
    postcode: str | None = None
    city: str | None = None
    country: str = "NL"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Phone:
    e164: str
    written: str | None = None
    kind: str | None = None  # mobile, landline, other


@dataclass(slots=True)
class SearchHit:
    id: int
    name: str
    company: str | None
    city: str | None
    phones: list[str]
    snippet: str

    def to_dict(self) -> dict:
        return asdict(self)
