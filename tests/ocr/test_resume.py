"""kill -9 halfway through an import (a real subprocess): the client file stays
consistent, and running the same import again finishes the rest without duplicates."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from ocr.engine import pagefiles
from tests.ocr.pagegen import card, save
from tests.ocr.procs import stray_page_folders

ROOT = Path(__file__).resolve().parents[2]


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _import(db: Path, paths: list[Path], **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "import", *map(str, paths), "--db", str(db),
         "--jobs", "1", "--json"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, **kw,
    )  # fmt: skip


def test_kill_9_then_resume(tmp_path: Path, tesseract_available):
    folder = tmp_path / "Bakker, Jan"
    for i in range(1, 4):
        save(card([f"Klantmap Bakker blad {i}", "Kerkstraat 4 Kampen"]), folder / f"blad{i}.png")
    loose = [save(card([f"Losse brief {i}", "over het dak"]), tmp_path / f"brief{i}.png")
             for i in range(25)]  # fmt: skip
    paths = [folder, *loose]
    db = tmp_path / "k.sqlite"
    run = _import(db, paths)
    deadline = time.monotonic() + 120
    while _count(db) < 2 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert run.poll() is None, "the import ended before it could be killed"
    os.killpg(run.pid, signal.SIGKILL)  # the import and its workers: a power cut
    run.wait()
    halfway = _count(db)
    assert 2 <= halfway < 28

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for doc_id, pages, sha in conn.execute("SELECT id, pages, sha256 FROM documents"):
            stored = conn.execute("SELECT count(*) FROM pages WHERE document_id = ?", (doc_id,))
            assert stored.fetchone()[0] == pages == 1
            assert (tmp_path / "k.sqlite.originals" / sha[:2] / sha).is_file()

    again = _import(db, paths)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    with sqlite3.connect(db) as conn:
        docs = conn.execute("SELECT count(*), count(DISTINCT sha256) FROM documents").fetchone()
        assert docs == (28, 28)
        clients = [r[0] for r in conn.execute("SELECT name FROM clients ORDER BY name")]
    assert clients.count("Jan Bakker") == 1
    assert len(clients) == len(set(clients))  # nothing made twice by the second run
    # page images the killed workers had prepared for Tesseract are gone too (AVG)
    stray = stray_page_folders(pagefiles.base_dir(), pagefiles.PREFIX)
    assert not [f for f in stray if any(f.iterdir())]
