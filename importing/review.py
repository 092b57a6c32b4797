"""What a person may do to the proposals before they are applied, without Qt: split one
unit in two (the next client starts at this page) or join two. The proposals changed are
proposed again (ImportRun.propose); the others stay as reviewed."""

from __future__ import annotations

from dataclasses import replace

from .matching import ASK, Decision
from .model import BATCH, Document, Unit
from .proposals import Proposal
from .stacks import pages_text


def proposal_pages(proposal: Proposal) -> list[tuple[Document, int]]:
    """The pages of a proposal's unit in order, as (document, frame)."""
    return [(doc, frame) for doc in proposal.unit.documents for frame in sorted(doc.pages)]


def _part(doc: Document, frames: list[int]) -> Document:
    base = doc.name.split(", pagina ")[0]
    return replace(
        doc,
        name=f"{base}, {pages_text(frames)}",
        frames=frames,
        pages={f: doc.pages[f] for f in frames},
        kinds={},
        bsn_frames=[f for f in doc.bsn_frames if f in frames],
        page_ids=[],
    )


def split_proposal(proposals: list[Proposal], number: int, at: int) -> None:
    """Split proposal `number` before its page `at`; both halves await proposing again."""
    proposal = proposals[number]
    pages = proposal_pages(proposal)
    if not 0 < at < len(pages):
        raise ValueError("splitsen kan alleen tussen twee pagina's")
    first: list[Document] = []
    rest: list[Document] = []
    seen = 0
    for doc in proposal.unit.documents:
        frames = sorted(doc.pages)
        before, after = frames[: max(0, at - seen)], frames[max(0, at - seen) :]
        seen += len(frames)
        if before and after:
            first.append(_part(doc, before))
            rest.append(_part(doc, after))
        else:
            (first if before else rest).append(doc)
    unit = proposal.unit
    proposal.unit = replace(unit, documents=first, kind=BATCH)
    other = Unit(unit.label, BATCH, folder=unit.folder, documents=rest)
    proposals.insert(number + 1, _waiting(other))
    proposals[number] = _waiting(proposal.unit)


def join_proposals(proposals: list[Proposal], number: int) -> None:
    """Join proposal `number` with the next one; the whole awaits proposing again."""
    if number + 1 >= len(proposals):
        raise ValueError("er is geen volgende klant om mee samen te voegen")
    nxt = proposals.pop(number + 1)
    unit = proposals[number].unit
    joined = replace(unit, documents=unit.documents + nxt.unit.documents)
    proposals[number] = _waiting(joined)


def _waiting(unit: Unit) -> Proposal:
    """A proposal still to be made (its values come with ImportRun.propose)."""
    return Proposal(unit, {}, Decision(ASK, None, "wordt opnieuw gelezen"))
