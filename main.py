"""Klantdossier: parse the command line, run a CLI command or start the window.

The commands live in cli/ (one module per group); this stays the entry point."""

from __future__ import annotations

import sys

if __name__ == "__main__":
    # The screen pop: a softphone runs `main.py call NUMBER` on every ring. Hand the number
    # to the open window before argparse, storage/ and Qt are imported; everything else
    # (and a call with no window open) goes the full way below. (call.py is quicker still.)
    from gui.call.quick import call_fast, quietly

    _code = quietly(call_fast, sys.argv[1:])
    if _code is not None:
        import os

        sys.stderr.flush()
        os._exit(_code)  # all is said and flushed: skip the interpreter's clean-up

import argparse

from cli.client_file import cmd_backup, cmd_copy, cmd_export, cmd_forget
from cli.find import cmd_lookup, cmd_search, cmd_show
from cli.import_scan import cmd_import, cmd_scan
from cli.parser import VERSION, build_parser
from cli.window import cmd_call, run_gui

__all__ = ["COMMANDS", "VERSION", "build_parser", "main", "run_gui"]

COMMANDS = {
    "import": cmd_import,
    "search": cmd_search,
    "show": cmd_show,
    "lookup": cmd_lookup,
    "backup": cmd_backup,
    "scan": cmd_scan,
    "call": cmd_call,
    "export": cmd_export,
    "forget": cmd_forget,
    "copy": cmd_copy,
}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args: argparse.Namespace = parser.parse_args(argv)
    handler = run_gui if args.command is None else COMMANDS[args.command]
    if args.command == "call" and args.number:
        return cmd_call(args)  # the screen pop: no storage/ import (200 ms) on this path
    from storage import KlantdossierError

    try:
        return handler(args)
    except KlantdossierError as e:
        print(str(e), file=sys.stderr)
        return int(e.exit_code)
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(quietly(main))  # a reader that leaves early (`| head`) ends it quietly
