"""Values as contact lists write them, made into what the client file keeps: names with
their tussenvoegsel, phone numbers in the card's own country, countries, addresses,
e-mail addresses and dates. Shared by the vCard and the CSV reader."""

from __future__ import annotations

import functools
import re
from datetime import date

import phonenumbers

from ocr.extract.text import fold
from storage import phones as phone_numbers

from .model import Contact, ContactAddress, ContactPhone

PARTICLES = (
    "van der", "van den", "van de", "van 't", "in 't", "in de", "op de", "uit de", "van",
    "de", "den", "der", "ter", "ten", "te", "het", "'t", "la", "le", "du", "von", "zu",
    "von der", "vom", "di", "da", "dos", "del",
)  # fmt: skip
_PARTICLE_WORDS = {w for p in PARTICLES for w in p.split()}
_POSTCODE = re.compile(r"\b(\d{4})\s?([A-Za-z]{2})\b")
_STREET_NUMBER = re.compile(
    r"^(?P<street>.*?\D)\s*(?P<number>\d+(?:\s?[-/]?\s?[A-Za-z0-9]{1,4})?)$", re.S
)
_ISO_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")
_DMY = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{2}|\d{4})$")
# what Outlook writes in an empty date or choice column
EMPTY_MARKS = {
    "unspecified", "niet-gespecificeerd", "niet gespecificeerd", "niet opgegeven",
    "normal", "normaal", "false", "onwaar", "0/0/00", "0-0-00", "0.0.00", "00-00-0000",
    "1/1/1601", "1-1-1601", "true", "waar",
}  # fmt: skip


ADDRESS_KINDS = {"work": "Werkadres", "home": "Huisadres", "other": "Ander adres"}


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(value: str) -> str:
    """A value without control characters (no program means them; some break others),
    its line breaks as LF."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def is_empty_mark(value: str) -> bool:
    return value.strip().casefold() in EMPTY_MARKS


# -- names -------------------------------------------------------------------------------------


def split_particle(family: str) -> tuple[str, str]:
    """('van der', 'Meer') from 'van der Meer'; ('', 'Jansen') when there is none."""
    lowered = family.lower()
    for particle in sorted(PARTICLES, key=len, reverse=True):
        if lowered.startswith(particle + " ") and len(family) > len(particle) + 1:
            return family[: len(particle)], family[len(particle) + 1 :].strip()
    return "", family


def is_particle(text: str) -> bool:
    """'van der', 'de': a tussenvoegsel (Outlook's middle name often holds one)."""
    words = text.lower().split()
    return bool(words) and all(w in _PARTICLE_WORDS for w in words)


def set_names(
    contact: Contact,
    *,
    given: str = "",
    additional: str = "",
    family: str = "",
    tussenvoegsel: str | None = None,
) -> None:
    """Given, additional and family name as a card or row has them. An additional name
    that is a particle is the tussenvoegsel; any other is a further given name."""
    given, additional, family = given.strip(), additional.strip(), family.strip()
    infix = ""
    if tussenvoegsel is not None:  # said explicitly (a Dutch list, our own export)
        infix = tussenvoegsel.strip()
        if infix and family.lower() == infix.lower():
            family = ""
        elif infix and family.lower().startswith(infix.lower() + " "):
            family = family[len(infix) + 1 :].strip()
    elif additional and is_particle(additional):
        infix, additional = additional, ""
    elif family:
        infix, family = split_particle(family)
    first = " ".join(p for p in (given, additional) if p)
    contact.first_name = first or contact.first_name
    contact.tussenvoegsel = infix or contact.tussenvoegsel
    contact.last_name = family or contact.last_name


def complete_name(contact: Contact) -> None:
    """A name for the client list: as written, else from its parts, else the company,
    an e-mail address or a number."""
    if contact.name:
        return
    parts = (contact.first_name, contact.tussenvoegsel, contact.last_name)
    contact.name = " ".join(p for p in parts if p) or contact.company
    if not contact.name and contact.emails:
        contact.name = contact.emails[0]
    if not contact.name and contact.phones:
        contact.name = contact.phones[0].written


def keep_title_parts(contact: Contact) -> None:
    """Prefix and suffix have no field: kept with the name when the name has them, else
    as a note line."""
    name = fold(contact.name or "")
    for label, value in (("Aanhef", contact.prefix), ("Achtervoegsel", contact.suffix)):
        if value and fold(value) not in name:
            contact.keep_extra(label, value)


# -- countries and phone numbers ---------------------------------------------------------------


@functools.cache
def _locale_data() -> dict:
    """Country names in many languages. Loaded on first use: importing phonenumbers'
    geodata loads all of it (over 100 MB), which an import of scans never needs."""
    from phonenumbers.geodata.locale import LOCALE_DATA

    return LOCALE_DATA


@functools.cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for region, by_language in _locale_data().items():
        if not re.fullmatch(r"[A-Z]{2}", region):
            continue
        for name in by_language.values():
            if name.startswith("*"):
                name = by_language.get(name[1:], "")
            if name:
                names.setdefault(_country_key(name), region)
    names.update(
        {
            _country_key(k): v
            for k, v in {
                "Holland": "NL", "The Netherlands": "NL", "Nederland": "NL", "USA": "US",
                "U.S.A.": "US", "United States of America": "US", "UK": "GB",
                "Great Britain": "GB", "England": "GB", "Engeland": "GB",
                "Deutschland": "DE", "Schweiz": "CH", "Suisse": "CH",
            }.items()
        }
    )  # fmt: skip
    return names


def _country_key(text: str) -> str:
    return re.sub(r"[^a-z]", "", fold(text))


def country_code(text: str | None) -> str | None:
    """'DE' for 'Deutschland', 'Duitsland', 'Germany', 'de' or 'DEU'-less 'DE'; None
    when the text names no country we know."""
    if not text or not text.strip():
        return None
    stripped = text.strip()
    if re.fullmatch(r"[A-Za-z]{2}", stripped) and stripped.upper() in _locale_data():
        return stripped.upper()
    return _country_names().get(_country_key(stripped))


def card_region(contact: Contact, default: str) -> str | None:
    """The country of a card's addresses (the first one we know), or None."""
    for address in contact.addresses:
        if address.country and re.fullmatch(r"[A-Z]{2}", address.country):
            return address.country
    return None


def add_phones(contact: Contact, phones: list[tuple[str, str]], default: str) -> None:
    """The card's numbers (written, the list's label) in the card's own country: its
    address country; without one, the list's country, unless a number is not valid
    there and is in the country of the card's own +number. A value that is no number
    is reported."""
    region = card_region(contact, default)
    plus = None
    if region is None:
        region = default
        for written, _kind in phones:
            e164 = phone_numbers.normalize(written, default)
            if e164 and written.lstrip().startswith(("+", "00")):
                plus = phonenumbers.region_code_for_number(phonenumbers.parse(e164))
                break
    for written, kind in phones:
        text = written.strip()
        if not text:
            continue
        e164 = phone_numbers.normalize(text, region)
        if e164 is not None and plus and plus != region and not _valid(e164):
            other = phone_numbers.normalize(text, plus)
            e164 = other if other and _valid(other) else e164
        if e164 is None:
            contact.drop("telefoonnummer", text, "geen telefoonnummer")
        elif all(p.e164 != e164 for p in contact.phones):
            contact.phones.append(ContactPhone(e164, text, kind))


def _valid(e164: str) -> bool:
    return phonenumbers.is_valid_number(phonenumbers.parse(e164))


def finish(contact: Contact, phones: list[tuple[str, str]], default: str) -> None:
    """What every reader does once a card or row is read."""
    add_phones(contact, phones, default)
    complete_name(contact)
    keep_title_parts(contact)
    for address in contact.addresses:
        rest = [
            f"postbus {address.po_box}" if address.po_box else "",
            address.extended or "",
            address.region or "",
        ]
        if address.empty and address.country:
            rest.append(address.country)  # a country alone is no address to store
        if any(rest):
            label = ADDRESS_KINDS.get(address.kind, "Adres")
            contact.keep_extra(label, ", ".join(r for r in rest if r))
    if contact.birthday:
        contact.keep_extra("Verjaardag", contact.birthday)


# -- e-mail ------------------------------------------------------------------------------------


def add_emails(contact: Contact, value: str) -> None:
    """One cell or property: one address, or several ("a@x.nl; b@y.nl", Google's
    " ::: ") when every part is one."""
    text = value.strip().removeprefix("mailto:").removeprefix("MAILTO:")
    if not text:
        return
    parts = [p for p in re.split(r"\s*:::\s*|[,;\s]+", text) if p]
    found = parts if len(parts) > 1 and all(_email(p) for p in parts) else [text]
    for email in found:
        if not _email(email):
            contact.drop("e-mailadres", email, "geen e-mailadres")
        elif email.casefold() not in (e.casefold() for e in contact.emails):
            contact.emails.append(email)


def _email(text: str) -> bool:
    local, at, domain = text.rpartition("@")
    return bool(at and local and "." in domain and not re.search(r"\s", text))


# -- addresses ---------------------------------------------------------------------------------


def split_street(text: str) -> tuple[str | None, str | None]:
    """('Kerkstraat', '12a') from 'Kerkstraat 12a'; the whole text as street when it
    does not end in a number."""
    text = text.strip()
    found = _STREET_NUMBER.match(text) if text else None
    if found:
        return found.group("street").strip(" ,") or None, found.group("number")
    return text or None, None


def normal_postcode(value: str | None, country: str | None) -> str | None:
    """'1234 AB' for a Dutch postcode written any way; other countries' as written."""
    if not value or not value.strip():
        return None
    match = _POSTCODE.fullmatch(value.strip())
    if match and (country or "NL") == "NL":
        return f"{match.group(1)} {match.group(2).upper()}"
    return value.strip()


def parse_address_text(text: str, kind: str = "") -> ContactAddress:
    """An address written as text (one line or several: Google's formatted address,
    Gmail's vCard, an "Adres" column): 'Kerkstraat 12a, 1234 AB Zwolle'."""
    parts = [p.strip() for p in re.split(r"[\r\n]+", text) if p.strip()]
    address = ContactAddress(kind)
    if len(parts) > 1 and country_code(parts[-1]):
        address.country = country_code(parts.pop())
    text = ", ".join(parts)
    match = _POSTCODE.search(text)
    if match:
        address.postcode = f"{match.group(1)} {match.group(2).upper()}"
        address.city = text[match.end() :].strip(" ,") or None
        text = text[: match.start()].strip(" ,")
    elif "," in text:
        text, city = (part.strip() for part in text.rsplit(",", 1))
        address.city = city or None
    address.street, address.house_number = split_street(text)
    return address


def set_country(address: ContactAddress, written: str | None) -> None:
    """The ISO code of a country we know; one we do not is kept as written (never
    taken for the Netherlands)."""
    if not written or not written.strip():
        return
    address.country = country_code(written) or written.strip()


# -- dates -------------------------------------------------------------------------------------


def iso_date(text: str, *, day_first: bool = True) -> str:
    """'1980-05-17' from 19800517, 1980-05-17T00:00:00Z, 17-5-1980 (Dutch) or 5/17/1980
    (US, day_first=False); '--05-17' for a date without year; else the text as it is."""
    value = text.strip()
    if found := _ISO_DATE.match(value):
        return _checked(int(found[1]), int(found[2]), int(found[3])) or value
    if found := _NO_YEAR.match(value):
        return f"--{found[1]}-{found[2]}"
    if found := _DMY.match(value):
        a, b, year = int(found[1]), int(found[2]), int(found[3])
        if year < 100:
            year += 1900 if year > date.today().year % 100 else 2000
        day, month = (a, b) if day_first else (b, a)
        return _checked(year, month, day) or value
    return value


def _checked(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
