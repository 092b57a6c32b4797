"""Screenshots of the window's states, for people to look at (not a test).

    .venv/bin/python scripts/screenshots.py [--out shots] [--size 1366x768]

Writes into --out, from a demo client file made in a temporary folder (tests/gui/demo.py):
empty, search, card (with values read from paper and not yet checked), crop, viewer,
english; gesprekken (today's calls, a missed unknown number, one to call back),
unknown-caller (the Gesprekken view on an unknown number), export, export-client, backup,
restore, turned-viewer / turned-card / turned-crop (a page scanned upside down, shown
upright), search-den-bosch and viewer-postcode (highlights of a query without spaces)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QPoint, QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(predicate, ms: int = 5000) -> bool:
    for _ in range(ms // 20):
        if predicate():
            return True
        wait(20)
    return False


def type_search(window, text: str) -> None:
    window.focus_search()
    window.search_field.clear()
    QTest.keyClicks(window.search_field, text)
    wait_until(lambda: window.shown_query() == text and not window._in_flight)
    wait(300)


def show_crop(window, button, out: Path) -> None:
    """Point at a 'read from the scan' button and grab the crop it shows."""
    QCursor.setPos(button.mapToGlobal(QPoint(4, 4)))  # the crop stays while pointed at
    window.card.show_source(button.record, button)
    wait_until(lambda: window.card._crop.isVisible())
    wait(200)
    window.card._crop.grab().save(str(out))
    QCursor.setPos(QPoint(0, 0))
    window.card.hide_popups()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    parser.add_argument("--size", default="1366x768", help="window size, e.g. 1366x768")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    out = args.out
    app = QApplication.instance() or QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="klantdossier-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))

    from gui import i18n, workers
    from gui.data import ClientData
    from gui.main_window import MainWindow
    from storage import Address, ClientFile
    from tests.gui.demo import add_calls, add_turned_card, make_demo

    i18n.install_translator(app, "nl")

    def window_on(path: Path) -> MainWindow:
        window = MainWindow(ClientData(path))
        window.resize(width, height)
        window.show()
        wait(300)
        return window

    empty = window_on(tmp / "leeg.sqlite")
    empty.grab().save(str(out / "empty.png"))
    empty.close()

    demo = make_demo(tmp / "klanten.sqlite", extra_clients=30)
    add_turned_card(demo.path, demo.bakker, 180)
    add_calls(demo.path, demo, date.today().isoformat())
    with ClientFile.open(demo.path) as cf:
        cf.create_client(name="Hertog Jan Verhuur", addresses=[Address(city="'s-Hertogenbosch")])
        cf.create_client(name="Élodie Visser")
    window = window_on(demo.path)
    type_search(window, "jansen zwolle")
    window.grab().save(str(out / "search.png"))

    type_search(window, "den bosch")
    window.grab().save(str(out / "search-den-bosch.png"))

    type_search(window, "velux")
    window.open_client(demo.boer)  # the turned card of Fleur Bakker says velux too
    wait_until(lambda: window.card.documents.strip.thumbs.is_loaded(0))
    wait(300)
    window.grab().save(str(out / "card.png"))
    show_crop(window, window.card.fields["iban"].source_button, out / "crop.png")

    viewer = window.open_page(window.card.client.documents[0], 0)
    viewer.resize(900, 700)
    wait_until(lambda: viewer.highlight_count > 0)
    wait(300)
    viewer.grab().save(str(out / "viewer.png"))
    type_search(window, "1017gc")
    wait_until(lambda: viewer.highlight_count > 0)
    wait(200)
    viewer.grab().save(str(out / "viewer-postcode.png"))
    viewer.close()

    # a page scanned upside down, shown upright: card thumbnail, crop and viewer
    type_search(window, "fleur bakker")
    window.open_client(demo.bakker)
    wait_until(lambda: window.card.documents.strip.thumbs.is_loaded(0))
    wait(300)
    window.grab().save(str(out / "turned-card.png"))
    show_crop(window, window.card.fields["iban"].source_button, out / "turned-crop.png")
    type_search(window, "velux")
    turned = next(d for d in window.data.client(demo.bakker).documents if "gedraaid" in d.name)
    viewer = window.open_page(turned, 0)
    viewer.resize(900, 700)
    wait_until(lambda: viewer.highlight_count > 0)
    wait(300)
    viewer.grab().save(str(out / "turned-viewer.png"))
    viewer.close()

    # Gesprekken: today and earlier, an unknown number, one to call back
    window.calls.show_calls()
    wait_until(lambda: len(window.calls_view.rows()) >= 5)
    wait(200)
    window.calls_view.select(0)
    wait(300)
    window.grab().save(str(out / "gesprekken.png"))
    rows = window.calls_view.rows()
    unknown = next(i for i, r in enumerate(rows) if r.call.client_id is None)
    window.calls_view.select(unknown)
    wait(300)
    window.grab().save(str(out / "unknown-caller.png"))

    window.focus_search()
    type_search(window, "sjoerd")
    wait_until(lambda: window.card.client is not None and window.card.client.id == demo.boer)
    for name, open_dialog in (
        ("export", window.files.export),
        ("export-client", window.files.export_client),
        ("backup", window.files.backup_now),
    ):
        dialog = open_dialog()
        wait(300)
        dialog.grab().save(str(out / f"{name}.png"))
        if name == "backup":  # and once made, to restore it below
            dialog.path.setText(str(tmp / "reservekopie.sqlite"))
            dialog.start()
            wait_until(lambda d=dialog: not d.running, 20000)
            wait(200)
            dialog.grab().save(str(out / "backup-done.png"))
        dialog.close()
    dialog = window.files.restore_backup()
    dialog.path.setText(str(tmp / "reservekopie.sqlite"))
    dialog.check()
    wait_until(lambda: dialog.start_button.isEnabled())
    wait(200)
    dialog.grab().save(str(out / "restore.png"))
    dialog.close()
    window.close()

    i18n.install_translator(app, "en")
    english = window_on(demo.path)
    type_search(english, "velux")
    wait_until(lambda: english.card.client is not None)
    wait(400)
    english.grab().save(str(out / "english.png"))
    english.calls.show_calls()
    wait_until(lambda: len(english.calls_view.rows()) >= 5)
    wait(200)
    english.grab().save(str(out / "english-gesprekken.png"))
    english.close()
    i18n.install_translator(app, "nl")
    workers.wait_all()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
