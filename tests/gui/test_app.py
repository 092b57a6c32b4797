"""Starting the window as main.py does (gui.app.start): it always opens, says when calls
cannot come in, keeps its settings private, forgets an erased client's search, and loads
the import machinery only when an import starts."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from gui import app, settings
from gui.call import handoff
from storage import ClientFile, Phone

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def anna(db_path: Path) -> Path:
    with ClientFile.open(db_path) as cf, cf.transaction():
        cf.create_client(name="Anna Visser", phones=[Phone("+31612345678")])
        cf.create_client(name="Bram de Wit")
    return db_path


@pytest.fixture
def start(qtbot):
    """start(db_path) -> a started Shell; closed after the test."""
    shells: list[app.Shell] = []

    def make(db_path: Path) -> app.Shell:
        shell = app.start(db_path)
        assert isinstance(shell, app.Shell), f"the window did not start: exit {shell}"
        shells.append(shell)
        qtbot.addWidget(shell.window)
        qtbot.waitExposed(shell.window)
        return shell

    yield make
    from gui import workers

    workers.wait_all()
    for shell in shells:
        shell.window.close()
        shell.close()


def test_window_starts_and_says_why_calls_cannot_come_in(anna, start, tmp_path, monkeypatch):
    """The call server failing (here: a socket folder open to others) never stops the
    window; the status bar says calls cannot be received, and why (issue 18.1)."""
    open_folder = tmp_path / "open"
    open_folder.mkdir()
    open_folder.chmod(0o755)
    monkeypatch.setenv(handoff.RUNTIME_ENV, str(open_folder))
    shell = start(anna)
    assert shell.server is None and shell.window.isVisible()
    label = shell.window.statusBar().findChild(type(shell.window.file_label), "calls_unavailable")
    assert label is not None and label.isVisible()
    assert label.text().startswith("Gesprekken kunnen niet binnenkomen: ")
    assert "niet alleen van u" in label.text() and str(open_folder) in label.text()


def test_calls_come_in_when_the_folder_is_fine(anna, start):
    shell = start(anna)
    assert shell.server is not None and shell.server_error is None
    names = [w.objectName() for w in shell.window.statusBar().children()]
    assert "calls_unavailable" not in names


def test_settings_file_is_readable_by_the_user_only(anna, start, qtbot):
    ini = Path(settings.settings().fileName())
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text("[window]\n")
    ini.chmod(0o644)  # as QSettings wrote it before (the umask's mode)
    ini.parent.chmod(0o755)
    shell = start(anna)
    assert stat.S_IMODE(ini.stat().st_mode) == 0o600
    assert stat.S_IMODE(ini.parent.stat().st_mode) == 0o700
    qtbot.keyClicks(shell.window.search_field, "visser")
    shell.window.save_settings()
    assert stat.S_IMODE(ini.stat().st_mode) == 0o600 and "visser" in ini.read_text()


def test_erasing_in_the_window_forgets_the_search(anna, start, qtbot):
    shell = start(anna)
    window = shell.window
    qtbot.keyClicks(window.search_field, "Anna Visser")
    window.save_settings()
    window.open_client(1)
    window.erase_client(1, "Anna Visser")
    assert window.search_field.text() == "" and window.card.client is None
    window.save_settings()
    assert "Anna" not in Path(settings.settings().fileName()).read_text()


def test_forget_on_the_command_line_clears_the_open_window(anna, start, qtbot):
    """`main.py forget` tells the open window: the card closes and the search goes."""
    shell = start(anna)
    window = shell.window
    qtbot.keyClicks(window.search_field, "Anna")
    window.open_client(1)
    window.save_settings()
    done: dict = {}

    def forget() -> None:
        done["result"] = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "forget", "1", "-y", "--db", str(anna)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    threading.Thread(target=forget).start()
    qtbot.waitUntil(lambda: "result" in done, timeout=60_000)
    assert done["result"].returncode == 0, done["result"].stderr
    assert window.search_field.text() == "" and window.card.client is None
    window.save_settings()
    assert "Anna" not in Path(settings.settings().fileName()).read_text()


IDLE_PROBE = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from gui import app

HEAVY = {"numpy", "cv2", "pypdfium2", "PIL", "sqlite_utils", "pytesseract", "rapidfuzz", "ocr"}
shell = app.start(Path(sys.argv[1]))

def loaded():
    found = {m.split(".")[0] for m in sys.modules} & HEAVY
    return sorted(found) + (["phonenumbers.geocoder"] * ("phonenumbers.geocoder" in sys.modules))

def at_rest():
    print("AT REST", loaded(), flush=True)
    shell.window.import_action.trigger()
    QTimer.singleShot(500, opened)

def opened():
    from PySide6.QtWidgets import QApplication
    shown = sorted(type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible())
    print("WIZARD", shown, "ocr" in loaded(), flush=True)
    shell.app.quit()

QTimer.singleShot(1500, at_rest)  # after the warm-up (200 ms) and the first searches
shell.app.exec()
"""


def test_window_at_rest_loads_no_import_machinery(anna, tmp_path):
    """OCR, PDF, image and number-geocoding libraries load when first used, not at start
    (271 MB at rest before); the first Ctrl+I still opens the wizard (issue 19.6)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", IDLE_PROBE, str(anna)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "AT REST []" in result.stdout, result.stdout + result.stderr[-3000:]
    assert "ImportWizard" in result.stdout and "WIZARD" in result.stdout
    assert "Traceback" not in result.stderr
