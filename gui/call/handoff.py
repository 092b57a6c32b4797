"""Handing a caller's number (or "come to the front") to the window that is already open.

This module is imported by `main.py call NUMBER`, which a softphone starts on every ring:
it must start fast, so it uses the standard library only (no Qt, no storage/, no
phonenumbers). The running window listens with a QLocalServer (gui/call/server.py) on the
same address.

POSIX (Linux, macOS): a Unix socket in a runtime folder of the user's own with mode 0700,
so no other account can reach it; the window also checks the peer's user id (SO_PEERCRED)
where the system offers it. Windows: QLocalServer listens on a named pipe, which the
standard library cannot open, so there the client uses QtNetwork.QLocalSocket (QtCore and
QtNetwork only, still no widgets) and the pipe is restricted to the user by
QLocalServer.UserAccessOption.

Protocol: one JSON object per line each way. The client sends
{"cmd": "call", "number": "..."} or {"cmd": "raise"}; the window answers once the banner
is painted, e.g. {"ok": true, "shown": "client", "name": "...", "window_ms": 4.1,
"painted_at": <time.time()>}.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import stat
import sys
from pathlib import Path

APP_NAME = "Klantdossier"
DB_ENV = "KLANTDOSSIER_DB"
# Tests and unusual set-ups may put the socket elsewhere (still checked to be private).
RUNTIME_ENV = "KLANTDOSSIER_RUNTIME_DIR"
MAX_MESSAGE = 4096  # bytes in one line; more is refused by both ends
MAX_NUMBER = 256  # characters: nothing longer is a phone number, even with a tel: prefix
REPLY_TIMEOUT_S = 5.0


class HandoffError(Exception):
    """The number could not be handed over (message in Dutch, for the user)."""


class NoWindowError(HandoffError):
    """No window is listening for this client file."""


class BadNumberError(HandoffError):
    """The argument cannot be a phone number; nothing was handed over."""


def clean_number(raw: str) -> str:
    """The argument as it may travel to the window: stripped of control characters and
    surrounding space; raises BadNumberError when empty or far too long."""
    text = "".join(ch for ch in raw if ch.isprintable()).strip()
    if not text:
        raise BadNumberError(
            "Geen telefoonnummer opgegeven. Gebruik: python main.py call 0612345678"
        )
    if len(text) > MAX_NUMBER:
        raise BadNumberError(
            f"Dit is geen telefoonnummer: de tekst is {len(text)} tekens lang "
            f"(hoogstens {MAX_NUMBER})."
        )
    return text


def default_db_path() -> Path:
    """The same rule as storage.paths.default_db_path, without importing storage/ (its
    import alone costs 200 ms, too much for the screen pop)."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # only here: a few ms, and only when no client file was named

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "klantdossier.sqlite"


def instance_key(db_path: str | os.PathLike[str]) -> str:
    """One window per client file: the key names the file, not its contents."""
    resolved = str(Path(db_path).expanduser().absolute())
    return hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def runtime_dir() -> Path:
    """A folder only this user can enter (created 0700, refused when it is not ours)."""
    override = os.environ.get(RUNTIME_ENV)
    if override:
        base = Path(override)
    elif os.environ.get("XDG_RUNTIME_DIR"):
        base = Path(os.environ["XDG_RUNTIME_DIR"]) / "klantdossier"
    else:
        import tempfile  # only here: 5 ms of imports the usual path does not need

        base = Path(tempfile.gettempdir()) / f"klantdossier-{os.getuid()}"
    try:
        base.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(base)
    except OSError as e:
        raise HandoffError(f"Kan de map {base} voor het venster niet maken: {e}") from e
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise HandoffError(
            f"De map {base} is niet alleen van u (eigenaar of rechten kloppen niet); "
            "Klantdossier gebruikt hem niet."
        )
    return base


def server_name(db_path: str | os.PathLike[str]) -> str:
    """The address the window listens on: a socket path (POSIX) or a pipe name (Windows)."""
    key = instance_key(db_path)
    if sys.platform == "win32":
        user = os.environ.get("USERNAME", "user")
        return f"klantdossier-{user}-{key}"
    return str(runtime_dir() / f"kd-{key}.sock")


def encode(message: dict) -> bytes:
    data = json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n"
    if len(data) > MAX_MESSAGE:
        raise HandoffError("Bericht aan het venster is te lang.")
    return data


def decode(line: bytes) -> dict:
    """One received line as a dict; ValueError for anything else."""
    if len(line) > MAX_MESSAGE:
        raise ValueError("message too long")
    value = json.loads(line.decode("utf-8"))
    if not isinstance(value, dict):
        raise ValueError("message is not an object")
    return value


def send(db_path: str | os.PathLike[str], message: dict, timeout: float = REPLY_TIMEOUT_S) -> dict:
    """Send one message to the window of this client file and return its answer.

    Raises NoWindowError when no window listens, HandoffError when it does not answer."""
    name = server_name(db_path)
    if sys.platform == "win32":
        return _send_qt(name, message, timeout)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        try:
            sock.connect(name)
        except (FileNotFoundError, ConnectionRefusedError) as e:
            raise NoWindowError("Er is geen Klantdossier-venster geopend.") from e
        except OSError as e:
            raise HandoffError(f"Kan het venster niet bereiken via {name}: {e}") from e
        try:
            sock.sendall(encode(message))
            reply = _read_line(sock)
        except (OSError, ValueError) as e:
            raise HandoffError(f"Het venster antwoordt niet: {e}") from e
    finally:
        sock.close()
    return reply


def _read_line(sock: socket.socket) -> dict:
    buffer = b""
    while b"\n" not in buffer:
        chunk = sock.recv(MAX_MESSAGE)
        if not chunk:
            raise ValueError("connection closed before the answer")
        buffer += chunk
        if len(buffer) > MAX_MESSAGE:
            raise ValueError("answer too long")
    return decode(buffer.split(b"\n", 1)[0])


def _send_qt(name: str, message: dict, timeout: float) -> dict:  # pragma: no cover - Windows
    # Named pipes need Qt's client; QtNetwork loads no widgets and no platform plugin.
    from PySide6.QtNetwork import QLocalSocket

    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(int(timeout * 1000)):
        raise NoWindowError("Er is geen Klantdossier-venster geopend.")
    sock.write(encode(message))
    sock.waitForBytesWritten(int(timeout * 1000))
    buffer = b""
    while b"\n" not in buffer:
        if not sock.waitForReadyRead(int(timeout * 1000)):
            raise HandoffError("Het venster antwoordt niet.")
        buffer += bytes(sock.readAll().data())
    sock.disconnectFromServer()
    return decode(buffer.split(b"\n", 1)[0])
