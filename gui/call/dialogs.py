"""Small dialogs of the call banner: pick an existing client, call monitor settings."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .fritzbox import MonitorSettings


class PickClientDialog(QDialog):
    """Search-as-you-type for the client that gets the caller's number."""

    def __init__(self, data, number_display: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.setWindowTitle(self.tr("Nummer toevoegen aan bestaande klant"))
        self.search = QLineEdit()
        self.search.setObjectName("pick_search")
        self.search.setPlaceholderText(self.tr("Zoek de klant op naam, plaats, postcode…"))
        self.results = QListWidget()
        self.results.setObjectName("pick_results")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.results.itemActivated.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Welke klant heeft nummer %1?").replace("%1", number_display))
        label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.buttons)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self._search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.results.setFocus)
        self.resize(460, 380)

    def _search(self) -> None:
        query = self.search.text().strip()
        self.results.clear()
        if not query:
            return
        for hit in self.data.search(query, limit=30):
            details = " · ".join(v for v in (hit.company, hit.city) if v)
            item = QListWidgetItem(hit.name + (f" ({details})" if details else ""))
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def chosen_id(self) -> int | None:
        item = self.results.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


class MonitorSettingsDialog(QDialog):
    """On/off, host and port of the FRITZ!Box call monitor."""

    def __init__(self, current: MonitorSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gesprekkenmonitor (FRITZ!Box)"))
        self.enabled = QCheckBox(self.tr("Inkomende gesprekken van de FRITZ!Box tonen"))
        self.enabled.setChecked(current.enabled)
        self.host = QLineEdit(current.host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(current.port)
        self.lines = QLineEdit(", ".join(current.lines))
        self.lines.setObjectName("lines")
        self.lines.setPlaceholderText(self.tr("leeg: alle gesprekken"))
        self.lines.setToolTip(
            self.tr(
                "Werken meerdere bureaus met dezelfde FRITZ!Box, vul dan hier het eigen "
                "nummer of de lijn (bv. SIP0) van dit bureau in: alleen die gesprekken "
                "komen hier op het scherm. Meerdere scheiden met een komma."
            )
        )
        hint = QLabel(
            self.tr(
                "Zet de monitor eenmalig aan op de FRITZ!Box door op een aangesloten "
                "telefoon #96*5* te kiezen. Klantdossier maakt dan verbinding met dit adres "
                "en luistert zelf niet op het netwerk."
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.enabled)
        form.addRow(self.tr("Adres van de FRITZ!Box"), self.host)
        form.addRow(self.tr("Poort"), self.port)
        form.addRow(self.tr("Alleen deze nummers/lijnen"), self.lines)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def value(self) -> MonitorSettings:
        host = self.host.text().strip() or MonitorSettings().host
        lines = tuple(p.strip() for p in self.lines.text().split(",") if p.strip())
        return MonitorSettings(self.enabled.isChecked(), host, self.port.value(), lines)
