"""From raw readings to a client: the own business taken out, the parties of every page
decided, readings of other parties held apart, and the rest reconciled.

Kept apart from the reading so it can run again when more own values become known
(ExtractedClient.without): an import learns which values recur across folders (our own
business, a common supplier) only after several folders were read.

The client is the party that is not us. A page that carries two parties of which none is
known to be ours is decided by the rest of the folder (the party that agrees with the
client card, the one-party pages and the folder tab), else by how it is addressed, else
not at all: then its readings are held, never mixed onto the client. A page to us about
a third address (a supplier's invoice with the client's house as its "Werkadres") has
that address as its client, not its writer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from rapidfuzz import fuzz
from rapidfuzz.distance import Hamming

from .company import firm_domain_alike, legal_form_of
from .email import MAIL_PROVIDERS
from .model import AddressValue, ExtractedClient, FieldValue, PageParties, group_key
from .names import TITLES, is_particle, parse_folder_name
from .own import OwnBusiness, OwnFilter
from .reconcile import (
    mark_ambiguous,
    merge_name_spacing,
    merge_phone_slips,
    merge_postcode_slips,
    merge_registry_slips,
    reconcile_emails,
    respell_accents,
    unswap_names,
)
from .text import fold, read_as, unknown_letters

# Values that tell one party from another (legal_form, house_number... come with these).
IDENTIFYING = frozenset(
    {"phone", "email", "iban", "kvk", "btw", "vat", "postcode", "street", "company", "name",
     "last_name"}
)  # fmt: skip
_STRONG = ("phone", "email", "iban", "kvk", "btw", "vat", "postcode", "street")
# What names one household or firm: a street name alone does not (the client's neighbours
# and half the town write "Oude Gracht" too), so it never makes a writer the folder's client
_IDENTIFIERS = tuple(f for f in _STRONG if f != "street")
_FIRM_NUMBERS = tuple(f for f in _IDENTIFIERS if f != "postcode")
_NAMES = ("company", "last_name")
_GLUED = ("phone", "email", "iban", "kvk", "btw", "vat", "name", "company", "last_name")
_GLUED_NUMBERS = ("phone", "email", "iban", "kvk", "btw")
CONF_FOLDER = 0.6
FOLDER_PAGE = -1  # page_index of hints taken from the folder name
_TWO_PARTIES = ("sender", "recipient")
# ... and the address the page is about (layout: "Werkadres:", "Afleveradres:")
_ADDRESSED = (*_TWO_PARTIES, "subject")
_Value = TypeVar("_Value", FieldValue, AddressValue)
_WHO = ("name", "company")


@dataclass(frozen=True, slots=True)
class RawReading:
    fv: FieldValue
    unit: int  # readings made together: a name's parts, a street and its number
    group: int  # an address and the name lines above it


@dataclass(frozen=True, slots=True)
class RawAddress:
    value: AddressValue
    unit: int
    group: int


@dataclass(frozen=True, slots=True)
class RawPage:
    index: int
    readings: list[RawReading]
    addresses: list[RawAddress]
    is_card: bool
    customer_wording: bool
    business_addressee: bool


@dataclass(frozen=True, slots=True)
class RawFolder:
    pages: list[RawPage]
    hints: list[RawReading]  # from the folder tab
    folder_name: str | None
    bsn_pages: list[int]


def _is_own(fv: FieldValue, own: OwnFilter) -> bool:
    field, value = fv.field, fv.value
    if field == "phone":
        return own.phone(value)
    if field == "email":
        return own.email(value)
    if field == "iban":
        return own.iban(value)
    if field == "kvk":
        return own.kvk(value)
    if field == "btw":
        return own.btw(value)
    if field in ("name", "company"):
        return own.name(value)
    return False


def _own_marks(page: RawPage, owns: list[OwnFilter]) -> tuple[set[int], set[str]]:
    """Units that are ours on a page (by a value, by their group) and parties that are."""
    units: set[int] = set()
    groups: set[int] = set()
    named: set[int] = set()  # groups that are ours by a name only
    for r in page.readings:
        if any(_is_own(r.fv, own) for own in owns):
            units.add(r.unit)
            (named if r.fv.field in ("name", "company") else groups).add(r.group)
    for a in page.addresses:
        if any(own.address(a.value.postcode, a.value.street) for own in owns):
            units.add(a.unit)
            groups.add(a.group)
    named -= groups
    ours = groups | named
    parties = {
        r.fv.party
        for r in page.readings
        if (r.unit in units or r.group in ours) and r.fv.party in _ADDRESSED
    }
    parties |= {a.value.party for a in page.addresses if a.group in ours} & set(_ADDRESSED)
    # our name read into the writer's letterhead (the window with our address read as
    # one block with it) does not make the writer us: a party that is ours by a name only
    # and prints numbers none of which is ours is someone else
    parties -= {p for p in parties if _by_name_only(page, p, units, groups)}
    return units | {r.unit for r in page.readings if r.group in ours}, {p for p in parties if p}


def _by_name_only(page: RawPage, party: str, units: set[int], groups: set[int]) -> bool:
    """Is party ours only by a name, while it prints a number (phone, e-mail, IBAN, KvK,
    btw) that is not ours? Our name read into the writer's block is a name only even where
    it was grouped with our window address under it: the party's own address or numbers
    must be ours."""
    mine = [r for r in page.readings if r.fv.party == party]
    if any(r.group in groups and r.fv.field in _STRONG for r in mine) or any(
        a.value.party == party and a.group in groups for a in page.addresses
    ):
        return False
    return any(r.fv.field in _GLUED_NUMBERS and r.unit not in units for r in mine)


def _kept(
    page: RawPage, owns: list[OwnFilter]
) -> tuple[list[FieldValue], list[AddressValue], set[str]]:
    units, own_parties = _own_marks(page, owns)
    readings = [
        r.fv for r in page.readings if r.unit not in units and r.fv.party not in own_parties
    ]
    addresses = [
        a.value for a in page.addresses if a.unit not in units and a.value.party not in own_parties
    ]
    if "recipient" not in own_parties and ("sender" in own_parties or _one_addressee(readings)):
        # a delivery or work address on our own paper (our invoice, "Afleveradres:"), or
        # of the addressee by name, is the addressee's; on a page to us, or one whose
        # parties are not known (our window's address unknown yet), it is what the page
        # is about
        readings = [_as_addressee(fv) for fv in readings]
        addresses = [_as_addressee(a) for a in addresses]
    return readings, addresses, own_parties


def _one_addressee(readings: list[FieldValue]) -> bool:
    """Do the addressee and the address the page is about name the same person or firm
    (a web shop's "Factuuradres" and "Afleveradres" of one client)?"""
    names = {
        party: {fold(fv.value) for fv in readings if fv.party == party and fv.field in _WHO}
        for party in ("recipient", "subject")
    }
    return bool(names["recipient"] & names["subject"]) or any(
        _same_person(a, b) for a in names["recipient"] for b in names["subject"]
    )


def _as_addressee(value: _Value) -> _Value:
    return dataclasses.replace(value, party="recipient") if value.party == "subject" else value


class _Anchor:
    """What the folder says about its client outside the two-party pages."""

    def __init__(self) -> None:
        self.values: dict[str, set[str]] = {}
        # a folder tab's name with a letter the Dutch model does not know ("Çelik", read
        # "Gelik" on every page): that letter may be read as any other
        self.written: dict[str, dict[str, str]] = {}

    def add(self, fv: FieldValue) -> None:
        if fv.field in IDENTIFYING:
            self.values.setdefault(fv.field, set()).add(group_key(fv))
        if fv.zone == "folder" and fv.field in ("name", *_NAMES):
            pattern = unknown_letters(fv.value)
            if pattern != group_key(fv):
                self.written.setdefault(fv.field, {})[pattern] = group_key(fv)

    def _key(self, fv: FieldValue) -> str:
        """A reading's key, or the folder tab's where they differ only in letters the
        model may read as another (text.unknown_letters)."""
        key = group_key(fv)
        for pattern, written in self.written.get(fv.field, {}).items():
            if read_as(pattern, key):
                return written
        return key

    def add_firms_people(self, readings: list[FieldValue]) -> None:
        """The persons a page names beside the firm the folder is named after (a letter
        signed "Chloë Hendriks, Hoveniersbedrijf Hendriks Holding B.V."): they are the
        firm's, and a letter of Lucas Hendriks filed here shares only the surname."""
        firms = self.values.get("company", set())
        parties = {
            fv.party
            for fv in readings
            if fv.party
            and fv.field == "company"
            and any(_same_firm(group_key(fv), firm) for firm in firms)
        }
        for fv in readings:
            if fv.party in parties and fv.field == "name":
                self.add(fv)

    def _names(self) -> set[str]:
        return {n for f in _NAMES for n in self.values.get(f, ())}

    def comparable(self, readings: list[FieldValue]) -> bool:
        """Could readings agree with the anchor at all (a value of a kind it knows)?"""
        names = bool(self._names())
        return any(
            (fv.field in _STRONG and fv.field in self.values) or (fv.field in _NAMES and names)
            for fv in readings
        )

    def agrees(self, readings: list[FieldValue]) -> bool:
        """Same phone, e-mail, IBAN, KvK, btw or postcode, the same person ("S. van 't Hof"
        and "Sjoerd van 't Hof"), or a name that shares its surname or firm name ("Vries"
        and "Bakkerij De Vries"), unless the first names differ (a letter of Fatima Mulder
        in Marieke Mulder's folder is not hers) or the firms do."""
        names = self._names()
        people = self.values.get("name", set())
        if _other_person(readings, people):
            names = set()
        numbers = _IDENTIFIERS
        if self._other_firm(readings):
            # "Gerrit Huisman" of Huisman Advies in the folder of Gerrit Huisman of
            # Stichting Huisman Bouw: a shared name says nothing, only a number does; not
            # a postcode, which a whole street shares (a supplier's invoice for work at
            # the client's address)
            names, people, numbers = set(), set(), _FIRM_NUMBERS
        for fv in readings:
            key = self._key(fv)
            if fv.field in numbers and key in self.values.get(fv.field, ()):
                return True
            if fv.field == "name" and any(_same_person(key, n) for n in people):
                return True
            if fv.field in _NAMES and any(
                len(n) >= 3 and fuzz.token_set_ratio(key, n) >= 90 for n in names
            ):
                return True
        return False

    def _other_firm(self, readings: list[FieldValue]) -> bool:
        """Do readings name a firm, and the folder another one?"""
        theirs = {group_key(fv) for fv in readings if fv.field == "company"}
        ours = self.values.get("company", set())
        return bool(theirs and ours) and not any(_same_firm(t, o) for t in theirs for o in ours)


def _same_firm(a: str, b: str) -> bool:
    """Two folded firm names of one firm ("hoveniersbedrijf hendriks holding b.v." and the
    folder's "hoveniersbedrijf hendriks")."""
    return fuzz.token_set_ratio(a, b) >= 90


def _other_person(readings: list[FieldValue], known: set[str]) -> bool:
    """Whether every person named in readings has another first name than every person
    the folder names (same surname or not: family members are other clients). Names
    without a first name ("Fam. van der Linden", "J. Smit") say nothing here."""
    theirs = [_first_name(group_key(fv)) for fv in readings if fv.field == "name"]
    ours = [_first_name(n) for n in known]
    theirs = [t for t in theirs if t]
    ours = [o for o in ours if o]
    if not theirs or not ours:
        return False
    return all(fuzz.ratio(t, o) < 80 for t in theirs for o in ours)


def _first_name(name: str) -> str | None:
    """The written-out first name of a folded full name, if it has one."""
    words = name.split()
    if len(words) < 2 or len(words[0]) <= 2 or is_particle(words[0]) or TITLES.match(name):
        return None
    return words[0]


def _same_person(a: str, b: str) -> bool:
    """Two folded full names of one person: the same surname, and the same first name or
    its initial ("s. van 't hof", "sjoerd van 't hof")."""
    first_a, _, rest_a = a.partition(" ")
    first_b, _, rest_b = b.partition(" ")
    if not rest_a or not rest_b or (not _first_name(a) and not _first_name(b)):
        return False
    if fuzz.ratio(rest_a, rest_b) < 90:
        return False
    if len(first_a.strip(".")) == 1 or len(first_b.strip(".")) == 1:
        return first_a[0] == first_b[0]
    return fuzz.ratio(first_a, first_b) >= 80


def _glued(page: RawPage, own_parties: set[str], owns: list[OwnFilter]) -> list[FieldValue]:
    """What a party we took for ours holds that is not ours: the writer's name, phone and
    e-mail when their letterhead and our address in the window were read as one block."""
    return [
        r.fv
        for r in page.readings
        if r.fv.party in own_parties
        and r.fv.field in _GLUED
        and not any(_is_own(r.fv, own) for own in owns)
    ]


def _decide(
    page: RawPage,
    readings: list[FieldValue],
    own_parties: set[str],
    anchor: _Anchor | None,
    glued: list[FieldValue],
) -> PageParties:
    """Which party of the page is the client. Without an anchor (the first pass) only
    pages that decide themselves are decided; the others are decided with it."""
    present = sorted({fv.party for fv in readings if fv.party and fv.field in IDENTIFYING})
    own = tuple(sorted(own_parties))

    def result(client: str | None, reason: str) -> PageParties:
        return PageParties(page.index, tuple(present), own, client, reason)

    def theirs(party: str) -> list[FieldValue]:
        return [fv for fv in readings if fv.party == party and fv.field in IDENTIFYING]

    def stranger(party: str) -> bool:
        """Does this party name someone else than the folder's client? Only when the
        folder says who its client is, and the party has values of its own to compare."""
        if anchor is None or not anchor.values:
            return False
        return anchor.comparable(theirs(party)) and not anchor.agrees(theirs(party))

    if "card" in present:
        return result("card", "card" if len(present) > 1 else "one-party")
    if "subject" in present:
        # a page to us about another address than ours (a supplier's invoice with the
        # client's house as "Werkadres"): that address is the client, the writer is not
        # (a client's letter about their project loses its letterhead, held for review;
        # a supplier sharing the client's name would mix them)
        return result(None, "other") if stranger("subject") else result("subject", "subject")
    if not present:
        if glued:
            # no party but ours, and ours holds someone's values: whose the running text
            # is ("Mijn telefoonnummer is ..."), only the folder can tell
            if anchor is None:
                return result(None, "undecided")
            if anchor.values and anchor.comparable(glued) and not anchor.agrees(glued):
                return result(None, "other")
        return result(None, "one-party")
    if len(present) == 1:
        if anchor is None:
            return result(None, "undecided")  # decided in the second pass
        if not own:
            # one party: the client, unless the folder says it is someone else
            return (
                result(None, "other") if stranger(present[0]) else result(present[0], "one-party")
            )
        # the other party is ours; but a letter of another client, or a supplier's
        # invoice to us, in this client's folder is not this client's
        if stranger(present[0]):
            return result(None, "other")
        if "recipient" in own and anchor.values and not anchor.comparable(theirs(present[0])):
            # paper sent to us by someone the folder cannot vouch for (a supplier's
            # invoice: a letterhead with numbers, no name the folder knows): not the
            # client's, kept apart; a client's own letter is signed with their name
            return result(None, "other")
        return result(present[0], "own")
    if anchor is not None and anchor.values:
        agreeing = [p for p in present if anchor.agrees(theirs(p))]
        if len(agreeing) == 1:
            return result(agreeing[0], "folder")
        if not agreeing and all(stranger(p) for p in present):
            return result(None, "other")
    if set(present) == set(_TWO_PARTIES):
        if page.customer_wording != page.business_addressee:
            return result("recipient" if page.customer_wording else "sender", "wording")
        # a private person writing to a firm, or a firm to a private person: we are a
        # business, so the person is the client (a web shop's invoice to the client too)
        firms = [p for p in _TWO_PARTIES if _is_firm([fv for fv in readings if fv.party == p])]
        if len(firms) == 1:
            return result("recipient" if firms[0] == "sender" else "sender", "wording")
    return result(None, "undecided")


def _is_firm(readings: list[FieldValue]) -> bool:
    """Does a party present itself as a business: a firm's name, a KvK or btw number?
    (A party with only a person's name and address is a private person.)"""
    fields = {fv.field for fv in readings}
    return bool(fields & {"kvk", "btw", "vat", "legal_form"}) or (
        "company" in fields and "name" not in fields
    )


def resolve(raw: RawFolder, owns: Sequence[OwnBusiness]) -> ExtractedClient:
    """The client of a folder read earlier (read_folder), without the given own businesses."""
    filters = [OwnFilter(o) for o in owns]
    out = ExtractedClient(folder_name=raw.folder_name, bsn_pages=list(raw.bsn_pages))
    out.raw, out.owns = raw, tuple(owns)
    kept = [(page, *_kept(page, filters)) for page in raw.pages]
    glued = {page.index: _glued(page, own, filters) for page, _r, _a, own in kept}
    hints = [r.fv for r in raw.hints if not _hint_is_own(r, raw.hints, filters)]

    # client cards decide themselves; they and the folder tab are the anchor
    anchor = _Anchor()
    for fv in hints:
        anchor.add(fv)
    decided: dict[int, PageParties] = {}
    for page, readings, _addresses, own_parties in kept:
        parties = _decide(page, readings, own_parties, None, glued[page.index])
        if parties.client == "card" or not (parties.parties or parties.undecided):
            decided[page.index] = parties
            for fv in readings:
                if fv.party in (None, parties.client):
                    anchor.add(fv)
    if not anchor.values:
        # no card and no folder tab (a year folder): whom we wrote to is the client, so
        # a letter to us from someone else (a supplier's invoice filed here) is not theirs
        for _page, readings, _addresses, own_parties in kept:
            if tuple(own_parties) == ("sender",):
                for fv in readings:
                    if fv.party == "recipient":
                        anchor.add(fv)
    for page, readings, _addresses, _own in kept:
        if page.index not in decided:
            anchor.add_firms_people(readings)
    pages = [
        (
            page,
            readings,
            addresses,
            decided.get(page.index) or _decide(page, readings, own, anchor, glued[page.index]),
        )
        for page, readings, addresses, own in kept
    ]
    # a letter that names the client only by what another of their letters shows (the
    # firm and the mobile number under their own name) is theirs too: once more, with
    # what the pages that are surely the client's add to what the folder said
    if any(parties.reason == "other" for *_rest, parties in pages):
        for _page, readings, _addresses, parties in pages:
            if parties.reason in ("own", "folder"):
                for fv in readings:
                    if fv.party == parties.client:
                        anchor.add(fv)
        pages = [
            (page, readings, addresses,
             _decide(page, readings, own, anchor, glued[page.index])
             if parties.reason == "other" else parties)
            for (page, readings, addresses, parties), (*_k, own) in zip(pages, kept, strict=True)
        ]  # fmt: skip
    # a value printed as the other party's (its letterhead, its footer) is theirs also
    # where it stands in running text, on any page of the folder
    theirs = {
        (fv.field, group_key(fv))
        for _page, readings, _a, parties in pages
        for fv in readings
        if fv.party and not parties.undecided and fv.party != parties.client
    }
    # ... and so is what a party we took for ours prints (a supplier's letterhead read as
    # one block with our address in its window), where the page's other party is the
    # client (with no other party, the client's letterhead may be that block)
    theirs |= {
        (r.fv.field, group_key(r.fv))
        for page, _readings, _addresses, parties in pages
        for r in page.readings
        if r.fv.party in parties.own and parties.client in _ADDRESSED
    }
    elsewhere = _Elsewhere(theirs, raw, filters)
    # ... and a page that holds only that party (page 2 of our invoice: our footer) is theirs
    pages = [
        (page, readings, addresses, _other_if_theirs(parties, readings, theirs))
        for page, readings, addresses, parties in pages
    ]
    for _page, readings, addresses, parties in pages:
        out.pages.append(parties)
        for fv in readings:
            mine = (
                _is_client(fv.party, parties)
                and (fv.party is not None or (fv.field, group_key(fv)) not in theirs)
                and not elsewhere.holds(fv)
                and not _writers_number(fv, parties)
            )
            (out.add if mine else out.held.append)(fv)
        for address in addresses:
            if _is_client(address.party, parties):
                out.addresses.append(address)
            else:
                out.held_addresses.append(address)
    for fv in hints:
        out.add(fv)
    respell_accents(out, raw.folder_name)
    merge_name_spacing(out)
    unswap_names(out)
    reconcile_emails(out)
    merge_phone_slips(out)
    merge_registry_slips(out)
    merge_postcode_slips(out)
    mark_ambiguous(out)
    return out


class _Elsewhere:
    """Values that belong to someone else wherever they stand, whichever party they seem."""

    def __init__(self, theirs: set[tuple[str, str]], raw: RawFolder, owns: list[OwnFilter]):
        # a firm's mail domain: "faciuratie@janssens.be" beside the supplier's
        # "facturatie@janssens.be" (mail providers are everybody's)
        self.domains = {
            r.fv.value.rpartition("@")[2].casefold()
            for page in raw.pages
            for r in page.readings
            if r.fv.field == "email" and ("email", group_key(r.fv)) in theirs
        } - MAIL_PROVIDERS
        # the digits of an account ("NAO RAO 0741 8834 65" read as 0741-883465)
        self.accounts = {
            r.fv.value[-10:] for page in raw.pages for r in page.readings if r.fv.field == "iban"
        } | {own.account for own in owns if own.account}
        # their phone numbers, page by page: a supplier's "079-3431486" in its letterhead
        # read "079-3431485" in its column of details on the same page is theirs too
        self.phones = {
            (page.index, r.fv.value)
            for page in raw.pages
            for r in page.readings
            if r.fv.field == "phone" and ("phone", group_key(r.fv)) in theirs
        }

    def holds(self, fv: FieldValue) -> bool:
        if fv.field == "email":
            # ... also misread ("terpstrabouwmateriaten.nt")
            domain = fv.value.rpartition("@")[2].casefold()
            return any(firm_domain_alike(domain, d) for d in self.domains)
        if fv.field == "phone":
            return ("0" + fv.value[3:] in self.accounts and fv.value.startswith("+31")) or any(
                page == fv.page_index and _digits_apart(fv.value, value)
                for page, value in self.phones
            )
        return False


def _digits_apart(a: str, b: str) -> bool:
    """One or two digits misread ("4808658" of "4808686")."""
    return len(a) == len(b) and 1 <= Hamming.distance(a, b) <= 2


def _other_if_theirs(
    parties: PageParties, readings: list[FieldValue], theirs: set[tuple[str, str]]
) -> PageParties:
    if parties.reason != "one-party" or parties.client not in _TWO_PARTIES:
        return parties
    strong = [fv for fv in readings if fv.party == parties.client and fv.field in _STRONG]
    if any((fv.field, group_key(fv)) in theirs for fv in strong):
        return PageParties(parties.page_index, parties.parties, parties.own, None, "other")
    return parties


# What a firm prints of itself on its paper (an account may be paid "t.n.v." anyone)
_REGISTRY = frozenset({"kvk", "btw", "vat"})


def _writers_number(fv: FieldValue, parties: PageParties) -> bool:
    """A registry number in running text of a page someone other than us wrote to the
    client is the writer's: a supplier's invoice about the client's house (the client its
    delivery address) whose column of details OCR read into the table beside it. The
    client's own would be labelled as the customer's (layout: "recipient"). A work or
    delivery address carries no registry number or account: one in its block is the
    writer's, a column of their details beside it."""
    if fv.party == "subject":
        return fv.field in (*_REGISTRY, "iban")
    return (
        fv.party is None
        and fv.field in _REGISTRY
        and parties.client == "recipient"
        and "sender" in parties.parties
        and "sender" not in parties.own
    )


def _is_client(party: str | None, parties: PageParties) -> bool:
    """Is a reading of this party the client's? Running text (party None) counts only on
    a page whose other party is known (ours, or not the folder's client) or absent; not
    where only the wording decided. (A value the other party prints as theirs anywhere in
    the folder is held by resolve() wherever it stands.)"""
    if parties.undecided:
        return False
    if party is None:
        return parties.reason in ("one-party", "own", "card", "folder")
    return party == parties.client


def _hint_is_own(r: RawReading, hints: list[RawReading], owns: list[OwnFilter]) -> bool:
    """A folder tab that names our own business (or a signer of ours) gives no hint."""
    unit = [h.fv for h in hints if h.unit == r.unit]
    return any(_is_own(fv, own) for fv in unit for own in owns)


def folder_hints(folder_name: str) -> list[RawReading]:
    """The person or firm a folder tab names, as readings of their own (zone "folder")."""
    person, company = parse_folder_name(folder_name)
    found: list[FieldValue] = []
    if company:
        for field, value in (("company", company), ("legal_form", legal_form_of(company))):
            if value:
                found.append(FieldValue(field, value, CONF_FOLDER, FOLDER_PAGE, None, "folder",
                                        folder_name, "folder"))  # fmt: skip
    if person:
        for field, value in (
            ("name", person.display),
            ("first_name", person.first_name),
            ("tussenvoegsel", person.tussenvoegsel),
            ("last_name", person.last_name),
        ):
            if value:
                found.append(FieldValue(field, value, CONF_FOLDER, FOLDER_PAGE, None, "folder",
                                        folder_name, "folder"))  # fmt: skip
    # the company and the person of a folder tab are separate units (-1, -2)
    return [RawReading(fv, -1 if fv.field in ("company", "legal_form") else -2, -1)
            for fv in found]  # fmt: skip
