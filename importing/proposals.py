"""From read units to proposals: the fields of each client, and which client it is.

All units of one import are looked at together: values that recur across them are our
own business or a common supplier (detection.py) and are never put on a card nor matched
on; units that share an identifier and agree on the name are one client (matching.py).
An import without review accepts every proposal by rule (accept_by_rule); the wizard
shows them, and what a person changes or confirms is marked reviewed.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Hamming

from ocr.extract import ExtractedClient, OwnBusiness, extract_client
from ocr.extract.company import legal_form_of
from ocr.extract.names import parse_person
from ocr.extract.reconcile import merge_phone_slips, merge_registry_slips, reconcile_emails
from ocr.extract.text import fold, look_alike
from storage import CLIENT_FIELDS, ClientFile, ClientNotFoundError, PageText

from .detection import (
    Recurring,
    as_written,
    find_recurring,
    unit_client,
    unit_keys,
    value_key,
)
from .matching import (
    ASK,
    EXISTING,
    NEW,
    Decision,
    Profile,
    decide,
    group_units,
    one_letter_misread,
    why,
)
from .model import Unit

log = logging.getLogger(__name__)

MIN_CONFIDENCE = 0.5  # a reading this sure goes on the card; lower ones only as suggestions
# Fields the review shows, in order, with their Dutch labels; "phone_2" is the second phone.
FIELD_LABELS: list[tuple[str, str]] = [
    ("name", "Naam"),
    ("company", "Bedrijf"),
    ("street", "Straat"),
    ("house_number", "Huisnummer"),
    ("postcode", "Postcode"),
    ("city", "Plaats"),
    ("phone", "Telefoon"),
    ("phone_2", "Telefoon 2"),
    ("email", "E-mail"),
    ("iban", "IBAN"),
    ("kvk", "KvK-nummer"),
    ("btw", "BTW-nummer"),
]
# one value each: the client columns themselves (storage keeps the one list of them)
SINGLE = CLIENT_FIELDS
ADDRESS = ("street", "house_number", "postcode", "city")
MULTI = ("phone", "email")


@dataclass(slots=True)
class ReviewField:
    key: str
    value: str
    confidence: float | None = None  # 0..1; None when a person typed it
    page: int | None = None  # index into the unit's pages
    box: tuple[int, int, int, int] | None = None  # left, top, width, height in page pixels
    source: str = ""
    reviewed: bool = False  # typed or confirmed by a person
    kind: str | None = None  # a phone's kind where the source says it (a vCard's TEL;CELL)


@dataclass(eq=False)
class Proposal:
    """One unit's client as proposed: values per field, and which client it is."""

    unit: Unit
    values: dict[str, list[ReviewField]]
    decision: Decision
    extracted: ExtractedClient | None = None
    flags: list[str] = field(default_factory=list)
    accepted: bool = False
    joins: Proposal | None = None  # another unit of this import is the same client
    recurring: Recurring | None = None  # what recurred across the units of the import

    def value(self, key: str) -> str | None:
        found = self.values.get(key)
        return found[0].value.strip() or None if found else None

    def all(self, key: str) -> list[str]:
        return [f.value.strip() for f in self.values.get(key, []) if f.value.strip()]

    def get(self, row: str) -> ReviewField | None:
        """The value of a review row ("phone_2": the second phone)."""
        key, index = _row(row)
        found = self.values.get(key, [])
        return found[index] if index < len(found) else None

    def set(self, row: str, text: str) -> None:
        """A value a person typed (or left as it was and confirmed)."""
        key, index = _row(row)
        found = self.values.setdefault(key, [])
        old = found[index] if index < len(found) else None
        if old is not None and old.value == text:
            old.reviewed = True
            return
        new = ReviewField(key, text, None, reviewed=True)
        if old is not None:
            found[index] = new
        else:
            found.append(new)
        if key == "name":
            self._name_parts(text)

    def _name_parts(self, text: str) -> None:
        person = parse_person(text) if text and not legal_form_of(text) else None
        for part in ("first_name", "tussenvoegsel", "last_name"):
            value = getattr(person, part, None) if person else None
            self.values[part] = [ReviewField(part, value, None, reviewed=True)] if value else []

    def confirm(self) -> None:
        """The person accepted this client as shown: every value counts as reviewed."""
        self.accepted = True
        for found in self.values.values():
            for f in found:
                f.reviewed = True

    @property
    def profile(self) -> Profile:
        profile = Profile()
        first, infix, last = (self.value(k) for k in ("first_name", "tussenvoegsel", "last_name"))
        profile.add_person(first, infix, last)
        for other in self._first_name_misread(first):
            profile.add_person(other, infix, last)
        profile.add_company(self.value("company"))
        if not profile.persons and not profile.companies:
            profile.add_name(self.value("name"))
        for phone in self.all("phone"):
            profile.add_key("phone", phone)
        for email in self.all("email"):
            profile.add_key("email", email)
        profile.add_key("iban", self.value("iban"))
        profile.add_key("kvk", self.value("kvk"))
        postcode, number = self.value("postcode"), self.value("house_number")
        profile.add_address(postcode, number)
        for other in self._postcode_misread(postcode):
            profile.add_address(other, number)
        return profile

    def _postcode_misread(self, postcode: str | None) -> list[str]:
        """The postcode as read elsewhere in the unit, one digit apart with the same letters
        (a letterhead's "3823 CJ", its footer's "3873 CJ"): nothing tells which is right,
        so either may be another unit's address."""

        def digit_apart(a: str, b: str) -> bool:
            a, b = value_key("postcode", a)[1], value_key("postcode", b)[1]
            return len(a) == len(b) and a[4:] == b[4:] and Hamming.distance(a, b) == 1

        return self._read_otherwise("postcode", postcode, digit_apart)

    def _first_name_misread(self, first: str | None) -> list[str]:
        """The first name as read elsewhere in the unit, one letter OCR takes for another
        ("Latte" in a letterhead, "Lotte" under the signature): nothing tells which is
        right, so either may agree with another unit's."""
        return self._read_otherwise(
            "first_name",
            first,
            lambda a, b: a != b and look_alike(fold(a), fold(b)),
            MIN_CONFIDENCE,
        )

    def _read_otherwise(
        self,
        key: str,
        value: str | None,
        misread: Callable[[str, str], bool],
        min_confidence: float = 0.0,
    ) -> list[str]:
        """The unit's other readings of key that misread says value may be read as; none
        where a person typed the value."""
        found = self.values.get(key)
        if not value or not self.extracted or (found and found[0].reviewed):
            return []
        read = {fv.value for fv in self.extracted.values(key, min_confidence)}
        return sorted(r for r in read if misread(value, r))


def _row(row: str) -> tuple[str, int]:
    key, _, number = row.partition("_")
    if key in MULTI and number.isdigit():
        return key, int(number) - 1
    return row, 0


# -- reading the fields -----------------------------------------------------------------------


def unit_pages(cf: ClientFile, unit: Unit) -> list[PageText]:
    """The unit's pages in order: from memory, or from the client file when stored."""
    pages: list[PageText] = []
    for doc in unit.documents:
        if doc.stored_id is not None and not doc.pages:
            stored = cf.pages(doc.stored_id)
            doc.page_ids = [page_id for page_id, _ in stored]
            pages.extend(page for _, page in stored)
        else:
            pages.extend(doc.page_list)
    return pages


def _extract(pages: list[PageText], unit: Unit, own: OwnBusiness) -> ExtractedClient:
    try:
        return extract_client(pages, folder_name=unit.folder_name, own=own)
    except Exception:  # a reading bug must not stop the import: the pages still count
        log.exception("Klantgegevens lezen mislukt (%s)", unit.label)
        return ExtractedClient(folder_name=unit.folder_name)


def _field(fv, key: str) -> ReviewField:
    return ReviewField(
        key,
        fv.value,
        fv.confidence,
        fv.page_index if fv.page_index >= 0 else None,
        tuple(fv.box) if fv.box else None,
        fv.source,
    )


def card_values(extracted: ExtractedClient, recurring: Recurring | None) -> dict:
    """The values that go on the card: the surest reading of each field, every phone and
    e-mail address read surely enough, one address; never a recurring value."""

    def mine(field_name: str, value: str) -> bool:
        return recurring is None or not recurring.foreign(field_name, value)

    values: dict[str, list[ReviewField]] = {}
    for key in SINGLE:
        for fv in extracted.values(key, MIN_CONFIDENCE):
            if mine(key, fv.value):
                values[key] = [_field(fv, key)]
                break
    for key in MULTI:
        values[key] = [
            _field(fv, key) for fv in extracted.values(key, MIN_CONFIDENCE) if mine(key, fv.value)
        ]
    values.update(_address(extracted, recurring))
    if not values.get("name") and values.get("last_name"):
        # a card with the name in parts ("Voornaam:", "Naam:"): the whole name from them
        parts = [
            values[k][0] for k in ("first_name", "tussenvoegsel", "last_name") if values.get(k)
        ]
        last = values["last_name"][0]
        values["name"] = [
            ReviewField(
                "name",
                " ".join(f.value for f in parts),
                last.confidence,
                last.page,
                last.box,
                last.source,
            )
        ]
    return values


def _address(extracted: ExtractedClient, recurring: Recurring | None) -> dict:
    """One address: the surest postcode, with the street and city read with it."""
    for postcode in extracted.values("postcode", MIN_CONFIDENCE):
        if recurring is not None and recurring.foreign("postcode", postcode.value):
            continue
        key = postcode.value.replace(" ", "")
        readings = sorted(
            (a for a in extracted.addresses if a.postcode.replace(" ", "") == key),
            key=lambda a: -a.confidence,
        )
        found = {"postcode": [_field(postcode, "postcode")]}
        street = next((a for a in readings if a.street), None)
        for part in ("street", "house_number"):
            value = getattr(street, part) if street else None
            if value:
                found[part] = [
                    ReviewField(
                        part, value, street.confidence, street.page_index, None, street.source
                    )
                ]
        city = next((a for a in readings if a.city), None)
        if city is not None:
            found["city"] = [
                ReviewField(
                    "city", city.city, city.confidence, city.page_index, postcode.box, city.source
                )
            ]
        return found
    return {}


def _flags(unit: Unit, extracted: ExtractedClient) -> list[str]:
    flags = []
    if extracted.bsn_pages or any(d.bsn_frames for d in unit.documents):
        flags.append("Op dit papier staat een BSN; het is afgeschermd in de zoektekst.")
    for name in sorted(extracted.ambiguous):
        flags.append(f"Meerdere waarden gelezen voor {name}: kies de juiste.")
    undecided = [i + 1 for i in extracted.undecided_pages]
    if undecided:
        flags.append(
            "Op pagina " + ", ".join(map(str, undecided)) + " staan twee partijen en is niet "
            "zeker wie de klant is: hun gegevens staan niet op de kaart. Vul ze zo nodig in."
        )
    return flags


# -- all units of an import together ---------------------------------------------------------


def propose_all(
    cf: ClientFile,
    units: Sequence[Unit],
    own: OwnBusiness,
    recurring: Recurring | None = None,
) -> tuple[list[Proposal], Recurring | None]:
    """Proposals for every unit (see the module docstring), and what recurred: found
    among these units, or as given (found before among all the units of the import)."""
    pages = [unit_pages(cf, unit) for unit in units]
    raw = [_extract(p, unit, own) for p, unit in zip(pages, units, strict=True)]
    if recurring is None and len(units) >= 2:
        who = [unit_client(e, unit.folder) for e, unit in zip(raw, units, strict=True)]
        recurring = find_recurring([unit_keys(e) for e in raw], who)
        if recurring.own is not None:
            recurring.written = as_written(recurring.own, raw)
    if recurring is not None and recurring.own is not None:
        # without what is now known to be ours: another value may then be the surest one
        # (the client's phone under our letterhead's), and a page addressed to us now
        # shows whose it is (nothing is read again)
        raw = [e.without(recurring.own) if unit_keys(e) & recurring.keys else e for e in raw]
    proposals = [
        Proposal(
            unit, card_values(e, recurring), Decision(), e, _flags(unit, e), recurring=recurring
        )
        for unit, e in zip(units, raw, strict=True)
    ]
    decide_all(cf, proposals)
    spell_emails_alike(proposals)
    spell_phones_alike(proposals)
    spell_registry_alike(proposals)
    spell_postcodes_alike(proposals)
    spell_names_alike(proposals)
    return proposals, recurring


def decide_all(cf: ClientFile, proposals: Sequence[Proposal]) -> None:
    """Which client each proposal is: units of one client found together, then each
    group matched against the client file."""
    profiles = [p.profile for p in proposals]
    groups: dict[int, list[int]] = {}
    for index, group in enumerate(group_units(profiles)):
        groups.setdefault(group, []).append(index)
    for members in groups.values():
        lead = proposals[members[0]]
        merged = Profile()
        for i in members:
            merged.persons += [x for x in profiles[i].persons if x not in merged.persons]
            merged.companies += [x for x in profiles[i].companies if x not in merged.companies]
            merged.keys |= profiles[i].keys
        lead.decision = _decision(cf, lead, merged)
        lead.joins = None
        for i in members[1:]:
            follower = proposals[i]
            shared = profiles[i].keys & profiles[members[0]].keys or merged.keys & profiles[i].keys
            follower.joins = lead
            follower.decision = Decision(
                lead.decision.kind,
                lead.decision.client_id,
                f"{why(shared)} en dezelfde naam als {lead.unit.label}",
                lead.decision.candidates,
            )


def spell_emails_alike(proposals: Sequence[Proposal]) -> None:
    """The units of one client in this import spell an address one way: the way it is
    read most often across them, as within one unit (reconcile_emails). A loose scan's
    "im@hoveniersbedtijfprins.nl" is the folder's "tim@hoveniersbedrijfprins.nl" read
    twice; else the first unit's slip went on the card and the right address, taken for
    a misreading of it, was left off."""
    names = ("name", "first_name", "last_name", "company")
    _spell_alike(proposals, "email", names, reconcile_emails)


def spell_phones_alike(proposals: Sequence[Proposal]) -> None:
    """The units of one client in this import read each phone number one way, as within
    one unit (merge_phone_slips): a loose letter's "06 1298 0890" beside the folder's
    "06 1298 0800", read twice, is that number misread, not a second line; else the card
    held both."""
    _spell_alike(proposals, "phone", (), merge_phone_slips)


def spell_registry_alike(proposals: Sequence[Proposal]) -> None:
    """The units of one client in this import read one KvK number and one btw-id, as
    within one unit (merge_registry_slips): a loose scan's "95306240" beside the folder
    card's "95306210" is the card's misread; else the card took whichever unit came
    first. Where nothing settles which of two numbers a digit apart was read right (each
    on a card, read once, as surely), the card gets neither: both stay suggestions."""
    for name in ("kvk", "btw"):
        _spell_alike(proposals, name, (), merge_registry_slips)
        for members in _one_clients_units(proposals):
            read = {f.value for m in members for f in m.values.get(name, [])}
            if any(one_letter_misread(a, b, 1) for a in read for b in read):
                for member in members:
                    member.values.pop(name, None)


def _spell_alike(
    proposals: Sequence[Proposal],
    field_name: str,
    also: Sequence[str],
    reconcile: Callable[[ExtractedClient], None],
) -> None:
    """Each value of field_name on the cards of one client's units as reconcile makes it
    of all their readings pooled (with those of the fields in also, which it reads)."""
    for members in _one_clients_units(proposals):
        pooled = ExtractedClient()
        for member in members:
            for name in (field_name, *also):
                for fv in member.extracted.all(name) if member.extracted else ():
                    pooled.add(fv)
        before = [fv.value for fv in pooled.all(field_name)]
        reconcile(pooled)
        spelled = dict(zip(before, (fv.value for fv in pooled.all(field_name)), strict=True))
        for member in members:
            kept: dict[str, ReviewField] = {}
            for found in member.values.get(field_name, []):
                found.value = spelled.get(found.value, found.value)
                kept.setdefault(found.value.casefold(), found)
            if field_name in member.values:
                member.values[field_name] = list(kept.values())


def spell_postcodes_alike(proposals: Sequence[Proposal]) -> None:
    """A house has one postcode: where units of one client in this import read the same
    street, house number and city with other postcodes, each takes the one read most
    often across them (a loose letter's "5028 GR" beside the folder's "5028 CR", read on
    three pages); else the card kept whichever unit came first."""
    for members in _one_clients_units(proposals):
        read: dict[tuple[str, ...], Counter[str]] = {}
        for member in members:
            if house := _house(member):
                postcode = member.values["postcode"][0].value
                times = sum(
                    value_key("postcode", fv.value) == value_key("postcode", postcode)
                    for fv in (member.extracted.all("postcode") if member.extracted else ())
                )
                read.setdefault(house, Counter())[postcode] += max(times, 1)
        for member in members:
            counts = read.get(_house(member) or ())
            if not counts or len(counts) < 2:
                continue
            (best, most), (_, next_most) = counts.most_common(2)
            if most > next_most:
                member.values["postcode"][0].value = best


def spell_names_alike(proposals: Sequence[Proposal]) -> None:
    """The units of one client in this import spell the name one way: where they read it
    one letter apart, the way it is read most often across them (a loose letter's
    "Gerfit Mulder" beside the folder's "Gerrit", on its card and its tab); else the
    client was named as the unit that came first read it. Names further apart are other
    names, left as read; what a person typed is kept."""
    for members in _one_clients_units(proposals):
        for key in ("name", "first_name", "last_name"):
            read = Counter(
                fv.value for m in members for fv in (m.extracted.all(key) if m.extracted else ())
            )
            for member in members:
                found = member.values.get(key)
                if not found or found[0].reviewed:
                    continue
                mine = found[0].value
                slips = [v for v in read if _one_letter_apart(v, mine)]
                best = max(slips, key=read.__getitem__, default=mine)
                if read[best] > read[mine]:
                    found[0].value = best


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter of one name misread ("Gerfit Mulder" / "Gerrit Mulder"), as matching
    holds first names to agree (not "Maria" / "Marie": mother and daughter), or in a
    shorter name a letter OCR takes for another ("Latte" / "Lotte")."""
    a_words, b_words = fold(a).split(), fold(b).split()
    if len(a_words) != len(b_words):
        return False
    apart = [(x, y) for x, y in zip(a_words, b_words, strict=True) if x != y]
    return len(apart) == 1 and (one_letter_misread(*apart[0], 6) or look_alike(*apart[0]))


def _house(proposal: Proposal) -> tuple[str, ...] | None:
    """The street, house number and city of a proposal's address, when it has all of
    them and a postcode."""
    values = proposal.values
    if not all(values.get(key) for key in ADDRESS):
        return None
    return tuple(fold(values[key][0].value) for key in ("street", "house_number", "city"))


def _one_clients_units(proposals: Sequence[Proposal]) -> list[list[Proposal]]:
    """The proposals of this import found to be one client, where there are several."""
    groups: dict[int, list[Proposal]] = {}
    for proposal in proposals:
        groups.setdefault(id(proposal.joins or proposal), []).append(proposal)
    return [members for members in groups.values() if len(members) >= 2]


def _decision(cf: ClientFile, proposal: Proposal, profile: Profile) -> Decision:
    unit = proposal.unit
    named, reason, gone = (
        unit.cover_client_id,
        "scheidingsblad van deze klant",
        "Het scheidingsblad noemt",
    )
    if named is None:
        named, reason, gone = (
            unit.known_client_id,
            "eerder ingelezen map van deze klant",
            "Deze map hoorde bij",
        )
    if named is None:
        return decide(cf, profile)
    if _exists(cf, named):
        return Decision(EXISTING, named, reason)
    found = decide(cf, profile)
    found.reason = f"{gone} klant nr. {named}, maar die bestaat niet (meer). {found.reason}"
    if found.kind == EXISTING:
        found.kind = ASK
    return found


def _exists(cf: ClientFile, client_id: int) -> bool:
    try:
        cf.client(client_id)
    except ClientNotFoundError:
        return False
    return True


def accept_by_rule(proposals: Sequence[Proposal]) -> None:
    """What an import without review does: every proposal accepted as it is, and an
    unsure one becomes a new client (never a wrong merge: a duplicate is merged with one
    click in the window, two mixed clients cannot be told apart again)."""
    for proposal in proposals:
        if proposal.decision.kind == ASK:
            proposal.decision = Decision(
                NEW,
                None,
                f"nieuwe klant; niet zeker: {proposal.decision.reason}",
                proposal.decision.candidates,
            )
        proposal.accepted = True
