"""Keeping the search indexes up to date: one row per client (its names and the details it
is found by) and the text of every page of a client's document.

What a client is found by is worked out here, once, for both backends (in Python: the
phone, IBAN and postcode forms are not expressible in SQL); how the rows are kept and
queried is the backend's: SQLite FTS5 (sqlite/search.py) or PostgreSQL tsvector columns
(postgres/search.py). finding.py ranks what they return.

Every write method runs inside the caller's open transaction, so an index row is never
out of step with the data it was made from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .database import Database
from .models import CLIENT_FIELDS, CLIENT_NAME_FIELDS
from .search import client_index_text

# A client is found by its names and its own numbers; not by its BIC (its bank's, the
# same for every client of that bank) nor by the date it became a client.
_NUMBER_FIELDS = tuple(
    f for f in CLIENT_FIELDS if f not in CLIENT_NAME_FIELDS and f not in ("bic", "client_since")
)
_SEARCHED_COLUMNS = ", ".join(("id", *CLIENT_NAME_FIELDS, *_NUMBER_FIELDS))


class SearchIndex:
    """The part both backends share; subclasses keep and query the rows."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- what a client is found by ---------------------------------------------------------

    def client_texts(self, client_ids: Sequence[int] | None = None) -> dict[int, tuple[str, str]]:
        """(names, details) of each client (all clients when client_ids is None): four
        queries for any number of clients, sent to a server together. Addresses, e-mails
        and phones in the order they were added, so a client's row is the same whether a
        write or a rebuild made it."""
        if client_ids is None:
            where, args = "", []
        else:
            if not client_ids:
                return {}
            within, args = self.db.one_of(client_ids)
            where = " WHERE {} " + within
        by_client = where.format("client_id")
        clients, address_rows, email_rows, phone_rows = self.db.fetch_together(
            [
                (f"SELECT {_SEARCHED_COLUMNS} FROM clients" + where.format("id"), args),
                (
                    "SELECT client_id, street, house_number, postcode, city FROM addresses"
                    + by_client
                    + " ORDER BY id",
                    args,
                ),
                ("SELECT client_id, email FROM emails" + by_client + " ORDER BY id", args),
                ("SELECT client_id, e164 FROM phones" + by_client + " ORDER BY id", args),
            ]
        )
        addresses: dict[int, list[tuple]] = {}
        for r in address_rows:
            addresses.setdefault(r[0], []).append(r[1:])
        emails = self._by_client(email_rows)
        phones = self._by_client(phone_rows)
        names = len(CLIENT_NAME_FIELDS)
        texts = {}
        for client_id, *row in clients:
            numbers = dict(zip(_NUMBER_FIELDS, row[names:], strict=True))
            texts[client_id] = client_index_text(
                row[:names],
                iban=numbers.pop("iban"),
                other_keys=numbers.values(),
                addresses=addresses.get(client_id, []),
                emails=emails.get(client_id, []),
                phones=phones.get(client_id, []),
            )
        return texts

    @staticmethod
    def _by_client(rows: Iterable[tuple]) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        for client_id, value in rows:
            found.setdefault(client_id, []).append(value)
        return found

    def reindex_client(self, client_id: int) -> None:
        """Make the client's row of the search index anew from its fields: on a server
        two round trips (the reads together, then the row), whatever changed."""
        texts = self.client_texts([client_id])
        if client_id in texts:
            self.replace_client(client_id, *texts[client_id])
        else:
            self.remove_client(client_id)

    def rebuild(self) -> None:
        """Fill both search indexes from the data (after a migration, a copy, a repair)."""
        self.clear()
        self.store_clients([(i, *t) for i, t in self.client_texts().items()])
        self.rebuild_pages()

    # -- what each backend does --------------------------------------------------------------

    def store_clients(self, rows: Sequence[tuple[int, str, str]]) -> None:
        """Add (client id, names, details) rows (the clients have none yet)."""
        raise NotImplementedError

    def replace_client(self, client_id: int, names: str, details: str) -> None:
        """Set the client's row, whether it had one or not."""
        # kept on SQLite: FTS5 takes no upsert, and its INSERT OR REPLACE took twice as long
        self.remove_client(client_id)
        self.store_clients([(client_id, names, details)])

    def remove_client(self, client_id: int) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        """Empty both indexes."""
        raise NotImplementedError

    def rebuild_pages(self) -> None:
        """Index the pages of every client's document (the index is empty)."""
        raise NotImplementedError

    def add_page(self, page_id: int, text: str) -> None:
        """Index a page of a client's document (pages of no client are not searched)."""

    def add_document_pages(self, document_id: int) -> None:
        """Index the pages of a document that now belongs to a client."""

    def remove_document_pages(self, document_id: int) -> None:
        """Unindex the pages of a document that now belongs to no client."""

    def remove_client_pages(self, client_id: int) -> None:
        """Unindex the pages of a client's documents (before they are deleted)."""

    def compact(self, touched: frozenset[str] | None = None) -> int:
        """Rewrite the indexes so erased words are gone from them, in short steps of
        their own; returns the number of steps. touched: the tables an erase deleted
        rows from (None: it is not known), for a backend that rewrites tables."""
        raise NotImplementedError

    # -- reading (finding.py ranks what these return) ----------------------------------------

    def client_candidates(self, kind: str, query: str, cap: int) -> list[tuple[int, str]]:
        """(client id, names) of at most cap clients whose row matches query, unranked.
        kind "phrase": the words in this order in the names, the last one a prefix;
        "names": every word a prefix of a word of the names; "any": every word a prefix
        of a word anywhere (a number written with spaces also as one number)."""
        raise NotImplementedError

    def page_candidates(self, query: str, prefix: bool, cap: int) -> list[tuple[int, int]]:
        """(page id, client id) of at most cap pages of clients' documents matching
        query, newest first; prefix: the last word may be the start of a word."""
        raise NotImplementedError

    def similar_names(self, query: str, cap: int) -> list[tuple[int, str]]:
        """(client id, names) of clients whose names look like query (a typing error),
        best first; [] where the backend cannot tell."""
        return []
