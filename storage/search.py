"""Turning what a user types into a safe FTS5 query, and the text a client is found by."""

from __future__ import annotations

import re
import unicodedata

# Only letters and digits make tokens: every FTS5 operator character (" * - ^ : ( ) +)
# is a separator, so no typed string can be a syntax error.
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
MAX_TOKENS = 12
MAX_TOKEN_LEN = 64


def fold(text: str) -> str:
    """Lower case without diacritics, as the FTS tokenizer sees it."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def tokens(query: str) -> list[str]:
    """The searchable words of a typed query, bounded in number and length."""
    return [t[:MAX_TOKEN_LEN] for t in _TOKEN.findall(fold(query[:2000]))][:MAX_TOKENS]


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression: every word must match, the last one as a prefix."""
    words = tokens(query)
    if not words:
        return None
    # Quoting each token turns AND/OR/NEAR into plain words; prefix on all tokens
    # so "jans amst" finds Jansen in Amsterdam while typing.
    return " ".join(f'"{w}"*' for w in words)
