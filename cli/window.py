"""`call` and no command at all: the window. Qt is imported only when it opens, and the
screen pop (`call NUMBER` to a running window) imports neither Qt nor storage/."""

from __future__ import annotations

import argparse
import os
import sys

from cli.common import gui_db_path


def cmd_call(args: argparse.Namespace) -> int:
    if args.number is None:
        return run_gui(args)
    from gui.call import handoff, quick

    try:
        number = handoff.clean_number(args.number)
    except handoff.BadNumberError as e:
        print(str(e), file=sys.stderr)
        return 2
    code = quick.hand_over(gui_db_path(args), {"cmd": "call", "number": number})
    return code if code is not None else run_gui(args, call_number=number)


def run_gui(args: argparse.Namespace, call_number: str | None = None) -> int:
    db_path = gui_db_path(args)
    if call_number is None:
        from gui.call.quick import hand_over

        code = hand_over(db_path, {"cmd": "raise"}, start_anyway=True)  # one per file
        if code is not None:
            return code
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        print(
            "Er is geen beeldscherm gevonden (DISPLAY is leeg). Start Klantdossier op een "
            "bureaublad, of zonder scherm (virtueel scherm) met:\n"
            "    xvfb-run -a bash scripts/run.sh\n"
            "No display found: run this on a desktop, or with a virtual screen as shown above.",
            file=sys.stderr,
        )
        return 1
    from gui.app import run

    return run(db_path, ui_language=args.lang_ui, call_number=call_number)
