"""DESIGN.md's layer rules, enforced: a crossing fails the suite."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken" in result.stdout


def test_contract_catches_a_crossing(tmp_path):
    """The checker itself works: a storage module that imports Qt is reported."""
    offender = ROOT / "storage" / "_layer_probe.py"
    offender.write_text("import PySide6.QtCore  # noqa: F401\n")
    try:
        lint = Path(sys.executable).with_name("lint-imports")
        result = subprocess.run(
            [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
        )
    finally:
        offender.unlink()
    assert result.returncode != 0
    assert "storage._layer_probe" in result.stdout
