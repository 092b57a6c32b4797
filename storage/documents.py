"""Documents and their pages (text, words with boxes), the original scans they were read
from, and the import log. Pages of a client's document are in the page search index;
pages of a document without a client are not."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .database import Database, now_iso, reading
from .errors import ClientNotFoundError
from .index import SearchIndex
from .models import DocumentInfo, PageText, Word
from .originals import Originals


class Documents:
    def __init__(self, db: Database, index: SearchIndex, originals: Originals) -> None:
        self.db = db
        self.index = index
        self.originals = originals

    # -- writing ---------------------------------------------------------------------------

    def add_document(
        self,
        *,
        client_id: int | None,
        name: str,
        sha256: str,
        mime: str | None,
        pages: Sequence[PageText],
        frames: Sequence[int] | None = None,
    ) -> int:
        """Insert a document and its pages; returns its id. Store the original first
        (cf.originals.put, inside the same transaction), so a committed document always
        has its original. frames: the pages of the original that are this document's
        (one client's part of a stack file), None for all."""
        if frames is not None and len(frames) != len(pages):
            raise ValueError("frames and pages differ in number")
        kept = json.dumps(list(frames)) if frames is not None else None
        with self.db.transaction():
            document_id = self.db.insert(
                "INSERT INTO documents (client_id, name, sha256, mime, pages, imported_at,"
                " frames) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (client_id, name, sha256, mime, len(pages), now_iso(), kept),
            )
            for number, page in enumerate(pages, start=1):
                page_id = self.db.insert(
                    "INSERT INTO pages (document_id, page_no, text, words, confidence,"
                    " orientation, width, height, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        document_id,
                        number,
                        page.text,
                        json.dumps([w.as_list() for w in page.words], ensure_ascii=False),
                        page.confidence,
                        page.orientation,
                        page.width,
                        page.height,
                        page.source,
                    ),
                )
                if client_id is not None:
                    self.index.add_page(page_id, page.text)
        return document_id

    def add_page_flag(self, page_id: int, flag: str) -> None:
        """Add a word (e.g. 'bsn') to a page's space-separated flags, once."""
        with self.db.transaction():
            self.db.execute(
                "UPDATE pages SET flags = trim(flags || ' ' || ?) WHERE id = ?"
                " AND ' ' || flags || ' ' NOT LIKE '% ' || ? || ' %'",
                (flag, page_id, flag),
            )

    def assign_document(self, document_id: int, client_id: int | None) -> None:
        """Move a document (and its pages in the search index) to another client, or to
        none (None: its pages are then not found by search)."""
        with self.db.transaction():
            row = self.db.execute(
                "SELECT client_id FROM documents WHERE id = ?", (document_id,)
            ).fetchone()
            if row is None:
                raise ClientNotFoundError(f"Er is geen document met nummer {document_id}.")
            was_indexed = row[0] is not None
            self.db.execute(
                "UPDATE documents SET client_id = ? WHERE id = ?", (client_id, document_id)
            )
            if was_indexed and client_id is None:
                self.index.remove_document_pages(document_id)
            elif not was_indexed and client_id is not None:
                self.index.add_document_pages(document_id)

    def sweep_originals(self) -> int:
        """Remove originals no document refers to, and half-copied temp files: the
        leftovers of an import that crashed or failed between copying a scan and
        committing its document (personal data no search, export or forget would find).
        Returns how many files were removed."""
        # under the write lock (SQLite): no import can be between copying and committing
        with self.db.transaction():
            known = {row[0] for row in self.db.execute("SELECT sha256 FROM documents")}
            return self.originals.sweep(known)

    def log(self, event: str, detail: str | None = None) -> None:
        """An import-log line; callers keep personal data out of it."""
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO import_log (at, event, detail) VALUES (?, ?, ?)",
                (now_iso(), event, detail),
            )

    # -- reading ---------------------------------------------------------------------------

    @reading
    def has_document(self, sha256: str) -> bool:
        found = self.db.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,))
        return found.fetchone() is not None

    @reading
    def client_of_document(self, sha256: str) -> int | None:
        """The client a stored file (by its SHA-256) belongs to, if it has one."""
        row = self.db.execute(
            "SELECT client_id FROM documents WHERE sha256 = ? AND client_id IS NOT NULL",
            (sha256,),
        ).fetchone()
        return int(row[0]) if row else None

    _INFO = "SELECT id, name, pages, sha256, frames, client_id FROM documents"

    @staticmethod
    def _info(row: Sequence) -> DocumentInfo:
        frames = tuple(json.loads(row[4])) if row[4] else None
        return DocumentInfo(row[0], row[1], row[2], row[3], frames, row[5])

    @reading
    def of_client(self, client_id: int) -> list[DocumentInfo]:
        """The documents of a client, oldest first."""
        rows = self.db.execute(f"{self._INFO} WHERE client_id = ? ORDER BY id", (client_id,))
        return [self._info(r) for r in rows]

    @reading
    def by_sha256(self, sha256: str) -> list[DocumentInfo]:
        """The documents read from one original file (several: parts of a stack file)."""
        rows = self.db.execute(f"{self._INFO} WHERE sha256 = ? ORDER BY id", (sha256,))
        return [self._info(r) for r in rows]

    @reading
    def page_ids(self, document_id: int) -> list[int]:
        """The ids of a document's pages, in page order (without their words)."""
        rows = self.db.execute(
            "SELECT id FROM pages WHERE document_id = ? ORDER BY page_no", (document_id,)
        )
        return [int(r[0]) for r in rows]

    @reading
    def log_lines(self, event: str) -> list[str]:
        """The details of the import-log lines of one kind, oldest first."""
        rows = self.db.execute(
            "SELECT detail FROM import_log WHERE event = ? ORDER BY id", (event,)
        )
        return [r[0] or "" for r in rows]

    @reading
    def pages(self, document_id: int) -> list[tuple[int, PageText]]:
        """(page id, page) of a document in page order, words included."""
        rows = self.db.execute(
            "SELECT id, text, words, confidence, orientation, width, height, source FROM pages"
            " WHERE document_id = ? ORDER BY page_no",
            (document_id,),
        ).fetchall()
        return [
            (r[0], PageText(r[1], [Word.from_list(w) for w in json.loads(r[2])], *r[3:]))
            for r in rows
        ]

    @reading
    def page_orientations(self, document_id: int) -> list[int]:
        """How far each page of a document was turned clockwise to be read upright (0, 90,
        180, 270), in page order: for showing thumbnails upright without reading words."""
        rows = self.db.execute(
            "SELECT orientation FROM pages WHERE document_id = ? ORDER BY page_no",
            (document_id,),
        )
        return [int(r[0] or 0) for r in rows]

    @reading
    def documents_of_pages(self, page_ids: Sequence[int]) -> dict[int, tuple[str, int | None]]:
        """document id -> (file name, client id or None) for the documents of these pages."""
        if not page_ids:
            return {}
        within, args = self.db.one_of(page_ids)
        rows = self.db.execute(
            "SELECT DISTINCT d.id, d.name, d.client_id FROM pages p"
            f" JOIN documents d ON d.id = p.document_id WHERE p.id {within} ORDER BY d.id",
            args,
        ).fetchall()
        return {int(r[0]): (r[1], int(r[2]) if r[2] is not None else None) for r in rows}

    @reading
    def count_pages(self, *, turned: bool = False) -> int:
        """Pages in the file; turned: only those that were read rotated."""
        where = " WHERE orientation != 0" if turned else ""
        return int(self.db.execute(f"SELECT count(*) FROM pages{where}").fetchone()[0])
