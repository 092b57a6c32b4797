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
    with ClientFile.open(db_path) as cf, cf.transaction():
        cf.create_client(name="Anna Visser", phones=[Phone("+31612345678")])
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
    assert [(c.client_id, c.number) for c in calls[:2]] == [
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
        assert logged_calls(db_path)[0].client_id == 1
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


def test_percent_encoded_tel_link_finds_the_client(running):
    env, _db_path, _window = running
    result = cli(env, "call", "tel:%2B31612345678")
    assert (result.returncode, result.stdout) == (0, "Beller: Anna Visser (klant 1)\n")


def settled(env: dict, db_path: Path, window: subprocess.Popen) -> int:
    """How many calls are logged once the window has done every call handed to it before:
    a call of a number no other test uses goes last in line (an earlier test's call may
    still be on its way to the log)."""
    assert cli(env, "call", "0687654321").returncode == 0
    wait_for(lambda: logged_calls(db_path)[:1] and logged_calls(db_path)[0].number
             == "+31687654321", window)  # fmt: skip
    return len(logged_calls(db_path))


@pytest.mark.parametrize("text", ["'; DROP TABLE calls; --", "hallo", "tel:%00%1b", "12"])
def test_text_that_is_no_number_is_not_logged_as_a_call(running, text):
    env, db_path, window = running
    before = settled(env, db_path, window)
    result = cli(env, "call", text)
    assert result.returncode in (0, 2) and "Traceback" not in result.stderr
    # A real call after it: once that one is logged, the window has done the text's turn.
    assert cli(env, "call", "0612345678").returncode == 0
    wait_for(lambda: len(logged_calls(db_path)) > before, window)
    calls = logged_calls(db_path)
    assert len(calls) == before + 1 and calls[0].number == "+31612345678"


def test_call_path_imports_almost_nothing(running):
    """The quick path hands the number over before argparse and the app are imported."""
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
    assert result.returncode == 0 and result.stdout.startswith("Beller:")
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert not imported & {"argparse", "platformdirs", "gui.settings", "gui.app"}
    ours = sorted(m for m in imported if m.split(".")[0] in {"gui", "storage", "ocr"})
    assert ours == ["gui", "gui.call", "gui.call.handoff", "gui.call.quick"]


def test_tmp_folder_taken(tmp_path):
    """Another local user who makes /tmp/klantdossier-<uid> first must not keep the window
    from starting: the socket lives in a folder no one else can make (issue 18.1)."""
    env = make_env(tmp_path)
    del env["KLANTDOSSIER_RUNTIME_DIR"]
    shared_tmp = tmp_path / "tmp"
    taken = shared_tmp / f"klantdossier-{os.getuid()}"
    taken.mkdir(parents=True, mode=0o700)
    if os.getuid() == 0:
        os.chown(taken, 65534, 65534)  # as `mkdir -m700` by user nobody would leave it
    else:
        taken.chmod(0o755)
    not_private = tmp_path / "xdg-runtime"  # an XDG_RUNTIME_DIR that is not ours alone
    not_private.mkdir(mode=0o755)
    not_private.chmod(0o755)
    env.update(
        TMPDIR=str(shared_tmp), XDG_RUNTIME_DIR=str(not_private), XDG_DATA_HOME=str(tmp_path / "d")
    )
    proc = start_window(env)
    try:
        expected = tmp_path / "d" / "Klantdossier" / "run"
        wait_for(lambda: any(expected.glob("kd-*.sock")), proc)
        assert expected.stat().st_mode & 0o777 == 0o700
        result = cli(env, "call", "0612345678")
        assert (result.returncode, result.stdout) == (0, "Beller: Anna Visser (klant 1)\n")
        assert list(taken.iterdir()) == []  # the other user's folder is left alone
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_one_window_per_client_file_whatever_path_names_it(tmp_path):
    """`--db dir/../file` and a symbolic link name the same file: one window (issue 18.8)."""
    env = make_env(tmp_path)
    db_path = Path(env.pop("KLANTDOSSIER_DB"))
    (tmp_path / "sub").mkdir()
    roundabout = tmp_path / "sub" / ".." / db_path.name
    link = tmp_path / "link.sqlite"
    link.symlink_to(db_path)
    proc = start_window(env, "--db", str(roundabout))
    try:
        os.environ[handoff.RUNTIME_ENV] = env[handoff.RUNTIME_ENV]
        try:
            sock = Path(handoff.server_name(db_path))
        finally:
            del os.environ[handoff.RUNTIME_ENV]
        wait_for(sock.exists, proc)
        second = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--db", str(link)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert second.returncode == 0 and "al geopend" in second.stdout
        result = cli(env, "call", "--db", str(link), "0612345678")
        assert result.stdout == "Beller: Anna Visser (klant 1)\n"
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def quick_call(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-S", "-X", "importtime", str(ROOT / "call.py"), *args],
        cwd="/",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_call_py_hands_over_without_site_packages(running):
    """`python -S call.py NUMBER`, as the .desktop file runs it: the same answer as
    main.py call, with only the standard library and gui.call's hand-over imported."""
    env, db_path, _window = running
    before = len(logged_calls(db_path))
    result = quick_call(env, "06-12345678")
    assert (result.returncode, result.stdout) == (0, "Beller: Anna Visser (klant 1)\n")
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    tops = {m.split(".")[0] for m in imported}
    assert not tops & {"site", "PySide6", "platformdirs", "phonenumbers", "storage", "argparse"}
    ours = sorted(m for m in imported if m.split(".")[0] in {"gui", "storage", "ocr"})
    assert ours == ["gui", "gui.call", "gui.call.handoff", "gui.call.quick"]
    wait_for(lambda: len(logged_calls(db_path)) == before + 1, _window)  # logged after paint
    bad = quick_call(env, "")
    assert bad.returncode == 2 and "Geen telefoonnummer" in bad.stderr


def test_call_py_without_window_starts_one(tmp_path):
    env = make_env(tmp_path)
    db_path = Path(env["KLANTDOSSIER_DB"])
    proc = subprocess.Popen(
        [sys.executable, "-S", str(ROOT / "call.py"), "tel:+31612345678"],
        cwd="/",
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for(lambda: bool(logged_calls(db_path)), proc)
        assert logged_calls(db_path)[0].client_id == 1
        wait_for(socket_of(env).exists, proc)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
