"""Every string of the window in both languages (issue 19.5).

Three checks, each able to catch what the others miss:
  1. every tr()/translate() string lupdate finds in gui/ has a finished English translation
     in resources/i18n/klantdossier_en.ts, under the same context; none is left unfinished;
  2. in English, every lookup the running window makes (a spy translator records them,
     with the context Qt really asks for) finds its translation, and no Dutch text of the
     .ts shows anywhere in the window, its menus and its dialogs;
  3. in Dutch, Qt's own dialogs (file, message, input) show no English words.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from gui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = i18n.I18N_DIR / "klantdossier_en.ts"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")
# Qt's own contexts: their source strings are English, Qt's translations cover them.
QT_CONTEXT = re.compile(r"^(Q[A-Z]\w*|QPlatformTheme|QGnomeTheme)$")


def messages(ts: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) -> (translation, its type attribute) of a .ts file."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            found[(name, message.findtext("source"))] = (
                "".join(translation.itertext()),
                translation.get("type"),
            )
    return found


def finished(ts: Path) -> dict[tuple[str, str], str]:
    return {
        key: text
        for key, (text, kind) in messages(ts).items()
        if kind not in ("unfinished", "vanished", "obsolete")
    }


def test_every_string_in_the_code_has_a_finished_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))
    subprocess.run(
        [str(LUPDATE), *sources, "-ts", str(fresh), "-no-obsolete", "-silent"],
        check=True,
        capture_output=True,
    )
    in_code = set(messages(fresh))
    assert len(in_code) > 250
    done = finished(TS)
    missing = sorted(in_code - set(done))
    assert not missing, f"not (or not finished) in {TS.name}: {missing}"
    empty = sorted(key for key, text in done.items() if not text.strip())
    assert not empty
    unfinished = [k for k, (_t, kind) in messages(TS).items() if kind == "unfinished"]
    assert not unfinished, f'<translation type="unfinished"> left: {unfinished}'


# -- 2. the English window ---------------------------------------------------------------------


class SpyTranslator(QTranslator):
    """Installed last, asked first: records each lookup and lets the others answer."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.add((context or "", source or ""))
        return None  # a null string: Qt asks the next translator ("" would be the answer)

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def english(qtbot):
    qm = TS.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < TS.stat().st_mtime:
        subprocess.run([str(LRELEASE), "-silent", str(TS), "-qm", str(qm)], check=True)
    app = QApplication.instance()
    assert i18n.install_translator(app, "en") == "en"
    spy = SpyTranslator()
    app.installTranslator(spy)
    yield spy
    app.removeTranslator(spy)
    i18n.install_translator(app, "nl")


def texts_of(widget: QWidget) -> list[str]:
    """What a user can read on a widget and its children (text, tooltips, titles, menus)."""
    found = [widget.windowTitle(), widget.toolTip()]
    for child in [widget, *widget.findChildren(QWidget)]:
        found.append(child.toolTip())
        found.append(child.statusTip())
        if isinstance(child, QLabel | QAbstractButton):
            found.append(child.text())
        elif isinstance(child, QLineEdit):
            found.append(child.placeholderText())
        elif isinstance(child, QGroupBox | QMenu):
            found.append(child.title())
        elif isinstance(child, QComboBox):
            found += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QListWidget):
            found += [child.item(i).text() for i in range(child.count())]
        elif isinstance(child, QTabWidget):
            found += [child.tabText(i) for i in range(child.count())]
        for action in child.actions():
            found += [action.text(), action.toolTip()]
            if action.menu() is not None:
                found += [a.text() for a in action.menu().actions()]
    return [t for t in found if t]


def plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("&", "")


def dutch_words(ts: Path) -> re.Pattern:
    """Whole Dutch source texts (without %1 and markup) whose English differs: one of them
    in the English window means a string that escaped translation."""
    phrases = set()
    for (context, source), text in finished(ts).items():
        if QT_CONTEXT.match(context):
            continue
        for part in re.split(r"%\d|<[^>]+>|\n", plain(source) if "<" in source else source):
            part = part.strip(" :.…,;()—-·\"“”'").replace("&", "")
            if len(part) >= 6 and part.lower() not in plain(text).lower():
                phrases.add(part)
    # whole words, not part of a file name (the demo file is klanten.sqlite)
    words = "|".join(map(re.escape, sorted(phrases)))
    return re.compile(r"(?<![\w/])(" + words + r")(?!\w|\.\w)")


def collect_modal(into: list[str]) -> None:
    """Read the modal dialog that opens next, then close it (it would wait for a user)."""

    def grab() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, grab)
            return
        into.extend(texts_of(dialog))
        dialog.reject() if isinstance(dialog, QDialog) else dialog.close()

    QTimer.singleShot(0, grab)


def test_english_window_shows_no_dutch(english, make_window, demo, qtbot, tmp_path):
    from gui import backup_setting, call, import_wizard
    from gui.dialogs.confirm import confirm_forget

    window = make_window(demo.path)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    controller = call.install(window, window.data, settings)
    seen: list[str] = []
    window.open_client(demo.boer)
    qtbot.waitUntil(lambda: window.card.client is not None)
    seen += texts_of(window)
    for number in ("020-1234567", "0612 000 111", "abc"):
        with qtbot.waitSignal(controller.shown, timeout=5000):
            controller.show_call(number)
        seen += texts_of(controller.banner)
    controller.close_banner()
    for opener in (
        lambda: backup_setting.choose(window),
        controller.edit_monitor_settings,
        lambda: confirm_forget(window, window.card.client),
    ):
        collect_modal(seen)
        opener()
    seen += texts_of(window.show_about())
    seen += texts_of(window.edit_own_business())
    wizard = import_wizard.install(window).open()
    seen += texts_of(wizard)
    wizard.close()
    if demo.document is not None:
        document = window.data.file().client(demo.boer).documents[0]
        seen += texts_of(window.open_page(document, 1))

    untranslated = sorted(
        (context, source)
        for context, source in english.asked
        if not QT_CONTEXT.match(context) and (context, source) not in finished(TS)
    )
    assert not untranslated, f"asked for in English but not translated: {untranslated}"
    pattern = dutch_words(TS)
    dutch = sorted({t for t in seen if pattern.search(plain(t))})
    assert not dutch, f"Dutch text in the English window: {dutch}"


# -- 3. Qt's own dialogs in Dutch ---------------------------------------------------------------


def qt_dialog_texts() -> list[str]:
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    box = QMessageBox()
    box.setStandardButtons(
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Save
    )
    ask = QInputDialog()
    ask.setOption(QInputDialog.InputDialogOption.UseListViewForComboBoxItems, False)
    edit = QLineEdit()
    menu = edit.createStandardContextMenu()
    texts = texts_of(dialog) + texts_of(box) + texts_of(ask) + [a.text() for a in menu.actions()]
    for widget in (dialog, box, ask, edit, menu):
        widget.deleteLater()
    return [t for t in texts if t]


def test_qt_dialogs_speak_dutch(qtbot):
    """ "Look in" and "Files of type" stayed English: qtbase_nl lacks them; ours fill in."""
    extra = i18n.I18N_DIR / "qtbase_extra_nl.ts"
    qm = extra.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < extra.stat().st_mtime:
        subprocess.run([str(LRELEASE), "-silent", str(extra), "-qm", str(qm)], check=True)
    app = QApplication.instance()
    assert i18n.install_translator(app, "en") == "en"
    english_texts = set(qt_dialog_texts())
    try:
        assert i18n.install_translator(app, "nl") == "nl"
        dutch_texts = qt_dialog_texts()
    finally:
        i18n.install_translator(app, "nl")
    same = sorted(
        t for t in set(dutch_texts) & english_texts if t not in {"OK", "x"} and t[:1] != "/"
    )
    assert not same, f"English in Dutch Qt dialogs: {same}"
    assert "&Zoeken in:" in dutch_texts and "Bestands&type:" in dutch_texts
