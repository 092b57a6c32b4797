"""Company names and their legal form (B.V., V.O.F., Stichting, eenmanszaak)."""

from __future__ import annotations

import re

# Printed legal forms, longest first; the value is how the client file stores it.
LEGAL_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bholding\s+b\.?\s?v\.?$", re.IGNORECASE), "Holding B.V."),
    (re.compile(r"\bb\.\s?v\.?$|\bbv$", re.IGNORECASE), "B.V."),
    (re.compile(r"\bn\.\s?v\.?$|\bnv$", re.IGNORECASE), "N.V."),
    (re.compile(r"\bv\.\s?[o0]\.?\s?-?f\.?$|\bvof$", re.IGNORECASE), "V.O.F."),
    (re.compile(r"\bc\.\s?v\.?$", re.IGNORECASE), "C.V."),
    (re.compile(r"^stichting\b", re.IGNORECASE), "Stichting"),
    (re.compile(r"^vereniging\b", re.IGNORECASE), "Vereniging"),
    (re.compile(r"\beenmanszaak\b", re.IGNORECASE), "Eenmanszaak"),
    (re.compile(r"\bcoöperatie\b|\bcooperatie\b", re.IGNORECASE), "Coöperatie"),
]
# Words that make a line a business name even without a legal form.
TRADE_WORDS = re.compile(
    r"(bedrijf|techniek|advies|kantoor|handel|transport|bouw|elektro|service|services|"
    r"groep|installatie|bakkerij|kapsalon|fietsenmaker|bloemenhuis|kliniek|caf[eé]|"
    r"eetcaf[eé]|restaurant|hotel|winkel|garage|makelaardij|consultancy|holding|"
    r"atelier|studio|praktijk|salon|zorg|media|design|loodgieter|schilder|hovenier|"
    r"timmer|slagerij|drukkerij|apotheek|& ?zn\.?|& ?zonen|en zonen|\bgebr\.)",
    re.IGNORECASE,
)


def legal_form_of(name: str) -> str | None:
    text = name.strip().rstrip(",;")
    for pattern, form in LEGAL_FORMS:
        if pattern.search(text):
            return form
    return None


def looks_like_company(text: str) -> bool:
    return legal_form_of(text) is not None or TRADE_WORDS.search(text) is not None


def clean_company(text: str) -> str | None:
    """The company name as printed, without stray punctuation and with the legal form
    spelled the usual way ("V.0-F." read by OCR -> "V.O.F."); None for non-names."""
    value = " ".join(text.split()).strip(" ,;:·-|'\"‘’“”")
    value = re.sub(r"\.{2,}$", ".", value)
    value = re.sub(r"^(Stichting|Vereniging)[.,]", r"\1", value, flags=re.IGNORECASE)
    value = re.sub(r"(?<=\w)'t\b", " 't", value)  # "In't Veld": OCR lost the space
    for pattern, form in LEGAL_FORMS:
        match = pattern.search(value)
        if match and match.start() > 0 and form not in ("Eenmanszaak", "Coöperatie"):
            value = value[: match.start()].rstrip(" ,") + " " + form
            break
    if len(value) < 3 or not any(c.isalpha() for c in value):
        return None
    if "@" in value or sum(c.isdigit() for c in value) > 2:
        return None
    return value
