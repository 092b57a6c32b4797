"""Other names of Dutch places, for search: "den bosch" finds a client in 's-Hertogenbosch,
"den haag" one in 's-Gravenhage, and the other way round.

A short hand-made table of the names people really type (the official name, the name in
daily use, the Frisian name). The extraction's list of Dutch places (storage/places.py,
from GeoNames) knows these names too, but among exonyms in other languages ("Gaaga",
"Hag") that would only add noise to a search-as-you-type, and it does not say which of
its names are Dutch or Frisian: filtering it would take a table like this one anyway.

Pure data and a look-up; no SQL.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Each group: the names of one place. Names that search already finds from one another
# (hyphens, "a/d" for "aan den", "'s-Heerenberg" for "heerenberg") need no entry, and a
# name whose words alone are too common ("'s Bosch": "bosch") would find too much.
ALIAS_GROUPS: tuple[tuple[str, ...], ...] = (
    ("'s-Hertogenbosch", "Den Bosch"),
    ("'s-Gravenhage", "Den Haag", "The Hague"),
    ("Brielle", "Den Briel"),
    ("Hoogezand-Sappemeer", "Hoogezand", "Sappemeer"),
    ("Leeuwarden", "Ljouwert"),
    ("Sneek", "Snits"),
    ("Heerenveen", "It Hearrenfean"),
    ("Harlingen", "Harns"),
    ("Franeker", "Frjentsjer"),
    ("Bolsward", "Boalsert"),
    ("Joure", "De Jouwer"),
    ("Workum", "Warkum"),
)

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _words(name: str) -> tuple[str, ...]:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return tuple(_WORD.findall(plain))


@functools.cache
def _table() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Words of a name -> the words of the place's other names (one-letter words such as
    the "s" of 's-Hertogenbosch left out: as a prefix it would match anything)."""
    table: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
    for group in ALIAS_GROUPS:
        names = [_words(name) for name in group]
        for name in names:
            others = tuple(
                dict.fromkeys(
                    kept
                    for other in names
                    if other != name and (kept := tuple(w for w in other if len(w) > 1))
                )
            )
            if others:
                table[name] = others
    return table


def place_alias_spans(words: list[str]) -> list[tuple[int, int, tuple[tuple[str, ...], ...]]]:
    """Where the (folded) words of a query name a place with other names: (start, end,
    the other names' words). The last word of the query may be the start of the place's
    last word ("den bos" while typing). Spans do not overlap; the longest wins."""
    table = _table()
    spans = []
    i = 0
    while i < len(words):
        best = None
        for name, others in table.items():
            end = i + len(name)
            if end > len(words) or (best and len(name) <= best[1] - best[0]):
                continue
            typed = words[i:end]
            if typed[:-1] == list(name[:-1]) and (
                typed[-1] == name[-1]
                or (end == len(words) and len(typed[-1]) >= 3 and name[-1].startswith(typed[-1]))
            ):
                best = (i, end, others)
        if best is None:
            i += 1
            continue
        spans.append(best)
        i = best[1]
    return spans
