"""The import wizard window: sources → progress → review → summary."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ocr.intake import (
    Intake,
    IntakeResult,
    Problem,
    SourcePage,
    Summary,
    commit,
    file_source,
    scanner_source,
)
from ocr.scanner import ScanRun
from ocr.separators import write_cover_sheet
from ocr.watch import watch_folder
from storage import ClientFile

from ..workers import submit
from .progress_page import ProgressPage
from .review_page import ReviewPage, _search
from .runner import IntakeRunner
from .sources_page import SourcesPage
from .summary_page import SummaryPage

DEFAULT_JOBS = 2


def _commit(db_path: Path, batches: list) -> tuple[Summary, dict[int, str]]:
    with ClientFile.open(db_path) as cf:
        summary = commit(cf, batches)
        ids = summary.clients_created + summary.clients_updated
        return summary, {cid: cf.client(cid)["name"] for cid in ids}


class ImportWizard(QWidget):
    """A window of its own, so the main window stays usable while paper is read."""

    client_requested = Signal(int)
    saved = Signal(object)  # Summary

    def __init__(self, db_path: Path, parent: QWidget | None = None, jobs: int = DEFAULT_JOBS):
        super().__init__(parent, Qt.WindowType.Window)
        self.db_path = Path(db_path)
        self.jobs = jobs
        self.setWindowTitle(self.tr("Papier inlezen — Klantdossier"))
        self.resize(1100, 760)
        self.result: IntakeResult | None = None
        self.runner: IntakeRunner | None = None
        self._stop_watch = threading.Event()

        self.sources = SourcesPage()
        self.progress = ProgressPage()
        self.review = ReviewPage(self.db_path)
        self.summary = SummaryPage()
        self.stack = QStackedWidget()
        for page in (self.sources, self.progress, self.review, self.summary):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

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
        paths = self.sources.paths()
        folder = Path(self.sources.watch_folder.text().strip()).expanduser()
        self._stop_watch.clear()
        duplex = bool(settings and settings.duplex)

        def factory(**callbacks) -> Intake:
            return Intake(self.db_path, jobs=self.jobs, duplex=duplex, **callbacks)

        def source(intake: Intake) -> Iterator[SourcePage]:
            problems = intake.result.problems
            if mode == "scanner":
                assert settings is not None
                run = ScanRun(settings, intake.scan_dir)
                intake.add_stopper(run.cancel)
                yield from scanner_source(run)
                if run.result.error is not None:
                    raise run.result.error
            elif mode == "files":
                with ClientFile.open(self.db_path) as cf:
                    yield from file_source(paths, problems, cf.has_document)
            else:
                intake.add_stopper(self._stop_watch.set)
                for path in watch_folder(folder, self._stop_watch):
                    with ClientFile.open(self.db_path) as cf:
                        yield from file_source([path], problems, cf.has_document)

        self.runner = IntakeRunner(factory, self)
        self.runner.page_arrived.connect(self.progress.add_page)
        self.runner.page_read.connect(self.progress.page_done)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.progress.reset(watching=mode == "watch")
        self.stack.setCurrentWidget(self.progress)
        self.runner.start(source)

    def cancel(self) -> None:
        self.progress.cancel_button.setEnabled(False)
        self.progress.show_notice(self.tr("Stoppen… wat al gelezen is, blijft bewaard."))
        if self.runner is not None:
            self.runner.cancel()

    def _finished(self, result: IntakeResult) -> None:
        self.result = result
        if not result.pages and result.problems and not result.cancelled:
            # Nothing came in at all (empty feeder, no scanner): say why where the user
            # can change something, rather than on an empty review.
            self.stack.setCurrentWidget(self.sources)
            self.sources.show_error(_problems_text(result.problems))
            return
        self.review.set_batches(result.batches)
        self.review.problems.setText(_problems_text(result.problems))
        self.stack.setCurrentWidget(self.review)

    def _failed(self, message: str) -> None:
        self.stack.setCurrentWidget(self.sources)
        self.sources.show_error(message)

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        batches = self.review.batches
        self.review.save_button.setEnabled(False)
        self.review.status.setText(self.tr("Opslaan…"))
        submit(_commit, self.db_path, batches, on_result=self._saved, on_error=self._save_failed)

    def _saved(self, answer: tuple[Summary, dict[int, str]]) -> None:
        summary, names = answer
        if self.result is not None:
            summary.problems[:0] = self.result.problems
        self.summary.show_summary(summary, names)
        self.stack.setCurrentWidget(self.summary)
        self._cleanup()  # stored now: the scanned copies in the work folder can go
        self.saved.emit(summary)

    def _save_failed(self, error: Exception) -> None:
        self.review.save_button.setEnabled(True)
        self.review.status.setText(
            self.tr("Opslaan is mislukt; er is niets opgeslagen: %1").replace("%1", str(error))
        )

    def restart(self) -> None:
        self._cleanup()
        self.result = None
        self.stack.setCurrentWidget(self.sources)

    def _cleanup(self) -> None:
        if self.runner is not None and self.runner.intake is not None:
            if self.runner.running():
                self.runner.cancel()
                self.runner.wait(2.0)
            self.runner.intake.cleanup()

    # -- files from outside ----------------------------------------------------------------------

    def add_files(self, paths: list[str], start: bool = False) -> None:
        self.sources.add_paths(paths)
        if start and self.stack.currentWidget() is self.sources:
            self.start()

    def show_scanner(self) -> None:
        self.sources.use_scanner.setChecked(True)

    # -- cover sheets ----------------------------------------------------------------------------

    def make_cover_sheet(self) -> None:
        dialog = CoverSheetDialog(self.db_path, self)
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
        QDesktopServices.openUrl(QUrl.fromLocalFile(target))  # the user prints from there

    def closeEvent(self, event) -> None:
        self._cleanup()
        super().closeEvent(event)


def _problems_text(problems: list[Problem]) -> str:
    return "\n".join(f"{Path(p.where).name}: {p.message}" for p in problems[:12]) + (
        f"\n… en nog {len(problems) - 12}" if len(problems) > 12 else ""
    )


class CoverSheetDialog(QDialog):
    """Pick an existing client for a cover sheet."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
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
            _search,
            self.db_path,
            text.strip(),
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
            wizard = ImportWizard(Path(self.window.data.path), self.window)
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
