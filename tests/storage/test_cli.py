"""The storage commands of main.py on a real file: in-process through main.main (real
argument parsing and output), one run as a subprocess for the error path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from storage import ClientFile

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    """main.main(args) with its exit code and output, shaped like a finished process."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main.main(list(args))
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def run_process(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def db(filled: ClientFile) -> str:
    filled.close()
    return str(filled.path)


def test_search_lookup_show(db: str):
    hits = json.loads(run("search", "zwol", "--db", db, "--json").stdout)
    assert [h["name"] for h in hits] == ["Sjóerd de Vries"]
    assert hits[0]["snippet"] == "Plaats: [Zwolle]"
    done = run("lookup", "0031 6 1234 5678", "--db", db, "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["id"] == hits[0]["id"]
    unknown = run("lookup", "06-99999999", "--db", db, "--json")
    assert unknown.returncode == 3 and unknown.stdout.strip() == "null"
    shown = run("show", str(hits[0]["id"]), "--db", db)
    assert "Kerkstraat 12, 1234 AB Zwolle" in shown.stdout


def test_export_backup_forget(db: str, tmp_path: Path):
    out = tmp_path / "klanten.csv"
    done = run("export", "--format", "csv", "--out", str(out), "--db", db)
    assert done.returncode == 0, done.stderr
    assert "3 klanten" in done.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    vcards = run("export", "--format", "vcard", "--db", db).stdout
    assert vcards.count("BEGIN:VCARD") == 3
    folder = run("export", "--client", "1", "--out", str(tmp_path / "avg"), "--db", db)
    assert folder.returncode == 0 and (tmp_path / "avg" / "klant-1" / "klant.json").is_file()
    backup = run("backup", str(tmp_path / "kopie.sqlite"), "--db", db)
    assert backup.returncode == 0 and (tmp_path / "kopie.sqlite").is_file()
    erased = run("forget", "1", "-y", "--db", db, "--json")  # -y: no terminal to ask on
    assert erased.returncode == 0, erased.stderr
    assert json.loads(erased.stdout)["documents"] == 1
    again = run("forget", "1", "--db", db)
    assert again.returncode == 3 and "Er is geen klant met nummer 1" in again.stderr


def test_corrupt_file_message(tmp_path: Path):
    bad = tmp_path / "kapot.sqlite"
    bad.write_bytes(b"\x00garbage" * 500)
    done = run_process("search", "x", "--db", str(bad))
    assert done.returncode == 1
    assert "geen klantbestand" in done.stderr and "Traceback" not in done.stderr
