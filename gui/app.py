"""Starting the window: QApplication, language, one window per client file, the caller pop."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from storage import ClientFile, KlantdossierError

from . import backup_setting, call, i18n, import_wizard, settings
from .call import handoff
from .call.server import AlreadyRunningError, InstanceServer, ServerError
from .data import ClientData
from .main_window import MainWindow


def run(db_path: Path, ui_language: str | None = None, call_number: str | None = None) -> int:
    """Open the window on db_path (straight into the caller when call_number is given).

    When a window of this client file is open already, it is asked to come to the front
    (and to show the caller) and this process ends."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Klantdossier")
    app.setOrganizationName("Klantdossier")
    i18n.install_translator(app, ui_language)
    try:
        ClientFile.open(db_path).close()  # create or migrate before any thread opens it
    except KlantdossierError as e:
        QMessageBox.critical(None, "Klantdossier", str(e))
        return int(e.exit_code)

    server = InstanceServer(db_path)
    try:
        server.listen()
    except AlreadyRunningError:
        # Two starts at the same moment: the other one won, hand over to it.
        message = {"cmd": "call", "number": call_number} if call_number else {"cmd": "raise"}
        try:
            handoff.send(db_path, message)
        except handoff.HandoffError as e:
            print(str(e), file=sys.stderr)
            return 1
        return 0
    except (ServerError, handoff.HandoffError) as e:
        # The window still works; only `main.py call` cannot reach it.
        print(f"Klantdossier: {e}", file=sys.stderr)
        server = None

    data = ClientData(db_path)
    window = MainWindow(data)
    user_settings = settings.settings()
    window.restore_settings()
    import_wizard.install(window)
    calls = call.install(window, data, user_settings)
    if server is not None:
        server.message.connect(calls.handle_message)
    calls.apply_monitor_settings()
    window.show()
    backup_setting.install(window)
    if call_number:
        QTimer.singleShot(0, lambda: calls.show_call(call_number))
    # After the first paint: load the number geocoder so the first ring does not wait for it.
    QTimer.singleShot(200, calls.warm_up)
    code = app.exec()
    window.save_settings()
    if server is not None:
        server.close()
    data.close()
    return code
