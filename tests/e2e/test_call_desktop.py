"""The tel:/callto: handler on Linux: the desktop file as scripts/setup.sh installs it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

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
    assert f'Exec="{ROOT}/.venv/bin/python" "{ROOT}/main.py" call %u' in text
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
