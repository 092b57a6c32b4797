"""The window's end of the hand-over: a QLocalServer private to the user (see handoff.py)."""

from __future__ import annotations

import os
import socket
import struct
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from . import handoff

READ_TIMEOUT_MS = 2000  # a client that connects and says nothing is dropped


class ServerError(Exception):
    """The window could not start listening for calls."""


class AlreadyRunningError(ServerError):
    """Another window of this client file is listening already."""


def peer_uid(sock: QLocalSocket) -> int | None:
    """The user id of the process at the other end (Linux SO_PEERCRED), None if unknown."""
    if not hasattr(socket, "SO_PEERCRED"):
        return None  # macOS/BSD: the 0700 folder alone keeps other users out
    fd = int(sock.socketDescriptor())
    if fd < 0:
        return None
    probe = socket.fromfd(fd, socket.AF_UNIX, socket.SOCK_STREAM)  # a dup: closing is safe
    try:
        creds = probe.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    finally:
        probe.close()
    return struct.unpack("3i", creds)[1]


def _answers(path: str) -> bool:
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    probe.settimeout(1.0)
    try:
        probe.connect(path)
    except OSError:
        return False
    finally:
        probe.close()
    return True


class InstanceServer(QObject):
    """Listens for `main.py call` and a second `main.py`; one message per connection.

    `message` carries (request dict, reply function); the receiver calls reply(dict) when it
    has done the work (for a call: once the banner is painted)."""

    # object, not dict: Qt would convert a dict to a QVariantMap on the way.
    message = Signal(object, object)

    def __init__(self, db_path: str | os.PathLike[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = handoff.server_name(db_path)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}
        self.refused = 0  # connections turned away (wrong user, bad message)

    def listen(self) -> None:
        """Start listening; a socket file left by a crashed window is removed first, a live
        one raises AlreadyRunningError (two windows started at the same moment)."""
        if sys.platform != "win32" and Path(self.name).exists():
            if _answers(self.name):
                raise AlreadyRunningError("Klantdossier is al geopend met dit klantbestand.")
            QLocalServer.removeServer(self.name)  # left behind by a window that crashed
        if not self._server.listen(self.name):
            raise ServerError(
                f"Klantdossier kan niet luisteren op {self.name}: {self._server.errorString()}"
            )

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            if sys.platform != "win32":
                uid = peer_uid(sock)
                if uid is not None and uid != os.getuid():
                    self.refused += 1
                    sock.abort()
                    sock.deleteLater()
                    continue
            self._buffers[sock] = b""
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(lambda s=sock: self._drop(s))
            QTimer.singleShot(READ_TIMEOUT_MS, lambda s=sock: self._timeout(s))

    def _read(self, sock: QLocalSocket) -> None:
        """Whatever a client sends, it gets one answer and the connection is closed."""
        if sock not in self._buffers:
            return
        try:
            self._read_message(sock)
        except Exception as e:  # a bad message must never end in Qt's event loop
            print(f"Klantdossier: bericht geweigerd: {e!r}"[:300], file=sys.stderr)
            self._refuse(sock, "bericht niet verwerkt")

    def _read_message(self, sock: QLocalSocket) -> None:
        buffer = self._buffers[sock] + bytes(sock.readAll().data())
        if b"\n" not in buffer:
            if len(buffer) > handoff.MAX_MESSAGE:
                self._refuse(sock, "bericht te lang")
            else:
                self._buffers[sock] = buffer
            return
        line = buffer.split(b"\n", 1)[0]
        try:
            request = handoff.decode_request(line)
        except ValueError:  # UnicodeDecodeError is one
            self._refuse(sock, "onleesbaar bericht")
            return
        del self._buffers[sock]  # one message per connection: the rest is ignored
        self.message.emit(request, self._replier(sock))

    def _replier(self, sock: QLocalSocket) -> Callable[[dict], None]:
        def reply(answer: dict) -> None:
            if sock.state() != QLocalSocket.LocalSocketState.ConnectedState:
                return
            try:
                data = handoff.encode(answer)
            except (handoff.HandoffError, TypeError, ValueError):  # too long, or not JSON
                data = handoff.encode({"ok": answer.get("ok", False), "error": "antwoord te lang"})
            sock.write(data)
            sock.flush()
            sock.disconnectFromServer()

        return reply

    def _refuse(self, sock: QLocalSocket, why: str) -> None:
        self.refused += 1
        self._buffers.pop(sock, None)
        if sock.state() == QLocalSocket.LocalSocketState.ConnectedState:
            sock.write(handoff.encode({"ok": False, "error": why}))
            sock.flush()
            sock.disconnectFromServer()

    def _timeout(self, sock: QLocalSocket) -> None:
        if sock in self._buffers:  # still nothing complete from it
            self._refuse(sock, "te laat")

    def _drop(self, sock: QLocalSocket) -> None:
        self._buffers.pop(sock, None)
        sock.deleteLater()
