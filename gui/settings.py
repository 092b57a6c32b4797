"""What the window remembers between sessions (QSettings, an INI file per user)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "Klantdossier"
APPLICATION = "Klantdossier"


def settings() -> QSettings:
    """The user's settings; tests point QSettings.setPath(IniFormat, UserScope, tmp) elsewhere."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def value(key: str, default=None, type_=None):
    s = settings()
    if type_ is not None:
        return s.value(key, default, type=type_)
    return s.value(key, default)


def set_value(key: str, data) -> None:
    s = settings()
    s.setValue(key, data)
    s.sync()


def language() -> str:
    """'nl' (the default) or 'en'."""
    lang = str(value("ui/language", "nl") or "nl")
    return lang if lang in ("nl", "en") else "nl"


def set_language(lang: str) -> None:
    set_value("ui/language", lang)
