"""What a CSV column holds, from its header as Google, Outlook (English and Dutch),
Thunderbird, Excel lists made by hand and our own export write it.

    column("Werkadres, postcode")  -> Column("postcode", group="work")
    column("Phone 1 - Value")      -> Column("phone")
    column("Lievelingskleur")      -> None: not understood, reported, never guessed

A column is one of: a field of the client (name parts, company, phone, e-mail, the
parts of an address in a group: "work", "home", "1", "2"), a value kept as a note line
("extra", with its Dutch label), a value dropped with a reason ("drop"), or a column
that holds nothing about the person ("ignore": Outlook's Priority, e-mail types, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storage.search import fold


@dataclass(frozen=True, slots=True)
class Column:
    kind: str
    group: str = ""  # the address (or phone kind) a part belongs to
    label: str = ""  # Dutch label of an "extra", or why a "drop" is dropped


ADDRESS_GROUPS = {
    "business": "work", "work": "work", "werkadres": "work", "werk": "work",
    "home": "home", "huisadres": "home", "thuis": "home", "other": "other",
    "ander adres": "other", "anders": "other",
}  # fmt: skip
ADDRESS_PARTS = {
    "street": "street", "straat": "street", "address": "street",
    "street 2": "street2", "street 3": "street2", "straat 2": "street2", "straat 3": "street2",
    "address 2": "street2", "city": "city", "plaats": "city", "state": "region",
    "provincie": "region", "region": "region", "postal code": "postcode",
    "postcode": "postcode", "zipcode": "postcode", "zip code": "postcode",
    "country/region": "country", "country": "country", "land/regio": "country",
    "address po box": "po_box", "po box": "po_box", "postbusnummer": "po_box",
    "formatted": "address", "extended address": "street2", "house number": "house_number",
    "huisnummer": "house_number", "toevoeging": "house_suffix", "woonplaats": "city",
    "land": "country", "adres": "address", "type": "ignore", "label": "ignore",
}  # fmt: skip
_GOOGLE = re.compile(r"^(e-mail|email|phone|address|organization|website|relation|event|im|"
                     r"custom field|external id) (\d+) - (.+)$")  # fmt: skip
_EN_ADDRESS = re.compile(r"^(business|home|other|work) (.+)$")
_NL_ADDRESS = re.compile(r"^(werkadres|huisadres|ander adres)( \d)?, (.+)$")
_NL_COUNTRY = re.compile(r"^land/regio \((werk|thuis|anders)\)$")
_NUMBERED = re.compile(r"^(straat|huisnummer|toevoeging|postcode|plaats|woonplaats|land|adres)"
                       r" (\d+)$")  # fmt: skip
_EMAIL_META = re.compile(
    r"e-?mail( \d)? (type|display name)|e-?mailtype( \d)?|weergavenaam voor e-?mail( \d)?"
    r"|e-?mail, weergegeven naam( \d)?"
)
_TRAILING_NUMBER = re.compile(r"\s*\d+$")
_LETTERS = re.compile(r"[^a-z]")

# Phone columns (letters only) with the kind they say.
PHONES = {
    "businessphone": "work", "companymainphone": "work", "primaryphone": "",
    "homephone": "home", "mobilephone": "mobile", "otherphone": "other",
    "carphone": "mobile", "assistantsphone": "work", "callback": "", "isdn": "",
    "pager": "", "radiophone": "", "ttytddphone": "", "businessfax": "fax",
    "homefax": "fax", "otherfax": "fax", "telefoonopwerk": "work",
    "hoofdtelefoonbedrijf": "work", "hoofdtelefoon": "", "telefoonthuis": "home",
    "mobieletelefoon": "mobile", "andere telefoon": "other", "anderetelefoon": "other",
    "autotelefoon": "mobile", "telefoonassistent": "work", "terugbellen": "",
    "terugbelnummer": "", "radiotelefoon": "", "teksttelefoon": "", "semafoon": "",
    "faxopwerk": "fax", "faxthuis": "fax", "anderefax": "fax", "workphone": "work",
    "faxnumber": "fax", "pagernumber": "", "mobilenumber": "mobile", "telefoonwerk": "work",
    "faxnummer": "fax", "piepernummer": "", "mobielnummer": "mobile", "telefoon": "",
    "tel": "", "telefoonnummer": "", "phone": "", "telephone": "", "vast": "",
    "telefoonvast": "", "werk": "work", "prive": "home", "telefoonprive": "home",
    "fax": "fax", "phonenumber": "", "telnr": "", "mobiel": "mobile", "mobile": "mobile",
    "gsm": "mobile", "mobilenummer": "mobile", "cell": "mobile", "cellphone": "mobile",
    "telefoonmobiel": "mobile", "mobiel nummer": "mobile",
}  # fmt: skip
FIELDS = {
    **dict.fromkeys(["naam", "volledigenaam", "name", "fullname", "weergavenaam",
                     "displayname", "contactpersoon", "contact", "klant", "klantnaam",
                     "relatie", "relatienaam"], "name"),
    **dict.fromkeys(["voornaam", "firstname", "givenname", "roepnaam", "voornamen"],
                    "first_name"),
    **dict.fromkeys(["middlename", "middelstenaam", "additionalname", "tweedenaam"],
                    "middle_name"),
    **dict.fromkeys(["achternaam", "lastname", "familienaam", "surname", "familyname"],
                    "last_name"),
    **dict.fromkeys(["tussenvoegsel", "tussenvoegsels", "tussenv", "voorvoegsel", "infix"],
                    "tussenvoegsel"),
    **dict.fromkeys(["title", "titel", "aanhef", "nameprefix", "prefix"], "prefix"),
    **dict.fromkeys(["suffix", "namesuffix", "achtervoegsel"], "suffix"),
    **dict.fromkeys(["bedrijf", "bedrijfsnaam", "company", "organisatie", "organization",
                     "organisation", "firma", "onderneming", "handelsnaam",
                     "organizationname", "organisatienaam"], "company"),
    **dict.fromkeys(["rechtsvorm", "legalform"], "legal_form"),
    **dict.fromkeys(["adres", "address", "straatenhuisnummer", "bezoekadres", "woonadres",
                     "postadres", "werkadres", "huisadres", "vestigingsadres", "factuuradres"],
                    "address"),
    **dict.fromkeys(["straat", "street", "straatnaam"], "street"),
    **dict.fromkeys(["huisnummer", "huisnr", "nr", "nummer", "housenumber", "number"],
                    "house_number"),
    **dict.fromkeys(["toevoeging", "huisnummertoevoeging", "huisletter"], "house_suffix"),
    **dict.fromkeys(["postcode", "zip", "zipcode", "postalcode", "postcodecijfers"],
                    "postcode"),
    **dict.fromkeys(["plaats", "woonplaats", "city", "stad", "vestigingsplaats", "town",
                     "gemeente"], "city"),
    **dict.fromkeys(["provincie", "state", "region", "regio"], "region"),
    **dict.fromkeys(["land", "country", "countrycode", "landcode"], "country"),
    **dict.fromkeys(["email", "emailadres", "mail", "mailadres", "emailaddress",
                     "primaryemail", "secondaryemail", "eersteemailadres",
                     "tweedeemailadres"], "email"),
    **dict.fromkeys(["iban", "rekeningnummer", "bankrekening", "bankrekeningnummer",
                     "rekening"], "iban"),
    **dict.fromkeys(["bic", "swift"], "bic"),
    **dict.fromkeys(["kvk", "kvknummer", "kvknr", "kamervankoophandel", "cocnumber"], "kvk"),
    **dict.fromkeys(["btw", "btwnummer", "btwnr", "btwid", "vat", "vatnumber",
                     "btwidnummer"], "btw"),
    **dict.fromkeys(["klantsinds", "clientsince"], "client_since"),
    **dict.fromkeys(["status"], "status"),
    **dict.fromkeys(["notitie", "notities", "opmerking", "opmerkingen", "note", "notes",
                     "memo"], "note"),
    **dict.fromkeys(["birthday", "verjaardag", "geboortedatum", "geboortedag"], "birthday"),
    # our own export's number: known, deliberately not imported (ids are per file)
    **dict.fromkeys(["klantnummer", "id"], "ignore"),
    # nothing about the person: flags, how a program files or shows the contact
    **dict.fromkeys(["initials", "initialen", "priority", "prioriteit", "private", "priv",
                     "sensitivity", "gevoeligheid", "internetfreebusy",
                     "internetbeschikbaarheidsinfo", "emailtype", "emaildisplayname",
                     "weergavenaamvooremail", "emailweergegevennaam", "fileas",
                     "yominame", "givennameyomi", "familynameyomi", "additionalnameyomi",
                     "phoneticfirstname", "phoneticmiddlename", "phoneticlastname",
                     "subject", "directoryserver", "adreslijstserver"], "ignore"),
}  # fmt: skip
EXTRA = {
    "jobtitle": "Functie", "functie": "Functie", "organizationtitle": "Functie",
    "department": "Afdeling", "afdeling": "Afdeling", "organizationdepartment": "Afdeling",
    "nickname": "Bijnaam", "bijnaam": "Bijnaam", "shortname": "Bijnaam",
    "maidenname": "Meisjesnaam", "webpage": "Website", "webpagina": "Website",
    "website": "Website", "url": "Website", "homepage": "Website", "account": "Account",
    "billinginformation": "Factuurinformatie", "factuurinformatie": "Factuurinformatie",
    "categories": "Groepen", "categorieen": "Groepen", "categorien": "Groepen",
    "groupmembership": "Groepen", "labels": "Groepen", "children": "Kinderen",
    "kinderen": "Kinderen", "gender": "Geslacht", "geslacht": "Geslacht", "hobby": "Hobby",
    "hobbys": "Hobby", "keywords": "Trefwoorden", "trefwoorden": "Trefwoorden",
    "language": "Taal", "taal": "Taal", "location": "Locatie", "locatie": "Locatie",
    "managersname": "Manager", "naammanager": "Manager", "assistantsname": "Assistent",
    "naamassistent": "Assistent", "mileage": "Reisafstand", "reisafstand": "Reisafstand",
    "officelocation": "Kantoor", "kantoorlocatie": "Kantoor",
    "organizationalidnumber": "Organisatie-id", "organisatieid": "Organisatie-id",
    "profession": "Beroep", "beroep": "Beroep", "occupation": "Beroep",
    "referredby": "Verwezen door", "referentievan": "Verwezen door", "spouse": "Partner",
    "partner": "Partner", "user": "Gebruiker", "gebruiker": "Gebruiker",
    "custom": "Eigen veld", "anniversary": "Jubileum", "specialedatum": "Jubileum",
    "jubileum": "Jubileum", "screenname": "Chat", "schermnaam": "Chat", "telex": "Telex",
    "billing": "Factuurinformatie", "hobbies": "Hobby",
}  # fmt: skip
DROP = {
    "governmentidnumber": "BSN of sofinummer: alleen met reden te bewaren (AVG)",
    "sofinummer": "BSN of sofinummer: alleen met reden te bewaren (AVG)",
    "bsn": "BSN of sofinummer: alleen met reden te bewaren (AVG)",
    "photo": "het klantdossier bewaart geen foto's",
    "foto": "het klantdossier bewaart geen foto's",
}
GOOGLE_FIELDS = {
    ("e-mail", "value"): "email", ("email", "value"): "email", ("phone", "value"): "phone",
    ("organization", "name"): "company", ("organization", "title"): "extra:Functie",
    ("organization", "department"): "extra:Afdeling", ("website", "value"): "extra:Website",
    ("relation", "value"): "extra:Relatie", ("event", "value"): "extra:Datum",
    ("im", "value"): "extra:Chat", ("custom field", "value"): "extra:Eigen veld",
    ("organization", "job description"): "extra:Functie",
    ("organization", "location"): "extra:Locatie",
}  # fmt: skip
# Header columns that identify a person: a CSV with one of these is a contact list.
IDENTIFYING = {"name", "first_name", "last_name", "company", "phone", "email"}


def _key(header: str) -> str:
    return " ".join(fold(header.strip().strip('"')).split())


def column(header: str) -> Column | None:
    """What a header cell holds, or None when it is not understood."""
    key = _key(header)
    if not key:
        return None
    found = _google(key) or _address(key) or _email(key)
    if found is not None:
        return found
    letters = _LETTERS.sub("", _TRAILING_NUMBER.sub("", key))
    if key.startswith("birth ") and key.split()[-1] in ("year", "month", "day"):
        return Column("birth_" + key.split()[-1])  # Thunderbird: Birth Year/Month/Day
    if letters in PHONES:
        return Column("phone", PHONES[letters])
    if letters in FIELDS:
        return Column(FIELDS[letters])
    if letters in EXTRA:
        return Column("extra", label=EXTRA[letters])
    if letters in DROP:
        return Column("drop", label=DROP[letters])
    return None


def _google(key: str) -> Column | None:
    found = _GOOGLE.match(key)
    if not found:
        return None
    family, number, part = found.groups()
    if family == "address":
        kind = ADDRESS_PARTS.get(part)
        return Column(kind, group=number) if kind else Column("ignore")
    kind = GOOGLE_FIELDS.get((family, part), "ignore")  # types, labels, yomi names
    if kind.startswith("extra:"):
        return Column("extra", label=kind[6:])
    return Column(kind)


def _address(key: str) -> Column | None:
    if found := _NL_COUNTRY.match(key):
        return Column("country", ADDRESS_GROUPS[found[1]])
    if found := _NL_ADDRESS.match(key):
        group, line, part = found.groups()
        kind = ADDRESS_PARTS.get(part)
        if kind == "street" and line:  # "Werkadres 2, straat": the second street line
            kind = "street2"
        return Column(kind, ADDRESS_GROUPS[group]) if kind else None
    if found := _EN_ADDRESS.match(key):
        group, part = found.groups()
        kind = ADDRESS_PARTS.get(part)
        return Column(kind, ADDRESS_GROUPS[group]) if kind else None
    if found := _NUMBERED.match(key):
        part, number = found.groups()
        return Column(ADDRESS_PARTS[part], "" if number == "1" else number)
    return None


def _email(key: str) -> Column | None:
    """Outlook's 'E-mail 2 Address', 'E-mailadres 2' and their type and display name."""
    if re.fullmatch(r"e-?mail( \d)? address|e-?mailadres( \d)?", key):
        return Column("email")
    if _EMAIL_META.fullmatch(key):
        return Column("ignore")
    return None
