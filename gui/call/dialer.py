"""Dialling out: the system's tel: handler (or a softphone command), logged as a call."""

from __future__ import annotations

import shlex

from PySide6.QtCore import QProcess, QSettings, QUrl
from PySide6.QtGui import QDesktopServices

from storage.phones import normalize

# When Klantdossier itself is the tel: handler (it receives incoming numbers that way), the
# tel: link would come straight back to us; then set a softphone command, e.g.
# "microsip.exe %n" or "twinkle --call %n" (%n becomes the number; no shell is involved).
DIAL_COMMAND_KEY = "call/dial_command"


def dial(number: str, client_id: int | None, data, settings: QSettings | None = None) -> int | None:
    """Dial `number` and log an outgoing call on `client_id` (None: unknown); returns the
    call id, or None when the text is not a phone number (nothing dialled, nothing logged).
    `data` is the window's gui.data.ClientData."""
    e164 = normalize(number)
    if e164 is None:
        return None
    command = str((settings or _settings()).value(DIAL_COMMAND_KEY, "") or "").strip()
    if command:
        args = [part.replace("%n", e164) for part in shlex.split(command)]
        started = QProcess.startDetached(args[0], args[1:])[0]
    else:
        started = QDesktopServices.openUrl(QUrl(f"tel:{e164}"))
    if not started:
        return None
    return data.file().add_call(client_id, e164, direction="out")


def _settings() -> QSettings:
    try:
        from ..settings import settings  # the window's settings file, when it has one
    except ImportError:
        return QSettings()
    return settings()
