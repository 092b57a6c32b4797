"""Proof that a run opens no network connection: an audit hook in every Python process
of the run (a sitecustomize on PYTHONPATH, so OCR workers have it too) and, where
installed, strace over the whole process tree (Tesseract included)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

SITECUSTOMIZE = """
import os, socket, sys

_LOG = os.environ.get("FAULTS_NET_LOG")
_NET = {getattr(socket, "AF_INET", 2), getattr(socket, "AF_INET6", 10)}
_NAMES = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
          "socket.gethostbyaddr", "urllib.Request", "http.client.connect"}


def _hook(event, args):
    if not _LOG:
        return
    hit = None
    if event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"):
        sock = args[0]
        if getattr(sock, "family", None) in _NET:
            hit = f"{event} {args[1]!r}"
    elif event in _NAMES:
        hit = f"{event} {args!r}"[:200]
    if hit:
        with open(_LOG, "a") as log:
            log.write(f"{os.getpid()} {hit}\\n")


sys.addaudithook(_hook)
"""


def hook_dir(where: Path) -> Path:
    """A folder holding the sitecustomize; put it first on PYTHONPATH."""
    where.mkdir(parents=True, exist_ok=True)
    (where / "sitecustomize.py").write_text(SITECUSTOMIZE)
    return where


def net_env(base: dict[str, str], hooks: Path, log: Path) -> dict[str, str]:
    env = dict(base)
    env["PYTHONPATH"] = f"{hooks}:{env.get('PYTHONPATH', '')}"
    env["FAULTS_NET_LOG"] = str(log)
    return env


def strace_prefix(out: Path) -> list[str]:
    """strace of every network call of the tree, or [] when strace is not installed."""
    if shutil.which("strace") is None:
        return []
    return ["strace", "-f", "-qq", "-e", "trace=connect,bind,sendto,sendmsg", "-o", str(out)]


_INET = re.compile(r"sa_family=AF_INET6?\b")


def strace_hits(out: Path) -> list[str]:
    """Lines of an strace log that touch IPv4/IPv6 (local Unix sockets are fine)."""
    if not out.exists():
        return []
    return [line for line in out.read_text().splitlines() if _INET.search(line)]
