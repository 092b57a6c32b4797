"""OcrPool: worker processes that read pages, one Tesseract per core, results streamed.

    from ocr import OcrPool
    with OcrPool(jobs=2, lang="nld+eng") as pool:
        ticket = pool.submit(png_bytes)            # or a path; returns at once
        for ticket, result in pool.results():      # PageText or an OcrError, as they finish
            ...

The import pipeline and the scanner wizard share it. Each worker handles one task at a
time, so the pool always knows which task a worker was on when it died (a file that
crashes the decoder or Tesseract) or hung (a hard time limit per page of the task): that
task gets a WorkerCrashedError / OcrTimeoutError and a fresh worker takes over (the
import then reads the pages of such a task one per task, to find the page to blame).
Closing the pool, cancel and Ctrl+C leave no process behind: workers are stopped, and on
Linux their Tesseract dies with them (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import collections
import multiprocessing
import os
import signal
import sys
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

from . import pagefiles
from .errors import OcrError, OcrTimeoutError, WorkerCrashedError
from .preprocess import DEFAULT_SETTINGS, Settings
from .tesseract import DEFAULT_LANG, PAGE_TIMEOUT_S, check_tesseract

# A page may take up to three Tesseract runs (read, orientation, second read) plus
# decoding; past this the worker itself is stuck and is killed.
HARD_LIMIT_FACTOR = 3.5
HARD_LIMIT_EXTRA_S = 30.0
# Tasks sent ahead to each worker: the next page is already there when one is done, even
# while the writer is busy storing (measured: without it the cores idled a third of the time).
DEPTH = 2
# Pages per Tesseract run: a run loads the language models once (0.24 CPU s of a page's
# 1.1 s for nld+eng), so 4 pages in one run save a fifth of the reading time. More pages
# save little more and make the last runs of an import finish unevenly.
PAGES_PER_RUN = 4
STOP_WAIT_S = 1.0
M_MMAP_THRESHOLD = -3  # mallopt(3)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _worker_main(conn: Connection) -> None:
    """Loop of one worker process: receive a task, send back its result, until told to stop
    or the parent goes away."""
    from . import tesseract, worker

    if sys.platform.startswith("linux"):
        # the worker dies with the import that started it, even after a SIGKILL
        import ctypes

        libc = ctypes.CDLL(None)
        libc.prctl(tesseract.PR_SET_PDEATHSIG, signal.SIGTERM)
        # Page images (9-26 MB each) get their own memory mappings, given back to the
        # system when freed; else glibc keeps the freed heap, and a worker stays at the
        # size of its largest page ever (measured: 119 MB per worker against 58 MB).
        if hasattr(libc, "mallopt"):  # glibc
            libc.mallopt(M_MMAP_THRESHOLD, 128 * 1024)

    def stop(signum: int, frame: object) -> None:
        tesseract.kill_running()
        pagefiles.remove_folder(os.getpid())
        os._exit(1)

    signal.signal(signal.SIGTERM, stop)
    # Decoders of damaged files print warnings (Pillow) and libtiff/pdfium chatter on
    # stderr; every problem comes back as a named error instead, so keep the terminal clean.
    warnings.simplefilter("ignore")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            message = None
        if message is None:
            pagefiles.remove_folder(os.getpid())
            return
        ticket, task = message
        try:
            result = worker.run_task(task)
        except Exception as e:  # a decoder bug on a hostile file: report, keep working
            result = worker.as_ocr_error(e)
        try:
            conn.send((ticket, result))
        except (OSError, ValueError):
            pagefiles.remove_folder(os.getpid())
            return


def _pages_in(task: tuple) -> int:
    """Pages a task reads (its time limit grows with them)."""
    return max(1, len(task[1])) if task[0] == "pages" else 1


@dataclass(slots=True)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    # tasks sent and not answered, oldest (the one running) first
    queue: collections.deque[tuple[int, tuple]] = field(default_factory=collections.deque)
    started: float = 0.0  # when the oldest task began


class OcrPool:
    """Worker processes reading pages; see the module docstring."""

    def __init__(
        self,
        jobs: int | None = None,
        *,
        lang: str = DEFAULT_LANG,
        settings: Settings = DEFAULT_SETTINGS,
        page_timeout: float = PAGE_TIMEOUT_S,
    ) -> None:
        self.jobs = max(1, jobs or default_jobs())
        self.lang = lang
        self.settings = settings
        self.page_timeout = page_timeout
        self.hard_limit = page_timeout * HARD_LIMIT_FACTOR + HARD_LIMIT_EXTRA_S
        # spawn, not fork: the GUI has threads, and forking a threaded process is unsafe
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self._pending: collections.deque[tuple[int, tuple]] = collections.deque()
        self._next_ticket = 0
        self._closed = False
        self._successes = 0
        self._crashes = 0
        pagefiles.sweep()
        for _ in range(self.jobs):
            self._workers.append(self._start_worker())

    # -- lifecycle ---------------------------------------------------------------------------

    def _start_worker(self) -> _Worker:
        parent, child = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=_worker_main, args=(child,), name="klantdossier-ocr", daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def __enter__(self) -> OcrPool:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        # an exception (Ctrl+C, cancel) stops at once; a normal end lets workers finish
        self.close(kill=exc_type is not None)

    def close(self, kill: bool = False) -> None:
        """Stop every worker; kill=True does not wait for running pages."""
        if self._closed:
            return
        self._closed = True
        self._pending.clear()
        for w in self._workers:
            if kill or w.queue:
                w.process.terminate()
            else:
                try:
                    w.conn.send(None)
                except (OSError, ValueError):
                    w.process.terminate()
        deadline = time.monotonic() + STOP_WAIT_S
        for w in self._workers:
            w.process.join(max(0.0, deadline - time.monotonic()))
            if w.process.is_alive():
                w.process.kill()
                w.process.join(STOP_WAIT_S)
            w.conn.close()
            pagefiles.remove_folder(w.process.pid or 0)
        self._workers.clear()
        pagefiles.sweep()

    def pids(self) -> list[int]:
        """Process ids of the workers (tests check that none is left behind)."""
        return [w.process.pid for w in self._workers if w.process.pid]

    # -- work --------------------------------------------------------------------------------

    def submit(self, image: str | Path | bytes, lang: str | None = None) -> int:
        """Queue one page image (a file's first frame, or encoded bytes as a scanner gives
        them); returns its ticket. Results come from results()/poll()."""
        lang = lang or self.lang
        check_tesseract(lang)
        if isinstance(image, bytes):
            task: tuple = ("image", image, lang, self.settings, self.page_timeout)
        else:
            task = ("page", Path(image), "image", 0, None, lang, self.settings, self.page_timeout)
        return self.submit_task(task)

    def submit_task(self, task: tuple) -> int:
        """Queue a task tuple of ocr.worker (the import pipeline uses this)."""
        if self._closed:
            raise OcrError("de leesprocessen zijn al gestopt")
        ticket = self._next_ticket
        self._next_ticket += 1
        self._pending.append((ticket, task))
        self._dispatch()
        return ticket

    @property
    def outstanding(self) -> int:
        """Tasks queued or running."""
        return len(self._pending) + sum(len(w.queue) for w in self._workers)

    def _dispatch(self) -> None:
        # the least loaded worker first, so a lone page never waits behind another
        for depth in range(DEPTH):
            for w in self._workers:
                if not self._pending:
                    return
                if len(w.queue) != depth:
                    continue
                ticket, task = self._pending.popleft()
                try:
                    w.conn.send((ticket, task))
                except (OSError, ValueError):
                    self._pending.appendleft((ticket, task))
                    self._requeue_and_replace(w)
                    continue
                if not w.queue:
                    w.started = time.monotonic()
                w.queue.append((ticket, task))

    def _requeue_and_replace(self, w: _Worker) -> None:
        """A worker that is gone: its unanswered tasks go back to the front of the queue."""
        self._pending.extendleft(reversed(w.queue))
        w.queue.clear()
        self._replace(w)

    def _replace(self, w: _Worker) -> None:
        if w.process.is_alive():
            w.process.kill()
        w.process.join(STOP_WAIT_S)
        w.conn.close()
        pagefiles.remove_folder(w.process.pid or 0)
        index = self._workers.index(w)
        self._workers[index] = self._start_worker()

    def poll(self, timeout: float = 0.1) -> list[tuple[int, object]]:
        """Results that finished within timeout seconds: (ticket, PageText/Probe/OcrError)."""
        done: list[tuple[int, object]] = []
        self._dispatch()
        busy = [w for w in self._workers if w.queue]
        if not busy:
            return done
        by_handle: dict[object, _Worker] = {}
        for w in busy:
            by_handle[w.conn] = w
            by_handle[w.process.sentinel] = w
        for handle in wait(list(by_handle), timeout):
            w = by_handle[handle]
            if not w.queue or not any(x is w for x in self._workers):
                continue  # dealt with through its other handle
            try:
                while w.queue and w.conn.poll():
                    got_ticket, result = w.conn.recv()
                    ticket, _ = w.queue.popleft()
                    if got_ticket != ticket:  # cannot happen: one pipe, in order
                        raise EOFError
                    self._successes += 1
                    done.append((ticket, result))
                    w.started = time.monotonic()
                if not w.queue or w.process.is_alive():
                    continue
            except (EOFError, OSError):
                pass
            # the worker died on its oldest task (segfault, killed, out of memory); the
            # tasks behind it were not started and go to another worker
            code = w.process.exitcode
            ticket, _ = w.queue.popleft()
            self._crashes += 1
            if not self._successes and self._crashes > 2 * self.jobs + 2:
                # every worker dies, whatever the page: the pool itself cannot run
                raise OcrError(
                    "De leesprocessen starten niet (of stoppen meteen); er is niets ingelezen."
                )
            done.append(
                (
                    ticket,
                    WorkerCrashedError(
                        "het lezen liet het leesproces vastlopen"
                        + (f" (signaal {-code})" if code and code < 0 else "")
                        + "; waarschijnlijk een beschadigd bestand"
                    ),
                )
            )
            self._requeue_and_replace(w)
        now = time.monotonic()
        for w in list(self._workers):
            limit = self.hard_limit * (_pages_in(w.queue[0][1]) if w.queue else 1)
            if w.queue and now - w.started > limit:
                ticket, _ = w.queue.popleft()
                done.append(
                    (
                        ticket,
                        OcrTimeoutError(f"het lezen duurde langer dan {limit:.0f} s en is gestopt"),
                    )
                )
                self._requeue_and_replace(w)
        self._dispatch()
        return done

    def results(self, timeout: float | None = None) -> Iterator[tuple[int, object]]:
        """Results as they finish, until nothing is queued or running (or timeout passed)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.outstanding:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return
            yield from self.poll(0.2 if left is None else min(0.2, left))
