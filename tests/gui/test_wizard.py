"""The import wizard as a user drives it: real Qt, real SANE `test` scanner, real
Tesseract over generated client cards, real client file. Screenshots of every step go
to KLANTDOSSIER_SHOTS when that is set (to look at them)."""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
from pathlib import Path

import pytest
import shiboken6
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from gui.import_wizard.progress_page import ProgressPage, thumbnail_key
from gui.import_wizard.wizard import ImportWizard, install
from importing.model import Document, PageItem
from ocr.sources import scanner
from ocr.sources.separators import PageKind
from storage import ClientFile
from tests.datagen import make_client, render_card
from tests.ocr.test_scanner import write_sane_config

needs_sane = pytest.mark.skipif(shutil.which("scanimage") is None, reason="no sane-utils")


def shot(widget, name: str) -> None:
    folder = os.environ.get("KLANTDOSSIER_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.fixture
def sane(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Point SANE at a private config; returns a function to choose the backends."""
    monkeypatch.delenv(scanner.SCANIMAGE_ENV, raising=False)
    monkeypatch.setattr(scanner, "_device_cache", None)

    def use(backends: str = "test\n", picture: str = "Grid", extra: str = "") -> Path:
        folder = write_sane_config(tmp_path / "sane", backends, picture, extra)
        monkeypatch.setenv("SANE_CONFIG_DIR", str(folder))
        return folder

    return use


@pytest.fixture
def make_wizard(qtbot, db_path: Path):
    from gui import workers

    made = []

    def make() -> ImportWizard:
        ClientFile.open(db_path).close()
        wizard = ImportWizard(db_path, jobs=2)
        # closing with unread work asks the user first; in the tests the user agrees
        wizard.confirm_close = lambda _unsaved: True
        qtbot.addWidget(wizard)
        wizard.show()
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        wizard.close()
    workers.wait_all()


@pytest.fixture(scope="module")
def card_folders(tmp_path_factory) -> tuple[list[Path], list]:
    root = tmp_path_factory.mktemp("folders")
    rng = random.Random(21)
    folders, truths = [], []
    for _ in range(2):
        truth = make_client(rng)
        folder = root / truth.display_name
        folder.mkdir()
        render_card(truth, rng, dpi=200).convert("L").save(folder / "kaart.png")
        folders.append(folder)
        truths.append(truth)
    return folders, truths


@needs_sane
def test_no_scanner_says_what_to_check_and_offers_files(qtbot, sane, make_wizard) -> None:
    sane(backends="")
    wizard = make_wizard()
    page = wizard.sources
    qtbot.waitUntil(lambda: "geen scanner" in page.scanner_status.text(), timeout=10000)
    assert "scanimage -L" in page.scanner_status.text()
    assert page.use_files.isChecked()  # file import is offered instead
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert "bestanden" in page.message.text()
    shot(wizard, "wizard-sources-no-scanner")


@needs_sane
def test_scanner_feeder_run_shows_thumbnails_then_review(qtbot, sane, make_wizard) -> None:
    sane(picture="Solid white")  # blank sheets: separators only, no OCR needed
    wizard = make_wizard()
    page = wizard.sources
    qtbot.waitUntil(lambda: page.options is not None, timeout=10000)
    assert page.device_box.currentData() == "test:0"
    assert not page.duplex.isEnabled()  # the test scanner has no duplex
    page.resolution.setCurrentIndex(0)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.progress.thumbs.count() >= 1, timeout=10000)
    # the thumbnail follows the page, drawn off the GUI thread
    qtbot.waitUntil(lambda: not wizard.progress.thumbs.item(0).icon().isNull(), timeout=10000)
    qtbot.waitUntil(lambda: wizard.stack.currentWidget() is wizard.review, timeout=20000)
    assert wizard.progress.thumbs.count() == 10  # the test feeder holds ten sheets
    assert "leeg vel" in wizard.progress.thumbs.item(0).text()
    assert "geen papier met inhoud" in wizard.review.heading.text()


@needs_sane
def test_empty_feeder_says_so_on_the_sources_page(qtbot, sane, make_wizard) -> None:
    sane(extra='read-status-code "SANE_STATUS_NO_DOCS"\n')
    wizard = make_wizard()
    page = wizard.sources
    qtbot.waitUntil(lambda: page.options is not None, timeout=10000)
    assert page.feeder.isChecked()
    # SANE's own test backend hangs now and then on this path (see scan_past_backend_hangs
    # in tests/ocr/test_scanner.py): the watchdog stops such a run, and Start tries again.
    settings = page.scan_settings()
    page.scan_settings = lambda: dataclasses.replace(settings, stall_timeout_s=5)
    for _attempt in range(4):
        page.message.setText("")
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: (
                "documentinvoer is leeg" in page.message.text()
                or "reageert niet" in page.message.text()
            ),
            timeout=20000,
        )
        if "documentinvoer is leeg" in page.message.text():
            break
    assert "documentinvoer is leeg" in page.message.text()
    assert wizard.stack.currentWidget() is page
    shot(wizard, "wizard-sources-empty-feeder")


@needs_sane
def test_cancel_keeps_pages_scanned_so_far(qtbot, sane, make_wizard) -> None:
    sane(picture="Solid white")
    wizard = make_wizard()
    page = wizard.sources
    qtbot.waitUntil(lambda: page.options is not None, timeout=10000)
    page.resolution.setCurrentIndex(0)
    settings = page.scan_settings()
    slow = ("--read-delay=yes", "--read-delay-duration=30000")  # a slow feeder, to cancel
    page.scan_settings = lambda: dataclasses.replace(settings, resolution=50, extra_args=slow)
    wizard.start()
    qtbot.waitUntil(lambda: wizard.progress.thumbs.count() >= 1, timeout=20000)
    qtbot.mouseClick(wizard.progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.stack.currentWidget() is wizard.review, timeout=10000)
    assert wizard.runner.run.report.cancelled
    assert 1 <= wizard.progress.thumbs.count() < 10


def test_files_review_by_keyboard_and_save(qtbot, make_wizard, card_folders, db_path) -> None:
    folders, truths = card_folders
    wizard = make_wizard()
    wizard.sources.refresh_button.setEnabled(False)
    wizard.add_files([str(f) for f in folders], start=True)
    qtbot.waitUntil(lambda: wizard.progress.thumbs.count() == 2, timeout=20000)
    shot(wizard, "wizard-progress")
    qtbot.waitUntil(lambda: wizard.stack.currentWidget() is wizard.review, timeout=60000)
    review = wizard.review
    assert review.batch_list.count() == 2
    qtbot.waitUntil(lambda: review.crops["name"].pixmap() is not None
                    and not review.crops["name"].pixmap().isNull(), timeout=10000)  # fmt: skip
    shot(wizard, "wizard-review")
    name_edit = review.edits["name"]
    assert truths[0].last_name in name_edit.text()
    assert "background" in name_edit.styleSheet()  # coloured by confidence
    # Keyboard only: edit the name, Enter accepts and moves on, PgUp/PgDn walk the clients.
    name_edit.setFocus()
    name_edit.selectAll()
    qtbot.keyClicks(name_edit, "Mevrouw Getypt")
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    assert review.proposals[0].accepted and review.current == 1
    qtbot.keyClick(review.edits["name"], Qt.Key.Key_PageUp)
    assert review.current == 0 and review.edits["name"].text() == "Mevrouw Getypt"
    qtbot.keyClick(review.edits["name"], Qt.Key.Key_PageDown)
    assert review.current == 1
    qtbot.keyClick(review.edits["phone"], Qt.Key.Key_Enter)
    assert all(p.accepted for p in review.proposals)
    with ClientFile.open(db_path) as cf:
        assert cf.count_clients() == 0  # nothing written before "Opslaan"
    requested = []
    wizard.client_requested.connect(requested.append)
    qtbot.mouseClick(review.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.stack.currentWidget() is wizard.summary, timeout=20000)
    shot(wizard, "wizard-summary")
    assert "2 nieuwe klant(en)" in wizard.summary.text.text()
    with ClientFile.open(db_path) as cf:
        ids = cf.client_ids()
        names = {cf.client(i).name for i in ids}
    assert "Mevrouw Getypt" in names and len(ids) == 2
    wizard.summary.text.linkActivated.emit(f"client:{ids[0]}")
    assert requested == [ids[0]]


def test_existing_client_conflicts_side_by_side(qtbot, make_wizard, card_folders, db_path):
    from storage import Phone

    folders, truths = card_folders
    ClientFile.open(db_path).close()
    with ClientFile.open(db_path) as cf, cf.transaction():
        known = cf.create_client(
            name=truths[0].display_name, phones=[Phone(truths[0].phones[0].e164)],
            iban="NL91ABNA0417164300",
        )  # fmt: skip
    wizard = make_wizard()
    wizard.sources.refresh_button.setEnabled(False)
    wizard.add_files([str(folders[0])], start=True)
    qtbot.waitUntil(lambda: wizard.stack.currentWidget() is wizard.review, timeout=60000)
    review = wizard.review
    assert review.decision.currentData() == known  # matched by the phone number
    qtbot.waitUntil(
        lambda: "NL91ABNA0417164300" in review.stored_labels["iban"].text(), timeout=10000
    )
    assert "≠" in review.stored_labels["iban"].text()  # read another IBAN: a conflict
    shot(wizard, "wizard-review-conflict")
    # Changing the choice by search: type, Enter picks the first hit.
    review.decision.setCurrentIndex(0)
    review._decision_chosen(0)
    assert review.proposals[0].decision.kind == "new"
    qtbot.keyClicks(review.client_search, truths[0].last_name[:4])
    qtbot.waitUntil(lambda: review.search_results.count() >= 1, timeout=10000)
    qtbot.keyClick(review.client_search, Qt.Key.Key_Return)
    assert review.proposals[0].decision.client_id == known


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_dropped_corrupt_and_huge_files_give_a_clear_message(
    qtbot, make_window, db_path, tmp_path
) -> None:
    ClientFile.open(db_path).close()
    window = make_window(db_path)
    installer = install(window)
    broken = tmp_path / "kapot.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    huge = tmp_path / "reus.png"
    Image.new("1", (12000, 12000), 1).save(huge)  # 144 Mpixel: not a page
    window.files_dropped.emit([str(broken), str(huge)])
    wizard = installer.wizard
    assert wizard is not None and wizard.isVisible()
    # Nothing readable came in: the wizard says why on its first page, to pick other files.
    message = wizard.sources.message
    qtbot.waitUntil(lambda: "reus.png" in message.text(), timeout=30000)
    assert wizard.stack.currentWidget() is wizard.sources
    problems = message.text()
    assert "kapot.jpg" in problems and "reus.png" in problems
    assert "te groot" in problems
    window.search_field.setText("x")  # the main window still answers
    assert window.search_field.text() == "x"
    shot(wizard, "wizard-sources-bad-files")
    window.import_action.trigger()
    assert installer.wizard is wizard  # one wizard per window


def test_page_labels_mark_pages_to_scan_again() -> None:
    from gui.import_wizard.progress_page import RESCAN, page_label
    from importing.model import Document, PageItem
    from ocr.sources.separators import PageKind
    from storage import PageText, Word

    item = PageItem(2, Document(Path("p.pnm"), "image/x-portable-anymap", "pagina 3"), 0)
    assert page_label(item) == "3: lezen…"
    item.text = PageText("~~ ,.", [Word("~~", 0, 0, 5, 5, 20.0)], 20.0)
    assert page_label(item) == f"3: {RESCAN}"
    item.kind = PageKind("cover", 12)
    assert "scheidingsblad klant nr. 12" in page_label(item)


def test_watched_folder_picks_up_finished_files(qtbot, make_wizard, tmp_path, monkeypatch):
    import gui.import_wizard.wizard as wizard_module
    from importing.sources import watched as watched_source
    from importing.sources import watcher

    def quick(watch, stop, report):  # the office printer is fast today: shorter waits
        return watched_source(watch, stop, report, poll_s=0.1)

    monkeypatch.setattr(wizard_module, "watched", quick)
    monkeypatch.setattr(wizard_module, "watcher", lambda folder: watcher(folder, settle_s=0.3))
    watched = tmp_path / "scans"
    watched.mkdir()
    wizard = make_wizard()
    wizard.sources.refresh_button.setEnabled(False)
    wizard.sources.use_watch.setChecked(True)
    wizard.sources.watch_folder.setText(str(watched))
    qtbot.mouseClick(wizard.sources.start_button, Qt.MouseButton.LeftButton)
    assert wizard.progress.stop_button.isVisible()
    Image.new("L", (850, 1200), 255).save(watched / "scan0001.png")
    qtbot.waitUntil(lambda: wizard.progress.thumbs.count() == 1, timeout=10000)
    qtbot.waitUntil(lambda: "leeg vel" in wizard.progress.thumbs.item(0).text(), timeout=10000)
    qtbot.mouseClick(wizard.progress.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.stack.currentWidget() is wizard.review, timeout=10000)


def test_cover_sheet_dialog_finds_the_client(qtbot, db_path) -> None:
    from gui.import_wizard.wizard import CoverSheetDialog

    with ClientFile.open(db_path) as cf, cf.transaction():
        client_id = cf.create_client(name="Bakkerij Jansen")
    from gui.data import ClientData

    data = ClientData(db_path)
    dialog = CoverSheetDialog(data)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.query, "bakker")
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=10000)
    dialog._accept()
    assert dialog.client == (client_id, "Bakkerij Jansen")
    data.close()


def test_answers_that_come_after_the_page_list_is_gone_touch_nothing(qtbot, tmp_path) -> None:
    """A thumbnail or a read page may come in after the wizard was closed: its list item
    (no QObject) was freed with the list, and touching it crashed the window."""
    page = ProgressPage()
    qtbot.addWidget(page)
    scan = tmp_path / "brief.png"
    Image.new("L", (40, 60), 255).save(scan)
    item = PageItem(0, Document(scan, "image/png", "brief.png"), 0)
    page.page_event(item)
    generation = page._generation
    shiboken6.delete(page.thumbs)  # the wizard closed: the list and its items are freed
    image = QImage(10, 10, QImage.Format.Format_Grayscale8)
    page._thumbnail(thumbnail_key(scan, 0), generation, 0, image)  # crashed before
    item.kind = PageKind("content")
    page._page_done(item)
    assert page.read == 1
