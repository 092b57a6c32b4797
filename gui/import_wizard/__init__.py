"""The scanner import wizard: from a stack of paper to reviewed clients.

gui/app.py calls install(window) once the main window exists. The work itself (intake.py,
engine.py) holds no Qt, so `main.py scan` runs the same path without a window.
"""

from __future__ import annotations

from typing import Any


def install(window: Any) -> Any:
    """Connect the window's import/scan actions and file drops to the wizard."""
    from .wizard import install as _install  # Qt only when there is a window

    return _install(window)


__all__ = ["install"]
