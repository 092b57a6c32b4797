"""What the Gesprekken view shows, read off the GUI thread: the calls of a period with who
called (a client's name, or the number and where it is from), and the calls still to
return. Plain data, no widgets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from storage import Call

from .. import formatting
from ..data import ClientData

# period key -> days back from today (0: today only), None: everything
PERIODS: dict[str, int | None] = {"today": 0, "week": 6, "month": 29, "all": None}
KINDS = ("all", "missed", "callback", "unknown", "in", "out")
LIMIT = 2000  # calls in one view; a busy office has a few hundred a month


@dataclass(slots=True)
class CallRow:
    call: Call
    name: str | None  # the client's name; None for a number no client has
    number: str  # as shown: "020 123 4567"
    origin: str  # for unknown numbers: "mobiel", "Amsterdam"; else ""
    callback: bool  # marked "terugbellen", not yet done
    at: datetime | None  # local time

    @property
    def kind(self) -> str:
        """'missed', 'in' or 'out'."""
        return "missed" if self.call.missed else self.call.direction

    @property
    def day(self) -> date | None:
        return self.at.date() if self.at else None

    @property
    def dialable(self) -> bool:
        return bool(self.call.number and self.call.number.startswith("+"))

    def matches(self, kind: str, text: str) -> bool:
        """Whether the row passes the view's filters (text: folded words typed)."""
        if kind == "missed" and not self.call.missed:
            return False
        if kind == "callback" and not self.callback:
            return False
        if kind == "unknown" and self.call.client_id is not None:
            return False
        if kind in ("in", "out") and self.kind != kind:
            return False
        if not text:
            return True
        haystack = " ".join(
            v for v in (self.name, self.number, self.origin, self.call.note) if v
        ).lower()
        digits = "".join(c for c in text if c.isdigit())
        number_digits = "".join(c for c in (self.number or "") if c.isdigit())
        return all(word in haystack for word in text.lower().split()) or (
            len(digits) >= 3 and digits in number_digits
        )


@dataclass(slots=True)
class CallLog:
    rows: list[CallRow]  # the period's calls, newest first
    callbacks: list[CallRow]  # every call still to return, the longest waiting first


def local_time(iso: str | None) -> datetime | None:
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return None


def since(period: str, today: date | None = None) -> str | None:
    """The first day of a period as the call log's dates are written ("2026-11-26")."""
    days = PERIODS.get(period)
    if days is None:
        return None
    return ((today or date.today()) - timedelta(days=days)).isoformat()


def load(data: ClientData, period: str, client_id: int | None = None) -> CallLog:
    """The calls of the period (one client's, with client_id), and the open callbacks."""
    from ..call.numbers import describe  # phone number data: when the calls are first shown

    start = None if client_id is not None else since(period)
    calls = data.calls_between(start, None, client_id, LIMIT)
    marks = data.callbacks()
    waiting = [c for c in data.callback_calls() if client_id in (None, c.client_id)]
    ids = sorted({c.client_id for c in [*calls, *waiting] if c.client_id is not None})
    names = data.names_of(ids) if ids else {}
    described: dict[str, tuple[str, str]] = {}

    def row(call: Call) -> CallRow:
        number = call.number or ""
        name = names.get(call.client_id) if call.client_id is not None else None
        if name is not None:  # the client is who it is: the number only formatted
            shown, origin = (formatting.phone(number) if number.startswith("+") else number), ""
        else:  # where an unknown number is from helps to place it (the place list is big)
            if number not in described:
                found = describe(number) if number else None
                described[number] = (found.display, found.origin) if found else ("", "")
            shown, origin = described[number]
        return CallRow(call, name, shown, origin, call.id in marks, local_time(call.at))

    return CallLog([row(c) for c in calls], [row(c) for c in waiting])
