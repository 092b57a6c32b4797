"""Dutch addresses: street with house number and addition, postcode (1234 AB) and city."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storage.places import dutch_places

from .hits import Hit
from .labels import label_kind

# Letters F, I, O, Q, U, Y never occur in postcodes; SA, SD and SS are not used.
# (an underscore before it is scanner dust: "“_9104 AA Damwâld"; so is a comma between
# its digits and two capitals: "5231, VK ‘s-Hertogenbosch", or a hyphen: "2327-WL Leiden")
_POSTCODE = re.compile(
    r"(?<![^\W_])(?<!-)([1-9][0-9]{3})(?:[,-]\s?(?=[A-EGHJ-NPRSTVWXZ]{2}\b)|\s?)"
    r"([A-EGHJ-NPRSTVWXZ][A-EGHJ-NPRSTVWXZa-z]|[A-Z][a-z])(?![\w])"
)
_CITY = re.compile(
    r"^[\s,\]\[|)(]*((?:'[stST][- ])?[A-ZÀ-Þ][\w'’À-ÿ-]*"
    r"(?:[ -](?:[A-ZÀ-Þa-z][\w'’À-ÿ-]*|aan|a/d|op|den|de)){0,3})"
)
_STREET = re.compile(
    r"^(?P<street>(?:'[st]\s)?[A-ZÀ-Þ0-9][\w'’À-ÿ./-]*(?:\s+[\w'’À-ÿ./-]+){0,5}?)\s+"
    r"(?P<nr>[1-9][0-9]{0,4}(?:\s?-\s?[0-9]{1,3}|\s?[a-zA-Z]{1,2}\b|\s+(?:bis|hs|I{1,3}|"
    r"[A-D]|zw|rood|boven|huis))?)\s*$"
)
_NOT_STREET = re.compile(
    r"\b(postbus|antwoordnummer|tel|telefoon|mobiel|kvk|iban|btw|klantnr|klantnummer|nr\.?|"
    r"uw|factuur|betreft|bedrag|totaal|pagina|sinds|vanaf)\b",
    re.IGNORECASE,
)
# the 1 of a house number read as a letter ("Dr. Nolensplein la" of 1a), where the line
# is no street otherwise
_ONE_AS_LETTER = re.compile(r"(?<=\s)[lI|](?=[0-9]{1,3}[a-z]?$|[a-z]$)")  # not "Willem I"
# a house number read with a gap between its digits ("Rue de Paris 1 1" of 11): a street's
# name may hold a number ("Plein van 18 September") but does not end in a short one
_SPLIT_NUMBER = re.compile(r"\s+([1-9][0-9]?)$")
# specks after the house number too ("Industrieweg 101°")
_TRAILING_JUNK = re.compile(r"[\s,.;:·|\-–—*•…_°'\"“”‘’]+$")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


@dataclass(frozen=True, slots=True)
class PostcodeCity:
    postcode: str  # "1234 AB"
    city: str | None
    start: int
    end: int  # end of the city (or postcode) in the text
    known: bool = False  # the city is a known Dutch place (storage.places)


@dataclass(frozen=True, slots=True)
class Street:
    street: str
    house_number: str


def find_postcodes(text: str) -> list[PostcodeCity]:
    """Postcodes with the city printed after them ("8441 PK Heerenveen", "8441PK  Burgum")."""
    found = []
    for match in _POSTCODE.finditer(text):
        letters = match.group(2).upper()
        if letters in ("SA", "SD", "SS"):
            continue
        postcode = f"{match.group(1)} {letters}"
        city_match = _CITY.match(text[match.end() :].translate(_APOSTROPHES))
        city, known = None, False
        end = match.end()
        if city_match:
            city = _TRAILING_JUNK.sub("", city_match.group(1))
            if len(city) < 2 or not any(c.isalpha() for c in city):
                city = None
            else:
                end = match.end() + city_match.end(1)
                city, known, length = known_city(city)
                end = match.end() + city_match.start(1) + length
        found.append(PostcodeCity(postcode, city, match.start(), end, known))
    return found


def known_city(printed: str) -> tuple[str, bool, int]:
    """(city, known, length printed): the longest run of the printed words that names a
    known place, spelled as the list does ("Damwald" -> "Damwâld", "Zwolle Nederland" ->
    "Zwolle"); else the words as printed. A slight misreading of a known place's name
    ("Amsterdarn") is that place."""
    places = dutch_places()
    words = printed.split(" ")
    for n in range(len(words), 0, -1):
        head = " ".join(words[:n])
        spelled = places.spelling(head)
        if spelled:
            return spelled, True, len(head)
    near = places.near(printed)
    if near:
        return near, True, len(printed)
    return printed, False, len(printed)


# ... before a house number that ends the line ("Julianalaan, 21 1-4": too much misread)
_MARK_BEFORE_NUMBER = re.compile(r"(?<=[a-z])[,.:;](?= ?[1-9][0-9]*[a-zA-Z]?(?:[- ]?\w{1,4})?$)")
# ... and "'t" glued to the name after it ("'tZand.108" of 't Zand 108)
_GLUED_ARTICLE = re.compile(r"^'(t)(?=[A-Z])")


def _no_mark(match: re.Match[str]) -> str:
    """The speck before a house number gone; a gap where it stood for one."""
    return "" if match.string[match.end() : match.end() + 1] == " " else " "


def parse_street(text: str) -> Street | None:
    """ "Kerkstraat 12a", "Nieuwe Binnenweg 12-2", "'t Zand 3 bis" -> street and number."""
    value = _TRAILING_JUNK.sub("", " ".join(text.split())).translate(_APOSTROPHES)
    value = value.lstrip("-–—*.…•·_|, ")  # a speck before the street ("- Dr. Nolensplein 2")
    value = _GLUED_ARTICLE.sub(r"'\1 ", value)
    # a quote, or a speck read as a low one ("„Schoolstraat 197")
    value = value.lstrip("'\"“”„ ") if not value.startswith(("'t ", "'s ")) else value
    value = re.sub(r"(?<=[a-z]),(?= [A-Z])", "", value)  # "Oude, Gracht 12": OCR comma
    # "Rue de Paris: 248": a speck, not a label's colon ("Adres: 12")
    value = _MARK_BEFORE_NUMBER.sub(
        lambda m: _no_mark(m) if not label_kind(m.string[: m.start()]) else m.group(), value
    )
    match = _STREET.match(value) or _STREET.match(_ONE_AS_LETTER.sub("1", value))
    if not match:
        return None
    street = match.group("street").strip(" ,")
    number = re.sub(r"\s*-\s*", "-", " ".join(match.group("nr").split()))
    if (split := _SPLIT_NUMBER.search(street)) and number.isdigit() and len(number) <= 2:
        street, number = street[: split.start()], split.group(1) + number
    head, _, addition = number.partition(" ")
    if addition and re.fullmatch(r"[Il1|]{2,3}", addition):
        number = f"{head} {'I' * len(addition)}"  # "35 Il" is the Roman "35 II"
    if _NOT_STREET.search(street) or "@" in street:
        return None
    letters = sum(c.isalpha() for c in street)
    if letters < 3 or sum(c.isdigit() for c in street) > 0.3 * letters:
        return None
    return Street(street, number)


def postcode_hit(pc: PostcodeCity, text: str) -> Hit:
    return Hit(pc.postcode, pc.start, pc.start + len(pc.postcode) + 1, text[pc.start : pc.end])


def split_who_street(text: str) -> tuple[str | None, Street | None]:
    """ "Bakkerij Smit B.V. Kerkstraat 1" (a footer whose separators OCR dropped) ->
    ("Bakkerij Smit B.V.", Street). The shortest street that leaves a name in front wins;
    a street never starts with a lower-case particle ("de Withstraat")."""
    from .company import looks_like_company
    from .names import parse_person

    words = text.split()
    for k in range(len(words) - 2, 0, -1):
        street_text = " ".join(words[k:])
        if not words[k][:1].isupper() and not words[k].startswith("'"):
            continue
        street = parse_street(street_text)
        if street is None:
            continue
        who = " ".join(words[:k]).strip(" ,-·")
        if looks_like_company(who) or parse_person(who):
            return who, street
    return None, parse_street(text)
