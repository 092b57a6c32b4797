"""Nothing lost: kills, full disks, bad files, fuzzing, concurrency, backups, privacy.

    .venv/bin/python bench/faults.py [--kills 20] [--clients 10] [--pages 3] [--seed S]
        [--testdata all|sample|none] [--fuzz-examples 2000] [--only kill,disk,...]

Prints one block of figures per part (never asserts). The test suite (tests/faults)
checks the same things with smaller sizes; this script runs them at full size:

  kill         SIGKILL at random moments of an import of 40+ pages (tests.datagen folders),
               plus kills at exact points (temp copy, inside the transaction, after
               commit); after each: integrity, whole documents, originals present;
               then the rerun must equal an import that was never interrupted
  disk         a 2 MB tmpfs filled up during an import, and remounted read-only
  badfiles     every file in ../shared/testdata plus generated damage, one run under a
               memory and a time limit
  fuzz         hypothesis over search, phone normalisation, contact import, extraction
  concurrency  two imports and a reader on one client file
  backup       a backup taken during an import, restored and checked
  security     file modes, sockets (audit hook + strace), writes outside the data folder
  issue        the classes of issue 18 (1 denial of start ... 9 small ones): each class's
               scenarios (the tests that reproduce it, real processes, real Tesseract and
               SQLite) tried / held, tracebacks, and the peak memory of a hostile import
               (a Flate bomb, a 1,000-frame TIFF, an oversized file) under the limits

Figures are taken on a shared, loaded 2-core machine: times are not the point.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from tests.faults.helpers import (  # noqa: E402
    badfiles,
    badrun,
    cli,
    consistency,
    disk,
    killing,
    network,
)
from tests.faults.helpers import fuzz as fuzzing  # noqa: E402

PARTS = ["kill", "disk", "badfiles", "fuzz", "concurrency", "backup", "security", "issue"]
SHARED = ROOT.parent / "shared" / "testdata"
MEMORY_LIMIT = 3 * 1024**3


def say(text: str = "") -> None:
    print(text, flush=True)


# --- 1. kill anywhere ----------------------------------------------------------------------


def part_kill(args, work: Path) -> None:
    from tests.datagen import write_dataset

    data = work / "kill-data"
    folders = write_dataset(
        data,
        args.clients,
        args.seed,
        dpi=100,
        degrade=False,
        pages=args.pages,
        formats=("png", "jpg", "tiff"),
        upside_down_prob=0.0,
    )
    paths = [f.folder for f in folders]
    pages = sum(f.page_count for f in folders)
    ref = killing.reference_import(paths, work / "kill-ref" / "klanten.sqlite", args.jobs)
    say(
        f"data: {len(folders)} client folders, {pages} pages, {ref.documents} documents; "
        f"uninterrupted import {ref.seconds:.1f} s"
    )
    result = killing.kill_campaign(
        paths,
        work / "kill-chains",
        ref,
        args.kills,
        args.seed,
        args.jobs,
        log=lambda line: say("  " + line) if args.verbose else None,
    )
    say(
        f"random kills survived / tried: {result.survived} / {result.tried} "
        f"(imports that ended before their kill, not counted: {result.missed})"
    )
    say(
        f"  originals without a document right after a kill: {result.orphans_after_kill} "
        f"(.part- temp files: {result.part_files_after_kill}); all adopted by the rerun "
        f"unless listed below"
    )
    for failure in result.failures:
        say(f"  LOST: {failure}")

    survived = tried = 0
    small = paths[:2]
    small_ref = killing.reference_import(small, work / "kill-ref-small" / "klanten.sqlite")
    for target in ("part", "doc-before", "doc-after", "commit-after"):
        for nth in (1, 2):
            db = work / f"crash-{target}-{nth}" / "klanten.sqlite"
            db.parent.mkdir()
            mark = db.parent / "mark"
            env = cli.cli_env({"FAULTS_CRASH": f"{target}:{nth}", "FAULTS_MARK": str(mark)})
            proc = cli.start_cli(
                "import",
                *small,
                "--db",
                db,
                "--json",
                env=env,
                module="tests.faults.helpers.crashpoint",
            )
            proc.communicate(timeout=900)
            if not mark.exists():
                say(f"  crash point {target}:{nth} not reached")
                continue
            tried += 1
            after = consistency.inspect(db)
            cli.run_cli("import", *small, "--db", db, "--json")
            final = consistency.inspect(db)
            same = consistency.signature(db) == small_ref.signature
            ok = after.ok and final.ok and not final.orphans and same
            survived += ok
            say(
                f"  kill at {target}:{nth}: {'ok' if ok else 'LOST'} — right after: "
                f"{after.summary()}; after the rerun: {final.summary()}, "
                f"{'equal to' if same else 'DIFFERENT from'} the reference"
            )
    say(f"kills at exact points survived / tried: {survived} / {tried}")


# --- 2. disk full and read-only -------------------------------------------------------------


def part_disk(args, work: Path) -> None:
    from tests.faults.helpers.pages import write_small_dataset

    first, second = write_small_dataset(work / "disk-data", clients=2, pages=1, seed=31)
    outcomes = []
    for headroom in (0, 24_000, 110_000):
        where = work / f"disk-{headroom}"
        why = disk.mount_tmpfs(where, "2m")
        if why:
            say(f"disk full: cannot mount a tmpfs ({why}); not measured")
            return
        try:
            db = where / "klanten.sqlite"
            cli.run_cli("import", first.folder, "--db", db, "--json")
            filler = disk.fill(where, leave=headroom)
            full = cli.run_cli("import", second.folder, "--db", db, "--json")
            filler.unlink()  # on a full disk SQLite cannot even open the WAL file to look
            found = consistency.inspect(db)
            kept = len(consistency.signature(db)) >= 1
            told = bool(full.stderr.strip()) and cli.looks_clean(full.stderr)
            again = cli.run_cli("import", second.folder, "--db", db, "--json")
            back = again.returncode == 0 and len(consistency.signature(db)) == 2
            ok = found.ok and kept and (told or full.returncode == 0) and back
            outcomes.append(ok)
            say(
                f"  full disk with {headroom // 1000} kB free: exit {full.returncode}, "
                f"{'told' if told else 'silent'}, file {found.summary()}, earlier client "
                f"{'kept' if kept else 'LOST'}, after freeing space "
                f"{'complete' if back else 'NOT complete'}"
            )
            last = full.stderr.strip().splitlines()[-1:] or ["(nothing)"]
            say(f"    message: {last[0][:160]}")
        finally:
            disk.unmount(where)
    where = work / "disk-ro"
    disk.mount_tmpfs(where, "2m")
    try:
        db = where / "klanten.sqlite"
        cli.run_cli("import", first.folder, "--db", db, "--json")
        disk.remount(where, "ro")
        search = cli.run_cli("search", first.client.last_name, "--db", db, "--json")
        started = time.monotonic()
        write = cli.run_cli("import", second.folder, "--db", db, "--json")
        seconds = time.monotonic() - started
        disk.remount(where, "rw")
        reads = search.returncode == 0 and len(json.loads(search.stdout or "[]")) == 1
        say(
            f"  read-only file system: search {'works' if reads else 'FAILS'}; import exit "
            f"{write.returncode} after {seconds:.1f} s "
            f"({'no traceback' if cli.looks_clean(write.stderr) else 'TRACEBACK'})"
        )
        outcomes.append(reads and cli.looks_clean(write.stderr))
    finally:
        disk.unmount(where)
    say(f"disk-full / read-only scenarios handled: {sum(outcomes)} / {len(outcomes)}")


# --- 3. bad files ---------------------------------------------------------------------------


def part_badfiles(args, work: Path) -> None:
    files = badfiles.bad_file_set(work / "bad", seed=args.seed)
    shared = 0
    if args.testdata != "none" and SHARED.is_dir():
        extra = badfiles.shared_bad_files(SHARED, light=args.testdata == "sample")
        shared = len(extra)
        files += extra
    elif args.testdata != "none":
        say("  ../shared/testdata is absent: generated files only")
    timeout = 60 + 10 * len(files)
    verdict = badrun.import_bad_files(
        files, work / "bad-db" / "klanten.sqlite", timeout=timeout, memory_bytes=MEMORY_LIMIT
    )
    run = verdict.run
    say(
        f"files: {len(files) - shared} generated + {shared} from ../shared/testdata "
        f"({args.testdata}); one run, limits {MEMORY_LIMIT // 1024**3} GiB address space "
        f"per process, {timeout} s wall clock"
    )
    say(
        f"files tried / handled cleanly / crashes / peak memory: {verdict.tried} / "
        f"{verdict.handled_cleanly} / {int(verdict.crashed)} / {run.peak_kib / 1024:.0f} MiB "
        f"({run.seconds:.0f} s)"
    )
    say(
        f"  imported {verdict.imported}, refused {verdict.refused}, duplicates "
        f"{verdict.duplicates}, unaccounted {len(verdict.unaccounted)}, refused without a "
        f"plain message {len(verdict.unclear)}"
    )
    if verdict.crashed:
        say(f"  CRASH: {verdict.crash_reason[:600]}")
    for line in verdict.unclear[:10] + verdict.unaccounted[:10]:
        say(f"  - {line}")
    say("  most common messages:")
    for message, count in verdict.messages.most_common(8):
        say(f"    {count:4d}  {message}")


# --- 4. fuzzing -----------------------------------------------------------------------------


def part_fuzz(args, work: Path) -> None:
    from hypothesis import HealthCheck, given, settings

    config = settings(
        max_examples=args.fuzz_examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    work.mkdir(parents=True, exist_ok=True)
    search = fuzzing.SearchTarget(work / "fuzz-search.sqlite")
    targets = [
        ("ClientFile.search", fuzzing.query_text, search),
        ("storage.phones.normalize", fuzzing.phone_text, fuzzing.normalize_target),
    ]
    contacts = fuzzing.ContactTarget(work / "fuzz-contacts.sqlite")
    targets += [
        ("importing.contacts.import_contact_lists", fuzzing.contact_bytes, contacts),
        ("ocr.extract.extract_client", fuzzing.pages(), fuzzing.extract_target),
    ]
    total = failures = 0
    for name, strategy, target in targets:
        count = {"n": 0}
        counted = _counting(target, count)

        started = time.monotonic()
        try:
            given(strategy)(config(counted))()
            outcome = "no exception"
        except Exception as e:  # the finding: what escaped, on which (shrunk) input
            failures += 1
            outcome = f"FAILED: {type(e).__name__}: {str(e).splitlines()[0][:200]}"
        total += count["n"]
        say(f"  {name}: {count['n']} examples in {time.monotonic() - started:.0f} s, {outcome}")
    search.close()
    contacts.close()
    say(f"fuzz examples run / failures: {total} / {failures}")


def _counting(target, count: dict):
    def counted(value):
        count["n"] += 1
        target(value)

    return counted


# --- 5. concurrency -------------------------------------------------------------------------


def part_concurrency(args, work: Path) -> None:
    from storage import ClientFile
    from tests.faults.helpers.pages import write_small_dataset
    from tests.faults.test_concurrency import Reader

    folders = write_small_dataset(work / "conc-data", clients=6, pages=2, seed=41)
    db = work / "conc" / "klanten.sqlite"
    db.parent.mkdir()
    ClientFile.open(db).close()
    reader = Reader(db, [f.client.last_name for f in folders] + ["klantkaart", "06"])
    reader.start()
    runs = [
        cli.start_cli("import", *(f.folder for f in part), "--db", db, "--json")
        for part in (folders[:3], folders[3:])
    ]
    ends = []
    for run in runs:
        try:
            _, err = run.communicate(timeout=900)
            ends.append(run.returncode == 0 and cli.looks_clean(err))
        except Exception:
            cli.kill_group(run)
            ends.append(False)
    reader.stop.set()
    reader.join(timeout=60)
    sig = consistency.signature(db)
    docs = sum(len(s) for _, s in sig)
    want = sum(len(f.files) for f in folders)
    say(
        f"two imports ended normally: {sum(ends)} / 2; documents arrived {docs} / {want}; "
        f"clients {len(sig)} / {len(folders)}"
    )
    say(
        f"reader: {reader.reads} searches with cards, slowest {reader.slowest:.2f} s, "
        f"half-written clients seen: {len(reader.problems)}, stuck: {reader.is_alive()}"
    )
    for problem in reader.problems[:5]:
        say(f"  - {problem}")


# --- 6. backups -----------------------------------------------------------------------------


def part_backup(args, work: Path) -> None:
    from storage import ClientFile
    from tests.faults.helpers.pages import write_small_dataset

    folders = write_small_dataset(work / "bak-data", clients=4, pages=3, seed=51)
    ok = 0
    rounds = 3
    for i in range(rounds):
        db = work / f"bak{i}" / "klanten.sqlite"
        db.parent.mkdir()
        ClientFile.open(db).close()
        run = cli.start_cli("import", *(f.folder for f in folders), "--db", db, "--json")
        deadline = time.monotonic() + 600  # back up after i+1 documents are in
        while (
            consistency.document_count(db) <= i
            and run.poll() is None
            and time.monotonic() < deadline
        ):
            time.sleep(0.05)
        dest = work / f"bak{i}-copy" / "klanten.sqlite"
        made = cli.run_cli("backup", dest, "--db", db)
        run.communicate(timeout=900)
        found = consistency.inspect(dest) if dest.exists() else None
        good = made.returncode == 0 and found is not None and found.ok
        ok += good
        say(
            f"  backup {i + 1} during the import: "
            f"{found.summary() if found else made.stderr.strip()[:200]}"
        )
    say(f"backups taken during an import that restore whole: {ok} / {rounds}")
    say(
        "automatic backup before a schema migration: see tests/faults/test_backup.py "
        "(test_migration_backs_up_first)"
    )
    say(f"daily backup with rotation (setting): {_daily_rotation_check(work)}")


def _daily_rotation_check(work: Path) -> str:
    """Ten days of daily backups kept at 3: three newest left, each opens whole."""
    from datetime import date, timedelta

    from storage import ClientFile
    from storage.backups import daily_backup, daily_backups

    folder = work / "daily"
    with ClientFile.open(work / "daily-source.sqlite") as cf:
        for day in range(10):
            daily_backup(cf, folder, keep=3, today=date(2026, 1, 1) + timedelta(day))
    kept = daily_backups(folder)
    whole = sum(consistency.inspect(p).ok for p in kept)
    return f"{len(kept)} kept of 10 days at keep=3, {whole} open whole"


# --- 7. security ----------------------------------------------------------------------------


def part_security(args, work: Path) -> None:
    from tests.faults.helpers.pages import write_small_dataset
    from tests.faults.test_security import js_pdf

    folders = write_small_dataset(work / "sec-data", clients=2, pages=1, seed=61)
    pdf = work / "sec-data" / "..evil...pdf"
    pdf.write_bytes(js_pdf())
    db = work / "sec" / "klanten.sqlite"
    log = work / "net.log"
    env = network.net_env(cli.cli_env(), network.hook_dir(work / "hooks"), log)
    trace = work / "strace.log"
    os.umask(0o022)
    run = cli.run_cli(
        "import",
        *(f.folder for f in folders),
        pdf,
        "--db",
        db,
        "--json",
        env=env,
        prefix=network.strace_prefix(trace),
    )
    cli.run_cli("search", "zonnepanelen", "--db", db, env=env)
    modes = [
        (p, oct(p.stat().st_mode & 0o777))
        for p in [db, *consistency.originals_root(db).rglob("*"), consistency.originals_root(db)]
    ]
    loose = [f"{p.name} {m}" for p, m in modes if m != ("0o700" if p.is_dir() else "0o600")]
    hooks = log.read_text().splitlines() if log.exists() else []
    say(
        f"import exit {run.returncode}; files and folders not private: {len(loose)} "
        f"of {len(modes)} {loose[:3]}"
    )
    say(
        f"network: audit-hook events {len(hooks)}, strace IPv4/IPv6 calls "
        f"{len(network.strace_hits(trace)) if network.strace_prefix(trace) else 'n/a'}"
    )


# --- 8. the classes of issue 18 -------------------------------------------------------------

ISSUE_CLASSES = {
    "1 denial of start": [
        "tests/gui/test_app.py::test_window_starts_and_says_why_calls_cannot_come_in",
        "tests/e2e/test_call_cli.py::test_tmp_folder_taken",
    ],
    "2 vCard injection/corruption": ["tests/importing/test_contacts_roundtrip.py"],
    "3 erased data that stays": [
        "tests/storage/test_hardening.py::test_erased_data_is_gone_while_the_window_keeps_the_file_open",
        "tests/storage/test_hardening.py::test_deletions_by_any_connection_are_overwritten",
        "tests/storage/test_forget.py::test_forget_erases_everything",
        "tests/storage/test_forget.py::test_forget_then_compact_later",
        "tests/gui/test_app.py::test_erasing_in_the_window_forgets_the_search",
    ],
    "4 forget without tty": [
        "tests/e2e/test_cli_guards.py::test_forget_without_terminal_and_without_yes_refuses",
        "tests/e2e/test_cli_guards.py::test_forget_clears_the_remembered_search",
        "tests/gui/test_app.py::test_forget_on_the_command_line_clears_the_open_window",
    ],
    "5 restore over running window": [
        "tests/storage/test_hardening.py::test_restore_refuses_while_a_window_has_the_file_open",
        "tests/storage/test_hardening.py::test_restore_refuses_while_this_process_has_it_open",
    ],
    "6 unbounded imports": [
        "tests/faults/test_limits.py",
        "tests/importing/test_parts.py::test_a_cancelled_long_document_keeps_its_read_parts_and_the_rerun_reads_the_rest",
        "tests/importing/test_parts.py::test_a_long_document_is_stored_before_its_folder_is_read",
        "tests/importing/test_parts.py::test_a_long_loose_file_is_kept_in_pieces_that_never_cross_a_separator_sheet",
        "tests/importing/test_parts.py::test_a_long_loose_file_is_stored_while_it_is_read",
        "tests/importing/test_parts.py::test_too_many_frames_is_refused_before_anything_is_copied",
        "tests/importing/test_parts.py::test_too_big_a_file_is_refused_before_it_is_copied",
    ],
    "7 non-UTF-8 names": [
        "tests/importing/test_parts.py::test_a_name_that_is_not_utf8_keeps_its_folder",
    ],
    "8 window-per-file bypass / deep socket messages": [
        "tests/e2e/test_call_cli.py::test_one_window_per_client_file_whatever_path_names_it",
        "tests/gui/test_call_server.py::test_deep_or_huge_messages_are_refused_and_closed",
    ],
    "9 small ones": [
        "tests/storage/test_hardening.py::test_fifo_as_client_file_is_refused",
        "tests/storage/test_hardening.py::test_dev_null_is_refused_and_gets_no_journal",
        "tests/storage/test_hardening.py::test_an_existing_empty_file_becomes_private",
        "tests/e2e/test_cli_guards.py",
    ],
}


def _scenarios(nodes: list[str], work: Path) -> tuple[int, int, int]:
    """(tried, held, tracebacks) of the scenarios (test cases) of one class."""
    import subprocess
    import xml.etree.ElementTree as ET

    xml = work / "junit.xml"
    env = cli.cli_env({"QT_QPA_PLATFORM": "offscreen"})
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--junitxml={xml}",
            *nodes,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=1800,
    )
    tried = held = tracebacks = 0
    for case in ET.parse(xml).getroot().iter("testcase"):
        if case.find("skipped") is not None:
            continue
        tried += 1
        bad = case.find("failure") if case.find("failure") is not None else case.find("error")
        held += bad is None
        tracebacks += bad is not None and "Traceback" in (bad.text or "")
    return tried, held, tracebacks


def _hostile_import_peak(work: Path) -> str:
    """One CLI import of a Flate bomb, a 1,000-frame TIFF and an oversized file next to a
    letter, under the default limits (pages lowered to 500 for the TIFF's sake): peak
    resident memory of its largest process, and what became of each file."""
    from tests.faults.helpers.limited import run_limited
    from tests.faults.helpers.limitfiles import flate_bomb_pdf, letter, long_tiff

    data = work / "hostile"
    data.mkdir()
    files = [
        flate_bomb_pdf(data / "bom.pdf"),
        long_tiff(data / "duizend.tif", 1000, text=False),
        letter(data / "brief.png", "Jan Jansen", "06-12345678"),
    ]
    big = data / "groot.tif"
    with open(big, "wb") as out:  # 400 MB, sparse: costs no disk
        out.write(b"II*\x00")
        out.truncate(400 * 1024 * 1024)
    files.append(big)
    db = work / "hostile-db" / "klanten.sqlite"
    env = cli.cli_env({"KLANTDOSSIER_LIMITS": "pages=500"})
    run = run_limited(
        cli.main_command(["import", *map(str, files), "--db", str(db), "--json"]),
        memory_bytes=MEMORY_LIMIT,
        timeout=900,
        env=env,
    )
    try:
        errors = {Path(e["path"]).name: e["error"] for e in json.loads(run.stdout)["errors"]}
    except (ValueError, KeyError):
        errors = {}
    for name in ("bom.pdf", "duizend.tif", "groot.tif"):
        say(f"    {name}: {errors.get(name, 'NOT REFUSED')[:110]}")
    clean = run.returncode == 0 and cli.looks_clean(run.stderr)
    return (
        f"peak {run.peak_kib / 1024:.0f} MB (target <= 600), exit {run.returncode}, "
        f"{'no traceback' if clean else 'TRACEBACK'}, {len(errors)} refused, {run.seconds:.0f} s"
    )


def part_issue(args, work: Path) -> None:
    work.mkdir(parents=True, exist_ok=True)
    say(f"  {'class':<50} tried  held  tracebacks")
    total = [0, 0, 0]
    for name, nodes in ISSUE_CLASSES.items():
        tried, held, tracebacks = _scenarios(nodes, work)
        total = [total[0] + tried, total[1] + held, total[2] + tracebacks]
        say(f"  {name:<50} {tried:5d} {held:5d} {tracebacks:11d}")
    say(f"  {'all':<50} {total[0]:5d} {total[1]:5d} {total[2]:11d}")
    say("  hostile import (class 6), one run:")
    say(f"    {_hostile_import_peak(work)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=20, help="random kills (default 20)")
    parser.add_argument("--clients", type=int, default=10, help="client folders to kill in")
    parser.add_argument("--pages", type=int, default=3, help="letter pages per client (+1 card)")
    parser.add_argument("--jobs", type=int, default=None, help="--jobs of the imports")
    parser.add_argument("--seed", default="faults-1")
    parser.add_argument("--testdata", choices=["all", "sample", "none"], default="all")
    parser.add_argument("--fuzz-examples", type=int, default=2000)
    parser.add_argument("--only", default=",".join(PARTS), help="comma-separated parts")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per kill")
    args = parser.parse_args()
    parts = [p for p in args.only.split(",") if p]
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {sorted(unknown)}; choose from {PARTS}")
    work = Path(tempfile.mkdtemp(prefix="bench-faults-"))
    say(
        "bench/faults.py — figures from a shared, loaded 2-core machine "
        f"(load average {os.getloadavg()[0]:.1f})"
    )
    try:
        for number, part in enumerate(PARTS, start=1):
            if part not in parts:
                continue
            say(f"\n== {number}. {part}")
            started = time.monotonic()
            try:
                globals()[f"part_{part}"](args, work)
            except Exception as e:  # one broken part must not hide the others' figures
                say(f"   PART FAILED: {type(e).__name__}: {e}")
            say(f"   ({time.monotonic() - started:.0f} s)")
    finally:
        if args.keep:
            say(f"\nwork folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
