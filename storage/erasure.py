"""Erasing (AVG/GDPR) and merging clients; a mixin of ClientFile."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from .errors import ClientNotFoundError
from .models import CLIENT_FIELDS

if TYPE_CHECKING:
    from .originals import OriginalStore

CLIENT_COLUMNS = frozenset({*CLIENT_FIELDS, "status"})
STATUSES = ("active", "archived")
MERGE_STEP_PAGES = 500  # pages of search index merged per write transaction


@dataclass
class ForgetReport:
    """What forget() erased; holds counts only, no personal data."""

    client_id: int
    documents: int = 0
    pages: int = 0
    fields: int = 0
    notes: int = 0
    calls: int = 0
    originals_removed: int = 0
    originals_kept: int = 0  # shared with another client's document, so not removed

    def to_dict(self) -> dict:
        return asdict(self)


class Eraser:
    """merge_clients, forget and compact_search_index of ClientFile (which gives it
    transaction, update_client, log, _require_client and _unindex_pages)."""

    conn: sqlite3.Connection
    originals: OriginalStore

    def merge_clients(self, keep_id: int, other_id: int, choices: dict[str, str]) -> None:
        """Merge other into keep; other is erased afterwards.

        choices maps a client column (see CLIENT_COLUMNS) to 'keep' or 'other': whose
        value the merged client gets; any other string is taken as the value itself. A
        column not in choices keeps keep's value, or takes other's when keep's is empty.
        Phones, e-mails, addresses, documents, fields, notes and calls all move to keep.
        """
        if keep_id == other_id:
            raise ValueError("cannot merge a client with itself")
        unknown = set(choices) - CLIENT_COLUMNS
        if unknown:
            raise ValueError(f"unknown client fields: {sorted(unknown)}")
        with self.transaction() as conn:
            cur = conn.cursor()
            cur.row_factory = sqlite3.Row
            keep = cur.execute("SELECT * FROM clients WHERE id = ?", (keep_id,)).fetchone()
            other = cur.execute("SELECT * FROM clients WHERE id = ?", (other_id,)).fetchone()
            if keep is None or other is None:
                missing = keep_id if keep is None else other_id
                raise ClientNotFoundError(f"Er is geen klant met nummer {missing}.")
            merged: dict[str, str | None] = {}
            for column in sorted(CLIENT_COLUMNS):
                choice = choices.get(column)
                if choice == "keep":
                    merged[column] = keep[column]
                elif choice == "other":
                    merged[column] = other[column]
                elif choice is not None:
                    merged[column] = choice
                else:
                    merged[column] = keep[column] if keep[column] else other[column]
            if merged.get("status") not in STATUSES:
                merged["status"] = "active"
            merged["name"] = merged.get("name") or ""
            conn.execute(
                "INSERT OR IGNORE INTO phones (client_id, e164, written, kind)"
                " SELECT ?, e164, written, kind FROM phones WHERE client_id = ?",
                (keep_id, other_id),
            )
            conn.execute(
                "INSERT OR IGNORE INTO emails (client_id, email)"
                " SELECT ?, email FROM emails WHERE client_id = ?"
                " AND lower(email) NOT IN (SELECT lower(email) FROM emails WHERE client_id = ?)",
                (keep_id, other_id, keep_id),
            )
            for table in ("addresses", "documents", "fields", "notes", "calls"):
                conn.execute(
                    f"UPDATE {table} SET client_id = ? WHERE client_id = ?", (keep_id, other_id)
                )
            conn.execute("DELETE FROM clients WHERE id = ?", (other_id,))
            conn.execute("DELETE FROM client_fts WHERE rowid = ?", (other_id,))
            self.update_client(conn, keep_id, **merged)
            self.log(conn, "merge", f"klant {other_id} samengevoegd met klant {keep_id}")

    def forget(self, client_id: int, *, compact: bool = True) -> ForgetReport:
        """Erase a client for the AVG/GDPR: the client, its phones, e-mails, addresses,
        fields, documents and pages, its search index rows, notes, its calls and calls
        logged from its numbers without a client, and its originals not shared with
        another client's document. Deleted content is overwritten in the file
        (secure_delete), and the log gets one line without personal data.

        compact: also rewrite the search indexes so no erased word is left in them
        (seconds on a file of 100,000 clients). A window may pass False and call
        compact_search_index() on a worker thread afterwards."""
        report = ForgetReport(client_id)
        conn = self.conn
        conn.execute("PRAGMA secure_delete = ON")
        try:
            with self.transaction() as conn:
                self._require_client(conn, client_id)
                shas = [
                    r[0]
                    for r in conn.execute(
                        "SELECT sha256 FROM documents WHERE client_id = ?", (client_id,)
                    )
                ]
                report.documents = len(shas)
                report.pages = conn.execute(
                    "SELECT count(*) FROM pages WHERE document_id IN"
                    " (SELECT id FROM documents WHERE client_id = ?)",
                    (client_id,),
                ).fetchone()[0]
                report.fields = conn.execute(
                    "SELECT count(*) FROM fields WHERE client_id = ?", (client_id,)
                ).fetchone()[0]
                report.notes = conn.execute(
                    "SELECT count(*) FROM notes WHERE client_id = ?", (client_id,)
                ).fetchone()[0]
                numbers = [
                    r[0]
                    for r in conn.execute(
                        "SELECT e164 FROM phones WHERE client_id = ?", (client_id,)
                    )
                ]
                unknown_calls = 0
                for e164 in numbers:
                    unknown_calls += conn.execute(
                        "DELETE FROM calls WHERE client_id IS NULL AND number = ?", (e164,)
                    ).rowcount
                report.calls = (
                    unknown_calls
                    + conn.execute("DELETE FROM calls WHERE client_id = ?", (client_id,)).rowcount
                )
                self._unindex_pages(
                    conn,
                    "document_id IN (SELECT id FROM documents WHERE client_id = ?)",
                    (client_id,),
                )
                conn.execute("DELETE FROM client_fts WHERE rowid = ?", (client_id,))
                # pages, fields, phones, e-mails, addresses and notes go by ON DELETE CASCADE
                conn.execute("DELETE FROM documents WHERE client_id = ?", (client_id,))
                conn.execute("DELETE FROM clients WHERE id = ?", (client_id,))
                shared = {
                    r[0]
                    for sha in shas
                    for r in conn.execute("SELECT sha256 FROM documents WHERE sha256 = ?", (sha,))
                }
                self.log(
                    conn,
                    "forget",
                    f"klant {client_id} gewist: {report.documents} documenten, "
                    f"{report.pages} pagina's",
                )
            for sha in shas:
                if sha in shared:
                    report.originals_kept += 1
                elif self.originals.has(sha):
                    self.originals.remove(sha)
                    report.originals_removed += 1
            # Old versions of the erased rows may linger in FTS segments and the WAL.
            if compact:
                self.compact_search_index()
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.execute("PRAGMA secure_delete = OFF")
        return report

    def compact_search_index(self) -> int:
        """Merge the search index into one segment each, so words of erased clients are
        gone from the file and not just marked deleted. Safe to run on a worker thread
        with its own ClientFile. Returns the number of merge steps (transactions) taken."""
        conn = self.conn
        conn.execute("PRAGMA secure_delete = ON")
        try:
            steps = self._optimize_indexes()
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.execute("PRAGMA secure_delete = OFF")
        return steps

    def _optimize_indexes(self) -> int:
        # FTS5's 'merge' with a negative page count merges every segment, step by step, as
        # 'optimize' does in one go; each step is its own short transaction, so the window
        # and imports can write in between (one 'optimize' of a 100,000-client file held
        # the write lock 9 s; steps of 500 pages take at most 80 ms). A step that changed
        # fewer than 2 rows found nothing left to merge (FTS5 documentation).
        steps = 0
        for table in ("client_fts", "page_fts"):
            while True:
                before = self.conn.total_changes
                with self.transaction() as conn:
                    conn.execute(
                        f"INSERT INTO {table} ({table}, rank) VALUES ('merge', ?)",
                        (-MERGE_STEP_PAGES,),
                    )
                steps += 1
                if self.conn.total_changes - before < 2:
                    break
        return steps
