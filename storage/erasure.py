"""Erasing a client (AVG/GDPR) and merging two clients into one."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .clients import CLIENT_COLUMNS, STATUSES, Clients
from .database import Database
from .documents import Documents
from .errors import ClientNotFoundError
from .index import SearchIndex
from .originals import Originals

# The client columns merge_clients chooses between, in a fixed order.
_MERGE_COLUMNS = tuple(sorted(CLIENT_COLUMNS))


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
    # False when the erased data could not yet be wiped from the file's free space (a
    # reader of another program held it longer than SQLite waits): it is at the next
    # compaction or checkpoint
    wiped: bool = True

    def to_dict(self) -> dict:
        return asdict(self)

    def touched(self) -> frozenset[str]:
        """The tables this erase deleted rows from (a server rewrites only those)."""
        tables = {"clients", "phones", "emails", "addresses", "client_search", "merges"}
        counted = {
            "documents": self.documents,
            "pages": self.pages,
            "fields": self.fields,
            "notes": self.notes,
            "calls": self.calls,
            "originals": self.originals_removed,
        }
        return frozenset(tables | {t for t, n in counted.items() if n})


class Erasure:
    def __init__(
        self,
        db: Database,
        index: SearchIndex,
        originals: Originals,
        clients: Clients,
        documents: Documents,
    ) -> None:
        self.db = db
        self.index = index
        self.originals = originals
        self.clients = clients
        self.documents = documents

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
        with self.db.transaction():
            keep, other = self._columns(keep_id), self._columns(other_id)
            merged = _merged_columns(keep, other, choices)
            execute = self.db.execute
            execute(
                "INSERT INTO phones (client_id, e164, written, kind)"
                " SELECT ?, e164, written, kind FROM phones WHERE client_id = ?"
                " ON CONFLICT DO NOTHING",
                (keep_id, other_id),
            )
            execute(
                "INSERT INTO emails (client_id, email)"
                " SELECT ?, email FROM emails WHERE client_id = ?"
                " AND lower(email) NOT IN (SELECT lower(email) FROM emails WHERE client_id = ?)"
                " ON CONFLICT DO NOTHING",
                (keep_id, other_id, keep_id),
            )
            for table in ("addresses", "documents", "fields", "notes", "calls"):
                execute(
                    f"UPDATE {table} SET client_id = ? WHERE client_id = ?", (keep_id, other_id)
                )
            execute("DELETE FROM clients WHERE id = ?", (other_id,))
            self.index.remove_client(other_id)
            self.clients.update_client(keep_id, **merged)
            self.documents.log("merge", f"klant {other_id} samengevoegd met klant {keep_id}")

    def _columns(self, client_id: int) -> dict[str, str | None]:
        columns = ", ".join(_MERGE_COLUMNS)
        row = self.db.execute(
            f"SELECT {columns} FROM clients WHERE id = ?", (client_id,)
        ).fetchone()
        if row is None:
            raise ClientNotFoundError(f"Er is geen klant met nummer {client_id}.")
        return dict(zip(_MERGE_COLUMNS, row, strict=True))

    def forget(self, client_id: int, *, compact: bool = True) -> ForgetReport:
        """Erase a client for the AVG/GDPR: the client, its phones, e-mails, addresses,
        fields, documents and pages, its search index rows, notes, its calls and calls
        logged from its numbers without a client, and its originals not shared with
        another client's document. Deleted content is overwritten in the file
        (secure_delete), and the log gets one line without personal data.

        compact: also rewrite the search indexes so no erased word is left in them
        (seconds on a file of 100,000 clients). A window may pass False and call
        compact_search_index() on a worker thread afterwards."""
        self._refuse_inside_transaction("forget")
        report = ForgetReport(client_id)
        with self.db.transaction():
            shas = self._erase_rows(client_id, report)
            shared = {
                r[0]
                for sha in shas
                for r in self.db.execute("SELECT sha256 FROM documents WHERE sha256 = ?", (sha,))
            }
            self.documents.log(
                "forget",
                f"klant {client_id} gewist: {report.documents} documenten, {report.pages} pagina's",
            )
        for sha in shas:
            if sha in shared:
                report.originals_kept += 1
            elif self.originals.has(sha):
                self.originals.remove(sha)
                report.originals_removed += 1
        # Old versions of the erased rows may linger in index segments, the WAL or (on a
        # server) the tables' free space until the index is compacted.
        if compact:
            self._refuse_inside_transaction("compact_search_index")
            self.index.compact(report.touched())
            self.db.wipe_free_space()
        else:
            report.wiped = self.db.wipe_free_space()
        return report

    def _erase_rows(self, client_id: int, report: ForgetReport) -> list[str]:
        """Delete the client's rows (inside forget's transaction), counting them in
        report; returns the SHA-256 of its documents."""
        execute = self.db.execute
        self.clients.require(client_id)
        shas = [
            r[0] for r in execute("SELECT sha256 FROM documents WHERE client_id = ?", (client_id,))
        ]
        report.documents = len(shas)
        report.pages = execute(
            "SELECT count(*) FROM pages WHERE document_id IN"
            " (SELECT id FROM documents WHERE client_id = ?)",
            (client_id,),
        ).fetchone()[0]
        report.fields = execute(
            "SELECT count(*) FROM fields WHERE client_id = ?", (client_id,)
        ).fetchone()[0]
        report.notes = execute(
            "SELECT count(*) FROM notes WHERE client_id = ?", (client_id,)
        ).fetchone()[0]
        numbers = [
            r[0] for r in execute("SELECT e164 FROM phones WHERE client_id = ?", (client_id,))
        ]
        unknown_calls = 0
        for e164 in numbers:
            unknown_calls += execute(
                "DELETE FROM calls WHERE client_id IS NULL AND number = ?", (e164,)
            ).rowcount
        report.calls = (
            unknown_calls + execute("DELETE FROM calls WHERE client_id = ?", (client_id,)).rowcount
        )
        self.index.remove_client_pages(client_id)
        self.index.remove_client(client_id)
        # pages, fields, phones, e-mails, addresses and notes go by ON DELETE CASCADE
        execute("DELETE FROM documents WHERE client_id = ?", (client_id,))
        execute("DELETE FROM clients WHERE id = ?", (client_id,))
        return shas

    def compact_search_index(self) -> int:
        """Rewrite the search index (SQLite: merged into one segment each; PostgreSQL:
        every table of personal data rewritten) so words of erased clients are gone from
        the files and not just marked deleted, then wipe the free space. Safe to run on a
        worker thread with its own ClientFile. Returns the number of steps (transactions)
        taken."""
        self._refuse_inside_transaction("compact_search_index")
        steps = self.index.compact()
        self.db.wipe_free_space()
        return steps

    def _refuse_inside_transaction(self, what: str) -> None:
        # they commit in steps of their own and empty the WAL: a caller's open
        # transaction would hold back both
        if self.db.in_transaction:
            raise RuntimeError(f"{what}() cannot run inside an open transaction")


def _merged_columns(
    keep: dict[str, str | None], other: dict[str, str | None], choices: dict[str, str]
) -> dict[str, str | None]:
    """The columns of a merged client (see merge_clients)."""
    merged: dict[str, str | None] = {}
    for column in _MERGE_COLUMNS:
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
    return merged
