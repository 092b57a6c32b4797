"""Bad files: damaged, hostile and absurd files imported in ONE run under a time and a
memory limit. Each one is imported or refused with a clear line; the run ends normally.

The suite uses the generated set plus the damaged and hostile part of ../shared/testdata;
bench/faults.py runs every shared file.
"""

from __future__ import annotations

from tests.faults.helpers.badfiles import bad_file_set, shared_bad_files
from tests.faults.helpers.badrun import clear_message, import_bad_files
from tests.faults.helpers.consistency import inspect

MEMORY_LIMIT = 3 * 1024**3  # address space of every process of the run (Tesseract too)


def test_generated_bad_files_in_one_run(tmp_path, tesseract_available):
    files = bad_file_set(tmp_path / "bad", seed=1)
    db = tmp_path / "klanten.sqlite"
    verdict = import_bad_files(
        files, db, timeout=240, memory_bytes=MEMORY_LIMIT, strict_messages=False
    )
    assert not verdict.crashed, verdict.crash_reason
    assert verdict.unaccounted == [], "files neither imported nor refused"
    assert verdict.unclear == []
    assert verdict.imported >= 5  # the undamaged sources
    assert inspect(db).ok


def test_shared_damaged_files_in_one_run(tmp_path, shared_testdata, tesseract_available):
    files = shared_bad_files(shared_testdata, light=True)
    assert len(files) > 20
    db = tmp_path / "klanten.sqlite"
    verdict = import_bad_files(
        files, db, timeout=200, memory_bytes=MEMORY_LIMIT, strict_messages=False
    )
    assert not verdict.crashed, verdict.crash_reason
    assert verdict.unaccounted == []
    assert verdict.unclear == []
    assert inspect(db).ok


def test_truncated_tiff_is_refused_in_plain_words(tmp_path, tesseract_available):
    files = [p for p in bad_file_set(tmp_path / "bad", seed=1) if p.name == "good-cut30.tif"]
    verdict = import_bad_files(files, tmp_path / "k.sqlite", timeout=120)
    assert verdict.refused == 1
    assert verdict.unclear == [], verdict.unclear


def test_clear_message_rule():
    """The rule the verdict uses can fail: dumps and Python names are not clear."""
    assert clear_message("afbeelding is beschadigd of onvolledig")
    assert not clear_message("")
    assert not clear_message("Traceback (most recent call last):\n  File ...")
    assert not clear_message("bestand is onleesbaar (TypeError)")
    assert clear_message("bestand is onleesbaar (TypeError)", strict=False)
