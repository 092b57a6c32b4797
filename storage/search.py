"""Turning what a user types into safe FTS5 queries, and the text a client is found by."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

from .place_aliases import place_alias_spans

# Only letters and digits make tokens: every FTS5 operator character (" * - ^ : ( ) +)
# is a separator, so no typed string can be a syntax error.
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# A query made only of digits and the characters people write numbers with is one
# number, whatever its spacing: "06 1234" is the fragment 061234 of 06-12345678.
_NUMBER_LIKE = re.compile(r"[\d\s\-.()+/]*\d[\d\s\-.()+/]*")
MAX_QUERY_CHARS = 2000
MAX_TOKENS = 12
MAX_TOKEN_LEN = 64
# Page text has only a 3-letter prefix index; shorter words there match whole words only,
# so "de" while typing never scans every page of the file.
PAGE_PREFIX_MIN = 3
# The longest prefix the page index keeps (schema: prefix = '3 4 5 6'); a longer typed
# prefix is looked up by its first PAGE_PREFIX_MAX letters and checked in the text.
PAGE_PREFIX_MAX = 6


def fold(text: str) -> str:
    """Lower case without diacritics, as the FTS tokenizer sees it."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def tokens(query: str) -> list[str]:
    """The searchable words of a typed query, bounded in number and length."""
    return [t[:MAX_TOKEN_LEN] for t in _TOKEN.findall(fold(query[:MAX_QUERY_CHARS]))][:MAX_TOKENS]


def number_token(query: str) -> str | None:
    """The digits of a query written like a (part of a) phone number, else None."""
    query = query[:MAX_QUERY_CHARS].strip()
    if not _NUMBER_LIKE.fullmatch(query):
        return None
    return "".join(c for c in query if c.isdigit())[:MAX_TOKEN_LEN]


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def is_phone_like(query: str) -> bool:
    """A query written the way phone numbers are ("06-22", "+31 6", "(020) 12"): its
    digits are one number, never separate words."""
    query = query.strip()
    return number_token(query) is not None and (
        query.startswith(("0", "+", "(")) or any(c in query for c in "-()+/")
    )


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression: every word must match, each one as a prefix; a place
    with another name (Den Bosch, 's-Hertogenbosch) matches under either."""
    words = tokens(query)
    if not words:
        return None
    number = number_token(query)
    if number and len(words) > 1 and is_phone_like(query):
        # "06-22": the digits of one number. As the words 06 and 22 it would match any
        # client with a number starting with 06 and another part starting with 22.
        return f"{_quote(number)}*"
    # Quoting each token turns AND/OR/NEAR into plain words; prefix on all tokens
    # so "jans amst" finds Jansen in Amsterdam while typing.
    # (FTS5 needs an explicit AND before a parenthesised group)
    plain = " AND ".join(prefix_terms(words, lambda w: f"{_quote(w)}*", " ", " OR "))
    if number and len(words) > 1:
        # "12 34" is the number 1234... or the words 12 and 34 (a house number, a date)
        return f"{_quote(number)}* OR ({plain})"
    return plain


def word_choices(words: list[str]) -> list[tuple[tuple[str, ...], ...]]:
    """The words of a query as the terms that must all match, each a choice between runs
    of words: a word is a choice of one, a place name among them a choice between its
    names. ["markt", "den", "bosch"] -> [(("markt",),), (("den", "bosch"),
    ("hertogenbosch",))]. prefix_terms writes this in a backend's query syntax."""
    terms: list[tuple[tuple[str, ...], ...]] = [((w,),) for w in words]
    for start, end, others in reversed(place_alias_spans(words)):
        terms[start:end] = [(tuple(words[start:end]), *others)]
    return terms


def prefix_terms(
    words: list[str], prefix: Callable[[str], str], both: str, either: str
) -> list[str]:
    """The words as prefix terms in a backend's query syntax, a place name among them as a
    choice between its names. prefix writes a word as a prefix term, both joins the words
    of one name, either the names: ["den", "bosch"] in FTS5's syntax ->
    ['(("den"* "bosch"*) OR ("hertogenbosch"*))']."""

    def run(words: tuple[str, ...]) -> str:
        return both.join(prefix(w) for w in words)

    return [
        run(choices[0])
        if len(choices) == 1
        else "(" + either.join(f"({run(c)})" for c in choices) + ")"
        for choices in word_choices(words)
    ]


def place_alias_terms(query: str) -> list[str]:
    """The words of the other names of places in the query, for snippets."""
    spans = place_alias_spans(tokens(query))
    return list(dict.fromkeys(w for _, _, others in spans for other in others for w in other))


def names_fts_query(query: str) -> str | None:
    """Like fts_query, but every word must match in the names column."""
    words = tokens(query)
    if not words:
        return None
    return "names : (" + " ".join(f"{_quote(w)}*" for w in words) + ")"


def names_phrase_query(query: str) -> str | None:
    """The words as one phrase in the names column, the last one a prefix: "kees de v"
    finds Kees de Vries before Kees Bos of Café De Gouden Leeuw B.V."""
    words = tokens(query)
    if len(words) < 2:
        return None
    return "names : " + _quote(" ".join(words)) + " *"


def page_fts_query(query: str, prefix: bool = True) -> str | None:
    """The MATCH expression for page text, or None when no word is long enough to be
    worth scanning pages for. Only the last word (the one being typed) is a prefix, and
    only from PAGE_PREFIX_MIN letters; prefix False makes it a whole word too (cheap:
    tried first)."""
    words = tokens(query)
    if not words or all(len(w) < PAGE_PREFIX_MIN for w in words):
        return None
    last = len(words) - 1
    parts = []
    for i, word in enumerate(words):
        if prefix and i == last and len(word) >= PAGE_PREFIX_MIN:
            parts.append(_quote(word[:PAGE_PREFIX_MAX]) + "*")
        else:
            parts.append(_quote(word))
    return " ".join(parts)


def has_word_prefix(text: str, term: str) -> bool:
    """Whether a word of text starts with the folded term (diacritics ignored)."""
    pattern = rf"(?<![^\W_]){re.escape(term)}"
    if re.search(pattern, text, re.IGNORECASE):
        return True
    return re.search(pattern, fold(text)) is not None


def has_number(text: str, digits: str) -> bool:
    """Whether text holds the digits as one number, however spaced ("020-123 45")."""
    if not digits:
        return False
    pattern = r"(?<!\d)" + r"[\s\-./()]*".join(digits)
    return re.search(pattern, text) is not None


_WORD_SPLIT = re.compile(r"([^\W_]+)", re.UNICODE)


def _word_matches(word: str, terms: Sequence[str]) -> bool:
    folded = fold(word)
    return any(folded.startswith(t) for t in terms)


def mark(text: str, terms: Sequence[str]) -> str:
    """text with every word that starts with one of the terms in [brackets]."""
    parts = _WORD_SPLIT.split(text)
    return "".join(
        f"[{p}]" if i % 2 and _word_matches(p, terms) else p for i, p in enumerate(parts)
    )


def page_snippet(text: str, terms: Sequence[str], width: int = 12) -> str:
    """About width words of page text around the first match, matches in [brackets]."""
    words = text.split()
    hit = _first_matching_word(text, words, terms)
    start = max(0, hit - width // 3)
    end = min(len(words), start + width)
    body = mark(" ".join(words[start:end]), terms)
    return ("…" if start else "") + body + ("…" if end < len(words) else "")


def _first_matching_word(text: str, words: list[str], terms: Sequence[str]) -> int:
    pattern = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    if not pattern:
        return 0
    found = re.search(rf"(?<![^\W_])(?:{pattern})", text, re.IGNORECASE)
    if found is not None:  # most matches need no folding: find them in the text itself
        before = text[: found.start()]
        index = len(before.split())
        return index - 1 if before and not before[-1].isspace() else index
    folded = fold(text)
    if len(folded) == len(text):  # folding kept every position: search the whole text
        pattern = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
        found = re.search(rf"(?<![^\W_])(?:{pattern})", folded) if pattern else None
        if found is None:
            return 0
        before = folded[: found.start()]
        index = len(before.split())
        return index - 1 if before and not before[-1].isspace() else index
    return next(
        (i for i, w in enumerate(words) if any(_word_matches(p, terms) for p in _TOKEN.findall(w))),
        0,
    )


def match_score(names: str, terms: Sequence[str]) -> int:
    """How well a client row matches (the index already knows every term matches
    somewhere): a whole word of the name counts most, then a prefix of a name word,
    then a match in the other fields."""
    name_words = set(tokens_all(names))
    score = 0
    for term in terms:
        if term in name_words:
            score += 8
        elif any(w.startswith(term) for w in name_words):
            score += 6
        else:
            score += 1
    return score


@functools.lru_cache(maxsize=32768)
def tokens_all(text: str) -> tuple[str, ...]:
    """Every folded word of a short text such as a name (cached: the same names come
    back query after query while someone types)."""
    return tuple(_TOKEN.findall(fold(text)))


def phone_search_forms(e164: str) -> list[str]:
    """Digit strings a user may type for a number: 31612345678, 0612345678, 612345678,
    and every tail of at least 4 digits, so any typed fragment matches as a prefix."""
    digits = e164.lstrip("+")
    forms = [digits]
    national = digits
    if digits.startswith("31"):
        national = digits[2:]
        forms += ["0" + national, national]
    forms += [national[i:] for i in range(1, len(national) - 3)]
    return forms


def iban_search_forms(iban: str) -> list[str]:
    """Compact and grouped forms: NL91ABNA0417164300 and NL91 ABNA 0417 1643 00."""
    compact = re.sub(r"\s+", "", iban)
    return [compact, " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))]


def postcode_search_forms(postcode: str) -> list[str]:
    """Both '1234 AB' and '1234AB' must match while typing."""
    return [postcode, postcode.replace(" ", "")]


def client_index_text(
    names: Iterable[str | None],
    *,
    iban: str | None,
    other_keys: Iterable[str | None],
    addresses: Iterable[tuple[str | None, str | None, str | None, str | None]],
    emails: Iterable[str],
    phones: Iterable[str],
) -> tuple[str, str]:
    """(names column, details column) of a client's row in the search index. Names are
    weighted higher, so a name match ranks before a street or e-mail match."""
    details: list[str] = [k for k in other_keys if k]
    if iban:
        details += iban_search_forms(iban)
    for street, number, postcode, city in addresses:
        details += [v for v in (street, number, city) if v]
        if postcode:
            details += postcode_search_forms(postcode)
    details += emails
    for e164 in phones:
        details += phone_search_forms(e164)
    return " ".join(distinct_names(names)), " ".join(details)


def distinct_names(names: Iterable[str | None]) -> list[str]:
    """Name parts without repeats: 'Kees de Vries' already holds 'Kees' and 'de Vries', so
    a snippet shows the name once."""
    kept: list[str] = []
    seen = ""
    for name in names:
        if not name:
            continue
        folded = " " + " ".join(tokens(name)) + " "
        if folded.strip() and folded in seen:
            continue
        kept.append(name)
        seen += folded
    return kept


def snippet_terms(query: str) -> list[str]:
    """What to look for in a client's fields to show where a query matched: the query
    as one run ('1234ab', '061234') first, then its words."""
    words = tokens(query)
    number = number_token(query)
    joined = [number] if number else (["".join(words)] if len(words) > 1 else [])
    return [t for t in joined if t] + words + place_alias_terms(query)


def detail_snippet(terms: list[str], fields: Sequence[tuple[str, str, str]]) -> str:
    """'Label: value' of the first field a matched term belongs to, the matching words in
    [brackets], e.g. 'Adres: Kerkstraat 12, [1234 AB] Zwolle'. fields are (label, value as
    shown, digit forms it is found by); numbers match on those digits."""
    for term in terms:
        digits = term.isdigit()
        for label, value, digit_forms in fields:
            if not value:
                continue
            if digits and (term in digit_forms or term in "".join(filter(str.isdigit, value))):
                return f"{label}: [{value}]" if label in NUMBER_LABELS else _mark(value, term)
            words = re.split(r"(\W+)", value)
            if any(fold(w).startswith(term) for w in words):
                return f"{label}: " + "".join(
                    f"[{w}]" if w and fold(w).startswith(term) else w for w in words
                )
            if "".join(tokens(value)).startswith(term):
                return f"{label}: [{value}]"
    return ""


NUMBER_LABELS = frozenset({"Telefoon", "IBAN", "KvK", "BTW"})


def _mark(value: str, term: str) -> str:
    words = re.split(r"(\W+)", value)
    return "".join(f"[{w}]" if w and term in w else w for w in words)
