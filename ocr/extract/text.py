"""Small text helpers: OCR confusion repair and folding for comparisons."""

from __future__ import annotations

import re
import unicodedata

# Characters Tesseract prints for a digit, and for a letter, in the usual confusions.
# (an O with a speck over it too: "SNSBÓ376…")
TO_DIGIT = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "i": "1",
                          "|": "1", "!": "1", "L": "1", "S": "5", "s": "5", "B": "8", "Z": "2",
                          "z": "2", "G": "6", "b": "6", "g": "9", "q": "9", "A": "4",
                          "T": "7", "$": "5", "[": "1", "]": "1",
                          "Ó": "0", "Ò": "0", "Ô": "0", "Ö": "0", "Õ": "0"})  # fmt: skip
# ... and a capital read with an accent ("RABÓ": Dutch bank codes have none)
TO_LETTER = str.maketrans({"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G", "4": "A",
                           "7": "T", "|": "I", "$": "S", "Ó": "O", "Ò": "O", "Ö": "O",
                           "Á": "A", "À": "A", "É": "E", "È": "E", "Ë": "E", "Í": "I",
                           "Ú": "U", "Ü": "U"})  # fmt: skip
# A narrower set for tokens inside running text, where a wrong repair would invent digits.
_SAFE_DIGIT = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "i": "1", "|": "1"})


def to_digits(text: str) -> str:
    return text.translate(TO_DIGIT)


def to_letters(text: str) -> str:
    return text.upper().translate(TO_LETTER)


def fix_digit_tokens(text: str) -> str:
    """Repair O/0 and l/1 inside tokens that are mostly digits ("O6-1234567l", "003i").

    The result has the same length as the input, so offsets keep pointing at the words.
    """

    def repair(match: re.Match[str]) -> str:
        token = match.group(0)
        digits = sum(c.isdigit() for c in token)
        if digits >= 3 and digits >= 0.6 * sum(c.isalnum() for c in token):
            return token.translate(_SAFE_DIGIT)
        return token

    return re.sub(r"[^\s]+", repair, text)


def one_apostrophe(text: str) -> str:
    """One apostrophe for all the ways it is printed and read ("‘t Hoekje", "in ’t Veld")."""
    return re.sub(r"[‘’`´]", "'", text)


def strip_accents(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    return "".join(c for c in norm if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case without diacritics or punctuation, for comparing names."""
    text = text.replace("ı", "i").replace("ß", "ss")
    norm = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in norm if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w&]+", " ", plain).split())


# letters of Turkish, Polish and other names that Tesseract's Dutch model reads as another
# letter ("Çelik" → "Gelik"); Dutch accents (é, ë, ö) lose only their mark, which fold drops
_FOREIGN_LETTERS = set("çşğıłńśźżćąęøđž")


def unknown_letters(name: str) -> str:
    """The folded name with "_" for every letter the Dutch model may read as another:
    "Çelik" → "_elik", "Yıldız" → "y_ld_z"."""
    return fold("".join("_" if c.lower() in _FOREIGN_LETTERS else c for c in name))


def read_as(pattern: str, folded: str) -> bool:
    """Whether a folded reading may be a misreading of a name whose unknown_letters are
    pattern: the same letters except where the pattern has "_" ("gelik" of "_elik")."""
    return len(pattern) == len(folded) and all(
        p in ("_", k) for p, k in zip(pattern, folded, strict=True)
    )


def compact(text: str, drop: str = "") -> tuple[str, list[int]]:
    """text without whitespace (and the characters in drop), plus for every kept
    character its offset in text."""
    chars, offsets = [], []
    for i, c in enumerate(text):
        if not c.isspace() and c not in drop:
            chars.append(c)
            offsets.append(i)
    return "".join(chars), offsets


# Letters OCR reads for one letter ("iries" for "ines", "hoine", "honte", "hofne" for "home",
# "hotrriail" for "hotmail": the m's first leg an r, the rest an n read as "ri")
_TWO_FOR_ONE = (
    ("ri", "n"), ("rn", "m"), ("in", "m"), ("ni", "m"), ("nt", "m"), ("cl", "d"), ("vv", "w"),
    ("rri", "m"), ("li", "h"), ("ti", "h"), ("fn", "m"), ("fi", "n"),
)  # fmt: skip


# Letters OCR takes for one another in the same space ("frederigue" for "frederique")
_LOOK_ALIKE = frozenset(
    frozenset(pair)
    for pair in ("qg", "il", "l1", "i1", "o0", "ce", "uv", "nu", "ao", "it", "lt", "ft", "jl",
                 "rf", "hk", "hn", "vy")
)  # fmt: skip


def look_alike(a: str, b: str, most: int = 1) -> bool:
    """Is b the same length as a, with at most `most` of its letters ones OCR takes for
    a's ("smii" for "smit", "hame.nl" for "home.nl")?"""
    if len(a) != len(b):
        return False
    differ = [frozenset(pair) for pair in zip(a, b, strict=True) if pair[0] != pair[1]]
    return len(differ) <= most and all(pair in _LOOK_ALIKE for pair in differ)


def thin_lost(read: str, meant: str) -> bool:
    """Is read meant without one of its thin letters ("ive.nl": the l beside the @ lost,
    "tm_brink65@" of Tim)?"""
    return any(meant[i] in "il" and meant[:i] + meant[i + 1 :] == read for i in range(len(meant)))


def two_for_one(word: str) -> list[str]:
    """word with one run of letters OCR reads for one letter (a pair, or "rri") put back
    as that letter, every way it can be ("hoine" -> ["home"])."""
    found = []
    for many, one in _TWO_FOR_ONE:
        at = word.find(many)
        while at >= 0:
            found.append(word[:at] + one + word[at + len(many) :])
            at = word.find(many, at + 1)
    return found
