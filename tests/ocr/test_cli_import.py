"""`main.py import`: a progress bar on a terminal only, JSON untouched, exit codes."""

from __future__ import annotations

import contextlib
import json
import os
import pty
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from importing.progress import format_progress, terminal_progress
from importing.report import Progress
from tests.ocr.pagegen import card, fake_tesseract, save
from tests.ocr.procs import with_environment

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path) -> dict:
    script = fake_tesseract(tmp_path, shutil.which("tesseract") or "/usr/bin/tesseract")
    return {**os.environ, "KLANTDOSSIER_TESSERACT": str(script)}


def test_format_progress():
    line = format_progress(Progress(3, 12, "/scans/Jansen/brief 2.png", 65.0), 80)
    assert line.startswith("[######") and "3/12 pagina's" in line
    assert "nog 1:05" in line and line.endswith("brief 2.png")
    assert len(format_progress(Progress(3, None, "x" * 300), 40)) <= 39


def test_no_bar_when_not_a_terminal(tmp_path: Path):
    class Pipe:
        def isatty(self) -> bool:
            return False

    assert terminal_progress(Pipe()) is None


def test_bar_on_a_terminal_and_none_in_json_mode(tmp_path: Path):
    files = [str(save(card([f"blad {i}"]), tmp_path / f"{i}.png")) for i in range(3)]
    db = str(tmp_path / "k.sqlite")
    main, other = pty.openpty()
    run = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "import", *files, "--db", db],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=other, env=_env(tmp_path), timeout=120,
        check=False,
    )  # fmt: skip
    os.close(other)
    shown = b""
    try:
        while chunk := os.read(main, 4096):
            shown += chunk
    except OSError:
        pass
    os.close(main)
    assert run.returncode == 0
    assert b"\r[" in shown and b"3/3 pagina's" in shown
    assert b"3 documenten" in run.stdout

    run = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "import", *files, tmp_path / "weg.png",
         "--db", db, "--json"],
        cwd=ROOT, capture_output=True, env=_env(tmp_path), timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0
    report = json.loads(run.stdout)
    assert report["skipped"] == 3 and report["errors"][0]["path"].endswith("weg.png")
    assert set(report) == {
        "documents", "pages", "clients_created", "clients_updated", "skipped", "errors", "seconds",
        "folders", "own_business",
    }  # fmt: skip
    assert b"\r[" not in run.stderr


def test_nothing_to_import_exits_1(tmp_path: Path):
    run = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "import", str(tmp_path / "weg"),
         "--db", str(tmp_path / "k.sqlite")],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert run.returncode == 1 and "Niet gevonden" in run.stderr


def _reading_a_page(tmp_path: Path) -> bool:
    """Is the stand-in tesseract reading a page (not telling its version or a page's
    orientation)? Counting three processes was not enough: with two workers the CLI and
    both count, and Ctrl+C could come before the tesseract that hangs was started."""
    script = str(tmp_path / "tesseract").encode()
    for pid in with_environment(str(tmp_path), wait=0):
        try:
            args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        asks = {b"--version", b"--list-langs"} & set(args)
        orientation = b"--psm" in args and args[args.index(b"--psm") + 1 :][:1] == [b"0"]
        if script in args and not asks and not orientation:
            return True
    return False


def _ctrl_c_as_in_a_terminal() -> None:
    """A child inherits an ignored SIGINT, and Python then leaves it ignored. A test run
    started in the background by a non-interactive shell (`pytest ... &`, as a CI runner
    may) has SIGINT ignored from its start, and so had the CLI (seen with a plugin that
    logs SIGINT's handler after each test: no test changes it; the launching shell set
    it). A shell's foreground command gets Ctrl+C at its default."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_the_cli_and_every_process(tmp_path: Path):
    hang = tmp_path / "hangt.png"
    card(["hangt"]).save(hang, dpi=(201, 201))  # the stand-in tesseract hangs on this one
    env = {**_env(tmp_path), "KLANTDOSSIER_TEST_MARKER": str(tmp_path)}
    run = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "import", str(hang), "--db",
         str(tmp_path / "k.sqlite")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        start_new_session=True, preexec_fn=_ctrl_c_as_in_a_terminal,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not _reading_a_page(tmp_path) and time.monotonic() < deadline:
            time.sleep(0.2)  # the CLI, its worker and the hanging tesseract are running
        os.killpg(run.pid, signal.SIGINT)  # Ctrl+C goes to the whole foreground group
        _, err = run.communicate(timeout=30)
        assert run.returncode == 130 and b"Afgebroken" in err
        assert with_environment(str(tmp_path)) == []
    finally:  # a failure here must not leave processes behind for the tests after it
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)
        for pid in with_environment(str(tmp_path), wait=0):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
