"""The search index on PostgreSQL: client_search (a row per client with generated tsvector
columns) and pages.tsv, both made by the immutable kd_search_text() of schema.py, and
the queries finding.py ranks the answers of.

Queries are built from the same words as on SQLite (search.tokens: letters and digits
only, so no typed text is ever tsquery syntax) and pass through kd_fold() on the server,
the very function the stored text went through, so accents fold alike on both sides.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..index import SearchIndex
from ..search import PAGE_PREFIX_MIN, number_token, prefix_terms, tokens
from .schema import PERSONAL_TABLES

# Pages are searched newest first in windows of ids: the text index and the id range are
# combined before any page is read, so a common word costs a window, not the whole file.
PAGE_WINDOW = 20_000
NUMBER_PREFIX_MIN = 3
_TSQUERY = "to_tsquery('simple'::regconfig, kd_fold(?))"


def _lexeme(word: str, prefix: bool) -> str:
    return "'" + word.replace("'", "''").replace("\\", "\\\\") + "'" + (":*" if prefix else "")


def all_words_query(query: str) -> str | None:
    """Every word a prefix, a place under any of its names; a number typed with spaces
    also as one number (fts_query). In a number typed with spaces, its one- and
    two-digit groups ("+31 (0)6 …") are whole words: as prefixes they would each unite
    the posting lists of a million phone forms, for a match the whole number finds
    anyway."""
    words = tokens(query)
    if not words:
        return None
    number = number_token(query)
    if number and len(words) > 1:
        plain = " & ".join(_lexeme(w, len(w) >= NUMBER_PREFIX_MIN) for w in words)
        return f"{_lexeme(number, True)} | ({plain})"
    return " & ".join(prefix_terms(words, lambda w: _lexeme(w, True), " & ", " | "))


def phrase_query(query: str) -> str | None:
    """The words in this order, the last one a prefix (names_phrase_query)."""
    words = tokens(query)
    if len(words) < 2:
        return None
    return " <-> ".join(_lexeme(w, i == len(words) - 1) for i, w in enumerate(words))


def page_query(query: str, prefix: bool) -> str | None:
    """Whole words, the last one a prefix from PAGE_PREFIX_MIN letters (page_fts_query)."""
    words = tokens(query)
    if not words or all(len(w) < PAGE_PREFIX_MIN for w in words):
        return None
    last = len(words) - 1
    return " & ".join(
        _lexeme(w, prefix and i == last and len(w) >= PAGE_PREFIX_MIN) for i, w in enumerate(words)
    )


class PgSearchIndex(SearchIndex):
    # -- keeping ------------------------------------------------------------------------------

    def store_clients(self, rows: Sequence[tuple[int, str, str]]) -> None:
        self.db.insert_rows("client_search", ("client_id", "names", "details"), rows)

    def replace_client(self, client_id: int, names: str, details: str) -> None:
        """One statement, one round trip (a delete and a COPY took three)."""
        self.db.execute(
            "INSERT INTO client_search (client_id, names, details) VALUES (?, ?, ?)"
            " ON CONFLICT (client_id) DO UPDATE SET names = excluded.names,"
            " details = excluded.details",
            (client_id, names, details),
        )

    def remove_client(self, client_id: int) -> None:
        self.db.execute("DELETE FROM client_search WHERE client_id = ?", (client_id,))

    def clear(self) -> None:
        self.db.execute("DELETE FROM client_search")

    def rebuild_pages(self) -> None:
        """Nothing: pages.tsv is generated with the page (and found through its document's
        client, so moving a document needs no index work either)."""

    def compact(self, touched: frozenset[str] | None = None) -> int:
        """Rewrite the tables an erase deleted from (all tables of personal data when
        that is not known) with CLUSTER, through kd_compact with the owner's rights, so
        no byte of an erased row is left in their files or indexes; a table per step.
        Each step locks its table while it is rewritten (100,000 clients: the client
        tables about a second each, the search rows some 20 s, 300,000 pages some 40 s)."""
        steps = 0
        for table in PERSONAL_TABLES:
            if touched is not None and table not in touched:
                continue
            with self.db.transaction():
                self.db.execute("SELECT kd_compact(?)", (table,))
            steps += 1
        return steps

    # -- finding ------------------------------------------------------------------------------

    def client_candidates(self, kind: str, query: str, cap: int) -> list[tuple[int, str]]:
        if kind == "phrase":
            match, column = phrase_query(query), "names_tsv"
        elif kind == "names":
            words = tokens(query)
            match = " & ".join(_lexeme(w, True) for w in words) if words else None
            column = "names_tsv"
        else:
            match, column = all_words_query(query), "all_tsv"
        if match is None:
            return []
        return self.db.execute(
            f"SELECT client_id, names FROM client_search WHERE {column} @@ {_TSQUERY} LIMIT ?",
            (match, cap),
        ).fetchall()

    def page_candidates(self, query: str, prefix: bool, cap: int) -> list[tuple[int, int]]:
        match = page_query(query, prefix)
        if match is None:
            return []
        top = self.db.execute("SELECT max(id) FROM pages").fetchone()[0]
        found: list[tuple[int, int]] = []
        window = PAGE_WINDOW
        while top is not None and top > 0 and len(found) < cap:
            found += self.db.execute(
                "SELECT p.id, d.client_id FROM pages p JOIN documents d ON d.id = p.document_id"
                f" WHERE p.tsv @@ {_TSQUERY} AND p.id > ? AND p.id <= ?"
                " AND d.client_id IS NOT NULL ORDER BY p.id DESC LIMIT ?",
                (match, top - window, top, cap - len(found)),
            ).fetchall()
            top -= window
            window *= 4
        return found

    def similar_names(self, query: str, cap: int) -> list[tuple[int, str]]:
        """Names that look like the query (pg_trgm), for a typing error that found nothing:
        one typed word of at least four letters (more words, or digits, are not a name
        misspelt, and would find whatever shares one of them)."""
        words = tokens(query)
        if len(words) != 1 or len(words[0]) < 4 or not words[0].isalpha():
            return []
        words = words[0]
        # word similarity: the typed words against the best-matching stretch of the names
        return self.db.execute(
            "SELECT client_id, names FROM client_search"
            " WHERE kd_search_text(?) <% kd_search_text(names)"
            " ORDER BY word_similarity(kd_search_text(?), kd_search_text(names)) DESC,"
            " client_id LIMIT ?",
            (words, words, cap),
        ).fetchall()
