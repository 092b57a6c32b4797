"""Run main.py with a power cut at an exact point of an import.

    FAULTS_CRASH=doc-after:2 FAULTS_MARK=/tmp/m python -m tests.faults.helpers.crashpoint \
        import FOLDER --db K.sqlite

Random kills rarely land in the short windows that matter (between copying an original
and committing its document, inside a transaction), so these points are hit on purpose:

  part          just before a finished temp copy is renamed to its final original name
  doc-before    inside the transaction, before the n-th document row is written
  doc-after     inside the transaction, after the n-th document and its pages are written
  commit-after  right after the transaction holding the n-th document has committed

The whole process group gets SIGKILL (OCR workers and Tesseract too), as in a power cut.
The run must be started as a process-group leader (start_cli does that). FAULTS_MARK
names a file written just before the kill, so a test knows the point was reached.
"""

from __future__ import annotations

import os
import runpy
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LEADER = os.getpid()
TARGETS = ("part", "doc-before", "doc-after", "commit-after")


def die(target: str) -> None:
    mark = os.environ.get("FAULTS_MARK")
    if mark:
        Path(mark).write_text(target)
    os.killpg(LEADER, signal.SIGKILL)


def install(target: str, nth: int) -> None:
    from storage import ClientFile

    count = {"n": 0, "armed": False}

    if target == "part":

        def hook(event: str, args: tuple) -> None:
            if event == "os.rename" and ".originals" in str(args[1]):
                count["n"] += 1
                if count["n"] == nth:
                    die(target)

        sys.addaudithook(hook)
        return

    original_add = ClientFile.add_document
    original_tx = ClientFile.transaction

    def add_document(self, *args, **kwargs):
        count["n"] += 1
        if count["n"] == nth and target == "doc-before":
            die(target)
        result = original_add(self, *args, **kwargs)
        if count["n"] == nth:
            if target == "doc-after":
                die(target)
            count["armed"] = True
        return result

    depth = {"open": 0}

    @contextmanager
    def transaction(self):
        depth["open"] += 1
        try:
            with original_tx(self):
                yield
        finally:
            depth["open"] -= 1
        # after the commit, not after a savepoint inside the transaction
        if count["armed"] and target == "commit-after" and depth["open"] == 0:
            die(target)

    ClientFile.add_document = add_document
    ClientFile.transaction = transaction


def main() -> None:
    spec = os.environ.get("FAULTS_CRASH", "")
    if spec:
        if os.getpgrp() != LEADER:
            sys.exit("crashpoint: start me as a process-group leader (start_new_session=True)")
        target, _, nth = spec.partition(":")
        if target not in TARGETS:
            sys.exit(f"crashpoint: unknown target {target!r}; one of {', '.join(TARGETS)}")
        install(target, int(nth or 1))
    sys.argv = [str(ROOT / "main.py"), *sys.argv[1:]]
    runpy.run_path(str(ROOT / "main.py"), run_name="__main__")


if __name__ == "__main__":
    main()
