"""One import path: the same generated cabinet through `main.py import`, through the wizard
(a person accepting every proposal as shown) and through the watched folder gives the
same clients, documents and fields."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from storage import ClientFile
from tests.conftest import ROOT
from tests.datagen import write_dataset

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cabinet(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("kast") / "Klanten"
    # two client folders in a sub-cabinet, one directly in the cabinet
    write_dataset(root / "A-M", 2, seed="equivalence", formats=("png", "tiff"), pages=1,
                  upside_down_prob=0.0)  # fmt: skip
    write_dataset(root, 1, seed="equivalence-2", formats=("jpg",), pages=1, upside_down_prob=0.0)
    for truth in root.rglob("*.truth.json"):
        truth.unlink()  # the truth beside the folders is not paper
    return root


def snapshot(db: Path) -> list[dict]:
    """Clients with their documents and read fields, in a form that does not depend on
    the order of ids (the accepted mark aside: a person reviewed the wizard's)."""
    with ClientFile.open(db) as cf:
        clients = []
        for client_id in cf.client_ids():
            client = cf.client(client_id).to_dict()
            docs = sorted((d["name"], d["sha256"], d["pages"]) for d in client["documents"])
            fields = sorted(
                (f.field, f.value, tuple(f.box or ()), f.confidence or 0.0)
                for f in cf.fields(client_id)
            )
            for key in ("id", "documents", "notes", "calls"):
                client.pop(key)
            for address in client["addresses"]:
                address.pop("id")
            clients.append({"client": client, "documents": docs, "fields": fields})
    return sorted(clients, key=lambda c: json.dumps(c, sort_keys=True, default=str))


def test_cli_wizard_and_watched_folder_give_the_same_clients(
    cabinet: Path, tmp_path: Path, qtbot, tesseract_available
) -> None:
    cli_db = tmp_path / "cli.sqlite"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(cli_db), "import", str(cabinet),
         "--json", "--jobs", "2"],
        capture_output=True, text=True, timeout=600, env={**os.environ},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["clients_created"] == 3
    assert [f["outcome"] for f in report["folders"]] == ["nieuwe klant"] * 3

    wizard_db = tmp_path / "wizard.sqlite"
    run_wizard(qtbot, wizard_db, mode="files", paths=[cabinet])
    watch_db = tmp_path / "watch.sqlite"
    run_wizard(qtbot, watch_db, mode="watch", paths=[cabinet])

    cli = snapshot(cli_db)
    assert len(cli) == 3
    assert snapshot(wizard_db) == cli
    assert snapshot(watch_db) == cli
    with ClientFile.open(wizard_db) as cf:
        reviewed = [f.accepted for cid in cf.client_ids() for f in cf.fields(cid)]
    assert any(reviewed)  # what a person accepted is marked so


def run_wizard(qtbot, db: Path, *, mode: str, paths: list[Path]) -> None:
    from gui import workers
    from gui.import_wizard.wizard import ImportWizard

    ClientFile.open(db).close()
    wizard = ImportWizard(db, jobs=2)
    wizard.confirm_close = lambda _unsaved: True  # the user agrees, should it come to that
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        if mode == "files":
            wizard.add_files([str(p) for p in paths], start=True)
        else:
            watched = db.parent / f"{db.stem}-map"
            watched.mkdir()
            wizard.sources.watch_folder.setText(str(watched))
            wizard.sources.use_watch.setChecked(True)
            wizard.sources.start_button.click()
            qtbot.waitUntil(lambda: wizard.stack.currentWidget() is wizard.progress)
            # the office copies the client folders into the scan folder
            for folder in sorted(p for p in paths[0].rglob("*") if p.is_dir() and not any(
                    c.is_dir() for c in p.iterdir())):  # fmt: skip
                shutil.copytree(folder, watched / folder.name)
            qtbot.waitUntil(lambda: wizard.progress.read >= 6, timeout=300_000)
            wizard.progress.stop_button.click()
        qtbot.waitUntil(lambda: wizard.stack.currentWidget() is wizard.review, timeout=300_000)
        for _ in wizard.review.proposals:
            qtbot.keyClick(wizard.review.edits["name"], "\r")  # Enter: accept as shown
        qtbot.waitUntil(lambda: wizard.review.save_button.isEnabled())
        wizard.review.save_button.click()
        qtbot.waitUntil(lambda: wizard.stack.currentWidget() is wizard.summary, timeout=60_000)
    finally:
        wizard.close()
        workers.wait_all()
