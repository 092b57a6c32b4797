"""Bestand → Exporteren: every client, the search results or one client as CSV (Excel),
vCard (phone, address book) or JSON; and everything held on one person (AVG)."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from storage import Client

from .. import formatting
from ..data import ClientData
from .job import JobDialog, save_path

# format -> (suffix, label); the labels say what each is for, not only its name
FORMATS = ("csv", "vcard", "json")
SUFFIX = {"csv": ".csv", "vcard": ".vcf", "json": ".json"}


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class ExportDialog(JobDialog):
    """scopes: (label, client ids or None for every client); the first is chosen."""

    def __init__(
        self,
        data: ClientData,
        scopes: list[tuple[str, list[int] | None]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Exporteren"), self.tr("Exporteren"), parent)
        self.setObjectName("export_dialog")
        self.data = data
        self.scopes = scopes
        labels = {
            "csv": self.tr("CSV voor Excel (.csv)"),
            "vcard": self.tr("vCard voor telefoon of adresboek (.vcf)"),
            "json": self.tr("JSON, alles per klant (.json)"),
        }
        self.format_buttons: dict[str, QRadioButton] = {}
        formats = QWidget()
        formats_layout = QVBoxLayout(formats)
        formats_layout.setContentsMargins(0, 0, 0, 0)
        self._format_group = QButtonGroup(self)
        for name in FORMATS:
            button = QRadioButton(labels[name])
            button.setObjectName(f"format_{name}")
            button.toggled.connect(lambda on, n=name: on and self._format_changed(n))
            self._format_group.addButton(button)
            formats_layout.addWidget(button)
            self.format_buttons[name] = button
        self.scope_buttons: list[QRadioButton] = []
        scope_box = QWidget()
        scope_layout = QVBoxLayout(scope_box)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        self._scope_group = QButtonGroup(self)
        for index, (label, _ids) in enumerate(scopes):
            button = QRadioButton(label)
            button.setObjectName(f"scope_{index}")
            self._scope_group.addButton(button)
            scope_layout.addWidget(button)
            self.scope_buttons.append(button)
        self.scope_buttons[0].setChecked(True)
        self.path = QLineEdit()
        self.path.setObjectName("export_path")
        self.form.addRow(self.tr("Wat"), scope_box)
        self.form.addRow(self.tr("Als"), formats)
        self.form.addRow(self.tr("Naar"), self.path_row(self.path, self._choose))
        self.format_buttons["csv"].setChecked(True)

    def format(self) -> str:
        return next(name for name, b in self.format_buttons.items() if b.isChecked())

    def client_ids(self) -> list[int] | None:
        index = next(i for i, b in enumerate(self.scope_buttons) if b.isChecked())
        return self.scopes[index][1]

    def _format_changed(self, name: str) -> None:
        current = self.path.text().strip()
        if not current:
            name_part = self.tr("klanten") + f"-{date.today().isoformat()}"
            self.path.setText(str(documents_folder() / (name_part + SUFFIX[name])))
        else:  # keep the folder and name the user chose, with the suffix of the format
            path = Path(current)
            self.path.setText(str(path.with_suffix(SUFFIX[name])))

    def _choose(self) -> None:
        suffix = SUFFIX[self.format()]
        chosen = save_path(self, self.tr("Exporteren naar"), Path(self.path.text()), f"*{suffix}")
        if chosen is not None:
            self.path.setText(str(chosen if chosen.suffix else chosen.with_suffix(suffix)))

    def prepare(self) -> Callable[..., Path]:
        text = self.path.text().strip()
        if not text:
            raise ValueError(self.tr("Kies waar het bestand moet komen."))
        out = Path(text).expanduser()
        if out.is_dir():
            raise ValueError(self.tr("%1 is een map; geef een bestandsnaam.").replace("%1", text))
        if not out.parent.is_dir():
            raise ValueError(self.tr("De map %1 bestaat niet.").replace("%1", str(out.parent)))
        format, ids = self.format(), self.client_ids()
        self.show_folder_when_done(out.parent)
        return lambda progress: self.data.export(format, out, ids, progress)

    def started(self) -> None:
        for button in [*self.format_buttons.values(), *self.scope_buttons]:
            button.setEnabled(False)
        self.path.setReadOnly(True)

    def done_text(self, result: Path) -> str:
        total = self.total
        if total:
            return (
                self.tr("Klaar: %1 klanten geëxporteerd naar %2.")
                .replace("%1", formatting.number(total))
                .replace("%2", str(result))
            )
        return self.tr("Klaar: geëxporteerd naar %1.").replace("%1", str(result))


class ClientExportDialog(JobDialog):
    """Alles van deze klant exporteren (AVG): klant.json and the original scans, into a
    folder klant-<id> in the folder the user picks."""

    def __init__(self, data: ClientData, client: Client, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Alles van deze klant exporteren (AVG)"), self.tr("Exporteren"), parent
        )
        self.setObjectName("client_export_dialog")
        self.data, self.client = data, client
        self.intro.setText(
            self.tr(
                "Voor een inzageverzoek (AVG): alles wat over <b>%1</b> is bewaard — de "
                "kaart, de gelezen gegevens met hun herkomst, de tekst van elke pagina, "
                "notities, gesprekken en de originele scans — in een eigen map."
            ).replace("%1", html.escape(client.name or ""))
        )
        self.intro.show()
        self.folder = QLineEdit(str(documents_folder()))
        self.folder.setObjectName("export_folder")
        self.form.addRow(self.tr("In de map"), self.path_row(self.folder, self._choose))

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Map kiezen"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def prepare(self) -> Callable[..., Path]:
        folder = Path(self.folder.text().strip()).expanduser()
        if not self.folder.text().strip() or not folder.is_dir():
            raise ValueError(self.tr("Kies een bestaande map."))
        client_id = self.client.id
        self.show_folder_when_done(folder / f"klant-{client_id}")
        return lambda progress: self.data.export_client(client_id, folder, progress)

    def started(self) -> None:
        self.folder.setReadOnly(True)

    def done_text(self, result: Path) -> str:
        return (
            self.tr("Klaar: alles van %1 staat in %2.")
            .replace("%1", self.client.name)
            .replace("%2", str(result))
        )
