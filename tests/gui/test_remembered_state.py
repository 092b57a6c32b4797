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


def test_remembered_search_runs_once_at_start(make_window, tmp_path, qtbot, monkeypatch):
    """The window opens on the last search with one query, not two (the text restored, then
    the list filled), so its first answer is not held up by a second."""
    from gui.data import ClientData

    path = tmp_path / "a.sqlite"
    with ClientFile.open(path) as cf, cf.transaction():
        cf.create_client(name="Kees Jansen")
    window = make_window(path)
    qtbot.keyClicks(window.search_field, "jansen")
    window.save_settings()

    queries: list[tuple[ClientData, str]] = []
    search = ClientData.search

    def counted(self, query, limit=50):
        queries.append((self, query))
        return search(self, query, limit)

    monkeypatch.setattr(ClientData, "search", counted)
    again = make_window(path)
    qtbot.waitUntil(lambda: again.results.count() == 1)
    qtbot.wait(100)
    assert again.search_field.text() == "jansen"
    assert [q for data, q in queries if data is again.data] == ["jansen"]
