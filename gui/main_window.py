"""The main window: search field, result list and the card of the selected client."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from storage import DocumentInfo, KlantdossierError, SearchHit

from . import formatting, settings
from .call_log import CallLogView
from .call_log.pane import CallsPane
from .client_card import ClientCard
from .data import ClientData
from .dialogs.confirm import confirm_forget
from .dialogs.merge import MergeDialog
from .file_actions import FileActions
from .i18n import LANGUAGES
from .icons import icon
from .search import ResultList, by_name
from .workers import keep_gui_responsive, submit

if TYPE_CHECKING:  # imported on first use: not needed before the first search answer
    from .dialogs.about import AboutDialog
    from .documents.viewer import PageViewer

PREVIEW_DELAY_MS = 150  # the card follows the selection once the user pauses
WATCH_INTERVAL_MS = 3000  # how often the client file is checked for vanishing/read-only
MIN_QUERY = 2  # one letter matches half the file: show the list instead


class MainWindow(QMainWindow):
    files_dropped = Signal(list)  # paths of files/folders dropped on the window
    results_updated = Signal()  # the result list shows the answer to the latest query
    search_index_compacted = Signal()  # after an erase: no erased word left in the index

    def __init__(self, data: ClientData) -> None:
        super().__init__()
        keep_gui_responsive()
        self.data = data
        self._search_seq = 0
        self._in_flight = False
        self._pending = False
        self._shown_query: str | None = None
        self._viewers: list[PageViewer] = []
        self.setWindowTitle(self.tr("Klantdossier"))
        self.setWindowIcon(icon("klantdossier"))
        self.setAcceptDrops(True)
        self.resize(1200, 740)

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
        self.search_field.installEventFilter(self)
        self.results = ResultList()
        self.results.setObjectName("results")
        self.results_info = QLabel()
        self.results_info.setObjectName("results_info")
        self.card = ClientCard(data)
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

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_field)
        left_layout.addWidget(self.results_info)
        left_layout.addWidget(self.results, 1)
        self.calls_view = CallLogView(data)
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

        self.files = FileActions(self)
        self.calls = CallsPane(self)
        self._build_menus()

        self._preview = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview.timeout.connect(self._preview_current)
        # the remembered search first: set after the connection below, it ran the query
        # once for the text and once more in refresh(), both before the window's first answer
        self.restore_settings()
        self.search_field.textChanged.connect(lambda _text: self._run_search())
        self.search_field.returnPressed.connect(self._open_current)
        self.results.activated_client.connect(self._open_and_focus)
        self._quiet = False  # set while the window itself moves the selection
        self.results.selectionModel().currentChanged.connect(self._current_changed)
        self.card.saved.connect(self._client_saved)
        self.card.status.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.card.page_requested.connect(self.open_page)
        self.card.export_requested.connect(self.files.export_client)
        self.card.calls_requested.connect(self.calls.show_client_calls)
        for keys in ("Ctrl+L", "Esc"):  # Ctrl+F is on the Bewerken menu
            QShortcut(QKeySequence(keys), self, activated=self.focus_search)
        self._watch = QTimer(self, interval=WATCH_INTERVAL_MS)
        self._watch.timeout.connect(self.check_file)
        self._watch.start()

        self.refresh()

    # -- menus ------------------------------------------------------------------------------

    def _action(self, text: str, shortcut=None, slot=None, icon_name: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        if icon_name:
            action.setIcon(icon(icon_name))
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Bestand"))
        # The import wizard connects these (gui/import_wizard); until then they do nothing.
        self.import_action = self._action(self.tr("&Importeren…"), "Ctrl+I", icon_name="import")
        self.scan_action = self._action(self.tr("&Scannen…"))
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.scan_action)
        file_menu.addSeparator()
        self.export_action = self._action(self.tr("&Exporteren…"), "Ctrl+E", self.files.export)
        self.backup_now_action = self._action(
            self.tr("Reservekopie &maken…"), None, self.files.backup_now
        )
        self.restore_action = self._action(
            self.tr("Reservekopie &terugzetten…"), None, self.files.restore_backup
        )
        for action in (self.export_action, self.backup_now_action, self.restore_action):
            file_menu.addAction(action)
        # gui/backup_setting connects this (daily backup with rotation)
        self.backup_action = self._action(self.tr("Dagelijkse &reservekopie…"))
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        self.own_business_action = self._action(
            self.tr("&Eigen bedrijf…"), None, self.edit_own_business
        )
        file_menu.addAction(self.own_business_action)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Afsluiten"), QKeySequence.StandardKey.Quit, self.close)
        )

        edit_menu = bar.addMenu(self.tr("Be&werken"))
        self.undo_action = self.card.undo_stack.createUndoAction(self, self.tr("&Ongedaan maken"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.card.undo_stack.createRedoAction(self, self.tr("&Opnieuw"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self._action(self.tr("&Zoeken"), "Ctrl+F", self.focus_search))

        client_menu = bar.addMenu(self.tr("&Klant"))
        self.new_client_action = self._action(
            self.tr("&Nieuwe klant…"), "Ctrl+Shift+N", self.new_client, "new-client"
        )
        self.note_action = self._action(self.tr("N&otitie toevoegen"), "Ctrl+N", self.focus_note)
        self.merge_action = self._action(self.tr("&Samenvoegen met…"), None, self.merge_client)
        self.undo_merge_action = self._action(
            self.tr("Samenvoeging &ongedaan maken…"), None, self.undo_merge
        )
        self.archive_action = self._action(
            self.tr("&Archiveren"), None, self.toggle_archive, "archive"
        )
        self.forget_action = self._action(
            self.tr("&Wissen (AVG)…"), None, self.forget_client, "delete"
        )
        self.accept_action = self._action(
            self.tr("Gelezen gegevens &goedkeuren"), "Ctrl+Shift+A", self.accept_fields
        )
        self.export_client_action = self._action(
            self.tr("Alles van deze klant &exporteren (AVG)…"), None, self.files.export_client
        )
        for action in (
            self.new_client_action,
            self.note_action,
            self.accept_action,
            None,
            self.merge_action,
            self.undo_merge_action,
            self.archive_action,
            self.export_client_action,
            self.forget_action,
        ):
            if action is None:
                client_menu.addSeparator()
            else:
                client_menu.addAction(action)

        view_menu = bar.addMenu(self.tr("Bee&ld"))
        view_menu.addAction(self._action(self.tr("&Klanten"), "Ctrl+1", self.focus_search))
        view_menu.addAction(self._action(self.tr("&Gesprekken"), "Ctrl+2", self.calls.show_calls))
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Taal"))
        group = QActionGroup(self)
        current = settings.language()
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked, c=code: self.set_language(c))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Over Klantdossier"), None, self.show_about))
        self._update_client_actions()

    def _update_client_actions(self) -> None:
        client = self.card.client if self.card_stack.currentWidget() is self.card else None
        for action in (
            self.note_action,
            self.merge_action,
            self.undo_merge_action,
            self.archive_action,
            self.forget_action,
            self.export_client_action,
            self.accept_action,
        ):
            action.setEnabled(client is not None)
        if client is not None:
            archived = client.status == "archived"
            self.archive_action.setText(
                self.tr("Terughalen uit &archief") if archived else self.tr("&Archiveren")
            )

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
        self.calls.connect_calls()

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

    def eventFilter(self, obj, event) -> bool:
        # ↑/↓/PgUp/PgDn in the search field move through the results without leaving it
        if obj is self.search_field and event.type() == event.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                row = self.results.currentIndex().row()
                step = {
                    Qt.Key.Key_Down: 1,
                    Qt.Key.Key_Up: -1,
                    Qt.Key.Key_PageDown: 5,
                    Qt.Key.Key_PageUp: -5,
                }[key]
                if self.results.count():
                    self.results.set_current_row(max(0, min(self.results.count() - 1, row + step)))
                return True
        return super().eventFilter(obj, event)

    # -- search -----------------------------------------------------------------------------

    def _run_search(self) -> None:
        """At most one query runs at a time; keys typed meanwhile are coalesced into one
        follow-up query (no fixed delay: the first key answers at once)."""
        if self._in_flight:
            self._pending = True
            return
        self._search_seq += 1
        seq = self._search_seq
        query = self.search_field.text().strip()
        self._in_flight = True
        if len(query) >= MIN_QUERY or any(c.isdigit() for c in query):
            fn, args = self.data.search, (query, 50)
        else:
            fn, args = self.data.recent, (50,)
        submit(
            fn,
            *args,
            on_result=lambda hits: self._show_hits(seq, query, hits),
            on_error=lambda e: self._search_failed(seq, e),
            pool_name="read",
        )

    def _search_done(self) -> None:
        self._in_flight = False
        if self._pending:
            self._pending = False
            self._run_search()

    def _show_hits(self, seq: int, query: str, hits: list[SearchHit]) -> None:
        self._search_done()
        if seq != self._search_seq or self._pending or self._in_flight:
            return  # an answer to an older query: the user has typed on
        keep = self.card.client.id if self.card.client else None
        new_query = query != self._shown_query
        self._shown_query = query
        searching = len(query) >= MIN_QUERY or any(c.isdigit() for c in query)
        if not searching:
            hits = by_name(hits)  # "Élodie" with the E's (a Dutch collation)
        self.results.result_model.set_hits(hits)
        for viewer in self._viewers:  # no open page keeps the previous query's marks
            viewer.set_query(query if searching else "")
        if not hits:
            self.results_info.setText(
                self.tr("Niets gevonden voor “%1”.").replace("%1", query) if query else ""
            )
        elif searching:
            self.results_info.setText(self._found_text(len(hits)))
        else:
            self.results_info.setText(self.tr("Alle klanten op naam"))
        row = self.results.result_model.row_of(keep) if keep is not None and not new_query else -1
        if hits:
            self._select_row(row if row >= 0 else 0)
            if new_query and query:
                self._preview.start()
        self.results_updated.emit()

    def _found_text(self, n: int) -> str:
        if n == 1:
            return self.tr("1 klant gevonden")
        if n < 50:
            return self.tr("%1 klanten gevonden").replace("%1", str(n))
        return self.tr("De eerste 50 klanten; typ verder om te verfijnen")

    def _search_failed(self, seq: int, error: Exception) -> None:
        self._search_done()
        if seq == self._search_seq:
            self.check_file()
            self.statusBar().showMessage(self.tr("Zoeken mislukt: %1").replace("%1", str(error)))

    def _current_changed(self, *_args) -> None:
        if not self._quiet:
            self._preview.start()

    def _select_row(self, row: int) -> None:
        self._quiet = True
        try:
            self.results.set_current_row(row)
        finally:
            self._quiet = False

    def _preview_current(self) -> None:
        client_id = self.results.current_client_id()
        if client_id is not None and (
            self.card.client is None
            or self.card.client.id != client_id
            or self.card_stack.currentWidget() is not self.card
        ):
            self.open_client(client_id)

    def _open_current(self) -> None:
        client_id = self.results.current_client_id()
        if client_id is not None:
            self._open_and_focus(client_id)

    def _open_and_focus(self, client_id: int) -> None:
        self._preview.stop()
        self.open_client(client_id)
        self.results.setFocus()

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
            self._select_row(row)
        self._update_client_actions()

    def _client_saved(self, client_id: int) -> None:
        self._update_client_actions()
        self.refresh()

    # -- client list management -------------------------------------------------------------

    def new_client(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Nieuwe klant"), self.tr("Naam van de klant:")
        )
        if ok and name.strip():
            self.create_client(name.strip())

    def create_client(self, name: str) -> int | None:
        try:
            client_id = self.data.create_client(name)
        except KlantdossierError as e:
            self.statusBar().showMessage(str(e), 8000)
            return None
        self.refresh()
        self.open_client(client_id)
        self.card.fields["first_name"].setFocus()
        return client_id

    def toggle_archive(self) -> None:
        client = self.card.client
        if client is None:
            return
        archived = client.status == "archived"
        try:
            self.data.set_status(client.id, "active" if archived else "archived")
        except KlantdossierError as e:
            self.statusBar().showMessage(str(e), 8000)
            return
        text = (
            self.tr("%1 is teruggehaald uit het archief.")
            if archived
            else self.tr("%1 is gearchiveerd.")
        )
        self.statusBar().showMessage(text.replace("%1", client.name), 5000)
        self.open_client(client.id)

    def forget_client(self) -> None:
        client = self.card.client
        if client is None:
            return
        if not confirm_forget(self, client):
            return
        self.erase_client(client.id, client.name)

    def erase_client(self, client_id: int, name: str) -> None:
        try:
            self.data.forget(client_id)
        except KlantdossierError as e:
            self.statusBar().showMessage(str(e), 8000)
            return
        self.client_erased(client_id)
        self.statusBar().showMessage(self.tr("%1 is gewist.").replace("%1", name), 8000)
        self.compact_search_index()

    def client_erased(self, client_id: int) -> None:
        """Nothing of an erased client stays in view or in the settings: the card closes
        and the search (their name, maybe) is cleared, here and as remembered."""
        self._preview.stop()  # one queued for the old list would open a client of the new
        self.search_field.clear()
        settings.forget_search(self.data.path)
        if self.card.client is not None and self.card.client.id == client_id:
            self.card.client = None
            self.card_stack.setCurrentWidget(self.card_placeholder)
            self._update_client_actions()
        self.refresh()

    def compact_search_index(self) -> None:
        """Rewrite the search index without the erased words, in the background."""

        def done(error: Exception | None) -> None:
            if error is not None:
                self.statusBar().showMessage(
                    self.tr(
                        "De zoekindex is nog niet opgeschoond (%1); dat gebeurt bij het "
                        "volgende wissen."
                    ).replace("%1", str(error)),
                    10_000,
                )
            self.search_index_compacted.emit()

        submit(
            self.data.compact_search_index,
            on_result=lambda _: done(None),
            on_error=done,
            pool_name="background",
        )

    def merge_client(self) -> None:
        client = self.card.client
        if client is None:
            return
        dialog = MergeDialog(self.data, client, self)
        if dialog.exec() and dialog.other_id is not None:
            try:
                self.data.merge(client.id, dialog.other_id, dialog.choices())
            except KlantdossierError as e:
                self.statusBar().showMessage(str(e), 8000)
                return
            self.refresh()
            self.open_client(client.id)

    def undo_merge(self) -> None:
        """Split paper an import joined to this client off into a client of its own."""
        from .dialogs.undo_merge import UndoMergeDialog

        client = self.card.client
        if client is None:
            return
        dialog = UndoMergeDialog(self.data, client, self)
        if dialog.exec() and dialog.new_id is not None:
            self.refresh()
            self.open_client(dialog.new_id)

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
