"""Daily backups with rotation (the setting of issue 11, and `backup --daily`)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from storage import ClientFile, PageText
from storage.backups import daily_backup, daily_backups

ROOT = Path(__file__).resolve().parents[2]


def seed(cf: ClientFile, tmp_path: Path) -> str:
    scan = tmp_path / "scan.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    sha = "c" * 64
    with cf.transaction():
        cf.originals.put(scan, sha)
        client = cf.create_client(name="Bram Dekker")
        cf.add_document(
            client_id=client,
            name="scan.png",
            sha256=sha,
            mime="image/png",
            pages=[PageText("Offerte kozijnen")],
        )
    return sha


def test_one_backup_a_day_and_the_oldest_go(client_file, tmp_path):
    sha = seed(client_file, tmp_path)
    folder = tmp_path / "kopieen"
    start = date(2026, 11, 1)
    for day in range(9):
        assert daily_backup(client_file, folder, keep=7, today=start + timedelta(day))
    assert daily_backup(client_file, folder, keep=7, today=start + timedelta(8)) is None
    names = [p.name for p in daily_backups(folder)]
    assert names == [f"klantdossier-{start + timedelta(d)}.sqlite" for d in range(2, 9)]
    # no leftovers of removed or half-made copies
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*names, *(n + ".originals" for n in names)]
    )
    newest = daily_backups(folder)[-1]
    with ClientFile.open(newest) as copy:
        assert [h.name for h in copy.search("kozijnen")] == ["Bram Dekker"]
    linked = newest.with_name(newest.name + ".originals") / sha[:2] / sha
    if client_file.backend == "sqlite":  # hard links to the file's own originals
        assert linked.stat().st_ino == client_file.original_path(sha).stat().st_ino
    else:  # a server's originals are in its database: each copy holds them
        assert linked.read_bytes() == client_file.original_path(sha).read_bytes()
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert oct(newest.stat().st_mode & 0o777) == "0o600"


def test_cli_daily_backup(db_path, tmp_path):
    with ClientFile.open(db_path) as cf:
        seed(cf, tmp_path)
    folder = tmp_path / "dagelijks"
    cmd = [
        sys.executable,
        str(ROOT / "main.py"),
        "backup",
        "--daily",
        str(folder),
        "--keep",
        "3",
        "--db",
        str(db_path),
    ]
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    assert first.returncode == 0 and "Reservekopie gemaakt" in first.stdout, first.stderr
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    assert again.returncode == 0 and "al" in again.stdout
    assert len(daily_backups(folder)) == 1
