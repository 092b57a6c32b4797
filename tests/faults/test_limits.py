"""Unbounded imports from the CLI (issue 18.6): a Flate bomb is read by a worker capped
at limits.MAX_READ_MEMORY and refused in plain words while the rest goes on; the limits
can be set for every process of a run (KLANTDOSSIER_LIMITS); a long document killed
half-way, in a client folder or a loose file, keeps the parts it read, and the rerun
completes it."""

from __future__ import annotations

import json
import time

import pytest

from storage import ClientFile
from storage.originals import sha256_of
from tests.faults.helpers import cli, consistency
from tests.faults.helpers.limited import run_limited
from tests.faults.helpers.limitfiles import flate_bomb_pdf, letter, long_tiff

PEAK_MB = 600  # the target for any import, whatever the input


def test_a_flate_bomb_is_refused_within_the_memory_cap(tmp_path, tesseract_available):
    bomb = flate_bomb_pdf(tmp_path / "bom.pdf")
    assert bomb.stat().st_size < 2 * 1024 * 1024
    good = letter(tmp_path / "goed.png", "Jan Jansen", "06-12345678")
    db = tmp_path / "k.sqlite"
    run = run_limited(
        cli.main_command(["import", bomb, good, "--db", db, "--json", "--jobs", "1"]),
        memory_bytes=3 * 1024**3,
        timeout=240,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert cli.looks_clean(run.stderr)
    report = json.loads(run.stdout)
    (error,) = report["errors"]
    assert error["path"].endswith("bom.pdf")
    assert "te groot om te lezen" in error["error"]
    assert run.peak_kib / 1024 <= PEAK_MB, f"peak {run.peak_kib / 1024:.0f} MB"
    with ClientFile.open(db) as cf:
        assert cf.documents_by_sha256(sha256_of(good))
        assert not cf.documents_by_sha256(sha256_of(bomb))


def test_limits_from_the_environment_hold_for_the_cli(tmp_path, tesseract_available):
    big = tmp_path / "groot.tif"
    big.write_bytes(b"II*\x00" + bytes(40_000))
    db = tmp_path / "k.sqlite"
    env = cli.cli_env({"KLANTDOSSIER_LIMITS": "file_bytes=20000"})
    run = cli.run_cli("import", big, "--db", db, "--json", env=env)
    assert run.returncode == 0 and cli.looks_clean(run.stderr)
    (error,) = json.loads(run.stdout)["errors"]
    assert "te groot" in error["error"]
    originals = db.parent / f"{db.name}.originals"
    assert not [p for p in originals.rglob("*") if p.is_file()]


@pytest.mark.parametrize("given", ["folder", "loose file"])
def test_a_killed_import_keeps_the_parts_it_read(given, tmp_path, tesseract_available):
    folder = tmp_path / "Jansen"
    folder.mkdir()
    tiff = long_tiff(folder / "ordner.tif", 12)
    path = folder if given == "folder" else tiff
    db = tmp_path / "k.sqlite"
    env = cli.cli_env({"KLANTDOSSIER_LIMITS": "part=3"})
    proc = cli.start_cli("import", path, "--db", db, "--json", "--jobs", "1", env=env)
    deadline = time.monotonic() + 120
    while consistency.document_count(db) < 1 and time.monotonic() < deadline:
        assert proc.poll() is None, "the import ended before a part was stored"
        time.sleep(0.02)
    cli.kill_group(proc)
    proc.communicate(timeout=30)
    with ClientFile.open(db) as cf:
        kept = cf.documents_by_sha256(sha256_of(tiff))
    assert 1 <= len(kept) < 4, "a part read before the kill was lost"
    assert consistency.inspect(db).ok
    again = cli.run_cli("import", path, "--db", db, "--json", env=env)
    assert again.returncode == 0 and json.loads(again.stdout)["errors"] == []
    with ClientFile.open(db) as cf:
        parts = sorted(cf.documents_by_sha256(sha256_of(tiff)), key=lambda d: d.frames)
    assert [p.frames for p in parts] == [(0, 1, 2), (3, 4, 5), (6, 7, 8), (9, 10, 11)]
    assert len({p.client_id for p in parts}) == 1 and parts[0].client_id is not None
    assert {k.id for k in kept} <= {p.id for p in parts}  # kept parts taken up, not redone
