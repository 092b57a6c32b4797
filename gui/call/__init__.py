"""Quick lookup during a call: hand-over from `main.py call`, the caller banner, dialling.

Kept free of Qt at import time: `main.py call` imports gui.call.handoff, which must start
fast. The Qt parts are imported when first used."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..main_window import MainWindow


def dial(number: str, client_id: int | None, data: object) -> int | None:
    """Dial through the system's tel: handler and log an outgoing call (see dialer.py)."""
    from .dialer import dial as _dial

    return _dial(number, client_id, data)


def install(window: MainWindow, data: object, settings: object = None) -> object:
    """Give the window its CallController (banner, call monitor, "Telefoon" menu); the
    window's Gesprekken view follows it."""
    from .controller import CallController, add_menu

    controller = CallController(window, data, settings)
    add_menu(window, controller)
    window.calls.follow(controller)
    return controller
