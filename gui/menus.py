"""The main window's menu bar: one small builder per menu, and which actions need a client."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from . import settings
from .i18n import LANGUAGES
from .icons import icon

if TYPE_CHECKING:
    from storage import Client

    from .main_window import MainWindow


class MainMenus(QObject):
    """Builds the menus of window and holds their actions (the window shows them as
    window.import_action and so on). The actions' parent is the window, as before."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        bar = window.menuBar()
        self._file_menu(bar.addMenu(self.tr("&Bestand")))
        self._edit_menu(bar.addMenu(self.tr("Be&werken")))
        self._client_menu(bar.addMenu(self.tr("&Klant")))
        self._view_menu(bar.addMenu(self.tr("Bee&ld")))
        self._help_menu(bar.addMenu(self.tr("&Help")))
        self.update_client_actions(None)

    def _action(self, text: str, shortcut=None, slot=None, icon_name: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        if icon_name:
            action.setIcon(icon(icon_name))
        return action

    def _file_menu(self, menu: QMenu) -> None:
        window = self.window
        # The import wizard connects these (gui/import_wizard); until then they do nothing.
        self.import_action = self._action(self.tr("&Importeren…"), "Ctrl+I", icon_name="import")
        self.scan_action = self._action(self.tr("&Scannen…"))
        menu.addAction(self.import_action)
        menu.addAction(self.scan_action)
        menu.addSeparator()
        self.export_action = self._action(self.tr("&Exporteren…"), "Ctrl+E", window.files.export)
        self.backup_now_action = self._action(
            self.tr("Reservekopie &maken…"), None, window.files.backup_now
        )
        self.restore_action = self._action(
            self.tr("Reservekopie &terugzetten…"), None, window.files.restore_backup
        )
        for action in (self.export_action, self.backup_now_action, self.restore_action):
            menu.addAction(action)
        # gui/backup_setting connects this (daily backup with rotation)
        self.backup_action = self._action(self.tr("Dagelijkse &reservekopie…"))
        menu.addAction(self.backup_action)
        menu.addSeparator()
        self.own_business_action = self._action(
            self.tr("&Eigen bedrijf…"), None, window.edit_own_business
        )
        menu.addAction(self.own_business_action)
        menu.addSeparator()
        menu.addAction(
            self._action(self.tr("&Afsluiten"), QKeySequence.StandardKey.Quit, window.close)
        )

    def _edit_menu(self, menu: QMenu) -> None:
        window = self.window
        undo_stack = window.card.undo_stack
        self.undo_action = undo_stack.createUndoAction(window, self.tr("&Ongedaan maken"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = undo_stack.createRedoAction(window, self.tr("&Opnieuw"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Zoeken"), "Ctrl+F", window.focus_search))

    def _client_menu(self, menu: QMenu) -> None:
        window = self.window
        self.new_client_action = self._action(
            self.tr("&Nieuwe klant…"), "Ctrl+Shift+N", window.clients.new_client, "new-client"
        )
        self.note_action = self._action(self.tr("N&otitie toevoegen"), "Ctrl+N", window.focus_note)
        self.merge_action = self._action(
            self.tr("&Samenvoegen met…"), None, window.clients.merge_client
        )
        self.undo_merge_action = self._action(
            self.tr("Samenvoeging &ongedaan maken…"), None, window.clients.undo_merge
        )
        self.archive_action = self._action(
            self.tr("&Archiveren"), None, window.clients.toggle_archive, "archive"
        )
        self.forget_action = self._action(
            self.tr("&Wissen (AVG)…"), None, window.clients.forget_client, "delete"
        )
        self.accept_action = self._action(
            self.tr("Gelezen gegevens &goedkeuren"), "Ctrl+Shift+A", window.accept_fields
        )
        self.export_client_action = self._action(
            self.tr("Alles van deze klant &exporteren (AVG)…"), None, window.files.export_client
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
                menu.addSeparator()
            else:
                menu.addAction(action)

    def _view_menu(self, menu: QMenu) -> None:
        window = self.window
        menu.addAction(self._action(self.tr("&Klanten"), "Ctrl+1", window.focus_search))
        menu.addAction(self._action(self.tr("&Gesprekken"), "Ctrl+2", window.calls.show_calls))
        menu.addSeparator()
        self._language_menu(menu.addMenu(self.tr("&Taal")))

    def _language_menu(self, menu: QMenu) -> None:
        group = QActionGroup(self.window)
        current = settings.language()
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self.window, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked, c=code: self.window.set_language(c))
            group.addAction(action)
            menu.addAction(action)
            self.language_actions[code] = action

    def _help_menu(self, menu: QMenu) -> None:
        menu.addAction(self._action(self.tr("&Over Klantdossier"), None, self.window.show_about))

    def update_client_actions(self, client: Client | None) -> None:
        """Enable what acts on a client only while a client's card is on screen."""
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
