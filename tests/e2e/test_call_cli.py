"""`main.py call` and a second `main.py` as a user's softphone runs them, against a real
window in another process (Qt offscreen) over a real client file."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gui.call import handoff
from storage import ClientFile, Phone

ROOT = Path(__file__).resolve().parents[2]


def make_env(folder: Path) -> dict:
    """A client file with one client, and sockets and settings of this test only."""
    db_path = folder / "klanten.sqlite"
    environ = dict(os.environ)
    environ.update(
        QT_QPA_PLATFORM="offscreen",
        KLANTDOSSIER_DB=str(db_path),
        KLANTDOSSIER_RUNTIME_DIR=str(folder / "run"),
        XDG_CONFIG_HOME=str(folder / "config"),
    )
    with ClientFile.open(db_path) as cf, cf.transaction() as conn:
        cf.create_client(conn, name="Anna Visser", phones=[Phone("+31612345678")])
    return environ


def cli(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def start_window(env: dict, *args: str) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return proc


def wait_for(predicate, proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if proc.poll() is not None:
            pytest.fail(f"the window ended early: {proc.stderr.read().decode()[-2000:]}")
        if time.monotonic() > deadline:
            proc.terminate()
            _out, err = proc.communicate(timeout=10)
            pytest.fail(f"the window did not come up in time: {err.decode()[-2000:]}")
        time.sleep(0.05)


def socket_of(env: dict) -> Path:
    os.environ[handoff.RUNTIME_ENV] = env[handoff.RUNTIME_ENV]
    try:
        return Path(handoff.server_name(env["KLANTDOSSIER_DB"]))
    finally:
        del os.environ[handoff.RUNTIME_ENV]


def logged_calls(db_path: Path) -> list[dict]:
    # Read-only on purpose: a writable open+close from this process while the window runs
    # may remove the window's WAL file (see the report on storage's header check).
    with ClientFile.open(db_path, read_only=True) as cf:
        return cf.calls()


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    """(env, db path, window process): one window for the tests that talk to it."""
    env = make_env(tmp_path_factory.mktemp("call"))
    proc = start_window(env)
    wait_for(socket_of(env).exists, proc)
    yield env, Path(env["KLANTDOSSIER_DB"]), proc
    proc.terminate()
    proc.wait(timeout=10)


def test_call_hands_over_and_second_start_raises(running):
    env, db_path, window = running
    result = cli(env, "call", "tel:+31612345678")
    assert (result.returncode, result.stdout) == (0, "Beller: Anna Visser (klant 1)\n")
    result = cli(env, "call", "callto:020-1234567")
    assert (result.returncode, result.stdout) == (0, "Onbekend nummer: 020 123 4567\n")
    result = cli(env)  # a second window is not opened: the first comes to the front
    assert result.returncode == 0 and "al geopend" in result.stdout
    assert window.poll() is None
    calls = logged_calls(db_path)
    assert [(c["client_id"], c["number"]) for c in calls[:2]] == [
        (None, "+31201234567"),
        (1, "+31612345678"),
    ]


@pytest.mark.parametrize(
    ("argument", "code", "says"),
    [
        ("", 2, "Geen telefoonnummer"),
        ("7" * 10_000, 2, "geen telefoonnummer"),
        ("tel:0612345678;ext=1<script>alert(1)</script>", 0, "Beller: Anna Visser"),
        ("0612345678 && rm -rf ~; $(reboot)", 0, "Beller: Anna Visser"),
        ("'; DROP TABLE calls; --", 0, "Onbekend nummer"),
        ("\x1b[31m\x07", 0, "Onbekend nummer"),
    ],
)
def test_bad_arguments_get_a_clear_answer(running, argument, code, says):
    env, db_path, window = running
    result = cli(env, "call", argument)
    assert result.returncode == code
    assert says in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert window.poll() is None
    logged_calls(db_path)  # the calls table is still there


def test_call_path_imports_no_qt_and_no_storage(running):
    env = running[0]
    result = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "main.py"), "call", "0612345678"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    heavy = {
        m
        for m in imported
        if m.split(".")[0] in {"PySide6", "storage", "ocr", "phonenumbers", "sqlite_utils"}
    }
    assert not heavy


def test_call_without_window_starts_one_on_that_client(tmp_path):
    env = make_env(tmp_path)
    db_path = Path(env["KLANTDOSSIER_DB"])
    proc = start_window(env, "call", "06 12345678")
    try:
        wait_for(lambda: bool(logged_calls(db_path)), proc)
        assert logged_calls(db_path)[0]["client_id"] == 1
        wait_for(socket_of(env).exists, proc)
        result = cli(env, "call", "0612345678")
        assert result.stdout == "Beller: Anna Visser (klant 1)\n"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def inet_socket_inodes() -> set[str]:
    """Inodes of every TCP and UDP socket on this machine (IPv4 and IPv6)."""
    inodes = set()
    for table in ("tcp", "tcp6", "udp", "udp6"):
        path = Path("/proc/net") / table
        if path.exists():
            for line in path.read_text().splitlines()[1:]:
                inodes.add(line.split()[9])
    return inodes


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux's /proc")
def test_window_opens_no_network_socket(running):
    _env, _db_path, window = running
    fd_folder = Path(f"/proc/{window.pid}/fd")
    own = set()
    for fd in fd_folder.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            own.add(target[len("socket:[") : -1])
    assert own, "the window should at least hold its local socket"
    assert not own & inet_socket_inodes()  # only the Unix socket: nothing on the network
