"""main.py as scripts and careless hands run it, each as a real process: `forget` with no
one to ask, a reader that leaves early (`| head`), and a scan the scanner cannot do."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from gui import settings as gui_settings
from storage import ClientFile, Phone

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, env: dict | None = None, stdin=None, input_: str | None = None):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        stdin=stdin,
        input=input_,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def two_clients(tmp_path: Path) -> Path:
    db_path = tmp_path / "klanten.sqlite"
    with ClientFile.open(db_path) as cf, cf.transaction():
        cf.create_client(name="Anna Visser", phones=[Phone("+31612345678")])
        cf.create_client(name="Bram de Wit")
    return db_path


def client_names(db_path: Path) -> list[str]:
    with ClientFile.open(db_path, read_only=True) as cf:
        return [cf.client(i).name for i in cf.client_ids()]


@pytest.mark.parametrize("answer", ["n\n", "j\n", ""])
def test_forget_without_terminal_and_without_yes_refuses(two_clients, answer):
    """`echo j | main.py forget 1` must not erase: nobody saw the question."""
    result = cli("forget", "1", "--db", str(two_clients), input_=answer)
    assert result.returncode == 2
    assert "Niets gewist" in result.stderr and "-y" in result.stderr
    assert "Traceback" not in result.stderr
    assert client_names(two_clients) == ["Anna Visser", "Bram de Wit"]
    # -y is the way for scripts; an unknown client is still named as such (exit 3)
    assert cli("forget", "9", "--db", str(two_clients), stdin=subprocess.DEVNULL).returncode == 3
    done = cli("forget", "1", "-y", "--db", str(two_clients), stdin=subprocess.DEVNULL)
    assert done.returncode == 0 and client_names(two_clients) == ["Bram de Wit"]


def test_forget_clears_the_remembered_search(two_clients, tmp_path):
    """The window's settings must not keep the erased client's name as the last search."""
    config = tmp_path / "config"
    env = {**os.environ, "XDG_CONFIG_HOME": str(config)}
    ini = config / gui_settings.ORGANIZATION / f"{gui_settings.APPLICATION}.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text(f"[search]\n{gui_settings.last_search_key(two_clients)[7:]}=Anna Visser\n")
    ini.chmod(0o644)  # as QSettings wrote it before the settings were made private
    result = cli("forget", "1", "-y", "--db", str(two_clients), env=env)
    assert result.returncode == 0, result.stderr
    assert "Anna" not in ini.read_text()
    assert ini.stat().st_mode & 0o777 == 0o600 and ini.parent.stat().st_mode & 0o777 == 0o700
    assert QSettings(str(ini), QSettings.Format.IniFormat).allKeys() == []


@pytest.mark.parametrize(
    "args",
    [("show", "1", "--json"), ("search", "klant", "--json", "--limit", "1000")],
)
def test_a_reader_that_leaves_early_ends_quietly(two_clients, args):
    """`main.py show 1 --json | head -c1`: no BrokenPipeError traceback."""
    # More output than a pipe holds (64 KiB), so the writer meets the closed end.
    with ClientFile.open(two_clients) as cf:
        for i in range(400):
            cf.add_note(1, f"notitie {i} " + "x" * 200)
        with cf.transaction():
            for i in range(600):
                cf.create_client(name=f"Klant {i}", company="Bedrijf " + "y" * 150)
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args, "--db", str(two_clients)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout.read(1) in (b"[", b"{")
    proc.stdout.close()  # the reader goes away, as head does after its lines
    _out, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()[-2000:]
    assert proc.returncode == 141


def test_json_still_complete_when_read_to_the_end(two_clients):
    result = cli("show", "1", "--json", "--db", str(two_clients))
    assert result.returncode == 0 and json.loads(result.stdout)["name"] == "Anna Visser"


@pytest.mark.skipif(shutil.which("scanimage") is None, reason="sane-utils is not installed")
def test_duplex_on_a_scanner_without_duplex_is_refused(tmp_path):
    """SANE's test backend scans one side per sheet: --duplex must say so, not scan."""
    sane = tmp_path / "sane"
    sane.mkdir()
    (sane / "dll.conf").write_text("test\n")
    (sane / "test.conf").write_text('number_of_devices 1\nmode Gray\ntest-picture "Grid"\n')
    env = {**os.environ, "SANE_CONFIG_DIR": str(sane)}
    env.pop("KLANTDOSSIER_SCANIMAGE", None)
    db = str(tmp_path / "k.sqlite")
    for extra in ([], ["--flatbed"]):
        result = cli("scan", "--device", "test:0", "--duplex", *extra, "--db", db, env=env)
        assert result.returncode == 2, result.stderr
        assert "Dubbelzijdig scannen kan niet" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "k.sqlite").exists() or client_names(tmp_path / "k.sqlite") == []
