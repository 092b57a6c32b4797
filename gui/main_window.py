"""The main window: search field, result list and the card of the selected client."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from storage import DocumentInfo, KlantdossierError

from . import formatting, settings
from .call_log import CallLogView
from .call_log.pane import CallsPane
from .client_actions import ClientActions
from .client_card import ClientCard
from .data import ClientData
from .file_actions import FileActions
from .i18n import LANGUAGES
from .icons import icon
from .menus import MainMenus
from .search import ResultList
from .search.live import LiveSearch
from .workers import keep_gui_responsive

if TYPE_CHECKING:  # imported on first use: not needed before the first search answer
    from .dialogs.about import AboutDialog
    from .documents.viewer import PageViewer

WATCH_INTERVAL_MS = 3000  # how often the client file is checked for vanishing/read-only


class MainWindow(QMainWindow):
    files_dropped = Signal(list)  # paths of files/folders dropped on the window
    results_updated = Signal()  # the result list shows the answer to the latest query
    search_index_compacted = Signal()  # after an erase: no erased word left in the index

    def __init__(self, data: ClientData) -> None:
        super().__init__()
        keep_gui_responsive()
        self.data = data
        self._viewers: list[PageViewer] = []
        self.setWindowTitle(self.tr("Klantdossier"))
        self.setWindowIcon(icon("klantdossier"))
        self.setAcceptDrops(True)
        self.resize(1200, 740)

        self._build_search_field()
        self.results = ResultList()
        self.results.setObjectName("results")
        self.results_info = QLabel()
        self.results_info.setObjectName("results_info")
        self.card = ClientCard(data)
        self._build_card_stack()
        self._build_empty_state()
        self._build_splitter()
        self._build_central()

        self.files = FileActions(self)
        self.calls = CallsPane(self)
        self.clients = ClientActions(self)
        self.live_search = LiveSearch(self)
        self.menus = MainMenus(self)
        self._expose_menu_actions()
        # the remembered search first: set after the connection below, it ran the query
        # once for the text and once more in refresh(), both before the window's first answer
        self.restore_settings()
        self.live_search.connect_signals()
        self._connect_card()
        for keys in ("Ctrl+L", "Esc"):  # Ctrl+F is on the Bewerken menu
            QShortcut(QKeySequence(keys), self, activated=self.focus_search)
        self._watch = QTimer(self, interval=WATCH_INTERVAL_MS)
        self._watch.timeout.connect(self.check_file)
        self._watch.start()

        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _build_search_field(self) -> None:
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(
            self.tr("Naam, plaats, postcode, telefoon of tekst op papier…")
        )
        self.search_field.setToolTip(
            self.tr(
                "Zoek op naam, bedrijf, straat, plaats, postcode, telefoonnummer of een "
                "woord op de gescande papieren (Ctrl+F of Esc om hier te komen)"
            )
        )
        self.search_field.setClearButtonEnabled(True)
        self.search_field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.setObjectName("search")
        font = self.search_field.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.search_field.setFont(font)

    def _build_card_stack(self) -> None:
        self.card_placeholder = QLabel(
            self.tr(
                "<p style='color:#666'>Typ een naam, plaats, postcode of telefoonnummer "
                "en kies een klant met ↑ ↓ en Enter.</p>"
            )
        )
        self.card_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_placeholder.setWordWrap(True)
        # an unknown caller or an unknown number picked in Gesprekken: no client's card
        self.unknown_panel = QLabel()
        self.unknown_panel.setObjectName("unknown_panel")
        self.unknown_panel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unknown_panel.setWordWrap(True)
        self.card_stack = QStackedWidget()
        self.card_stack.addWidget(self.card_placeholder)
        self.card_stack.addWidget(self.card)
        self.card_stack.addWidget(self.unknown_panel)

    def _build_empty_state(self) -> None:
        self.empty_state = QLabel(
            self.tr(
                "<h2>Nog geen klanten</h2>"
                "<p>Lees uw papieren klantmappen in om te beginnen:</p>"
                "<ul><li>Scan de mappen en kies <b>Bestand → Importeren…</b> (Ctrl+I), of</li>"
                "<li>sleep mappen of scans naar dit venster, of</li>"
                "<li>maak een klant met <b>Klant → Nieuwe klant</b> (Ctrl+Shift+N).</li></ul>"
                "<p>Elke map wordt één klant. Daarna vindt u hier iedere klant terug "
                "terwijl u typt.</p>"
            )
        )
        self.empty_state.setObjectName("empty_state")
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)

    def _build_splitter(self) -> None:
        """Klanten and Gesprekken tabs on the left, the card on the right."""
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_field)
        left_layout.addWidget(self.results_info)
        left_layout.addWidget(self.results, 1)
        self.calls_view = CallLogView(self.data)
        self.left_tabs = QTabWidget()
        self.left_tabs.setObjectName("left_tabs")
        self.left_tabs.setDocumentMode(True)
        self.left_tabs.addTab(left, self.tr("Klanten"))
        self.left_tabs.addTab(self.calls_view, self.tr("Gesprekken"))
        self.left_tabs.setTabToolTip(0, self.tr("Zoeken en klanten (Ctrl+1)"))
        self.left_tabs.setTabToolTip(1, self.tr("Gesprekken van vandaag en eerder (Ctrl+2)"))
        self.splitter = QSplitter()
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.left_tabs)
        self.splitter.addWidget(self.card_stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 820])

    def _build_central(self) -> None:
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.splitter)
        self.file_warning = QLabel()
        self.file_warning.setObjectName("file_warning")
        self.file_warning.setWordWrap(True)
        self.file_warning.setStyleSheet("background: #fdecea; color: #b71c1c; padding: 6px;")
        self.file_warning.hide()
        # The caller banner (and other notices) go above everything else.
        central = QWidget()
        self.banner_slot = QVBoxLayout()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(6, 6, 6, 6)
        central_layout.addLayout(self.banner_slot)
        central_layout.addWidget(self.file_warning)
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.file_label = QLabel()
        self.file_label.setObjectName("file_label")
        self.statusBar().addPermanentWidget(self.file_label)

    def _connect_card(self) -> None:
        self.card.saved.connect(self._client_saved)
        self.card.status.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.card.page_requested.connect(self.open_page)
        self.card.export_requested.connect(self.files.export_client)
        self.card.calls_requested.connect(self.calls.show_client_calls)

    def _expose_menu_actions(self) -> None:
        """The menus' actions as window attributes: app.py, backup_setting, shared_file and
        the tests reach them through the window."""
        menus = self.menus
        self.import_action = menus.import_action
        self.scan_action = menus.scan_action
        self.export_action = menus.export_action
        self.backup_now_action = menus.backup_now_action
        self.restore_action = menus.restore_action
        self.backup_action = menus.backup_action
        self.own_business_action = menus.own_business_action
        self.undo_action = menus.undo_action
        self.redo_action = menus.redo_action
        self.new_client_action = menus.new_client_action
        self.note_action = menus.note_action
        self.merge_action = menus.merge_action
        self.undo_merge_action = menus.undo_merge_action
        self.archive_action = menus.archive_action
        self.forget_action = menus.forget_action
        self.accept_action = menus.accept_action
        self.export_client_action = menus.export_client_action
        self.language_actions = menus.language_actions

    def _update_client_actions(self) -> None:
        self.menus.update_client_actions(self.open_card_client())

    # -- the search (gui/search/live.py), as tests and helpers reach it ---------------------

    @property
    def _shown_query(self) -> str | None:
        return self.live_search.shown_query

    @property
    def _in_flight(self) -> bool:
        return self.live_search.in_flight

    @property
    def _preview(self) -> QTimer:
        return self.live_search.preview

    def _run_search(self) -> None:
        self.live_search.run()

    # -- window state -----------------------------------------------------------------------

    def restore_settings(self) -> None:
        """Window size, splitter and last search as the user left them (QSettings)."""
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        sizes = settings.value("window/splitter")
        if isinstance(sizes, QByteArray) and not sizes.isEmpty():
            self.splitter.restoreState(sizes)
        last = settings.value(self._last_search_key(), "")
        if last:
            self.search_field.setText(str(last))

    def _last_search_key(self) -> str:
        return settings.last_search_key(self.data.path)

    def save_settings(self) -> None:
        s = settings.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue(self._last_search_key(), self.search_field.text())
        s.sync()
        settings.protect(s)

    def closeEvent(self, event) -> None:
        self.save_settings()
        self._watch.stop()
        for viewer in self._viewers:
            viewer.close()
        super().closeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.focus_search()

    # -- drag and drop ----------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)

    # -- state ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recount the clients and run the search again (after an import or an edit)."""
        try:
            count = self.data.count()
        except KlantdossierError as e:
            self.check_file()
            self.statusBar().showMessage(str(e))
            return
        self.stack.setCurrentWidget(self.splitter if count else self.empty_state)
        self.file_label.setText(
            self.tr("%1 — %2 klanten")
            .replace("%1", Path(self.data.path).name)
            .replace("%2", formatting.number(count))
        )
        self.file_label.setToolTip(str(self.data.path))
        self._run_search()
        self.check_file()

    def check_file(self) -> None:
        """Say so at once when the client file vanished or became read-only."""
        problem = self.data.problem()
        self.file_warning.setVisible(problem is not None)
        if problem:
            self.file_warning.setText(problem)
        self.card.set_read_only(problem is not None)

    def focus_search(self) -> None:
        self.left_tabs.setCurrentIndex(0)
        self.search_field.setFocus()
        self.search_field.selectAll()

    def focus_note(self) -> None:
        if self.card.client is not None:
            self.card.focus_note()

    # -- the card -------------------------------------------------------------------------

    def open_client(self, client_id: int) -> None:
        """Show one client's card (used by the result list, the caller banner, the wizard)."""
        self.stack.setCurrentWidget(self.splitter)
        try:
            client, fields = self.data.client(client_id), self.data.fields(client_id)
        except KlantdossierError as e:
            self.statusBar().showMessage(str(e), 8000)
            self.check_file()
            return
        self.card.show_client(client, fields)
        self.card_stack.setCurrentWidget(self.card)
        row = self.results.result_model.row_of(client_id)
        if row >= 0 and row != self.results.currentIndex().row():
            self.live_search.select_row(row)
        self._update_client_actions()

    def _client_saved(self, client_id: int) -> None:
        self._update_client_actions()
        self.refresh()

    # -- clients: new, archive, erase, merge (gui/client_actions.py) ----------------------

    def create_client(self, name: str) -> int | None:
        return self.clients.create_client(name)

    def erase_client(self, client_id: int, name: str) -> None:
        self.clients.erase_client(client_id, name)

    def client_erased(self, client_id: int) -> None:
        """Nothing of an erased client stays in view or in the settings: the card closes
        and the search (their name, maybe) is cleared, here and as remembered."""
        self._preview.stop()  # one queued for the old list would open a client of the new
        self.search_field.clear()
        settings.forget_search(self.data.path)
        if self.card.client is not None and self.card.client.id == client_id:
            self.close_card()
        self.refresh()

    def close_card(self) -> None:
        """No client's card on screen any more (erased here or on another desk, or the
        file replaced): the Klant menu follows, and the card's undo steps go, being edits
        of a client that is no longer there."""
        self._preview.stop()  # one queued for the old list would open the card again
        self.card.client = None
        self.card.undo_stack.clear()
        self.card_stack.setCurrentWidget(self.card_placeholder)
        self._update_client_actions()

    # -- pages, language, about -------------------------------------------------------------

    def open_page(self, document: DocumentInfo, page: int) -> PageViewer:
        from .documents.viewer import PageViewer

        query = self.search_field.text()
        viewer = PageViewer(self.data, document, page, query, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._viewers.append(viewer)
        viewer.destroyed.connect(
            lambda *_: self._viewers.remove(viewer) if viewer in self._viewers else None
        )
        viewer.show()
        return viewer

    def set_language(self, code: str) -> None:
        settings.set_language(code)
        self.statusBar().showMessage(
            self.tr("De taal wordt %1 na het opnieuw starten van Klantdossier.").replace(
                "%1", LANGUAGES[code]
            ),
            8000,
        )

    def edit_own_business(self) -> QDialog:
        """The own-business details, so an import never puts them on a client's card."""
        from .dialogs.own_business import OwnBusinessDialog  # on first use: ocr/ is large

        dialog = OwnBusinessDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.statusBar().showMessage(
                self.tr("De gegevens van uw eigen bedrijf zijn opgeslagen."), 5000
            )
        )
        dialog.open()
        return dialog

    def show_about(self) -> AboutDialog:
        from .dialogs.about import AboutDialog  # importlib.metadata: 20 ms at start

        dialog = AboutDialog(self.data.path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- what the helpers (file_actions, call_log.pane) ask of the window -------------------

    def open_card_client(self):
        """The client whose card is on screen, or None."""
        return self.card.client if self.card_stack.currentWidget() is self.card else None

    def shown_query(self) -> str:
        return self._shown_query or ""

    def accept_fields(self) -> None:
        if self.open_card_client() is not None:
            self.card.accept_all()

    def show_card_slot(self, widget: QWidget) -> None:
        """Put widget (the card, its placeholder, the unknown-number panel) on the right."""
        self._preview.stop()
        self.stack.setCurrentWidget(self.splitter)
        self.card_stack.setCurrentWidget(widget)
        self._update_client_actions()
