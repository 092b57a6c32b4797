"""Slow work off the GUI thread: plain functions run on small pools of Python threads; the
answer comes back on the GUI thread.

Answers cross over through one long-lived object in the GUI thread, woken by an
argument-less signal, that takes them from a queue: no QObject per job whose lifetime must
outlast its queued signal, and no Python object carried by a queued signal. The threads
live as long as the program, each with its own connection to the client file.

Only the GUI thread lets go of a job: its callbacks are often methods of widgets, and a
widget no one else refers to any more (a closed window of its own) is deleted by whichever
thread drops the last reference. Deleted on a worker thread, a shown window took its
native window and widget tree apart while the GUI thread was drawing: a segmentation
fault (see _Dispatcher.jobs)."""

from __future__ import annotations

import contextlib
import itertools
import os
import queue
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Job:
    """One call for a pool: fn(*args) runs on a worker thread, then on_result(value) or
    on_error(exception) on the GUI thread."""

    __slots__ = ("args", "error", "fn", "on_error", "on_result", "value")

    def __init__(
        self,
        fn: Callable[..., Any],
        args: tuple,
        on_result: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        self.fn, self.args, self.on_result, self.on_error = fn, args, on_result, on_error
        self.value: Any = None
        self.error: Exception | None = None


class _Dispatcher(QObject):
    """Lives in the GUI thread; `wake` emitted from a worker thread is a queued call."""

    wake = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.answers: queue.SimpleQueue[tuple[Callable[[Any], None], Any]] = queue.SimpleQueue()
        # Every submitted job by number, from submit() until its answer was given on the
        # GUI thread. A worker gets a number, lets go of the job before it says it is done,
        # so the last reference to the job (its callbacks, its function, its answer) is
        # always dropped here, on the GUI thread. A worker that kept its last job until the
        # next came in freed a closed import wizard (a window of its own in the tests, held
        # by nothing but the callback of its save) on that worker thread: the window was
        # deleted there while the GUI thread drew, and the test run crashed.
        self.jobs: dict[int, _Job] = {}
        self._numbers = itertools.count()
        self._lock = threading.Lock()
        self.wake.connect(self._drain)

    def post(self, callback: Callable[[Any], None], value: Any) -> None:
        self.answers.put((callback, value))
        self.wake.emit()

    def keep(self, job: _Job) -> int:
        """Hold job until it is answered; its number is what a pool is given."""
        with self._lock:
            number = next(self._numbers)
            self.jobs[number] = job
        return number

    def forget(self, number: int) -> None:
        """A job dropped before it ran (GUI thread): it will not be answered."""
        self.jobs.pop(number, None)

    def run(self, number: int) -> None:
        """Run job number (on a worker thread) and have it answered on the GUI thread."""
        job = self.jobs[number]
        try:
            job.value = job.fn(*job.args)
        except Exception as e:  # shown to the user by the owner of the job
            job.error = e
        del job  # let go before the answer is posted: the GUI thread's reference is the last
        self.post(self._answer, number)

    def _answer(self, number: int) -> None:
        job = self.jobs.pop(number)
        if job.error is not None:
            job.on_error(job.error)
        else:
            job.on_result(job.value)

    def _drain(self) -> None:
        while True:
            try:
                callback, value = self.answers.get_nowait()
            except queue.Empty:
                return
            try:
                callback(value)
            except RuntimeError as e:
                # The widget that asked was closed while its answer was on the way (a page
                # viewer shut mid-load): the answer has nobody left to show it to.
                if "already deleted" not in str(e):
                    raise


class WorkerPool:
    """A fixed number of daemon threads taking tasks from one queue, started on demand.
    Threads live as long as the program: each keeps its own connection to the client
    file (gui/data.py), and a new thread would open yet another one."""

    def __init__(self, name: str, threads: int, niced: bool = False) -> None:
        self.name, self.size, self.niced = name, threads, niced
        # numbers of jobs the dispatcher holds: a thread never keeps a job itself
        self._tasks: queue.Queue[int] = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._busy = 0
        self._cond = threading.Condition()

    def start(self, number: int) -> None:
        """Run the dispatcher's job number on one of the threads."""
        with self._cond:
            self._tasks.put(number)
            if len(self._threads) < self.size and self._busy + self._tasks.qsize() > len(
                self._threads
            ):
                thread = threading.Thread(
                    target=self._work, name=f"{self.name}-{len(self._threads)}", daemon=True
                )
                self._threads.append(thread)
                thread.start()

    def _work(self) -> None:
        if self.niced:
            background_priority()
        answers = dispatcher()
        while True:
            number = self._tasks.get()
            with self._cond:
                self._busy += 1
            try:
                answers.run(number)
            finally:
                with self._cond:
                    self._busy -= 1
                    self._cond.notify_all()

    def clear(self) -> None:
        """Drop jobs that have not started (on the GUI thread, which lets go of them)."""
        while True:
            try:
                number = self._tasks.get_nowait()
            except queue.Empty:
                return
            dispatcher().forget(number)

    def wait(self, seconds: float) -> bool:
        with self._cond:
            return self._cond.wait_for(
                lambda: self._busy == 0 and self._tasks.empty(), timeout=seconds
            )


# read: searches and cards; write: one thread, so edits reach the file in the order they
# were made (an undo right after an edit must not overtake it); image: thumbnails and
# pages, so a 2,000-page document never holds up a search; background: long work such as
# an import, at low priority (with the OCR processes it starts); other: everything else.
POOL_THREADS = {"read": 2, "write": 1, "image": 1, "background": 1, "other": 2}
_pools: dict[str, WorkerPool] = {}
_dispatcher: _Dispatcher | None = None


# How long a thread that wants Python's GIL waits before the running thread must hand it
# over. Python's 5 ms default is made for throughput: with an import reading pages in a
# worker thread, every Qt call of the GUI thread that lets go of the GIL can wait that
# long to get it back, and building one card then stalls the window for half a second.
GUI_SWITCH_INTERVAL_S = 0.0005
BACKGROUND_NICE = 10


def keep_gui_responsive() -> None:
    """Make Python hand the GIL back to the GUI thread quickly (called by MainWindow)."""
    if sys.getswitchinterval() > GUI_SWITCH_INTERVAL_S:
        sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)


def background_priority() -> None:
    """Lower the priority of the calling worker thread and of the processes it starts (an
    import's OCR workers), so the window keeps the CPU on a busy machine. On Linux a nice
    value belongs to one thread, which is what is wanted here; elsewhere a no-op."""
    if sys.platform.startswith("linux") and hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(BACKGROUND_NICE)


def pool(name: str) -> WorkerPool:
    if name not in _pools:
        _pools[name] = WorkerPool(name, POOL_THREADS[name], niced=name == "background")
    return _pools[name]


def wait_all(seconds: float = 5.0) -> None:
    """Drop queued jobs and let running ones finish (closing the window, tests)."""
    for p in list(_pools.values()):
        p.clear()
    for p in list(_pools.values()):
        p.wait(seconds)
    if _dispatcher is not None:
        _dispatcher._drain()


def dispatcher() -> _Dispatcher:
    """The object that hands answers to the GUI thread; made by its first caller, which
    must be the GUI thread (MainWindow, ClientData.on_change and submit() are)."""
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()  # the first caller runs on the GUI thread
    return _dispatcher


def call_soon(fn: Callable[..., None], *args: Any) -> None:
    """fn(*args) on the GUI thread, in the next pass of its event loop (from any thread)."""
    dispatcher().post(lambda values: fn(*values), args)


def submit(
    fn: Callable[..., Any],
    *args: Any,
    on_result: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    pool_name: str | None = None,
) -> None:
    """Run fn(*args) off the GUI thread; on_result(value) or on_error(exception) is then
    called on the GUI thread. pool_name: 'read', 'write', 'image', 'background' (long
    work at low priority: imports) or None (other)."""
    number = dispatcher().keep(_Job(fn, args, on_result, on_error))
    pool(pool_name or "other").start(number)


class Cancelled(Exception):
    """A job stopped because the user asked it to (raised inside its progress call)."""


PROGRESS_INTERVAL_S = 0.1  # at most ten progress answers a second reach the window


class Job:
    """Background work the user follows and may stop: fn(*args, progress=...) runs on a
    pool; progress(done, total), called by fn, reaches on_progress on the GUI thread
    (at most every PROGRESS_INTERVAL_S) and raises Cancelled once cancel() was asked."""

    def __init__(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_progress: Callable[[int, int], None],
        on_result: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        pool_name: str = "background",
    ) -> None:
        self._stop = threading.Event()
        self._last = 0.0
        self._on_progress = on_progress
        self.finished = False

        def done(value: Any) -> None:
            self.finished = True
            on_result(value)

        def failed(error: Exception) -> None:
            self.finished = True
            on_error(error)

        submit(
            lambda: fn(*args, progress=self._progress),
            on_result=done,
            on_error=failed,
            pool_name=pool_name,
        )

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise Cancelled("Afgebroken op verzoek.")
        now = time.monotonic()
        if now - self._last >= PROGRESS_INTERVAL_S or done >= total:
            self._last = now
            call_soon(self._on_progress, done, total)
