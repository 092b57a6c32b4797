"""Slow work off the GUI thread: a plain function run in a QThreadPool, results as signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    result = Signal(object)
    error = Signal(object)


class Job(QRunnable):
    """Runs fn(*args) on a pool thread; `signals.result`/`signals.error` arrive on the GUI
    thread through Qt's queued connections."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        self.fn, self.args = fn, args
        self.signals = _Signals()

    def run(self) -> None:
        try:
            value = self.fn(*self.args)
        except Exception as e:  # shown to the user by the owner of the job
            self.signals.error.emit(e)
        else:
            self.signals.result.emit(value)


# Python must hold every job until its answer is delivered: otherwise the wrapper (and its
# signals object) can be collected while the queued signal is still on its way.
_live: set[Job] = set()


def submit(
    fn: Callable[..., Any],
    *args: Any,
    on_result: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> Job:
    job = Job(fn, *args)
    job.setAutoDelete(False)
    _live.add(job)
    job.signals.result.connect(on_result)
    job.signals.error.connect(on_error)
    job.signals.result.connect(lambda _value: _live.discard(job))
    job.signals.error.connect(lambda _error: _live.discard(job))
    QThreadPool.globalInstance().start(job)
    return job
