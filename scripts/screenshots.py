"""Screenshots of the main states of the window, for people to look at (not a test).

    .venv/bin/python scripts/screenshots.py [--out shots] [--size 1366x768]

Writes empty.png, search.png, card.png, viewer.png, crop.png and english.png into --out,
from a demo client file made in a temporary folder (tests/gui/demo.py)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(predicate, ms: int = 5000) -> None:
    for _ in range(ms // 20):
        if predicate():
            return
        wait(20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    parser.add_argument("--size", default="1366x768", help="window size, e.g. 1366x768")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="klantdossier-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))

    from gui import i18n, workers
    from gui.data import ClientData
    from gui.main_window import MainWindow
    from tests.gui.demo import make_demo

    i18n.install_translator(app, "nl")

    def window_on(path: Path) -> MainWindow:
        window = MainWindow(ClientData(path))
        window.resize(width, height)
        window.show()
        wait(300)
        return window

    empty = window_on(tmp / "leeg.sqlite")
    empty.grab().save(str(args.out / "empty.png"))
    empty.close()

    demo = make_demo(tmp / "klanten.sqlite", extra_clients=30)
    window = window_on(demo.path)
    QTest.keyClicks(window.search_field, "jansen zwolle")
    wait_until(lambda: window.results.count() > 5)
    wait(300)
    window.grab().save(str(args.out / "search.png"))

    window.search_field.clear()
    QTest.keyClicks(window.search_field, "velux")
    wait_until(lambda: window.card.client is not None and window.card.client["id"] == demo.boer)
    wait_until(lambda: window.card.documents.strip.thumbs.is_loaded(0))
    wait(300)
    window.grab().save(str(args.out / "card.png"))

    button = window.card.fields["iban"].source_button
    window.card.show_source(button.record, button)
    wait_until(lambda: window.card._crop.isVisible())
    wait(200)
    window.card._crop.grab().save(str(args.out / "crop.png"))
    window.card._crop.hide()

    viewer = window.open_page(window.card.client["documents"][0], 0)
    viewer.resize(900, 700)
    wait_until(lambda: viewer.highlight_count > 0)
    wait(300)
    viewer.grab().save(str(args.out / "viewer.png"))
    viewer.close()
    window.close()

    i18n.install_translator(app, "en")
    english = window_on(demo.path)
    QTest.keyClicks(english.search_field, "velux")
    wait_until(lambda: english.card.client is not None)
    wait(400)
    english.grab().save(str(args.out / "english.png"))
    english.close()
    i18n.install_translator(app, "nl")
    workers.wait_all()
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
