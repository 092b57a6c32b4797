"""What happens to a unit once it is read: stacks divided into units, and then either kept
in memory for the review (the wizard), or stored at once without a client (an import
without review), so that a large import never holds its pages in memory and an import
that is stopped or killed keeps what it read: the next import takes those documents up
again and makes their clients, without reading them twice. A part of a long document, or
a piece of a long loose file (reading.py), is stored the moment it is read, with the
frames it holds.

The originals are stored first, under the write lock, so a stored document always has
its original; page text is stored with any BSN masked (AVG), the page marked
(store_document, also for the documents apply stores with their client).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Sequence

from ocr.extract import mask_bsn
from storage import ClientFile, ConstraintError, KlantdossierError

from .model import FILE, FOLDER, Document, Unit
from .report import CONTACTS, EMPTY, FAILED, ImportReport, UnitOutcome
from .stacks import split_stack


def sweep_quietly(cf: ClientFile) -> None:
    """Originals copied for documents that were not stored hold personal data nothing
    refers to: they go now, not at the next import."""
    with contextlib.suppress(KlantdossierError):  # else the next import sweeps them
        cf.sweep_originals()


BATCH_PAGES = 25  # pages per write transaction ...
BATCH_SECONDS = 2.0  # ... or this long after the last commit, whichever comes first


def store_document(
    cf: ClientFile, doc: Document, client_id: int | None, frames: Sequence[int] | None
) -> list[int]:
    """Store a read document: its original first (a stored document always has its
    original), then the document and its pages, a page whose BSN was masked marked (AVG).
    Its page ids, in page order. The caller holds the write transaction."""
    assert doc.sha256 is not None
    cf.originals.put(doc.path, doc.sha256)
    order = sorted(doc.pages)
    doc.stored_id = cf.add_document(
        client_id=client_id,
        name=doc.name,
        sha256=doc.sha256,
        mime=doc.mime,
        pages=[doc.pages[frame] for frame in order],
        frames=frames,
    )
    doc.page_ids = cf.page_ids(doc.stored_id)
    for page_id, frame in zip(doc.page_ids, order, strict=True):
        if frame in doc.bsn_frames:
            cf.add_page_flag(page_id, "bsn")
    return doc.page_ids


def masked(doc: Document) -> list[int]:
    """Mask every BSN on the document's pages in place; the frames that had one."""
    found = []
    for frame, page in doc.pages.items():
        page_masked, has_bsn = mask_bsn(page)
        if has_bsn:
            page.text, page.words = page_masked.text, page_masked.words
            found.append(frame)
    return found


class Keeper:
    """Collects the read units (see the module docstring); store=True stores them."""

    def __init__(
        self,
        cf: ClientFile,
        report: ImportReport,
        *,
        store: bool,
        stack_name: str | None = None,
        gap_s: float | None = None,
    ) -> None:
        self.cf, self.report, self.store = cf, report, store
        self.stack_name, self.gap_s = stack_name, gap_s
        self.units: list[Unit] = []
        self._waiting: list[Unit] = []
        self._waiting_pages = 0
        self._last_commit = time.monotonic()
        self.failed = False

    def unit_read(self, unit: Unit) -> None:
        parts = split_stack(unit, gap_s=self.gap_s, name=self.stack_name) if unit.stack else [unit]
        kept = [part for part in parts if self._keep(part)]
        if kept or unit.known_client_id is not None:
            return
        if any(d.error for d in unit.documents):
            outcome, reason = FAILED, "geen enkel bestand kon worden gelezen"
        elif unit.contact_lists:
            outcome, reason = CONTACTS, ""
        else:
            outcome, reason = EMPTY, "alleen lege vellen" if unit.stack else "geen scans"
            if unit.kind == FILE:  # a file given to read (not sheets of a stream): say so
                for doc in unit.documents:
                    self.report.error(doc.path, "alleen lege pagina's: niets om op te slaan")
        self.report.units.append(UnitOutcome(unit.label, outcome, reason=reason))

    def _keep(self, unit: Unit) -> bool:
        for doc in unit.documents:
            doc.bsn_frames = masked(doc)
        unit.documents = [d for d in unit.documents if d.error is None]
        if not unit.documents and unit.known_client_id is None:
            return False
        self.units.append(unit)
        if self.store and unit.kind == FOLDER:
            self._waiting.append(unit)
            self._waiting_pages += sum(len(d.pages) for d in unit.documents)
            self.commit_if_due()
        return True

    def part_read(self, unit: Unit, doc: Document) -> None:
        """A part of a long document of a client folder, or a piece of a long file of a
        stack, read: stored now (without review, without a client), so a kill or a cancel
        keeps it; the rest of the unit follows as usual."""
        if not self.store or (unit.kind != FOLDER and not unit.stack) or doc.error is not None:
            return
        doc.bsn_frames = masked(doc)
        self._store(doc, part=True)
        if self.failed:
            self.failed = False
            sweep_quietly(self.cf)

    def commit_if_due(self, force: bool = False) -> None:
        if not self._waiting:
            return
        due = (
            self._waiting_pages >= BATCH_PAGES
            or time.monotonic() - self._last_commit > BATCH_SECONDS
        )
        if not (due or force):
            return
        waiting, self._waiting, self._waiting_pages = self._waiting, [], 0
        with self.cf.transaction():
            for unit in waiting:
                for doc in unit.documents:
                    if doc.stored_id is None and doc.pages:
                        self._store(doc)
                unit.documents = [d for d in unit.documents if d.error is None]
        if self.failed:
            self.failed = False
            sweep_quietly(self.cf)
        self._last_commit = time.monotonic()

    def _stored_meanwhile(self, doc: Document, frames: tuple[int, ...] | None) -> None:
        """Another import (another window, a second `main.py import`) stored this file
        (or this part of it) while it was read here: that document is this unit's from now
        on."""
        stored = [d for d in self.cf.documents_by_sha256(doc.sha256 or "") if d.frames == frames]
        if stored:
            doc.stored_id = stored[0].id
            doc.pages.clear()

    def _store(self, doc: Document, part: bool = False) -> None:
        """Original first, then the document and its pages without a client; the pages
        leave memory (they are read back when the unit's client is made). part: the
        document is some pages of its file, stored with their frames."""
        frames = tuple(sorted(doc.pages)) if part else None
        try:
            with self.cf.transaction():
                store_document(self.cf, doc, None, frames)
                self.cf.log("document", f"{len(doc.pages)} pagina's")
        except ConstraintError:
            self._stored_meanwhile(doc, frames)
            return
        except (OSError, KlantdossierError, ValueError) as e:
            doc.error = f"niet opgeslagen: {e}"
            self.report.error(doc.path, doc.error)
            self.failed = True
            return
        doc.pages.clear()
