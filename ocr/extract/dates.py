"""Dates as printed on Dutch paper ("3 maart 2019", "03-03-2019", "3/3/2019") to ISO."""

from __future__ import annotations

import datetime as dt
import re

from .hits import Hit

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_WRITTEN = re.compile(r"\b(\d{1,2})[\s.-]*([a-zA-Z]{3,9})\.?[\s.-]*(\d{4})\b")
# a gap OCR saw inside the year ("09-09-201 9": read as a phone number +31 909 2019)
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d(?:\s?\d){3})(?!\d)")


def find_dates(text: str) -> list[Hit]:
    hits = []
    for match in _WRITTEN.finditer(text):
        month = MONTHS.get(match.group(2).casefold())
        if month:
            hits.extend(_hit(match, int(match.group(3)), month, int(match.group(1))))
    for match in _NUMERIC.finditer(text):
        if " " in match.group(3) and re.search(r"\d\s$", text[: match.start()]):
            continue  # the day split by a gap too ("1 2-7-201 3" is no 2 July)
        year = int(match.group(3).replace(" ", ""))
        hits.extend(_hit(match, year, int(match.group(2)), int(match.group(1))))
    return sorted(hits, key=lambda h: h.start)


def _hit(match: re.Match[str], year: int, month: int, day: int) -> list[Hit]:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return []
    if not 1900 <= year <= 2100:
        return []
    return [Hit(date.isoformat(), match.start(), match.end(), match.group(0))]
