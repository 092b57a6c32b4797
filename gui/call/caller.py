"""Everything the banner shows about one incoming number, read from the client file (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field

from storage import Call, Client, ClientFile, DocumentInfo, Note
from storage import phones as phone_numbers

from .numbers import CallerNumber, describe

DOCUMENTS_SHOWN = 3
# A note that starts with one of these is something still to do for the client: the
# banner lists it under "open" until the note is changed (the card edits notes).
OPEN_MARKERS = ("[ ]", "todo", "open:", "actie:", "terugbellen")


@dataclass(slots=True)
class Caller:
    number: CallerNumber
    client: Client | None = None
    last_call: Call | None = None
    last_note: Note | None = None
    open_items: list[str] = field(default_factory=list)
    documents: list[DocumentInfo] = field(default_factory=list)  # newest first
    call_id: int | None = None  # set once the call is logged

    @property
    def client_id(self) -> int | None:
        return self.client.id if self.client else None


def load_caller(cf: ClientFile, raw: str) -> Caller:
    """Look the number up; the call itself is logged separately (log_call), after the
    banner is on screen, so "last call" here is the one before this ring."""
    number = describe(raw)
    caller = Caller(number)
    client_id = _lookup(cf, raw)
    if client_id is None:
        return caller
    client = cf.client(client_id)
    caller.client = client
    if number.e164 not in client.numbers:
        # Found through another reading (a caller ID without its 0): show and log that one.
        readings = phone_numbers.candidates(raw)
        match = next((p for p in readings if p in client.numbers), None)
        if match is not None:
            found = describe(match)
            caller.number = CallerNumber(raw, found.e164, found.display, found.origin)
    caller.last_call = client.calls[0] if client.calls else None
    caller.last_note = client.notes[0] if client.notes else None
    caller.open_items = [
        n.text for n in client.notes if n.text.strip().lower().startswith(OPEN_MARKERS)
    ]
    caller.documents = list(reversed(client.documents))[:DOCUMENTS_SHOWN]
    return caller


def _lookup(cf: ClientFile, raw: str) -> int | None:
    # lookup_phone_ids also reads caller IDs without their 0 or with an exchange's extra 0.
    ids = cf.lookup_phone_ids(raw)
    return ids[0] if ids else None


def log_call(cf: ClientFile, caller: Caller, direction: str = "in") -> int | None:
    """Put the call in the log (its E.164 number); None, and nothing logged, when the text
    that came in is no phone number: a stray argument or RING is no call."""
    if caller.number.e164 is None:
        return None
    caller.call_id = cf.add_call(caller.client_id, caller.number.e164, direction=direction)
    return caller.call_id
