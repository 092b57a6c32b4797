"""Run a command under a memory limit and a wall-clock limit, and measure its peak
memory (the largest resident size of it and every process it waited for)."""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .cli import ROOT, cli_env


@dataclass
class LimitedRun:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_kib: int  # ru_maxrss of the run and its children (KiB on Linux)
    timed_out: bool


def run_limited(
    cmd: Sequence[str],
    *,
    memory_bytes: int,
    timeout: float,
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
) -> LimitedRun:
    """cmd with RLIMIT_AS = memory_bytes for it and its children (Tesseract too); killed
    with its whole process group after `timeout` seconds."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))

    started = time.monotonic()
    proc = subprocess.Popen(
        list(cmd),
        cwd=cwd,
        env=env or cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=limit,
    )
    chunks: dict[str, bytes] = {}

    def drain(name: str, stream) -> None:
        chunks[name] = stream.read()

    readers = [
        threading.Thread(target=drain, args=("out", proc.stdout), daemon=True),
        threading.Thread(target=drain, args=("err", proc.stderr), daemon=True),
    ]
    for reader in readers:
        reader.start()
    timed_out = threading.Event()

    def on_timeout() -> None:
        timed_out.set()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)

    timer = threading.Timer(timeout, on_timeout)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    # children left behind (a stuck worker) must not keep the pipes open forever
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    for reader in readers:
        reader.join(timeout=10)
    return LimitedRun(
        proc.returncode,
        chunks.get("out", b"").decode("utf-8", "replace"),
        chunks.get("err", b"").decode("utf-8", "replace"),
        time.monotonic() - started,
        usage.ru_maxrss,
        timed_out.is_set(),
    )
