"""Fixtures of the fault tests: small client folders and a reference import of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.helpers.killing import Reference, reference_import
from tests.faults.helpers.pages import SmallFolder, write_small_dataset


@pytest.fixture(scope="module")
def small_folders(tmp_path_factory, tesseract_available) -> list[SmallFolder]:
    """Two clients of three small pages each (PNG, JPEG, TIFF: 6 documents)."""
    return write_small_dataset(tmp_path_factory.mktemp("folders"), clients=2, pages=3, seed=11)


@pytest.fixture(scope="module")
def tiny_folders(tmp_path_factory, tesseract_available) -> list[SmallFolder]:
    """Two clients of one small page each: for tests that need imports, not pages."""
    return write_small_dataset(tmp_path_factory.mktemp("tiny"), clients=2, pages=1, seed=12)


@pytest.fixture(scope="module")
def reference(small_folders, tmp_path_factory) -> Reference:
    """The small folders imported once, without interruption."""
    db = tmp_path_factory.mktemp("reference") / "klanten.sqlite"
    return reference_import([f.folder for f in small_folders], db)


def folder_paths(folders: list[SmallFolder]) -> list[Path]:
    return [f.folder for f in folders]
