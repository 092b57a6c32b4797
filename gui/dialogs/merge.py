"""Merging two cards of the same client: pick the other card, then per field which value
stays. Phones, e-mails, addresses, documents, notes and calls of both are kept."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from storage.models import CLIENT_FIELDS, Client

from ..data import ClientData
from ..workers import submit

FIELDS = CLIENT_FIELDS


class MergeDialog(QDialog):
    """After accept: other_id and choices() for ClientData.merge."""

    def __init__(self, data: ClientData, keep: Client, parent=None) -> None:
        super().__init__(parent)
        self.data, self.keep = data, keep
        self.other: Client | None = None
        self.other_id: int | None = None
        self.groups: dict[str, QButtonGroup] = {}
        self.setWindowTitle(self.tr("Klanten samenvoegen"))
        self.resize(640, 520)
        intro = QLabel(
            self.tr(
                "Voeg een andere kaart samen met <b>%1</b>. Kies daarna per veld welke "
                "waarde blijft; telefoonnummers, e-mails, adressen, documenten, notities "
                "en gesprekken van beide blijven bewaard."
            ).replace("%1", html.escape(keep.name))
        )
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("merge_search")
        self.search.setPlaceholderText(self.tr("Zoek de andere kaart…"))
        self.candidates = QListWidget()
        self.candidates.setMaximumHeight(140)
        self.choice_area = QWidget()
        self.grid = QGridLayout(self.choice_area)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Samenvoegen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (intro, self.search, self.candidates, self.choice_area):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._search)
        self.candidates.currentItemChanged.connect(self._pick)

    def _search(self, text: str) -> None:
        submit(
            self.data.search,
            text,
            20,
            on_result=self._show,
            on_error=lambda e: None,
            pool_name="read",
        )

    def _show(self, hits) -> None:
        self.candidates.clear()
        for hit in hits:
            if hit.id == self.keep.id:
                continue
            item = QListWidgetItem(" · ".join(v for v in (hit.name, hit.company, hit.city) if v))
            item.setData(256, hit.id)
            self.candidates.addItem(item)

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.select_other(self.data.client(int(item.data(256))))

    def select_other(self, other: Client) -> None:
        self.other, self.other_id = other, other.id
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w:
                w.deleteLater()
        self.groups.clear()
        self.grid.addWidget(QLabel(self.tr("<b>Veld</b>")), 0, 0)
        self.grid.addWidget(QLabel(f"<b>{html.escape(self.keep.name)}</b>"), 0, 1)
        self.grid.addWidget(QLabel(f"<b>{html.escape(other.name)}</b>"), 0, 2)
        row = 1
        for field in FIELDS:
            mine, theirs = getattr(self.keep, field), getattr(other, field)
            if mine == theirs or not theirs:
                continue
            group = QButtonGroup(self)
            a, b = QRadioButton(mine or self.tr("(leeg)")), QRadioButton(theirs)
            (a if mine else b).setChecked(True)
            group.addButton(a, 0)
            group.addButton(b, 1)
            self.groups[field] = group
            self.grid.addWidget(QLabel(self._label(field)), row, 0)
            self.grid.addWidget(a, row, 1)
            self.grid.addWidget(b, row, 2)
            row += 1
        if row == 1:
            self.grid.addWidget(QLabel(self.tr("Geen verschillen in de velden.")), 1, 0, 1, 3)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def _label(self, field: str) -> str:
        labels = {
            "name": self.tr("Naam"),
            "first_name": self.tr("Voornaam"),
            "tussenvoegsel": self.tr("Tussenvoegsel"),
            "last_name": self.tr("Achternaam"),
            "company": self.tr("Bedrijfsnaam"),
            "legal_form": self.tr("Rechtsvorm"),
            "kvk": self.tr("KvK-nummer"),
            "btw": self.tr("Btw-nummer"),
            "iban": self.tr("IBAN"),
            "bic": self.tr("BIC"),
            "client_since": self.tr("Klant sinds"),
        }
        return labels.get(field, field)

    def choices(self) -> dict[str, str]:
        """{field: 'keep' or 'other'} for every field where the two cards differ
        (ClientFile.merge_clients' choices)."""
        if self.other is None:
            return {}
        return {
            field: "keep" if group.checkedId() == 0 else "other"
            for field, group in self.groups.items()
        }
