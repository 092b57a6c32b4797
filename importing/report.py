"""One report for every entry point: `main.py import`/`scan`, the wizard, the watched folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ocr.sources.files import printable

# What became of a client folder (or loose file, or scanned batch), for "40 mappen -> 40
# klanten": the outcome words are shown to users as they are.
NEW, UPDATED, JOINED, SKIPPED, EMPTY, FAILED, CONTACTS, REVIEW = (
    "nieuwe klant",
    "bestaande klant bijgewerkt",
    "samengevoegd met een andere map",
    "al eerder ingelezen",
    "leeg",
    "niet ingelezen",
    "contactenlijst",
    "niet opgeslagen (nakijken)",
)


@dataclass(slots=True)
class Progress:
    pages_done: int
    pages_total: int | None
    current_file: str
    seconds_left: float | None = None


@dataclass(slots=True)
class UnitOutcome:
    """What one client folder, loose file or scanned batch became."""

    path: str
    outcome: str
    client_id: int | None = None
    client: str | None = None  # the client's name
    reason: str = ""

    def to_dict(self) -> dict:
        return {
            "path": printable(self.path),
            "outcome": self.outcome,
            "client_id": self.client_id,
            "client": self.client,
            "reason": self.reason,
        }


@dataclass
class ImportReport:
    documents: int = 0
    pages: int = 0
    created: list[int] = field(default_factory=list)  # client ids, in order
    updated: list[int] = field(default_factory=list)
    skipped: int = 0
    errors: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    cancelled: bool = False
    units: list[UnitOutcome] = field(default_factory=list)
    own_business: dict | None = None  # what looks like the user's own business (to confirm)

    @property
    def clients_created(self) -> int:
        return len(self.created)

    @property
    def clients_updated(self) -> int:
        return len(self.updated)

    def error(self, path: Path | str, reason: str) -> None:
        self.errors.append({"path": printable(path), "error": reason})

    def client_created(self, client_id: int) -> None:
        self.created.append(client_id)

    def client_updated(self, client_id: int) -> None:
        if client_id not in self.updated and client_id not in self.created:
            self.updated.append(client_id)

    def to_dict(self) -> dict:
        """The `import --json` shape of DESIGN.md, plus what became of each client folder
        ("folders") and the own business recognised in the paper ("own_business")."""
        return {
            "documents": self.documents,
            "pages": self.pages,
            "clients_created": self.clients_created,
            "clients_updated": self.clients_updated,
            "skipped": self.skipped,
            "errors": list(self.errors),
            "seconds": round(self.seconds, 3),
            "folders": [u.to_dict() for u in self.units],
            "own_business": self.own_business,
        }
