"""Bestand → Exporteren, Reservekopie maken and Reservekopie terugzetten, and the card's AVG
export, through their dialogs in the real window: the work runs in the background with
progress, the restore checks the backup, keeps the current file aside and reopens."""

from __future__ import annotations

import csv
import io
import json
import threading
import time

from PySide6.QtCore import Qt

from gui.workers import Cancelled, Job
from storage import ClientFile
from tests.gui.conftest import on_threads, search


def run(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.job_done, timeout=20000):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)


def test_export_every_client_as_csv(qtbot, make_window, demo, tmp_path):
    window = make_window(demo.path)
    dialog = window.files.export()
    assert not dialog.isModal()  # the window stays usable while it runs
    assert dialog.format() == "csv" and dialog.client_ids() is None
    out = tmp_path / "uit" / "klanten.csv"
    out.parent.mkdir()
    dialog.path.setText(str(out))
    run(qtbot, dialog)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert {"Sjóerd de Boer", "Fleur Bakker"} <= {cell for row in rows for cell in row}
    assert dialog.progress.value() == dialog.progress.maximum()
    assert "2 klanten geëxporteerd" in dialog.status.text()
    assert dialog.open_button.isVisible()
    opened = []
    dialog.open_url = opened.append
    dialog.open_button.click()
    assert opened[0].toLocalFile() == str(out.parent)


def test_export_the_search_results_as_json_and_the_card_as_vcard(qtbot, make_window, tmp_path):
    from tests.gui.demo import make_demo

    demo = make_demo(tmp_path / "klanten.sqlite", extra_clients=12)
    window = make_window(demo.path)
    search(qtbot, window, "jansen")
    dialog = window.files.export()
    labels = [b.text() for b in dialog.scope_buttons]
    assert labels[1] == "De 12 zoekresultaten voor “jansen”"
    dialog.scope_buttons[1].setChecked(True)
    dialog.format_buttons["json"].setChecked(True)
    assert dialog.path.text().endswith(".json")
    dialog.path.setText(str(tmp_path / "jansen.json"))
    run(qtbot, dialog)
    exported = json.loads((tmp_path / "jansen.json").read_text(encoding="utf-8"))
    assert sorted(c["id"] for c in exported) == sorted(demo.others)
    dialog.close()

    window.open_client(demo.boer)
    dialog = window.files.export()
    assert dialog.scope_buttons[-1].text() == "Alleen Sjóerd de Boer"
    dialog.scope_buttons[-1].setChecked(True)
    dialog.format_buttons["vcard"].setChecked(True)
    dialog.path.setText(str(tmp_path / "boer.vcf"))
    run(qtbot, dialog)
    text = (tmp_path / "boer.vcf").read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 1 and "Boer" in text


def test_export_refuses_a_missing_folder(qtbot, make_window, demo, tmp_path):
    window = make_window(demo.path)
    dialog = window.files.export()
    dialog.path.setText(str(tmp_path / "bestaat-niet" / "k.csv"))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert "bestaat niet" in dialog.status.text() and dialog.job is None


def test_everything_on_one_client_from_the_card(qtbot, make_window, demo, tmp_path):
    window = make_window(demo.path)
    window.open_client(demo.boer)
    with qtbot.waitSignal(window.card.export_requested):
        qtbot.mouseClick(window.card.export_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(type(window.files.export_client()), "client_export_dialog")
    dialog.folder.setText(str(tmp_path))
    run(qtbot, dialog)
    folder = tmp_path / f"klant-{demo.boer}"
    record = json.loads((folder / "klant.json").read_text(encoding="utf-8"))
    assert record["client"]["name"] == "Sjóerd de Boer"
    assert (folder / "originelen").is_dir() and any((folder / "originelen").iterdir())
    assert str(folder) in dialog.status.text()


def test_backup_now_then_restore_it(qtbot, make_window, demo, tmp_path):
    window = make_window(demo.path)
    backup = window.files.backup_now()
    dest = tmp_path / "reservekopie.sqlite"
    backup.path.setText(str(dest))
    run(qtbot, backup)
    assert dest.is_file() and (tmp_path / "reservekopie.sqlite.originals").is_dir()
    backup.close()

    # a client made after the backup, on screen
    client_id = window.create_client("Na De Kopie")
    assert window.card.client.id == client_id

    dialog = window.files.restore_backup()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert not dialog.start_button.isEnabled()  # nothing chosen, nothing checked
    dialog.path.setText(str(dest))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=5000)
    assert "met 2 klanten" in dialog.info.text()
    with qtbot.waitSignal(dialog.job_done, timeout=20000) as done:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    kept = done.args[0]
    assert kept.name.startswith("klanten.sqlite.voor-terugzetten-")
    with ClientFile.open(kept) as before:  # the file of before the restore, whole
        assert "Na De Kopie" in [before.client(i).name for i in before.client_ids()]
    # the window works on the restored file at once: no card of a client it lacks
    assert window.card_stack.currentWidget() is window.card_placeholder
    search(qtbot, window, "kopie")
    assert window.results.count() == 0
    search(qtbot, window, "fleur")
    assert window.results.count() == 1
    assert window.data.count() == 2


def test_restore_refuses_what_is_no_backup(qtbot, make_window, demo, tmp_path):
    window = make_window(demo.path)
    junk = tmp_path / "geen-kopie.sqlite"
    junk.write_bytes(b"dit is geen klantbestand" * 100)
    dialog = window.files.restore_backup()
    dialog.path.setText(str(junk))
    dialog.check()
    qtbot.waitUntil(lambda: "kan niet worden teruggezet" in dialog.info.text(), timeout=5000)
    assert not dialog.start_button.isEnabled()
    dialog.path.setText(str(demo.path))  # the client file itself
    dialog.check()
    qtbot.waitUntil(lambda: "klantbestand zelf" in dialog.info.text(), timeout=5000)
    assert not dialog.start_button.isEnabled()


def test_a_job_reports_progress_and_stops_when_asked(qtbot):
    seen: list[tuple[int, int]] = []
    outcome: list[object] = []
    started = threading.Event()

    def work(progress):
        for i in range(1, 1000):
            started.set()
            progress(i, 1000)
            time.sleep(0.002)
        return "klaar"

    job = Job(work, on_progress=lambda d, t: seen.append((d, t)), on_result=outcome.append,
              on_error=outcome.append)  # fmt: skip
    assert started.wait(5)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    job.cancel()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert isinstance(outcome[0], Cancelled) and job.finished
    assert all(t == 1000 for _, t in seen) and len(seen) < 100  # throttled, not 1000 calls


def test_a_backup_cannot_be_cancelled_and_says_so(qtbot, make_window, demo, tmp_path, monkeypatch):
    """storage's backup takes no cancel: the dialog must not offer one that does nothing."""
    window = make_window(demo.path)
    dialog = window.files.backup_now()
    dest = tmp_path / "reservekopie.sqlite"
    dialog.path.setText(str(dest))
    release = threading.Event()
    backup = window.data.backup

    def slow_backup(path):
        release.wait(10)  # a big file or a slow disk: the copy takes a while
        return backup(path)

    monkeypatch.setattr(window.data, "backup", slow_backup)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.running
    assert not dialog.close_button.isEnabled()
    assert "niet worden afgebroken" in dialog.status.text()
    # the longer message wraps: the dialog grows instead of cutting off the rows above
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
    dialog.reject()  # Esc, or the window's close button
    assert dialog.isVisible() and "Wordt afgebroken" not in dialog.status.text()
    with qtbot.waitSignal(dialog.job_done, timeout=20000):
        release.set()
    assert dest.is_file() and "Reservekopie gemaakt" in dialog.status.text()
    assert dialog.close_button.isEnabled()


def test_the_export_dialog_counts_the_clients_off_the_gui_thread(
    qtbot, make_window, demo, monkeypatch
):
    """On a shared file over a slow network a count on the GUI thread freezes the window."""
    window = make_window(demo.path)
    on_gui = on_threads(monkeypatch, window.data, "count")
    dialog = window.files.export()
    qtbot.waitUntil(lambda: dialog.scope_buttons[0].text() == "Alle klanten (2)", timeout=5000)
    assert on_gui == [False]
