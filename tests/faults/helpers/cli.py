"""Running main.py as a user would: a subprocess, in its own process group so that a
"power cut" (SIGKILL to the whole group) also takes OCR workers and Tesseract down."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
MAIN = ROOT / "main.py"
PYTHON = sys.executable


def cli_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a CLI run: one OCR thread per process, no stray client file."""
    env = dict(os.environ)
    env.pop("KLANTDOSSIER_DB", None)
    env["OMP_THREAD_LIMIT"] = "1"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if extra:
        env.update(extra)
    return env


def main_command(args: Sequence[str], module: str | None = None) -> list[str]:
    """python main.py ARGS, or python -m MODULE ARGS (a wrapper that then calls main)."""
    if module:
        return [PYTHON, "-m", module, *map(str, args)]
    return [PYTHON, str(MAIN), *map(str, args)]


def run_cli(
    *args: str | os.PathLike[str],
    timeout: float = 300,
    env: dict[str, str] | None = None,
    prefix: Sequence[str] = (),
    module: str | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run main.py to the end; on timeout the whole process group is killed and
    TimeoutExpired raised (a hang is a finding, not something to wait out)."""
    proc = start_cli(*args, env=env, prefix=prefix, module=module, preexec_fn=preexec_fn)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        raise
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def start_cli(
    *args: str | os.PathLike[str],
    env: dict[str, str] | None = None,
    prefix: Sequence[str] = (),
    module: str | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*prefix, *main_command([str(a) for a in args], module)],
        cwd=ROOT,
        env=env or cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=True,
        preexec_fn=preexec_fn,
    )


def kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL the run and everything it started (a power cut for that program)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()


def looks_clean(stderr: str) -> bool:
    """A message for a person, not a Python crash dump."""
    return "Traceback (most recent call last)" not in stderr
