"""Which client does a document belong to: this one (and why), a new one, or ask.

Strong keys first (phone, e-mail, IBAN, KvK: one of them is as good as a name tag),
then a fuzzy name (rapidfuzz) together with the postcode or street. Unsure cases are
handed to the user instead of guessed: a duplicate client is cheap to avoid here and
costly to clean up later.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from storage import ClientFile, KlantdossierError

from .extract.model import ExtractedClient
from .extract.text import fold

KEY_MIN_CONFIDENCE = 0.4  # a strong key read this surely is trusted
NAME_SAME = 88  # rapidfuzz score from which two names are the same person or business
KEY_LABELS = {
    "phone": "zelfde telefoonnummer",
    "email": "zelfde e-mailadres",
    "iban": "zelfde IBAN",
    "kvk": "zelfde KvK-nummer",
}


@dataclass
class MatchDecision:
    """kind: 'existing' (client_id set), 'new', or 'ask' (client_id is the best guess or
    None); reason in Dutch; candidates as (client_id, score 0..1, why), best first."""

    kind: str
    client_id: int | None
    reason: str
    candidates: list[tuple[int, float, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "client_id": self.client_id,
            "reason": self.reason,
            "candidates": [list(c) for c in self.candidates],
        }


def _strong_keys(cf: ClientFile, extracted: ExtractedClient) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for kind in ("phone", "email", "iban", "kvk"):
        for fv in extracted.values(kind, KEY_MIN_CONFIDENCE):
            for client_id in cf.find_by_key(kind, fv.value):
                why = f"{KEY_LABELS[kind]} {fv.value}"
                if why not in found.setdefault(client_id, []):
                    found[client_id].append(why)
    return found


def _names(extracted: ExtractedClient) -> list[str]:
    names = []
    for name in ("name", "company"):
        fv = extracted.best(name, 0.3)
        if fv:
            names.append(fv.value)
    return names


def _client_names(client: dict) -> list[str]:
    person = " ".join(
        p for p in (client.get("first_name"), client.get("tussenvoegsel"), client.get("last_name"))
        if p
    )  # fmt: skip
    return [n for n in (client.get("name"), person, client.get("company")) if n]


def _name_score(names: list[str], client: dict) -> float:
    best = 0.0
    for ours in names:
        for theirs in _client_names(client):
            best = max(best, fuzz.token_sort_ratio(fold(ours), fold(theirs)))
    return best


def _fuzzy_candidates(cf: ClientFile, extracted: ExtractedClient, names: list[str]) -> set[int]:
    ids: set[int] = set()
    postcode = extracted.best("postcode", 0.3)
    if postcode:
        ids.update(cf.find_by_key("postcode", postcode.value))
    for name in names:
        try:
            ids.update(hit.id for hit in cf.search(name, limit=10))
        except (KlantdossierError, sqlite3.Error):
            continue  # an odd name the search syntax rejects: the postcode still counts
    return ids


def _address_match(extracted: ExtractedClient, client: dict) -> tuple[bool, bool]:
    """(same postcode, same postcode and house number) with any stored address."""
    postcode = extracted.value("postcode", 0.3)
    number = extracted.value("house_number", 0.3)
    same_pc = same_house = False
    for address in client.get("addresses", []):
        stored = (address.get("postcode") or "").replace(" ", "").upper()
        if postcode and stored == postcode.replace(" ", "").upper():
            same_pc = True
            if number and fold(address.get("house_number") or "") == fold(number):
                same_house = True
    return same_pc, same_house


def decide(cf: ClientFile, extracted: ExtractedClient) -> MatchDecision:
    """Match what was read on a document to the client file."""
    names = _names(extracted)
    strong = _strong_keys(cf, extracted)
    if strong:
        ranked = []
        for client_id, reasons in strong.items():
            score = _name_score(names, cf.client(client_id)) if names else 0.0
            ranked.append((client_id, len(reasons), score, reasons))
        ranked.sort(key=lambda r: (-r[1], -r[2], r[0]))
        candidates = [(r[0], round(min(1.0, 0.8 + 0.1 * r[1]), 2), ", ".join(r[3])) for r in ranked]
        top = ranked[0]
        if len(ranked) == 1 or (
            top[1] > ranked[1][1] and (top[2] >= NAME_SAME or not names or top[1] >= 2)
        ):
            return MatchDecision("existing", top[0], ", ".join(top[3]), candidates)
        return MatchDecision(
            "ask",
            top[0],
            "meerdere klanten hebben gegevens van dit document: "
            + "; ".join(f"klant {c[0]}: {c[2]}" for c in candidates[:3]),
            candidates,
        )

    scored = []
    for client_id in _fuzzy_candidates(cf, extracted, names):
        client = cf.client(client_id)
        name_score = _name_score(names, client) if names else 0.0
        same_pc, same_house = _address_match(extracted, client)
        if name_score >= NAME_SAME and same_pc:
            scored.append((client_id, 0.95, f"zelfde naam en postcode ({client['name']})"))
        elif name_score >= NAME_SAME:
            scored.append(
                (client_id, 0.6, f"zelfde naam, ander of onbekend adres ({client['name']})")
            )
        elif same_house:
            scored.append((client_id, 0.5, f"zelfde adres, andere naam ({client['name']})"))
    scored.sort(key=lambda c: (-c[1], c[0]))
    if scored:
        top = scored[0]
        unique = len(scored) == 1 or scored[1][1] < top[1]
        if top[1] >= 0.9 and unique and not extracted.ambiguous & {"name", "postcode"}:
            return MatchDecision("existing", top[0], top[2], scored)
        return MatchDecision("ask", top[0], "misschien " + top[2], scored)
    if extracted.is_empty():
        return MatchDecision("ask", None, "geen klantgegevens herkend op dit document", [])
    if extracted.ambiguous & {"name", "company", "postcode"}:
        return MatchDecision(
            "ask", None, "gegevens van meer dan één klant op dit document; kies de klant", []
        )
    return MatchDecision(
        "new",
        None,
        "nieuwe klant: geen bekende klant met dit telefoonnummer, e-mailadres, IBAN, "
        "KvK-nummer of deze naam met postcode",
    )
