"""What "nothing lost, nothing half" means for a client file, checked from outside.

Reads the SQLite file directly (the state a restarted program would find) and the
originals folder beside it; the ClientFile API is not used, so a bug in it cannot hide
a broken file.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

PART_PREFIX = ".part-"


def originals_root(db: Path) -> Path:
    return db.with_name(db.name + ".originals")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Findings:
    """What a check of one client file found; ok means nothing half and nothing missing."""

    integrity: str = "not checked"
    problems: list[str] = field(default_factory=list)
    orphans: list[Path] = field(default_factory=list)  # originals no document refers to
    part_files: list[Path] = field(default_factory=list)  # temp files of an unfinished copy
    documents: int = 0
    clients: int = 0

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and not self.problems

    def summary(self) -> str:
        parts = [f"integrity={self.integrity}", f"{self.documents} documents"]
        parts += self.problems[:5]
        if self.orphans:
            parts.append(f"{len(self.orphans)} orphaned originals")
        if self.part_files:
            parts.append(f"{len(self.part_files)} .part- temp files")
        return "; ".join(parts)


def connect_ro(db: Path, timeout: float = 10) -> sqlite3.Connection:
    """A read-only look that still sees committed WAL content."""
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=timeout)


def inspect(db: Path, *, originals: Path | None = None, check_hashes: bool = True) -> Findings:
    """Integrity, whole documents, originals present (and intact), orphans, temp files.

    Opens the file read-write on purpose: after a crash the next program does WAL
    recovery, and that recovered state is what must be whole."""
    db = Path(db)
    root = originals if originals is not None else originals_root(db)
    found = Findings()
    try:
        conn = sqlite3.connect(db, timeout=30)
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError:
        # a full or read-only disk may refuse the recovery files: look read-only
        conn = connect_ro(db, timeout=30)
    try:
        found.integrity = "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            found.problems.append(f"{len(fk)} rows break a foreign key: {fk[:3]}")
        docs = conn.execute(
            "SELECT d.id, d.sha256, d.pages, (SELECT count(*) FROM pages p"
            " WHERE p.document_id = d.id) FROM documents d"
        ).fetchall()
        found.documents = len(docs)
        found.clients = conn.execute("SELECT count(*) FROM clients").fetchone()[0]
    finally:
        conn.close()
    known = set()
    for doc_id, sha, claimed, stored in docs:
        known.add(sha)
        if stored != claimed or stored == 0:
            found.problems.append(f"document {doc_id} claims {claimed} pages, has {stored}")
        path = root / sha[:2] / sha
        if not path.is_file():
            found.problems.append(f"document {doc_id} has no original ({sha[:12]})")
        elif check_hashes and _sha256(path) != sha:
            found.problems.append(f"original of document {doc_id} is damaged ({sha[:12]})")
    if root.is_dir():
        for path in root.rglob("*"):
            if not path.is_file():
                continue
            if path.name.startswith(PART_PREFIX):
                found.part_files.append(path)
            elif path.name not in known:
                found.orphans.append(path)
    return found


def signature(db: Path) -> list[tuple[str, tuple[str, ...]]]:
    """Each client as (name, sorted document hashes): equal signatures, equal contents.
    A document stored twice or a client folder split in two changes it."""
    conn = connect_ro(Path(db))
    try:
        rows = conn.execute(
            "SELECT c.id, c.name, d.sha256 FROM clients c"
            " LEFT JOIN documents d ON d.client_id = c.id"
        ).fetchall()
    finally:
        conn.close()
    by_client: dict[int, tuple[str, list[str]]] = {}
    for client_id, name, sha in rows:
        entry = by_client.setdefault(client_id, (name, []))
        if sha:
            entry[1].append(sha)
    return sorted((name, tuple(sorted(shas))) for name, shas in by_client.values())


def document_count(db: Path) -> int:
    """Committed documents, or 0 while the file does not exist or has no tables yet."""
    if not Path(db).exists():
        return 0
    try:
        conn = connect_ro(Path(db), timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0
