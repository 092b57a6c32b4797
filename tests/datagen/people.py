"""Invented Dutch clients with every field a scanned client folder can carry.

Everything is drawn from the ``random.Random`` passed in, so one seed always gives
the same people. Check digits (IBAN mod-97, BTW 11-test) are computed, and phone
numbers are normalised with ``phonenumbers`` itself, so the truth is certainly right
even where the printed form is odd.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import unicodedata
from dataclasses import dataclass
from typing import Any

import phonenumbers

# --- name material -----------------------------------------------------------------

# (tussenvoegsel, last name): the particle is kept apart because Dutch sorting and
# folder names ("Vries, Kees de") depend on it.
LAST_NAMES: list[tuple[str, str]] = [
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("", "Bakker"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Smits"),
    ("de", "Graaf"),
    ("van der", "Meer"),
    ("van", "Dijk"),
    ("ter", "Horst"),
    ("in 't", "Veld"),
    ("van de", "Ven"),
    ("van 't", "Hof"),
    ("", "Hoekman"),
    ("", "Koster"),
    ("", "Prins"),
    ("van der", "Linden"),
    ("", "Kuipers"),
    ("", "Postma"),
    ("ten", "Brink"),
    ("van den", "Heuvel"),
    ("", "Willems"),
    ("", "Wouters"),
    ("", "Huisman"),
    # Names with characters outside ASCII: OCR and search must cope with them.
    ("", "Çelik"),
    ("", "Öztürk"),
    ("", "Yılmaz"),
    ("", "Şahin"),
    ("", "Müller"),
    ("", "El Amrani"),
    ("", "Nguyễn"),
    ("", "Kowalczyk"),
    ("", "Boëthius"),
]
FIRST_NAMES: list[str] = [
    "Kees",
    "Jan",
    "Anna",
    "Sanne",
    "Fleur",
    "Daan",
    "Bram",
    "Mohamed",
    "Fatima",
    "Priya",
    "Wei",
    "Pieter",
    "Marieke",
    "Joost",
    "Sophie",
    "Lotte",
    "Thijs",
    "Henk",
    "Ingrid",
    "Ruud",
    "Esther",
    "Wim",
    "Annemiek",
    "Youssef",
    "Emma",
    "Lucas",
    "Sem",
    "Julia",
    "Tim",
    "Eva",
    "Gerrit",
    "Hanneke",
    "Jeroen",
    # with diacritics
    "Sjoerd",
    "Sjóerd",
    "Anaïs",
    "Noël",
    "Ümit",
    "Bülent",
    "Zoë",
    "Chloë",
    "René",
    "Inés",
    "Jürgen",
    "Gaëlle",
    "Frédérique",
]

# Company name patterns; {n} is the last name with particle capitalised.
COMPANY_PATTERNS: list[str] = [
    "Bakkerij {n}",
    "Schildersbedrijf {n}",
    "{n} Installatietechniek",
    "Autobedrijf {n}",
    "Hoveniersbedrijf {n}",
    "{n} Advies",
    "Kapsalon {f}",
    "Timmerbedrijf {n}",
    "{n} Transport",
    "Fietsenmaker {n}",
    "Administratiekantoor {n}",
    "{n} & Zn.",
    "Bloemenhuis {f}",
    "{n} Bouw",
    "Loodgietersbedrijf {n}",
    "Café De Gouden Leeuw",
    "Eetcafé 't Hoekje",
    "Dierenkliniek {n}",
    "{n} Elektro",
]
LEGAL_FORMS: list[str] = ["B.V.", "V.O.F.", "Eenmanszaak", "Stichting", "Holding B.V."]

STREETS: list[str] = [
    "Kerkstraat",
    "Dorpsstraat",
    "Stationsweg",
    "Molenweg",
    "Schoolstraat",
    "Hoofdstraat",
    "Prinsengracht",
    "Julianalaan",
    "Wilhelminastraat",
    "Beatrixlaan",
    "Eikenlaan",
    "Lindelaan",
    "Nieuwe Binnenweg",
    "Oude Gracht",
    "Van Goghstraat",
    "Burgemeester de Withstraat",
    "Industrieweg",
    "Marktplein",
    "Sint Janssingel",
    "'t Zand",
    "Laan van Meerdervoort",
    "Dr. Nolensplein",
    "Koningin Emmaplein",
    "Vismarkt",
    "Händelstraat",
    "Rue de Paris",
]

# (city, area code without leading 0, postcode range). Real area codes and rough
# real postcode ranges so that postcode, city and landline agree like on real paper.
CITIES: list[tuple[str, str, tuple[int, int]]] = [
    ("Amsterdam", "20", (1011, 1109)),
    ("Rotterdam", "10", (3011, 3089)),
    ("Den Haag", "70", (2491, 2599)),
    ("'s-Gravenhage", "70", (2491, 2599)),
    ("Utrecht", "30", (3511, 3585)),
    ("Eindhoven", "40", (5611, 5658)),
    ("Groningen", "50", (9711, 9747)),
    ("'s-Hertogenbosch", "73", (5211, 5249)),
    ("Zoetermeer", "79", (2711, 2729)),
    ("Leeuwarden", "58", (8911, 8941)),
    ("Haarlem", "23", (2011, 2037)),
    ("Leiden", "71", (2311, 2334)),
    ("Delft", "15", (2611, 2629)),
    ("Tilburg", "13", (5011, 5049)),
    ("Breda", "76", (4811, 4839)),
    ("Nijmegen", "24", (6511, 6546)),
    ("Zwolle", "38", (8011, 8046)),
    ("Maastricht", "43", (6211, 6229)),
    ("Amersfoort", "33", (3811, 3829)),
    ("Enschede", "53", (7511, 7548)),
    ("Heerenveen", "513", (8441, 8449)),
    ("Burgum", "511", (9251, 9251)),
    ("Feanwâlden", "511", (9269, 9269)),
    ("Damwâld", "511", (9104, 9104)),
    ("Drachten", "512", (9201, 9204)),
    ("Emmen", "591", (7811, 7828)),
    ("Roermond", "475", (6041, 6049)),
    ("Goes", "113", (4461, 4465)),
    ("Deventer", "570", (7411, 7429)),
    ("Gouda", "182", (2801, 2809)),
]

EMAIL_DOMAINS: list[str] = [
    "gmail.com",
    "ziggo.nl",
    "kpnmail.nl",
    "hotmail.com",
    "outlook.com",
    "xs4all.nl",
    "planet.nl",
    "home.nl",
    "live.nl",
    "hetnet.nl",
]

# Bank codes used in NL IBANs (real ones).
BANK_CODES: list[str] = ["INGB", "RABO", "ABNA", "SNSB", "TRIO", "ASNB", "KNAB"]

# Printed forms of a phone number. Placeholders: {a} area code without 0 ("20",
# "511", "6"), {s} subscriber digits, {s1}/{s2} a split of the subscriber part.
MOBILE_FORMS: list[str] = [
    "06-{s}",
    "06 {s4a} {s4b}",
    "06 {pairs}",
    "06-{s4a} {s4b}",
    "+31 6 {s}",
    "+31 6 {s4a} {s4b}",
    "+31 (0)6 {s}",
    "0031 6 {s4a} {s4b}",
    "+316{s}",
    "06{s}",
]
LANDLINE_FORMS: list[str] = [
    "(0{a}) {s}",
    "0{a}-{s}",
    "0{a}-{s1} {s2}",
    "0{a} {s1} {s2}",
    "+31 {a} {s1} {s2}",
    "+31 (0){a} {s1} {s2}",
    "0031 {a} {s}",
    "0{a} - {s}",
]


# --- dataclasses -------------------------------------------------------------------


@dataclass(frozen=True)
class Phone:
    written: str  # exactly as printed on the paper
    e164: str  # "+31612345678", computed with phonenumbers
    kind: str  # "mobile" | "landline"


@dataclass(frozen=True)
class ClientTruth:
    first_name: str
    tussenvoegsel: str
    last_name: str
    company: str | None  # as printed, legal form included ("Bakkerij De Vries B.V.")
    legal_form: str | None
    street: str
    house_number: str  # "12", "12a", "12-2", "12 bis"
    postcode: str  # "1234 AB"
    city: str
    phones: tuple[Phone, ...]
    email: str
    iban: str  # compact, "NL91ABNA0417164300"
    kvk: str | None
    btw: str | None  # compact, "NL123456782B01"
    client_since: dt.date
    client_number: str  # the business's own number for the client, printed on cards
    folder_style: int  # which folder-name convention this client's folder uses

    @property
    def last_name_full(self) -> str:
        """'de Vries' — particle plus last name, as used after a first name."""
        return f"{self.tussenvoegsel} {self.last_name}".strip()

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name_full}"

    @property
    def salutation_name(self) -> str:
        """'De Vries': without a first name Dutch capitalises the particle."""
        full = self.last_name_full
        return full[:1].upper() + full[1:]

    @property
    def address_line(self) -> str:
        return f"{self.street} {self.house_number}"

    @property
    def postcode_city(self) -> str:
        return f"{self.postcode} {self.city}"

    @property
    def iban_printed(self) -> str:
        """IBAN in the usual printed groups of four."""
        return " ".join(self.iban[i : i + 4] for i in range(0, len(self.iban), 4))

    @property
    def folder_name(self) -> str:
        """Name of the paper folder as someone wrote it on the tab (varies)."""
        tv = f" {self.tussenvoegsel}" if self.tussenvoegsel else ""
        style = self.folder_style
        if self.company and style % 2 == 0:
            name = self.company if style == 0 else _strip_legal_form(self.company)
        elif style in (0, 1):
            name = f"{self.last_name}, {self.first_name}{tv}"  # "Vries, Kees de"
        elif style == 3:
            name = f"{self.salutation_name}, {self.first_name}"  # "De Vries, Kees"
        else:
            name = self.display_name  # "Kees de Vries"
        # Never produce path separators; real tabs don't have them either.
        return name.replace("/", "-").replace("\\", "-")

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["client_since"] = self.client_since.isoformat()
        d["phones"] = [dataclasses.asdict(p) for p in self.phones]
        d["display_name"] = self.display_name
        d["folder_name"] = self.folder_name
        d["emails"] = [self.email]
        return d


def _strip_legal_form(company: str) -> str:
    for form in ("Holding B.V.", "B.V.", "V.O.F."):
        if company.endswith(" " + form):
            return company[: -len(form) - 1]
    return company


# --- helpers -----------------------------------------------------------------------


def ascii_fold(text: str) -> str:
    """Strip diacritics: 'Anaïs Çelik' -> 'Anais Celik' (for e-mail addresses)."""
    text = text.replace("ı", "i").replace("ß", "ss")
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c))


def _slug(text: str) -> str:
    return "".join(c for c in ascii_fold(text).lower() if c.isalnum())


def iban_check_digits(country: str, bban: str) -> str:
    """ISO 13616 mod-97: move country+'00' to the end, letters -> 10..35."""
    rearranged = bban + country + "00"
    num = int("".join(str(int(c, 36)) for c in rearranged))
    return f"{98 - num % 97:02d}"


def make_iban(rng: random.Random) -> str:
    bank = rng.choice(BANK_CODES)
    # Dutch account numbers historically pass the 11-test; keep that for realism
    # (weights 10..1 over the 10 digits, sum divisible by 11).
    while True:
        digits = [rng.randint(0, 9) for _ in range(10)]
        digits[0] = 0  # almost all NL IBAN accounts start with a 0
        digits[1] = rng.randint(1, 9)
        total = sum(d * w for d, w in zip(digits, range(10, 0, -1), strict=True))
        if total % 11 == 0:
            break
    account = "".join(map(str, digits))
    bban = bank + account
    return f"NL{iban_check_digits('NL', bban)}{bban}"


def make_btw(rng: random.Random) -> str:
    """NL btw-id: 9 digits passing the BSN 11-test, then 'B01' (or B02..)."""
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        d[0] = rng.randint(1, 9)
        total = sum(x * w for x, w in zip(d, range(9, 1, -1), strict=True))
        check = total % 11
        if check < 10:  # 11-test: sum(9..2) - last digit ≡ 0 (mod 11)
            break
    return f"NL{''.join(map(str, d))}{check}B{rng.choice(['01', '01', '01', '02'])}"


def make_postcode(rng: random.Random, lo: int, hi: int) -> str:
    # Real postcodes never use SA, SD or SS (historic reasons); F, I, O, Q, U, Y
    # are not used as letters either.
    letters = "ABCEGHJKLMNPRSTVWXZ"
    while True:
        pair = rng.choice(letters) + rng.choice(letters)
        if pair not in ("SA", "SD", "SS"):
            return f"{rng.randint(lo, hi)} {pair}"


def _phone_written(rng: random.Random, area: str, sub: str, mobile: bool) -> str:
    if mobile:
        form = rng.choice(MOBILE_FORMS)
        s = sub  # 8 digits after "06"
        pairs = " ".join(s[i : i + 2] for i in range(0, 8, 2))
        return form.format(s=s, s4a=s[:4], s4b=s[4:], pairs=pairs)
    form = rng.choice(LANDLINE_FORMS)
    # Split after three digits: "123 4567" (3-digit area) and "123 456" (4-digit area).
    return form.format(a=area, s=sub, s1=sub[:3], s2=sub[3:])


def make_phone(rng: random.Random, area: str | None) -> Phone:
    """area=None makes a mobile 06 number, else a landline in that area code."""
    mobile = area is None
    while True:
        if mobile:
            sub = str(rng.randint(1, 5)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
            national = "6" + sub
        else:
            assert area is not None
            n = 9 - len(area)  # NL numbers are 9 digits after the trunk 0
            sub = str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))
            national = area + sub
        parsed = phonenumbers.parse("0" + national, "NL")
        if phonenumbers.is_valid_number(parsed):
            break
    written = _phone_written(rng, area or "6", sub, mobile)
    # The truth comes from the printed form, so a mistake in a format pattern
    # would show up as a mismatch here rather than as a wrong truth.
    e164 = phonenumbers.format_number(
        phonenumbers.parse(written, "NL"), phonenumbers.PhoneNumberFormat.E164
    )
    assert e164 == "+31" + national, (written, e164, national)
    return Phone(written=written, e164=e164, kind="mobile" if mobile else "landline")


def _make_email(rng: random.Random, first: str, tv: str, last: str, domain: str | None) -> str:
    f, t, la = _slug(first), _slug(tv), _slug(last)
    if domain is not None and rng.random() < 0.6:
        local = rng.choice(["info", f, f"{f[:1]}.{t}{la}", "administratie", "contact"])
        return f"{local}@{domain}"
    local = rng.choice(
        [
            f"{f}.{t}{la}",
            f"{f[:1]}.{t}{la}",
            f"{f}{t}{la}",
            f"{f}.{la}",
            f"{f}{rng.randint(1960, 2001)}",
            f"{t}{la}.{f[:1]}",
            f"{f}_{la}{rng.randint(1, 99)}",
        ]
    )
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def make_client(rng: random.Random) -> ClientTruth:
    first = rng.choice(FIRST_NAMES)
    tv, last = rng.choice(LAST_NAMES)
    city, area, (plo, phi) = rng.choice(CITIES)

    company: str | None = None
    legal_form: str | None = None
    domain: str | None = None
    kvk: str | None = None
    btw: str | None = None
    if rng.random() < 0.5:
        legal_form = rng.choice(LEGAL_FORMS)
        particle_cap = (tv[:1].upper() + tv[1:] + " " if tv else "") + last
        base = rng.choice(COMPANY_PATTERNS).format(n=particle_cap, f=first)
        if legal_form == "Stichting":
            company = base if base.startswith("Stichting") else f"Stichting {base}"
        elif legal_form == "Eenmanszaak":
            company = base  # an eenmanszaak has no suffix on its paper
        else:
            company = f"{base} {legal_form}"
        domain = _slug(_strip_legal_form(base)) + rng.choice([".nl", ".nl", ".nl", ".com"])
        kvk = str(rng.randint(10_000_000, 99_999_999))
        btw = make_btw(rng)

    r = rng.random()
    number = str(rng.randint(1, 250))
    if r < 0.12:
        number += rng.choice("abcd")
    elif r < 0.18:
        number += f"-{rng.randint(1, 4)}"
    elif r < 0.22:
        number += " bis"
    elif r < 0.26:
        number += f" {rng.choice(['A', 'B', 'hs', 'II'])}"

    phones = [make_phone(rng, None if rng.random() < 0.55 else area)]
    if rng.random() < 0.45:
        other_kind_area = area if phones[0].kind == "mobile" else None
        phones.append(make_phone(rng, other_kind_area))

    since = dt.date(1995, 1, 1) + dt.timedelta(days=rng.randint(0, 29 * 365))
    return ClientTruth(
        first_name=first,
        tussenvoegsel=tv,
        last_name=last,
        company=company,
        legal_form=legal_form,
        street=rng.choice(STREETS),
        house_number=number,
        postcode=make_postcode(rng, plo, phi),
        city=city,
        phones=tuple(phones),
        email=_make_email(rng, first, tv, last, domain),
        iban=make_iban(rng),
        kvk=kvk,
        btw=btw,
        client_since=since,
        client_number=str(rng.randint(1000, 29999)),
        folder_style=rng.randint(0, 4),
    )
