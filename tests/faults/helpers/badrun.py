"""One import of many bad files, and the per-file verdict: imported, refused with a
clear line, duplicate of another file, or unaccounted for (silently dropped)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .cli import main_command
from .limited import LimitedRun, run_limited

MEMORY_LIMIT = 3 * 1024**3
MAX_MESSAGE = 400


@dataclass
class BadFileVerdict:
    tried: int = 0
    imported: int = 0
    refused: int = 0
    duplicates: int = 0
    unclear: list[str] = field(default_factory=list)  # refused without a clear line
    unaccounted: list[str] = field(default_factory=list)
    crashed: bool = False
    crash_reason: str = ""
    messages: Counter = field(default_factory=Counter)
    run: LimitedRun | None = None

    @property
    def handled_cleanly(self) -> int:
        return self.imported + self.refused + self.duplicates - len(self.unclear)


PYTHON_NAME = re.compile(r"\b[A-Z][A-Za-z]*(Error|Exception)\b")


def clear_message(text: str, strict: bool = True) -> bool:
    """One plain line for a person: not empty, not a dump; strict also refuses Python
    exception names ("(TypeError)"), which say nothing to office staff."""
    plain = (
        bool(text.strip())
        and "\n" not in text.strip()
        and len(text) <= MAX_MESSAGE
        and "Traceback" not in text
    )
    return plain and not (strict and PYTHON_NAME.search(text))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def import_bad_files(
    files: list[Path],
    db: Path,
    *,
    timeout: float,
    memory_bytes: int = MEMORY_LIMIT,
    strict_messages: bool = True,
) -> BadFileVerdict:
    """Import all files as loose documents in ONE run under the limits, then judge."""
    run = run_limited(
        main_command(["import", *map(str, files), "--db", str(db), "--json"]),
        memory_bytes=memory_bytes,
        timeout=timeout,
    )
    verdict = BadFileVerdict(tried=len(files), run=run)
    report = None
    with contextlib.suppress(ValueError):
        report = json.loads(run.stdout)
    if run.timed_out:
        verdict.crashed, verdict.crash_reason = True, f"no end after {timeout:.0f} s"
    elif run.returncode != 0 or report is None or "Traceback" in run.stderr:
        verdict.crashed = True
        verdict.crash_reason = f"exit {run.returncode}: {run.stderr.strip()[-1500:]}"
    errors = {e["path"]: e["error"] for e in (report or {}).get("errors", [])}
    stored: set[str] = set()
    if db.exists():
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            stored = {r[0] for r in conn.execute("SELECT sha256 FROM documents")}
        except sqlite3.Error:
            stored = set()
        finally:
            conn.close()
    seen: set[str] = set()
    for path in files:
        sha = _sha(path)
        if str(path) in errors:
            verdict.refused += 1
            message = errors[str(path)]
            verdict.messages[message[:80]] += 1
            if not clear_message(message, strict_messages):
                verdict.unclear.append(f"{path.name}: {message[:300]!r}")
        elif sha in stored and sha not in seen:
            verdict.imported += 1
        elif sha in seen or (sha in stored and sha in seen):
            verdict.duplicates += 1
        else:
            verdict.unaccounted.append(path.name)
        seen.add(sha)
    return verdict
