"""Issue 11, concurrency: the real window reads and writes one client file while two CLI
imports write to it. All data arrives, the window never waits long, and it never shows
a client without all of its pages."""

from __future__ import annotations

import time

from storage import ClientFile
from tests.faults.helpers.cli import looks_clean, start_cli
from tests.faults.helpers.consistency import inspect, signature
from tests.faults.helpers.pages import write_small_dataset
from tests.gui.conftest import search

IMPORT_TIMEOUT_S = 300
SLOW_WRITE_S = 10  # a note that takes longer than this to save counts as locked


def test_window_writes_while_two_imports_run(make_window, tmp_path, qtbot, tesseract_available):
    folders = write_small_dataset(tmp_path / "scans", clients=4, pages=2, seed=31)
    db = tmp_path / "klanten.sqlite"
    with ClientFile.open(db) as cf, cf.transaction():
        regular = cf.create_client(name="Vaste Klant")
    window = make_window(db)
    half = len(folders) // 2
    runs = [
        start_cli("import", *(f.folder for f in part), "--db", db, "--json", "--jobs", "1")
        for part in (folders[:half], folders[half:])
    ]
    notes, slowest = 0, 0.0
    deadline = time.monotonic() + IMPORT_TIMEOUT_S
    while any(run.poll() is None for run in runs):
        assert time.monotonic() < deadline, "imports did not end"
        started = time.monotonic()
        window.data.add_note(regular, f"notitie {notes} tijdens het inlezen")
        slowest = max(slowest, time.monotonic() - started)
        notes += 1
        search(qtbot, window, folders[notes % len(folders)].client.last_name)
        for row in range(window.results.count()):
            client = window.data.client(window.results.client_id(row))
            for doc in client.documents:
                assert len(window.data.pages(doc.id)) == doc.pages
        qtbot.wait(100)
    for run in runs:
        _out, err = run.communicate(timeout=30)
        assert run.returncode == 0 and looks_clean(err), err

    assert notes > 0 and slowest < SLOW_WRITE_S
    assert len(window.data.client(regular).notes) == notes
    window.refresh()
    for folder in folders:
        search(qtbot, window, folder.client.last_name)
        assert window.results.count() >= 1
    assert inspect(db).ok
    imported = [entry for entry in signature(db) if entry[1]]
    assert len(imported) == len(folders)  # one client per folder, none split or doubled
    assert sum(len(shas) for _, shas in imported) == sum(len(f.files) for f in folders)
