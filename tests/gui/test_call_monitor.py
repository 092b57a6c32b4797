"""The FRITZ!Box call monitor against a small fake of the box on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from PySide6.QtCore import QSettings

from gui.call.fritzbox import CallMonitor, MonitorEvent, MonitorSettings, parse_line

RING = "23.11.26 14:03:12;RING;0;0612345678;0201234567;SIP0;\r\n"
WITHHELD = "23.11.26 14:03:40;RING;1;;0201234567;SIP0;\n"


class FakeBox:
    """Accepts connections on 127.0.0.1 only; sends the lines queued for each connection,
    then hangs up (as a box does when it restarts), so the monitor must reconnect."""

    def __init__(self, sessions: list[list[str | float]]) -> None:
        self.sessions = sessions
        self.accepted = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(10)
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        for lines in self.sessions:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.accepted += 1
            with conn:
                for line in lines:
                    if isinstance(line, float):
                        time.sleep(line)  # a pause, as between ring and hang-up
                    else:
                        conn.sendall(line.encode())
        self.listener.close()


def test_parse_the_monitor_lines():
    assert parse_line(RING) == MonitorEvent("RING", "0", "0612345678", "23.11.26 14:03:12")
    assert parse_line("23.11.26 14:05:00;CALL;1;10;0201234567;0301234567;SIP1;").number == (
        "0301234567"
    )
    assert parse_line("23.11.26 14:05:02;CONNECT;1;10;0301234567;").kind == "CONNECT"
    assert parse_line("23.11.26 14:07:02;DISCONNECT;1;120;").seconds == 120
    assert parse_line("23.11.26 14:07:02;DISCONNECT;1;-5;").seconds is None
    for junk in ("", "hallo", ";;;", "a;BOGUS;1;2;3;", "x" * 600 + ";RING;0;1;2;"):
        assert parse_line(junk) is None


def test_ring_pops_and_monitor_reconnects(qtbot):
    box = FakeBox(
        [
            ["23.11.26 14:00:00;DISCONNECT;0;5;\n", "half a line ", "\n", RING],
            [
                "23.11.26 14:03:40;RING;1;;0201234567;SIP0;\n",
                RING.replace("0612345678", "0201112222"),
            ],
        ]
    )
    monitor = CallMonitor("127.0.0.1", box.port, retry_first_ms=100)
    rings: list[str] = []
    monitor.ringing.connect(lambda number, _connection: rings.append(number))
    monitor.start()
    try:
        qtbot.waitUntil(lambda: len(rings) == 2, timeout=10_000)
    finally:
        monitor.stop()
    assert rings == ["0612345678", "0201112222"]  # the withheld number did not pop
    assert monitor.connects == 2 and box.accepted == 2


def test_settings_round_trip_and_bad_values(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert MonitorSettings.load(settings) == MonitorSettings(False, "fritz.box", 1012)
    MonitorSettings(True, "192.168.178.1", 1012).save(settings)
    assert MonitorSettings.load(settings).enabled is True
    settings.setValue("call_monitor/port", "zeventig")
    assert MonitorSettings.load(settings).port == 1012


@pytest.fixture
def window_with_monitor(qtbot, db_path, tmp_path):
    from gui import call
    from gui.data import ClientData
    from gui.main_window import MainWindow
    from storage import ClientFile, Phone

    with ClientFile.open(db_path) as cf, cf.transaction():
        cf.create_client(name="Anna Visser", phones=[Phone("+31612345678")])
    box = FakeBox(
        [[RING, "23.11.26 14:03:20;CONNECT;0;10;0612345678;\n", 1.0, "x;DISCONNECT;0;42;\n"]]
    )
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    MonitorSettings(True, "127.0.0.1", box.port).save(settings)
    data = ClientData(db_path)
    window = MainWindow(data)
    qtbot.addWidget(window)
    controller = call.install(window, data, settings)
    window.show()
    yield controller
    if controller.monitor is not None:
        controller.monitor.stop()
    data.close()


def test_enabled_monitor_pops_the_client(qtbot, window_with_monitor, db_path):
    from storage import ClientFile

    controller = window_with_monitor
    assert controller.monitor is None  # nothing connects before the settings are applied
    controller.apply_monitor_settings()
    qtbot.waitUntil(lambda: controller.banner is not None, timeout=10_000)
    assert controller.banner.title.text() == "Anna Visser"
    qtbot.waitUntil(lambda: controller.banner.caller.call_id is not None, timeout=5000)
    call_id = controller.banner.caller.call_id

    def duration() -> int | None:
        with ClientFile.open(db_path, read_only=True) as cf:
            return next(c for c in cf.calls() if c.id == call_id).duration_seconds

    qtbot.waitUntil(lambda: duration() == 42, timeout=5000)  # kept when the box hangs up
    with ClientFile.open(db_path, read_only=True) as cf:
        assert cf.calls()[0].number == "+31612345678"


def test_a_ring_shows_on_the_desk_whose_number_rang():
    """Several desks on one box (a shared client file): each answers its own number or
    line; without a setting every desk shows every ring, as before."""
    ring = parse_line(RING)  # caller 0612345678 called 0201234567 on SIP0
    assert (ring.called, ring.line) == ("0201234567", "SIP0")
    assert ring.rings_for(())
    assert ring.rings_for(("020-1234567",))
    assert ring.rings_for(("+31 20 123 4567",))
    assert ring.rings_for(("sip0",))
    assert not ring.rings_for(("0301234567", "SIP1"))


def test_monitor_lines_setting_round_trip(tmp_path):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    MonitorSettings(True, "fritz.box", 1012, ("0201234567", "SIP1")).save(settings)
    assert MonitorSettings.load(settings).lines == ("0201234567", "SIP1")
