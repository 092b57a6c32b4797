"""A stack (scanner pages, a stack file, files dropped in a watched folder) divided into
one unit per client: at separator sheets (a blank sheet, or a cover sheet naming the
client), and, for a watched folder, where a long pause lies between two files (the next
client's paper went into the scanner later)."""

from __future__ import annotations

from dataclasses import dataclass

from ocr.sources.files import printable
from ocr.sources.separators import PageKind, split_batches

from .model import BATCH, FILE, Document, Unit

CONTENT = PageKind("content")


@dataclass(frozen=True, slots=True)
class _Sheet:
    document: Document
    frame: int
    kind: PageKind


def _sheets(unit: Unit, gap_s: float | None) -> list[list[_Sheet]]:
    """The stack's pages in order, cut where a pause longer than gap_s lies between two
    documents; documents that failed are left out (they are reported already), except
    for the pieces of a long file stored before its failing page (reading.py)."""
    runs: list[list[_Sheet]] = [[]]
    last: float | None = None
    for doc in unit.documents:
        if doc.error is not None and not doc.pieces:
            continue
        if gap_s is not None and last is not None and doc.arrived - last > gap_s:
            runs.append([])
        last = doc.arrived
        sheets = [_Sheet(doc, f, kind) for f, kind in doc.kinds.items()]
        sheets += [_Sheet(p, f, CONTENT) for p in doc.pieces for f in p.frames or ()]
        if doc.error is None:
            sheets += [_Sheet(doc, f, CONTENT) for f in doc.pages]
        runs[-1].extend(sorted(sheets, key=lambda s: s.frame))
    return [run for run in runs if run]


def split_stack(unit: Unit, *, gap_s: float | None = None, name: str | None = None) -> list[Unit]:
    """The units of a read stack, in order. name: how scanned pages are called in labels
    ("scan 2026-12-02 14.32"); files keep their own names."""
    units: list[Unit] = []
    for run in _sheets(unit, gap_s):
        for client_id, indexes in split_batches([s.kind for s in run], unit.duplex):
            sheets = [run[i] for i in indexes]
            units.append(_batch_unit(unit, sheets, client_id))
    if len(units) > 1 or (units and units[0].kind == BATCH):
        for number, part in enumerate(units, start=1):
            part.label = _label(part, name, number, len(units))
    return units


def _batch_unit(stack: Unit, sheets: list[_Sheet], client_id: int | None) -> Unit:
    parts: list[Document] = []
    for sheet in sheets:
        doc = sheet.document
        if doc.stored_id is not None:  # a piece of a long file, stored as it was read
            if not parts or parts[-1] is not doc:
                parts.append(doc)
            continue
        if not parts or parts[-1].path != doc.path or parts[-1].stored_id is not None:
            parts.append(
                Document(
                    doc.path,
                    doc.mime,
                    doc.name,
                    doc.sha256,
                    frames=[],
                    password=doc.password,
                    arrived=doc.arrived,
                    scanned=doc.scanned,
                )
            )
        part = parts[-1]
        assert part.frames is not None
        part.frames.append(sheet.frame)
        part.pages[sheet.frame] = doc.pages[sheet.frame]
        if sheet.frame in doc.bsn_frames:
            part.bsn_frames.append(sheet.frame)
    for part, whole in zip(parts, _wholes(parts, stack), strict=True):
        if part.stored_id is not None:
            continue  # a piece: named when it was stored
        if whole:
            part.frames = None  # the whole file: no page numbers in its name
        else:
            part.name = f"{part.name}, {pages_text(part.frames or [])}"
    kind = FILE if len(parts) == 1 and parts[0].frames is None else BATCH
    return Unit(stack.label, kind, documents=parts, cover_client_id=client_id, order=stack.order)


def _wholes(parts: list[Document], stack: Unit) -> list[bool]:
    """Whether each part is every page of its file."""
    counts = {doc.path: doc.frames_read for doc in stack.documents if not doc.error}
    return [len(part.frames or []) == counts.get(part.path, -1) for part in parts]


def pages_text(frames: list[int]) -> str:
    first, last = frames[0] + 1, frames[-1] + 1
    return f"pagina {first}" if first == last else f"pagina {first}–{last}"


def _label(unit: Unit, name: str | None, number: int, count: int) -> str:
    first = unit.documents[0]
    if name is not None:
        return f"{name}, klant {number} van {count}"
    if len(unit.documents) == 1:
        return first.name
    if all(d.path == first.path and d.frames for d in unit.documents):  # pieces of one file
        frames = [f for d in unit.documents for f in d.frames or ()]
        return f"{printable(first.path.name)}, {pages_text(frames)}"
    return f"{first.name} …"
