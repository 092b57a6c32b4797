"""OcrPool: worker processes that read pages, one Tesseract per core, results streamed.

    from ocr.engine.pool import OcrPool
    with OcrPool(jobs=2, lang="nld+eng") as pool:
        probe = pool.probe(path, mime)             # -> Probe (page count, PDF password)
        page = pool.read(path, mime, index)        # -> PageText; returns a ticket at once
        for ticket, result in pool.results():      # results as they finish, or OcrErrors
            ...
    # pool.poll(timeout) returns what finished so far, for a loop that does other work.

Callers ask for pages and get readings; the pool owns the scheduling. Pages that pile up
are read in runs of up to PAGES_PER_RUN per Tesseract call (its language models load once
per run), a page for an idle worker goes at once. Each worker handles one task at a time,
so the pool knows which task a worker was on when it died (a file that crashes the
decoder or Tesseract) or hung (a hard time limit that grows with the pages of the task):
the pages of such a run, or of a run Tesseract failed as a whole, are read again one by
one, so only the page to blame gets the WorkerCrashedError / OcrTimeoutError. Closing the
pool, cancel and Ctrl+C leave no process behind: workers are stopped, and on Linux their
Tesseract dies with them (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import collections
import multiprocessing
import os
import signal
import sys
import time
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

from ..errors import OcrError, OcrTimeoutError, WorkerCrashedError
from ..sources import limits
from . import pagefiles
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
        # a page that decompresses to more than this (a Flate bomb in a small PDF) fails
        # alone, with "te groot om te lezen", instead of taking gigabytes
        limits.limit_reading_memory()

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


@dataclass(slots=True)
class _Request:
    """What a caller asked for: a page to read, a file to probe, or scanner bytes."""

    ticket: int
    kind: str  # "page", "probe" or "image"
    spec: tuple  # page: (path, mime, index, password, sheet); probe: (path, mime, passwords)
    alone: bool = False  # a page of a run that failed: read on its own to find the culprit


@dataclass(slots=True)
class _Task:
    requests: list[_Request]
    payload: tuple  # the task tuple of ocr.engine.worker

    @property
    def pages(self) -> int:
        return max(1, len(self.requests))


@dataclass(slots=True)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    # tasks sent and not answered, oldest (the one running) first
    queue: collections.deque[_Task] = field(default_factory=collections.deque)
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
        check_tesseract(lang)
        # spawn, not fork: the GUI has threads, and forking a threaded process is unsafe
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self._pending: collections.deque[_Request] = collections.deque()
        self._next_ticket = 0
        self._closed = False
        self._successes = 0
        self._crashes = 0
        self.tasks_sent = 0  # runs and probes handed to workers (pages share runs)
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

    # -- asking ------------------------------------------------------------------------------

    def read(
        self,
        path: str | Path,
        mime: str,
        index: int = 0,
        password: str | None = None,
        *,
        sheet: bool = False,
    ) -> int:
        """Queue page `index` of a file (an image frame or a PDF page); returns its ticket,
        answered with a PageText or an OcrError. sheet: a page of a stack, answered with its
        PageKind instead when it is a separator sheet (blank, or a cover sheet)."""
        return self._ask("page", (Path(path), mime, index, password, sheet))

    def probe(self, path: str | Path, mime: str, passwords: Sequence[str] = ()) -> int:
        """Queue a look at a file before its pages are read: answered with a Probe (page
        count, the PDF password that opened it) or an OcrError."""
        return self._ask("probe", (Path(path), mime, tuple(passwords)))

    def submit(self, image: str | Path | bytes) -> int:
        """Queue one page image: a file's first frame, or encoded bytes (as a scanner gives
        them); returns its ticket."""
        if isinstance(image, bytes):
            return self._ask("image", (image,))
        return self.read(image, "image")

    def _ask(self, kind: str, spec: tuple) -> int:
        if self._closed:
            raise OcrError("de leesprocessen zijn al gestopt")
        ticket = self._next_ticket
        self._next_ticket += 1
        self._pending.append(_Request(ticket, kind, spec))
        self._dispatch()
        return ticket

    @property
    def outstanding(self) -> int:
        """Requests not yet answered (queued or being read)."""
        return len(self._pending) + sum(len(t.requests) for w in self._workers for t in w.queue)

    @property
    def backlog(self) -> int:
        """Requests not yet handed to a worker: a caller streaming a large import keeps
        this small, so pages are read as they are found and never all held at once."""
        return len(self._pending)

    # -- scheduling --------------------------------------------------------------------------

    def _dispatch(self) -> None:
        while self._pending:
            idle = [w for w in self._workers if not w.queue]
            if idle:
                worker = idle[0]
                size = min(PAGES_PER_RUN, -(-self._pages_at_front() // len(idle)))
            else:
                # a full run (or a quick probe) goes ahead to a busy worker, so the next
                # task is there when it is done, even while the caller is busy storing
                worker = min(self._workers, key=lambda w: len(w.queue))
                ahead = self._pending[0].kind != "page" or self._pages_at_front() >= PAGES_PER_RUN
                if len(worker.queue) >= DEPTH or not ahead:
                    return
                size = PAGES_PER_RUN
            task = self._next_task(max(1, size))
            if not self._send(worker, task):
                return

    def _pages_at_front(self) -> int:
        """Pages that could share the next run: consecutive page requests at the front."""
        count = 0
        for request in self._pending:
            if request.kind != "page" or request.alone:
                break
            count += 1
        return max(count, 1)

    def _next_task(self, size: int) -> _Task:
        first = self._pending.popleft()
        if first.kind == "probe":
            return _Task([first], ("probe", *first.spec))
        if first.kind == "image":
            payload = ("image", first.spec[0], self.lang, self.settings, self.page_timeout)
            return _Task([first], payload)
        run = [first]
        while not first.alone and len(run) < size and self._pending:
            nxt = self._pending[0]
            if nxt.kind != "page" or nxt.alone:
                break
            run.append(self._pending.popleft())
        specs = [r.spec for r in run]
        return _Task(run, ("pages", specs, self.lang, self.settings, self.page_timeout))

    def _send(self, w: _Worker, task: _Task) -> bool:
        try:
            w.conn.send((id(task), task.payload))
        except (OSError, ValueError):
            self._pending.extendleft(reversed(task.requests))
            self._requeue_and_replace(w)
            return False
        if not w.queue:
            w.started = time.monotonic()
        w.queue.append(task)
        self.tasks_sent += 1
        return True

    def _requeue_and_replace(self, w: _Worker) -> None:
        """A worker that is gone: its unanswered tasks go back to the front of the queue."""
        for task in reversed(w.queue):
            self._pending.extendleft(reversed(task.requests))
        w.queue.clear()
        if w.process.is_alive():
            w.process.kill()
        w.process.join(STOP_WAIT_S)
        w.conn.close()
        pagefiles.remove_folder(w.process.pid or 0)
        index = self._workers.index(w)
        self._workers[index] = self._start_worker()

    def _answer(self, task: _Task, result: object, done: list[tuple[int, object]]) -> None:
        """Results of a task per request; a run that failed as a whole is split up."""
        requests = task.requests
        if len(requests) > 1 and not isinstance(result, list):
            for request in requests:
                request.alone = True
            self._pending.extendleft(reversed(requests))
            return
        results = result if isinstance(result, list) else [result]
        for request, answer in zip(requests, results, strict=True):
            done.append((request.ticket, answer))

    # -- results -----------------------------------------------------------------------------

    def poll(self, timeout: float = 0.1) -> list[tuple[int, object]]:
        """Answers that came within timeout seconds: (ticket, PageText/Probe/OcrError)."""
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
                    got, result = w.conn.recv()
                    task = w.queue.popleft()
                    if got != id(task):  # cannot happen: one pipe, in order
                        raise EOFError
                    self._successes += 1
                    self._answer(task, result, done)
                    w.started = time.monotonic()
                if not w.queue or w.process.is_alive():
                    continue
            except (EOFError, OSError):
                pass
            self._crashed(w, done)
        self._check_time_limits(done)
        self._dispatch()
        return done

    def _crashed(self, w: _Worker, done: list[tuple[int, object]]) -> None:
        """The worker died on its oldest task (segfault, killed, out of memory); the tasks
        behind it were not started and go to another worker."""
        code = w.process.exitcode
        task = w.queue.popleft()
        self._crashes += 1
        if not self._successes and self._crashes > 2 * self.jobs + 2:
            # every worker dies, whatever the page: the pool itself cannot run
            raise OcrError(
                "De leesprocessen starten niet (of stoppen meteen); er is niets ingelezen."
            )
        error: OcrError = WorkerCrashedError(
            "het lezen liet het leesproces vastlopen"
            + (f" (signaal {-code})" if code and code < 0 else "")
            + "; waarschijnlijk een beschadigd bestand"
        )
        if code == -signal.SIGABRT and sys.platform.startswith("linux"):
            # pdfium and the image decoders abort when an allocation fails: under the
            # reading cap (limits.limit_reading_memory) that is a page too big to read
            error = limits.too_big_to_read()
        self._answer(task, error, done)
        self._requeue_and_replace(w)

    def _check_time_limits(self, done: list[tuple[int, object]]) -> None:
        now = time.monotonic()
        for w in list(self._workers):
            if not w.queue:
                continue
            limit = self.hard_limit * w.queue[0].pages
            if now - w.started > limit:
                task = w.queue.popleft()
                error = OcrTimeoutError(f"het lezen duurde langer dan {limit:.0f} s en is gestopt")
                self._answer(task, error, done)
                self._requeue_and_replace(w)

    def results(self, timeout: float | None = None) -> Iterator[tuple[int, object]]:
        """Answers as they finish, until nothing is queued or running (or timeout passed)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.outstanding:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return
            yield from self.poll(0.2 if left is None else min(0.2, left))
