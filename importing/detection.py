"""Values that recur across the client folders of one import: our own business, or a
supplier many clients have in common. Neither is a client's, so neither may go on a
client's card or decide that two folders are one client.

Real client folders hold copies of the quotes and invoices the business itself sent:
its letterhead, phone, e-mail and a footer with its KvK, BTW and IBAN, in every folder.
Before anyone has filled in the own-business settings (every new user's first import)
those recur, and recurring is what gives them away. The values that recur in the most
folders, and stand together in them, are proposed to the user as the own business.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ocr.extract import ExtractedClient, OwnBusiness
from ocr.extract.email import MAIL_PROVIDERS
from ocr.extract.text import fold
from storage.phones import normalize, written

from .matching import Profile, names_agree

# A value in this many folders (and in this share of them) is not one client's.
MIN_FOLDERS = 3
MIN_SHARE = 0.25
# The own business stands in (nearly) every folder: its values in this share of them.
OWN_SHARE = 0.5
# Values that go with the own business: seen in nearly the same folders as its most
# frequent value.
TOGETHER = 0.8
KEYED = ("phone", "email", "iban", "kvk", "btw", "company", "postcode")


def value_key(field: str, value: str) -> tuple[str, str]:
    """The form two readings of one value share (spacing, case, accents aside)."""
    if field in ("iban", "kvk", "btw", "postcode"):
        return field, value.replace(" ", "").replace(".", "").upper()
    if field == "email":
        return field, value.casefold()
    if field == "company":
        return field, fold(value)
    return field, value


def unit_keys(extracted: ExtractedClient) -> set[tuple[str, str]]:
    """Every identifying value read anywhere on a unit's pages (not only the best, and
    also those held apart as another party's: our letterhead, a supplier's), except on
    pages the folder says are someone else's (another client's letter filed here:
    counted, its writer's values would stand in their own folders and in this one, and
    look like ours)."""
    others = {p.page_index for p in extracted.pages if p.reason == "other"}
    return {
        value_key(fv.field, fv.value)
        for fv in extracted.readings
        # a folder-name hint is the folder's own
        if fv.field in KEYED and fv.page_index >= 0 and fv.page_index not in others
    }


def unit_client(extracted: ExtractedClient, folder: Path | None = None) -> Profile:
    """Whose a unit is, as find_recurring compares units: its folder tab as typed (of a
    year's folder, "Smit, Inés/2021", the tab it is in), else (a loose file) the person
    and firm named most surely in it."""
    who = Profile()
    tabs = [folder.name, folder.parent.name] if folder is not None else []
    who.add_name(next((t for t in tabs if any(c.isalpha() for c in t)), None))
    if who.empty:
        who.add_name(extracted.value("name"))
        who.add_company(extracted.value("company"))
    if who.empty:
        # a loose letter with two parties and nothing that tells which is the client (our
        # own business not known yet): its values are held, and it is whose either is
        # (else the client's folders and this letter count as three clients, and the
        # client's numbers look like a supplier's)
        undecided = set(extracted.undecided_pages)
        for fv in (fv for fv in extracted.held if fv.page_index in undecided):
            if fv.field == "name":
                who.add_name(fv.value)
            elif fv.field == "company":
                who.add_company(fv.value)
    return who


@dataclass
class Recurring:
    """What recurs across the folders of an import, and what of it is the own business."""

    keys: set[tuple[str, str]]  # in too many folders to be one client's
    own: OwnBusiness | None  # the values that look like the user's own business
    folders: int  # in how many folders the own business was seen
    written: OwnBusiness | None = None  # own as printed (as_written), to propose to the user

    @property
    def own_domains(self) -> set[str]:
        """Our own mail domain: any address there is ours (a colleague's, the invoices')."""
        emails = self.own.emails if self.own is not None else ()
        domains = {e.rsplit("@", 1)[-1].casefold() for e in emails if "@" in e}
        return domains - MAIL_PROVIDERS

    def foreign(self, field: str, value: str) -> bool:
        if value_key(field, value) in self.keys:
            return True
        return field == "email" and value.rsplit("@", 1)[-1].casefold() in self.own_domains


def threshold(units: int) -> int:
    return max(MIN_FOLDERS, math.ceil(MIN_SHARE * units))


def find_recurring(
    per_unit: Sequence[set[tuple[str, str]]], who: Sequence[Profile] | None = None
) -> Recurring:
    """Values in at least threshold() of the units; the own business among them. who
    names each unit's client (unit_client): units whose names agree count once, so the
    e-mail address of a client with two folders ("De Groot Bouw", "De Groot Bouw Holding
    B.V.") and a loose letter signed "Sophie de Groot" is not taken for ours."""
    where: dict[tuple[str, str], list[int]] = {}
    for i, keys in enumerate(per_unit):
        for key in keys:
            where.setdefault(key, []).append(i)
    clients = _Clients(who)
    counts = Counter({key: clients.count(units) for key, units in where.items()})
    n = len(per_unit)
    recurring = {key for key, count in counts.items() if count >= threshold(n)}
    own, seen = _own_business(per_unit, counts, recurring, n)
    return Recurring(recurring, own, seen)


class _Clients:
    """How many clients a set of units are, by whether their names agree."""

    def __init__(self, who: Sequence[Profile] | None) -> None:
        self.who = who
        # our own values stand in the same units: their pairs are compared once
        self.agree: dict[tuple[int, int], bool] = {}

    def count(self, units: Sequence[int]) -> int:
        if self.who is None:
            return len(units)
        firsts: list[int] = []  # one unit of each client met so far
        for i in units:
            if self.who[i].empty or not any(self._same(j, i) for j in firsts):
                firsts.append(i)
        return len(firsts)

    def _same(self, i: int, j: int) -> bool:
        if (i, j) not in self.agree:
            a, b = self.who[i], self.who[j]
            self.agree[i, j] = not a.empty and not b.empty and names_agree(a, b)
        return self.agree[i, j]


def _own_business(
    per_unit: Sequence[set[tuple[str, str]]],
    counts: Counter[tuple[str, str]],
    recurring: set[tuple[str, str]],
    n: int,
) -> tuple[OwnBusiness | None, int]:
    strong = [
        k
        for k in recurring
        if k[0] in ("phone", "email", "iban", "kvk", "btw") and counts[k] >= OWN_SHARE * n
    ]
    if not strong:
        return None, 0
    top = max(strong, key=lambda k: (counts[k], k))
    where = {i for i, keys in enumerate(per_unit) if top in keys}
    together = [
        k
        for k in recurring
        if len({i for i in where if k in per_unit[i]}) >= TOGETHER * len(where)
        and counts[k] <= len(where) / TOGETHER
    ]
    values: dict[str, list[str]] = {}
    for field, value in sorted(together, key=lambda k: (-counts[k], k)):
        values.setdefault(field, []).append(value)

    def first(field: str) -> str | None:
        found = values.get(field)
        return found[0] if found else None

    own = OwnBusiness(
        name=first("company"),
        postcode=first("postcode"),
        phones=tuple(values.get("phone", ())),
        emails=tuple(values.get("email", ())),
        iban=first("iban"),
        kvk=first("kvk"),
        btw=first("btw"),
        extra_names=tuple(values.get("company", ())[1:]),
    )
    return own, len(where)


def as_written(own: OwnBusiness, read: Sequence[ExtractedClient]) -> OwnBusiness:
    """The own business found (in the form readings are compared in: "van beek tuinen b
    v", "5031HA") as it is printed: each name and the postcode as read most often (in
    small letters where read so too), and the street and city read most often with that
    postcode, for the user to confirm."""
    forms_read: dict[tuple[str, str], Counter[str]] = {}
    places: Counter[tuple[str, str]] = Counter()
    for extracted in read:
        for fv in extracted.readings:
            if fv.field in ("company", "postcode"):
                forms_read.setdefault(value_key(fv.field, fv.value), Counter())[fv.value] += 1
        for a in (*extracted.addresses, *extracted.held_addresses):
            ours = own.postcode and value_key("postcode", a.postcode)[1] == own.postcode
            if ours and a.street and a.city:
                street = f"{a.street} {a.house_number}" if a.house_number else a.street
                places[street, a.city] += 1

    def printed(field: str, key: str | None) -> str | None:
        forms = forms_read.get((field, key)) if key else None
        # a letterhead in capitals is the same name: as typed, it has small letters
        return max(forms, key=lambda v: (not v.isupper(), forms[v])) if forms else key

    street, city = places.most_common(1)[0][0] if places else (None, None)
    return dataclasses.replace(
        own,
        name=printed("company", own.name),
        extra_names=tuple(printed("company", n) or n for n in own.extra_names),
        postcode=printed("postcode", own.postcode),
        street=own.street or street,
        city=own.city or city,
        phones=tuple(written(p) for p in own.phones),  # "0513 612 345", not "+31513612345"
    )


def combined(*owns: OwnBusiness | None) -> OwnBusiness:
    """One OwnBusiness holding the details of all (saved settings and what was found)."""
    present = [o for o in owns if o is not None]
    if not present:
        return OwnBusiness()

    def merged(name: str) -> tuple[str, ...]:
        seen: dict[str, str] = {}  # the same number written two ways counts once
        for o in present:
            value = getattr(o, name)
            for v in value if isinstance(value, tuple) else (value,):
                key = (normalize(v) or v) if name == "phones" and v else v
                if v and key not in seen:
                    seen[key] = v
        return tuple(seen.values())

    def single(name: str) -> str | None:
        return next((getattr(o, name) for o in present if getattr(o, name)), None)

    names = merged("name")
    return OwnBusiness(
        name=names[0] if names else None,
        street=single("street"),
        postcode=single("postcode"),
        city=single("city"),
        phones=merged("phones"),
        emails=merged("emails"),
        iban=single("iban"),
        kvk=single("kvk"),
        btw=single("btw"),
        signers=merged("signers"),
        extra_names=tuple(dict.fromkeys(names[1:] + merged("extra_names"))),
    )


def describe(own: OwnBusiness) -> str:
    """'Garage Dekker B.V., Industrieweg 14, 8441 PK Heerenveen, 0513-612345,
    info@dekker.nl, KvK 12345678' for a message."""
    parts: list[str] = [own.name] if own.name else []
    parts += [own.street] if own.street else []
    place = " ".join(p for p in (own.postcode, own.city) if p)
    parts += [place] if place else []
    parts += list(own.phones[:2]) + list(own.emails[:2])
    parts += [
        f"{label} {v}" for label, v in (("IBAN", own.iban), ("KvK", own.kvk), ("btw", own.btw)) if v
    ]
    return ", ".join(parts)


def suggestion(found: OwnBusiness | None, saved: OwnBusiness, folders: int) -> dict | None:
    """What the report proposes as the own business, when it adds to what is saved."""
    if found is None or _covered(found, saved):
        return None
    return {
        "message": f"Dit lijkt uw eigen bedrijf: {describe(found)}",
        "folders": folders,
        "details": found.to_dict(),
    }


def _covered(found: OwnBusiness, saved: OwnBusiness) -> bool:
    mine = combined(saved)
    return all(
        value in _values(mine, name)
        for name in ("phones", "emails", "iban", "kvk", "btw")
        for value in _values(found, name)
    )


def _values(own: OwnBusiness, name: str) -> set[str]:
    value = getattr(own, name)
    values = value if isinstance(value, tuple) else ((value,) if value else ())
    if name == "phones":
        return {normalize(v) or v for v in values}
    return {value_key(name.rstrip("s"), v)[1] for v in values}
