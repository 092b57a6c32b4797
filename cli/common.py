"""What the commands share: where the client file is, opening it, printing JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def db_path(args: argparse.Namespace) -> Path | str:
    """The client file: --db, else KLANTDOSSIER_DB, the saved shared one, the default.
    A postgresql:// URL stays a string (Path would fold its //)."""
    from storage.paths import default_db_path, location_of

    return location_of(args.db) if args.db else default_db_path()


def gui_db_path(args: argparse.Namespace) -> Path | str:
    """The client file without importing storage/ (200 ms): the screen pop must be quick."""
    from gui.call.handoff import default_db_path, location_of

    return location_of(args.db) if args.db else default_db_path()


def print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def open_client_file(args: argparse.Namespace):
    from storage import ClientFile

    return ClientFile.open(db_path(args))


def said_yes(answer: str) -> bool:
    return answer.strip().lower() in ("j", "ja", "y", "yes")
