"""Which paper is which client: the rule that keeps two clients from ever being mixed.

Two units (client folders, loose files, scanned batches), or a unit and a client in the
file, are one client only when they share an identifier of the client's own (phone,
e-mail, IBAN, KvK, or postcode with house number) AND their names agree. A postcode
without house number (an exported address list gives no more) is a street's stretch of
some twenty homes: it joins only the very same name (first name written out, or the
firm's name). A shared value alone is no evidence: an office number, a family's
landline, a supplier's IBAN, our own letterhead. A name alone is none either: two Jan de
Vries are two people. What is unsure is never guessed: an import without review makes a
new client (a duplicate is merged in one click, mixed clients cannot be told apart
again), the wizard asks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from rapidfuzz.distance import Hamming

from ocr.extract.company import legal_form_of
from ocr.extract.email import MAIL_PROVIDERS
from ocr.extract.names import parse_person
from ocr.extract.text import fold
from ocr.groups import Groups
from storage import ClientFile

if TYPE_CHECKING:
    from storage import Client

NAME_SAME = 88  # rapidfuzz score from which two company names are the same business
MIN_FIRM_DOMAIN = 6  # letters of a mail domain that names a firm ("bakker.nl" names many)
KEY_WORDS = {
    "phone": "telefoonnummer",
    "email": "e-mailadres",
    "iban": "IBAN",
    "kvk": "KvK-nummer",
    "address": "adres",
    "postcode": "postcode",
}
# a postcode alone: the same name written out in full joins, and no other name asks
WEAK_KEYS = {"postcode"}
EXISTING, NEW, ASK = "existing", "new", "ask"


@dataclass
class Decision:
    """kind: EXISTING (client_id set), NEW or ASK (client_id: the best guess or None);
    reason in Dutch; candidates: other clients it might be, best first."""

    kind: str = NEW
    client_id: int | None = None
    reason: str = ""
    candidates: list[int] = field(default_factory=list)


@dataclass
class Profile:
    """What identifies a client: its names and its own identifiers."""

    persons: list[tuple[str, str]] = field(default_factory=list)  # (first, last), folded
    companies: list[str] = field(default_factory=list)  # folded, without legal form
    keys: set[tuple[str, str]] = field(default_factory=set)

    @property
    def empty(self) -> bool:
        return not (self.persons or self.companies or self.keys)

    def add_name(self, text: str | None) -> None:
        if not text:
            return
        if legal_form_of(text):
            self.add_company(text)
            return
        person = parse_person(text)
        if person is not None and person.last_name:
            self.add_person(person.first_name, person.tussenvoegsel, person.last_name)
        else:
            self.add_company(text)

    def add_person(self, first: str | None, infix: str | None, last: str | None) -> None:
        if last:
            entry = (fold(first or ""), _squash(f"{infix or ''} {last}"))
            if entry not in self.persons:
                self.persons.append(entry)

    def add_company(self, text: str | None) -> None:
        if text:
            bare = _bare_company(text)
            if bare and bare not in self.companies:
                self.companies.append(bare)

    def add_key(self, kind: str, value: str | None) -> None:
        if value:
            self.keys.add(key_of(kind, value))

    def add_address(self, postcode: str | None, number: str | None) -> None:
        if not postcode:
            return
        self.keys.add(("postcode", _squash(postcode).upper()))
        if number:
            self.keys.add(("address", f"{_squash(postcode).upper()}|{fold(number)}"))


def key_of(kind: str, value: str) -> tuple[str, str]:
    if kind == "email":
        return kind, value.strip().casefold()
    return kind, value.replace(" ", "").replace(".", "").upper()


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _bare_company(text: str) -> str:
    form = legal_form_of(text)
    bare = fold(text)
    if form:
        bare = re.sub(rf"\b{re.escape(fold(form))}\b", " ", bare)
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", bare).split())


def _first_names_agree(a: str, b: str) -> bool:
    a, b = a.replace(".", "").strip(), b.replace(".", "").strip()
    if not a or not b:
        return True  # "Jansen" and "Kees Jansen": no first name to disagree with
    if len(a) <= 2 or len(b) <= 2:  # initials
        return a[0] == b[0]
    # ... or one letter of a long first name misread ("Gerfit" of "Gerrit"; not "Maria"
    # and "Marie", who may be mother and daughter)
    return fuzz.ratio(a, b) >= 85 or one_letter_misread(a, b, 6)


def _same_first_name(a: str, b: str) -> bool:
    return len(a) >= 3 and a == b


def one_letter_misread(a: str, b: str, shortest: int = 5) -> bool:
    """Are a and b one name or number, one letter of it misread: the same length (shortest
    letters or more), one letter apart?"""
    return len(a) == len(b) >= shortest and Hamming.distance(a, b) == 1


def names_agree(a: Profile, b: Profile) -> bool:
    """Do the names of a and b name the same person or business?"""
    for first_a, last_a in a.persons:
        for first_b, last_b in b.persons:
            if last_a == last_b and _first_names_agree(first_a, first_b):
                return True
            if one_letter_misread(last_a, last_b) and _same_first_name(first_a, first_b):
                return True  # "Mohamed Gelik" of "Mohamed Çelik": OCR read Ç as G
    for ca in a.companies:
        for cb in b.companies:
            # "Klant 3" and "Klant 4" are alike but for the number that tells them apart
            if fuzz.token_sort_ratio(ca, cb) >= NAME_SAME and _digits(ca) == _digits(cb):
                return True
    # "K. Jansen" and "Installatiebedrijf Jansen", "Sophie de Groot" and "De Groot Bouw":
    # the person whose business it is
    for persons, companies in ((a.persons, b.companies), (b.persons, a.companies)):
        for _first, last in persons:
            if len(last) >= 4 and any(last in _word_runs(c) for c in companies):
                return True
    return False


def same_name(a: Profile, b: Profile) -> bool:
    """Do a and b carry the very same name: a person's first name written out (no
    initial) and surname, or a firm's name (also as the firm's own mail domain)?"""
    for first_a, last_a in a.persons:
        bare = first_a.replace(".", "").strip()
        if len(bare) >= 3 and (first_a, last_a) in b.persons:
            return True
    if any(len(c) >= 4 and c in b.companies for c in a.companies):
        return True
    return _mail_names_firm(a, b) or _mail_names_firm(b, a)


def _mail_names_firm(a: Profile, b: Profile) -> bool:
    """Is an e-mail address of a at a domain that is b's firm's name ("info@
    cafedegoudenleeuw.nl" of an address book, "Café De Gouden Leeuw Holding B.V." of a
    folder)? Not a mail provider's domain, and not a short one."""
    for kind, value in a.keys:
        domain = value.partition("@")[2] if kind == "email" else ""
        core = _squash(domain.rpartition(".")[0])
        firm = len(core) >= MIN_FIRM_DOMAIN and domain not in MAIL_PROVIDERS
        if firm and any(core in c.replace(" ", "") for c in b.companies):
            return True
    return False


def strong(keys: Iterable[tuple[str, str]]) -> bool:
    """Is one of the shared keys more than a postcode alone?"""
    return any(kind not in WEAK_KEYS for kind, _ in keys)


def agree(a: Profile, b: Profile, keys: set[tuple[str, str]]) -> bool:
    """Do the names of a and b agree enough for what they share?"""
    if strong(keys):
        return names_agree(a, b)
    return bool(keys) and same_name(a, b)


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _word_runs(company: str) -> set[str]:
    """A company name's runs of one to three words, squashed as a person's surname is
    ("de groot bouw": "de", "degroot", "degrootbouw", "groot", ...)."""
    words = company.split()
    return {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, i + 4)}


def shared(a: Profile, b: Profile) -> set[tuple[str, str]]:
    return a.keys & b.keys


def why(keys: Iterable[tuple[str, str]]) -> str:
    kinds = {k for k, _ in keys}
    if "address" in kinds:
        kinds.discard("postcode")  # the address says it
    words = sorted(KEY_WORDS[k] for k in kinds)
    return "zelfde " + " en ".join(words) if words else ""


def client_profile(client: Client) -> Profile:
    profile = Profile()
    profile.add_person(client.first_name, client.tussenvoegsel, client.last_name)
    profile.add_company(client.company)
    if not profile.persons and not profile.companies:
        profile.add_name(client.name)
    for phone in client.phones:
        profile.add_key("phone", phone.e164)
    for email in client.emails:
        profile.add_key("email", email)
    profile.add_key("iban", client.iban)
    profile.add_key("kvk", client.kvk)
    for address in client.addresses:
        profile.add_address(address.postcode, address.house_number)
    return profile


def group_units(profiles: Sequence[Profile]) -> list[int]:
    """The group of each unit: units that share an identifier and whose names agree are
    one client (and so are units joined to those). Returns a group number per unit."""
    groups = Groups(len(profiles))
    by_key: dict[tuple[str, str], list[int]] = {}
    for i, profile in enumerate(profiles):
        for key in profile.keys:
            by_key.setdefault(key, []).append(i)
    for key, members in by_key.items():
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                if groups.find(i) != groups.find(j) and agree(profiles[i], profiles[j], {key}):
                    groups.join(i, j)
    return [groups.find(i) for i in range(len(profiles))]


def candidates_in_file(cf: ClientFile, profile: Profile) -> set[int]:
    found: set[int] = set()
    for kind, value in profile.keys:
        if kind != "address":  # the postcode of an address is a key of its own
            found.update(cf.find_by_key(kind, value))
    return found


def decide(cf: ClientFile, profile: Profile) -> Decision:
    """Match a unit (or a group of units) against the clients in the file."""
    if profile.empty:
        return Decision(ASK, None, "geen klantgegevens herkend op dit papier")
    sure: list[tuple[int, set]] = []
    maybe: list[tuple[int, str]] = []
    for client_id in sorted(candidates_in_file(cf, profile)):
        theirs = client_profile(cf.client(client_id))
        keys = shared(profile, theirs)
        if agree(profile, theirs, keys):
            sure.append((client_id, keys))
        elif strong(keys):
            maybe.append((client_id, f"{why(keys)} als klant {client_id}, maar een andere naam"))
    if len(sure) == 1:
        client_id, keys = sure[0]
        return Decision(EXISTING, client_id, f"{why(keys)} en dezelfde naam")
    if sure:
        ids = [c for c, _ in sure]
        return Decision(
            ASK,
            ids[0],
            "meerdere klanten hebben dezelfde gegevens: " + ", ".join(f"klant {c}" for c in ids),
            ids,
        )
    if maybe:
        return Decision(ASK, None, "; ".join(m for _, m in maybe), [c for c, _ in maybe])
    return Decision(
        NEW,
        None,
        "nieuwe klant: geen klant met dit telefoonnummer, e-mailadres, IBAN, KvK-nummer "
        "of adres en dezelfde naam",
    )
