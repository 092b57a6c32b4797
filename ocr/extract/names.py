"""Person names: "Kees de Vries", "Dhr. K. de Vries", "Vries, Kees de", "t.a.v. ...".

The tussenvoegsel (de, van der, in 't...) is kept apart from the last name because
Dutch sorting and folder tabs depend on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .company import looks_like_company
from .text import one_apostrophe, two_for_one

# Longest first, so "van der" wins over "van".
PARTICLES = sorted(
    [
        "van der", "van den", "van de", "van 't", "van het", "in 't", "in het", "op de",
        "op den", "op 't", "uit de", "uit den", "van", "de", "der", "den", "ter", "ten",
        "te", "het", "'t", "d'", "la", "le", "du", "da", "di", "del", "von", "zu", "vd",
    ],
    key=lambda p: -len(p.split()),
)  # fmt: skip
# Words that begin a surname and are no first name ("El Amrani", "Ait Haddou"); not
# "Ben", which is one
_SURNAME_PREFIXES = frozenset({"el", "al", "ait", "abu"})
_ONE_WORD_PARTICLES = frozenset(p for p in PARTICLES if " " not in p)
# The attention line of an address: "T.a.v.", and in English letters "Attn." / "FAO"
# ("Atth.": its n read as an h).
ATTENTION = r"t\.?\s?a\.?\s?v\.?|ter attentie van|att[nh]\.?|attention(?: of)?|f\.a\.o\.|fao"
TITLES = re.compile(
    rf"^(?:(?:{ATTENTION}|dhr\.?|de heer|heer|hr\.?|me[vy]r\.?|me[vy]rouw|"
    r"mw\.?|mr\.?|ir\.?|ing\.?|drs\.?|dr\.?|prof\.?|fam\.?|familie|de familie|"
    r"en|&|of)(?:\s*/\s*|\s+))+",  # "De heer/mevrouw", "Dhr. of mevr."
    re.IGNORECASE,
)
# Words that never appear in a person's name but do in lines near one.
NOT_NAMES = re.compile(
    r"\b(groet|groeten|geachte|beste|betreft|administratie|klantkaart|klantgegevens|"
    r"postbus|factuur|offerte|telefoon|mobiel|e-?mail|adres|datum|pagina|bijlage|"
    r"hoogachtend|namens|afdeling|debiteuren|crediteuren|heer/mevrouw|mevrouw/heer)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞİŞÇĞ][\w'’.-]*|[A-Z]\.(?:[A-Z]\.)*|'[st]-?\w*|d'\w*)$")
_INITIALS = re.compile(r"^(?:[A-Z]\.){1,4}$|^[A-Z]$")


@dataclass(frozen=True, slots=True)
class PersonName:
    first_name: str | None  # None when only initials were printed
    tussenvoegsel: str | None
    last_name: str
    initials: str | None = None

    @property
    def display(self) -> str:
        first = self.first_name or self.initials
        return " ".join(p for p in (first, self.tussenvoegsel, self.last_name) if p)


_ALPHA_PARTICLES = "|".join(sorted(p for p in _ONE_WORD_PARTICLES if p.isalpha()))
_BEFORE_PARTICLE = rf"(?=(?:{_ALPHA_PARTICLES})\b)"
_DOT_AFTER_NAME = re.compile(rf"(?<=[^\W\d_]{{2}})\.{_BEFORE_PARTICLE}")
_DOT_AFTER_INITIAL = re.compile(rf"(?<=\b[A-Z])\.{_BEFORE_PARTICLE}")
# ... or after a particle ("Eva van. Leeuwen"): a particle is never abbreviated
_DOT_AFTER_PARTICLE = re.compile(rf"\b({_ALPHA_PARTICLES})[.,](?= [A-Z])")
# ... or a speck read as a hyphen after it ("Umit de-Wit"): a double surname joins two
# names ("Jansen-de Vries"), never a particle to its own name
_HYPHEN_AFTER_PARTICLE = re.compile(rf"(?<![\w-])({_ALPHA_PARTICLES})-(?=[A-Z])")


def is_particle(word: str) -> bool:
    """A one-word tussenvoegsel ("van", "de", "'t")."""
    return word.casefold() in _ONE_WORD_PARTICLES


def _split_particle(tokens: list[str]) -> tuple[str | None, list[str]]:
    """(particle, rest) when tokens start with a tussenvoegsel."""
    lowered = [t.casefold() for t in tokens]
    for particle in PARTICLES:
        parts = particle.split()
        if lowered[: len(parts)] == parts and len(tokens) > len(parts):
            return particle, tokens[len(parts) :]
    return None, tokens


# quotes around a name, and what OCR makes of a scan's edges and rules ("- Jan Smit |")
_EDGES = " ,;:'\"“”„‘’`_|~=°»«*-–—"


def strip_title(text: str) -> str:
    text = " ".join(text.split()).strip(_EDGES)
    return TITLES.sub("", text).strip(" ,;:")


def _title_misread(text: str) -> str:
    """A title with a letter read as two ("Fani. de Vries" of "Fam. de Vries") is that
    title, not a first name."""
    first, _, rest = text.strip().partition(" ")
    if first.endswith(".") and rest:
        for word in two_for_one(first):
            if TITLES.match(f"{word} "):
                return f"{word} {rest}"
    return text


def parse_person(text: str) -> PersonName | None:
    """A person's name from a line, or None when the line does not look like one."""
    text = _title_misread(text)
    # a speck read as a dot between a first name and a particle ("Emma.de Wit") or after
    # the particle ("Eva van. Leeuwen"), or the gap after an initial lost ("J.de Vries")
    text = _DOT_AFTER_NAME.sub(" ", _DOT_AFTER_INITIAL.sub(". ", one_apostrophe(text)))
    text = _DOT_AFTER_PARTICLE.sub(r"\1", text)
    text = _HYPHEN_AFTER_PARTICLE.sub(r"\1 ", text)
    # a speck read as a hyphen after the first name ("Pieter- van Dijk"): a double name
    # joins two ("Jan-Willem"), a double surname may have its gap ("Smit- Jansen")
    text = re.sub(r"^(\s*[^\W\d_]+)-(?=\s)", r"\1", text)
    titled = bool(TITLES.match(" ".join(text.split()).strip(_EDGES)))
    text = strip_title(text).strip(" .,;:")
    if not text or len(text) > 60 or any(c.isdigit() for c in text) or "@" in text:
        return None
    if NOT_NAMES.search(text) or looks_like_company(text):
        return None
    text = re.sub(r"^([A-Z]),(?= [A-Z])", r"\1.", text)  # "B, Visser": an initial's dot
    if text.count(",") == 1:
        return _parse_inverted(text)
    if "," in text:
        return None
    tokens = text.split()
    if titled:
        # "Fam. De Vries", "Dhr. en mevr. Jansen", "Mw. Jansen": only the surname
        particle, after = _split_particle(tokens)
        if len(tokens) == 1 or (particle and len(tokens) == len(particle.split()) + 1):
            return _make_surname(particle, after if particle else tokens)
    if not 2 <= len(tokens) <= 6:
        return None
    particle, after = _split_particle(tokens)
    if particle and len(after) == 1:
        return _make_surname(particle, after)  # "De Vries", "Van Dijk": a surname alone
    if len(tokens) == 2 and tokens[0].casefold() in _SURNAME_PREFIXES:
        surname = _make_surname(None, tokens[1:])  # "El Amrani": a surname alone
        return surname and PersonName(None, None, " ".join(tokens))
    first_tokens: list[str] = []
    rest = tokens
    while rest:
        particle, after = _split_particle(rest)
        if particle and first_tokens:
            return _make(first_tokens, particle, after)
        first_tokens.append(rest[0])
        rest = rest[1:]
        if len(first_tokens) >= 3:
            break
    # no particle: first token(s) are the first name or initials, the rest the last name
    first_tokens, last = _first_and_last(tokens)
    return _make(first_tokens, None, last)


def _make_surname(particle: str | None, last: list[str]) -> PersonName | None:
    if len(last) != 1 or not _TOKEN.match(last[0]) or len(last[0]) < 2 or last[0].endswith("."):
        return None
    return PersonName(None, particle.casefold() if particle else None, last[0])


def _first_and_last(tokens: list[str]) -> tuple[list[str], list[str]]:
    initials = 0
    while initials < len(tokens) - 1 and _INITIALS.match(tokens[initials]):
        initials += 1
    if initials:
        return tokens[:initials], tokens[initials:]
    return tokens[:1], tokens[1:]


def _parse_inverted(text: str) -> PersonName | None:
    """ "Vries, Kees de" / "De Vries, Kees" / "Jansen, K.J." (folder tabs, lists)."""
    last_part, first_part = (p.strip() for p in text.split(","))
    if not last_part or not first_part:
        return None
    last_tokens = last_part.split()
    particle, last_rest = _split_particle(last_tokens)
    first_tokens = first_part.split()
    if particle is None:
        # the particle may trail the first name: "Vries, Kees de"
        for n in range(min(3, len(first_tokens) - 1), 0, -1):
            tail = " ".join(first_tokens[-n:]).casefold()
            if tail in PARTICLES:
                particle = tail
                first_tokens = first_tokens[:-n]
                break
    if not first_tokens or not last_rest or len(first_tokens) > 3 or len(last_rest) > 3:
        return None
    return _make(first_tokens, particle, last_rest)


def _make(first: list[str], particle: str | None, last: list[str]) -> PersonName | None:
    if not first or not last:
        return None
    for token in first + last:
        if not _TOKEN.match(token):
            return None
    if any(len(t) == 1 and t.isalpha() and not t.isupper() for t in last):
        return None
    initials = None
    first_name: str | None = " ".join(first)
    if all(_INITIALS.match(t) for t in first):
        initials = "".join(t if t.endswith(".") else t + "." for t in first)
        first_name = None
    return PersonName(
        first_name, particle.casefold() if particle else None, " ".join(last), initials
    )


def parse_folder_name(name: str) -> tuple[PersonName | None, str | None]:
    """(person, company) hinted by a folder tab: "Jansen, Kees" or "Bakkerij De Vries"."""
    text = " ".join(name.replace("_", " ").split())
    if not text:
        return None, None
    if looks_like_company(text):
        return None, text
    return parse_person(text), None
