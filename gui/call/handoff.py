"""Handing a caller's number (or "come to the front") to the window that is already open.

This module is imported by `call.py` and `main.py call NUMBER`, which a softphone starts
on every ring: it must start fast, so it uses a few standard-library modules only (no Qt,
no storage/, no phonenumbers; not even pathlib or socket.py, see the imports). The
running window listens with a QLocalServer (gui/call/server.py) on the same address.

POSIX (Linux, macOS): a Unix socket in a folder of the user's own with mode 0700, so no
other account can reach it: the login session's runtime folder ($XDG_RUNTIME_DIR), else
"run" in the user's data folder; never a shared folder such as /tmp, where another account
could make the name first and so keep the window from listening. The window also checks
the peer's user id (SO_PEERCRED) where the system offers it. Windows: QLocalServer
listens on a named pipe, which the standard library cannot open, so there the client uses
QtNetwork.QLocalSocket (QtCore and QtNetwork only, still no widgets) and the pipe is
restricted to the user by QLocalServer.UserAccessOption.

Protocol: one JSON object per line each way. The client sends
{"cmd": "call", "number": "..."}, {"cmd": "raise"} or, after `main.py forget`,
{"cmd": "erased", "client_id": N}; the window answers (for a call: once the banner is
painted), e.g. {"ok": true, "shown": "client", "name": "...", "window_ms": 4.1,
"painted_at": <time.time()>}.
"""

from __future__ import annotations

# The C core of socket.py: socket.py itself loads enum and selectors, a quarter of the
# screen pop's time when Python starts without site-packages (call.py).
import _socket
import os
import stat
import sys

try:  # hashlib's own SHA-256, without hashlib loading OpenSSL for every algorithm (~9 ms)
    from _sha256 import sha256
except ImportError:  # Python 3.12 calls it _sha2; other Pythons: hashlib
    try:
        from _sha2 import sha256
    except ImportError:
        from hashlib import sha256

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (20 ms)
if TYPE_CHECKING:
    from pathlib import Path

APP_NAME = "Klantdossier"
DB_ENV = "KLANTDOSSIER_DB"
# Tests and unusual set-ups may put the socket elsewhere (still checked to be private).
RUNTIME_ENV = "KLANTDOSSIER_RUNTIME_DIR"
MAX_MESSAGE = 4096  # bytes in one line; more is refused by both ends
MAX_NUMBER = 256  # characters: nothing longer is a phone number, even with a tel: prefix
REPLY_TIMEOUT_S = 5.0
# bytes in a Unix socket's path: sun_path holds 108 on Linux, 104 on macOS, with a final NUL
MAX_SOCKET_PATH = 107 if sys.platform.startswith("linux") else 103
MAX_JSON_NUMBER = 2**53  # larger numbers lose digits in a double (and overflow in Qt)
# storage/paths.py's LOCATION_FILE and server URL schemes (not imported: see above)
_LOCATION_FILE = "gedeeld-klantenbestand.txt"
_SCHEMES = ("postgresql://", "postgres://")


class HandoffError(Exception):
    """The number could not be handed over (message in Dutch, for the user)."""


class NoWindowError(HandoffError):
    """No window is listening for this client file."""


class BadNumberError(HandoffError):
    """The argument cannot be a phone number; nothing was handed over."""


def clean_number(raw: str) -> str:
    """The argument as it may travel to the window: percent-decoded (a tel: link written
    as tel:%2B31612345678), stripped of control characters and surrounding space; raises
    BadNumberError when empty or far too long."""
    if "%" in raw and len(raw) <= MAX_MESSAGE:
        from urllib.parse import unquote  # only here: the usual number has no %

        raw = unquote(raw)
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


# Paths are plain strings here: pathlib costs as much to import as the rest of the
# hand-over together. The functions that return a Path import it when called.


def data_folder() -> str:
    """platformdirs.user_data_dir("Klantdossier"), without its 20 ms import on Linux."""
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_DATA_HOME", "").strip() or os.path.expanduser("~/.local/share")
        return os.path.join(base, APP_NAME)
    import platformdirs

    return platformdirs.user_data_dir(APP_NAME, appauthor=False)


def user_data_dir() -> Path:
    from pathlib import Path

    return Path(data_folder())


def config_folder() -> str:
    """platformdirs.user_config_dir("Klantdossier"), without its import on Linux."""
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_CONFIG_HOME", "").strip() or os.path.expanduser("~/.config")
        return os.path.join(base, APP_NAME)
    import platformdirs

    return platformdirs.user_config_dir(APP_NAME, appauthor=False)


def is_url(value: object) -> bool:
    """A shared client file on a server (storage.paths.is_server_url)."""
    return isinstance(value, str) and value.strip().lower().startswith(_SCHEMES)


def default_db_file() -> str:
    """The same rule as storage.paths.default_db_path, without importing storage/ (its
    import alone costs 200 ms, too much for the screen pop): KLANTDOSSIER_DB, else the
    shared client file chosen in the window, else the file in the data folder."""
    override = os.environ.get(DB_ENV)
    if override:
        return override.strip() if is_url(override) else os.path.expanduser(override)
    try:
        with open(os.path.join(config_folder(), _LOCATION_FILE), encoding="utf-8") as handle:
            shared = handle.read().strip()
    except OSError:
        shared = ""
    if is_url(shared):
        return shared
    return os.path.join(data_folder(), "klantdossier.sqlite")


def location_of(value: str | os.PathLike[str]) -> Path | str:
    """storage.paths.location_of: a postgresql:// URL stays a string, else a Path."""
    if is_url(value):
        return str(value).strip()
    from pathlib import Path

    return Path(value).expanduser()


def default_db_path() -> Path | str:
    return location_of(default_db_file())


def instance_key(db_path: str | os.PathLike[str]) -> str:
    """One window per client file: the key names the file itself, so `dir/../file` and a
    symbolic link to it are the same file (and the same window); a shared client file is
    named by its URL."""
    if is_url(db_path):
        resolved = str(db_path).strip()
    else:
        resolved = os.path.realpath(os.path.expanduser(os.fspath(db_path)))
    return sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _session_runtime_dir() -> str | None:
    """$XDG_RUNTIME_DIR (or systemd's /run/user/<uid>) when it is this user's own 0700
    folder; None when unset or not ours (say, another user's, kept by `sudo`)."""
    candidate = os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    try:
        info = os.lstat(candidate)
    except OSError:
        return None
    private = info.st_uid == os.getuid() and not info.st_mode & 0o077
    return candidate if stat.S_ISDIR(info.st_mode) and private else None


def runtime_folder() -> str:
    """The folder of the socket: only this user can enter it, and no other account can
    make it first (created 0700; refused when it is not ours or open to others)."""
    base = os.environ.get(RUNTIME_ENV)
    if not base:
        session = _session_runtime_dir()
        base = os.path.join(session, "klantdossier") if session else None
        base = base or os.path.join(data_folder(), "run")
    try:
        os.makedirs(base, mode=0o700, exist_ok=True)
        info = os.lstat(base)
    except OSError as e:
        raise HandoffError(f"Kan de map {base} voor het venster niet maken: {e}") from e
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise HandoffError(
            f"De map {base} is niet alleen van u (eigenaar of rechten kloppen niet); "
            "Klantdossier gebruikt hem niet."
        )
    return base


def runtime_dir() -> Path:
    from pathlib import Path

    return Path(runtime_folder())


def server_name(db_path: str | os.PathLike[str]) -> str:
    """The address the window listens on: a socket path (POSIX) or a pipe name (Windows)."""
    key = instance_key(db_path)
    if sys.platform == "win32":
        user = os.environ.get("USERNAME", "user")
        return f"klantdossier-{user}-{key}"
    path = os.path.join(runtime_folder(), f"kd-{key}.sock")
    if len(os.fsencode(path)) > MAX_SOCKET_PATH:
        raise HandoffError(f"Het pad {path} is te lang voor de verbinding met het venster.")
    return path


# JSON without the json module on the caller's side: json imports re (a fifth of the
# screen pop's time), its C half _json does not. The window has json loaded anyway.
try:
    import _json
except ImportError:  # not CPython: the json module then
    _json = None


class _Plain:
    """What _json's scanner asks of its decoder: json.loads' defaults, no NaN/Infinity."""

    strict = True
    object_hook = object_pairs_hook = None
    parse_float = float
    parse_int = int

    @staticmethod
    def parse_constant(name: str) -> float:
        raise ValueError(f"{name} is no JSON number")


def _loads(text: str) -> object:
    if _json is None:
        import json

        return json.loads(text)
    try:
        value, end = _json.make_scanner(_Plain())(text, len(text) - len(text.lstrip()))
    except StopIteration as e:
        raise ValueError("no JSON value") from e
    if text[end:].strip():
        raise ValueError("more than one JSON value")
    return value


def _dumps(message: dict) -> str:
    """message as JSON; a flat request (text keys, text values) without the json module."""
    if _json is not None and all(type(v) is str and type(k) is str for k, v in message.items()):
        pairs = (
            f"{_json.encode_basestring(k)}: {_json.encode_basestring(v)}"
            for k, v in message.items()
        )
        return "{" + ", ".join(pairs) + "}"
    import json

    return json.dumps(message, ensure_ascii=False)


def encode(message: dict) -> bytes:
    data = _dumps(message).encode("utf-8") + b"\n"
    if len(data) > MAX_MESSAGE:
        raise HandoffError("Bericht aan het venster is te lang.")
    return data


def decode(line: bytes) -> dict:
    """One received line as a dict; ValueError for anything else (also for nesting deeper
    than the JSON parser goes, which would raise RecursionError)."""
    if len(line) > MAX_MESSAGE:
        raise ValueError("message too long")
    try:
        value = _loads(line.decode("utf-8"))
    except RecursionError as e:
        raise ValueError("message nested too deep") from e
    if not isinstance(value, dict):
        raise ValueError("message is not an object")
    return value


def decode_request(line: bytes) -> dict:
    """A request to the window: a flat object of plain values (text, true/false, null, a
    number a double holds exactly); ValueError for anything else, so no nesting or
    4,000-digit number travels further into the window."""
    value = decode(line)
    for key, item in value.items():
        if isinstance(item, bool | str) or item is None:
            continue
        if isinstance(item, int | float) and abs(item) <= MAX_JSON_NUMBER:
            continue
        raise ValueError(f"value of {key[:20]!r} is not a plain text, number or flag")
    return value


def send(db_path: str | os.PathLike[str], message: dict, timeout: float = REPLY_TIMEOUT_S) -> dict:
    """Send one message to the window of this client file and return its answer.

    Raises NoWindowError when no window listens, HandoffError when it does not answer."""
    name = server_name(db_path)
    if sys.platform == "win32":
        return _send_qt(name, message, timeout)
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
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


def _read_line(sock: _socket.socket) -> dict:
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
