"""Shared fixtures: a real client file in a temporary folder, real Tesseract, real Qt."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_TESTDATA = ROOT.parent / "shared" / "testdata"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from storage import ClientFile  # noqa: E402


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "klanten.sqlite"


@pytest.fixture
def client_file(db_path: Path):
    cf = ClientFile.open(db_path)
    yield cf
    cf.close()


@pytest.fixture(scope="session")
def shared_testdata() -> Path:
    if not SHARED_TESTDATA.is_dir():
        pytest.skip("../shared/testdata is absent (a plain clone has no shared/)")
    return SHARED_TESTDATA


@pytest.fixture(scope="session")
def tesseract_available() -> None:
    if shutil.which("tesseract") is None:
        pytest.fail("tesseract is not installed: run `make test`, which installs it")


@pytest.fixture(autouse=True)
def own_business_of_the_test(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the developer's own-business details: each starts with
    none (a test that needs some sets KLANTDOSSIER_OWN_BUSINESS itself)."""
    monkeypatch.setenv("KLANTDOSSIER_OWN_BUSINESS", str(tmp_path / "eigen_bedrijf.json"))


@pytest.fixture(autouse=True)
def private_window_settings_and_socket(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test (nor a main.py it starts) writes the developer's window settings, data
    folder (the default client file, the backups made before a server's file is
    migrated) or reaches their open window: settings, data and the call socket's folder
    are the test's own."""
    folder = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "data"))
    monkeypatch.setenv("KLANTDOSSIER_RUNTIME_DIR", str(folder / "run"))


@pytest.fixture
def small_tmpfs(tmp_path: Path):
    """A 1 MB file system (tmpfs), to fill up or make read-only for real."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not allowed here: {done.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)
