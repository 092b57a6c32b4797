"""The one apply: accepted proposals into the client file, for every entry point.

A new client is created with what was read; an existing one gets what it lacked: new
phone numbers, e-mail addresses and addresses are added, a field it has is never
overwritten (a different reading is logged as a conflict for a person to look at).
Documents are stored with their originals first (or, read by an import without review,
were stored already and are given their client now). Every value on the card is
recorded with the page and box it was read from, as reviewed when a person typed or
confirmed it.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PIL import Image

from ocr.extract.reconcile import email_variant
from ocr.extract.text import fold
from ocr.sources.files import load_frame, printable
from storage import Address, ClientFile, KlantdossierError, Phone
from storage import phones as phone_numbers
from storage.originals import sha256_of

from .keeping import store_document, sweep_quietly
from .matching import EXISTING
from .model import Document, Unit
from .proposals import ADDRESS, SINGLE, Proposal
from .report import FAILED, JOINED, NEW, SKIPPED, UPDATED, ImportReport, UnitOutcome

UNKNOWN_NAME = "Onbekende klant"
SUGGESTION_CONFIDENCE = 0.2  # readings below this are not even kept as suggestions


def client_name_from_folder(folder: Path) -> str:
    """'Jansen, Kees' -> 'Kees Jansen'; other folder names as they are."""
    name = printable(folder.name).strip()
    if name.count(",") == 1:
        last, first = (part.strip() for part in name.split(","))
        if last and first:
            return f"{first} {last}"
    return name


def display_name(proposal: Proposal) -> str:
    """Name for the client list: the person, else the company, else the folder or file."""
    found = proposal.value("name") or proposal.value("company")
    if found:
        return found
    unit = proposal.unit
    if unit.folder is not None:
        return client_name_from_folder(unit.folder)
    if unit.documents:
        return Path(unit.documents[0].name).stem or UNKNOWN_NAME
    return UNKNOWN_NAME


def apply_proposals(
    cf: ClientFile,
    proposals: Sequence[Proposal],
    report: ImportReport,
    *,
    atomic: bool,
    scan_name: str | None = None,
) -> None:
    """Store the accepted proposals. atomic: all of them or nothing (the wizard's "Alles
    opslaan"); else one failing unit is reported and the others are stored."""
    applied: dict[int, int] = {}  # id(proposal) -> client id
    work = Path(tempfile.mkdtemp(prefix="klantdossier-opslaan-"))
    failed = False
    try:
        with cf.transaction():
            for proposal in proposals:
                if not proposal.accepted:
                    continue
                try:
                    with cf.transaction():
                        _apply_one(cf, proposal, report, applied, work, scan_name)
                except (KlantdossierError, OSError, ValueError) as e:
                    failed = True
                    if atomic:
                        raise
                    for doc in proposal.unit.documents:
                        report.error(doc.path, f"niet opgeslagen: {e}")
                    report.units.append(UnitOutcome(proposal.unit.label, FAILED, reason=str(e)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if failed:
            sweep_quietly(cf)


def _apply_one(
    cf: ClientFile,
    proposal: Proposal,
    report: ImportReport,
    applied: dict[int, int],
    work: Path,
    scan_name: str | None,
) -> None:
    unit = proposal.unit
    lead = proposal.joins
    added: dict | None = None
    owner = _owner_meanwhile(cf, unit)
    if owner is not None:  # another import gave this paper its client meanwhile
        client_id, outcome = owner, UPDATED
        added = _update(cf, client_id, proposal)
    elif lead is not None and id(lead) in applied:
        client_id, outcome = applied[id(lead)], JOINED
        added = _update(cf, client_id, proposal)
    elif proposal.decision.kind == EXISTING and proposal.decision.client_id is not None:
        client_id, outcome = proposal.decision.client_id, UPDATED
        added = _update(cf, client_id, proposal)
    else:
        client_id, outcome = _create(cf, proposal), NEW
    applied[id(proposal)] = client_id
    documents, pages = 0, 0
    page_ids: list[int] = []
    stored: list[int] = []
    for doc in _documents(unit, work, scan_name):
        page_ids += _store_document(cf, doc, client_id)
        assert doc.stored_id is not None
        stored.append(doc.stored_id)
        documents += 1
        pages += len(doc.page_ids)
    _record_fields(cf, client_id, proposal, page_ids)
    if added is not None and (stored or any(added.values())):
        # kept so that a person can split it off again from the card
        cf.record_merge(
            client_id,
            label=unit.label,
            reason=proposal.decision.reason,
            documents=stored,
            card=_card(proposal, cf.region),
            added=added,
        )
    if not documents and unit.known_client_id is not None and lead is None:
        outcome = SKIPPED
    report.documents += documents
    report.pages += pages
    if outcome == NEW:
        report.client_created(client_id)
    elif outcome != SKIPPED:
        report.client_updated(client_id)
    name = cf.client(client_id).name
    report.units.append(UnitOutcome(unit.label, outcome, client_id, name, proposal.decision.reason))
    cf.log("import", f"{documents} documenten, {pages} pagina's")


# -- documents --------------------------------------------------------------------------------


def _documents(unit: Unit, work: Path, scan_name: str | None) -> list[Document]:
    """The unit's documents as they are stored: scanner pages of one client become one
    document, named as a person would name it ("scan 2026-12-02 14.32, pagina 3–5")."""
    scanned = [d for d in unit.documents if d.scanned]
    if not scanned:
        return list(unit.documents)
    numbers = [d.name.rsplit(" ", 1)[-1] for d in scanned]
    pages = f"pagina {numbers[0]}" + (f"–{numbers[-1]}" if len(numbers) > 1 else "")
    name = f"{scan_name or 'scan'}, {pages}"
    images = [_tiff_mode(load_frame(d.path, 0)[0]) for d in scanned]
    target = work / f"{len(list(work.iterdir()))}.tif"
    images[0].save(
        target, save_all=True, append_images=images[1:], compression="tiff_deflate", dpi=(300, 300)
    )
    combined = Document(target, "image/tiff", name, sha256_of(target), frames=None)
    for number, doc in enumerate(scanned):
        combined.pages[number] = doc.pages[min(doc.pages)]
        if doc.bsn_frames:
            combined.bsn_frames.append(number)
    return [combined, *(d for d in unit.documents if not d.scanned)]


def _tiff_mode(image: Image.Image) -> Image.Image:
    """Grey stays grey (smaller), colour stays colour: the original as it was scanned."""
    return image if image.mode in ("1", "L", "RGB") else image.convert("RGB")


def _owner_meanwhile(cf: ClientFile, unit: Unit) -> int | None:
    """The client one of the unit's stored documents has now (checked under the write
    lock: two imports of the same folder at once make one client, not two)."""
    for doc in unit.documents:
        if doc.stored_id is None or doc.sha256 is None:
            continue
        for stored in cf.documents_by_sha256(doc.sha256):
            if stored.id == doc.stored_id and stored.client_id is not None:
                return stored.client_id
    return None


def _store_document(cf: ClientFile, doc: Document, client_id: int) -> list[int]:
    """Store (or give its client to) one document; its page ids in page order."""
    if doc.stored_id is not None:
        cf.assign_document(doc.stored_id, client_id)
        if not doc.page_ids:
            doc.page_ids = cf.page_ids(doc.stored_id)
        return doc.page_ids
    assert doc.sha256 is not None
    same = tuple(doc.frames) if doc.frames else None
    for stored in cf.documents_by_sha256(doc.sha256):
        if stored.frames == same:  # stored meanwhile (another window, another import)
            doc.stored_id = stored.id
            if stored.client_id is None:
                cf.assign_document(stored.id, client_id)
            doc.page_ids = cf.page_ids(stored.id)
            return doc.page_ids
    return store_document(cf, doc, client_id, doc.frames)


# -- the client -------------------------------------------------------------------------------


def _phones(proposal: Proposal, region: str) -> list[Phone]:
    found = []
    for f in proposal.values.get("phone", []):
        written = f.value.strip()
        e164 = phone_numbers.normalize(written, region) if written else None
        if e164 and all(p.e164 != e164 for p in found):
            found.append(Phone(e164, written, f.kind or phone_numbers.kind_of(e164)))
    return found


def _addresses(proposal: Proposal) -> list[Address]:
    """The proposal's addresses: the n-th street, house number, postcode, city and
    country are one address (paper has one, a contact list may have several); the
    country is the Netherlands unless said otherwise."""
    count = max((len(proposal.values.get(k, [])) for k in (*ADDRESS, "country")), default=0)
    found = []
    for index in range(count):
        parts = {key: _nth(proposal, key, index) for key in ADDRESS}
        if parts["postcode"] or parts["street"] or parts["city"]:
            found.append(Address(**parts, country=_nth(proposal, "country", index) or "NL"))
    return found


def _nth(proposal: Proposal, key: str, index: int) -> str | None:
    found = proposal.values.get(key, [])
    return found[index].value.strip() or None if index < len(found) else None


def _same_address(a: Address, b: Address) -> bool:
    """One address: the same postcode and house number, or the same street, house number
    and city (a house has one postcode: two postcodes at one house are one misread,
    "5028 GR" for "5028 CR")."""
    same_house = all(
        _same(getattr(a, k), getattr(b, k)) for k in ("street", "house_number", "city")
    )
    if a.postcode and b.postcode:
        if _same(a.postcode, b.postcode):
            return not a.house_number or _same(a.house_number, b.house_number)
        return same_house and bool(a.street and a.house_number)
    return same_house


def _notes(cf: ClientFile, client_id: int, proposal: Proposal, known: list[str]) -> None:
    """A contact list's notes (paper has none): each once."""
    for text in proposal.all("note"):
        if text not in known:
            cf.add_note(client_id, text)
            known.append(text)


def _create(cf: ClientFile, proposal: Proposal) -> int:
    columns = {key: proposal.value(key) for key in SINGLE if key != "name"}
    if proposal.value("status") in ("active", "archived"):  # our own export's lists
        columns["status"] = proposal.value("status")
    client_id = cf.create_client(
        name=display_name(proposal),
        phones=_phones(proposal, cf.region),
        emails=proposal.all("email"),
        addresses=_addresses(proposal),
        **{k: v for k, v in columns.items() if v},
    )
    _notes(cf, client_id, proposal, [])
    return client_id


def _same(a: str | None, b: str | None) -> bool:
    return fold(a or "").replace(" ", "") == fold(b or "").replace(" ", "")


def _update(cf: ClientFile, client_id: int, proposal: Proposal) -> dict:
    """Add what the client lacked; returns what was added (to undo the merge later)."""
    client = cf.client(client_id)
    updates: dict[str, str] = {}
    for key in SINGLE:
        value = proposal.value(key)
        if not value or key == "name":
            continue
        if not getattr(client, key):
            updates[key] = value
        elif not _same(getattr(client, key), value):
            cf.log("conflict", f"klant {client_id}: ander(e) {key} gelezen")
    if not client.name or client.name == UNKNOWN_NAME:
        name = proposal.value("name") or proposal.value("company")
        if name:
            updates["name"] = name
    if updates:
        cf.update_client(client_id, **updates)
    added: dict = {"fields": updates, "phones": [], "emails": [], "address_ids": []}
    known = set(client.numbers)
    for phone in _phones(proposal, cf.region):
        if phone.e164 not in known:
            cf.add_phone(client_id, phone)
            added["phones"].append(phone.e164)
    emails = {e.casefold() for e in client.emails}
    for email in proposal.all("email"):
        if email.casefold() in emails:
            continue
        misread = next((e for e in emails if email_variant(email.casefold(), e)), None)
        if misread:
            # "vries@hetnet.nl" on a loose letter of the client of "ingrid.vries@hetnet.nl"
            cf.log("conflict", f"klant {client_id}: e-mailadres lijkt een bekend, verkeerd gelezen")
            continue
        cf.add_email(client_id, email)
        added["emails"].append(email)
    known_addresses: list[Address] = list(client.addresses)
    for address in _addresses(proposal):
        if any(_same_address(address, a) for a in known_addresses):
            continue
        added["address_ids"].append(cf.add_address(client_id, address))
        if known_addresses:
            cf.log("conflict", f"klant {client_id}: ander adres gelezen (toegevoegd)")
        known_addresses.append(address)
    _notes(cf, client_id, proposal, [n.text for n in client.notes])
    return added


def _card(proposal: Proposal, region: str) -> dict:
    """The values the paper itself had, to make its own client of it again."""
    return {
        "name": display_name(proposal),
        **{key: proposal.value(key) for key in SINGLE if key != "name" and proposal.value(key)},
        "phones": [[p.e164, p.written, p.kind] for p in _phones(proposal, region)],
        "emails": proposal.all("email"),
        "addresses": [address.to_dict() for address in _addresses(proposal)],
    }


def _record_fields(cf: ClientFile, client_id: int, proposal: Proposal, page_ids: list[int]) -> None:
    """Every value on the card, and the other readings as suggestions, with where on the
    paper they stand."""

    def page_id(index: int | None) -> int | None:
        return page_ids[index] if index is not None and 0 <= index < len(page_ids) else None

    seen: set[tuple] = set()
    for found in proposal.values.values():
        for f in found:
            if not f.value.strip():
                continue
            seen.add((f.key, f.value, f.page))
            cf.add_field(
                client_id,
                field=f.key,
                value=f.value.strip(),
                page_id=page_id(f.page),
                box=f.box,
                confidence=f.confidence,
                accepted=f.reviewed,
            )
    extracted = proposal.extracted
    if extracted is None:
        return
    on_card = {(f.key, f.value) for found in proposal.values.values() for f in found}
    for name, readings in extracted.candidates.items():
        for fv in readings:
            page = fv.page_index if fv.page_index >= 0 else None
            key = (name, fv.value, page)
            if fv.confidence < SUGGESTION_CONFIDENCE or key in seen or name not in _KEPT:
                continue
            if (name, fv.value) not in on_card and _foreign(proposal, name, fv.value):
                continue
            seen.add(key)
            cf.add_field(
                client_id,
                field=name,
                value=fv.value,
                page_id=page_id(page),
                box=fv.box,
                confidence=fv.confidence,
                accepted=False,
            )


_KEPT = frozenset((*SINGLE, *ADDRESS, "phone", "email"))


def _foreign(proposal: Proposal, name: str, value: str) -> bool:
    recurring = proposal.recurring
    return recurring is not None and recurring.foreign(name, value)
