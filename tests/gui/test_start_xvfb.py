"""The app started as a user starts it (`python main.py --db FILE`) on a real X server
(Xvfb): it must stay up and show its window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = r"""
"$PYTHON" main.py --db "$DB" >"$LOG" 2>&1 &
app=$!
for _ in $(seq 1 100); do
  if xwininfo -root -tree 2>/dev/null | grep -q '"Klantdossier"'; then break; fi
  kill -0 $app 2>/dev/null || break
  sleep 0.2
done
sleep 1
xwininfo -root -tree
import -window root "$SHOT" 2>/dev/null || true
if kill -0 $app 2>/dev/null; then echo APP-STILL-RUNNING; kill $app; wait $app; fi
"""


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="Xvfb is not installed")
def test_main_py_opens_the_window_on_a_real_x_server(tmp_path, demo):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(
        PYTHON=sys.executable,
        DB=str(demo.path),
        LOG=str(tmp_path / "app.log"),
        SHOT=str(tmp_path / "screen.png"),
        HOME=str(tmp_path),  # the user's own settings stay untouched
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_RUNTIME_DIR=str(tmp_path / "run"),
    )
    (tmp_path / "run").mkdir(mode=0o700)
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "bash", "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    log = (tmp_path / "app.log").read_text(errors="replace")
    assert "APP-STILL-RUNNING" in result.stdout, result.stdout + result.stderr + log
    assert '"Klantdossier"' in result.stdout, result.stdout + log
    assert "Traceback" not in log, log
