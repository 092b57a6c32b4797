"""Scanners through SANE: list devices, read their options, scan pages one at a time.

Why the `scanimage` program (sane-utils) and not a Python binding such as python-sane:
- python-sane ships no wheels (PyPI has only its source), so every install would need a C
  compiler and libsane-dev; scanimage comes with the SANE packages a scanner needs anyway.
- A scanner backend runs inside the process that loads it. Some backends crash or hang
  on a lost USB device; in a separate process that costs one scan, not the open window
  with the user's unsaved review.
- Cancel is a signal to that process (scanimage then cancels the scan cleanly), where a
  binding's blocking read() cannot be interrupted from another thread.
- `--batch --batch-print` writes each page to its own file and prints the name the moment
  the page is complete, so pages stream on to OCR while the feeder is still feeding.
- It is testable with SANE's `test` backend and, for faults no backend can fake (a device
  unplugged halfway), with a stand-in script named by KLANTDOSSIER_SCANIMAGE.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OcrError

SCANIMAGE_ENV = "KLANTDOSSIER_SCANIMAGE"
LIST_TIMEOUT_S = 30
A4_MM = (210.0, 297.0)

INSTALL_HINT = "sudo apt-get install sane-utils"
CHECK_HINT = (
    "Controleer of de scanner aan staat, met de kabel (of het netwerk) verbonden is en "
    "of `scanimage -L` in een terminal hem vindt. U kunt ook gescande bestanden importeren."
)


class ScannerError(OcrError):
    """Scanning failed; the message says what to check."""


class ScanimageMissingError(ScannerError):
    """The scanimage program (SANE) is not installed."""


class NoScannerError(ScannerError):
    """SANE finds no scanner, or not the one asked for."""


class ScannerGoneError(ScannerError):
    """The scanner stopped answering halfway; the pages scanned so far are kept."""


class ScannerStalledError(ScannerGoneError):
    """No page and no end came for too long: the driver hung; scanimage was stopped."""


class FeederEmptyError(ScannerError):
    """The document feeder holds no paper."""


class PaperJamError(ScannerError):
    """Paper jammed in the feeder; the pages scanned before it are kept."""


class CoverOpenError(ScannerError):
    """The scanner's cover is open."""


@dataclass(frozen=True, slots=True)
class ScannerDevice:
    name: str  # SANE device name, e.g. "epson2:libusb:001:004" or "test:0"
    vendor: str = ""
    model: str = ""
    kind: str = ""

    @property
    def label(self) -> str:
        words = " ".join(v for v in (self.vendor, self.model) if v and v.lower() != "noname")
        return f"{words or self.name} ({self.name})"


@dataclass(frozen=True, slots=True)
class DeviceOptions:
    """What a device offers, read from `scanimage -A`."""

    sources: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    resolution_range: tuple[int, int] | None = None  # min, max for a ranged option
    resolutions: tuple[int, ...] = ()  # the allowed values for a listed option
    duplex_option: bool = False  # a separate --duplex switch (some HP, Canon backends)
    max_width_mm: float | None = None
    max_height_mm: float | None = None

    @property
    def feeder_sources(self) -> tuple[str, ...]:
        return tuple(s for s in self.sources if _is_feeder(s))

    @property
    def flatbed_sources(self) -> tuple[str, ...]:
        return tuple(s for s in self.sources if not _is_feeder(s))

    @property
    def has_feeder(self) -> bool:
        return bool(self.feeder_sources)

    @property
    def has_duplex(self) -> bool:
        return self.duplex_option or any("duplex" in s.lower() for s in self.sources)

    def nearest_resolution(self, dpi: int) -> int:
        if self.resolutions:
            return min(self.resolutions, key=lambda r: (abs(r - dpi), -r))
        if self.resolution_range:
            low, high = self.resolution_range
            return max(low, min(high, dpi))
        return dpi


@dataclass(frozen=True, slots=True)
class ScanSettings:
    device: str
    feeder: bool = False
    duplex: bool = False
    resolution: int = 300
    color: bool = False
    max_pages: int | None = None  # None: flatbed one page, feeder until empty
    # Device-specific scanimage options (e.g. the test backend's --test-picture=Grid).
    extra_args: tuple[str, ...] = ()
    # A driver that hangs (seen with SANE's own test backend) must not hang the wizard:
    # no new page and no end for this long stops the run, keeping the pages so far.
    stall_timeout_s: float = 120.0


@dataclass(slots=True)
class ScanResult:
    """What a finished (or stopped) scan run left: pages in order, and why it stopped."""

    pages: list[Path] = field(default_factory=list)
    error: ScannerError | None = None
    cancelled: bool = False


def _is_feeder(source: str) -> bool:
    s = source.lower()
    return any(word in s for word in ("adf", "feeder", "automatic", "invoer", "duplex"))


def scanimage_cmd() -> str:
    """Path of scanimage: $KLANTDOSSIER_SCANIMAGE first (tests use it for faults), then PATH."""
    found = os.environ.get(SCANIMAGE_ENV) or shutil.which("scanimage")
    if not found:
        raise ScanimageMissingError(
            "Het scanprogramma van SANE (scanimage) is niet geïnstalleerd. Installeer het met:\n"
            f"    {INSTALL_HINT}\n"
            "U kunt intussen gescande bestanden of mappen importeren.\n"
            "SANE's scanimage is not installed; file import still works."
        )
    return found


_device_cache: list[ScannerDevice] | None = None
_cache_lock = threading.Lock()


def list_devices(refresh: bool = False) -> list[ScannerDevice]:
    """The scanners SANE can see. The answer is kept, because looking for network scanners
    can take seconds; refresh=True looks again (a scanner plugged in later)."""
    global _device_cache
    with _cache_lock:
        if _device_cache is not None and not refresh:
            return list(_device_cache)
        cmd = scanimage_cmd()
        try:
            done = subprocess.run(
                [cmd, "-f", "%d\t%v\t%m\t%t%n"],
                capture_output=True,
                text=True,
                timeout=LIST_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired as e:
            raise NoScannerError(
                f"Zoeken naar scanners duurde langer dan {LIST_TIMEOUT_S} s. {CHECK_HINT}"
            ) from e
        except OSError as e:
            raise ScanimageMissingError(f"scanimage ({cmd}) start niet: {e}") from e
        devices = parse_device_list(done.stdout)
        _device_cache = devices
        return list(devices)


def parse_device_list(text: str) -> list[ScannerDevice]:
    devices = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and parts[0]:
            devices.append(ScannerDevice(*parts))
    return devices


def no_scanner_message() -> str:
    return f"Er is geen scanner gevonden. {CHECK_HINT}"


def device_options(device: str) -> DeviceOptions:
    """Sources, modes and resolutions the device offers (`scanimage -d DEVICE -A`)."""
    cmd = scanimage_cmd()
    try:
        done = subprocess.run(
            [cmd, "-d", device, "-A"],
            capture_output=True,
            text=True,
            timeout=LIST_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        raise NoScannerError(f"De scanner {device} antwoordt niet. {CHECK_HINT}") from e
    if done.returncode != 0:
        raise _error_from(done.stderr, device, pages=0) or NoScannerError(
            f"De scanner {device} is niet te openen. {CHECK_HINT}"
        )
    return parse_options(done.stdout)


_OPTION = re.compile(r"^\s+(--[\w-]+|-[xylt])\s*(?:\[=\(([^)]*)\)\]|\s(\S.*?))?\s+\[([^\]]*)\]\s*$")


def parse_options(text: str) -> DeviceOptions:
    """Parse the option list that `scanimage -A` prints for one device."""
    values: dict[str, str] = {}
    inactive: set[str] = set()
    for line in text.splitlines():
        m = _OPTION.match(line)
        if not m:
            continue
        name, boolean, allowed, current = m.groups()
        values[name] = boolean if boolean is not None else (allowed or "")
        if current == "inactive":
            inactive.add(name)
    sources = tuple(s.strip() for s in values.get("--source", "").split("|") if s.strip())
    modes = tuple(s.strip() for s in values.get("--mode", "").split("|") if s.strip())
    resolution_range = None
    resolutions: tuple[int, ...] = ()
    spec = values.get("--resolution", "")
    ranged = re.match(r"(\d+)\.\.(\d+)", spec)
    if ranged:
        resolution_range = (max(1, int(ranged.group(1))), int(ranged.group(2)))
    elif spec:
        resolutions = tuple(int(v) for v in re.findall(r"\d+", spec.replace("dpi", "")))

    def max_mm(option: str) -> float | None:
        found = re.match(r"[\d.]+\.\.([\d.]+)mm", values.get(option, ""))
        return float(found.group(1)) if found else None

    return DeviceOptions(
        sources=sources,
        modes=modes,
        resolution_range=resolution_range,
        resolutions=resolutions,
        duplex_option="--duplex" in values and "--duplex" not in inactive,
        max_width_mm=max_mm("-x"),
        max_height_mm=max_mm("-y"),
    )


def _pick(options: tuple[str, ...], *wanted: str) -> str | None:
    for word in wanted:
        for option in options:
            if word in option.lower():
                return option
    return None


def scan_arguments(settings: ScanSettings, options: DeviceOptions, out_dir: Path) -> list[str]:
    """The scanimage command line for one run into out_dir (one file per page)."""
    args = ["-d", settings.device, "--format=pnm"]
    if settings.feeder:
        if not options.has_feeder:
            raise FeederEmptyError(
                f"De scanner {settings.device} heeft geen documentinvoer; kies de glasplaat."
            )
        duplex_source = _pick(options.feeder_sources, "duplex") if settings.duplex else None
        simplex = [s for s in options.feeder_sources if "duplex" not in s.lower()]
        source = duplex_source or (simplex[0] if simplex else options.feeder_sources[0])
        args += ["--source", source]
        if settings.duplex and not duplex_source and options.duplex_option:
            args += ["--duplex=yes"]
    elif options.flatbed_sources:
        args += ["--source", options.flatbed_sources[0]]
    mode = _pick(options.modes, *(("color", "colour", "24bit") if settings.color else ("gray",)))
    if mode:
        args += ["--mode", mode]
    args += ["--resolution", str(options.nearest_resolution(settings.resolution))]
    # A4 where the device allows; never ask for more than it has (scanimage warns).
    if options.max_width_mm:
        args += ["-x", f"{min(A4_MM[0], options.max_width_mm):g}"]
    if options.max_height_mm:
        args += ["-y", f"{min(A4_MM[1], options.max_height_mm):g}"]
    args += list(settings.extra_args)
    count = settings.max_pages or (None if settings.feeder else 1)
    if count:
        args.append(f"--batch-count={count}")
    args += [f"--batch={out_dir / 'pagina%04d.pnm'}", "--batch-print"]
    return args


# What scanimage says on stderr -> the named error with a message a user can act on.
def _error_from(stderr: str, device: str, pages: int, code: int = 1) -> ScannerError | None:
    text = stderr.lower()
    kept = f" De {pages} pagina's die al gescand waren, zijn bewaard." if pages else ""
    if "jammed" in text:
        return PaperJamError(
            "Er zit papier vast in de documentinvoer. Haal het vastgelopen vel eruit en scan "
            f"vanaf dat vel opnieuw.{kept}"
        )
    if "out of documents" in text or "no_docs" in text or "no documents" in text:
        if pages == 0:
            return FeederEmptyError(
                "De documentinvoer is leeg. Leg de stapel papier in de invoer (bedrukte kant "
                "zoals de scanner aangeeft) en probeer opnieuw."
            )
        return None  # the normal end of a feeder stack
    if "cover open" in text or "cover is open" in text:
        return CoverOpenError(f"De klep van de scanner staat open. Sluit de klep.{kept}")
    if "no sane devices" in text or ("open of device" in text and pages == 0):
        return NoScannerError(f"De scanner {device} is niet gevonden. {CHECK_HINT}")
    if "device busy" in text:
        return ScannerError(
            f"De scanner {device} is bezet door een ander programma. Sluit dat en probeer "
            f"opnieuw.{kept}"
        )
    if code != 0 or "i/o" in text or "error during device" in text:
        return ScannerGoneError(
            f"De scanner {device} reageert niet meer.{kept} Controleer de kabel en of de "
            "scanner aan staat, en scan de rest daarna opnieuw."
        )
    return None


class ScanRun:
    """One scanimage run. Iterate it for page files as each is complete; `result` says how
    it ended. cancel() from any thread stops the scanner; pages already done stay."""

    def __init__(
        self,
        settings: ScanSettings,
        out_dir: Path | None = None,
        options: DeviceOptions | None = None,
    ) -> None:
        self.settings = settings
        self.options = options
        self.out_dir = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="klantscan-"))
        self.result = ScanResult()
        self._proc: subprocess.Popen[str] | None = None
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()
        proc = self._proc
        if proc is not None and proc.poll() is None:
            # scanimage catches SIGTERM and cancels the scan in the backend (paper stops).
            proc.send_signal(signal.SIGTERM)

    def __iter__(self) -> Iterator[Path]:
        settings = self.settings
        options = self.options or device_options(settings.device)
        args = [scanimage_cmd(), *scan_arguments(settings, options, self.out_dir)]
        self.out_dir.mkdir(parents=True, exist_ok=True)
        # stderr goes to a file: a pipe we only read at the end could fill up and stall it.
        with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as err:
            self._proc = subprocess.Popen(
                args, stdout=subprocess.PIPE, stderr=err, text=True, cwd=self.out_dir
            )
            if self._cancelled.is_set():
                self.cancel()
            stalled = threading.Event()
            watchdog = _Watchdog(settings.stall_timeout_s, self._proc, stalled)
            assert self._proc.stdout is not None
            try:
                for line in self._proc.stdout:
                    watchdog.reset()
                    path = Path(line.strip())
                    if not line.strip():
                        continue
                    if not path.is_absolute():
                        path = self.out_dir / path
                    if path.is_file():
                        self.result.pages.append(path)
                        yield path
            finally:
                watchdog.stop()
            code = self._proc.wait()
            err.seek(0)
            stderr = err.read()
        self.result.cancelled = self._cancelled.is_set()
        if self.result.cancelled:
            return
        if stalled.is_set():
            kept = len(self.result.pages)
            self.result.error = ScannerStalledError(
                f"De scanner reageert niet meer (al {settings.stall_timeout_s:.0f} s geen "
                "pagina) en is gestopt. Zet de scanner uit en weer aan."
                + (f" De {kept} gescande pagina's zijn bewaard." if kept else "")
            )
            return
        error = _error_from(stderr, settings.device, len(self.result.pages), code)
        if error is None and code != 0:
            error = ScannerGoneError(
                f"Scannen stopte met een fout (scanimage {code}): {_last_line(stderr)}."
                + (
                    f" De {len(self.result.pages)} gescande pagina's zijn bewaard."
                    if self.result.pages
                    else ""
                )
            )
        if error is None and not self.result.pages:
            error = (
                FeederEmptyError("De documentinvoer is leeg. Leg het papier in de invoer.")
                if settings.feeder
                else ScannerError(f"De scanner {settings.device} gaf geen pagina. {CHECK_HINT}")
            )
        self.result.error = error


class _Watchdog:
    """Kills the scan process when reset() is not called for `seconds` (a hung driver)."""

    def __init__(self, seconds: float, proc: subprocess.Popen, fired: threading.Event) -> None:
        self.seconds, self.proc, self.fired = seconds, proc, fired
        self._timer: threading.Timer | None = None
        self.reset()

    def reset(self) -> None:
        self.stop()
        self._timer = threading.Timer(self.seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def _fire(self) -> None:
        if self.proc.poll() is None:
            self.fired.set()
            self.proc.kill()


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "onbekende fout"


def scan_pages(
    settings: ScanSettings,
    out_dir: Path | None = None,
    on_run: Callable[[ScanRun], None] | None = None,
) -> Iterator[Path]:
    """Page files as they are scanned; raises the run's named error after the last page
    that did arrive (so the caller has kept those)."""
    run = ScanRun(settings, out_dir)
    if on_run:
        on_run(run)
    yield from run
    if run.result.error is not None:
        raise run.result.error
