"""Starting the window: QApplication, language, the client file."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from storage import ClientFile, KlantdossierError

from .data import ClientData
from .main_window import MainWindow


def run(db_path: Path, ui_language: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Klantdossier")
    app.setOrganizationName("Klantdossier")
    del ui_language  # translations arrive with the customer view work
    try:
        ClientFile.open(db_path).close()  # create or migrate before any thread opens it
    except KlantdossierError as e:
        QMessageBox.critical(None, "Klantdossier", str(e))
        return int(e.exit_code)
    data = ClientData(db_path)
    window = MainWindow(data)
    window.show()
    code = app.exec()
    data.close()
    return code
