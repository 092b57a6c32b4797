"""What the window remembers between sessions (QSettings, an INI file per user).

The file holds the last search, which may be a client's name: it is kept readable by this
user only (file 0600, folder 0700), and the search is forgotten when a client is erased."""

from __future__ import annotations

import hashlib
import os
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "Klantdossier"
APPLICATION = "Klantdossier"
LAST_SEARCH_PREFIX = "search/last_"


def settings() -> QSettings:
    """The user's settings; tests point QSettings.setPath(IniFormat, UserScope, tmp) elsewhere."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def protect(s: QSettings | None = None) -> None:
    """Make the settings file 0600 and its folder 0700. QSettings writes a new file with the
    umask's mode (0644: readable by every account) and keeps the mode it finds on later
    writes, so this runs at start and after each write of ours."""
    path = Path((s or settings()).fileName())
    with suppress(OSError):  # a read-only home: nothing written there either
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.parent.chmod(0o700)
        if path.exists():
            path.chmod(0o600)


def value(key: str, default=None, type_=None):
    s = settings()
    if type_ is not None:
        return s.value(key, default, type=type_)
    return s.value(key, default)


def set_value(key: str, data) -> None:
    s = settings()
    s.setValue(key, data)
    s.sync()
    protect(s)


def last_search_key(db_path: str | os.PathLike[str]) -> str:
    """The last search belongs to its client file: another file's query would only greet
    the user with "niets gevonden". The real path, as for the window's socket."""
    from .call.handoff import is_url

    url = is_url(db_path)  # a shared client file: its URL (realpath would add the cwd)
    path = str(db_path).strip() if url else os.path.realpath(Path(db_path).expanduser())
    return LAST_SEARCH_PREFIX + hashlib.sha1(os.fsencode(path)).hexdigest()[:12]


def forget_search(db_path: str | os.PathLike[str]) -> None:
    """Forget the remembered search of this client file: after an erase it may name the
    erased client (AVG), and a search cannot tell cheaply whom else it found."""
    s = settings()
    s.remove(last_search_key(db_path))
    s.sync()
    protect(s)


def language() -> str:
    """'nl' (the default) or 'en'."""
    lang = str(value("ui/language", "nl") or "nl")
    return lang if lang in ("nl", "en") else "nl"


def set_language(lang: str) -> None:
    set_value("ui/language", lang)
