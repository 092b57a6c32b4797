"""Write a matching decision into the client file: create or update, never overwrite.

New values are added (a second phone number is added beside the first); a value that
differs from the one on the card is recorded as a field reading and logged as a
conflict for the review, the card itself keeps what it had. Every reading is stored with
its page and box, so the review can show the piece of paper it came from.
"""

from __future__ import annotations

import sqlite3

from storage import Address, ClientFile, Phone

from .extract.model import ExtractedClient, FieldValue
from .extract.phones import phone_kind
from .extract.text import fold
from .matching import MatchDecision

MIN_CONFIDENCE = 0.5  # a reading this sure goes on the card; lower ones only as suggestions
SUGGESTION_CONFIDENCE = 0.2  # readings below this are not even stored as suggestions
# Client columns filled from the paper, and only when still empty.
COLUMNS = ("first_name", "tussenvoegsel", "last_name", "company", "legal_form", "iban", "bic",
           "kvk", "btw", "client_since")  # fmt: skip
UNKNOWN_NAME = "Onbekende klant"


def display_name(extracted: ExtractedClient, fallback: str | None = None) -> str:
    """Name for the client list: the person, else the company, else the fallback."""
    for name in ("name", "company"):
        fv = extracted.best(name, MIN_CONFIDENCE)
        if fv:
            return fv.value
    return fallback or UNKNOWN_NAME


def _best_address(extracted: ExtractedClient) -> Address | None:
    postcode = extracted.best("postcode", MIN_CONFIDENCE)
    if postcode is None:
        return None
    key = postcode.value.replace(" ", "")
    readings = [a for a in extracted.addresses if a.postcode.replace(" ", "") == key]
    street = next((a for a in sorted(readings, key=lambda a: -a.confidence) if a.street), None)
    city = extracted.best("city", MIN_CONFIDENCE)
    street_fv = extracted.best("street", MIN_CONFIDENCE)
    number_fv = extracted.best("house_number", MIN_CONFIDENCE)
    return Address(
        street.street if street else (street_fv.value if street_fv else None),
        street.house_number if street else (number_fv.value if number_fv else None),
        postcode.value,
        city.value if city else None,
    )


def _phones(extracted: ExtractedClient) -> list[Phone]:
    return [
        Phone(fv.value, fv.raw or None, phone_kind(fv.value))
        for fv in extracted.values("phone", MIN_CONFIDENCE)
    ]


def _emails(extracted: ExtractedClient) -> list[str]:
    return [fv.value for fv in extracted.values("email", MIN_CONFIDENCE)]


def _same(a: str | None, b: str | None) -> bool:
    return fold(a or "").replace(" ", "") == fold(b or "").replace(" ", "")


def _page_id(fv: FieldValue, page_ids: list[int]) -> int | None:
    return page_ids[fv.page_index] if 0 <= fv.page_index < len(page_ids) else None


def apply_to_client(
    conn: sqlite3.Connection,
    cf: ClientFile,
    decision: MatchDecision,
    extracted: ExtractedClient,
    page_ids: list[int],
    *,
    fallback_name: str | None = None,
) -> tuple[int, bool]:
    """Create or update the client of a decision inside the caller's transaction.

    page_ids[i] is the stored id of page i as it was passed to extract_client. 'ask'
    makes a new client (its client_id is only a suggestion): a wrongly merged client
    mixes two people's papers, a duplicate is merged in the review with one click.
    Documents of the pages that have no client yet are given this one; when they already
    belong to one client (a big folder stored in parts), that client is used whatever the
    decision. Returns (client id, created).
    """
    values = {col: extracted.value(col, MIN_CONFIDENCE) for col in COLUMNS}
    address = _best_address(extracted)
    documents = cf.documents_of_pages(conn, page_ids)
    owners = {owner for _name, owner in documents.values() if owner is not None}
    if len(owners) == 1:
        # the rest of a folder whose first part was stored already: same client
        decision = MatchDecision("existing", owners.pop(), "zelfde klantmap")
    created = decision.kind != "existing" or decision.client_id is None
    if created:
        fallback = fallback_name or extracted.folder_name or _document_stem(documents)
        client_id = cf.create_client(
            conn,
            name=display_name(extracted, fallback),
            phones=_phones(extracted),
            emails=_emails(extracted),
            addresses=[address] if address else [],
            **{k: v for k, v in values.items() if v},
        )
    else:
        client_id = int(decision.client_id)  # type: ignore[arg-type]
        _update(conn, cf, client_id, extracted, values, address)
    for document_id, (_name, owner) in documents.items():
        if owner is None:
            cf.assign_document(conn, document_id, client_id)
    _flag_bsn_pages(conn, cf, extracted, page_ids)
    _record_fields(conn, cf, client_id, extracted, page_ids)
    return client_id, created


def _flag_bsn_pages(
    conn: sqlite3.Connection, cf: ClientFile, extracted: ExtractedClient, page_ids: list[int]
) -> None:
    """Mark pages whose original scan holds a BSN (their stored text has it masked)."""
    for index in extracted.bsn_pages:
        if 0 <= index < len(page_ids):
            cf.add_page_flag(conn, page_ids[index], "bsn")


def _document_stem(documents: dict[int, tuple[str, int | None]]) -> str | None:
    """A loose file's name without extension, for a client nothing could be read of."""
    if not documents:
        return None
    name = documents[min(documents)][0]
    return name.rsplit(".", 1)[0] if name else None


def _update(
    conn: sqlite3.Connection,
    cf: ClientFile,
    client_id: int,
    extracted: ExtractedClient,
    values: dict[str, str | None],
    address: Address | None,
) -> None:
    client = cf.client(client_id)
    updates: dict[str, str | None] = {}
    for column, value in values.items():
        if not value:
            continue
        if not client.get(column):
            updates[column] = value
        elif not _same(client[column], value):
            cf.log(conn, "conflict", f"klant {client_id}: ander(e) {column} gelezen")
    if not client.get("name") or client["name"] == UNKNOWN_NAME:
        name = display_name(extracted, None)
        if name != UNKNOWN_NAME:
            updates["name"] = name
    if updates:
        cf.update_client(conn, client_id, **updates)
    known_phones = set(client.get("phones", []))
    for phone in _phones(extracted):
        if phone.e164 not in known_phones:
            cf.add_phone(conn, client_id, phone)
    known_emails = {e.casefold() for e in client.get("emails", [])}
    for email in _emails(extracted):
        if email.casefold() not in known_emails:
            cf.add_email(conn, client_id, email)
    if address:
        stored = client.get("addresses", [])
        same = any(
            _same(a.get("postcode"), address.postcode)
            and (not address.house_number or _same(a.get("house_number"), address.house_number))
            for a in stored
        )
        if not same:
            cf.add_address(conn, client_id, address)
            if stored:
                cf.log(conn, "conflict", f"klant {client_id}: ander adres gelezen (toegevoegd)")


def _record_fields(
    conn: sqlite3.Connection,
    cf: ClientFile,
    client_id: int,
    extracted: ExtractedClient,
    page_ids: list[int],
) -> None:
    seen: set[tuple] = set()
    for name, readings in extracted.candidates.items():
        for fv in readings:
            key = (name, fv.value, fv.page_index, fv.box)
            if fv.confidence < SUGGESTION_CONFIDENCE or key in seen:
                continue
            seen.add(key)
            cf.add_field(
                conn,
                client_id,
                field=name,
                value=fv.value,
                page_id=_page_id(fv, page_ids),
                box=fv.box,
                confidence=fv.confidence,
                accepted=False,
            )
