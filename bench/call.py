"""Screen-pop speed: from starting `main.py call NUMBER` to the caller banner painted.

    .venv/bin/python bench/call.py                 # the 100,000-client file of bench/search.py
    .venv/bin/python bench/call.py --rounds 50 --db /tmp/small.sqlite

Starts the window (Qt offscreen) on a copy of the benchmark client file, then, for a
known and an unknown number, times:
  - end to end: starting `python -S call.py NUMBER` (what the tel: handler runs, and the
    README's softphone set-ups) until it exits, which it does once the window answers that
    the banner is painted, so this includes Python's start-up; and the same for
    `python main.py call NUMBER`;
  - the window's own part: from the number arriving to the banner painted, as the window
    reports it (handed over straight through the socket, same code path), in wall-clock
    time and in CPU time of the GUI thread (which other jobs on the machine do not stretch);
beside the bare `python -c pass` (and `python -S -c pass`) start-up measured in the same
run. Bytecode of gui/, storage/ and ocr/ is compiled first when missing, as an installed
program has it (this machine sets PYTHONDONTWRITEBYTECODE). The copy keeps the
calls this logs out of the shared benchmark file (and is removed at the end). When
bench/out/bench.sqlite is absent, a small file (2,000 clients) is built with storage's
API, and the output says so.
Figures only; nothing is asserted. Taken on a shared, loaded machine: read them as such.
"""

from __future__ import annotations

import argparse
import compileall
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gui.call import handoff  # noqa: E402
from storage import Address, ClientFile, Phone  # noqa: E402

DEFAULT_DB = ROOT / "bench" / "out" / "bench.sqlite"
TARGET_END_TO_END_MS = 100
TARGET_WINDOW_MS = 30
UNKNOWN = ["020 7000 {:03d}", "06 1999 {:04d}", "+49 30 5550{:03d}"]


def build_small(path: Path, clients: int = 2000) -> None:
    rng = random.Random(1)
    with ClientFile.open(path) as cf, cf.transaction():
        for i in range(clients):
            e164 = f"+3161{rng.randrange(10**7):07d}"
            cf.create_client(
                name=f"Klant {i}",
                company=f"Bedrijf {i % 97} B.V.",
                phones=[Phone(e164, e164, "mobile")],
                addresses=[Address("Dorpsstraat", str(i % 300 + 1), "1234 AB", "Utrecht")],
            )


def known_numbers(path: Path, count: int) -> list[str]:
    """Numbers of random clients, written as a person would (06-...)."""
    rng = random.Random(7)
    numbers: list[str] = []
    with ClientFile.open(path, read_only=True) as cf:
        ids = cf.client_ids()
        while len(numbers) < count and ids:
            client = cf.client(rng.choice(ids))
            for e164 in client.numbers[:1]:
                national = "0" + e164[3:] if e164.startswith("+31") else e164
                numbers.append(national[:2] + "-" + national[2:])
    return numbers


def startup_ms(argv: list[str], env: dict, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return times


QUICK = [sys.executable, "-S", "call.py"]  # what the .desktop file runs
MAIN = [sys.executable, "main.py", "call"]


def call_ms(
    db: Path, env: dict, numbers: list[str], pause: float, command: list[str] = QUICK
) -> tuple[list[float], list[str]]:
    times, outputs = [], []
    for number in numbers:
        time.sleep(pause)
        start = time.perf_counter()
        result = subprocess.run(
            [*command, "--db", str(db), number],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        times.append((time.perf_counter() - start) * 1000)
        outputs.append(result.stdout.strip() or result.stderr.strip())
    return times, outputs


def window_ms(db: Path, numbers: list[str], pause: float = 0.0) -> tuple[list[float], list[float]]:
    """(wall-clock ms, GUI-thread CPU ms) from the number arriving to the banner painted."""
    wall, cpu = [], []
    for number in numbers:
        time.sleep(pause)
        answer = handoff.send(db, {"cmd": "call", "number": number})
        wall.append(answer["window_ms"])
        cpu.append(answer["window_cpu_ms"])
    return wall, cpu


def summary(label: str, times: list[float], target: float | None = None) -> str:
    ordered = sorted(times)
    # nearest rank: the ceil(0.95 n)-th smallest (int(0.95 n) as an index was one rank
    # too high, the maximum itself for 20 calls)
    p95 = ordered[max(0, math.ceil(len(ordered) * 0.95) - 1)]
    text = (
        f"  {label:<38} p50 {statistics.median(ordered):7.1f} ms   p95 {p95:7.1f} ms"
        f"   max {ordered[-1]:7.1f} ms"
    )
    return text + (f"   (target <= {target:.0f} ms)" if target else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"client file ({DEFAULT_DB})")
    parser.add_argument("--rounds", type=int, default=20, help="calls per kind of number (20)")
    parser.add_argument(
        "--pause",
        type=float,
        default=0.5,
        help="seconds between calls, as between two rings: the window finishes opening the "
        "card of one caller before the next (0.5)",
    )
    parser.add_argument(
        "--in-place", action="store_true", help="use the file itself, not a copy (logs calls in it)"
    )
    args = parser.parse_args(argv)
    for package in ("gui", "storage", "ocr"):  # an installed program has its bytecode
        compileall.compile_dir(ROOT / package, quiet=1)
    work = Path(tempfile.mkdtemp(prefix="bench-call-"))
    try:
        return measure(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the copy is as big as the client file


def measure(args: argparse.Namespace, work: Path) -> int:
    note = ""
    if args.db.exists():
        if args.in_place:
            db = args.db
        else:
            db = work / "bench.sqlite"
            with ClientFile.open(args.db, read_only=True) as cf:
                cf.backup(db)
    else:
        db = work / "small.sqlite"
        build_small(db)
        note = f"{args.db} is absent (build it with bench/search.py): used a 2,000-client file"
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        KLANTDOSSIER_RUNTIME_DIR=str(work / "run"),
        XDG_CONFIG_HOME=str(work / "config"),
    )
    os.environ[handoff.RUNTIME_ENV] = env[handoff.RUNTIME_ENV]
    with ClientFile.open(db, read_only=True) as cf:
        clients = cf.count_clients()
    known = known_numbers(db, args.rounds)
    unknown = [UNKNOWN[i % 3].format(i) for i in range(args.rounds)]

    window = subprocess.Popen(
        [sys.executable, "main.py", "--db", str(db)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        socket_path = Path(handoff.server_name(db))
        deadline = time.monotonic() + 120
        while not socket_path.exists():
            if window.poll() is not None or time.monotonic() > deadline:
                print("The window did not start.", file=sys.stderr)
                return 1
            time.sleep(0.05)
        time.sleep(1.0)  # let the window finish its first paint and warm-up
        window_ms(db, known[:2] + unknown[:2])  # first calls load caches: not counted

        bare = startup_ms([sys.executable, "-c", "pass"], env, args.rounds)
        bare_s = startup_ms([sys.executable, "-S", "-c", "pass"], env, args.rounds)
        known_e2e, known_out = call_ms(db, env, known, args.pause)
        unknown_e2e, unknown_out = call_ms(db, env, unknown, args.pause)
        main_e2e, _ = call_ms(db, env, known, args.pause, MAIN)
        known_window, known_cpu = window_ms(db, known, args.pause)
        unknown_window, unknown_cpu = window_ms(db, unknown, args.pause)
    finally:
        window.terminate()
        window.wait(timeout=30)

    print(f"Screen pop on {clients:,} clients ({db.name}), {args.rounds} calls per kind.")
    if note:
        print(f"NOTE: {note}")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        "Measured on a shared machine (2 cores, several developers' jobs; load average "
        f"{load}): figures are noisy. {args.pause:.1f} s between calls."
    )
    print(summary("python -c pass (start-up baseline)", bare))
    print(summary("python -S -c pass (baseline, no site)", bare_s))
    print(summary("python -S call.py, known number", known_e2e, TARGET_END_TO_END_MS))
    print(summary("python -S call.py, unknown number", unknown_e2e, TARGET_END_TO_END_MS))
    print(summary("python main.py call, known number", main_e2e))
    print(summary("window's part, known number", known_window, TARGET_WINDOW_MS))
    print(summary("window's part, unknown number", unknown_window, TARGET_WINDOW_MS))
    print(summary("  same, GUI-thread CPU time, known", known_cpu))
    print(summary("  same, GUI-thread CPU time, unknown", unknown_cpu))
    base = statistics.median(bare)
    print(
        f"  end to end / bare start-up (p50): known {statistics.median(known_e2e) / base:.1f}x, "
        f"unknown {statistics.median(unknown_e2e) / base:.1f}x"
    )
    found = sum(out.startswith("Beller:") for out in known_out)
    print(f"  known numbers shown as a client: {found}/{len(known_out)}; e.g. {known_out[0]!r}")
    print(f"  unknown numbers: e.g. {unknown_out[0]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
