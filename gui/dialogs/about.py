"""About Klantdossier: version, Tesseract version (asked off the GUI thread), data folder."""

from __future__ import annotations

import html
from importlib import metadata

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from ..icons import icon
from ..workers import submit


def app_version() -> str:
    try:
        return metadata.version("klantdossier")
    except metadata.PackageNotFoundError:
        return "0.1.0"


class AboutDialog(QDialog):
    def __init__(self, db_path, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Over Klantdossier"))
        self.setWindowIcon(icon("klantdossier"))
        logo = QLabel()
        logo.setPixmap(icon("klantdossier").pixmap(64, 64))
        text = QLabel(
            self.tr(
                "<h2>Klantdossier %1</h2><p>Papieren klantmappen inlezen, doorzoeken en de "
                "beller direct op het scherm.</p><p>Alle gegevens blijven op deze computer.</p>"
            ).replace("%1", html.escape(app_version()))
        )
        text.setWordWrap(True)
        self.tesseract = QLabel(self.tr("Tesseract: wordt opgevraagd…"))
        self.tesseract.setObjectName("tesseract_version")
        self.tesseract.setWordWrap(True)
        where = QLabel(self.tr("Klantbestand: %1").replace("%1", html.escape(str(db_path))))
        where.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (logo, text, self.tesseract, where, buttons):
            layout.addWidget(w)
        from ocr import check_tesseract  # on first use: keeps ocr/ out of the start-up

        # check_tesseract runs the program: never on the GUI thread
        submit(
            check_tesseract,
            on_result=lambda v: self.tesseract.setText(
                self.tr("Tesseract: versie %1").replace("%1", str(v))
            ),
            on_error=lambda e: self.tesseract.setText(
                self.tr("Tesseract: niet beschikbaar — %1").replace("%1", str(e).splitlines()[0])
            ),
            pool_name="read",
        )
