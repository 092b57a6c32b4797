"""Runs an Intake on a plain thread and hands its news to the GUI thread as Qt signals."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal

from ocr.intake import Batch, Intake, IntakeResult, PageItem, SourcePage


class IntakeRunner(QObject):
    """Signals are emitted on the worker thread; Qt queues them to the receivers on the GUI
    thread (the runner lives there), so slots may touch widgets."""

    page_arrived = Signal(object)  # PageItem
    page_read = Signal(object)  # PageItem
    batch_ready = Signal(int, object)  # number, Batch
    finished = Signal(object)  # IntakeResult
    failed = Signal(str)

    def __init__(self, intake_factory: Callable[..., Intake], parent: QObject | None = None):
        super().__init__(parent)
        self._factory = intake_factory
        self.intake: Intake | None = None
        self._thread: threading.Thread | None = None

    def start(self, source: Callable[[Intake], Iterable[SourcePage]]) -> None:
        intake = self._factory(
            on_page=self.page_arrived.emit,
            on_read=self.page_read.emit,
            on_batch=self._batch,
        )
        self.intake = intake

        def work() -> None:
            try:
                result = intake.run(source(intake))
            except Exception as e:  # shown to the user on the progress page
                self.failed.emit(str(e) or type(e).__name__)
                return
            self.finished.emit(result)

        self._thread = threading.Thread(target=work, name="wizard-intake", daemon=True)
        self._thread.start()

    def _batch(self, number: int, batch: Batch) -> None:
        self.batch_ready.emit(number, batch)

    def cancel(self) -> None:
        if self.intake is not None:
            self.intake.cancel()

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)


__all__ = ["Batch", "IntakeResult", "IntakeRunner", "PageItem"]
