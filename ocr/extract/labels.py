"""Labels printed before a value ("Naam:", "Tel.", "KvK-nr:") and what they announce."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

# Normalised label (lower case, letters plus '+' and '/') -> field it announces.
LABELS: dict[str, str] = {
    # a card with the name in parts: "Voornaam: | Tussenvoegsel: | Naam:"
    "voornaam": "first_name",
    "voornamen": "first_name",
    "roepnaam": "first_name",
    "tussenvoegsel": "tussenvoegsel",
    "tussenvoegsels": "tussenvoegsel",
    "achternaam": "last_name",
    "familienaam": "last_name",
    "geslachtsnaam": "last_name",
    "naam": "name",
    "naamklant": "name",
    "klantnaam": "name",
    "klant": "name",
    "contactpersoon": "name",
    "contact": "name",
    "tav": "name",
    "terattentievan": "name",
    "attn": "name",
    "bedrijf": "company",
    "bedrijfsnaam": "company",
    "firma": "company",
    "organisatie": "company",
    "adres": "address",
    "straat": "address",
    "straat+nr": "address",
    "straat+huisnummer": "address",
    "straatenhuisnummer": "address",
    "bezoekadres": "address",
    "postadres": "address",
    "postcode/plaats": "postcode_city",
    "postcodeenplaats": "postcode_city",
    "pc/woonplaats": "postcode_city",
    "postcode/woonplaats": "postcode_city",
    "postcode": "postcode_city",
    "woonplaats": "postcode_city",
    "plaats": "postcode_city",
    "tel": "phone",
    "t": "phone",  # "T: 072-5123456 · E: info@..." on modern letterheads
    "e": "email",
    "telefoon": "phone",
    "telefoonnr": "phone",
    "telefoonnummer": "phone",
    "telvast": "phone",
    "vast": "phone",
    # a phone number too; one that can be neither mobile nor landline there is misread
    "mobiel": "mobile",
    "mob": "mobile",
    "gsm": "mobile",
    "m": "mobile",
    "email": "email",
    "mail": "email",
    "emailadres": "email",
    "mailadres": "email",
    "iban": "iban",
    "rekeningnummer": "iban",
    "rekeningnr": "iban",
    "bankrekening": "iban",
    "bankrekeningnr": "iban",
    "bank": "iban",
    "banknr": "iban",
    "reknr": "iban",
    "ibannr": "iban",
    "ibannummer": "iban",
    "iban/bic": "iban",
    "bankrekeningnummer": "iban",
    "rekening": "iban",
    "bic": "bic",
    "swift": "bic",
    "bicswift": "bic",
    "kvk": "kvk",
    "kvknr": "kvk",
    "kvknummer": "kvk",
    "kamervankoophandel": "kvk",
    "handelsregister": "kvk",
    "handelsregisternummer": "kvk",
    "handelsregisternr": "kvk",
    "hrnr": "kvk",
    "kvkinschrijving": "kvk",
    "inschrijvingkvk": "kvk",
    "coc": "kvk",
    "cocnr": "kvk",
    "cocnumber": "kvk",
    "chamberofcommerce": "kvk",
    "btw": "btw",
    "btwnr": "btw",
    "btwid": "btw",
    "btwnummer": "btw",
    "btwidentificatienummer": "btw",
    "omzetbelastingnummer": "btw",
    "btwidnr": "btw",
    "biw": "btw",  # Tesseract reads the T of BTW as I
    "biwnr": "btw",
    "biwid": "btw",
    "vat": "btw",
    "vatnr": "btw",
    "vatno": "btw",
    "vatid": "btw",
    "vatnumber": "btw",
    "ustidnr": "btw",
    "ustid": "btw",
    "tva": "btw",
    "ondernemingsnummer": "btw",  # Belgium: the enterprise number is the VAT number
    "klantsinds": "client_since",
    "klantvanaf": "client_since",
    "bsn": "bsn",
    "burgerservicenummer": "bsn",
    "sofinummer": "bsn",
    "sofinr": "bsn",
    "klantnr": "client_number",
    "klantnummer": "client_number",
    "uwklantnummer": "client_number",
    "nr": "client_number",
    "opmerkingen": "remarks",
    "betreft": "subject",
}

# Labels that are also written without a colon ("Tel. 06-...", "KvK 12345678").
_BARE = re.compile(
    r"^\s*(tel(?:efoon)?\.?|mobiel|mob\.?|gsm|e-?mail|iban|k\.?v\.?k\.?(?:[-e]?nr\.?|[-e]?nummer)?|"
    r"b[ti]w(?:-?nr\.?|-?id|-?nummer)?|vat|bic|bsn|t\.\s?a\.\s?v\.?|tav\.?)(?=[\s:]|$)[\s:.]*",
    re.IGNORECASE,
)
_COLON = re.compile(r"^\s*([^:;]{1,32}?)\s*[:;]\s*")


def _key(text: str) -> str:
    return re.sub(r"[^a-z+/]", "", text.casefold())


def label_kind(text: str) -> str | None:
    """The field a label announces, tolerant of small OCR slips ("Ernail", "Te1.")."""
    key = _key(text)
    if not key:
        return None
    if key in LABELS:
        return LABELS[key]
    if key.endswith(("sinds", "vanaf")) and len(key) <= 12:
        return "client_since"  # "Klant sinds" with its first word misread ("RIE vanaf")
    if key.startswith("kvk") and len(key) <= 5:
        return "kvk"  # "KvK-on": the "nr" after it misread
    if len(key) >= 4:
        found = process.extractOne(key, LABELS.keys(), scorer=fuzz.ratio, score_cutoff=84)
        if found:
            return LABELS[found[0]]
    return None


def split_label(text: str) -> tuple[str | None, int]:
    """(field announced, offset where the value starts); (None, 0) without a label."""
    match = _COLON.match(text)
    if match:
        kind = label_kind(match.group(1))
        if kind:
            return kind, match.end()
    match = _BARE.match(text)
    if match:
        kind = label_kind(match.group(1))
        if kind:
            return kind, match.end()
    return None, 0
