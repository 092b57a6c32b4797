"""The search index of a SQLite client file: FTS5 tables client_fts (rowid = client id; a
names column ranked above the details) and page_fts over pages.text (external content,
rowid = page id), and the MATCH queries finding.py ranks the answers of."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ..index import SearchIndex
from ..search import fts_query, names_fts_query, names_phrase_query, page_fts_query

MERGE_STEP_PAGES = 500  # pages of search index merged per write transaction


class SqliteSearchIndex(SearchIndex):
    # -- keeping ------------------------------------------------------------------------------

    def store_clients(self, rows: Sequence[tuple[int, str, str]]) -> None:
        self.db.conn.executemany(
            "INSERT INTO client_fts (rowid, names, details) VALUES (?, ?, ?)", rows
        )

    def remove_client(self, client_id: int) -> None:
        self.db.execute("DELETE FROM client_fts WHERE rowid = ?", (client_id,))

    def clear(self) -> None:
        self.db.execute("DELETE FROM client_fts")
        self.db.execute("INSERT INTO page_fts (page_fts) VALUES ('delete-all')")

    def rebuild_pages(self) -> None:
        self.db.execute(
            "INSERT INTO page_fts (rowid, text) SELECT p.id, p.text FROM pages p"
            " JOIN documents d ON d.id = p.document_id"
            " WHERE d.client_id IS NOT NULL AND trim(p.text) != ''"
        )

    def add_page(self, page_id: int, text: str) -> None:
        if text.strip():
            self.db.execute("INSERT INTO page_fts (rowid, text) VALUES (?, ?)", (page_id, text))

    def add_document_pages(self, document_id: int) -> None:
        self.db.execute(
            "INSERT INTO page_fts (rowid, text) SELECT id, text FROM pages"
            " WHERE document_id = ? AND trim(text) != ''",
            (document_id,),
        )

    def remove_document_pages(self, document_id: int) -> None:
        self._unindex_pages("document_id = ?", document_id)

    def remove_client_pages(self, client_id: int) -> None:
        self._unindex_pages(
            "document_id IN (SELECT id FROM documents WHERE client_id = ?)", client_id
        )

    def _unindex_pages(self, where: str, value: int) -> None:
        # External-content FTS needs the old text to remove a row's tokens.
        self.db.execute(
            "INSERT INTO page_fts (page_fts, rowid, text) SELECT 'delete', id, text FROM pages"
            f" WHERE {where} AND trim(text) != ''",
            (value,),
        )

    def compact(self, touched: frozenset[str] | None = None) -> int:
        """Merge each index into one segment, in short transactions of its own; returns
        the number of steps taken (the rows themselves were overwritten: secure_delete)."""
        # FTS5's 'merge' with a negative page count merges every segment, step by step, as
        # 'optimize' does in one go; each step is its own short transaction, so the window
        # and imports can write in between (one 'optimize' of a 100,000-client file held
        # the write lock 9 s; steps of 500 pages take at most 80 ms). A step that changed
        # fewer than 2 rows found nothing left to merge (FTS5 documentation).
        steps = 0
        for table in ("client_fts", "page_fts"):
            while True:
                before = self.db.changes()
                with self.db.transaction():
                    self.db.execute(
                        f"INSERT INTO {table} ({table}, rank) VALUES ('merge', ?)",
                        (-MERGE_STEP_PAGES,),
                    )
                steps += 1
                if self.db.changes() - before < 2:
                    break
        return steps

    # -- finding ------------------------------------------------------------------------------

    def client_candidates(self, kind: str, query: str, cap: int) -> list[tuple[int, str]]:
        build = {"phrase": names_phrase_query, "names": names_fts_query, "any": fts_query}[kind]
        match = build(query)
        if match is None:
            return []
        return self.db.execute(
            "SELECT rowid, names FROM client_fts WHERE client_fts MATCH ? LIMIT ?", (match, cap)
        ).fetchall()

    def page_candidates(self, query: str, prefix: bool, cap: int) -> list[tuple[int, int]]:
        match = page_fts_query(query, prefix=prefix)
        if match is None:
            return []
        try:
            return self.db.execute(
                "SELECT m.page_id, d.client_id FROM (SELECT rowid AS page_id FROM page_fts"
                " WHERE page_fts MATCH ? ORDER BY rowid DESC LIMIT ?) m"
                " JOIN pages p ON p.id = m.page_id JOIN documents d ON d.id = p.document_id"
                " WHERE d.client_id IS NOT NULL ORDER BY m.page_id DESC",
                (match, cap),
            ).fetchall()
        except sqlite3.OperationalError:
            # a typed character SQLite splits into two words makes a phrase, which the
            # page index (no positions) cannot answer: then pages do not match
            return []
