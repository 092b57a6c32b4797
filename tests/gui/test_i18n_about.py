"""Languages (Dutch by default, English from the .qm built by the setup) and the About
dialog with the versions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from gui import i18n, settings
from gui.validation import check

LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


@pytest.fixture
def english_qm():
    """The .qm as scripts/setup.sh builds it (built here when the setup has not run)."""
    ts = i18n.I18N_DIR / "klantdossier_en.ts"
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        subprocess.run([str(LRELEASE), "-silent", str(ts), "-qm", str(qm)], check=True)
    yield qm
    i18n.install_translator(QApplication.instance(), "nl")


def test_dutch_by_default_english_on_request(make_window, demo, qtbot, english_qm):
    app = QApplication.instance()
    assert i18n.install_translator(app, None) == "nl"
    window = make_window(demo.path)
    assert [a.text() for a in window.menuBar().actions()][:3] == ["&Bestand", "Be&werken", "&Klant"]
    window.language_actions["en"].trigger()
    assert settings.language() == "en"
    assert "herstart" in window.statusBar().currentMessage() or "opnieuw" in (
        window.statusBar().currentMessage()
    )

    assert i18n.install_translator(app, None) == "en"  # the setting, as at the next start
    english = make_window(demo.path)
    assert [a.text() for a in english.menuBar().actions()][:3] == ["&File", "&Edit", "&Client"]
    assert english.search_field.placeholderText().startswith("Name, city")
    assert "1.2" not in english.file_label.text() and "clients" in english.file_label.text()
    assert "digits" in (check("kvk", "12").error or "")


def test_about_shows_versions(make_window, demo, qtbot):
    window = make_window(demo.path)
    dialog = window.show_about()
    qtbot.waitUntil(lambda: "wordt opgevraagd" not in dialog.tesseract.text(), timeout=10000)
    assert "versie 5." in dialog.tesseract.text() or "niet beschikbaar" in dialog.tesseract.text()
    assert "Klantdossier 0." in dialog.findChildren(type(dialog.tesseract))[1].text()
    dialog.close()
