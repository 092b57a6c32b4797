"""Incoming calls in the window: banner, call log, note, new client, dial out, monitor."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMainWindow

from storage import KlantdossierError, Phone
from storage.phones import kind_of

from ..workers import submit
from . import handoff
from .caller import Caller, load_caller, log_call
from .fritzbox import CallMonitor, MonitorEvent, MonitorSettings
from .numbers import warm_up

# The banner, the dialogs and dialling load when first used (warm_up builds the banner
# once the window is searchable): the window's start does not wait for them.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from .banner import CallerBanner

PAINT_FALLBACK_MS = 1000  # answer the caller even when the window cannot paint (hidden)

Reply = Callable[[dict], None]


class CallController(QObject):
    """Owns the banner in `window.banner_slot` and everything the banner triggers.

    `window` is the MainWindow (banner_slot, open_client(id), refresh()); `data` its
    gui.data.ClientData, used on the GUI thread only (lookups are index hits)."""

    shown = Signal(object)  # the CallerBanner, once painted (or given up on painting)

    def __init__(self, window: QMainWindow, data, settings: QSettings | None = None) -> None:
        super().__init__(window)
        self.window, self.data = window, data
        self.settings = settings or QSettings()
        self.banner: CallerBanner | None = None  # the banner while it is on screen
        self._banner: CallerBanner | None = None  # the one banner, built once
        self._pending: Callable[[bool], None] | None = None  # a ring waiting for its paint
        self.monitor: CallMonitor | None = None
        self._ringing: dict[str, Caller] = {}  # the box's connection id -> the call it rang
        self.last_window_ms: float | None = None
        self.last_window_cpu_ms: float | None = None

    # -- requests from main.py (server.py) ----------------------------------------------------

    def handle_message(self, request: dict, reply: Reply) -> None:
        command = request.get("cmd")
        if command == "raise":
            self.bring_to_front()
            reply({"ok": True})
        elif command == "call":
            number = request.get("number")
            try:
                if not isinstance(number, str):
                    raise handoff.BadNumberError("Geen telefoonnummer meegegeven.")
                number = handoff.clean_number(number)
            except handoff.BadNumberError as e:
                reply({"ok": False, "error": str(e)})
                return
            self.show_call(number, reply)
        elif command == "erased" and type(request.get("client_id")) is int:
            # `main.py forget` erased a client: nothing of them may stay on screen
            if self.banner is not None and self.banner.caller.client_id == request["client_id"]:
                self.close_banner()
            self.window.client_erased(request["client_id"])
            reply({"ok": True})
        else:
            reply({"ok": False, "error": "onbekende opdracht"})

    # -- the banner -------------------------------------------------------------------------

    def show_call(self, raw: str, reply: Reply | None = None) -> CallerBanner | None:
        """Look up `raw`, show the banner, log the call; reply once the banner is painted."""
        started, started_cpu = time.perf_counter(), time.thread_time()
        try:
            caller = load_caller(self.data.file(), raw)
        except KlantdossierError as e:
            self._status(str(e))
            if reply:
                reply({"ok": False, "error": str(e)})
            return None
        # A ring still waiting for its paint (window hidden) is answered and logged now.
        if self._pending is not None:
            self._pending(False)
        banner = self._put_banner(caller, overlay=True)
        self.bring_to_front()
        done = False

        def finish(painted: bool) -> None:
            nonlocal done
            if done:
                return
            done = True
            if self._pending is finish:
                self._pending = None
            self.last_window_ms = (time.perf_counter() - started) * 1000
            # The GUI thread's own work, which a busy machine does not stretch.
            self.last_window_cpu_ms = (time.thread_time() - started_cpu) * 1000
            if reply:
                reply(self._answer(caller, painted))  # a buffered socket write: cheap
            # The rest waits for the event loop: it must not run inside paintEvent.
            QTimer.singleShot(0, self, lambda: self._after_paint(caller))

        # A banner that could not be painted at once (window hidden, minimised) answers
        # when it is (_painted), or after PAINT_FALLBACK_MS.
        self._pending = finish
        QTimer.singleShot(PAINT_FALLBACK_MS, self, lambda: finish(False))
        # Paint now rather than in the next frame (repaint() draws and flushes at once).
        if banner.isVisible():
            banner.repaint()
        if banner.was_painted:
            finish(True)
        return banner

    def _painted(self) -> None:
        pending = self._pending
        if pending is not None:
            QTimer.singleShot(0, self, lambda: pending(True))

    def _answer(self, caller: Caller, painted: bool) -> dict:
        if caller.client is not None:
            shown = "client"
        elif caller.number.e164 is not None:
            shown = "unknown"
        else:
            shown = "invalid"
        return {
            "ok": True,
            "shown": shown,
            "client_id": caller.client_id,
            "name": caller.client.name if caller.client else None,
            "number": caller.number.display,
            "origin": caller.number.origin,
            "painted": painted,
            "painted_at": time.time(),
            "window_ms": round(self.last_window_ms or 0.0, 2),
            "window_cpu_ms": round(self.last_window_cpu_ms or 0.0, 2),
        }

    def _after_paint(self, caller: Caller) -> None:
        """The slower half, once the user sees who it is: log the call, open the card.
        Text that is no phone number is shown as such, never logged as a call."""
        current = self.banner is not None and self.banner.caller is caller
        if caller.number.e164 is None:
            if current:
                self.shown.emit(self.banner)
            return
        try:
            log_call(self.data.file(), caller)
        except KlantdossierError as e:
            if current:
                message = self.tr("Gesprek niet opgeslagen: %1").replace("%1", str(e))
                self.banner.set_note_saved(False, message)
        else:
            if current:
                self.banner.set_logged()
        if not current:
            return  # a later ring or the close button replaced this caller
        if caller.client_id is not None:
            self.window.open_client(caller.client_id)
        self.shown.emit(self.banner)

    def _put_banner(self, caller: Caller, overlay: bool = False) -> CallerBanner:
        """Show `caller` in the banner above the window's content.

        The one banner is refilled (built on the first call, or by warm_up). Before it is
        painted, nothing else in the window moves: a banner already in banner_slot is laid
        out where it is; a hidden one (overlay) first goes over the top of the content,
        which stays where it is, and moves into banner_slot (and the content down) in the
        next event loop pass. Either way the window's layout follows the banner's new
        height in that pass, after the caller's name is on screen."""
        banner = self._banner or self._build_banner()
        banner.show_caller(caller)
        shown, self.banner = self.banner, banner
        central = self.window.centralWidget()
        visible = central is not None and central.isVisible()
        if shown is banner and banner.isVisible():
            geometry = banner.geometry()
            banner.fit(geometry.x(), geometry.y(), geometry.width())
        elif overlay and visible:
            margins = central.contentsMargins()
            if central.layout() is not None:
                margins = central.layout().contentsMargins()
            width = central.width() - margins.left() - margins.right()
            banner.fit(margins.left(), margins.top(), width)
            banner.reveal()
            QTimer.singleShot(0, banner, lambda: self._dock(banner))
        else:
            self._dock(banner)
            banner.show()
        return banner

    def _build_banner(self) -> CallerBanner:
        from .banner import CallerBanner

        banner = CallerBanner(parent=self.window.centralWidget())
        banner.hide()
        banner.painted.connect(self._painted)
        banner.note_entered.connect(lambda text: self._save_note(banner, text))
        banner.dial_requested.connect(
            lambda e164: self.dial(e164, banner.caller.client_id if banner.caller else None)
        )
        banner.open_requested.connect(self.window.open_client)
        banner.new_client_requested.connect(lambda: self.new_client(banner))
        banner.attach_requested.connect(lambda: self.attach_to_client(banner))
        banner.closed.connect(self.close_banner)
        self._banner = banner
        return banner

    def _dock(self, banner: CallerBanner) -> None:
        if self.banner is banner and self.window.banner_slot.indexOf(banner) < 0:
            self.window.banner_slot.insertWidget(0, banner)

    def close_banner(self) -> None:
        """Hide the banner (kept for the next call) and give the content its room back."""
        if self.banner is not None:
            self.window.banner_slot.removeWidget(self.banner)
            self.banner.hide()
            self.banner = None
            self.window.focus_search()

    def bring_to_front(self) -> None:
        """Raise the window; where the window manager refuses to hand over focus (it may
        protect the softphone's window), alert() makes the task bar entry ask for it."""
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
        QApplication.alert(window)

    # -- what the banner offers -------------------------------------------------------------

    def _save_note(self, banner: CallerBanner, text: str) -> None:
        """Saved off the GUI thread: a file another program is writing may keep it
        waiting seconds, and the window must not freeze during a call. The note stays in
        its field, so a failed save can be repeated with Enter."""
        call_id = banner.caller.call_id if banner.caller is not None else None
        if call_id is None or not text:
            return

        def still_this_call() -> bool:
            return banner.caller is not None and banner.caller.call_id == call_id

        def saved(_result: object) -> None:
            if still_this_call():
                banner.set_note_saved(True)

        def failed(error: Exception) -> None:
            if still_this_call():
                message = self.tr("Niet opgeslagen: %1").replace("%1", str(error))
                banner.set_note_saved(False, message)

        submit(
            self.data.set_call_note, call_id, text, on_result=saved, on_error=failed,
            pool_name="write",
        )  # fmt: skip

    def dial(self, number: str, client_id: int | None) -> int | None:
        from .dialer import dial

        call_id = dial(number, client_id, self.data, self.settings)
        if call_id is None:
            self._status(self.tr("Bellen lukt niet: geen programma voor tel:-links gevonden."))
        return call_id

    def new_client(self, banner: CallerBanner, name: str | None = None) -> int | None:
        """A new client holding the caller's number; `name` asked for when not given."""
        number = banner.caller.number
        if number.e164 is None:
            return None
        if name is None:
            name, ok = QInputDialog.getText(
                self.window,
                self.tr("Nieuwe klant"),
                self.tr("Naam van de klant met nummer %1:").replace("%1", number.display),
                QLineEdit.EchoMode.Normal,
            )
            if not ok:
                return None
        name = name.strip() or number.display
        cf = self.data.file()
        phone = Phone(number.e164, number.raw[:64], kind_of(number.e164))
        with cf.transaction():
            client_id = cf.create_client(name=name, phones=[phone])
        self._client_changed(banner, client_id)
        return client_id

    def attach_to_client(self, banner: CallerBanner, client_id: int | None = None) -> int | None:
        """Add the caller's number to an existing client, chosen in a search dialog."""
        number = banner.caller.number
        if number.e164 is None:
            return None
        if client_id is None:
            from .dialogs import PickClientDialog

            dialog = PickClientDialog(self.data, number.display, self.window)
            if dialog.exec() != PickClientDialog.DialogCode.Accepted:
                return None
            client_id = dialog.chosen_id()
            if client_id is None:
                return None
        cf = self.data.file()
        with cf.transaction():
            cf.add_phone(client_id, Phone(number.e164, number.raw[:64], kind_of(number.e164)))
        self._client_changed(banner, client_id)
        return client_id

    def _client_changed(self, old: CallerBanner, client_id: int) -> None:
        """Show the banner again, now for the client, keeping the logged call and its note."""
        cf = self.data.file()
        if old.caller.call_id is not None:
            cf.set_call_client(old.caller.call_id, client_id)
        caller = load_caller(cf, old.caller.number.raw)
        caller.call_id = old.caller.call_id
        note = old.note.text()
        banner = self._put_banner(caller)
        banner.note.setText(note)
        if caller.call_id is not None:
            banner.set_logged()
        self.window.refresh()
        self.window.open_client(client_id)

    # -- the FRITZ!Box call monitor ---------------------------------------------------------

    def apply_monitor_settings(self) -> None:
        """Start, restart or stop the monitor as the settings say."""
        if self.monitor is not None:
            self.monitor.stop()
            self.monitor.deleteLater()
            self.monitor = None
        current = MonitorSettings.load(self.settings)
        if current.enabled and current.host:
            self.monitor = CallMonitor(current.host, current.port, self, lines=current.lines)
            self.monitor.ringing.connect(self._ring)
            self.monitor.event.connect(self._monitor_event)
            self.monitor.status.connect(self._status)
            self.monitor.start()

    def _ring(self, number: str, connection: str) -> None:
        banner = self.show_call(number)
        if banner is not None:
            self._ringing[connection] = banner.caller

    def _monitor_event(self, event: MonitorEvent) -> None:
        """On hang-up, the box says how long the call lasted: keep that with the call."""
        if event.kind != "DISCONNECT":
            return
        caller = self._ringing.pop(event.connection, None)
        if caller is None or caller.call_id is None or event.seconds is None:
            return
        try:
            self.data.file().set_call_duration(caller.call_id, event.seconds)
        except (KlantdossierError, AttributeError) as e:  # AttributeError: older storage/
            self._status(str(e))

    def edit_monitor_settings(self) -> None:
        from .dialogs import MonitorSettingsDialog

        dialog = MonitorSettingsDialog(MonitorSettings.load(self.settings), self.window)
        if dialog.exec() == MonitorSettingsDialog.DialogCode.Accepted:
            dialog.value().save(self.settings)
            self.apply_monitor_settings()

    # -- helpers ----------------------------------------------------------------------------

    def warm_up(self) -> None:
        """Load the number geocoder and build the (hidden) banner now, not on the first ring."""
        warm_up()
        if self._banner is None and self.window.centralWidget() is not None:
            self._build_banner()

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10_000)


def add_menu(window: QMainWindow, controller: CallController) -> None:
    """A "Telefoon" menu with the call monitor settings. (translate with the context
    written out: lupdate would file `controller.tr` under "controller".)"""
    menu = window.menuBar().addMenu(QCoreApplication.translate("CallController", "&Telefoon"))
    action = menu.addAction(
        QCoreApplication.translate("CallController", "Gesprekkenmonitor (FRITZ!Box)…")
    )
    action.triggered.connect(controller.edit_monitor_settings)
