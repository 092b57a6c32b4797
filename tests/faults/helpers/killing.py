"""Kill an import anywhere, check the client file after each kill, finish it, compare.

Used by tests/faults/test_kill.py (few kills, few pages) and bench/faults.py (20 kills
over 40+ pages). A "chain" is one client file: import, kill, check, import again
(it resumes), kill again ... until an import runs to the end; then the result must
equal a reference import that was never interrupted.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .cli import cli_env, kill_group, looks_clean, run_cli, start_cli
from .consistency import document_count, inspect, signature

MAX_KILLS_PER_CHAIN = 4


@dataclass
class Reference:
    seconds: float
    documents: int
    signature: list


@dataclass
class KillResult:
    tried: int = 0
    survived: int = 0
    missed: int = 0  # imports that finished before the planned kill (not counted)
    orphans_after_kill: int = 0  # originals stored but not (yet) committed at the kill
    part_files_after_kill: int = 0
    failures: list[str] = field(default_factory=list)


def reference_import(
    paths: Sequence[Path], db: Path, jobs: int | None = None, timeout: float = 900
) -> Reference:
    """One uninterrupted import: its duration spreads the kills, its result is the truth."""
    started = time.monotonic()
    result = run_cli("import", *paths, "--db", db, "--json", *_jobs(jobs), timeout=timeout)
    seconds = time.monotonic() - started
    if result.returncode != 0 or not looks_clean(result.stderr):
        raise RuntimeError(
            f"reference import failed ({result.returncode}): {result.stderr[-2000:]}"
        )
    return Reference(seconds, document_count(db), signature(db))


def _jobs(jobs: int | None) -> list[str]:
    return ["--jobs", str(jobs)] if jobs else []


def kill_campaign(
    paths: Sequence[Path],
    workdir: Path,
    reference: Reference,
    kills: int,
    seed: int | str,
    jobs: int | None = None,
    log: Callable[[str], None] = lambda _: None,
    timeout: float = 900,
) -> KillResult:
    """`kills` SIGKILLs at random moments of resumed imports; see the module docstring."""
    rng = random.Random(seed)
    result = KillResult()
    chain = 0
    while result.tried < kills:
        chain += 1
        db = workdir / f"chain{chain}" / "klanten.sqlite"
        db.parent.mkdir(parents=True)
        chain_kills = 0
        chain_ok = True
        while True:
            done = document_count(db)
            remaining = max(0.0, 1 - done / max(1, reference.documents)) * reference.seconds
            kill_now = chain_kills < MAX_KILLS_PER_CHAIN and result.tried < kills
            delay = rng.uniform(0.05, max(0.3, remaining)) if kill_now else None
            proc = start_cli("import", *paths, "--db", db, "--json", *_jobs(jobs), env=cli_env())
            finished = _wait(proc, delay if delay is not None else timeout)
            if not finished and delay is None:
                kill_group(proc)
                result.failures.append(f"chain {chain}: import hung for {timeout:.0f} s")
                chain_ok = False
                break
            if finished:
                if delay is not None:
                    result.missed += 1
                _, err = proc.communicate()
                if proc.returncode != 0 or not looks_clean(err):
                    result.failures.append(
                        f"chain {chain}: resumed import failed ({proc.returncode}): {err[-800:]}"
                    )
                    chain_ok = False
                break
            kill_group(proc)
            result.tried += 1
            chain_kills += 1
            found = inspect(db) if db.exists() else None
            if found is None:
                log(f"kill {result.tried}: at {delay:.2f} s, before the file existed: ok")
                result.survived += 1
                continue
            result.orphans_after_kill += len(found.orphans)
            result.part_files_after_kill += len(found.part_files)
            if found.ok:
                result.survived += 1
                log(f"kill {result.tried}: at {delay:.2f} s: ok ({found.summary()})")
            else:
                result.failures.append(f"kill {result.tried} (chain {chain}): {found.summary()}")
                log(f"kill {result.tried}: at {delay:.2f} s: BROKEN ({found.summary()})")
        if not chain_ok:
            continue
        final = inspect(db)
        problems = list(final.problems)
        if final.integrity != "ok":
            problems.append(f"integrity {final.integrity}")
        if final.orphans:
            problems.append(f"{len(final.orphans)} originals without a document after the rerun")
        sig = signature(db)
        if sig != reference.signature:
            problems.append(_signature_diff(sig, reference.signature))
        if problems:
            # every kill of this chain counts as lost: the rerun did not repair it
            result.survived -= min(chain_kills, result.survived)
            result.failures.append(f"chain {chain} after the rerun: " + "; ".join(problems))
            log(f"chain {chain}: rerun result differs: {'; '.join(problems)}")
        else:
            log(f"chain {chain}: {chain_kills} kills, rerun complete and equal to the reference")
    return result


def _wait(proc, seconds: float) -> bool:
    """True when the process ended within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return True
        time.sleep(0.02)
    return proc.poll() is not None


def _signature_diff(got: list, want: list) -> str:
    names_got = sorted(n for n, _ in got)
    names_want = sorted(n for n, _ in want)
    docs_got = sum(len(s) for _, s in got)
    docs_want = sum(len(s) for _, s in want)
    extra = sorted(set(names_got) - set(names_want))
    twice = sorted({n for n in names_got if names_got.count(n) > 1})
    return (
        f"clients {len(names_got)} (reference {len(names_want)}), documents {docs_got} "
        f"(reference {docs_want}); new names {extra}, names twice {twice}"
    )
