"""Plain data types shared by storage/, ocr/ and gui/ (no behaviour, no I/O)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# The columns that name a client, person or company: the export puts them first, and
# search ranks a match in them above one in the other details.
CLIENT_NAME_FIELDS = (
    "name",
    "first_name",
    "tussenvoegsel",
    "last_name",
    "company",
    "legal_form",
)
# The columns of a client that describe them (status aside), in the order a person reads
# them: the card, the merge dialog and the OCR fields all use these names.
CLIENT_FIELDS = (*CLIENT_NAME_FIELDS, "kvk", "btw", "iban", "bic", "client_since")


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


@dataclass(slots=True)
class StoredAddress(Address):
    """An address as the client file holds it: with the id update_address needs."""

    id: int = 0

    def to_dict(self) -> dict:
        # "id" first, as the JSON shape of DESIGN.md has it
        return {"id": self.id, **asdict(self)}


@dataclass(frozen=True, slots=True)
class ImportMerge:
    """Paper an import joined to a client it took it to be (to undo from the card)."""

    id: int
    client_id: int
    at: str
    label: str  # the folder or file it came from
    reason: str  # why the import took it to be this client
    documents: tuple[int, ...]

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """One stored document of a client (its pages come from ClientFile.pages). frames:
    which pages of the original file are this document's (None: all of them, in order),
    for one client's part of a stack file kept whole."""

    id: int
    name: str
    pages: int
    sha256: str
    frames: tuple[int, ...] | None = None
    client_id: int | None = None

    def frame(self, page: int) -> int:
        """The page (0-based) of the original file that is page `page` of the document."""
        return self.frames[page] if self.frames else page

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "pages": self.pages, "sha256": self.sha256}


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    at: str  # ISO 8601 with the local offset
    text: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Call:
    """A logged call; client_id None for a number no client has (yet)."""

    id: int
    client_id: int | None
    number: str | None
    direction: str  # "in" or "out"
    at: str
    duration_seconds: int | None
    note: str | None

    @property
    def missed(self) -> bool:
        """An incoming call nobody answered: a call monitor reports 0 seconds for those."""
        return self.direction == "in" and self.duration_seconds == 0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class StoredField:
    """A value read from paper, with where it was read (page and box in pixels)."""

    id: int
    page_id: int | None
    field: str
    value: str
    box: list[int] | None
    confidence: float | None
    accepted: bool

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Client:
    """Everything the client file holds on one client (ClientFile.client)."""

    id: int
    name: str
    first_name: str | None = None
    tussenvoegsel: str | None = None
    last_name: str | None = None
    company: str | None = None
    legal_form: str | None = None
    kvk: str | None = None
    btw: str | None = None
    iban: str | None = None
    bic: str | None = None
    client_since: str | None = None
    status: str = "active"
    phones: list[Phone] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    addresses: list[StoredAddress] = field(default_factory=list)
    documents: list[DocumentInfo] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)

    @property
    def numbers(self) -> list[str]:
        """The E.164 form of each phone number, in the order they were added."""
        return [phone.e164 for phone in self.phones]

    def to_dict(self) -> dict:
        """The JSON shape of `main.py show --json` (DESIGN.md), key order included."""
        return {
            "id": self.id,
            "name": self.name,
            "first_name": self.first_name,
            "tussenvoegsel": self.tussenvoegsel,
            "last_name": self.last_name,
            "company": self.company,
            "legal_form": self.legal_form,
            "phones": self.numbers,
            "phone_details": [
                {"e164": p.e164, "written": p.written, "kind": p.kind} for p in self.phones
            ],
            "emails": list(self.emails),
            "addresses": [a.to_dict() for a in self.addresses],
            "iban": self.iban,
            "bic": self.bic,
            "kvk": self.kvk,
            "btw": self.btw,
            "client_since": self.client_since,
            "status": self.status,
            "documents": [d.to_dict() for d in self.documents],
            "notes": [n.to_dict() for n in self.notes],
            "calls": [
                {k: v for k, v in c.to_dict().items() if k != "client_id"} for c in self.calls
            ],
        }
