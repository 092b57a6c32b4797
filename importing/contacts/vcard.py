"""vCard 2.1, 3.0 and 4.0 (RFC 2425/2426/6350) into Contacts.

Our own reader, not vobject: what goes wrong with real files happens before a vCard
library gets to see text (vobject takes decoded text): a multi-byte character split by
folding, one Windows-1252 card in a UTF-8 file, QUOTED-PRINTABLE without CHARSET and its
soft line breaks. So lines are unfolded as bytes, each property is decoded on its own
(its CHARSET, else UTF-8, else Windows-1252), and values are unescaped in one pass. The
grammar itself is small; a card that breaks it costs that card only, never the file.
"""

from __future__ import annotations

import binascii
import contextlib
import quopri
import re
from dataclasses import dataclass, field

from . import text as texts
from . import values as v
from .model import Contact, ContactAddress, ContactList
from .values import clean

_ESCAPES = {"n": "\n", "N": "\n", "\\": "\\", ";": ";", ",": ",", ":": ":"}
_ESCAPE = re.compile(r"\\(.)", re.S)
_CARET = re.compile(r"\^([n^'])")  # RFC 6868 in parameter values
_CARETS = {"n": "\n", "^": "^", "'": '"'}
_BARE_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
# Properties that say nothing about the person (how the card was made or shown).
IGNORED = {
    "VERSION", "PRODID", "REV", "UID", "CLASS", "KIND", "SORT-STRING", "SOURCE", "NAME",
    "PROFILE", "MAILER", "TZ", "LABEL", "X-ABUID", "X-ABSHOWAS", "X-ABLABEL", "X-ABADR",
    "X-MS-OL-DEFAULT-POSTAL-ADDRESS", "X-MS-OL-DESIGN", "X-MS-IMADDRESS", "X-MS-CARDPICTURE",
    "X-MOZILLA-HTML", "X-EVOLUTION-FILE-AS", "X-EVOLUTION-BLOG-URL", "X-EVOLUTION-LIST",
    "X-EVOLUTION-LIST-SHOW-ADDRESSES", "X-EVOLUTION-ARBITRARY", "X-PHONETIC-FIRST-NAME",
    "X-PHONETIC-LAST-NAME", "X-PHONETIC-MIDDLE-NAME", "X-IMAGETYPE", "X-IMAGEHASH",
    "X-ACCOUNT", "X-WAB-GENDER", "X-CLASS", "X-IRMC-LUID", "X-ANDROID-CUSTOM-GROUP",
    "CLIENTPIDMAP", "X-KADDRESSBOOK-X-IMADDRESS", "X-QQ", "XML", "FBURL", "CALURI",
    "CALADRURI", "X-GENERATOR", "X-RADICALE-NAME",
}  # fmt: skip
# Values kept as a note line, with their Dutch label.
EXTRA = {
    "NICKNAME": "Bijnaam", "TITLE": "Functie", "ROLE": "Rol", "URL": "Website",
    "ANNIVERSARY": "Jubileum", "X-ANNIVERSARY": "Jubileum", "GENDER": "Geslacht",
    "IMPP": "Chat", "X-SKYPE": "Skype", "X-SKYPE-USERNAME": "Skype", "X-AIM": "Chat",
    "X-JABBER": "Chat", "X-MSN": "Chat", "X-ICQ": "Chat", "X-YAHOO": "Chat",
    "X-GOOGLE-TALK": "Chat", "X-GTALK": "Chat", "RELATED": "Relatie", "GEO": "Coördinaten",
    "X-SPOUSE": "Partner", "X-MS-SPOUSE": "Partner", "X-EVOLUTION-SPOUSE": "Partner",
    "X-ASSISTANT": "Assistent", "X-EVOLUTION-ASSISTANT": "Assistent",
    "X-MANAGER": "Manager", "X-EVOLUTION-MANAGER": "Manager", "X-MS-MANAGER": "Manager",
    "X-ABRELATEDNAMES": "Relatie", "LANG": "Taal", "ORG-DIRECTORY": "Adresboek",
    "X-ABDATE": "Datum", "X-SOCIALPROFILE": "Profiel", "X-EVOLUTION-ANNIVERSARY": "Jubileum",
    "X-KADDRESSBOOK-X-SPOUSENAME": "Partner", "X-KADDRESSBOOK-X-ANNIVERSARY": "Jubileum",
    "X-KADDRESSBOOK-X-OFFICE": "Kantoor", "X-KADDRESSBOOK-X-PROFESSION": "Beroep",
}  # fmt: skip
# Our own export's fields that vCard has none for.
OWN = {
    "X-KVK": "kvk", "X-IBAN": "iban", "X-BTW": "btw", "X-BIC": "bic",
    "X-RECHTSVORM": "legal_form", "X-KLANT-SINDS": "client_since", "X-STATUS": "status",
}  # fmt: skip
BINARY = {"PHOTO": "foto", "LOGO": "logo", "SOUND": "geluid", "KEY": "sleutel"}
GOOGLE_GROUPS = {"mycontacts", "starred", "* mycontacts", "* starred"}


@dataclass
class Property:
    name: str  # upper case, without group
    params: dict[str, list[str]] = field(default_factory=dict)  # upper-case keys
    value: str = ""  # decoded, still escaped
    binary: bool = False  # inline data (a photo): not decoded

    def types(self) -> set[str]:
        return {t.lower() for t in self.params.get("TYPE", [])}


# -- lines ---------------------------------------------------------------------------------


def _split_quoted(text: str, separators: str) -> list[str]:
    """Split at separators outside double quotes."""
    parts, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char in separators and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _head_end(line: bytes) -> int:
    """Where the value starts: the first colon outside double quotes (a vCard 4.0
    LABEL parameter may hold colons), or -1."""
    quoted = False
    for i, byte in enumerate(line):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return i
    return -1


def _is_qp(line: bytes) -> bool:
    end = _head_end(line)
    return end > 0 and b"QUOTED-PRINTABLE" in line[:end].upper()


def logical_lines(data: bytes) -> list[bytes]:
    """Content lines unfolded as bytes, before any decoding: a continuation line (starting
    with a space or tab) joins the one before, without that space in vCard 3.0/4.0, with it
    in 2.1 (where folding happens before existing white space); a QUOTED-PRINTABLE value
    ending in '=' goes on on the next line (soft line break)."""
    out: list[bytes] = []
    version_21 = False
    soft = False
    for raw in texts.lines(data):
        line = raw.rstrip(b"\r\n")
        if soft and out:
            out[-1] = out[-1][:-1] + line
        elif line[:1] in (b" ", b"\t") and out:
            out[-1] += line if version_21 else line[1:]
        else:
            out.append(line)
            upper = line.strip().upper()
            if upper.startswith(b"VERSION:"):
                version_21 = upper == b"VERSION:2.1"
            elif upper == b"BEGIN:VCARD":
                version_21 = False
        soft = out[-1].endswith(b"=") and _is_qp(out[-1]) if out else False
    return [line for line in out if line.strip()]


def parse_property(line: bytes) -> Property | None:
    """One content line: [group.]NAME *(;param) : value."""
    end = _head_end(line)
    if end <= 0:
        return None
    head = texts.decode(line[:end])
    name, *raw_params = _split_quoted(head, ";")
    prop = Property(name.rsplit(".", 1)[-1].strip().upper())
    for param in raw_params:
        key, eq, value = param.partition("=")
        if not eq:  # vCard 2.1: TEL;CELL;WORK and ADR;QUOTED-PRINTABLE
            key, value = ("ENCODING", key) if key.upper() in _BARE_ENCODINGS else ("TYPE", key)
        key = key.strip().upper()
        values = [
            _CARET.sub(lambda m: _CARETS[m[1]], x.strip().strip('"'))
            for x in _split_quoted(value, ",")
        ]
        if key == "TYPE":  # TYPE="voice,cell" is two types
            values = [t.strip() for x in values for t in x.split(",")]
        prop.params.setdefault(key, []).extend(x for x in values if x)
    raw = line[end + 1 :]
    encoding = {e.upper() for e in prop.params.get("ENCODING", [])}
    charset = next(iter(prop.params.get("CHARSET", [])), None)
    linked = prop.params.get("VALUE", [""])[0].lower() == "uri" or raw.lower().startswith(
        (b"http", b"data:")
    )
    if encoding & {"BASE64", "B"} or (prop.name in BINARY and not linked):
        prop.binary = True
        return prop
    if "QUOTED-PRINTABLE" in encoding:
        # a broken escape keeps the bytes as they are; decoding shows what is there
        with contextlib.suppress(ValueError, binascii.Error):
            raw = quopri.decodestring(raw)
    prop.value = texts.decode(raw, charset)
    return prop


def unescape(value: str) -> str:
    """One pass: '\\n' is a line break, '\\\\' a backslash, '\\;' and '\\,' the sign; an
    unknown escape stays as it is (a Windows path in a 2.1 note)."""
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m[1], m[0]), value)


def _split_escaped(value: str, separator: str) -> list[str]:
    """Split at separators that are not escaped (a backslash escapes the next sign)."""
    parts, current, i = [], [], 0
    while i < len(value):
        char = value[i]
        if char == "\\" and i + 1 < len(value):
            current.append(value[i : i + 2])
            i += 2
            continue
        if char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


def components(value: str) -> list[str]:
    """The parts of ADR and ORG: split at semicolons that are not escaped, each part
    unescaped (a list inside a part, with unescaped commas, stays one text)."""
    return [clean(unescape(p)) for p in _split_escaped(value, ";")]


def name_components(value: str) -> list[str]:
    """The parts of N; a list inside a part ('Johanna,Maria') as names with spaces."""
    parts = []
    for part in _split_escaped(value, ";"):
        names = [clean(unescape(n)) for n in _split_escaped(part, ",")]
        parts.append(names[0] if len(names) == 1 else " ".join(n.strip() for n in names))
    return parts


def text(prop: Property) -> str:
    """A text property's value, unescaped and cleaned."""
    return clean(unescape(prop.value)).strip()


# -- cards ---------------------------------------------------------------------------------


def read_vcards(data: bytes, region: str) -> ContactList:
    """Every card of a file (8-bit bytes, see text.eight_bit)."""
    result = ContactList()
    card: list[Property] | None = None
    number = 0
    for line in logical_lines(data):
        upper = line.strip().upper()
        if upper == b"BEGIN:VCARD":
            if card is not None:
                result.skipped.append((f"kaart {number}", "kaart zonder END:VCARD"))
            card, number = [], number + 1
            continue
        if upper == b"END:VCARD":
            if card is not None:
                _add_card(result, card, f"kaart {number}", region)
            card = None
            continue
        if card is not None:
            prop = parse_property(line)
            if prop is not None:
                card.append(prop)
    if card is not None:
        result.skipped.append((f"kaart {number}", "kaart zonder END:VCARD (bestand afgebroken?)"))
    return result


def _add_card(result: ContactList, card: list[Property], where: str, region: str) -> None:
    try:
        contact = card_contact(card, where, region)
    except Exception as e:  # a card we cannot read costs that card, never the file
        result.skipped.append((where, f"kaart niet te lezen ({type(e).__name__})"))
        return
    if contact.empty:
        result.skipped.append((where, "kaart zonder naam, telefoon of e-mail"))
    else:
        result.contacts.append(contact)


def card_contact(card: list[Property], where: str, region: str) -> Contact:
    contact = Contact(where)
    phones: list[tuple[str, str]] = []
    names: dict[str, str] = {}
    for prop in card:
        if prop.name in IGNORED:
            continue
        contact.values_read += 1
        if prop.binary:
            what = BINARY.get(prop.name, prop.name.lower())
            contact.drop(what, "", "het klantdossier bewaart geen ingebedde bestanden")
            continue
        _property(contact, prop, phones, names)
    if names:
        v.set_names(
            contact,
            given=names.get("given", ""),
            additional=names.get("additional", ""),
            family=names.get("family", ""),
            tussenvoegsel=names.get("tussenvoegsel"),
        )
    v.finish(contact, phones, region)
    return contact


def _property(
    contact: Contact, prop: Property, phones: list[tuple[str, str]], names: dict[str, str]
) -> None:
    name = prop.name
    types = prop.types()
    if name == "FN":
        _single(contact, "name", text(prop), "naam")
    elif name == "N":
        family, given, additional, prefix, suffix, *_ = [*name_components(prop.value), *[""] * 5]
        names.update(family=family, given=given, additional=additional)
        contact.prefix = prefix.strip() or None
        contact.suffix = suffix.strip() or None
    elif name == "X-TUSSENVOEGSEL":
        names["tussenvoegsel"] = text(prop)
    elif name == "ORG":
        company, *units = components(prop.value)
        _single(contact, "company", company.strip(), "bedrijf")
        for unit in units:
            if unit.strip():
                contact.keep_extra("Afdeling", unit.strip())
    elif name == "TEL":
        kind = "mobile" if "cell" in types else "fax" if "fax" in types else _kind(types)
        phones.append((text(prop), kind))
    elif name == "EMAIL":
        v.add_emails(contact, text(prop))
    elif name == "ADR":
        _address(contact, prop.value, _kind(types))
    elif name == "NOTE":
        note = text(prop)
        if note:
            contact.notes.append(note)
    elif name == "BDAY":
        contact.birthday = v.iso_date(text(prop))
    elif name == "CATEGORIES":
        groups = [g for g in components(prop.value)[0].split(",") if g.strip()]
        kept = [g.strip() for g in groups if g.strip().casefold() not in GOOGLE_GROUPS]
        if kept:
            contact.keep_extra("Groepen", ", ".join(kept))
    elif name in OWN:
        _single(contact, OWN[name], text(prop), name[2:].lower())
    elif name in EXTRA:
        value = text(prop)
        if value:
            contact.keep_extra(EXTRA[name], value)
    elif name == "X-ANDROID-CUSTOM":
        _android_custom(contact, prop.value)
    else:
        value = text(prop)
        if value:
            contact.drop(name, value, "onbekend veld")
        else:
            contact.values_read -= 1  # an empty property of no known kind held nothing


def _kind(types: set[str]) -> str:
    for kind in ("work", "home", "other"):
        if kind in types:
            return kind
    return ""


def _single(contact: Contact, attr: str, value: str, label: str) -> None:
    """A field the client has once: a second, different value is kept as a note line."""
    if not value:
        return
    current = getattr(contact, attr)
    if not current:
        setattr(contact, attr, value)
    elif current != value:
        contact.keep_extra(label.capitalize(), value)


def _address(contact: Contact, value: str, kind: str) -> None:
    po_box, extended, street, city, region, postcode, country, *_ = [
        *components(value),
        *[""] * 7,
    ]
    if not (street.strip() or city.strip() or postcode.strip() or country.strip()):
        if extended.strip():  # Gmail: the whole address as text in the second part
            address = v.parse_address_text(extended, kind)
            extended = ""
        else:
            address = ContactAddress(kind)
    else:
        address = ContactAddress(kind, city=city.strip() or None)
        first, *more = street.split("\n")  # Apple, Android: the second line is an extra one
        address.street, address.house_number = v.split_street(first)
        extended = ", ".join(x for x in (*(m.strip() for m in more), extended.strip()) if x)
        v.set_country(address, country)
        address.postcode = v.normal_postcode(postcode, address.country)
    address.region = region.strip() or None
    address.extended = extended.strip() or None
    address.po_box = po_box.strip() or None
    if address.empty and address.po_box:
        address.street, address.house_number, address.po_box = "Postbus", address.po_box, None
    if address.empty and not (address.country or address.region or address.extended):
        return
    contact.addresses.append(address)


def _android_custom(contact: Contact, value: str) -> None:
    """Android's own rows: 'vnd.android.cursor.item/nickname;Jo;...'."""
    kind, *parts = components(value)
    text = ", ".join(p.strip() for p in parts if p.strip() and not p.strip().isdigit())
    label = {
        "vnd.android.cursor.item/nickname": "Bijnaam",
        "vnd.android.cursor.item/relation": "Relatie",
        "vnd.android.cursor.item/contact_event": "Datum",
    }.get(kind.strip())
    if label and text:
        contact.keep_extra(label, text)
    elif text:
        contact.drop("X-ANDROID-CUSTOM", text, "onbekend veld")
