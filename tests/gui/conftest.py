"""GUI test fixtures: real windows over real client files; settings in a temporary folder,
so no test sees another's window size or last search, nor the developer's own settings."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def temp_settings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def make_window(qtbot):
    """make_window(path) -> a shown MainWindow over the client file at path; closed after."""
    from gui import workers
    from gui.data import ClientData
    from gui.main_window import MainWindow

    windows = []

    def make(path: Path, show: bool = True) -> MainWindow:
        window = MainWindow(ClientData(path))
        qtbot.addWidget(window)
        windows.append(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
            qtbot.waitUntil(window.isActiveWindow)
        return window

    yield make
    workers.wait_all()
    for window in windows:
        window.close()
        window.data.close()


@pytest.fixture
def demo(tmp_path):
    from tests.gui.demo import make_demo

    return make_demo(tmp_path / "klanten.sqlite")


def search(qtbot, window, text: str) -> None:
    """Type text into the real search field and wait for the answer to it."""
    window.search_field.clear()
    if text.isascii():
        qtbot.keyClicks(window.search_field, text)
    else:  # QTest types Latin-1 only: other text arrives as a paste would
        window.search_field.insert(text)
    qtbot.waitUntil(
        lambda: window._shown_query == text.strip() and not window._in_flight, timeout=5000
    )


def on_threads(monkeypatch, data, name: str) -> list[bool]:
    """Spy on data.<name>: for each call, whether it ran on the GUI thread."""
    on_gui: list[bool] = []
    real = getattr(data, name)

    def spy(*args, **kwargs):
        on_gui.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(data, name, spy)
    return on_gui
