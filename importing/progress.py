"""A one-line text progress bar for the CLI (the GUI draws its own from Progress)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TextIO

from .report import Progress

BAR_WIDTH = 24


def format_progress(p: Progress, width: int = 80) -> str:
    """'[######......] 12/60 pagina's nog 1:05 brief 2.png', cut to width."""
    total = p.pages_total or 0
    done = min(p.pages_done, total) if total else p.pages_done
    filled = round(BAR_WIDTH * done / total) if total else 0
    eta = ""
    if p.seconds_left is not None:
        minutes, seconds = divmod(int(p.seconds_left), 60)
        eta = f" nog {minutes}:{seconds:02d}"
    name = Path(p.current_file).name if p.current_file else ""
    bar = "#" * filled + "." * (BAR_WIDTH - filled)
    return f"[{bar}] {done}/{total or '?'} pagina's{eta} {name}"[: max(10, width - 1)]


class TerminalProgress:
    """Callable progress callback that redraws one line on a terminal stream."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.drawn = False

    def __call__(self, p: Progress) -> None:
        width = shutil.get_terminal_size((80, 20)).columns
        self.stream.write("\r" + format_progress(p, width).ljust(width - 1))
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


def terminal_progress(stream: TextIO) -> TerminalProgress | None:
    """A progress bar on stream when it is a terminal, else None (pipes, logs, --json)."""
    isatty = getattr(stream, "isatty", None)
    return TerminalProgress(stream) if isatty is not None and isatty() else None
