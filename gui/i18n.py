"""Loading translations: Dutch is the source language, English comes from a .qm file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from . import settings

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
LANGUAGES = {"nl": "Nederlands", "en": "English"}
# The review's field labels come in Dutch from ocr/ (no Qt there): named here for lupdate.
FIELD_LABELS = [
    QT_TRANSLATE_NOOP("Field", "Naam"),
    QT_TRANSLATE_NOOP("Field", "Bedrijf"),
    QT_TRANSLATE_NOOP("Field", "Straat"),
    QT_TRANSLATE_NOOP("Field", "Huisnummer"),
    QT_TRANSLATE_NOOP("Field", "Postcode"),
    QT_TRANSLATE_NOOP("Field", "Plaats"),
    QT_TRANSLATE_NOOP("Field", "Telefoon"),
    QT_TRANSLATE_NOOP("Field", "Telefoon 2"),
    QT_TRANSLATE_NOOP("Field", "E-mail"),
    QT_TRANSLATE_NOOP("Field", "IBAN"),
    QT_TRANSLATE_NOOP("Field", "KvK-nummer"),
    QT_TRANSLATE_NOOP("Field", "BTW-nummer"),
]
# Dates and numbers read the Dutch way whatever the window's language (DESIGN.md).
DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)

_installed: list[QTranslator] = []


def install_translator(app: QApplication, language: str | None = None) -> str:
    """Install the translations for language ('nl' or 'en'; None: the user's setting) and
    Qt's own for its standard buttons and dialogs; returns the language in use.
    gui/app.py calls this once, before the window is built."""
    lang = language if language in LANGUAGES else settings.language()
    QLocale.setDefault(DUTCH)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Qt's own dialogs (file, message, input); then what Qt's translation lacks (installed
    # later, so asked first): Dutch file dialogs said "Look in" and "Files of type".
    for name, folder in ((f"qtbase_{lang}", qt_dir), (f"qtbase_extra_{lang}", str(I18N_DIR))):
        qt_tr = QTranslator(app)
        if qt_tr.load(name, folder):
            app.installTranslator(qt_tr)
            _installed.append(qt_tr)
    if lang != "nl":  # the source strings are Dutch
        ours = QTranslator(app)
        if ours.load(str(I18N_DIR / f"klantdossier_{lang}.qm")):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            lang = "nl"  # .qm not built (run scripts/setup.sh): stay readable in Dutch
    return lang


def field_label(dutch: str) -> str:
    """A field label from ocr/ ("Huisnummer") in the window's language."""
    return QCoreApplication.translate("Field", dutch)
