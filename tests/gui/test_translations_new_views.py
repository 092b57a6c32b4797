"""The views added for issue 19 in English: the Gesprekken view, the unknown-number panel,
the check bar, the export, backup and restore dialogs. Fails on any string the window asks
for that has no finished translation, or on Dutch text left on screen (the checks of
test_translations.py, run over these views)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings

from tests.gui.demo import add_calls
from tests.gui.test_translations import (  # noqa: F401 (english: the fixture)
    QT_CONTEXT,
    TS,
    dutch_words,
    english,
    finished,
    plain,
    texts_of,
)


def test_new_views_in_english_show_no_dutch(english, make_window, demo, qtbot, tmp_path):  # noqa: F811
    from gui import call

    add_calls(demo.path, demo, date.today().isoformat())
    window = make_window(demo.path)
    controller = call.install(
        window, window.data, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    seen: list[str] = []
    window.open_client(demo.boer)
    qtbot.waitUntil(lambda: window.card.check_bar.isVisible())
    seen += texts_of(window)
    for menu in window.menuBar().findChildren(type(window.menuBar().addMenu("x"))):
        seen += [a.text() for a in menu.actions()]
    window.calls.show_calls()
    view = window.calls_view
    qtbot.waitUntil(lambda: len(view.rows()) >= 5)
    for kind in range(view.kind.count()):
        seen.append(view.kind.itemText(kind))
    for period in range(view.period.count()):
        seen.append(view.period.itemText(period))
    for i in range(view.tree.topLevelItemCount()):
        head = view.tree.topLevelItem(i)
        seen.append(head.text(0))
        for j in range(head.childCount()):
            seen += [head.child(j).text(0), head.child(j).text(1)]
    unknown = next(i for i, r in enumerate(view.rows()) if r.call.client_id is None)
    view.select(unknown)
    seen += [*texts_of(view), window.unknown_panel.text()]
    with qtbot.waitSignal(controller.shown, timeout=5000):
        controller.show_call("0612 000 111")
    seen.append(window.unknown_panel.text())
    controller.close_banner()
    window.open_client(demo.boer)
    for opener in (window.files.export, window.files.export_client, window.files.backup_now):
        dialog = opener()
        seen += texts_of(dialog)
        dialog.close()
    restore = window.files.restore_backup()
    restore.path.setText(str(demo.path))
    restore.check()
    qtbot.waitUntil(lambda: "cannot be restored" in restore.info.text())  # refused, in English
    seen += texts_of(restore)
    restore.close()

    untranslated = sorted(
        (context, source)
        for context, source in english.asked
        if not QT_CONTEXT.match(context) and (context, source) not in finished(TS)
    )
    assert not untranslated, f"asked for in English but not translated: {untranslated}"
    pattern = dutch_words(TS)
    dutch = sorted({t for t in seen if pattern.search(plain(t))})
    assert not dutch, f"Dutch text in the English window: {dutch}"
