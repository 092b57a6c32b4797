"""Two CLI imports into one client file at the same time, plus a reader standing in for
the window: all data arrives, nothing stays locked, readers never see half a client."""

from __future__ import annotations

import sqlite3
import threading
import time

from storage import ClientFile, KlantdossierError
from storage.schema import MIGRATIONS, statements
from tests.faults.helpers.cli import looks_clean, start_cli
from tests.faults.helpers.consistency import inspect, signature
from tests.faults.helpers.pages import write_small_dataset

IMPORT_TIMEOUT = 300
SLOW_READ_S = 10  # a search or card slower than this while imports run counts as locked


class Reader(threading.Thread):
    """Searches and opens cards in a loop, like a user at the window during an import."""

    def __init__(self, db, words: list[str]) -> None:
        super().__init__(daemon=True)
        self.db, self.words = db, words
        self.stop = threading.Event()
        self.problems: list[str] = []
        self.reads = 0
        self.slowest = 0.0

    def run(self) -> None:
        while not self.db.exists():
            time.sleep(0.05)
        cf = ClientFile.open(self.db)
        try:
            while not self.stop.is_set():
                for word in self.words:
                    self._check(cf, word)
        except Exception as e:  # anything escaping the read API is a finding
            self.problems.append(f"{type(e).__name__}: {e}")
        finally:
            cf.close()

    def _check(self, cf: ClientFile, word: str) -> None:
        started = time.monotonic()
        try:
            hits = cf.search(word)
            for hit in hits:
                client = cf.client(hit.id)
                if not client.documents:
                    self.problems.append(f"client {hit.id} visible without documents")
                for doc in client.documents:
                    stored = len(cf.pages(doc.id))
                    if stored != doc.pages:
                        self.problems.append(
                            f"document {doc['id']} shows {stored} of {doc['pages']} pages"
                        )
        except KlantdossierError as e:
            self.problems.append(f"read refused during import: {e}")
        self.reads += 1
        self.slowest = max(self.slowest, time.monotonic() - started)


def test_two_imports_and_a_reader(tmp_path, tesseract_available):
    folders = write_small_dataset(tmp_path / "scans", clients=4, pages=2, seed=21)
    db = tmp_path / "klanten.sqlite"
    ClientFile.open(db).close()  # a first start on a new file (the race itself: the test below)
    reader = Reader(db, [f.client.last_name for f in folders] + ["klantkaart", "06"])
    reader.start()
    half = len(folders) // 2
    runs = [
        start_cli("import", *(f.folder for f in part), "--db", db, "--json", "--jobs", "1")
        for part in (folders[:half], folders[half:])
    ]
    outcomes = [run.communicate(timeout=IMPORT_TIMEOUT) for run in runs]
    reader.stop.set()
    reader.join(timeout=30)
    assert not reader.is_alive(), "the reader is stuck"
    for run, (_, err) in zip(runs, outcomes, strict=True):
        assert run.returncode == 0 and looks_clean(err), err
    assert reader.problems == []
    assert reader.reads > 0
    assert reader.slowest < SLOW_READ_S
    assert inspect(db).ok
    sig = signature(db)
    assert len(sig) == len(folders), sig  # one client per folder, none split or doubled
    assert sum(len(shas) for _, shas in sig) == sum(len(f.files) for f in folders)


def test_two_imports_of_the_same_folder(tmp_path, tesseract_available):
    """Two people start the same import at once: both end normally and every document
    is stored once, under one client."""
    (folder,) = write_small_dataset(tmp_path / "scans", clients=1, pages=3, seed=22)
    db = tmp_path / "klanten.sqlite"
    ClientFile.open(db).close()
    runs = [start_cli("import", folder.folder, "--db", db, "--json") for _ in range(2)]
    outcomes = [run.communicate(timeout=IMPORT_TIMEOUT) for run in runs]
    for run, (_, err) in zip(runs, outcomes, strict=True):
        assert run.returncode == 0 and looks_clean(err), err
    assert inspect(db).ok
    sig = signature(db)
    assert len(sig) == 1, sig
    assert len(sig[0][1]) == len(folder.files)


def test_open_while_another_program_creates_the_file(tmp_path):
    """Seen for real: two imports started at once on a new client file, one died with a
    traceback. Made deterministic here: this test holds the write lock of a new, empty
    WAL file while ClientFile.open runs in a thread, then creates the schema itself
    (as the other program would) and commits. The open must then simply succeed."""
    db = tmp_path / "klanten.sqlite"
    other = sqlite3.connect(db, isolation_level=None, timeout=30)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("BEGIN IMMEDIATE")
    outcome: dict[str, object] = {}

    def open_it() -> None:
        try:
            ClientFile.open(db).close()
            outcome["ok"] = True
        except Exception as e:  # the finding is which exception, if any
            outcome["error"] = e

    thread = threading.Thread(target=open_it, daemon=True)
    thread.start()
    time.sleep(1.0)  # the opener has read version 0 and waits for the write lock
    for number, script in enumerate(MIGRATIONS, start=1):
        for statement in statements(script):
            other.execute(statement)
        other.execute(f"PRAGMA user_version = {number}")
    other.execute("COMMIT")
    other.close()
    thread.join(timeout=30)
    assert outcome.get("ok"), repr(outcome.get("error"))
