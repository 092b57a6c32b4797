"""The import wizard window: sources → progress → review → summary."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from importing import ImportReport
from importing.sources import WATCH_GAP_S, scan_name, scanner_sheets, watched, watcher
from importing.units import find_units
from ocr.sources.scanner import ScanRun
from ocr.sources.separators import write_cover_sheet

from ..data import ClientData
from ..workers import submit
from .progress_page import ProgressPage
from .review_page import ReviewPage
from .runner import ImportRunner, apply_reviewed
from .sources_page import SourcesPage
from .summary_page import SummaryPage

DEFAULT_JOBS = 2


class ImportWizard(QWidget):
    """A window of its own, so the main window stays usable while paper is read."""

    client_requested = Signal(int)
    saved = Signal(object)  # ImportReport

    def __init__(
        self,
        db_path: Path,
        parent: QWidget | None = None,
        jobs: int = DEFAULT_JOBS,
        data: ClientData | None = None,
    ):
        super().__init__(parent, Qt.WindowType.Window)
        self.db_path = Path(db_path)
        # the window's route to the client file, or one of its own
        self._own_data = data is None
        self.data = data if data is not None else ClientData(self.db_path)
        self.jobs = jobs
        self.setWindowTitle(self.tr("Papier inlezen — Klantdossier"))
        self.resize(1100, 760)
        self.runner: ImportRunner | None = None
        self._stop_watch = threading.Event()
        self._work_dir: Path | None = None

        self.sources = SourcesPage()
        self.progress = ProgressPage()
        self.review = ReviewPage(self.data)
        self.summary = SummaryPage()
        self.stack = QStackedWidget()
        for page in (self.sources, self.progress, self.review, self.summary):
            self.stack.addWidget(page)
        self.close_button = QPushButton(self.tr("S&luiten"))
        self.close_button.setObjectName("wizard_close")
        self.close_button.setToolTip(self.tr("Sluiten (Esc)"))
        self.close_button.clicked.connect(self.close)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        layout.addLayout(footer)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

        self.sources.start_requested.connect(self.start)
        self.sources.cover_sheet_requested.connect(self.make_cover_sheet)
        self.progress.cancel_requested.connect(self.cancel)
        self.progress.stop_watching_requested.connect(self._stop_watch.set)
        self.review.save_requested.connect(self.save)
        self.review.back_requested.connect(self.restart)
        self.summary.client_clicked.connect(self.client_requested)
        self.summary.close_requested.connect(self.close)
        self.summary.again_requested.connect(self.restart)
        self.sources.refresh_devices()

    # -- running -----------------------------------------------------------------------------

    def start(self) -> None:
        self.sources.save_settings()
        mode = self.sources.mode()
        settings = self.sources.scan_settings() if mode == "scanner" else None
        paths = [Path(p) for p in self.sources.paths()]
        folder = Path(self.sources.watch_folder.text().strip()).expanduser()
        self._stop_watch.clear()
        options: dict = {"jobs": self.jobs}
        if mode == "scanner":
            assert settings is not None
            options.update(stack_name=scan_name(), duplex=settings.duplex)
        elif mode == "watch":
            options.update(stack_name=f"map {folder.name} {scan_name()[5:]}", gap_s=WATCH_GAP_S)
        runner = ImportRunner(self.data, self, **options)
        # source is let go of by the reading thread when it ends: it refers to what it
        # needs, never to the wizard, a window that must not be freed on that thread (a
        # window deleted off the GUI thread crashes it; see gui/workers.py)
        scan_dir = self._scan_dir() if mode == "scanner" else None
        stop_watch = self._stop_watch
        watch = watcher(folder) if mode == "watch" else None

        def source(run):
            if mode == "scanner":
                assert settings is not None and scan_dir is not None
                scan = ScanRun(settings, scan_dir)
                runner.add_stopper(scan.cancel)
                return scanner_sheets(scan)
            if mode == "files":
                return find_units(paths, run.report)
            assert watch is not None
            runner.add_stopper(stop_watch.set)
            return watched(watch, stop_watch, run.report)

        self.runner = runner
        runner.page_event.connect(self.progress.page_event)
        runner.finished.connect(self._finished)
        runner.failed.connect(self._failed)
        self.progress.reset(watching=mode == "watch")
        self.stack.setCurrentWidget(self.progress)
        runner.start(source)

    def _scan_dir(self) -> Path:
        """A private folder (mode 0700) for scanned pages: they hold personal data and go
        once stored (or when the wizard is closed)."""
        import tempfile

        if self._work_dir is None:
            self._work_dir = Path(tempfile.mkdtemp(prefix="klantwizard-"))
        return self._work_dir

    def cancel(self) -> None:
        self.progress.cancel_button.setEnabled(False)
        self.progress.show_notice(self.tr("Stoppen… wat al gelezen is, blijft bewaard."))
        if self.runner is not None:
            self.runner.cancel()

    def _finished(self, proposals: list) -> None:
        assert self.runner is not None and self.runner.run is not None
        report = self.runner.run.report
        if not proposals and report.errors and not report.cancelled:
            # Nothing came in at all (empty feeder, no scanner): say why where the user
            # can change something, rather than on an empty review.
            self.stack.setCurrentWidget(self.sources)
            self.sources.show_error(_problems_text(report.errors))
            return
        self.review.set_proposals(proposals, self.runner.run, self.progress.thumbnails)
        self.review.problems.setText(_problems_text(report.errors))
        self.stack.setCurrentWidget(self.review)

    def _failed(self, message: str) -> None:
        self.stack.setCurrentWidget(self.sources)
        self.sources.show_error(message)

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        assert self.runner is not None and self.runner.run is not None
        self.review.save_button.setEnabled(False)
        self.review.status.setText(self.tr("Opslaan…"))
        submit(
            apply_reviewed,
            self.data,
            self.runner.run,
            self.review.proposals,
            on_result=self._saved,
            on_error=self._save_failed,
        )

    def _saved(self, answer: tuple[ImportReport, dict[int, str]]) -> None:
        report, names = answer
        self.summary.show_summary(report, names)
        self.stack.setCurrentWidget(self.summary)
        self._cleanup()  # stored now: the scanned copies in the work folder can go
        self.saved.emit(report)

    def _save_failed(self, error: Exception) -> None:
        self.review.save_button.setEnabled(True)
        self.review.status.setText(
            self.tr("Opslaan is mislukt; er is niets opgeslagen: %1").replace("%1", str(error))
        )

    def restart(self) -> None:
        self._cleanup()
        self.stack.setCurrentWidget(self.sources)

    def _cleanup(self) -> None:
        if self.runner is not None and self.runner.running():
            self.runner.cancel()
            self.runner.wait(2.0)
        if self._work_dir is not None:
            shutil.rmtree(self._work_dir, ignore_errors=True)
            self._work_dir = None

    # -- files from outside ----------------------------------------------------------------------

    def add_files(self, paths: list[str], start: bool = False) -> None:
        self.sources.add_paths(paths)
        if start and self.stack.currentWidget() is self.sources:
            self.start()

    def show_scanner(self) -> None:
        self.sources.use_scanner.setChecked(True)

    # -- cover sheets ----------------------------------------------------------------------------

    def make_cover_sheet(self) -> None:
        dialog = CoverSheetDialog(self.data, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.client is None:
            return
        client_id, name = dialog.client
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Scheidingsblad opslaan"),
            str(Path.home() / f"scheidingsblad-{client_id}.pdf"),
            "PDF (*.pdf)",
        )
        if not target:
            return
        try:
            write_cover_sheet(target, client_id, name)
        except OSError as e:
            QMessageBox.warning(self, self.windowTitle(), str(e))
            return
        self.sources.show_notice(
            self.tr("Het scheidingsblad voor %1 staat in %2 en wordt nu geopend: druk het af.")
            .replace("%1", name)
            .replace("%2", target)
        )
        QDesktopServices.openUrl(QUrl.fromLocalFile(target))  # the user prints from there

    def confirm_close(self, unsaved: int) -> bool:
        """Ask before what was read is thrown away (tests answer for the user)."""
        answer = QMessageBox.question(
            self,
            self.tr("Inlezen sluiten"),
            self.tr(
                "Wat is ingelezen is nog niet opgeslagen (%1). Sluiten zonder op te slaan?"
            ).replace("%1", str(unsaved)),
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Close

    def unsaved_work(self) -> int:
        """Clients read and not yet stored: what closing would throw away."""
        if self.stack.currentWidget() is self.review:
            return len(self.review.proposals)
        if self.stack.currentWidget() is self.progress and self.runner is not None:
            return self.progress.read
        return 0

    def closeEvent(self, event) -> None:
        unsaved = self.unsaved_work()
        if unsaved and self.isVisible() and not self.confirm_close(unsaved):
            event.ignore()
            return
        self._cleanup()
        if self._own_data:
            self.data.close()
        super().closeEvent(event)


def _problems_text(errors: list[dict]) -> str:
    return "\n".join(f"{Path(e['path']).name}: {e['error']}" for e in errors[:12]) + (
        f"\n… en nog {len(errors) - 12}" if len(errors) > 12 else ""
    )


class CoverSheetDialog(QDialog):
    """Pick an existing client for a cover sheet."""

    def __init__(self, data: ClientData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.client: tuple[int, str] | None = None
        self.setWindowTitle(self.tr("Scheidingsblad voor een klant"))
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Zoek de klant op naam, plaats of nummer…"))
        self.results = QListWidget()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Papier na dit blad gaat direct naar deze klant.")))
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        layout.addWidget(buttons)
        self.query.textEdited.connect(self._search)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.results.itemActivated.connect(lambda _item: self._accept())
        self._seq = 0

    def _search(self, text: str) -> None:
        self._seq += 1
        seq = self._seq
        if len(text.strip()) < 2:
            return
        submit(
            self.data.search,
            text.strip(),
            15,
            on_result=lambda hits: self._show(seq, hits),
            on_error=lambda _e: None,
        )

    def _show(self, seq: int, hits: list) -> None:
        if seq != self._seq:
            return
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.name} (nr. {hit.id})")
            item.setData(Qt.ItemDataRole.UserRole, (hit.id, hit.name))
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)

    def _accept(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.client = tuple(item.data(Qt.ItemDataRole.UserRole))
            self.accept()


class _Installer(QObject):
    """Keeps one wizard per main window and connects the window's actions to it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.wizard: ImportWizard | None = None

    def open(self) -> ImportWizard:
        if self.wizard is None:
            data = self.window.data
            wizard = ImportWizard(Path(data.path), self.window, data=data)
            wizard.client_requested.connect(self._open_client)
            wizard.saved.connect(lambda _summary: self._refresh())
            wizard.destroyed.connect(self._forget)
            wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.wizard = wizard
        self.wizard.show()
        self.wizard.raise_()
        self.wizard.activateWindow()
        return self.wizard

    def _forget(self, *_args) -> None:
        self.wizard = None

    def open_files(self) -> None:
        self.open().sources.use_files.setChecked(True)

    def open_scanner(self) -> None:
        self.open().show_scanner()

    def dropped(self, paths: list[str]) -> None:
        self.open().add_files(list(paths), start=True)

    def _open_client(self, client_id: int) -> None:
        self.window.open_client(client_id)
        self.window.raise_()
        self.window.activateWindow()

    def _refresh(self) -> None:
        self.window.refresh()


def install(window: QWidget) -> _Installer:
    """Connect the main window's import/scan actions and file drops to the wizard."""
    installer = _Installer(window)  # a child of the window: lives as long as it does
    action = getattr(window, "import_action", None)
    if action is not None:
        action.triggered.connect(installer.open_files)
    action = getattr(window, "scan_action", None)
    if action is not None:
        action.triggered.connect(installer.open_scanner)
    dropped = getattr(window, "files_dropped", None)
    if dropped is not None:
        dropped.connect(installer.dropped)
    return installer
