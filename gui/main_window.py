"""The main window: search field, result list and the card of the selected client."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from storage import SearchHit

from .data import ClientData
from .workers import submit

SEARCH_DEBOUNCE_MS = 120


class MainWindow(QMainWindow):
    def __init__(self, data: ClientData) -> None:
        super().__init__()
        self.data = data
        self._search_seq = 0
        self.setWindowTitle(self.tr("Klantdossier"))
        self.resize(1100, 700)

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(
            self.tr("Zoek op naam, bedrijf, plaats, postcode, telefoon of tekst op papier…")
        )
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setObjectName("search")
        self.results = QListWidget()
        self.results.setObjectName("results")
        self.card = QTextBrowser()
        self.card.setObjectName("card")
        self.card.setOpenExternalLinks(True)

        self.empty_state = QLabel(
            self.tr(
                "<h2>Nog geen klanten</h2>"
                "<p>Lees uw papieren klantmappen in om te beginnen:</p>"
                "<ul><li>Scan de mappen en kies <b>Bestand → Importeren</b>, of</li>"
                "<li>typ in een terminal: <code>python main.py import MAP</code></li>"
                "<li>of scan direct met <code>python main.py scan</code>.</li></ul>"
                "<p>Elke map wordt één klant. Daarna vindt u hier iedere klant terug "
                "terwijl u typt.</p>"
            )
        )
        self.empty_state.setObjectName("empty_state")
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_field)
        left_layout.addWidget(self.results)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.card)
        self.splitter.setSizes([420, 680])

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.splitter)
        # The caller banner (and other notices) go above everything else.
        central = QWidget()
        self.banner_slot = QVBoxLayout()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(6, 6, 6, 6)
        central_layout.addLayout(self.banner_slot)
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_search)
        self.search_field.textChanged.connect(lambda _text: self._debounce.start())
        self.search_field.returnPressed.connect(self._open_current)
        self.results.currentItemChanged.connect(lambda item, _prev: self._show_item(item))
        self.results.itemActivated.connect(self._show_item)
        for keys in ("Ctrl+F", "Ctrl+L", "Esc"):
            QShortcut(QKeySequence(keys), self, activated=self.focus_search)

        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.focus_search()

    # -- state ------------------------------------------------------------------------------

    def refresh(self) -> None:
        count = self.data.count()
        self.stack.setCurrentWidget(self.splitter if count else self.empty_state)
        self.statusBar().showMessage(
            self.tr("%1 — %n klant(en)", "", count).replace("%1", Path(self.data.path).name)
        )
        self._run_search()
        self.focus_search()

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    # -- search -----------------------------------------------------------------------------

    def _run_search(self) -> None:
        self._search_seq += 1
        seq = self._search_seq
        query = self.search_field.text().strip()
        fn = self.data.search if query else self.data.recent
        args = (query,) if query else ()
        submit(
            fn,
            *args,
            on_result=lambda hits: self._show_hits(seq, hits),
            on_error=lambda e: self._search_failed(seq, e),
        )

    def _show_hits(self, seq: int, hits: list[SearchHit]) -> None:
        if seq != self._search_seq:
            return  # an answer to an older query: the user has typed on
        self.results.clear()
        for hit in hits:
            details = " · ".join(v for v in (hit.company, hit.city, *hit.phones[:1]) if v)
            text = hit.name + (f"\n{details}" if details else "")
            if hit.snippet:
                text += f"\n{hit.snippet}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        else:
            self.card.setHtml(self.tr("<p>Geen klanten gevonden.</p>"))

    def _search_failed(self, seq: int, error: Exception) -> None:
        if seq == self._search_seq:
            self.statusBar().showMessage(self.tr("Zoeken mislukt: %1").replace("%1", str(error)))

    def _open_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._show_item(item)
            self.results.setFocus()

    def _show_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.open_client(int(item.data(Qt.ItemDataRole.UserRole)))

    def open_client(self, client_id: int) -> None:
        """Show one client's card (used by the result list, the caller banner, the wizard)."""
        self.stack.setCurrentWidget(self.splitter)
        self.card.setHtml(render_card(self.data.client(client_id)))


def render_card(client: dict) -> str:
    """A plain card: the client's fields and documents as HTML."""
    e = html.escape
    rows = []
    for label, key in (("Bedrijf", "company"), ("IBAN", "iban"), ("KvK", "kvk"), ("BTW", "btw")):
        if client.get(key):
            rows.append((label, e(client[key])))
    for phone in client["phones"]:
        rows.append(("Telefoon", f'<a href="tel:{e(phone)}">{e(phone)}</a>'))
    for email in client["emails"]:
        rows.append(("E-mail", f'<a href="mailto:{e(email)}">{e(email)}</a>'))
    for a in client["addresses"]:
        street = " ".join(v for v in (a["street"], a["house_number"]) if v)
        town = " ".join(v for v in (a["postcode"], a["city"]) if v)
        rows.append(("Adres", e(", ".join(v for v in (street, town) if v))))
    table = "".join(f"<tr><td><b>{label}</b></td><td>{value}</td></tr>" for label, value in rows)
    docs = "".join(f"<li>{e(d['name'])} ({d['pages']} p.)</li>" for d in client["documents"])
    return f"<h2>{e(client['name'])}</h2><table cellpadding='3'>{table}</table>" + (
        f"<h3>Documenten</h3><ul>{docs}</ul>" if docs else ""
    )
