"""Eigen bedrijf: the real dialog, typed into and saved through importing.own_business; the menu
entry in the main window and the reminder on the import wizard's first page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from gui.dialogs.own_business import OwnBusinessDialog, split_values
from importing.own_business import SETTINGS_ENV, OwnBusiness, load_own_business, save_own_business

SAVED = OwnBusiness(
    name="Hoekstra Installatie B.V.",
    street="Industrieweg 14",
    postcode="8441 PK",
    city="Heerenveen",
    phones=("0513-612345",),
    emails=("info@hoekstra.example",),
    iban="NL91ABNA0417164300",
    kvk="12345678",
    btw="NL123456782B01",
    signers=("J. Hoekstra",),
)


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The own-business file of this test only (never the developer's own)."""
    path = tmp_path / "config" / "eigen_bedrijf.json"
    monkeypatch.setenv(SETTINGS_ENV, str(path))
    return path


def open_dialog(qtbot, path: Path | None = None) -> OwnBusinessDialog:
    dialog = OwnBusinessDialog(path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_into(qtbot, dialog: OwnBusinessDialog, key: str, text: str) -> None:
    edit = dialog.edits[key]
    edit.setFocus()
    edit.clear()
    for i, line in enumerate(text.split("\n")):
        if i:
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        qtbot.keyClicks(edit, line)


def click_save(qtbot, dialog: OwnBusinessDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_typed_details_are_saved_tidy_and_read_back(qtbot, settings_file):
    dialog = open_dialog(qtbot)
    type_into(qtbot, dialog, "name", "Hoekstra Installatie B.V.")
    type_into(qtbot, dialog, "extra_names", "Hoekstra Techniek\nHoekstra & Zn")
    type_into(qtbot, dialog, "street", "Industrieweg 14")
    type_into(qtbot, dialog, "postcode", "8441pk")
    type_into(qtbot, dialog, "city", "Heerenveen")
    type_into(qtbot, dialog, "phones", "0513-612345\n06 12345678\n0513-612345")
    type_into(qtbot, dialog, "emails", "info@hoekstra.example, facturen@hoekstra.example")
    type_into(qtbot, dialog, "iban", "nl91 abna 0417 1643 00")
    type_into(qtbot, dialog, "kvk", "1234 5678")
    type_into(qtbot, dialog, "btw", "NL 1234.56.782.B01")
    type_into(qtbot, dialog, "signers", "J. Hoekstra\nA. de Vries")
    with qtbot.waitSignal(dialog.accepted):
        click_save(qtbot, dialog)

    expected = OwnBusiness(
        name="Hoekstra Installatie B.V.",
        street="Industrieweg 14",
        postcode="8441 PK",
        city="Heerenveen",
        phones=("0513-612345", "06 12345678"),  # as written; the repeat only once
        emails=("info@hoekstra.example", "facturen@hoekstra.example"),
        iban="NL91ABNA0417164300",
        kvk="12345678",
        btw="NL123456782B01",
        signers=("J. Hoekstra", "A. de Vries"),
        extra_names=("Hoekstra Techniek", "Hoekstra & Zn"),
    )
    assert load_own_business() == expected == dialog.saved
    assert settings_file.exists()

    again = open_dialog(qtbot)  # what was saved is what the next opening shows
    assert again.edits["iban"].text() == "NL91 ABNA 0417 1643 00"
    assert again.edits["phones"].toPlainText() == "0513-612345\n06 12345678"
    assert again.collect() == (expected, [])


def test_invalid_iban_says_so_in_dutch_and_saves_nothing(qtbot, settings_file):
    save_own_business(SAVED)
    before = settings_file.read_bytes()
    dialog = open_dialog(qtbot)
    type_into(qtbot, dialog, "iban", "NL91 ABNA 0417 1643 01")  # wrong check digits
    type_into(qtbot, dialog, "phones", "0513-612345\n12")
    click_save(qtbot, dialog)

    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    text = dialog.message.text()
    assert dialog.message.isVisible() and text.startswith("Niet opgeslagen")
    assert "IBAN: Dit IBAN klopt niet (controleer de cijfers)." in text
    assert "Telefoonnummers: “12” — Dit is geen telefoonnummer" in text
    assert dialog.edits["iban"].property("invalid") is True
    assert dialog.edits["name"].property("invalid") is False
    assert dialog.focusWidget() is dialog.edits["phones"]  # the first field to correct
    assert settings_file.read_bytes() == before

    type_into(qtbot, dialog, "iban", "NL02ABNA0123456789")
    type_into(qtbot, dialog, "phones", "0513-612345")
    with qtbot.waitSignal(dialog.accepted):
        click_save(qtbot, dialog)
    assert load_own_business().iban == "NL02ABNA0123456789"


def test_cancel_leaves_the_file_untouched(qtbot, settings_file):
    save_own_business(SAVED)
    before = (settings_file.read_bytes(), settings_file.stat().st_mtime_ns)
    dialog = open_dialog(qtbot)
    assert dialog.edits["name"].text() == "Hoekstra Installatie B.V."
    type_into(qtbot, dialog, "name", "Iets anders")
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Annuleren"
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert (settings_file.read_bytes(), settings_file.stat().st_mtime_ns) == before
    assert dialog.saved is None


def test_cancel_without_a_file_creates_none(qtbot, settings_file):
    dialog = open_dialog(qtbot)
    type_into(qtbot, dialog, "name", "Smit")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert not settings_file.exists()


def test_an_unreadable_file_is_named_and_replaced_on_save(qtbot, settings_file):
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text("{kapot", "utf-8")
    dialog = open_dialog(qtbot)
    assert "niet leesbaar" in dialog.message.text()
    assert "eigen_bedrijf.json" in dialog.message.text()
    type_into(qtbot, dialog, "name", "Smit")
    with qtbot.waitSignal(dialog.accepted):
        click_save(qtbot, dialog)
    assert load_own_business() == OwnBusiness(name="Smit")


def test_lists_split_per_line_and_only_contacts_on_commas():
    assert split_values(" a@x.nl ;b@x.nl,\n\n a@x.nl ", commas=True) == ("a@x.nl", "b@x.nl")
    assert split_values("Smit, Jansen & Co\n  J.  de Vries ", commas=False) == (
        "Smit, Jansen & Co",
        "J. de Vries",
    )


def test_main_window_menu_opens_it_and_says_saved(make_window, demo, qtbot, settings_file):
    window = make_window(demo.path)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.own_business_action in file_menu.actions()
    assert window.own_business_action.text() == "&Eigen bedrijf…"
    window.own_business_action.trigger()
    dialog = window.findChild(OwnBusinessDialog)
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "Eigen bedrijf"
    type_into(qtbot, dialog, "phones", "0513-612345")
    click_save(qtbot, dialog)
    assert load_own_business().phones == ("0513-612345",)
    assert "opgeslagen" in window.statusBar().currentMessage()


def test_wizard_reminds_until_the_details_are_filled_in(qtbot, tmp_path, settings_file):
    from gui import workers
    from gui.import_wizard.wizard import ImportWizard

    wizard = ImportWizard(tmp_path / "klanten.sqlite")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    hint = wizard.sources.own_business_hint
    assert hint.isVisible()
    qtbot.mouseClick(wizard.sources.own_business_button, Qt.MouseButton.LeftButton)
    dialog = wizard.sources.findChild(OwnBusinessDialog)
    assert dialog is not None and dialog.isVisible()
    type_into(qtbot, dialog, "name", "Hoekstra Installatie B.V.")
    click_save(qtbot, dialog)
    assert not hint.isVisible()
    assert load_own_business().name == "Hoekstra Installatie B.V."
    workers.wait_all()
    wizard.close()


def test_english_from_the_translations(qtbot, tmp_path, settings_file):
    """Every new string has its English in resources/i18n (built here into tmp_path)."""
    import subprocess
    import sys

    from PySide6.QtCore import QCoreApplication, QTranslator

    from gui import i18n

    qm = tmp_path / "en.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    ts = i18n.I18N_DIR / "klantdossier_en.ts"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = open_dialog(qtbot)
        assert dialog.windowTitle() == "Own business"
        assert dialog.save_button.text() == "Save"
        assert "letterhead" in dialog.findChild(QLabel, "own_business_intro").text()
        dialog.edits["kvk"].setText("12")
        click_save(qtbot, dialog)
        assert dialog.message.text().splitlines() == [
            "Not saved. Please correct first:",
            "KvK number: A Chamber of Commerce number has 8 digits.",
        ]
        dialog.grab().save(str(tmp_path / "own_business_en.png"))
    finally:
        QCoreApplication.removeTranslator(translator)
