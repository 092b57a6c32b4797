"""The hand-over socket: the stdlib client (main.py call) against the window's QLocalServer."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from gui.call import handoff
from gui.call.server import AlreadyRunningError, InstanceServer


@pytest.fixture
def runtime(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "run"
    monkeypatch.setenv(handoff.RUNTIME_ENV, str(folder))
    return folder


@pytest.fixture
def server(runtime, db_path, qtbot):
    """A listening server that answers every request with what it received."""
    srv = InstanceServer(db_path)
    srv.listen()
    srv.message.connect(lambda request, reply: reply({"ok": True, "echo": request}))
    yield srv
    srv.close()


def send_in_thread(db_path: Path, message: dict) -> dict:
    """handoff.send blocks, and the server needs the Qt event loop: run it beside it."""
    box: dict = {}

    def work() -> None:
        try:
            box["reply"] = handoff.send(db_path, message, timeout=5)
        except Exception as e:  # handed to the test to assert on
            box["error"] = e

    thread = threading.Thread(target=work)
    thread.start()
    return box


def test_number_is_handed_over(server, db_path, qtbot):
    box = send_in_thread(db_path, {"cmd": "call", "number": "tel:+31612345678"})
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    assert box["reply"] == {"ok": True, "echo": {"cmd": "call", "number": "tel:+31612345678"}}


def test_socket_is_private_to_the_user(server, runtime):
    assert stat.S_IMODE(runtime.stat().st_mode) == 0o700
    sock_path = Path(server.name)
    assert sock_path.parent == runtime and stat.S_ISSOCK(sock_path.stat().st_mode)
    assert stat.S_IMODE(sock_path.stat().st_mode) & 0o077 == 0


@pytest.mark.skipif(os.getuid() != 0, reason="switching to another user needs root")
def test_another_user_cannot_connect(server):
    probe = (
        "import socket, sys\n"
        "s = socket.socket(socket.AF_UNIX)\n"
        "try:\n"
        f"    s.connect({server.name!r})\n"
        "except PermissionError:\n"
        "    sys.exit(0)\n"
        "sys.exit(1)\n"
    )
    # The system's Python: the venv may sit in a folder the other user cannot enter.
    python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
    result = subprocess.run(
        [python, "-c", probe], user=65534, group=65534, cwd="/", timeout=30, check=False
    )
    assert result.returncode == 0  # refused with EACCES by the 0700 folder


def test_folder_of_someone_else_or_too_open_is_refused(tmp_path, monkeypatch):
    open_folder = tmp_path / "open"
    open_folder.mkdir(mode=0o755)
    open_folder.chmod(0o755)
    monkeypatch.setenv(handoff.RUNTIME_ENV, str(open_folder))
    with pytest.raises(handoff.HandoffError, match="niet alleen van u"):
        handoff.runtime_dir()
    link = tmp_path / "link"
    link.symlink_to(open_folder)
    monkeypatch.setenv(handoff.RUNTIME_ENV, str(link))
    with pytest.raises(handoff.HandoffError):
        handoff.runtime_dir()


def test_no_window_is_reported_as_such(runtime, db_path):
    with pytest.raises(handoff.NoWindowError):
        handoff.send(db_path, {"cmd": "raise"})


def test_one_server_per_client_file(server, db_path, tmp_path, qtbot):
    with pytest.raises(AlreadyRunningError):
        InstanceServer(db_path).listen()
    other = InstanceServer(tmp_path / "ander.sqlite")
    other.listen()  # another client file has its own window
    assert other.name != server.name
    other.close()


def test_stale_socket_of_a_crashed_window_is_replaced(runtime, db_path, qtbot):
    name = handoff.server_name(db_path)
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(name)  # bound, never listening: what a killed window leaves behind
    dead.close()
    srv = InstanceServer(db_path)
    srv.listen()
    srv.message.connect(lambda request, reply: reply({"ok": True}))
    box = send_in_thread(db_path, {"cmd": "raise"})
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    assert box["reply"] == {"ok": True}
    srv.close()


@pytest.mark.parametrize(
    "payload",
    [b"not json\n", b"[1, 2]\n", b"\xff\xfe\n", b"x" * (handoff.MAX_MESSAGE + 10)],
)
def test_garbage_is_refused_and_the_server_goes_on(server, db_path, qtbot, payload):
    box: dict = {}

    def garbage() -> None:
        s = socket.socket(socket.AF_UNIX)
        s.settimeout(5)
        s.connect(server.name)
        s.sendall(payload)
        box["answer"] = s.recv(4096)
        s.close()

    threading.Thread(target=garbage).start()
    qtbot.waitUntil(lambda: "answer" in box, timeout=5000)
    assert b'"ok": false' in box["answer"]
    assert server.refused == 1
    box = send_in_thread(db_path, {"cmd": "raise"})
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    assert box["reply"]["ok"] is True


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("  tel:+31612345678 \n", "tel:+31612345678"), ("06\x00-123\x1b45678", "06-12345678")],
)
def test_clean_number(raw, clean):
    assert handoff.clean_number(raw) == clean


@pytest.mark.parametrize("raw", ["", "   ", "\x00\x07", "1" * 10_000])
def test_clean_number_refuses_empty_and_huge(raw):
    with pytest.raises(handoff.BadNumberError):
        handoff.clean_number(raw)


def exchange(name: str, payload: bytes) -> tuple[bytes, bytes]:
    """(the answer, what follows it) from one raw connection; b"" after it: closed."""
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(5)
    s.connect(name)
    s.sendall(payload)
    answer = b""
    while b"\n" not in answer:
        chunk = s.recv(4096)
        if not chunk:
            break
        answer += chunk
    after = s.recv(4096)  # raises TimeoutError when the window leaves it open
    s.close()
    return answer, after


@pytest.mark.parametrize(
    "payload",
    [
        b"[" * 2000 + b"]" * 2000 + b"\n",
        b'{"cmd": "call", "number": ' + b"[" * 1500 + b"]" * 1500 + b"}\n",
        b'{"cmd": "call", "number": ' + b"7" * 4000 + b"}\n",
        b'{"cmd": "erased", "client_id": ' + b"9" * 4000 + b"}\n",
        b'{"cmd": "call", "number": 1e999}\n',
        b'{"cmd": "call", "number": {"a": {"b": 1}}}\n',
    ],
)
def test_deep_or_huge_messages_are_refused_and_closed(server, db_path, qtbot, payload):
    """Nesting 2,000 deep or a 4,000-digit number: an answer, the connection closed, no
    RecursionError or OverflowError in the window (pytest-qt fails on one in a slot)."""
    box: dict = {}
    thread = threading.Thread(target=lambda: box.update(got=exchange(server.name, payload)))
    thread.start()
    qtbot.waitUntil(lambda: "got" in box, timeout=8000)
    answer, after = box["got"]
    assert b'"ok": false' in answer and after == b""
    assert server.refused == 1
    box = send_in_thread(db_path, {"cmd": "raise"})
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    assert box["reply"]["ok"] is True


def test_clean_number_decodes_percent_escapes():
    assert handoff.clean_number("tel:%2B31612345678") == "tel:+31612345678"
    assert handoff.clean_number("tel:%2B31%20612%0A345678") == "tel:+31 612345678"
    assert handoff.clean_number("100%") == "100%"  # a lone % stays as it is


def test_the_key_names_the_file_not_the_path(tmp_path):
    db = tmp_path / "klanten.sqlite"
    db.touch()
    (tmp_path / "sub").mkdir()
    link = tmp_path / "link.sqlite"
    link.symlink_to(db)
    key = handoff.instance_key(db)
    assert handoff.instance_key(tmp_path / "sub" / ".." / "klanten.sqlite") == key
    assert handoff.instance_key(link) == key
    assert handoff.instance_key(tmp_path / "ander.sqlite") != key


def test_runtime_folder_is_never_a_shared_one(tmp_path, monkeypatch):
    """No /tmp: the session's own runtime folder when it is private, else the data folder."""
    monkeypatch.delenv(handoff.RUNTIME_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    session = tmp_path / "session"
    session.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(session))
    assert handoff.runtime_dir() == session / "klantdossier"
    session.chmod(0o755)  # not this user's alone (or, with sudo, another user's)
    assert handoff.runtime_dir() == tmp_path / "data" / "Klantdossier" / "run"
    assert stat.S_IMODE((tmp_path / "data" / "Klantdossier" / "run").stat().st_mode) == 0o700


def test_data_folder_as_platformdirs_has_it(tmp_path, monkeypatch):
    import platformdirs

    for value in (str(tmp_path / "x"), "", "  "):
        monkeypatch.setenv("XDG_DATA_HOME", value)
        assert handoff.user_data_dir() == Path(platformdirs.user_data_dir("Klantdossier", False))
