"""Company names and their legal form (B.V., V.O.F., Stichting, eenmanszaak)."""

from __future__ import annotations

import re

from .text import one_apostrophe

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
# Words that make a line a business name even without a legal form.
TRADE_WORDS = re.compile(
    r"(bedrijf|techniek|advies|kantoor|handel|transport|bouw|elektro|service|services|"
    r"groep|installatie|bakkerij|kapsalon|fietsenmaker|bloemenhuis|kliniek|caf[eé]|"
    r"eetcaf[eé]|restaurant|hotel|winkel|garage|makelaardij|consultancy|holding|"
    r"atelier|studio|praktijk|salon|zorg|media|design|loodgieter|schilder|hovenier|"
    r"timmer|slagerij|drukkerij|apotheek|& ?zn\.?|& ?zonen|en zonen|\bgebr\.)",
    re.IGNORECASE,
)


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
