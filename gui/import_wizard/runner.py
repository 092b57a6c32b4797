"""Runs the reading of an import (importing.ImportRun) on a plain thread and hands its news
to the GUI thread as Qt signals; applying the reviewed proposals runs off the GUI thread
too."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal

from importing import ImportReport, ImportRun
from importing.model import PageItem, Unit
from importing.proposals import Proposal
from importing.reading import Sheet

from ..data import ClientData

Source = Callable[[ImportRun], Iterable[Unit | Sheet]]


class ImportRunner(QObject):
    """Signals are emitted on the worker thread; Qt queues them to the receivers on the GUI
    thread (the runner lives there), so slots may touch widgets."""

    page_event = Signal(object)  # PageItem: asked for (kind None), then read
    finished = Signal(object)  # list[Proposal]
    failed = Signal(str)

    def __init__(self, data: ClientData, parent: QObject | None = None, **run_options) -> None:
        super().__init__(parent)
        self.data = data
        self.run_options = run_options
        self.run: ImportRun | None = None
        self._cancel = threading.Event()
        self._stoppers: list[Callable[[], None]] = []
        self._thread: threading.Thread | None = None

    def start(self, source: Source) -> None:
        self._cancel.clear()

        def work() -> None:
            try:
                with self.data.session() as cf:
                    run = ImportRun(
                        cf,
                        review=True,
                        on_page=self.page_event.emit,
                        cancel=self._cancel.is_set,
                        **self.run_options,
                    )
                    self.run = run
                    proposals = run.read(source(run))
            except Exception as e:  # shown to the user on the sources page
                self.failed.emit(str(e) or type(e).__name__)
                return
            self.finished.emit(proposals)

        self._thread = threading.Thread(target=work, name="wizard-reading", daemon=True)
        self._thread.start()

    def add_stopper(self, stop: Callable[[], None]) -> None:
        """Something to call on cancel (the scanner run's cancel, the folder watch's stop)."""
        self._stoppers.append(stop)

    def cancel(self) -> None:
        self._cancel.set()
        for stop in list(self._stoppers):
            stop()

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)


def apply_reviewed(data: ClientData, run: ImportRun, proposals: list[Proposal]):
    """Store the accepted proposals (all of them or nothing); with the names of the
    clients made or updated. Runs on a worker thread."""
    with data.session() as cf:
        run.cf = cf
        report: ImportReport = run.apply(proposals)
        ids = [cid for cid in report.created + report.updated if cid]
        names = {cid: cf.client(cid).name for cid in ids}
    return report, names


def repropose(data: ClientData, run: ImportRun, proposals: list[Proposal]) -> None:
    """Read the clients of changed proposals again (after a split or a join in the review),
    in place. Runs on a worker thread."""
    with data.session() as cf:
        run.cf = cf
        fresh = run.propose([p.unit for p in proposals])
    for old, new in zip(proposals, fresh, strict=True):
        old.values, old.decision, old.extracted, old.flags = (
            new.values,
            new.decision,
            new.extracted,
            new.flags,
        )
        old.recurring, old.joins, old.accepted = new.recurring, None, False


__all__ = ["ImportRunner", "PageItem", "apply_reviewed", "repropose"]
