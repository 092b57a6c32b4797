"""The caller banner in the real window over a real client file (Qt offscreen)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, Slot
from PySide6.QtGui import QDesktopServices

from gui import call
from gui.call.banner import CallerBanner
from gui.call.controller import CallController
from gui.data import ClientData
from gui.main_window import MainWindow
from storage import Address, Call, ClientFile, PageText, Phone

KNOWN = "+31612345678"


def seed(path: Path) -> int:
    with ClientFile.open(path) as cf:
        with cf.transaction():
            client_id = cf.create_client(
                name="Sjoerd de Boer",
                company="De Boer Installatie B.V.",
                phones=[
                    Phone(KNOWN, "06-12345678", "mobile"),
                    Phone("+31201234567", "020-1234567", "landline"),
                ],
                addresses=[Address("Kerkstraat", "7", "1017 GC", "Amsterdam")],
            )
            for i, name in enumerate(
                ("offerte-2024.pdf", "factuur-0815.pdf", "brief.png", "z.png")
            ):
                cf.add_document(
                    client_id=client_id,
                    name=name,
                    sha256=f"{i}" * 64,
                    mime="application/pdf",
                    pages=[PageText(f"pagina {name}")],
                )
            # read from the paper, never reviewed: nothing to bring up during a call
            cf.add_field(client_id, field="city", value="Amsterdam")
        call_id = cf.add_call(client_id, KNOWN, direction="in")
        cf.set_call_note(call_id, "Vraagt naar de offerte")
        cf.add_note(client_id, "TODO offerte dakkapel nasturen")
    return client_id


@pytest.fixture
def setup(qtbot, db_path, tmp_path):
    """(window, controller, client id) over a seeded client file."""
    client_id = seed(db_path)
    data = ClientData(db_path)
    window = MainWindow(data)
    qtbot.addWidget(window)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    controller = call.install(window, data, settings)
    window.show()
    qtbot.waitExposed(window)
    yield window, controller, client_id
    data.close()


def show(qtbot, controller: CallController, number: str) -> tuple[CallerBanner, dict]:
    """Show a call and wait until it is answered and done (logged, when it is a number)."""
    replies: list[dict] = []
    with qtbot.waitSignal(controller.shown, timeout=3000):
        banner = controller.show_call(number, replies.append)
    qtbot.waitUntil(lambda: bool(replies), timeout=3000)
    if banner.caller.number.e164 is not None:
        qtbot.waitUntil(lambda: banner.note.isEnabled(), timeout=3000)
    return banner, replies[0]


def calls(db_path: Path) -> list[Call]:
    with ClientFile.open(db_path) as cf:
        return cf.calls()


def test_known_number_shows_client_and_opens_card(qtbot, setup, db_path, tmp_path):
    window, controller, client_id = setup
    banner, reply = show(qtbot, controller, "tel:+31612345678")
    assert reply["ok"] and reply["shown"] == "client" and reply["client_id"] == client_id
    assert reply["painted"] is True
    assert banner.title.text() == "Sjoerd de Boer"
    assert banner.subtitle.text() == "De Boer Installatie B.V. · Amsterdam"
    details = banner.details.text()
    assert "Laatste gesprek" in details and "Vraagt naar de offerte" in details
    assert "TODO offerte dakkapel nasturen" in details  # open item and last note
    assert "gecontroleerd" not in details
    # the three latest documents, newest first; the oldest is left out
    assert details.index("z.png") < details.index("brief.png") < details.index("factuur")
    assert "offerte-2024.pdf" not in details
    assert window.banner_slot.indexOf(banner) == 0
    assert window.card.client.id == client_id  # the card was opened
    logged = calls(db_path)
    assert logged[0].client_id == client_id and logged[0].number == KNOWN
    assert len(logged) == 2
    banner.grab().save(str(tmp_path / "banner-known.png"))


def test_unknown_landline_says_where_it_is_from(qtbot, setup, db_path):
    _window, controller, _ = setup
    banner, reply = show(qtbot, controller, "050-5551234")
    assert reply["shown"] == "unknown"
    assert banner.title.text() == "Onbekend nummer"
    assert banner.subtitle.text() == "050 555 1234 · Groningen"
    assert banner.new_button.isVisible() and banner.attach_button.isVisible()
    logged = calls(db_path)[0]
    assert logged.client_id is None and logged.number == "+31505551234"


def test_unknown_mobile_and_foreign_number(qtbot, setup):
    _window, controller, _ = setup
    banner, _ = show(qtbot, controller, "0031 6 87654321")
    assert banner.subtitle.text() == "06 87654321 · mobiel"
    banner, _ = show(qtbot, controller, "+49 30 1234567")
    assert banner.subtitle.text() == "+49 30 1234567 · Berlin"


def test_note_is_saved_with_the_call_on_enter(qtbot, setup, db_path):
    _window, controller, _ = setup
    banner, _ = show(qtbot, controller, "06 12345678")
    qtbot.keyClicks(banner.note, "Belt terug om 15:00")
    qtbot.keyClick(banner.note, "\r")
    qtbot.waitUntil(lambda: banner.note_status.text() == "Opgeslagen ✓")
    assert calls(db_path)[0].note == "Belt terug om 15:00"


def test_second_call_refills_the_same_banner(qtbot, setup, db_path):
    window, controller, client_id = setup
    first, _ = show(qtbot, controller, KNOWN)
    qtbot.keyClicks(first.note, "eerste gesprek")
    qtbot.keyClick(first.note, "\r")
    qtbot.waitUntil(lambda: first.note_status.text() == "Opgeslagen ✓")
    second, reply = show(qtbot, controller, "020 7654321")
    assert second is first and controller.banner is second  # refilled, not built again
    assert window.banner_slot.count() == 1 and window.banner_slot.indexOf(second) == 0
    assert reply["shown"] == "unknown" and second.property("unknown") is True
    assert second.title.text() == "Onbekend nummer"
    assert second.subtitle.text() == "020 765 4321 · Amsterdam"
    details = second.details.text()
    for old in ("Sjoerd", "Vraagt naar de offerte", "TODO", "z.png", "06 12345678"):
        assert old not in details
    assert second.new_button.isVisible() and second.attach_button.isVisible()
    assert second.note.text() == "" and second.note_status.text() == ""  # nothing of the first
    # the note goes with the second call, not the first
    qtbot.keyClicks(second.note, "tweede gesprek")
    qtbot.keyClick(second.note, "\r")
    qtbot.waitUntil(lambda: second.note_status.text() == "Opgeslagen ✓")
    notes = {c.number: c.note for c in calls(db_path)[:2]}
    assert notes == {"+31207654321": "tweede gesprek", KNOWN: "eerste gesprek"}
    # and back to a client: the offers go, the client is shown again
    third, reply = show(qtbot, controller, "020-1234567")
    assert third is first and reply["client_id"] == client_id
    assert third.property("unknown") is False and third.title.text() == "Sjoerd de Boer"
    assert not third.new_button.isVisible() and not third.attach_button.isVisible()
    assert "Terugbellen" not in third.details.text()


def test_closed_banner_comes_back_for_the_next_call(qtbot, setup):
    window, controller, _ = setup
    banner, _ = show(qtbot, controller, KNOWN)
    banner.closed.emit()
    assert controller.banner is None and banner.isHidden()
    assert window.banner_slot.indexOf(banner) < 0  # the content has the room again
    again, _ = show(qtbot, controller, "abc")
    assert again is banner and again.isVisible() and again.details.isHidden()
    qtbot.waitUntil(lambda: window.banner_slot.indexOf(again) == 0)
    assert again.subtitle.text() == "“abc” is geen telefoonnummer"


def test_a_ring_waiting_for_its_paint_is_answered_and_logged_on_the_next(qtbot, setup, db_path):
    window, controller, client_id = setup
    window.setUpdatesEnabled(False)  # nothing can be painted, as in a hidden window
    first: list[dict] = []
    second: list[dict] = []
    controller.show_call(KNOWN, first.append)
    assert first == []  # waits for the paint
    banner = controller.show_call("020 7654321", second.append)
    assert first and first[0]["painted"] is False and first[0]["client_id"] == client_id
    window.setUpdatesEnabled(True)
    qtbot.waitUntil(lambda: bool(second), timeout=3000)
    assert second[0]["painted"] is True and second[0]["shown"] == "unknown"
    qtbot.waitUntil(banner.note.isEnabled, timeout=3000)
    logged = [(c.number, c.client_id) for c in calls(db_path)[:2]]
    assert sorted(logged, key=str) == sorted([(KNOWN, client_id), ("+31207654321", None)], key=str)
    assert banner.title.text() == "Onbekend nummer"  # the first caller did not come back


class PaintWatch(QObject):
    """Which of the watched widgets got a paint event."""

    def __init__(self, widgets: list) -> None:
        super().__init__()
        self.widgets, self.painted = widgets, []
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.append(type(watched).__name__)
        return False

    def stop(self) -> None:
        for widget in self.widgets:
            widget.removeEventFilter(self)


@pytest.mark.parametrize("before", [None, KNOWN, "abc"])
def test_only_the_banner_is_painted_before_the_answer(qtbot, setup, before):
    """The speed of the screen pop: the content under the banner is not painted (nor laid
    out) before the caller's name is on screen, on a first call or a refill."""
    window, controller, _ = setup
    if before is not None:
        show(qtbot, controller, before)
    qtbot.wait(50)  # the window settles after the previous call
    watch = PaintWatch([window.results.viewport(), window.card, window.search_field])
    replies: list[dict] = []
    controller.show_call("0201234567", replies.append)  # answers at once: offscreen paints
    watch.stop()
    assert replies and replies[0]["painted"] is True
    assert watch.painted == []
    qtbot.waitUntil(lambda: controller.banner.note.isEnabled(), timeout=3000)


def test_new_client_from_unknown_number(qtbot, setup, db_path):
    _window, controller, _ = setup
    banner, _ = show(qtbot, controller, "0612 000 111")
    client_id = controller.new_client(banner, name="Fleur Bakker")
    with ClientFile.open(db_path) as cf:
        assert cf.lookup_phone("0612000111").id == client_id
        assert cf.calls()[0].client_id == client_id  # the ring is now the client's
    assert controller.banner.title.text() == "Fleur Bakker"


def test_add_number_to_existing_client(qtbot, setup, db_path):
    _window, controller, client_id = setup
    banner, _ = show(qtbot, controller, "030-2345678")
    qtbot.keyClicks(banner.note, "nieuw nummer")
    assert controller.attach_to_client(banner, client_id) == client_id
    with ClientFile.open(db_path) as cf:
        assert cf.lookup_phone("+31302345678").id == client_id
    assert controller.banner.title.text() == "Sjoerd de Boer"
    assert controller.banner.note.text() == "nieuw nummer"


def test_pick_client_dialog_searches(qtbot, setup):
    from gui.call.dialogs import PickClientDialog

    window, controller, client_id = setup
    dialog = PickClientDialog(controller.data, "030 234 5678", window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "boer")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    assert dialog.chosen_id() == client_id


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("abc", "invalid"),
        ("12", "invalid"),
        ("tel:0612345678;ext=1<script>alert(1)</script>", "client"),
        ("0612345678; rm -rf / `reboot` $(id)", "client"),
        ("<b>0201234567</b>", "client"),
        ("callto://+31201234567", "client"),
        ("sip:0612345678@pbx.local", "client"),
        ("9" * 200, "invalid"),
    ],
)
def test_odd_input_never_crashes(qtbot, setup, db_path, raw, shown):
    _window, controller, _ = setup
    before = calls(db_path)
    banner, reply = show(qtbot, controller, raw)
    assert reply["shown"] == shown
    assert "<script>" not in banner.details.text() and "<b>0201" not in banner.details.text()
    if shown == "invalid":  # text that is no phone number is no call: nothing logged
        assert calls(db_path) == before and not banner.note.isEnabled()
    else:
        assert calls(db_path)[0].number is not None


@pytest.mark.parametrize(
    "request_",
    [
        {},
        {"cmd": "call"},
        {"cmd": "call", "number": 5},
        {"cmd": "call", "number": ""},
        {"cmd": "call", "number": "x" * 10_000},
        {"cmd": "format c:"},
    ],
)
def test_bad_requests_get_a_clear_answer(setup, request_):
    _window, controller, _ = setup
    replies: list[dict] = []
    controller.handle_message(request_, replies.append)
    assert replies and replies[0]["ok"] is False and replies[0]["error"]
    assert controller.banner is None


class TelHandler(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot("QUrl")
    def open(self, url) -> None:
        self.urls.append(url.toString())


def test_clicking_a_number_dials_and_logs_outgoing(qtbot, setup, db_path):
    _window, controller, client_id = setup
    banner, _ = show(qtbot, controller, KNOWN)
    handler = TelHandler()
    QDesktopServices.setUrlHandler("tel", handler, "open")
    try:
        banner.details.linkActivated.emit("tel:+31201234567")
    finally:
        QDesktopServices.unsetUrlHandler("tel")
    assert handler.urls == ["tel:+31201234567"]
    logged = calls(db_path)[0]
    assert (logged.direction, logged.number, logged.client_id) == (
        "out",
        "+31201234567",
        client_id,
    )


def test_dial_helper_uses_the_softphone_command(qtbot, setup, db_path, tmp_path):
    _window, controller, client_id = setup
    out = tmp_path / "dialled.txt"
    script = f"import sys; open({str(out)!r}, 'w').write(sys.argv[1])"
    controller.settings.setValue("call/dial_command", f"{sys.executable} -c {script!r} %n")
    assert controller.dial("020-1234567", client_id) is not None
    qtbot.waitUntil(out.exists, timeout=5000)
    assert out.read_text() == "+31201234567"
    assert call.dial("no number", client_id, controller.data) is None  # nothing dialled


def test_a_ring_with_text_that_is_no_number_is_not_logged(qtbot, setup, db_path):
    """A call monitor's RING goes the same way as `main.py call`: shown, not kept."""
    _window, controller, _ = setup
    before = calls(db_path)
    with qtbot.waitSignal(controller.shown, timeout=3000):
        controller._ring("anoniem", "3")
    assert calls(db_path) == before
    with qtbot.waitSignal(controller.shown, timeout=3000):
        controller._ring("0612345678", "4")
    assert len(calls(db_path)) == len(before) + 1
