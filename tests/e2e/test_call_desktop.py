"""The tel:/callto: handler on Linux: the desktop file as scripts/setup.sh installs it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MARKER = "# tel: and callto: links open Klantdossier"


def install_desktop_file(home: Path) -> dict:
    """Run the desktop-file step of the real setup script (not the apt and venv steps)."""
    setup = (ROOT / "scripts" / "setup.sh").read_text()
    assert MARKER in setup, "setup.sh no longer installs the desktop file"
    step = "set -euo pipefail\n" + setup[setup.index(MARKER) :]
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CURRENT_DESKTOP="",  # xdg-mime's generic mode: mimeapps.list in XDG_CONFIG_HOME
    )
    subprocess.run(["bash", "-c", step], cwd=ROOT, env=env, check=True, timeout=60)
    return env


def test_desktop_file_is_valid_and_registered_for_tel_and_callto(tmp_path):
    for tool in ("desktop-file-validate", "xdg-mime"):
        assert shutil.which(tool), f"{tool} is missing: run `make test`, which installs it"
    env = install_desktop_file(tmp_path)
    installed = tmp_path / "data" / "applications" / "klantdossier.desktop"
    text = installed.read_text()
    assert "@ROOT@" not in text
    # No quotes: xdg-open 1.1 (Debian 12) takes the first word of Exec as the program
    # and does not unquote it; a quoted path made `xdg-open tel:...` fail. call.py with
    # -S: the quick entry (no site-packages needed to hand the number over).
    assert f"Exec={ROOT}/.venv/bin/python -S {ROOT}/call.py %u" in text
    assert "MimeType=x-scheme-handler/tel;x-scheme-handler/callto;" in text
    check = subprocess.run(
        ["desktop-file-validate", str(installed)], capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stdout + check.stderr
    for scheme in ("tel", "callto"):
        query = subprocess.run(
            ["xdg-mime", "query", "default", f"x-scheme-handler/{scheme}"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert query.stdout.strip() == "klantdossier.desktop"
    # A second setup run changes nothing (the step is idempotent).
    before = installed.stat().st_mtime_ns
    install_desktop_file(tmp_path)
    assert installed.stat().st_mtime_ns == before


def exec_line(desktop: Path) -> str:
    return next(x for x in desktop.read_text().splitlines() if x.startswith("Exec="))[5:]


def test_exec_line_works_for_xdg_open_and_the_spec(tmp_path):
    """xdg-open's generic mode: the first space-separated word must be the program as it
    is, the others plain words; per the Desktop Entry spec nothing there needs quoting."""
    install_desktop_file(tmp_path)
    words = exec_line(tmp_path / "data" / "applications" / "klantdossier.desktop").split(" ")
    assert Path(words[0]).is_file() and os.access(words[0], os.X_OK)
    assert words[-2:] == [str(ROOT / "call.py"), "%u"]
    reserved = set(" \t\n\"'\\<>~|&;$*?#()`")
    assert not any(set(w) & reserved for w in words)


def install_from(folder: Path, home: Path) -> dict:
    """The setup step run from `folder` (a link to this checkout, maybe an odd path)."""
    setup = (ROOT / "scripts" / "setup.sh").read_text()
    step = "set -euo pipefail\n" + setup[setup.index(MARKER) :]
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CURRENT_DESKTOP="",
    )
    subprocess.run(["bash", "-c", step], cwd=folder, env=env, check=True, timeout=60)
    return env


@pytest.mark.parametrize("odd", [False, True])
def test_xdg_open_tel_link_pops_the_caller(tmp_path, odd):
    """`xdg-open tel:0612345678` (and gio open) reach the open window, from a checkout in
    a plain path and in one with a space and a quote in it."""
    from tests.e2e.test_call_cli import logged_calls, make_env, socket_of, start_window, wait_for

    for tool in ("xdg-open", "xdg-mime"):
        assert shutil.which(tool), f"{tool} is missing: run `make test`, which installs it"
    checkout = ROOT
    if odd:
        checkout = tmp_path / "Mijn map's" / "klantdossier"
        checkout.parent.mkdir()
        checkout.symlink_to(ROOT)
    home = tmp_path / "home"
    env = install_from(checkout, home)
    desktop = home / "data" / "applications" / "klantdossier.desktop"
    check = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stdout + check.stderr
    window_env = make_env(tmp_path / "w")
    env.update({k: window_env[k] for k in ("KLANTDOSSIER_DB", "KLANTDOSSIER_RUNTIME_DIR")})
    env.update(QT_QPA_PLATFORM="offscreen", DISPLAY=":99")  # a display for xdg-open's sake
    proc = start_window(window_env)
    try:
        wait_for(socket_of(window_env).exists, proc)
        db_path = Path(window_env["KLANTDOSSIER_DB"])
        opened = subprocess.run(
            ["xdg-open", "tel:0612345678"], env=env, capture_output=True, text=True, timeout=60
        )
        assert opened.returncode == 0, opened.stderr
        assert "Beller: Anna Visser" in opened.stdout
        wait_for(lambda: bool(logged_calls(db_path)), proc)  # logged once the banner is up
        calls = logged_calls(db_path)
        assert [(c.client_id, c.number) for c in calls] == [(1, "+31612345678")]
        if shutil.which("gio"):
            subprocess.run(["gio", "open", "callto:0612345678"], env=env, timeout=60, check=True)
            wait_for(lambda: len(logged_calls(db_path)) == 2, proc, seconds=20)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
