"""Firms on paper besides the client: our own business (several trades) and its suppliers.

A ``Business`` carries everything a letterhead or footer prints: name with legal form,
address, phones, e-mail, website, IBAN/BIC, KvK (with the chamber's place) and BTW.
Foreign suppliers (Germany, Belgium) carry their own VAT and IBAN formats, and no KvK.
Every number passes its checksum (python-stdnum checks that in the tests).
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from typing import Any

from .people import (
    CITIES,
    Phone,
    _slug,
    iban_check_digits,
    make_btw,
    make_iban,
    make_phone,
    make_postcode,
)

# Surnames for firms only: never one of a client's (people.LAST_NAMES), so a firm's name
# on a page is never taken for a client's by the evaluation either.
FIRM_SURNAMES = [
    "Hoekstra",
    "Zijlstra",
    "Bosma",
    "Hofstra",
    "Koopmans",
    "Van Dam",
    "Kok",
    "De Jong",
    "Veenstra",
    "Van Wijk",
    "Schouten",
    "Terpstra",
    "Kramer",
    "Van Beek",
    "Blom",
    "Haan",
]

# trade -> (name patterns, invoice lines (description, unit price), letter subjects)
TRADES: dict[str, tuple[list[str], list[tuple[str, int]], list[str]]] = {
    "installatie": (
        ["Installatiebedrijf {n}", "{n} Installatietechniek", "Loodgietersbedrijf {n}"],
        [
            ("Onderhoud cv-ketel", 95),
            ("Vervangen thermostaat", 189),
            ("Voorrijkosten", 35),
            ("Arbeid monteur (uur)", 62),
            ("Expansievat 18 l", 74),
            ("Radiatorkraan", 28),
        ],
        ["Offerte vervanging cv-ketel", "Onderhoudscontract", "Storing warm water"],
    ),
    "garage": (
        ["Garage {n}", "Autobedrijf {n}", "{n} Autoservice"],
        [
            ("APK-keuring", 45),
            ("Olie verversen 5W-30", 79),
            ("Remblokken voor", 145),
            ("Arbeid (uur)", 68),
            ("Band 205/55 R16", 112),
            ("Ruitenwisserset", 32),
        ],
        ["APK-herinnering", "Offerte schadeherstel", "Uw afspraak werkplaats"],
    ),
    "schilder": (
        ["Schildersbedrijf {n}", "{n} Schilderwerken", "Schilders- en Onderhoudsbedrijf {n}"],
        [
            ("Buitenschilderwerk kozijnen", 640),
            ("Grondverf (liter)", 24),
            ("Steigerhuur (week)", 210),
            ("Arbeid schilder (uur)", 52),
            ("Houtrotherstel", 85),
            ("Afplakmateriaal", 18),
        ],
        ["Offerte buitenschilderwerk", "Planning schilderwerk", "Kleuradvies"],
    ),
    "hovenier": (
        ["Hoveniersbedrijf {n}", "{n} Tuinen", "{n} Groen & Bestrating"],
        [
            ("Snoeien heg", 120),
            ("Bestrating (m2)", 38),
            ("Afvoer groenafval", 65),
            ("Arbeid hovenier (uur)", 48),
            ("Beplanting", 150),
            ("Gazon maaien", 40),
        ],
        ["Offerte tuinaanleg", "Onderhoud tuin voorjaar", "Snoeiwerk najaar"],
    ),
    "administratie": (
        ["Administratiekantoor {n}", "{n} Financieel Advies", "{n} Belastingadvies"],
        [
            ("Aangifte inkomstenbelasting", 295),
            ("Jaarrekening", 850),
            ("Loonadministratie (maand)", 75),
            ("Btw-aangifte kwartaal", 120),
            ("Advies (uur)", 95),
            ("Toeslagen aanvragen", 60),
        ],
        ["Uw aangifte inkomstenbelasting", "Jaarstukken", "Opdrachtbevestiging"],
    ),
    "elektra": (
        ["Elektrotechniek {n}", "{n} Elektra", "Elektrotechnisch Bureau {n}"],
        [
            ("Groepenkast vervangen", 780),
            ("Aardlekschakelaar", 64),
            ("Arbeid monteur (uur)", 58),
            ("Wandcontactdoos dubbel", 19),
            ("Keuring installatie NEN 3140", 175),
            ("Voorrijkosten", 30),
        ],
        ["Offerte groepenkast", "Keuringsrapport", "Afspraak monteur"],
    ),
}
LEGAL_OWN = ["B.V.", "B.V.", "V.O.F.", "", "& Zn. B.V."]

SUPPLIER_PATTERNS = [
    "Groothandel {n} B.V.",
    "{n} Bouwmaterialen B.V.",
    "Technische Handel {n}",
    "{n} Verf b.v.",
    "{n} Autoparts B.V.",
    "Kantoorartikelen {n} B.V.",
    "{n} Leasing N.V.",
    "Telecom {n} B.V.",
]
FOREIGN_SUPPLIERS = [
    ("DE", "{n} Werkzeuge GmbH", ["Köln", "Düsseldorf", "Aachen", "Münster"]),
    ("DE", "{n} Technik AG", ["Hamburg", "Bremen", "Essen"]),
    ("BE", "{n} BVBA", ["Antwerpen", "Gent", "Hasselt"]),
    ("BE", "{n} NV", ["Brussel", "Brugge", "Leuven"]),
]
FOREIGN_SURNAMES = {
    "DE": ["Schneider", "Becker", "Wagner", "Hoffmann"],
    "BE": ["Peeters", "Janssens", "Maes", "Claes"],
}
KVK_PLACES = [
    "Alkmaar",
    "Amsterdam",
    "Utrecht",
    "Zwolle",
    "Amersfoort",
    "Leeuwarden",
    "Groningen",
    "Rotterdam",
    "'s-Hertogenbosch",
    "Den Haag",
    "Eindhoven",
    "Arnhem",
]
BICS = {
    "INGB": "INGBNL2A",
    "RABO": "RABONL2U",
    "ABNA": "ABNANL2A",
    "SNSB": "SNSBNL2A",
    "TRIO": "TRIONL2U",
    "ASNB": "ASNBNL21",
    "KNAB": "KNABNL2H",
}
STREETS_FIRM = [
    "Industrieweg",
    "Ambachtsweg",
    "Nijverheidsstraat",
    "Handelsweg",
    "Edisonstraat",
    "Bedrijvenpark",
    "Transportweg",
    "Zuiderhaven",
    "Galvanistraat",
    "Koopvaardijweg",
]


@dataclass(frozen=True)
class Business:
    """A firm as its own paper shows it. ``key``: "own" or "supplier:N"."""

    key: str
    name: str  # as printed, legal form included
    trade: str
    street: str  # with house number: "Industrieweg 14"
    postcode: str  # "8441 PK"; abroad "50667" / "2000"
    city: str
    country: str  # "NL" | "DE" | "BE"
    phones: tuple[Phone, ...]
    email: str
    website: str
    iban: str  # compact
    bic: str
    kvk: str | None  # None abroad
    kvk_place: str
    btw: str  # compact: NL...B01, DE123456789, BE0123456789
    signer: str

    @property
    def iban_printed(self) -> str:
        return " ".join(self.iban[i : i + 4] for i in range(0, len(self.iban), 4))

    @property
    def postcode_city(self) -> str:
        return f"{self.postcode} {self.city}"

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["phones"] = [dataclasses.asdict(p) for p in self.phones]
        return d


def _nl_firm(rng: random.Random, key: str, name: str, trade: str, surname: str) -> Business:
    city, area, (lo, hi) = rng.choice(CITIES)
    phones = [make_phone(rng, area)]
    if rng.random() < 0.4:
        phones.append(make_phone(rng, None))
    words = [w for w in name.split() if w not in ("B.V.", "b.v.", "N.V.", "V.O.F.", "&", "Zn.")]
    domain = _slug("".join(words).replace("bedrijf", "")) + rng.choice([".nl", ".nl", ".com"])
    local = ["info", "info", "administratie", "post", "kantoor"]
    if key != "own":
        local = ["facturen", "debiteuren", "info"]
    iban = make_iban(rng)
    return Business(
        key=key,
        name=name,
        trade=trade,
        street=f"{rng.choice(STREETS_FIRM)} {rng.randint(1, 140)}",
        postcode=make_postcode(rng, lo, hi),
        city=city,
        country="NL",
        phones=tuple(phones),
        email=f"{rng.choice(local)}@{domain}",
        website=f"www.{domain}",
        iban=iban,
        bic=BICS[iban[4:8]],
        kvk=str(rng.randint(10_000_000, 99_999_999)),
        kvk_place=rng.choice(KVK_PLACES),
        btw=make_btw(rng),
        signer=f"{rng.choice('ABDEGHJKMPRSTW')}. {surname}",
    )


def make_own_business(rng: random.Random, trade: str | None = None) -> Business:
    """Our firm: a trade, a name after a surname, a landline (often also a mobile)."""
    trade = trade or rng.choice(sorted(TRADES))
    surname = rng.choice(FIRM_SURNAMES)
    base = rng.choice(TRADES[trade][0]).format(n=surname)
    return _nl_firm(rng, "own", f"{base} {rng.choice(LEGAL_OWN)}".strip(), trade, surname)


def make_supplier(rng: random.Random, index: int, foreign: bool = False) -> Business:
    """A supplier that sends us invoices; foreign ones print VAT and IBAN of their country."""
    key = f"supplier:{index}"
    if not foreign:
        surname = rng.choice(FIRM_SURNAMES)
        name = rng.choice(SUPPLIER_PATTERNS).format(n=surname)
        return _nl_firm(rng, key, name, "leverancier", surname)
    country, pattern, cities = rng.choice(FOREIGN_SUPPLIERS)
    name = pattern.format(n=rng.choice(FOREIGN_SURNAMES[country]))
    domain = _slug(name.split()[0]) + (".de" if country == "DE" else ".be")
    if country == "DE":
        postcode, btw, iban = str(rng.randint(10000, 99999)), make_de_vat(rng), make_de_iban(rng)
        phone = f"+49 {rng.randint(200, 899)} {rng.randint(100000, 9999999)}"
        bic = rng.choice(["COBADEFFXXX", "DEUTDEDBXXX", "GENODEF1S04"])
        street = rng.choice(["Hauptstraße", "Industriestraße", "Bahnhofstraße"])
        email = f"rechnung@{domain}"
    else:
        postcode, btw, iban = str(rng.randint(1000, 9990)), make_be_vat(rng), make_be_iban(rng)
        phone = f"+32 {rng.randint(2, 9)} {rng.randint(100, 999)} {rng.randint(10, 99)} 00"
        bic = rng.choice(["GEBABEBB", "KREDBEBB", "BBRUBEBB"])
        street = rng.choice(["Kerkstraat", "Nijverheidslaan", "Industriepark"])
        email = f"facturatie@{domain}"
    return Business(
        key=key,
        name=name,
        trade="leverancier",
        street=f"{street} {rng.randint(1, 90)}",
        postcode=postcode,
        city=rng.choice(cities),
        country=country,
        # a foreign number: printed, never anybody's Dutch phone
        phones=(Phone(written=phone, e164=phone.replace(" ", ""), kind="landline"),),
        email=email,
        website=f"www.{domain}",
        iban=iban,
        bic=bic,
        kvk=None,
        kvk_place="",
        btw=btw,
        signer="",
    )


# --- foreign numbers ------------------------------------------------------------------


def make_de_vat(rng: random.Random) -> str:
    """DE + 8 digits + ISO 7064 MOD 11,10 check digit."""
    digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
    product = 10
    for d in digits:
        total = (d + product) % 10 or 10
        product = (2 * total) % 11
    return "DE" + "".join(map(str, digits)) + str((11 - product) % 10)


def make_be_vat(rng: random.Random) -> str:
    """BE + 0 + 7 digits + 97 - (the 8 digits mod 97)."""
    base = int("0" + "".join(str(rng.randint(0, 9)) for _ in range(7))) or 1234567
    return f"BE0{base:07d}{97 - base % 97:02d}"


def make_de_iban(rng: random.Random) -> str:
    bban = f"{rng.randint(10000000, 89999999)}{rng.randint(0, 9_999_999_999):010d}"
    return f"DE{iban_check_digits('DE', bban)}{bban}"


def make_be_iban(rng: random.Random) -> str:
    """A bank code that exists (stdnum checks it), 7 digits, the national mod-97 check."""
    first = int(
        rng.choice(["001", "068", "310", "363", "735"]) + f"{rng.randint(0, 9_999_999):07d}"
    )
    bban = f"{first:010d}{first % 97 or 97:02d}"
    return f"BE{iban_check_digits('BE', bban)}{bban}"


# --- registry numbers as printed ------------------------------------------------------

# How a firm's registry numbers appear in letterheads and footers. Placeholders:
# {kvk} {place} {kvk_spaced}; {btw} {btw_dotted} {btw_spaced}; {iban} {iban_c} {bic}.
KVK_FORMS = {
    "kvk-place": "KvK {place} {kvk}",
    "kvk": "KvK {kvk}",
    "kvk-nr": "KvK-nr. {kvk}",
    "kvk-nummer": "KvK-nummer: {kvk}",
    "kvk-colon": "KvK: {kvk}",
    "k.v.k.": "K.v.K. {kvk}",
    "k.v.k.-place": "K.v.K. {place} nr. {kvk}",
    "kamer": "Kamer van Koophandel {kvk}",
    "kamer-place": "Kamer van Koophandel {place} {kvk}",
    "handelsregister": "Handelsregister {kvk}",
    "kvk-place-colon": "KvK {place}: {kvk}",
    "kvk-spaced": "KvK {kvk_spaced}",
    "coc": "CoC {kvk}",
}
BTW_FORMS = {
    "btw-id": "btw-id {btw}",
    "btw-nr": "Btw-nr. {btw}",
    "BTW-nr": "BTW-nr: {btw}",
    "btw": "BTW {btw}",
    "btw-nummer": "BTW-nummer: {btw}",
    "btw-identificatienummer": "Btw-identificatienummer {btw}",
    "omzetbelasting": "Omzetbelastingnummer {btw_dotted}",
    "btw-dotted": "BTW-nr. {btw_dotted}",
    "btw-spaced": "Btw {btw_spaced}",
    "vat": "VAT {btw}",
    "vat-no": "VAT no. {btw}",
}
IBAN_FORMS = {
    "iban": "IBAN {iban}",
    "iban-colon": "IBAN: {iban_c}",
    "iban-bic": "IBAN {iban} · BIC {bic}",
    "bank": "Bank: {iban}",
    "reknr": "Rek.nr. {iban}",
    "bankname": "{bankname} {iban}",
    "iban-compact": "IBAN {iban_c}",
}
FOREIGN_VAT_FORMS = {
    "DE": ["USt-IdNr. {btw}", "USt-IdNr.: {btw}", "VAT {btw}"],
    "BE": ["BTW {btw_be}", "Ondernemingsnr. {ond}", "VAT {btw}"],
}
BANK_NAMES = {
    "INGB": "ING",
    "RABO": "Rabobank",
    "ABNA": "ABN AMRO",
    "SNSB": "SNS",
    "TRIO": "Triodos",
    "ASNB": "ASN Bank",
    "KNAB": "Knab",
}


def registry_parts(
    biz: Any, kvk_form: str, btw_form: str, iban_form: str
) -> list[tuple[str, str, int]]:
    """(printed text, field ref, offset of the value) for KvK, BTW and IBAN of a firm or a
    client (a client's KvK is printed with its own city as the chamber's place)."""
    parts: list[tuple[str, str, int]] = []
    country = getattr(biz, "country", "NL")
    if biz.kvk:
        tpl = KVK_FORMS[kvk_form]
        kvk_spaced = f"{biz.kvk[:4]} {biz.kvk[4:]}"
        place = getattr(biz, "kvk_place", None) or biz.city
        text = tpl.format(kvk=biz.kvk, place=place, kvk_spaced=kvk_spaced)
        shown = kvk_spaced if "{kvk_spaced}" in tpl else biz.kvk
        parts.append((text, "kvk", text.index(shown)))
    if biz.btw and country == "NL":
        d = biz.btw[2:]
        dotted = f"NL{d[:4]}.{d[4:6]}.{d[6:9]}.{d[9:]}"
        spaced = f"NL {d[:4]} {d[4:6]} {d[6:9]} {d[9:]}"
        tpl = BTW_FORMS[btw_form]
        text = tpl.format(btw=biz.btw, btw_dotted=dotted, btw_spaced=spaced)
        shown = dotted if "dotted" in tpl else spaced if "spaced" in tpl else biz.btw
    elif biz.btw:
        # Belgium prints "BE 0123.456.789"; its company number is the same digits
        ond = f"{biz.btw[2:6]}.{biz.btw[6:9]}.{biz.btw[9:]}"
        forms = FOREIGN_VAT_FORMS[country]
        tpl = forms[len(btw_form) % len(forms)]
        text = tpl.format(btw=biz.btw, btw_be=f"BE {ond}", ond=ond)
        shown = f"BE {ond}" if "btw_be" in tpl else ond if "{ond}" in tpl else biz.btw
    if biz.btw:
        parts.append((text, "btw", text.index(shown)))
    tpl = IBAN_FORMS[iban_form]
    bankname = BANK_NAMES.get(biz.iban[4:8], "Bank") if country == "NL" else "Bank"
    bic = getattr(biz, "bic", None) or BICS.get(biz.iban[4:8], "")
    if "{bic}" in tpl and not bic:
        tpl = IBAN_FORMS["iban"]
    text = tpl.format(iban=biz.iban_printed, iban_c=biz.iban, bic=bic, bankname=bankname)
    shown = biz.iban if "{iban_c}" in tpl else biz.iban_printed
    parts.append((text, "iban", text.index(shown)))
    return parts
