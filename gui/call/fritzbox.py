"""The FRITZ!Box call monitor: a TCP client to the box (port 1012) that pops incoming calls.

The box sends one line per event, e.g.
    23.11.26 14:03:12;RING;0;0612345678;0201234567;SIP0;
    23.11.26 14:03:20;CONNECT;0;10;0612345678;
    23.11.26 14:05:02;DISCONNECT;0;102;
Enable it on the box once by dialling #96*5* from a telephone connected to it. Klantdossier
only connects to the host the user configured; it never listens itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QTcpSocket

DEFAULT_HOST = "fritz.box"
DEFAULT_PORT = 1012
LINE_MAX = 512  # a longer "line" is not the call monitor talking
RETRY_FIRST_MS = 1000
RETRY_MAX_MS = 60_000
KEY_ENABLED = "call_monitor/enabled"
KEY_HOST = "call_monitor/host"
KEY_PORT = "call_monitor/port"
KEY_LINES = "call_monitor/lines"


@dataclass(frozen=True, slots=True)
class MonitorEvent:
    kind: str  # RING, CALL, CONNECT, DISCONNECT
    connection: str
    number: str  # the other party ("" when withheld); "" for DISCONNECT
    at: str  # the box's own time stamp, as sent
    seconds: int | None = None  # DISCONNECT: how long the call lasted
    # RING: the own number that was called and the box's line (SIP0, ...); not part of
    # what makes two events the same call
    called: str = field(default="", compare=False)
    line: str = field(default="", compare=False)

    def rings_for(self, lines: tuple[str, ...]) -> bool:
        """Whether this RING is for a desk that answers lines (own numbers or line names;
        none: every ring). Numbers compare without their leading zeros and country code,
        whatever their form: 020-1234567 is +31 20 123 4567."""
        if not lines:
            return True
        called = "".join(c for c in self.called if c.isdigit()).lstrip("0")
        for wanted in lines:
            if wanted.strip().upper() == self.line.strip().upper():
                return True
            digits = "".join(c for c in wanted if c.isdigit()).lstrip("0")
            short, long = sorted((called, digits), key=len)
            if len(short) >= 3 and long.endswith(short):
                return True
        return False


def parse_line(line: str) -> MonitorEvent | None:
    """One line of the monitor protocol, or None for anything else."""
    parts = line.strip().split(";")
    if len(parts) < 4 or len(line) > LINE_MAX:
        return None
    at, kind, connection = parts[0], parts[1].upper(), parts[2]
    if kind == "RING":  # at;RING;id;caller;called;line;
        called = parts[4].strip() if len(parts) > 4 else ""
        line_name = parts[5].strip() if len(parts) > 5 else ""
        return MonitorEvent(kind, connection, parts[3].strip(), at, None, called, line_name)
    elif kind == "CALL" and len(parts) >= 6:  # at;CALL;id;extension;own;called;line;
        number = parts[5]
    elif kind == "CONNECT" and len(parts) >= 5:  # at;CONNECT;id;extension;number;
        number = parts[4]
    elif kind == "DISCONNECT":  # at;DISCONNECT;id;seconds;
        seconds = parts[3].strip()
        duration = int(seconds) if seconds.isdigit() and len(seconds) < 7 else None
        return MonitorEvent(kind, connection, "", at, duration)
    else:
        return None
    return MonitorEvent(kind, connection, number.strip(), at)


@dataclass(frozen=True, slots=True)
class MonitorSettings:
    enabled: bool = False
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    # the own numbers or lines this desk answers (several desks on one box, each its
    # own extension); empty: every ring
    lines: tuple[str, ...] = ()

    @classmethod
    def load(cls, settings: QSettings) -> MonitorSettings:
        enabled = str(settings.value(KEY_ENABLED, "false")).lower() in ("true", "1")
        host = str(settings.value(KEY_HOST, DEFAULT_HOST) or DEFAULT_HOST).strip()
        try:
            port = int(settings.value(KEY_PORT, DEFAULT_PORT))
        except (TypeError, ValueError):
            port = DEFAULT_PORT
        lines = tuple(
            p.strip() for p in str(settings.value(KEY_LINES, "") or "").split(",") if p.strip()
        )
        return cls(enabled, host, port if 0 < port < 65536 else DEFAULT_PORT, lines)

    def save(self, settings: QSettings) -> None:
        settings.setValue(KEY_ENABLED, self.enabled)
        settings.setValue(KEY_HOST, self.host)
        settings.setValue(KEY_PORT, self.port)
        settings.setValue(KEY_LINES, ", ".join(self.lines))


class CallMonitor(QObject):
    """Keeps a connection to the box, reconnecting with a growing pause (1 s up to 60 s)."""

    ringing = Signal(str, str)  # the caller's number as the box wrote it, connection id
    event = Signal(object)  # every MonitorEvent
    status = Signal(str)  # a line for the status bar

    def __init__(
        self,
        host: str,
        port: int = DEFAULT_PORT,
        parent: QObject | None = None,
        retry_first_ms: int = RETRY_FIRST_MS,
        lines: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.host, self.port, self.lines = host, port, lines
        self.retry_first_ms = retry_first_ms
        self.connects = 0  # connections made, for tests and the status line
        self._socket = QTcpSocket(self)
        self._socket.connected.connect(self._on_connected)
        self._socket.readyRead.connect(self._read)
        self._socket.disconnected.connect(self._retry)
        self._socket.errorOccurred.connect(lambda _error: self._retry())
        self._retry_ms = retry_first_ms
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._connect)
        self._buffer = b""
        self._running = False

    def start(self) -> None:
        self._running = True
        self._connect()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()
        self._socket.abort()

    def _connect(self) -> None:
        if self._running and self._socket.state() == QAbstractSocket.SocketState.UnconnectedState:
            self._buffer = b""
            self._socket.connectToHost(self.host, self.port)

    def _on_connected(self) -> None:
        self.connects += 1
        self._retry_ms = self.retry_first_ms
        self.status.emit(self.tr("Gesprekkenmonitor verbonden met %1").replace("%1", self.host))

    def _retry(self) -> None:
        if not self._running or self._timer.isActive():
            return
        self.status.emit(
            self.tr("Gesprekkenmonitor: geen verbinding met %1, opnieuw over %2 s")
            .replace("%1", self.host)
            .replace("%2", str(max(1, self._retry_ms // 1000)))
        )
        self._socket.abort()
        self._timer.start(self._retry_ms)
        self._retry_ms = min(self._retry_ms * 2, RETRY_MAX_MS)

    def _read(self) -> None:
        self._buffer += bytes(self._socket.readAll().data())
        while b"\n" in self._buffer:
            raw, self._buffer = self._buffer.split(b"\n", 1)
            event = parse_line(raw.decode("utf-8", "replace"))
            if event is None:
                continue
            self.event.emit(event)
            if event.kind == "RING" and event.number and event.rings_for(self.lines):
                self.ringing.emit(event.number, event.connection)
        if len(self._buffer) > LINE_MAX:
            self._buffer = b""  # not the monitor protocol: drop it rather than grow
