"""`main.py call NUMBER` the quick way: hand the number to the open window before argparse,
storage/ or Qt are imported.

A softphone starts `main.py call NUMBER` on every ring, and the caller should be on screen
before the phone is answered: Python's own start is most of that time, so this path adds
only the standard-library modules the hand-over needs. main.py runs call_fast() first;
None means "not handled here" (another command, an option this parser does not know, or
no window open) and main.py goes the full way, which starts a window.
"""

from __future__ import annotations

import os
import sys

from . import handoff

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (20 ms)
if TYPE_CHECKING:
    from collections.abc import Callable

# The options `call` takes on the quick path; any other (--help, --lang-ui) goes the full way.
_DB_OPTION = "--db"


def quietly(run: Callable[..., int | None], *args: object) -> int | None:
    """run(*args), with a reader that went away (`show --json | head`) ending it quietly:
    no traceback; exit 141, as a shell reports for a tool that SIGPIPE ended. main.py runs
    every command through this, and call.py its hand-over."""
    try:
        code = run(*args)
        sys.stdout.flush()  # inside the try: a closed pipe shows here, not at exit
    except BrokenPipeError:
        # Python's advice: stdout to /dev/null, so the interpreter's last flush is quiet too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    return code


def parse_call_argv(argv: list[str]) -> tuple[str | None, str] | None:
    """(--db value or None, number) for `[--db F] call [--db F] NUMBER [--db F]`, None for
    anything else."""
    db: str | None = None
    rest: list[str] = []
    args = iter(argv)
    for arg in args:
        if arg == _DB_OPTION:
            db = next(args, None)
            if db is None:
                return None
        elif arg.startswith(_DB_OPTION + "="):
            db = arg[len(_DB_OPTION) + 1 :]
        elif arg.startswith("-") and len(arg) > 1:
            return None  # an option argparse must read (or refuse)
        else:
            rest.append(arg)
    if len(rest) != 2 or rest[0] != "call" or db == "":
        return None
    return db, rest[1]


def hand_over(
    db_path: str | os.PathLike[str], message: dict, start_anyway: bool = False
) -> int | None:
    """Give the message to the window of this client file and print what it shows; the
    exit code, or None when no window runs (or, with start_anyway, when it cannot be
    reached: then the caller starts a window)."""
    try:
        reply = handoff.send(db_path, message)
    except handoff.NoWindowError:
        return None
    except handoff.HandoffError as e:
        print(str(e), file=sys.stderr)
        return None if start_anyway else 1
    return _print_reply(reply)


def call_fast(argv: list[str]) -> int | None:
    """Run `call NUMBER` when a window is open to take it (the exit code); None to go the
    full way: not this command, a bad number (the full path says what is wrong), or no
    window open (the full path starts one)."""
    parsed = parse_call_argv(argv)
    if parsed is None:
        return None
    db, raw = parsed
    try:
        number = handoff.clean_number(raw)
    except handoff.BadNumberError:
        return None
    db_path = os.path.expanduser(db) if db else handoff.default_db_file()
    return hand_over(db_path, {"cmd": "call", "number": number})


def _print_reply(reply: dict) -> int:
    if not reply.get("ok"):
        print(f"Het venster weigert: {reply.get('error', '?')}", file=sys.stderr)
        return 2
    if reply.get("shown") == "client":
        print(f"Beller: {reply.get('name')} (klant {reply.get('client_id')})")
    elif reply.get("shown") in ("unknown", "invalid"):
        print(f"Onbekend nummer: {reply.get('number')}")
    else:
        print("Klantdossier is al geopend; dat venster staat nu vooraan.")
    return 0
