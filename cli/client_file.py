"""`export`, `backup`, `forget` and `copy`: the client file as a whole."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.common import db_path, open_client_file, print_json, said_yes


def cmd_backup(args: argparse.Namespace) -> int:
    if args.daily:
        from storage.backups import daily_backup

        with open_client_file(args) as cf:
            made = daily_backup(cf, Path(args.dest), keep=args.keep)
        print(f"Reservekopie gemaakt: {made}" if made else "De reservekopie van vandaag is er al.")
        return 0
    with open_client_file(args) as cf:
        dest = cf.backup(args.dest)
    print(f"Reservekopie gemaakt: {dest}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_client_file(args) as cf:
        if args.client is not None:
            if not args.out:
                print("Geef met --out de map voor de export van één klant.", file=sys.stderr)
                return 2
            folder = cf.export_client(args.client, args.out)
            print(f"Alle gegevens van klant {args.client} staan in {folder}", file=sys.stderr)
            return 0
        text = cf.export_all(args.format, args.out)
        count = cf.count_clients()
    if text is not None:
        sys.stdout.write(text)
    else:
        print(f"{count} klanten geëxporteerd naar {args.out}", file=sys.stderr)
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    with open_client_file(args) as cf:
        name = cf.client(args.client_id).name
        if not args.yes:
            refused = _refuse_to_forget(args.client_id, name)
            if refused is not None:
                return refused
        report = cf.forget(args.client_id)
    _forget_in_window(db_path(args), args.client_id)
    if args.json:
        print_json(report.to_dict())
    else:
        print(
            f"Klant {args.client_id} gewist: {report.documents} documenten, "
            f"{report.pages} pagina's, {report.originals_removed} originelen, "
            f"{report.notes} notities, {report.calls} gesprekken."
        )
    return 0


def _refuse_to_forget(client_id: int, name: str) -> int | None:
    """Ask before erasing for good: None when the user says yes, else the exit code."""
    if not sys.stdin.isatty():
        # Nobody can answer (a script, a pipe): erasing for good needs -y then.
        print(
            f"Niets gewist: klant {client_id} wissen vraagt om bevestiging, en "
            "er is geen terminal om die te geven. Gebruik -y om zonder vragen te "
            "wissen.",
            file=sys.stderr,
        )
        return 2
    answer = input(f"Klant {client_id} ({name}) en alle documenten wissen? [j/N] ")
    if not said_yes(answer):
        print("Niets gewist.", file=sys.stderr)
        return 1
    return None


def _forget_in_window(db_path: Path | str, client_id: int) -> None:
    """The window remembers the last search (the erased name, maybe): clear it in the
    settings, and tell an open window of this file to drop the client from view."""
    from contextlib import suppress

    from gui import settings
    from gui.call import handoff

    with suppress(handoff.HandoffError):  # no window open, or it does not answer
        handoff.send(db_path, {"cmd": "erased", "client_id": client_id}, timeout=2.0)

    settings.forget_search(db_path)


def cmd_copy(args: argparse.Namespace) -> int:
    """Copy a client file to a new file or an empty database, with progress, and say
    whether the copy compares equal."""
    from storage.copying import copy_client_file
    from storage.paths import location_of

    shown = {"what": ""}

    def progress(what: str, done: int, total: int) -> None:
        if args.json:
            return
        end = "\n" if done >= total else ""
        if what != shown["what"] and shown["what"]:
            print(file=sys.stderr)
        shown["what"] = what
        print(f"\r  {what}: {done:,} van {total:,}".replace(",", "."), end=end, file=sys.stderr)

    report = copy_client_file(location_of(args.source), location_of(args.dest), progress)
    if args.json:
        print_json(report.to_dict())
    else:
        rows = sum(report.rows.values())
        print(
            f"Gekopieerd in {report.seconds:.1f} s: {report.rows.get('clients', 0)} klanten, "
            f"{rows} rijen, {report.originals} originelen. "
            + ("De kopie is gelijk aan het origineel." if report.equal else "")
        )
    if not report.equal:
        for difference in report.differences:
            print(f"  verschil: {difference}", file=sys.stderr)
        return 1
    return 0
