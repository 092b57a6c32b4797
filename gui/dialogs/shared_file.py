"""Bestand → Verbinden met gedeeld klantenbestand…: the address of the PostgreSQL server
that several desks share, tested before it is kept. The password goes into ~/.pgpass
(PGPASSFILE; readable by the user only, where PostgreSQL's own client reads it), never
into the settings; the address is kept without it for the next start."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from storage import ClientFile, KlantdossierError
from storage.paths import save_location, saved_location

from ..workers import submit


def server_url(host: str, port: int, database: str, user: str) -> str:
    """The address without password (a socket folder as host: ?host=)."""
    from urllib.parse import quote

    who = quote(user.strip(), safe="") + "@" if user.strip() else ""
    name = quote(database.strip(), safe="")
    host = host.strip()
    if host.startswith("/"):
        return f"postgresql://{who}/{name}?host={quote(host, safe='/')}&port={port}"
    return f"postgresql://{who}{host}:{port}/{name}"


def try_connection(url: str, password: str | None) -> str:
    """Open the shared client file once (creating its tables in an empty database);
    returns a short description, raises KlantdossierError with a Dutch message."""
    from storage.postgres.connect import PgLocation

    location = PgLocation.parse(url)
    if password:
        location = PgLocation(location.params, password)
    with ClientFile.open(_with_password(location)) as cf:
        return f"{cf.count_clients()} klanten"


def _with_password(location) -> str:
    from urllib.parse import quote

    url = location.url()
    if location.password is None:
        return url
    user = quote(location.user, safe="")
    return url.replace(f"//{user}@", f"//{user}:{quote(location.password, safe='')}@", 1)


class SharedFileDialog(QDialog):
    """Asks server, database, user and password; `url` is the address (no password)
    after accept()."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verbinden met gedeeld klantenbestand"))
        self.url: str | None = None
        intro = QLabel(
            self.tr(
                "Met een gedeeld klantenbestand werken meerdere bureaus met dezelfde "
                "klanten: een notitie, gesprek of wijziging staat binnen een seconde op elk "
                "bureau. Het bestand staat in een PostgreSQL-database op een server in uw "
                "kantoor; vraag uw beheerder om de gegevens hieronder."
            )
        )
        intro.setWordWrap(True)
        self.host = QLineEdit()
        self.host.setObjectName("host")
        self.host.setPlaceholderText("server.kantoor.lan")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("klantdossier")
        self.database.setObjectName("database")
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(
            self.tr("Wachtwoord onthouden (in ~/.pgpass, alleen voor u leesbaar)")
        )
        self.remember.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Poort:"), self.port)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("Gebruiker:"), self.user)
        form.addRow(self.tr("Wachtwoord:"), self.password)
        form.addRow("", self.remember)
        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_button = QPushButton(self.tr("Verbinding testen"))
        self.test_button.clicked.connect(self.test)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Verbinden"))
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.local_button = self.buttons.addButton(
            self.tr("Eigen bestand op deze computer"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.local_button.clicked.connect(self.use_local_file)
        self.local_button.setVisible(saved_location() is not None)
        self.buttons.accepted.connect(self.connect_and_keep)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self._fill_from(saved_location())

    def _fill_from(self, url: str | None) -> None:
        if not url:
            return
        from storage.postgres.connect import PgLocation

        location = PgLocation.parse(url)
        self.host.setText(location.params.get("host", ""))
        self.port.setValue(int(location.params.get("port") or 5432))
        self.database.setText(location.dbname)
        self.user.setText(location.params.get("user", ""))

    def address(self) -> str:
        return server_url(
            self.host.text(), self.port.value(), self.database.text(), self.user.text()
        )

    def _busy(self, busy: bool, text: str = "") -> None:
        self.test_button.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.result_label.setText(text)

    def test(self, then=None) -> None:
        """Try the connection off the GUI thread; say what happened."""
        if not self.host.text().strip() or not self.database.text().strip():
            self.result_label.setText(self.tr("Vul ten minste de server en de database in."))
            return
        url, password = self.address(), self.password.text() or None
        self._busy(True, self.tr("Verbinden met %1…").replace("%1", url))

        def ok(found: str) -> None:
            self._busy(False, self.tr("Verbonden: %1.").replace("%1", found))
            if then is not None:
                then(url, password)

        def failed(error: Exception) -> None:
            text = str(error) if isinstance(error, KlantdossierError) else repr(error)
            self._busy(False, self.tr("Niet verbonden: %1").replace("%1", text))

        submit(try_connection, url, password, on_result=ok, on_error=failed)

    def connect_and_keep(self) -> None:
        """Test, then keep the address (and the password in ~/.pgpass) and accept."""
        self.test(then=self._keep)

    def _keep(self, url: str, password: str | None) -> None:
        if password and self.remember.isChecked():
            from storage.postgres.connect import PgLocation, remember_password

            try:
                remember_password(PgLocation.parse(url), password)
            except OSError as e:
                QMessageBox.warning(
                    self,
                    self.windowTitle(),
                    self.tr("Het wachtwoord kon niet worden bewaard: %1").replace("%1", str(e)),
                )
        save_location(url)
        self.url = url
        self.accept()

    def use_local_file(self) -> None:
        """Back to the client file on this computer at the next start."""
        save_location(None)
        self.url = None
        self.accept()


# -- in the window: the menu item, and what other desks change ------------------------------

REFRESH_DELAY_MS = 150  # changes arriving together (an import) refresh the window once
# Said in the window's language when another desk changed them (said()).
COLUMN_WORDS = {
    "name": QT_TRANSLATE_NOOP("SharedFileDialog", "naam"),
    "first_name": QT_TRANSLATE_NOOP("SharedFileDialog", "voornaam"),
    "tussenvoegsel": QT_TRANSLATE_NOOP("SharedFileDialog", "tussenvoegsel"),
    "last_name": QT_TRANSLATE_NOOP("SharedFileDialog", "achternaam"),
    "company": QT_TRANSLATE_NOOP("SharedFileDialog", "bedrijf"),
    "legal_form": QT_TRANSLATE_NOOP("SharedFileDialog", "rechtsvorm"),
    "kvk": QT_TRANSLATE_NOOP("SharedFileDialog", "KvK"),
    "btw": QT_TRANSLATE_NOOP("SharedFileDialog", "btw"),
    "iban": QT_TRANSLATE_NOOP("SharedFileDialog", "IBAN"),
    "bic": QT_TRANSLATE_NOOP("SharedFileDialog", "BIC"),
    "client_since": QT_TRANSLATE_NOOP("SharedFileDialog", "klant sinds"),
    "status": QT_TRANSLATE_NOOP("SharedFileDialog", "status"),
}
WHAT = {
    "notes": QT_TRANSLATE_NOOP("SharedFileDialog", "notitie"),
    "calls": QT_TRANSLATE_NOOP("SharedFileDialog", "gesprek"),
    "phones": QT_TRANSLATE_NOOP("SharedFileDialog", "telefoonnummer"),
    "emails": QT_TRANSLATE_NOOP("SharedFileDialog", "e-mailadres"),
    "addresses": QT_TRANSLATE_NOOP("SharedFileDialog", "adres"),
    "documents": QT_TRANSLATE_NOOP("SharedFileDialog", "document"),
}


def said(word: str) -> str:
    """A word of COLUMN_WORDS or WHAT in the window's language."""
    return QCoreApplication.translate("SharedFileDialog", word)


class LiveWindow:
    """Keeps a window in step with the other desks of a shared client file: the result
    list and the open card follow their changes, and the user is told when a value they
    see or saved was changed elsewhere (the later save wins, nothing goes unsaid)."""

    def __init__(self, window) -> None:
        from PySide6.QtCore import QTimer

        self.window = window
        self.data = window.data
        self.pending: dict[int, list] = {}
        self.timer = QTimer(window, singleShot=True, interval=REFRESH_DELAY_MS)
        self.timer.timeout.connect(self.apply)
        self.data.live.changed.connect(self.changed)
        self.data.live.connection.connect(self.connection)
        self.data.live.overwrote.connect(self.overwrote)
        self.data.watch()

    def changed(self, change) -> None:
        for client_id in change.clients or {0}:
            self.pending.setdefault(client_id, []).append(change)
        self.timer.start()

    def apply(self) -> None:
        pending, self.pending = self.pending, {}
        window = self.window
        window.refresh()
        if any(c.table == "calls" for changes in pending.values() for c in changes):
            self.data.announce("calls")  # the Gesprekken view follows the shared call log
        card = window.card
        shown = card.client.id if card.client is not None else None
        if shown not in pending:
            return
        changes = pending[shown]
        if any(c.table == "clients" and c.op == "DELETE" for c in changes):
            window.close_card()
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "SharedFileDialog", "Deze klant is op een ander bureau gewist of samengevoegd."
                ),
                15_000,
            )
            return
        card.reload()
        columns = [COLUMN_WORDS[c] for ch in changes for c in ch.columns if c in COLUMN_WORDS]
        words = columns + [WHAT[c.table] for c in changes if c.table in WHAT]
        parts = [said(word) for word in dict.fromkeys(words)]
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "SharedFileDialog", "%1 is zojuist gewijzigd op een ander bureau: %2"
            )
            .replace("%1", card.client.name if card.client else "")
            .replace(
                "%2",
                ", ".join(parts) or QCoreApplication.translate("SharedFileDialog", "gegevens"),
            ),
            15_000,
        )

    def connection(self, connected: bool) -> None:
        self.window.check_file()
        if connected:
            self.window.refresh()  # what was missed is caught up on: show it
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "SharedFileDialog", "Weer verbonden met het gedeelde klantenbestand."
                ),
                8000,
            )

    def overwrote(self, client_id: int, values: dict) -> None:
        was = QCoreApplication.translate("SharedFileDialog", "%1 was “%2”")
        values_said = ", ".join(
            was.replace("%1", said(COLUMN_WORDS.get(k, k))).replace("%2", v or "")
            for k, v in sorted(values.items())
        )
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "SharedFileDialog",
                "Opgeslagen. Een ander bureau had dit net gewijzigd (%1); uw waarde geldt nu.",
            ).replace("%1", values_said),
            20_000,
        )


def install(window) -> LiveWindow:
    """The menu item under Bestand, and live updates on a shared client file."""
    from PySide6.QtGui import QAction

    action = QAction(
        QCoreApplication.translate("SharedFileDialog", "Verbinden met &gedeeld klantenbestand…"),
        window,
    )
    action.setObjectName("connect_shared")
    action.triggered.connect(lambda: connect_shared_file(window))
    file_menu = window.menuBar().actions()[0].menu()  # Bestand
    file_menu.insertAction(window.backup_action, action)
    window.connect_shared_action = action
    window.live = LiveWindow(window)
    return window.live


def connect_shared_file(window) -> SharedFileDialog:
    dialog = SharedFileDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def accepted() -> None:
        answer = QMessageBox.question(
            window,
            dialog.windowTitle(),
            QCoreApplication.translate(
                "SharedFileDialog", "Klantdossier opnieuw starten met dit klantenbestand?"
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            restart(window, dialog.url, dialog.password.text() or None)

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def restart(window, url: str | None, password: str | None) -> None:
    """Start Klantdossier again on url (None: the file on this computer) and close this
    window. A password that was not to be kept travels in the new process's environment
    only (readable by this user alone), never in a file."""
    import os
    import sys

    from PySide6.QtCore import QProcess, QProcessEnvironment

    args = [os.path.abspath(sys.argv[0])] + (["--db", url] if url else [])
    process = QProcess()
    env = QProcessEnvironment.systemEnvironment()
    env.remove("KLANTDOSSIER_DB")
    if password:
        env.insert("PGPASSWORD", password)
    process.setProcessEnvironment(env)
    process.setProgram(sys.executable)
    process.setArguments(args)
    window.close()
    process.startDetached()


def open_or_ask(location, parent: QWidget | None = None):
    """Open (create, migrate) the client file once before the window starts. When a
    shared client file's server cannot be reached, or refuses the password, say so in
    Dutch and offer to try again or to change the connection; returns the location to
    use, or None to stop (the reason was shown)."""
    from storage import ServerUnavailableError, WrongPasswordError

    while True:
        try:
            ClientFile.open(location).close()
            return location
        except (ServerUnavailableError, WrongPasswordError) as e:
            box = QMessageBox(parent)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle("Klantdossier")
            box.setText(str(e))
            retry = box.addButton(
                QCoreApplication.translate("SharedFileDialog", "Opnieuw proberen"),
                QMessageBox.ButtonRole.AcceptRole,
            )
            change = box.addButton(
                QCoreApplication.translate("SharedFileDialog", "Verbindingsgegevens…"),
                QMessageBox.ButtonRole.ActionRole,
            )
            box.addButton(
                QCoreApplication.translate("SharedFileDialog", "Afsluiten"),
                QMessageBox.ButtonRole.RejectRole,
            )
            box.setDefaultButton(retry)
            box.exec()
            if box.clickedButton() is retry:
                continue
            if box.clickedButton() is change:
                dialog = SharedFileDialog(parent)
                if dialog.exec() == QDialog.DialogCode.Accepted:
                    from storage.paths import default_db_path

                    location = dialog.url or default_db_path()
                continue
            return None
        except KlantdossierError as e:
            QMessageBox.critical(parent, "Klantdossier", str(e))
            return None
