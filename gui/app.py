"""Starting the window: QApplication, language, one window per client file, the caller pop."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from . import backup_setting, call, i18n, import_wizard, settings
from .call import handoff
from .call.server import AlreadyRunningError, InstanceServer, ServerError
from .data import ClientData
from .dialogs import shared_file
from .main_window import MainWindow

WARM_UP_LATEST_MS = 2000


@dataclass
class Shell:
    """The started window and what serves it; run() waits on it, tests drive it."""

    app: QApplication
    window: MainWindow
    data: ClientData
    calls: object  # gui.call.controller.CallController
    server: InstanceServer | None
    server_error: str | None  # why calls cannot come in, None when they can

    def close(self) -> None:
        self.window.save_settings()
        if self.server is not None:
            self.server.close()
        self.data.close()


def run(db_path: Path | str, ui_language: str | None = None, call_number: str | None = None) -> int:
    """Open the window on db_path (straight into the caller when call_number is given).

    When a window of this client file is open already, it is asked to come to the front
    (and to show the caller) and this process ends."""
    shell = start(db_path, ui_language, call_number)
    if isinstance(shell, int):
        return shell
    code = shell.app.exec()
    shell.close()
    return code


def start(
    db_path: Path | str, ui_language: str | None = None, call_number: str | None = None
) -> Shell | int:
    """Build and show the window; an exit code instead when it must not open (the client
    file cannot be opened, or another window of it took over at the same moment)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Klantdossier")
    app.setOrganizationName("Klantdossier")
    settings.protect()  # a file from before 0600 was the rule, or made by another program
    i18n.install_translator(app, ui_language)
    # create or migrate before any thread opens it; a shared one's server may be down
    db_path = shared_file.open_or_ask(db_path)
    if db_path is None:
        return 1
    try:
        server, server_error = _listen(db_path)
    except AlreadyRunningError:  # two starts at the same moment: the other one won
        return _hand_to_other(db_path, call_number)

    data = ClientData(db_path)
    window = MainWindow(data)  # with its size and last search as the user left them
    _wizard_on_first_use(window)
    calls = call.install(window, data, settings.settings())
    if server is not None:
        server.message.connect(calls.handle_message)
    else:
        _show_no_calls(window, server_error or "")
    calls.apply_monitor_settings()
    window.show()
    backup_setting.install(window)
    shared_file.install(window)
    if call_number:
        QTimer.singleShot(0, lambda: calls.show_call(call_number))
    _warm_up_when_searchable(window, calls)
    return Shell(app, window, data, calls, server, server_error)


def _warm_up_when_searchable(window: MainWindow, calls) -> None:
    """Build the client card's widgets and the banner, and read the home country's places,
    once the first search answer is on screen (or after 2 s): before it, that work would
    hold the first answer up."""
    timer = QTimer(window, singleShot=True, interval=WARM_UP_LATEST_MS)

    def warm_up() -> None:
        timer.stop()
        window.results_updated.disconnect(warm_up)
        QTimer.singleShot(0, window.card.ensure_built)
        QTimer.singleShot(0, calls.warm_up)

    timer.timeout.connect(warm_up)
    window.results_updated.connect(warm_up)
    timer.start()


def _listen(db_path: Path) -> tuple[InstanceServer | None, str | None]:
    """(server, None) when listening; (None, reason) when calls cannot come in (the window
    works without them); AlreadyRunningError when another window of this file listens."""
    try:
        server = InstanceServer(db_path)
        server.listen()
    except AlreadyRunningError:
        raise  # a ServerError too, but no failure: start() hands over to that window
    except (ServerError, handoff.HandoffError, OSError) as e:
        print(f"Klantdossier: {e}", file=sys.stderr)
        return None, str(e)
    return server, None


def _hand_to_other(db_path: Path, call_number: str | None) -> int:
    """Hand the caller (or "come to the front") to the window that won the start."""
    message = {"cmd": "call", "number": call_number} if call_number else {"cmd": "raise"}
    try:
        handoff.send(db_path, message)
    except handoff.HandoffError as e:
        print(str(e), file=sys.stderr)
        return 1
    return 0


def _show_no_calls(window: MainWindow, reason: str) -> None:
    """Say in the status bar, for as long as it lasts, that calls cannot come in and why."""
    text = QCoreApplication.translate("App", "Gesprekken kunnen niet binnenkomen: %1")
    label = QLabel(text.replace("%1", reason))
    label.setObjectName("calls_unavailable")
    label.setStyleSheet("color: #a40000;")
    label.setToolTip(
        QCoreApplication.translate(
            "App",
            "`main.py call` en tel:-links bereiken dit venster niet. Zoeken en de kaart "
            "werken gewoon; los het op en start Klantdossier opnieuw.",
        )
    )
    window.statusBar().addPermanentWidget(label)


def _wizard_on_first_use(window: MainWindow) -> None:
    """Install the import wizard when the user first imports, scans or drops files: it
    loads OCR (numpy, OpenCV, PDF and image libraries: ~100 MB and 0.4 s) that a window
    used for looking clients up never needs. The first trigger is passed on to it."""
    connections: list = []

    def install_then(again):
        def first_use(*args) -> None:
            for signal, slot in connections:
                signal.disconnect(slot)
            connections.clear()
            import_wizard.install(window)
            again(*args)  # now the wizard's own slots receive it

        return first_use

    import_action, scan_action = window.import_action, window.scan_action
    for signal, again in (
        (import_action.triggered, lambda *_: import_action.trigger()),
        (scan_action.triggered, lambda *_: scan_action.trigger()),
        (window.files_dropped, window.files_dropped.emit),
    ):
        slot = install_then(again)
        signal.connect(slot)
        connections.append((signal, slot))
