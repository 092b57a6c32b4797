"""The truth beside a generated cabinet: whose value stands on which page.

Every printed value of every page is recorded with its owner: a client key ("c3"),
"own" (our business) or "supplier:N". ``CabinetTruth.owners(field, value)`` answers
"whose is this value?" for any value read back, so a benchmark can tell a right value
from another client's, ours, a supplier's, or an invented one.

Values are compared in one normal form (``norm``): phones in E.164, e-mail folded,
IBAN/BTW without spaces or dots, KvK digits, postcode "1234AB", names folded.
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .parties import Business
from .people import ClientTruth

# Fields that identify a party by themselves: the evaluation's "structured" values.
KEY_FIELDS = ("phone", "email", "iban", "kvk", "btw", "postcode")
NAME_FIELDS = (
    "first_name",
    "tussenvoegsel",
    "last_name",
    "company",
    "street",
    "house_number",
    "city",
    "client_since",
)


def norm(field: str, value: str | None) -> str:
    """One comparable form of a value of ``field`` (see the module docstring)."""
    value = " ".join((value or "").split())
    if field in ("postcode", "iban", "btw", "kvk"):
        return value.replace(" ", "").replace(".", "").upper()
    if field == "phone":
        return value.replace(" ", "")
    return unicodedata.normalize("NFC", value).casefold()


def _split_street(street: str) -> tuple[str, str]:
    """'Industrieweg 14' -> ('Industrieweg', '14')."""
    head, _, number = street.rpartition(" ")
    return (head, number) if head and number[:1].isdigit() else (street, "")


def canonical(party: ClientTruth | Business, ref: str) -> list[tuple[str, str]]:
    """The (field, value) pairs a printed ref of a party stands for, in normal form."""
    pairs: list[tuple[str, str | None]] = []
    if isinstance(party, Business):
        street, number = _split_street(party.street)
        table: dict[str, list[tuple[str, str | None]]] = {
            "company": [("company", party.name)],
            "address": [("street", street), ("house_number", number)],
            "postcode_city": [("postcode", party.postcode), ("city", party.city)],
            "signer": [("last_name", party.signer.split()[-1] if party.signer else None)],
        }
    else:
        c = party
        person = [
            ("first_name", c.first_name),
            ("tussenvoegsel", c.tussenvoegsel),
            ("last_name", c.last_name),
        ]
        table = {
            "company": [("company", c.company)],
            "name": person,
            "surname": person[1:],
            "first_name": person[:1],
            "tussenvoegsel": person[1:2],
            "last_name": person[2:],
            "address": [("street", c.street), ("house_number", c.house_number)],
            "postcode_city": [("postcode", c.postcode), ("city", c.city)],
            "client_since": [("client_since", c.client_since.isoformat())],
        }
    table.update(
        postcode=[("postcode", party.postcode)],
        city=[("city", party.city)],
        email=[("email", party.email)],
        iban=[("iban", party.iban)],
        kvk=[("kvk", party.kvk)],
        btw=[("btw", party.btw)],
    )
    if ref.startswith("phones["):
        pairs = [("phone", party.phones[int(ref[7:-1])].e164)]
    else:
        pairs = table.get(ref, [])  # client_number, website: nothing stored from them
    return [(f, norm(f, v)) for f, v in pairs if v]


@dataclass
class PageInfo:
    kind: str  # documents.KINDS
    family: str
    split: str  # "train" | "heldout"
    orientation: int  # quarter turn applied to the scan, counter-clockwise (0/90/180/270)
    image_sha: str  # sha256 of the stored page (mode, size, pixels) or of a text PDF's text
    source: str  # "scan" | "text-pdf"
    parties: dict[str, str]  # role on the page -> party key ("client": "c3", ...)
    values: list[dict[str, str]]  # {"owner", "field", "value", "printed"}
    text: list[str]  # printed lines, top to bottom
    degradation: dict[str, Any] | None = None

    def owned_by(self, owner: str) -> set[tuple[str, str]]:
        return {(v["field"], v["value"]) for v in self.values if v["owner"] == owner}


@dataclass
class DocInfo:
    file: str  # path relative to the cabinet root
    format: str  # png | jpg | tiff | pdf | textpdf | csv
    pages: list[PageInfo]


@dataclass
class FolderInfo:
    path: str  # relative to the cabinet root; "" for loose files in the root
    client: str | None  # the true client of the folder (None: empty / contact list only)
    case: str  # normal | two-names | per-year | foreign-letter | empty | contacts | loose
    documents: list[DocInfo] = field(default_factory=list)


@dataclass
class CabinetTruth:
    root: Path
    seed: str
    split: str
    own: Business
    suppliers: list[Business]
    clients: dict[str, ClientTruth]
    folders: list[FolderInfo] = field(default_factory=list)
    contact_rows: dict[str, list[str]] = field(default_factory=dict)  # csv file -> clients
    _index: dict[tuple[str, str], set[str]] | None = field(default=None, repr=False)

    def party(self, key: str) -> ClientTruth | Business:
        if key == "own":
            return self.own
        if key.startswith("supplier:"):
            return self.suppliers[int(key.split(":")[1])]
        return self.clients[key]

    def owners(self, field_name: str, value: str | None) -> set[str]:
        """Keys of the parties that hold this value (normal form applied here)."""
        if self._index is None:
            index: dict[tuple[str, str], set[str]] = {}
            parties = [("own", self.own)] + [(b.key, b) for b in self.suppliers]
            parties += list(self.clients.items())
            refs = [
                "company",
                "name",
                "address",
                "postcode_city",
                "email",
                "iban",
                "kvk",
                "btw",
                "signer",
                "client_since",
            ]
            for key, party in parties:
                for ref in refs + [f"phones[{i}]" for i in range(len(party.phones))]:
                    for f, v in canonical(party, ref):
                        index.setdefault((f, v), set()).add(key)
            self._index = index
        return set(self._index.get((field_name, norm(field_name, value)), set()))

    def truth_values(self, key: str) -> dict[str, set[str]]:
        """field -> values of one party (normal form), as its card should hold them."""
        party = self.party(key)
        out: dict[str, set[str]] = {}
        refs = [
            "company",
            "name",
            "address",
            "postcode_city",
            "email",
            "iban",
            "kvk",
            "btw",
            "client_since",
        ] + [f"phones[{i}]" for i in range(len(party.phones))]
        for ref in refs:
            for f, v in canonical(party, ref):
                out.setdefault(f, set()).add(v)
        return out

    def pages(self) -> list[tuple[FolderInfo, DocInfo, int, PageInfo]]:
        return [
            (f, d, i, p) for f in self.folders for d in f.documents for i, p in enumerate(d.pages)
        ]

    @property
    def truth_path(self) -> Path:
        return self.root.with_name(self.root.name + ".truth.json")

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": 2,
            "root": self.root.name,
            "seed": self.seed,
            "split": self.split,
            "own": self.own.to_dict(),
            "suppliers": [s.to_dict() for s in self.suppliers],
            "clients": {k: c.to_dict() for k, c in self.clients.items()},
            "folders": [dataclasses.asdict(f) for f in self.folders],
            "contact_rows": self.contact_rows,
        }

    def save(self) -> Path:
        self.truth_path.write_text(
            json.dumps(self.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8"
        )
        return self.truth_path
