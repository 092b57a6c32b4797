"""The review page's choice of client: the one the import proposed, another candidate, a
new client, or one found by typing; with the reason the import gave."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from importing.matching import ASK, EXISTING
from importing.proposals import Proposal
from storage import Client

from ..data import ClientData
from ..workers import submit


class ClientChoice(QWidget):
    """The combo of clients (item data: the client id, None for a new client), the search
    for another one and the reason line. Says which entry the person chose; what that
    means for the proposal is the review page's."""

    chosen = Signal(int)  # the index in `decision`
    failed = Signal(str)  # a search that went wrong

    def __init__(self, data: ClientData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self._search_seq = 0
        self.decision = QComboBox()
        self.decision.setObjectName("decision")
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.client_search = QLineEdit()
        self.client_search.setObjectName("client_search")
        self.client_search.setPlaceholderText(self.tr("Andere bestaande klant zoeken…"))
        self.search_results = QListWidget()
        self.search_results.setObjectName("client_results")
        self.search_results.setMaximumHeight(90)
        self.search_results.setVisible(False)
        decision_row = QHBoxLayout()
        decision_row.addWidget(QLabel(self.tr("Bij klant:")))
        decision_row.addWidget(self.decision, 1)
        decision_row.addWidget(self.client_search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(decision_row)
        layout.addWidget(self.search_results)
        layout.addWidget(self.reason)

        self.decision.activated.connect(self.chosen)
        self.client_search.textEdited.connect(self._search_clients)
        self.client_search.returnPressed.connect(self._pick_first_result)
        self.search_results.itemActivated.connect(self._pick_result)
        self.search_results.itemClicked.connect(self._pick_result)

    def show_proposal(self, proposal: Proposal) -> None:
        """The proposed client chosen, the other candidates and "new client" to pick."""
        decision = proposal.decision
        self.decision.clear()
        self.decision.addItem(self.tr("Nieuwe klant"), None)
        ids = [c for c in [decision.client_id, *decision.candidates] if c is not None]
        for client_id in dict.fromkeys(ids):
            self.decision.addItem(self.tr("Bestaande klant nr. %1").replace("%1", str(client_id)))
            self.decision.setItemData(self.decision.count() - 1, client_id)
            submit(
                self.data.client,
                client_id,
                on_result=lambda client, cid=client_id: self._name_item(cid, client),
                on_error=lambda _e: None,
            )
        if decision.kind == EXISTING and decision.client_id is not None:
            self.decision.setCurrentIndex(self.decision.findData(decision.client_id))
        else:
            self.decision.setCurrentIndex(0)
        reason = decision.reason or ""
        if proposal.joins is not None:
            reason = (
                self.tr("Dezelfde klant als %1: ").replace("%1", proposal.joins.unit.label) + reason
            )
        elif decision.kind == ASK:
            reason = self.tr("Niet zeker: kies de klant. ") + reason
        self.reason.setText(reason)

    def _name_item(self, client_id: int, client: Client) -> None:
        index = self.decision.findData(client_id)
        if index >= 0:
            city = next((a.city for a in client.addresses if a.city), "")
            extra = f", {city}" if city else ""
            self.decision.setItemText(index, f"{client.name}{extra} (nr. {client_id})")

    def _search_clients(self, text: str) -> None:
        text = text.strip()
        if len(text) < 2:
            self.search_results.setVisible(False)
            return
        self._search_seq += 1
        seq = self._search_seq
        submit(
            self.data.search,
            text,
            15,
            on_result=lambda hits: self._show_results(seq, hits),
            on_error=lambda e: self.failed.emit(str(e)),
        )

    def _show_results(self, seq: int, hits: list) -> None:
        if seq != self._search_seq:
            return
        self.search_results.clear()
        for hit in hits:
            extra = ", ".join(v for v in (hit.company, hit.city) if v)
            item = QListWidgetItem(f"{hit.name}" + (f" ({extra})" if extra else ""))
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.search_results.addItem(item)
        self.search_results.setVisible(bool(hits))

    def _pick_first_result(self) -> None:
        if self.search_results.count():
            self._pick_result(self.search_results.item(0))

    def _pick_result(self, item: QListWidgetItem) -> None:
        client_id = int(item.data(Qt.ItemDataRole.UserRole))
        index = self.decision.findData(client_id)
        if index < 0:
            self.decision.addItem(item.text(), client_id)
            index = self.decision.count() - 1
        self.decision.setCurrentIndex(index)
        self.chosen.emit(index)
        self.search_results.setVisible(False)
        self.client_search.clear()
