"""What the window remembers (QSettings in a temporary folder): the last search belongs to
its own client file, size and divider come back."""

from __future__ import annotations

from storage import ClientFile


def test_last_search_per_client_file(make_window, tmp_path, qtbot):
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    for path in (first, second):
        with ClientFile.open(path) as cf, cf.transaction():
            cf.create_client(name="Kees Jansen")
    window = make_window(first)
    qtbot.keyClicks(window.search_field, "jansen")
    window.resize(700, 500)  # fits the offscreen platform's 800x600 screen
    window.save_settings()

    again = make_window(first, show=False)
    again.restore_settings()
    assert again.search_field.text() == "jansen"
    assert (again.width(), again.height()) == (700, 500)

    other = make_window(second, show=False)
    other.restore_settings()
    assert other.search_field.text() == ""
