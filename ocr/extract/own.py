"""Recognising the user's own business on a page, so it never becomes the client."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from storage.phones import normalize

from .address import parse_street
from .company import TRADE_WORDS, firm_domain_alike, without_legal_form
from .email import MAIL_PROVIDERS
from .text import fold, two_for_one


def _distinctive(name: str) -> str:
    """A firm's name folded, without its legal form and trade words: what tells it from
    another firm of its trade ("smit" of "Loodgietersbedrijf Smit V.O.F.")."""
    words = fold(without_legal_form(name)).split()
    return " ".join(w for w in words if len(w) > 1 and not TRADE_WORDS.search(w))


def _digits_off(read: str, own: str, slips: int = 1) -> bool:
    """Is read our number, or our number with up to `slips` digits misread?"""
    return len(read) == len(own) and sum(a != b for a, b in zip(read, own, strict=True)) <= slips


@dataclass(frozen=True)
class OwnBusiness:
    """Details of the business that uses Klantdossier; every field is optional."""

    name: str | None = None
    street: str | None = None  # with house number: "Industrieweg 14"
    postcode: str | None = None
    city: str | None = None
    phones: tuple[str, ...] = ()  # as written; compared in E.164
    emails: tuple[str, ...] = ()
    iban: str | None = None
    kvk: str | None = None
    btw: str | None = None
    signers: tuple[str, ...] = ()  # people who sign its letters ("J. Hoekstra")
    extra_names: tuple[str, ...] = field(default=())  # trade names, old names

    @classmethod
    def from_dict(cls, data: dict) -> OwnBusiness:
        known = {f.name for f in fields(cls)}
        values: dict = {}
        for key, value in data.items():
            if key == "phone":  # single values accepted for convenience
                key, value = "phones", [value]
            elif key == "email":
                key, value = "emails", [value]
            elif key == "signer":
                key, value = "signers", [value]
            if key not in known or value is None:
                continue
            if key in ("phones", "emails", "signers", "extra_names"):
                values[key] = tuple(str(v) for v in (value if isinstance(value, list) else [value]))
            else:
                values[key] = str(value)
        return cls(**values)

    def to_dict(self) -> dict:
        data = asdict(self)
        for key in ("phones", "emails", "signers", "extra_names"):
            data[key] = list(data[key])
        return data

    def is_empty(self) -> bool:
        return not any(self.to_dict().values())


class OwnFilter:
    """Answers "is this ours?" for every kind of value; empty settings match nothing."""

    def __init__(self, own: OwnBusiness | None) -> None:
        own = own or OwnBusiness()
        self.phones = {e for e in (normalize(p) for p in own.phones) if e}
        self.emails = {e.casefold() for e in own.emails}
        # a mail provider's domain (bakkerijsmit@hotmail.com) is every other client's too
        self.domains = {
            domain
            for domain in (e.rsplit("@", 1)[1] for e in self.emails if "@" in e)
            if domain not in MAIL_PROVIDERS
        }
        self._iban = (own.iban or "").replace(" ", "").upper()
        self._kvk = (own.kvk or "").replace(" ", "")
        self._btw = (own.btw or "").replace(" ", "").replace(".", "").upper()
        self.postcode = (own.postcode or "").replace(" ", "").upper()
        street = parse_street(own.street) if own.street else None
        self.street = fold(street.street) if street else fold(own.street or "")
        self.names = [(fold(n), _distinctive(n)) for n in (own.name, *own.extra_names) if n]
        self.signers = [fold(s) for s in own.signers if s]

    def phone(self, e164: str) -> bool:
        # two digits off our own number is our number misread ("0543" for "0513", "0031
        # 73 6895497" for "0031 73 6835437" in small print); a client's number that close
        # to ours is rare (of the seven-digit numbers of one area code, 1 in 5,700). A
        # number ending in all of our Dutch number's nine digits is ours after a digit or
        # two of a table's rubbish ("005 043 - 6397373": a valid +504 number of Honduras)
        return any(
            _digits_off(e164, own, 2) or (own.startswith("+31") and e164.endswith(own[3:]))
            for own in self.phones
        )

    def email(self, email: str) -> bool:
        email = email.casefold()
        mailbox, _, domain = email.rpartition("@")
        if any(
            fuzz.ratio(email, own) >= 90 and firm_domain_alike(domain, own.rpartition("@")[2])
            for own in self.emails
        ):
            return True
        if any(firm_domain_alike(domain, own) for own in self.domains):
            return True
        # our mailbox at a long domain misread in several letters
        # ("kantoor@schowteninstatatetechriek.nl" for "…@schouteninstallatietechniek.nl"),
        # one of them read as two ("kantoor@bioniautoservice.nl" for "…@blomautoservice.nl"),
        # the mailbox with a letter lost or misread too ("ost@dinstallakezijlstta.nl")
        readings = [domain, *two_for_one(domain)]
        for own in self.emails:
            own_mailbox, _, own_domain = own.rpartition("@")
            if (
                Levenshtein.distance(mailbox, own_mailbox, score_cutoff=1) <= 1
                and own_domain in self.domains
                and any(firm_domain_alike(d, own_domain, 80) for d in readings)
            ):
                return True
        return False

    @property
    def account(self) -> str:
        """The account number of our Dutch IBAN (its last ten digits), or ''."""
        return self._iban[-10:] if self._iban.startswith("NL") else ""

    def iban(self, value: str) -> bool:
        return bool(self._iban) and value == self._iban

    def kvk(self, value: str) -> bool:
        # ... and of our KvK number too: it has no checksum to tell a misreading
        return bool(self._kvk) and _digits_off(value, self._kvk)

    def btw(self, value: str) -> bool:
        # the same nine digits with another suffix ("B02" for "B01") is our tax number
        return bool(self._btw) and value[:11] == self._btw[:11]

    def address(self, postcode: str | None, street: str | None) -> bool:
        if not self.postcode or not postcode:
            return False
        if postcode.replace(" ", "").upper() != self.postcode:
            return False
        # same postcode: ours unless the street is clearly another one
        return not street or not self.street or fuzz.ratio(fold(street), self.street) >= 80

    def name(self, text: str) -> bool:
        folded = fold(text)
        if not folded:
            return False
        theirs = _distinctive(text)
        for own, mine in self.names:
            if len(own) >= 8 and own in folded:
                return True
            # a slip of OCR in our name, but not another firm of our trade: what is left
            # without trade words and legal form agrees too ("Loodgietersbedrijf Smit
            # V.O.F." is not "Loodgietersbedrijf Blom V.O.F.")
            if fuzz.ratio(folded, own) >= 85 and (
                not mine or not theirs or fuzz.ratio(mine, theirs) >= 80
            ):
                return True
        return any(fuzz.ratio(folded, s) >= 85 for s in self.signers)
