"""What the import carries from sources through reading to the proposals.

A Unit is one client's paper as it came: a client folder, a loose file, or one batch of a
stack (scanner pages, a stack file, files dropped in a watched folder) between separator
sheets. Its documents are files, or the part of a stack file that belongs to this unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ocr.sources.files import printable
from ocr.sources.separators import PageKind
from storage import PageText

# What kind of paper a unit is: it decides how sure the import may be that its pages are
# one client's (a folder is, a stack batch is as good as its separators). CONTACT: one
# card or row of a contact list (importing/contacts), without pages.
FOLDER, FILE, BATCH, CONTACT = "folder", "file", "batch", "contact"


@dataclass(eq=False)
class Document:
    """One document to read, or read. frames: which pages of the file belong to it (None:
    every page). Either pages are in memory, or the document is stored already
    (stored_id) and its pages are in the client file."""

    path: Path
    mime: str
    name: str
    sha256: str | None = None
    frames: list[int] | None = None
    password: str | None = None
    pages: dict[int, PageText] = field(default_factory=dict)  # frame -> page
    kinds: dict[int, PageKind] = field(default_factory=dict)  # frame -> separator kind
    stored_id: int | None = None
    page_ids: list[int] = field(default_factory=list)  # stored pages, in order
    bsn_frames: list[int] = field(default_factory=list)  # pages whose BSN was masked
    error: str | None = None
    # when it arrived (watched folder: a long pause between files starts a new client)
    arrived: float = 0.0
    scanned: bool = False  # a scanner page: one client's pages are stored as one document
    # parts of this file stored by an import that stopped (frames -> document id): a long
    # document is read in parts (limits.PART_PAGES), and those parts are not read again
    stored_parts: dict[tuple[int, ...], int] = field(default_factory=dict)
    # a long file of a stack: its runs of content pages, stored as they were read (each a
    # document with frames; reading.py), in page order; the separator sheets stay in kinds
    pieces: list[Document] = field(default_factory=list)

    @property
    def frames_read(self) -> int:
        """How many of its frames are read: text, a separator sheet, or in a piece."""
        return len(self.pages) + len(self.kinds) + sum(len(p.frames or ()) for p in self.pieces)

    @property
    def page_list(self) -> list[PageText]:
        """The read pages in page order (separator sheets left out)."""
        return [self.pages[f] for f in sorted(self.pages)]


@dataclass(eq=False)
class Unit:
    """One client's paper: see the module docstring."""

    label: str  # what the user knows it by: a folder, a file, "scan 14.32, pagina 3-5"
    kind: str  # FOLDER, FILE, BATCH or CONTACT
    folder: Path | None = None
    files: list[Path] = field(default_factory=list)  # to look at; each becomes a document
    documents: list[Document] = field(default_factory=list)
    cover_client_id: int | None = None  # named by a separator sheet
    known_client_id: int | None = None  # a folder imported before keeps its client
    stack: bool = False  # split at separator sheets once read (loose files, scans)
    duplex: bool = False
    contact_lists: int = 0  # contact lists (CSV, vCard) found among its files
    order: int = 0  # when it came from its source: proposals are shown in this order

    @property
    def folder_name(self) -> str | None:
        return printable(self.folder.name) if self.folder is not None else None


@dataclass(eq=False)
class PageItem:
    """A page as the wizard shows it while reading: a thumbnail, then its reading."""

    index: int  # in the order pages were asked for
    document: Document
    frame: int
    kind: PageKind | None = None  # known once read
    text: PageText | None = None
    error: str | None = None

    @property
    def read(self) -> bool:
        return self.text is not None or self.error is not None or self.kind is not None

    @property
    def low_confidence(self) -> bool:
        """Worth a rescan while the paper is at hand: unreadable, or read poorly."""
        if self.error:
            return True
        if self.text is None or (self.kind is not None and self.kind.is_separator):
            return False
        conf = self.text.confidence
        return len(self.text.words) < 3 or (conf is not None and conf < LOW_CONFIDENCE)


# Tesseract's mean word confidence (0-100) under which a page is worth scanning again.
LOW_CONFIDENCE = 60.0
