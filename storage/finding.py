"""Finding clients: search-as-you-type and the phone lookup.

Kept apart because it is the part that has to be fast: every method here is a few index
walks, never a scan. The ranking and the snippets are written here once; the index walks
are the backend's (SearchIndex.client_candidates / page_candidates: FTS5 MATCH on SQLite,
tsvector @@ on PostgreSQL), and index.py keeps the indexes up to date.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import phones as phone_numbers
from .database import Database, reading
from .errors import ClientNotFoundError
from .index import SearchIndex
from .models import SearchHit
from .search import (
    PAGE_PREFIX_MAX,
    PAGE_PREFIX_MIN,
    detail_snippet,
    fold,
    has_number,
    has_word_prefix,
    is_phone_like,
    mark,
    match_score,
    number_token,
    page_fts_query,
    page_snippet,
    phone_search_forms,
    snippet_terms,
    tokens,
)

# Search limits: enough candidates to rank well, few enough that a one-letter prefix
# matching half the file still answers in milliseconds.
CLIENT_CANDIDATES = 100
PAGE_CANDIDATES = 200
PAGE_TEXT_BATCH = 25
PAGE_CHECKS = 50
PHRASE_BONUS = 20  # the words in the order typed, in the name


class Finder:
    """Search and phone lookup over the client file's indexes."""

    def __init__(self, db: Database, index: SearchIndex, region: str) -> None:
        self.db = db
        self.index = index
        self.region = region

    @reading
    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Clients matching what was typed, best first: a phone number that is exactly
        someone's, then matches in names, then in other fields, then in page text (newest
        pages first). Each hit has a snippet with the matched words in [brackets].
        Any string is a valid query; one without letters or digits finds nothing."""
        if not isinstance(query, str):
            return []
        limit = max(1, min(int(limit), 500))
        ranked: dict[int, str | None] = {}  # None: snippet from the client's fields, later
        number = number_token(phone_numbers.strip_uri(query))
        if number and len(number) >= 9:
            for client_id in self.lookup_phone_ids(query):
                ranked.setdefault(client_id, f"Telefoon: [{query.strip()}]")
        words = bool(tokens(query))  # a query of only quotes and operators finds nobody
        terms = snippet_terms(query)
        if words and len(ranked) < limit:
            self._search_clients(query, terms, limit, ranked)
        if words and len(ranked) < limit:
            self._search_pages(query, limit, ranked)
        if not ranked and words:
            for client_id, names in self.index.similar_names(query, limit):
                ranked.setdefault(client_id, names)
        missing = [client_id for client_id, snippet in ranked.items() if snippet is None]
        if missing:
            fields = self._detail_fields(missing)
            for client_id in missing:
                ranked[client_id] = detail_snippet(terms, fields.get(client_id, []))
        return self.hits(list(ranked.items())[:limit])

    def _search_clients(
        self,
        query: str,
        terms: list[str],
        limit: int,
        ranked: dict[int, str | None],
    ) -> None:
        """Client rows: candidates matching in the names first, then in any field, each an
        index walk that stops at CLIENT_CANDIDATES or limit (no ranking work in SQLite, so a
        one-letter prefix costs no more than a full name); scored here."""
        candidates: dict[int, str] = {}
        cap = max(CLIENT_CANDIDATES, limit)
        candidates.update(self.index.client_candidates("phrase", query, cap))
        in_order = set(candidates)
        if len(candidates) < limit:
            for rowid, names in self.index.client_candidates("names", query, cap):
                candidates.setdefault(rowid, names)
        # Enough name matches always rank above matches in other fields: skip those.
        if len(candidates) < limit:
            for rowid, names in self.index.client_candidates("any", query, cap):
                candidates.setdefault(rowid, names)
        scored = sorted(
            candidates.items(),
            key=lambda item: (
                -match_score(item[1], terms) - (PHRASE_BONUS if item[0] in in_order else 0),
                fold(item[1]),  # "Élodie" with the E's, not after the Z's
                item[0],
            ),
        )
        for client_id, names in scored:
            if len(ranked) >= limit:
                break
            if client_id not in ranked:
                marked = mark(names, terms)
                ranked[client_id] = marked if "[" in marked else None

    def _search_pages(self, query: str, limit: int, ranked: dict[int, str | None]) -> None:
        """Page text, newest pages first: whole words first (an index walk that stops at
        PAGE_CANDIDATES), the word being typed as a prefix only when that is not enough.
        A prefix longer than the longest prefix index is looked up by its first letters
        and checked against the page text here, so no query merges huge word lists."""
        seen_pages: set[int] = set()
        words = tokens(query)
        # "020-1234" on a page is one number, not the words 020 and 1234 anywhere on it:
        # pages with its parts are checked for the whole (a short last part being typed,
        # the "5" of "020 1234 5", is left to that check)
        digits = number_token(query) if len(words) > 1 and is_phone_like(query) else None
        if digits and len(words[-1]) < PAGE_PREFIX_MIN:
            query = " ".join(words[:-1])
            words = words[:-1]
        for prefix in (False, True):
            page_match = page_fts_query(query, prefix=prefix)
            if page_match is None or len(ranked) >= limit:
                continue
            if prefix and (seen_pages or page_match == page_fts_query(query, prefix=False)):
                continue  # the whole word is on pages already: longer words can wait
            rows = self.index.page_candidates(query, prefix, max(PAGE_CANDIDATES, 2 * limit))
            must_check = prefix and len(words[-1]) > PAGE_PREFIX_MAX
            todo = [(p, c) for p, c in rows if c not in ranked and p not in seen_pages]
            if must_check or digits:  # each check reads a page: look at the newest ones only
                todo = todo[:PAGE_CHECKS]
            while todo and len(ranked) < limit:
                batch, todo = todo[:PAGE_TEXT_BATCH], todo[PAGE_TEXT_BATCH:]
                texts = self._page_texts([page_id for page_id, _ in batch])
                for page_id, client_id in batch:
                    if len(ranked) >= limit:
                        break
                    text = texts.get(page_id, "")
                    if client_id in ranked or (must_check and not has_word_prefix(text, words[-1])):
                        continue
                    if digits and not has_number(text, digits):
                        continue
                    seen_pages.add(page_id)
                    ranked[client_id] = page_snippet(text, words)

    def _page_texts(self, page_ids: list[int]) -> dict[int, str]:
        within, args = self.db.one_of(page_ids)
        return dict(self.db.execute(f"SELECT id, text FROM pages WHERE id {within}", args))

    def _detail_fields(self, client_ids: list[int]) -> dict[int, list[tuple[str, str, str]]]:
        """(label, value) of what each client is found by besides the name, as a person
        reads it; for the snippet of a search hit. Four queries for all clients."""
        execute = self.db.execute
        within, args = self.db.one_of(client_ids)
        fields: dict[int, list[tuple[str, str, str]]] = {i: [] for i in client_ids}
        for client_id, street, number, postcode, city in execute(
            "SELECT client_id, street, house_number, postcode, city FROM addresses"
            f" WHERE client_id {within} ORDER BY id",
            args,
        ):
            fields[client_id] += [
                ("Adres", " ".join(v for v in (street, number) if v), ""),
                ("Postcode", postcode or "", ""),
                ("Plaats", city or "", ""),
            ]
        for client_id, email in execute(
            f"SELECT client_id, email FROM emails WHERE client_id {within} ORDER BY id",
            args,
        ):
            fields[client_id].append(("E-mail", email, ""))
        for client_id, e164, written in execute(
            f"SELECT client_id, e164, written FROM phones WHERE client_id {within} ORDER BY id",
            args,
        ):
            # as it was written, else 0612345678 (phonenumbers costs 50 µs a number)
            shown = written or ("0" + e164[3:] if e164.startswith("+31") else e164)
            fields[client_id].append(("Telefoon", shown, " ".join(phone_search_forms(e164))))
        for client_id, iban, kvk, btw in execute(
            f"SELECT id, iban, kvk, btw FROM clients WHERE id {within}", args
        ):
            fields[client_id] += [
                ("IBAN", iban or "", ""),
                ("KvK", kvk or "", ""),
                ("BTW", btw or "", ""),
            ]
        return fields

    @reading
    def hits(self, ranked: Sequence[tuple[int, str | None]]) -> list[SearchHit]:
        """Result rows for (client id, snippet) pairs, in that order; three queries in all.
        Ids of clients that do not exist are left out."""
        if not ranked:
            return []
        ids = [client_id for client_id, _ in ranked]
        within, args = self.db.one_of(ids)
        execute = self.db.execute
        rows = {
            r[0]: (r[1], r[2])
            for r in execute(f"SELECT id, name, company FROM clients WHERE id {within}", args)
        }
        cities: dict[int, str | None] = {}
        for client_id, city in execute(
            f"SELECT client_id, city FROM addresses WHERE client_id {within} ORDER BY id",
            args,
        ):
            cities.setdefault(client_id, city)
        phones: dict[int, list[str]] = {}
        for client_id, e164 in execute(
            f"SELECT client_id, e164 FROM phones WHERE client_id {within} ORDER BY id", args
        ):
            phones.setdefault(client_id, []).append(e164)
        return [
            SearchHit(
                client_id,
                rows[client_id][0],
                rows[client_id][1],
                cities.get(client_id),
                phones.get(client_id, []),
                snippet or "",
            )
            for client_id, snippet in ranked
            if client_id in rows
        ]

    def hit(self, client_id: int, snippet: str = "") -> SearchHit:
        """One result row for a client (name, company, city, phones)."""
        found = self.hits([(client_id, snippet)])
        if not found:
            raise ClientNotFoundError(f"Er is geen klant met nummer {client_id}.")
        return found[0]

    @reading
    def lookup_phone_id(self, e164: str) -> int | None:
        """The client holding exactly this E.164 number (active before archived)."""
        row = self.db.execute(
            "SELECT p.client_id FROM phones p JOIN clients c ON c.id = p.client_id"
            " WHERE p.e164 = ? ORDER BY c.status = 'archived', p.client_id LIMIT 1",
            (e164,),
        ).fetchone()
        return int(row[0]) if row else None

    @reading
    def lookup_phone_ids(self, number: str, region: str | None = None) -> list[int]:
        """Every client with this number in any written form (a caller ID without its
        0 or +, an exchange's extra 0, tel:/callto: links), best reading first, active
        clients before archived ones. One indexed query."""
        candidates = phone_numbers.candidates(number, region or self.region)
        if not candidates:
            return []
        within, args = self.db.one_of(candidates)
        rows = self.db.execute(
            "SELECT p.client_id, p.e164, c.status FROM phones p"
            f" JOIN clients c ON c.id = p.client_id WHERE p.e164 {within}",
            args,
        ).fetchall()
        # the best reading first, then active before archived (a few rows: sorted here)
        rank = {e164: i for i, e164 in enumerate(candidates)}
        rows.sort(key=lambda r: (rank[r[1]], r[2] == "archived", r[0]))
        return list(dict.fromkeys(int(r[0]) for r in rows))
