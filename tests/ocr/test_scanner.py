"""Scanning through SANE's real `test` backend (a virtual scanner shipped with libsane),
enabled by a private SANE_CONFIG_DIR: no system change. Faults no backend can fake (a
scanner unplugged halfway) use a stand-in scanimage named by KLANTDOSSIER_SCANIMAGE."""

from __future__ import annotations

import shutil
import stat
import time
from pathlib import Path

import pytest
from PIL import Image

from ocr.sources import scanner
from ocr.sources.scanner import (
    FeederEmptyError,
    NoScannerError,
    PaperJamError,
    ScanimageMissingError,
    ScannerError,
    ScannerGoneError,
    ScannerStalledError,
    ScanRun,
    ScanSettings,
    device_options,
    list_devices,
    parse_options,
    scan_arguments,
    scan_pages,
)

pytestmark = pytest.mark.skipif(
    shutil.which("scanimage") is None, reason="sane-utils (scanimage) is not installed"
)

TEST_CONF = """\
number_of_devices 2
mode Gray
test-picture "{picture}"
"""


def write_sane_config(
    folder: Path, backends: str = "test\n", picture: str = "Grid", extra: str = ""
) -> Path:
    """A SANE config folder with only the backends named (the test backend by default);
    extra: more test.conf lines (e.g. read-status-code to fake a fault)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text(backends)
    (folder / "test.conf").write_text(TEST_CONF.format(picture=picture) + extra)
    return folder


def spoof_scanimage(folder: Path, body: str) -> Path:
    script = folder / "scanimage"
    script.write_text("#!/bin/bash\n" + body)
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def scanimage_that_stops_after(
    pages: int, then: str, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real scanimage (and its device list), but a batch ends after `pages` pages
    with the shell commands `then` (a hang, an error)."""
    real = shutil.which("scanimage")
    script = spoof_scanimage(
        folder,
        f'if [[ " $* " == *" -A "* ]]; then exec {real} "$@"; fi\n'
        f'{real} "$@" --batch-count={pages} || exit $?\n' + then,
    )
    monkeypatch.setenv(scanner.SCANIMAGE_ENV, str(script))


@pytest.fixture
def sane_test(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = write_sane_config(tmp_path / "sane")
    monkeypatch.setenv("SANE_CONFIG_DIR", str(folder))
    monkeypatch.delenv(scanner.SCANIMAGE_ENV, raising=False)
    monkeypatch.setattr(scanner, "_device_cache", None)
    return folder


def test_lists_the_test_scanner_and_refreshes(sane_test: Path) -> None:
    (sane_test / "dll.conf").write_text("")  # no backend: no scanner yet
    assert list_devices() == []
    (sane_test / "dll.conf").write_text("test\n")  # "plugged in"
    assert list_devices() == []  # the kept answer, until asked to look again
    names = [d.name for d in list_devices(refresh=True)]
    assert names[:2] == ["test:0", "test:1"]
    assert "frontend-tester" in list_devices()[0].label


def test_options_of_the_test_scanner(sane_test: Path) -> None:
    options = device_options("test")
    assert options.flatbed_sources == ("Flatbed",)
    assert options.feeder_sources == ("Automatic Document Feeder",)
    assert set(options.modes) >= {"Gray", "Color"}
    assert options.resolution_range == (1, 1200)
    assert not options.has_duplex
    assert options.nearest_resolution(300) == 300


@pytest.mark.parametrize(("color", "mode"), [(False, "L"), (True, "RGB")])
def test_flatbed_scan_resolution_and_mode(sane_test: Path, tmp_path: Path, color, mode) -> None:
    settings = ScanSettings("test", feeder=False, resolution=50, color=color)
    pages = list(scan_pages(settings, tmp_path / "out"))
    assert len(pages) == 1
    with Image.open(pages[0]) as image:
        assert image.mode == mode
        # 200 mm (the test scanner's widest) at 50 dpi
        assert abs(image.width - 200 / 25.4 * 50) <= 2


def test_feeder_streams_pages_and_runs_empty_after_ten(sane_test: Path, tmp_path: Path) -> None:
    # A short delay per block makes the scanner slow enough to see pages stream.
    slow = ("--read-delay=yes", "--read-delay-duration=2000")
    run = ScanRun(ScanSettings("test", feeder=True, resolution=30, extra_args=slow), tmp_path)
    running_at_first_page = None
    pages = []
    for page in run:
        if running_at_first_page is None:
            running_at_first_page = run._proc.poll() is None
        pages.append(page)
    assert running_at_first_page, "the first page must arrive while the feeder still feeds"
    assert len(pages) == 10 and all(p.is_file() for p in pages)
    assert run.result.error is None  # an emptied feeder is the normal end of a stack


def scan_past_backend_hangs(status: str, tmp_path: Path) -> ScannerError:
    """The error a feeder scan with the test backend's read status ends in. That backend
    itself hangs now and then on these paths (2 of 15 plain scanimage runs here); the
    watchdog stops such a run, and a new run is a new try."""
    extra = (f"--read-return-value={status}",)
    settings = ScanSettings("test", feeder=True, resolution=30, extra_args=extra, stall_timeout_s=5)
    for attempt in range(4):
        folder = tmp_path / f"try{attempt}"
        try:
            list(scan_pages(settings, folder))
        except ScannerStalledError:
            continue
        except ScannerError as e:
            assert not list(folder.glob("*.pnm"))  # no half page left behind
            return e
        pytest.fail("the scan ended without an error")
    pytest.fail("the test backend hung on every try")


def test_feeder_jam_keeps_nothing_half_and_says_so(sane_test: Path, tmp_path: Path) -> None:
    error = scan_past_backend_hangs("SANE_STATUS_JAMMED", tmp_path)
    assert isinstance(error, PaperJamError) and "vast" in str(error)


def test_empty_feeder(sane_test: Path, tmp_path: Path) -> None:
    error = scan_past_backend_hangs("SANE_STATUS_NO_DOCS", tmp_path)
    assert isinstance(error, FeederEmptyError) and "leeg" in str(error)


def test_hung_driver_is_stopped_and_pages_kept(
    sane_test: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two pages come in, then the driver hangs without a word: the run ends by itself."""
    scanimage_that_stops_after(2, "exec sleep 60\n", tmp_path, monkeypatch)
    settings = ScanSettings("test", feeder=True, resolution=30, stall_timeout_s=2)
    run = ScanRun(settings, tmp_path / "out")
    started = time.monotonic()
    pages = list(run)
    assert time.monotonic() - started < 30
    assert len(pages) == 2 and all(p.is_file() for p in pages)
    assert isinstance(run.result.error, ScannerStalledError)
    assert "reageert niet" in str(run.result.error) and "2 gescande" in str(run.result.error)


def test_no_such_scanner(sane_test: Path, tmp_path: Path) -> None:
    with pytest.raises(NoScannerError, match=r"niet gevonden.*Controleer"):
        list(scan_pages(ScanSettings("test:nope"), tmp_path))


def test_scanimage_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(scanner.SCANIMAGE_ENV, raising=False)
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(scanner, "_device_cache", None)
    with pytest.raises(ScanimageMissingError, match="sane-utils"):
        list_devices()


def test_scanner_gone_mid_batch_keeps_pages(
    sane_test: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three pages come in, then the device stops answering (unplugged)."""
    scanimage_that_stops_after(
        3,
        'echo "scanimage: sane_read: Error during device I/O" >&2\nexit 1\n',
        tmp_path,
        monkeypatch,
    )
    run = ScanRun(ScanSettings("test", feeder=True, resolution=30), tmp_path / "out")
    pages = list(run)
    assert len(pages) == 3 and all(p.is_file() for p in pages)
    assert isinstance(run.result.error, ScannerGoneError)
    assert "3 pagina's" in str(run.result.error) and "bewaard" in str(run.result.error)


def test_cancel_stops_the_scanner_and_keeps_pages(sane_test: Path, tmp_path: Path) -> None:
    slow = ("--read-delay=yes", "--read-delay-duration=20000")
    run = ScanRun(ScanSettings("test", feeder=True, resolution=40, extra_args=slow), tmp_path)
    started = time.monotonic()
    pages = []
    for page in run:
        pages.append(page)
        run.cancel()
    assert run.result.cancelled and run.result.error is None
    assert 1 <= len(pages) < 10
    assert time.monotonic() - started < 20


HP_DUPLEX = """
All options specific to device `hpaio:/usb/Officejet?serial=X':
  Scan mode:
    --mode Lineart|Gray|Color [Lineart]
        Selects the scan mode.
    --resolution 75|100|150|200|300|600dpi [75]
        Sets the resolution of the scanned image.
    --source Flatbed|ADF [Flatbed]
        Selects the scan source.
    --duplex[=(yes|no)] [inactive]
        Enable Duplex (Dual-Sided) Scanning
  Geometry:
    -l 0..215.9mm [0]
    -t 0..381mm [0]
    -x 0..215.9mm [215.9]
    -y 0..381mm [381]
"""

FUJITSU = """
  Standard:
    --source ADF Front|ADF Back|ADF Duplex [ADF Front]
    --mode Lineart|Halftone|Gray|Color [Lineart]
    --resolution 50..600dpi (in steps of 1) [600]
"""


def test_duplex_by_source_or_by_switch(tmp_path: Path) -> None:
    fujitsu = parse_options(FUJITSU)
    assert fujitsu.has_duplex and fujitsu.has_feeder and not fujitsu.flatbed_sources
    args = scan_arguments(ScanSettings("fujitsu", feeder=True, duplex=True), fujitsu, tmp_path)
    assert args[args.index("--source") + 1] == "ADF Duplex"
    args = scan_arguments(ScanSettings("fujitsu", feeder=True), fujitsu, tmp_path)
    assert args[args.index("--source") + 1] == "ADF Front"

    hp = parse_options(HP_DUPLEX)
    assert hp.resolutions == (75, 100, 150, 200, 300, 600)
    assert hp.nearest_resolution(250) == 300
    assert not hp.duplex_option  # inactive until the ADF is chosen; the device decides
    args = scan_arguments(ScanSettings("hp", feeder=True, color=True), hp, tmp_path)
    assert args[args.index("--source") + 1] == "ADF"
    assert args[args.index("--mode") + 1] == "Color"
    assert args[args.index("-x") + 1] == "210" and args[args.index("-y") + 1] == "297"
