"""The daily backup setting: a folder (off when empty) and how many copies to keep.
When set, the window makes today's copy in the background once it has started."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from . import settings
from .workers import submit

FOLDER_KEY = "backup/daily_folder"
KEEP_KEY = "backup/keep"
DEFAULT_KEEP = 7


def install(window) -> None:
    """Connect the Bestand-menu action and start today's backup shortly after start-up."""
    window.backup_action.triggered.connect(lambda: choose(window))
    QTimer.singleShot(3000, lambda: run_today(window))


def configured() -> tuple[Path | None, int]:
    folder = str(settings.value(FOLDER_KEY, "") or "")
    keep = int(settings.value(KEEP_KEY, DEFAULT_KEEP) or DEFAULT_KEEP)
    return (Path(folder) if folder else None), max(1, keep)


def run_today(window) -> None:
    folder, keep = configured()
    if folder is None:
        return

    def done(made: Path | None) -> None:
        if made is not None:
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "BackupSetting", "Reservekopie van vandaag gemaakt: %1"
                ).replace("%1", str(made)),
                8000,
            )

    def failed(error: Exception) -> None:
        QMessageBox.warning(
            window,
            QCoreApplication.translate("BackupSetting", "Reservekopie"),
            QCoreApplication.translate(
                "BackupSetting", "De dagelijkse reservekopie is niet gelukt:\n%1"
            ).replace("%1", str(error)),
        )

    submit(
        window.data.daily_backup,
        folder,
        keep,
        on_result=done,
        on_error=failed,
        pool_name="background",
    )


def choose(window) -> None:
    folder, keep = configured()
    box = QMessageBox(window)
    box.setWindowTitle(QCoreApplication.translate("BackupSetting", "Dagelijkse reservekopie"))
    box.setText(
        QCoreApplication.translate(
            "BackupSetting",
            "Elke dag bij het starten een kopie van het klantbestand en de scans in:\n%1\n"
            "De nieuwste %2 kopieën blijven bewaard.",
        )
        .replace("%1", str(folder))
        .replace("%2", str(keep))
        if folder
        else QCoreApplication.translate("BackupSetting", "De dagelijkse reservekopie staat uit.")
    )
    pick = box.addButton(
        QCoreApplication.translate("BackupSetting", "Map kiezen…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    off = box.addButton(
        QCoreApplication.translate("BackupSetting", "Uitzetten"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    off.setEnabled(folder is not None)
    box.exec()
    if box.clickedButton() is off:
        settings.set_value(FOLDER_KEY, "")
    elif box.clickedButton() is pick:
        chosen = QFileDialog.getExistingDirectory(
            window,
            QCoreApplication.translate("BackupSetting", "Map voor de reservekopieën"),
            str(folder or Path.home()),
        )
        if not chosen:
            return
        count, ok = QInputDialog.getInt(
            window,
            QCoreApplication.translate("BackupSetting", "Dagelijkse reservekopie"),
            QCoreApplication.translate("BackupSetting", "Hoeveel kopieën bewaren?"),
            keep,
            1,
            365,
        )
        settings.set_value(FOLDER_KEY, chosen)
        settings.set_value(KEEP_KEY, count if ok else keep)
        run_today(window)
