"""The daily backup setting: when a folder is set, the window makes today's copy in the
background; when it is empty, nothing is written."""

from __future__ import annotations

from gui import backup_setting, settings
from storage import ClientFile
from storage.backups import daily_backups


def seed(path) -> None:
    with ClientFile.open(path) as cf, cf.transaction():
        cf.create_client(name="Zoë van der Meer")


def test_today_backup_made_in_background(make_window, db_path, tmp_path, qtbot):
    seed(db_path)
    folder = tmp_path / "kopieen"
    settings.set_value(backup_setting.FOLDER_KEY, str(folder))
    settings.set_value(backup_setting.KEEP_KEY, 3)
    window = make_window(db_path)
    backup_setting.run_today(window)
    qtbot.waitUntil(lambda: len(daily_backups(folder)) == 1, timeout=15000)
    qtbot.waitUntil(lambda: "Reservekopie" in window.statusBar().currentMessage())
    with ClientFile.open(daily_backups(folder)[0]) as copy:
        assert copy.count_clients() == 1


def test_off_by_default(make_window, db_path, tmp_path, qtbot):
    seed(db_path)
    window = make_window(db_path)
    assert backup_setting.configured() == (None, backup_setting.DEFAULT_KEEP)
    backup_setting.run_today(window)
    qtbot.wait(200)
    assert not any(tmp_path.glob("**/klantdossier-*.sqlite"))
