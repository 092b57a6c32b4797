"""Finding clients: the search indexes, search-as-you-type and the phone lookup.

A mixin of ClientFile (it uses self.conn and self.region); kept apart because it is the
part that has to be fast: every method here is a few index walks, never a scan.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from . import phones as phone_numbers
from .errors import ClientNotFoundError
from .models import SearchHit
from .search import (
    PAGE_PREFIX_MAX,
    client_index_text,
    detail_snippet,
    fts_query,
    has_word_prefix,
    mark,
    match_score,
    names_fts_query,
    names_phrase_query,
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

    conn: sqlite3.Connection
    region: str

    def reindex_client(self, conn: sqlite3.Connection, client_id: int) -> None:
        """Rebuild the client's row of the search index from its fields."""
        row = conn.execute(
            "SELECT name, first_name, tussenvoegsel, last_name, company, legal_form, kvk, btw,"
            " iban FROM clients WHERE id = ?",
            (client_id,),
        ).fetchone()
        conn.execute("DELETE FROM client_fts WHERE rowid = ?", (client_id,))
        if row is None:
            return
        names, details = client_index_text(
            row[:6],
            iban=row[8],
            other_keys=row[6:8],
            addresses=conn.execute(
                "SELECT street, house_number, postcode, city FROM addresses WHERE client_id = ?",
                (client_id,),
            ).fetchall(),
            emails=[
                r[0]
                for r in conn.execute("SELECT email FROM emails WHERE client_id = ?", (client_id,))
            ],
            phones=[
                r[0]
                for r in conn.execute("SELECT e164 FROM phones WHERE client_id = ?", (client_id,))
            ],
        )
        conn.execute(
            "INSERT INTO client_fts (rowid, names, details) VALUES (?, ?, ?)",
            (client_id, names, details),
        )

    def rebuild_search_index(self, conn: sqlite3.Connection) -> None:
        """Fill both search indexes from the data (after a migration or a repair)."""
        conn.execute("DELETE FROM client_fts")
        conn.execute("INSERT INTO page_fts (page_fts) VALUES ('delete-all')")
        for (client_id,) in conn.execute("SELECT id FROM clients").fetchall():
            self.reindex_client(conn, client_id)
        conn.execute(
            "INSERT INTO page_fts (rowid, text) SELECT p.id, p.text FROM pages p"
            " JOIN documents d ON d.id = p.document_id"
            " WHERE d.client_id IS NOT NULL AND trim(p.text) != ''"
        )

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
        match = fts_query(query)
        terms = snippet_terms(query)
        if match is not None and len(ranked) < limit:
            self._search_clients(query, match, terms, limit, ranked)
        if match is not None and len(ranked) < limit:
            self._search_pages(query, limit, ranked)
        missing = [client_id for client_id, snippet in ranked.items() if snippet is None]
        if missing:
            fields = self._detail_fields(missing)
            for client_id in missing:
                ranked[client_id] = detail_snippet(terms, fields.get(client_id, []))
        return self.hits(list(ranked.items())[:limit])

    def _search_clients(
        self,
        query: str,
        match: str,
        terms: list[str],
        limit: int,
        ranked: dict[int, str | None],
    ) -> None:
        """Client rows: candidates matching in the names first, then in any field, each an
        index walk that stops at CLIENT_CANDIDATES or limit (no ranking work in SQLite, so a
        one-letter prefix costs no more than a full name); scored here."""
        conn = self.conn
        candidates: dict[int, str] = {}
        sql = "SELECT rowid, names FROM client_fts WHERE client_fts MATCH ? LIMIT ?"
        cap = max(CLIENT_CANDIDATES, limit)
        phrase = names_phrase_query(query)
        in_order: set[int] = set()
        if phrase:
            candidates.update(conn.execute(sql, (phrase, cap)))
            in_order = set(candidates)
        names_match = names_fts_query(query)
        if names_match and len(candidates) < limit:
            for rowid, names in conn.execute(sql, (names_match, cap)):
                candidates.setdefault(rowid, names)
        # Enough name matches always rank above matches in other fields: skip those.
        if len(candidates) < limit:
            for rowid, names in conn.execute(sql, (match, cap)):
                candidates.setdefault(rowid, names)
        scored = sorted(
            candidates.items(),
            key=lambda item: (
                -match_score(item[1], terms) - (PHRASE_BONUS if item[0] in in_order else 0),
                item[1],
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
        conn = self.conn
        seen_pages: set[int] = set()
        words = tokens(query)
        for prefix in (False, True):
            page_match = page_fts_query(query, prefix=prefix)
            if page_match is None or len(ranked) >= limit:
                continue
            if prefix and (seen_pages or page_match == page_fts_query(query, prefix=False)):
                continue  # the whole word is on pages already: longer words can wait
            try:
                rows = conn.execute(
                    "SELECT m.page_id, d.client_id FROM (SELECT rowid AS page_id FROM page_fts"
                    " WHERE page_fts MATCH ? ORDER BY rowid DESC LIMIT ?) m"
                    " JOIN pages p ON p.id = m.page_id JOIN documents d ON d.id = p.document_id"
                    " WHERE d.client_id IS NOT NULL ORDER BY m.page_id DESC",
                    (page_match, max(PAGE_CANDIDATES, 2 * limit)),
                ).fetchall()
            except sqlite3.OperationalError:
                # a typed character SQLite splits into two words makes a phrase, which
                # the page index (no positions) cannot answer: then pages do not match
                continue
            must_check = prefix and len(words[-1]) > PAGE_PREFIX_MAX
            todo = [(p, c) for p, c in rows if c not in ranked and p not in seen_pages]
            if must_check:  # each check reads a page: look at the newest ones only
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
                    seen_pages.add(page_id)
                    ranked[client_id] = page_snippet(text, words)

    def _page_texts(self, page_ids: list[int]) -> dict[int, str]:
        marks = ", ".join("?" for _ in page_ids)
        return dict(
            self.conn.execute(f"SELECT id, text FROM pages WHERE id IN ({marks})", page_ids)
        )

    def _detail_fields(self, client_ids: list[int]) -> dict[int, list[tuple[str, str, str]]]:
        """(label, value) of what each client is found by besides the name, as a person
        reads it; for the snippet of a search hit. Four queries for all clients."""
        conn = self.conn
        marks = ", ".join("?" for _ in client_ids)
        fields: dict[int, list[tuple[str, str, str]]] = {i: [] for i in client_ids}
        for client_id, street, number, postcode, city in conn.execute(
            "SELECT client_id, street, house_number, postcode, city FROM addresses"
            f" WHERE client_id IN ({marks}) ORDER BY id",
            client_ids,
        ):
            fields[client_id] += [
                ("Adres", " ".join(v for v in (street, number) if v), ""),
                ("Postcode", postcode or "", ""),
                ("Plaats", city or "", ""),
            ]
        for client_id, email in conn.execute(
            f"SELECT client_id, email FROM emails WHERE client_id IN ({marks}) ORDER BY id",
            client_ids,
        ):
            fields[client_id].append(("E-mail", email, ""))
        for client_id, e164, written in conn.execute(
            f"SELECT client_id, e164, written FROM phones WHERE client_id IN ({marks}) ORDER BY id",
            client_ids,
        ):
            # as it was written, else 0612345678 (phonenumbers costs 50 µs a number)
            shown = written or ("0" + e164[3:] if e164.startswith("+31") else e164)
            fields[client_id].append(("Telefoon", shown, " ".join(phone_search_forms(e164))))
        for client_id, iban, kvk, btw in conn.execute(
            f"SELECT id, iban, kvk, btw FROM clients WHERE id IN ({marks})", client_ids
        ):
            fields[client_id] += [
                ("IBAN", iban or "", ""),
                ("KvK", kvk or "", ""),
                ("BTW", btw or "", ""),
            ]
        return fields

    def hits(self, ranked: Sequence[tuple[int, str | None]]) -> list[SearchHit]:
        """Result rows for (client id, snippet) pairs, in that order; three queries in all.
        Ids of clients that do not exist are left out."""
        if not ranked:
            return []
        ids = [client_id for client_id, _ in ranked]
        marks = ", ".join("?" for _ in ids)
        conn = self.conn
        rows = {
            r[0]: (r[1], r[2])
            for r in conn.execute(
                f"SELECT id, name, company FROM clients WHERE id IN ({marks})", ids
            )
        }
        cities: dict[int, str | None] = {}
        for client_id, city in conn.execute(
            f"SELECT client_id, city FROM addresses WHERE client_id IN ({marks}) ORDER BY id",
            ids,
        ):
            cities.setdefault(client_id, city)
        phones: dict[int, list[str]] = {}
        for client_id, e164 in conn.execute(
            f"SELECT client_id, e164 FROM phones WHERE client_id IN ({marks}) ORDER BY id", ids
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

    def lookup_phone_id(self, e164: str) -> int | None:
        """The client holding exactly this E.164 number (active before archived)."""
        row = self.conn.execute(
            "SELECT p.client_id FROM phones p JOIN clients c ON c.id = p.client_id"
            " WHERE p.e164 = ? ORDER BY c.status = 'archived', p.client_id LIMIT 1",
            (e164,),
        ).fetchone()
        return int(row[0]) if row else None

    def lookup_phone_ids(self, number: str, region: str | None = None) -> list[int]:
        """Every client with this number in any written form (a caller ID without its
        0 or +, an exchange's extra 0, tel:/callto: links), best reading first, active
        clients before archived ones. One indexed query."""
        candidates = phone_numbers.candidates(number, region or self.region)
        if not candidates:
            return []
        marks = ", ".join("?" for _ in candidates)
        order = " ".join(f"WHEN ? THEN {i}" for i in range(len(candidates)))
        rows = self.conn.execute(
            f"SELECT p.client_id FROM phones p JOIN clients c ON c.id = p.client_id"
            f" WHERE p.e164 IN ({marks})"
            f" ORDER BY CASE p.e164 {order} END, c.status = 'archived', p.client_id",
            [*candidates, *candidates],
        ).fetchall()
        return list(dict.fromkeys(int(r[0]) for r in rows))

    def lookup_phone(self, number: str, region: str | None = None) -> dict | None:
        """The client with this number in any written form, or None."""
        found = self.lookup_phone_ids(number, region)
        return self.client(found[0]) if found else None
