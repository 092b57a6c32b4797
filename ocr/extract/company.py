"""Company names and their legal form (B.V., V.O.F., Stichting, eenmanszaak)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .text import look_alike, one_apostrophe, strip_accents, two_for_one

# Printed legal forms, longest first; the value is how the client file stores it. They
# may stand anywhere in a line ("Webwinkel b.v. iov Jansen", "Stichting De Brug"), in any
# case; a form never runs on into a letter or a dot-letter ("n.v.t." is no N.V.).
_END = r"(?![\w]|\.\w)"
LEGAL_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bholding\s+b\.?\s?v\b\.?" + _END, re.IGNORECASE), "Holding B.V."),
    (re.compile(r"\bb\.\s?v\.\s?b\.\s?a\b\.?" + _END + r"|\bbvba\b", re.IGNORECASE), "BVBA"),
    # a dot may be read as a colon or comma ("v.o:f.", "B,V.")
    (re.compile(r"\bb[.,:]\s?v\b[.:]?" + _END + r"|\bbv\b" + _END, re.IGNORECASE), "B.V."),
    (re.compile(r"\bn[.,:]\s?v\b[.:]?" + _END + r"|\bnv\b" + _END, re.IGNORECASE), "N.V."),
    (
        re.compile(r"\bv[.,:]\s?[o0][.,:]?\s?-?f\b[.:]?" + _END + r"|\bvof\b", re.IGNORECASE),
        "V.O.F.",
    ),
    (re.compile(r"\bc\.\s?v\b\.?" + _END, re.IGNORECASE), "C.V."),
    (re.compile(r"\bgmbh\s*&\s*co\.?\s*kg\b", re.IGNORECASE), "GmbH & Co. KG"),
    (re.compile(r"\bgmbh\b", re.IGNORECASE), "GmbH"),
    (re.compile(r"\bAG\b(?!-)"), "AG"),  # upper case only: German "ag" is no word of ours
    (re.compile(r"\b(?:ltd\b\.?|limited\b)", re.IGNORECASE), "Ltd."),
    (re.compile(r"\b(?:inc\b\.?|llc\b)", re.IGNORECASE), "Inc."),
    (re.compile(r"\bstichting\b", re.IGNORECASE), "Stichting"),
    (re.compile(r"\bvereniging\b", re.IGNORECASE), "Vereniging"),
    (re.compile(r"\beenmanszaak\b", re.IGNORECASE), "Eenmanszaak"),
    (re.compile(r"\bcoöperatie\b|\bcooperatie\b", re.IGNORECASE), "Coöperatie"),
]
# Forms written before the name ("Stichting De Brug") or anywhere in it: nothing is cut.
_LEADING = frozenset({"Stichting", "Vereniging", "Eenmanszaak", "Coöperatie"})
# Words that make a line a business name even without a legal form (found anywhere in
# a word: "Timmerbedrijf", "Eetcafé").
_TRADES = (
    "bedrijf", "techniek", "advies", "kantoor", "handel", "transport", "bouw", "elektro",
    "service", "groep", "installatie", "bakkerij", "kapsalon", "fietsenmaker", "bloemenhuis",
    "kliniek", "café", "restaurant", "hotel", "winkel", "garage", "makelaardij", "consultancy",
    "holding", "atelier", "studio", "praktijk", "salon", "zorg", "media", "design",
    "loodgieter", "schilder", "hovenier", "timmer", "slagerij", "drukkerij", "apotheek",
)  # fmt: skip
_FAMILY_FIRM = r"& ?zn\.?|& ?zonen|en zonen|\bgebr\."
TRADE_WORDS = re.compile(
    "(" + "|".join(w.replace("é", "[eé]") for w in _TRADES) + "|" + _FAMILY_FIRM + ")",
    re.IGNORECASE,
)
# The parts firm names are built of, to spell them back where OCR slipped in them
# ("Holdirig", "Caté", "Dierenkliniék", "Timmerbedri jf"): the trades and the first
# parts of their compounds.
_FIRM_PARTS = sorted(
    (*_TRADES, "schilders", "loodgieters", "hoveniers", "administratie", "auto", "dieren"),
    key=len,
    reverse=True,
)


def firm_domain_alike(domain: str, firms: str, at_least: float = 90) -> bool:
    """Is a mail domain the firm's domain misread: alike on the whole, and holding what
    tells the firm from others of its trade with at most a slip in four letters? A firm
    of the same trade may have a domain a letter or two off, and those letters are its
    name ("administratiekantoorsahin.nl" is not "administratiekantoorhaan.nl": "haan" is
    not in it; "administratiekantoorhuan.nl" is that one misread)."""
    if domain == firms:
        return True
    if fuzz.ratio(domain, firms) < at_least:
        return False
    core = _core(firms.rpartition(".")[0] or firms)
    if not core:
        return True  # a name of trade words only: nothing else tells
    slips = max(1, len(core) // 4)
    return any(
        Levenshtein.distance(domain[i : i + n], core, score_cutoff=slips) <= slips
        for n in range(len(core) - slips, len(core) + slips + 1)
        for i in range(max(0, len(domain) - n + 1))
    )


def _core(name: str) -> str:
    """The longest run of a firm's name run together that is no firm part ("haan" of
    "administratiekantoorhaan")."""
    kept = "".join(" " if in_firm_part(name, i) else c for i, c in enumerate(name))
    return max(kept.split(), key=len, default="")


def in_firm_part(text: str, index: int) -> bool:
    """Whether text[index] (folded text) is a letter of a firm part: "bedrijf" or
    "loodgieters" in a firm's name run together ("loodgietersbedrijfozturk")."""
    for part in _FIRM_PARTS:
        plain = strip_accents(part)
        start = text.find(plain)
        while start != -1:
            if start <= index < start + len(plain):
                return True
            start = text.find(plain, start + 1)
    return False


def _form_in(text: str) -> tuple[re.Match[str], str] | None:
    """The first legal form printed in text (the leftmost; the longest where two start
    at the same place: "Holding B.V." before "B.V.")."""
    found = [(m, form) for pattern, form in LEGAL_FORMS if (m := pattern.search(text))]
    if not found:
        return None
    return min(found, key=lambda f: (f[0].start(), -len(f[0].group(0))))


def legal_form_of(name: str) -> str | None:
    found = _form_in(name.strip().rstrip(",;"))
    return found[1] if found else None


def without_legal_form(name: str) -> str:
    """name with its printed legal form taken out ("Loodgietersbedrijf Blom V.O.F." ->
    "Loodgietersbedrijf Blom ")."""
    found = _form_in(name)
    return name[: found[0].start()] + name[found[0].end() :] if found else name


def looks_like_company(text: str) -> bool:
    return legal_form_of(text) is not None or TRADE_WORDS.search(text) is not None


def clean_company(text: str) -> str | None:
    """The company name as printed, without stray punctuation and with the legal form
    spelled the usual way ("V.0-F." read by OCR -> "V.O.F."); None for non-names."""
    value = one_apostrophe(" ".join(text.split())).strip(' ,;:·-|"“”‚„*•_')
    value = re.sub(r"^'(?![ts][ -])|'$", "", value).strip()  # a speck, not "'t Hoekje"
    value = re.sub(r"\.{2,}$", ".", value)
    value = re.sub(r"^(Stichting|Vereniging)[.,]", r"\1", value, flags=re.IGNORECASE)
    value = re.sub(r"(?<=\w)'t\b", " 't", value)  # "In't Veld": OCR lost the space
    value = re.sub(r"(?<= )t(?= )", "'t", value)  # "Van t Hof": OCR lost the apostrophe
    value = _without_specks(_respell_firm_words(value))
    found = _form_in(value)
    if found and found[1] not in _LEADING:
        match, form = found
        if match.start() == 0:
            return None  # "B.V." alone, or a line that starts with its form
        # the name ends with its form: "Webwinkel b.v. iov Jansen" is "Webwinkel B.V.";
        # a speck before it is no part of the name ("Holding- B.V.")
        value = value[: match.start()].rstrip(" ,-") + " " + form
    if len(value) < 3 or not any(c.isalpha() for c in value):
        return None
    if "@" in value or sum(c.isdigit() for c in value) > 2:
        return None
    return value


def could_be_firm_name(text: str) -> bool:
    """Could this line be a firm's name: short, no sentence, no address or number?"""
    words = text.split()
    if not 1 <= len(words) <= 7 or "@" in text or "www" in text.casefold() or "," in text:
        return False
    if sum(c.isdigit() for c in text) > 2:
        return False
    capitals = sum(w[:1].isupper() for w in words)
    # "webwinkel b.v.": a web shop's lower-case name still ends with its legal form
    return capitals * 2 >= len(words) or bool(re.search(r"\b(b\.?v|n\.?v|vof)\.?$", text, re.I))


def _without_specks(name: str) -> str:
    """name without the specks OCR read as marks in it ("Van. Leeuwen", "Hoveniersbedrijf.
    Brouwer", "De Vries' B.V.", "Van Wijk. V.O.F.", "Kapsalon Lotte."), "& Zn." written
    one way, and "by" after a firm's name read as the "BV" it is."""
    name = re.sub(r"(?i)\b(van|de|den|der|ter|ten)\.(?= \w)", r"\1", name)
    name = re.sub(r"(?<=\w)\.(?= ?[A-Za-z])(?!(?:nl|com|be|de|eu)\b)", _speck_after_firm_word, name)
    name = re.sub(r"&\s?Zn\b\.?", "& Zn.", name, flags=re.IGNORECASE)  # "Zonen", shortened
    name = re.sub(r"(?<=\w{3})['.](?= (?:b\.?v|v\.?o\.?f|n\.?v)\b)", "", name, flags=re.I)
    if not _form_in(name):
        name = re.sub(r"(?<=\w{4})\.$", "", name)
    if TRADE_WORDS.search(name[:-3]) and name.endswith(" by"):
        name = name[:-3] + " B.V."
    return name


def _speck_after_firm_word(match: re.Match[str]) -> str:
    """A dot after a firm word ("Dierenkliniek.Meijer"): a speck, the words' gap kept."""
    word = re.search(r"\w+$", match.string[: match.start()]).group()
    ends = any(word.casefold().endswith(strip_accents(p)) for p in _FIRM_PARTS)
    if not ends or len(word) < 4:
        return match.group()
    return "" if match.string[match.end() : match.end() + 1] == " " else " "


def _respell_firm_words(name: str) -> str:
    """name with OCR's slips in the parts of firm words spelled back: a letter taken for
    another ("Halding"), two letters read for one ("Holdirig"), an accent on a letter
    that has none ("Dierenkliniék"), a gap inside the word ("Timmerbedri jf")."""
    name = re.sub(r"\b(\w+) (\w{1,3})\b", _join_cut_word, name)
    return re.sub(r"\w{4,}", lambda m: _respell_word(m.group(0)), name)


def _join_cut_word(match: re.Match[str]) -> str:
    head, tail = match.group(1), match.group(2)
    joined = (head + tail).casefold()
    for part in _FIRM_PARTS:
        if joined.endswith(part) and len(part) > len(tail) and not head.casefold().endswith(part):
            return head + tail
    return match.group(0)


def _respell_word(word: str) -> str:
    """word with the firm parts it ends in spelled as they are written; unchanged unless
    OCR slipped in one (at most one slip per word)."""
    plain = "".join(strip_accents(c) or c for c in word.casefold())
    if len(plain) != len(word):
        return word
    end, slipped, parts = len(plain), False, []
    while end:
        found = _part_at_end(plain[:end], slipped)
        if found is None:
            break
        part, length, slip = found
        kept = word[end - length : end]
        if slip or strip_accents(kept) != kept:
            kept = part.upper() if kept.isupper() else part
            slipped = True
        parts.insert(0, kept)
        end -= length
    if not slipped:
        return word
    respelled = word[:end] + "".join(parts)
    return respelled[:1].upper() + respelled[1:] if word[:1].isupper() else respelled


def _part_at_end(text: str, slipped: bool) -> tuple[str, int, bool] | None:
    """The firm part text ends in: (part, how many characters of text, with a slip)."""
    for part in _FIRM_PARTS:
        plain = strip_accents(part)
        if text.endswith(plain):
            return part, len(plain), False
    if slipped:
        return None
    for part in _FIRM_PARTS:
        plain = strip_accents(part)
        # a short part only as a whole word ("Cabauw" is a place), and not in the last
        # letter ("Elektra" is a name)
        alike = len(plain) >= 5 or len(text) == len(plain)
        if alike and look_alike(plain[:-1], text[-len(plain) : -1]) and text[-1] == plain[-1]:
            return part, len(plain), True
        if len(plain) >= 5 and plain in two_for_one(text[-len(plain) - 1 :]):
            return part, len(plain) + 1, True
    return None
