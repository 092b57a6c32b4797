"""Klantdossier's caller pop, the quick way: what softphones and tel: links run.

    python -S call.py NUMBER [--db FILE]

The same as `python main.py call NUMBER`, sooner: -S starts Python without its
site-packages (the app needs none of them to hand a number to the open window), and this
file is a few lines to read where main.py holds the whole command line. With no window
open, site-packages are added after all and the window starts on that caller, as
`main.py call` does.
"""

import os
import sys

# os.path, not pathlib: pathlib (with re, fnmatch, urllib) is half of this file's own
# start-up when Python runs without site-packages.
MAIN = os.path.join(os.path.dirname(os.path.realpath(__file__)), "main.py")


def _full_way(argv: list[str]) -> None:
    """main.py as if started as `main.py call ...`: starts the window (or says what is
    wrong), with site-packages added when -S left them out."""
    if "site" not in sys.modules:
        import site

        site.main()
    import runpy

    sys.argv = [MAIN, *argv]
    runpy.run_path(MAIN, run_name="__main__")  # ends with sys.exit


if __name__ == "__main__":
    if sys.platform != "linux" and "site" not in sys.modules:
        import site  # elsewhere the hand-over needs platformdirs, and Qt on Windows

        site.main()
    from gui.call.quick import call_fast, quietly

    arguments = ["call", *sys.argv[1:]]
    code = quietly(call_fast, arguments)
    if code is not None:
        sys.stderr.flush()
        os._exit(code)  # all is said and flushed: skip the interpreter's clean-up (~20 ms)
    _full_way(arguments)
