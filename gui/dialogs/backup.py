"""Bestand → Reservekopie maken / Reservekopie terugzetten, in the background.

A restore checks the backup first and says what it holds, keeps the current client file
beside the restored one (never overwritten), and the window reopens the file after."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QWidget

from .. import formatting
from ..data import ClientData
from ..workers import submit
from .export import documents_folder
from .job import JobDialog, save_path

BACKUP_FILTER = "*.sqlite"


class BackupDialog(JobDialog):
    """A copy of the client file and its scans, now (also while others write to it)."""

    # storage's backup takes no progress or cancel: a Cancel that only said "wordt
    # afgebroken" while the copy went on would mislead, so there is none
    can_cancel = False

    def __init__(self, data: ClientData, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reservekopie maken"), self.tr("Maken"), parent)
        self.setObjectName("backup_dialog")
        self.data = data
        self.intro.setText(
            self.tr(
                "Een volledige kopie van het klantbestand en de gescande originelen "
                "(in een map ernaast). Bewaar hem op een andere schijf, zoals een USB-stick."
            )
        )
        self.intro.show()
        name = self.tr("klantdossier-reservekopie") + f"-{date.today().isoformat()}.sqlite"
        self.path = QLineEdit(str(documents_folder() / name))
        self.path.setObjectName("backup_path")
        self.form.addRow(self.tr("Naar"), self.path_row(self.path, self._choose))

    def _choose(self) -> None:
        chosen = save_path(self, self.tr("Reservekopie opslaan als"), Path(self.path.text()),
                           BACKUP_FILTER)  # fmt: skip
        if chosen is not None:
            self.path.setText(str(chosen if chosen.suffix else chosen.with_suffix(".sqlite")))

    def prepare(self) -> Callable[..., Path]:
        text = self.path.text().strip()
        dest = Path(text).expanduser()
        if not text or dest.is_dir():
            raise ValueError(self.tr("Geef een bestandsnaam voor de reservekopie."))
        if not dest.parent.is_dir():
            raise ValueError(self.tr("De map %1 bestaat niet.").replace("%1", str(dest.parent)))
        if dest.exists():
            raise ValueError(
                self.tr("%1 bestaat al; kies een andere naam.").replace("%1", dest.name)
            )
        self.show_folder_when_done(dest.parent)
        return lambda progress: self.data.backup(dest)

    def started(self) -> None:
        self.path.setReadOnly(True)
        self._say(
            self.tr(
                "Reservekopie maken… Dit kan niet worden afgebroken; u kunt intussen "
                "gewoon verder werken."
            )
        )

    def done_text(self, result: Path) -> str:
        return (
            self.tr("Reservekopie gemaakt: %1 (met de scans in %2).")
            .replace("%1", str(result))
            .replace("%2", result.name + ".originals")
        )


class RestoreDialog(JobDialog):
    """Choose a backup; it is checked and described before anything is replaced."""

    can_cancel = False  # a half-restored file is worse than waiting a moment

    def __init__(self, data: ClientData, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reservekopie terugzetten"), self.tr("Terugzetten"), parent)
        self.setObjectName("restore_dialog")
        # the file is replaced: nothing else in the window may use it meanwhile
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.data = data
        self._checked: Path | None = None
        self.intro.setText(
            self.tr(
                "Het klantbestand wordt vervangen door de gekozen reservekopie. Het huidige "
                "bestand wordt <b>niet</b> gewist: het blijft naast het klantbestand bewaard "
                "als <i>%1.voor-terugzetten-&lt;datum&gt;</i>."
            ).replace("%1", html.escape(data.path.name))
        )
        self.intro.show()
        self.path = QLineEdit()
        self.path.setObjectName("restore_path")
        self.path.setPlaceholderText(self.tr("Kies een reservekopie (.sqlite)…"))
        self.path.editingFinished.connect(self.check)
        self.info = QLabel()
        self.info.setObjectName("restore_info")
        self.info.setWordWrap(True)
        self.form.addRow(self.tr("Reservekopie"), self.path_row(self.path, self._choose))
        self.form.addRow("", self.info)
        self.start_button.setEnabled(False)

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Reservekopie kiezen"), str(documents_folder()), BACKUP_FILTER
        )
        if chosen:
            self.path.setText(chosen)
            self.check()

    def check(self) -> None:
        """Read the chosen backup off the GUI thread and say what it holds."""
        text = self.path.text().strip()
        if not text or self.running:
            return
        backup = Path(text).expanduser()
        self._checked = None
        self.start_button.setEnabled(False)
        self.info.setText(self.tr("Reservekopie controleren…"))
        submit(
            self.data.backup_info,
            backup,
            on_result=lambda count: self._described(backup, count),
            on_error=lambda e: self._refused(backup, e),
        )

    def _described(self, backup: Path, count: int | None) -> None:
        if Path(self.path.text().strip()).expanduser() != backup:
            return  # another file was chosen meanwhile
        when = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%d-%m-%Y %H:%M")
        if count is None:
            text = self.tr(
                "Goede reservekopie van %1, uit een oudere versie van Klantdossier; "
                "hij wordt bij het terugzetten bijgewerkt."
            ).replace("%1", when)
        else:
            text = (
                self.tr("Goede reservekopie van %1 met %2 klanten.")
                .replace("%1", when)
                .replace("%2", formatting.number(count))
            )
        self.info.setText("✓ " + text)
        self.info.setStyleSheet("color: #2e7d32;")
        self._checked = backup
        self.start_button.setEnabled(True)

    def _refused(self, backup: Path, error: Exception) -> None:
        if Path(self.path.text().strip()).expanduser() != backup:
            return
        self.info.setText(
            self.tr("Deze reservekopie kan niet worden teruggezet: %1").replace("%1", str(error))
        )
        self.info.setStyleSheet(formatting.message_style(True))

    def prepare(self) -> Callable[..., Path]:
        backup = self._checked
        if backup is None or Path(self.path.text().strip()).expanduser() != backup:
            raise ValueError(self.tr("Kies eerst een reservekopie; hij wordt dan gecontroleerd."))
        return lambda progress: self.data.restore(backup)

    def started(self) -> None:
        self.path.setReadOnly(True)
        self._say(self.tr("Terugzetten… het venster is zo weer te gebruiken."))

    def done_text(self, result: Path | None) -> str:
        if result is None:
            return self.tr("Teruggezet.")
        return self.tr("Teruggezet. Het vorige klantbestand staat ernaast als %1.").replace(
            "%1", result.name
        )
