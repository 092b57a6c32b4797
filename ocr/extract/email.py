"""E-mail addresses, tolerant of the spaces OCR puts around '@' and dots."""

from __future__ import annotations

import re
import unicodedata

from .hits import Hit

_EMAIL = re.compile(
    r"(?<![\w.@-])([A-Za-z0-9][A-Za-z0-9._%+'-]*)\s?[@©]\s?"
    r"((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\s?\.\s?)+[A-Za-z]{2,12})(?![\w@])"
)


COMMON_TLDS = frozenset(
    [
        "nl",
        "com",
        "net",
        "org",
        "be",
        "de",
        "eu",
        "info",
        "biz",
        "uk",
        "fr",
        "es",
        "it",
        "at",
        "ch",
        "lu",
        "dk",
        "se",
        "no",
        "fi",
        "pl",
        "cz",
        "pt",
        "ie",
        "us",
        "ca",
        "au",
        "io",
        "co",
        "me",
        "tv",
        "online",
        "shop",
        "nu",
        "frl",
        "amsterdam",
    ]
)


def _ascii_same_length(text: str) -> str:
    """'é' -> 'e', '|' -> 'l' one for one (addresses are ASCII; offsets must not move)."""
    out = []
    for c in text:
        plain = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
        out.append(plain if len(plain) == 1 else c)
    return "".join(out).replace("|", "l")


def find_emails(text: str) -> list[Hit]:
    if "@" not in text and "©" not in text:
        return []
    hits = []
    for match in _EMAIL.finditer(_ascii_same_length(text)):
        local = match.group(1).strip(".")
        domain = re.sub(r"\s", "", match.group(2)).strip(".").lower()
        if not local or "." not in domain or ".." in domain:
            continue
        labels = domain.split(".")
        if labels[-1] not in COMMON_TLDS and len(labels) > 2 and labels[-2] in COMMON_TLDS:
            domain = ".".join(labels[:-1])  # "hotmail.com.oe": scanner dust after the address
        if not domain.rsplit(".", 1)[1].isalpha():
            continue
        value = f"{local.lower()}@{domain}"
        hits.append(Hit(value, match.start(), match.end(), match.group(0)))
    return hits
