"""What the review page shows beside each field, worked out without widgets: colours for
how sure a reading is, a batch's title, the paper each field was read from, and how a
reading compares with what the client file already holds."""

from __future__ import annotations

from PySide6.QtCore import QSize

from importing.matching import ASK, EXISTING, NEW
from importing.proposals import FIELD_LABELS, Proposal
from importing.review import proposal_pages
from storage import Client
from storage import phones as phone_numbers

from ..documents.images import pil_page

CROP_MAX = QSize(260, 44)
CROP_MARGIN = 8


def confidence_colour(confidence: float | None) -> str | None:
    """Green when sure, yellow when in doubt, red when a guess; none when typed by hand."""
    if confidence is None:
        return None
    if confidence >= 0.85:
        return "#d9f2d0"
    if confidence >= 0.6:
        return "#fff1b8"
    return "#ffd6d1"


def batch_title(number: int, proposal: Proposal) -> str:
    name, kind = "", ""
    if proposal.values:
        name = proposal.value("name") or proposal.value("company") or ""
        kind = {EXISTING: "bestaand", NEW: "nieuw", ASK: "kiezen"}.get(proposal.decision.kind, "")
        if proposal.joins is not None:
            kind = "samen met een andere map"
    mark = "✓ " if proposal.accepted else ""
    pages = len(proposal_pages(proposal))
    return f"{mark}Klant {number + 1}: {name or '(naam onbekend)'} — {kind} ({pages} p.)"


def waiting(proposal: Proposal) -> bool:
    """Split or joined in the review, and not yet read again."""
    return not proposal.values and proposal.extracted is None


def field_crops(proposal: Proposal) -> dict[str, object]:
    """Pieces of paper each field was read from (runs on a worker thread)."""
    pages = proposal_pages(proposal)
    images: dict[int, object] = {}
    out = {}
    for key, _label in FIELD_LABELS:
        found = proposal.get(key)
        if found is None or found.page is None or found.box is None:
            continue
        if not 0 <= found.page < len(pages):
            continue
        if found.page not in images:
            doc, frame = pages[found.page]
            images[found.page] = pil_page(doc.path, frame)
        image = images[found.page]
        left, top, width, height = found.box
        box = (
            max(0, left - CROP_MARGIN),
            max(0, top - CROP_MARGIN),
            min(image.width, left + width + CROP_MARGIN),
            min(image.height, top + height + CROP_MARGIN),
        )
        if box[2] > box[0] and box[3] > box[1]:
            crop = image.crop(box).convert("L")
            crop.thumbnail((CROP_MAX.width(), CROP_MAX.height()))
            out[key] = crop
    return out


def stored_values(client: Client) -> dict[str, set[str]]:
    """A stored client's values per review field, for the side-by-side comparison."""
    values: dict[str, set[str]] = {k: set() for k, _ in FIELD_LABELS}
    for key in ("name", "company", "iban", "kvk", "btw"):
        if getattr(client, key):
            values[key].add(str(getattr(client, key)))
    values["phone"] = values["phone_2"] = set(client.numbers)
    values["email"] = {e.lower() for e in client.emails}
    for address in client.addresses:
        for key in ("street", "house_number", "postcode", "city"):
            if getattr(address, key):
                values[key].add(str(getattr(address, key)))
    return values


def same_value(key: str, value: str, stored: set[str]) -> bool:
    if key.startswith("phone"):
        return phone_numbers.normalize(value) in stored
    if key == "postcode":
        return value.replace(" ", "").upper() in {s.replace(" ", "").upper() for s in stored}
    if key == "email":
        return value.lower() in stored
    return value.strip().casefold() in {s.casefold() for s in stored}
