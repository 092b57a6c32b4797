"""A small dialog that runs one background job (export, backup, restore): the choices on
top, then a progress bar, a line that says what happened, and "Map openen" afterwards.

The job runs on a worker thread (gui/workers.Job); the window stays usable meanwhile,
except where a dialog is opened window-modal on purpose (a restore)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import formatting
from ..workers import Cancelled, Job


class JobDialog(QDialog):
    """Subclasses fill self.form, and implement prepare() and done_text().

    Its own words are translated in the context "JobDialog" written out: self.tr() would
    look them up under each subclass's name.

    job_done(result) once the job has succeeded."""

    job_done = Signal(object)
    can_cancel = True  # False for work that must not stop halfway (a restore)

    def __init__(self, title: str, start_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.job: Job | None = None
        self.total = 0  # the last count of work to do that the job reported
        self.open_url = QDesktopServices.openUrl  # replaced in tests: no file manager starts
        self._folder: Path | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.form = QFormLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("job_progress")
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("job_status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            start_text, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setObjectName("job_start")
        self.start_button.setDefault(True)
        self.open_button = self.buttons.addButton(
            QCoreApplication.translate("JobDialog", "Map openen"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.open_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setObjectName("job_close")
        self.start_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self._open_folder)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    # -- for subclasses ---------------------------------------------------------------------

    def prepare(self) -> Callable[..., Any]:
        """The work to run, fn(progress=...); raise ValueError with a sentence to refuse."""
        raise NotImplementedError

    def done_text(self, result: Any) -> str:
        raise NotImplementedError

    def started(self) -> None:
        """Called once the job runs (a subclass may lock its choices)."""

    def path_row(self, edit: QLineEdit, choose: Callable[[], None]) -> QWidget:
        """A line with a path and a "Bladeren…" button beside it."""
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(edit, 1)
        browse = QPushButton(QCoreApplication.translate("JobDialog", "Bladeren…"))
        browse.clicked.connect(choose)
        line.addWidget(browse)
        return row

    def show_folder_when_done(self, folder: Path) -> None:
        self._folder = folder

    # -- running ----------------------------------------------------------------------------

    def start(self) -> None:
        if self.running:
            return
        try:
            work = self.prepare()
        except ValueError as e:
            self._say(str(e), error=True)
            return
        self.start_button.setEnabled(False)
        self.close_button.setEnabled(self.can_cancel)
        self.progress.setRange(0, 0)  # busy until the first count arrives
        self.progress.show()
        self._say(QCoreApplication.translate("JobDialog", "Bezig…"))
        self.started()
        self.job = Job(
            work, on_progress=self._progress, on_result=self._done, on_error=self._failed
        )

    @property
    def running(self) -> bool:
        return self.job is not None and not self.job.finished

    def _progress(self, done: int, total: int) -> None:
        self.total = total
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self._say(
                QCoreApplication.translate("JobDialog", "%1 van %2")
                .replace("%1", formatting.number(done))
                .replace("%2", formatting.number(total))
            )

    def _done(self, result: Any) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self._say(self.done_text(result))
        self._finished()
        self.open_button.setVisible(self._folder is not None)
        self.job_done.emit(result)

    def _failed(self, error: Exception) -> None:
        self.progress.hide()
        if isinstance(error, Cancelled):
            self._say(
                QCoreApplication.translate("JobDialog", "Afgebroken; er is niets geschreven.")
            )
        else:
            self._say(
                QCoreApplication.translate("JobDialog", "Niet gelukt: %1").replace(
                    "%1", str(error)
                ),
                error=True,
            )
        self._finished()
        self.start_button.setEnabled(True)

    def _finished(self) -> None:
        self.start_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.close_button.setText(QCoreApplication.translate("JobDialog", "Sluiten"))

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(formatting.message_style(error) if error else "")
        self._fit()

    def _fit(self) -> None:
        """Grow when a longer message wraps (or the progress bar appears): squeezed, the
        rows above it were cut off."""
        layout = self.layout()
        if layout.hasHeightForWidth():
            need = layout.totalHeightForWidth(self.width())
        else:
            need = layout.totalSizeHint().height()
        if need > self.height():
            self.resize(self.width(), need)

    def _open_folder(self) -> None:
        if self._folder is not None:
            self.open_url(QUrl.fromLocalFile(str(self._folder)))

    def reject(self) -> None:
        """Close, or stop the job first (asked once more: Esc while it runs stops it)."""
        if self.running:
            if self.can_cancel and self.job is not None:
                self.job.cancel()
                self._say(QCoreApplication.translate("JobDialog", "Wordt afgebroken…"))
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.running:
            self.reject()
            event.ignore()
            return
        super().closeEvent(event)


def save_path(parent: QWidget, title: str, start: Path, filters: str) -> Path | None:
    """A file name to write to, from the file dialog (None: cancelled)."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start), filters)
    return Path(chosen) if chosen else None
