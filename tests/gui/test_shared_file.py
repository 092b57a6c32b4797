"""The window on a shared client file (a real PostgreSQL server): the connect dialog that
tests the connection and keeps no password in settings, a change on another desk that
reaches the open card within a second, a call and its "terugbellen" mark that reach the
Gesprekken view, overwriting another desk's value said in the
status bar, and a server that is down at start."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from storage import ClientFile
from tests.gui.test_translations import english  # noqa: F401 (a fixture)
from tests.pgserver import PgServer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def server():
    server = PgServer().start()
    yield server
    server.close()


@pytest.fixture
def url(server):
    name = server.create_database()
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    return tmp_path / "config"


def test_connect_dialog_tests_and_keeps_the_address(qtbot, server, url, config_home):
    from gui.dialogs.shared_file import SharedFileDialog
    from storage.paths import saved_location

    server.psql("DROP ROLE IF EXISTS pw_kees; CREATE ROLE pw_kees LOGIN PASSWORD 'goed'")
    server.psql(f"ALTER DATABASE {url.split('/')[3].split('?')[0]} OWNER TO pw_kees")
    dialog = SharedFileDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText(str(server.socket_dir))
    dialog.database.setText(url.split("/")[3].split("?")[0])
    dialog.user.setText("pw_kees")
    dialog.password.setText("fout")
    dialog.test()
    qtbot.waitUntil(lambda: "Niet verbonden" in dialog.result_label.text(), timeout=10_000)
    assert "wachtwoord" in dialog.result_label.text()
    dialog.password.setText("goed")
    dialog.connect_and_keep()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10_000)
    assert "Verbonden: 0 klanten" in dialog.result_label.text()
    kept = saved_location()
    assert kept == dialog.url and "goed" not in kept and "pw_kees@" in kept
    settings_text = "".join(
        p.read_text(errors="replace") for p in config_home.rglob("*") if p.is_file()
    )
    assert "goed" not in settings_text  # the password is in ~/.pgpass only
    assert (config_home.parent / "pgpass").read_text().strip().endswith(":pw_kees:goed")


def test_a_note_from_another_desk_reaches_the_open_card(qtbot, make_window, url):
    with ClientFile.open(url) as cf:
        client_id = cf.create_client(name="Kees de Vries")
    window = make_window(url)
    from gui.dialogs import shared_file

    shared_file.install(window)
    window.open_client(client_id)
    qtbot.waitUntil(
        lambda: window.data._listener and window.data._listener.connected, timeout=10_000
    )
    started = time.time()
    subprocess.run(
        [
            sys.executable,
            "-c",
            f"from storage import ClientFile\ncf = ClientFile.open({url!r})\n"
            f"cf.add_note({client_id}, 'Belt morgen terug')\n"
            f"cf.update_client({client_id}, company='De Vries B.V.')\ncf.close()",
        ],
        cwd=ROOT,
        check=True,
        timeout=60,
    )
    qtbot.waitUntil(
        lambda: [n.text for n in window.card.client.notes] == ["Belt morgen terug"], timeout=5000
    )
    assert time.time() - started < 10  # includes the other desk's start-up
    assert window.card.fields["company"].text() == "De Vries B.V."
    assert "ander bureau" in window.statusBar().currentMessage()


def on_another_desk(url: str, code: str) -> str:
    """Run code with `cf` open on url in another process (another desk: this process's
    own changes are not announced to it); what it prints."""
    run = subprocess.run(
        [sys.executable, "-c", f"from storage import ClientFile\ncf = ClientFile.open({url!r})\n"
         f"{code}\ncf.close()"],
        cwd=ROOT, check=True, timeout=60, capture_output=True, text=True,
    )  # fmt: skip
    return run.stdout


def test_a_call_and_its_callback_mark_from_another_desk_reach_the_calls_view(
    qtbot, make_window, url
):
    with ClientFile.open(url) as cf:
        client_id = cf.create_client(name="Anna Bos")
    window = make_window(url)
    from gui.dialogs import shared_file

    shared_file.install(window)
    qtbot.waitUntil(
        lambda: window.data._listener and window.data._listener.connected, timeout=10_000
    )
    window.calls.show_calls()
    view = window.calls_view
    qtbot.wait(500)  # the view's first load (no calls) is in
    assert view.rows() == []
    call_id = int(on_another_desk(url, f"print(cf.add_call({client_id}, '+31612345678'))"))
    qtbot.waitUntil(lambda: [r.call.id for r in view.rows()] == [call_id], timeout=5000)
    assert not view.rows()[0].callback
    on_another_desk(url, f"cf.set_callback({call_id})")
    qtbot.waitUntil(lambda: view.rows() and view.rows()[0].callback, timeout=5000)
    on_another_desk(url, f"cf.set_callback({call_id}, False)")
    qtbot.waitUntil(lambda: view.rows() and not view.rows()[0].callback, timeout=5000)


def test_overwriting_another_desks_value_is_said(qtbot, make_window, url):
    with ClientFile.open(url) as cf:
        client_id = cf.create_client(name="Jan Smit", company="Smit")
    window = make_window(url)
    from gui.dialogs import shared_file

    shared_file.install(window)
    window.open_client(client_id)
    with ClientFile.open(url) as other:
        other.update_client(client_id, company="Smit & Zn")
    window.data.update_fields(client_id, company="Smit Holding")  # as the card saves
    qtbot.waitUntil(lambda: "ander bureau" in window.statusBar().currentMessage(), timeout=5000)
    assert "Smit & Zn" in window.statusBar().currentMessage()


def test_server_down_at_start_offers_to_try_again(qtbot, tmp_path, monkeypatch):
    from gui.dialogs import shared_file

    shown: list[str] = []

    def click_close(box: QMessageBox) -> int:
        shown.append(box.text())
        close = next(b for b in box.buttons() if b.text() == "Afsluiten")
        box.clickedButton = lambda: close
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_close)
    url = f"postgresql://postgres@/klanten?host={tmp_path}"
    assert shared_file.open_or_ask(url) is None
    assert "niet bereikbaar" in shown[0]


def test_a_client_erased_on_another_desk_closes_the_card_and_its_menu(qtbot, make_window, url):
    with ClientFile.open(url) as cf:
        client_id = cf.create_client(name="Piet Smit")
        cf.create_client(name="Anna Bos")
    window = make_window(url)
    from gui.dialogs import shared_file

    shared_file.install(window)
    window.open_client(client_id)
    qtbot.waitUntil(
        lambda: window.data._listener and window.data._listener.connected, timeout=10_000
    )
    assert window.forget_action.isEnabled() and window.merge_action.isEnabled()
    on_another_desk(url, f"cf.forget({client_id})")
    qtbot.waitUntil(lambda: window.card_stack.currentWidget() is window.card_placeholder,
                    timeout=5000)  # fmt: skip
    assert "ander bureau gewist" in window.statusBar().currentMessage()
    # nothing in the Klant menu acts on a client that is gone
    for action in (window.forget_action, window.merge_action, window.note_action,
                   window.archive_action, window.export_client_action):  # fmt: skip
        assert not action.isEnabled(), action.text()


def test_what_another_desk_changed_is_said_in_english(english, qtbot, make_window, url):  # noqa: F811
    with ClientFile.open(url) as cf:
        client_id = cf.create_client(name="Jan Smit", company="Smit")
    window = make_window(url)
    from gui.dialogs import shared_file

    shared_file.install(window)
    window.open_client(client_id)
    qtbot.waitUntil(
        lambda: window.data._listener and window.data._listener.connected, timeout=10_000
    )
    on_another_desk(url, f"cf.update_client({client_id}, company='Smit & Zn', legal_form='vof')"
                         f"\ncf.add_note({client_id}, 'Belt terug')")  # fmt: skip
    qtbot.waitUntil(lambda: "another desk" in window.statusBar().currentMessage(), timeout=5000)
    said = window.statusBar().currentMessage().split(": ", 1)[1]
    assert set(said.split(", ")) == {"company", "legal form", "note"}

    with ClientFile.open(url) as other:
        other.update_client(client_id, company="Smit Holding")
    window.data.update_fields(client_id, company="Smit B.V.")  # as the card saves
    qtbot.waitUntil(lambda: "Another desk" in window.statusBar().currentMessage(), timeout=5000)
    assert "(company was “Smit Holding”)" in window.statusBar().currentMessage()
