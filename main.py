"""Klantdossier: parse the command line, run a CLI command or start the window."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

VERSION = "0.1.0"

EPILOG = """\
Voorbeelden / examples:
  python main.py                          het venster openen
  python main.py import ~/Scans/Jansen    een klantmap inlezen
  python main.py search jansen            klanten zoeken
  python main.py lookup 06-12345678       wie belt er?

Gegevens: het klantbestand staat in uw gebruikersmap (zie README), of waar --db of
KLANTDOSSIER_DB naar wijst.
"""


class DutchHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's own words in Dutch, so --help reads as one language."""

    def start_section(self, heading: str | None) -> None:
        names = {"positional arguments": "argumenten", "options": "opties"}
        super().start_section(names.get(heading or "", heading))

    def _format_usage(self, usage, actions, groups, prefix):  # type: ignore[override]
        # argparse passes prefix "" when it builds a subcommand's prog: keep that empty
        dutch = "gebruik: " if prefix is None else prefix
        return super()._format_usage(usage, actions, groups, dutch)


def build_parser() -> argparse.ArgumentParser:
    db_help = "het klantbestand (standaard: KLANTDOSSIER_DB of de gebruikersmap) / the client file"
    # --db may stand before or after the command; SUPPRESS keeps the subcommand's
    # missing --db from overwriting one given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="BESTAND", default=argparse.SUPPRESS, help=db_help)
    parser = argparse.ArgumentParser(
        prog="main.py",
        formatter_class=DutchHelpFormatter,
        add_help=False,
        description="Klantdossier: papieren klantmappen inlezen, doorzoeken en de beller "
        "direct op het scherm. Zonder opdracht opent het venster.\n"
        "Klantdossier: scan paper client folders, search them, and see who is calling.",
        epilog=EPILOG,
    )
    parser.add_argument("--db", metavar="BESTAND", help=db_help)
    parser.add_argument("-h", "--help", action="help", help="deze hulp tonen / show this help")
    parser.add_argument(
        "--version",
        action="version",
        version=f"Klantdossier {VERSION}",
        help="versie tonen / show the version",
    )
    parser.add_argument(
        "--lang-ui", choices=["nl", "en"], help="taal van het venster / UI language"
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT", title="opdrachten")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            parents=[common],
            formatter_class=DutchHelpFormatter,
            add_help=False,
        )
        p.add_argument("-h", "--help", action="help", help="deze hulp tonen / show this help")
        return p

    p = add("import", "bestanden en klantmappen inlezen (OCR) / import scans and folders")
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PAD",
        help="bestand of map; een map is één klant / a file or a client folder",
    )
    p.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="aantal gelijktijdige processen (standaard: aantal kernen)",
    )
    p.add_argument(
        "--lang", default="nld+eng", help="talen voor Tesseract (standaard nld+eng) / OCR languages"
    )
    p.add_argument(
        "--password",
        action="append",
        default=[],
        metavar="WACHTWOORD",
        help="wachtwoord voor beveiligde PDF's (mag vaker) / password for protected PDFs",
    )
    p.add_argument("--json", action="store_true", help="uitvoer als JSON / output as JSON")

    p = add("scan", "pagina's scannen met een scanner (SANE) / scan pages")
    p.add_argument("--device", metavar="NAAM", help="de scanner (standaard: de eerste)")
    p.add_argument(
        "--flatbed",
        action="store_true",
        help="de glasplaat, niet de documentinvoer / flatbed instead of the feeder",
    )
    p.add_argument("--duplex", action="store_true", help="dubbelzijdig / both sides")
    p.add_argument(
        "--resolution", type=int, default=300, metavar="DPI", help="resolutie (standaard 300)"
    )
    p.add_argument("--color", action="store_true", help="in kleur (standaard grijs)")
    p.add_argument("--jobs", type=int, metavar="N", help="aantal gelijktijdige leesprocessen")
    p.add_argument(
        "--lang", default="nld+eng", help="talen voor Tesseract (standaard nld+eng) / OCR languages"
    )
    p.add_argument("--json", action="store_true", help="uitvoer als JSON / output as JSON")

    p = add("search", "klanten zoeken / search clients")
    p.add_argument("query", metavar="ZOEKTERM")
    p.add_argument(
        "--limit", type=int, default=20, metavar="N", help="hoogstens N resultaten (standaard 20)"
    )
    p.add_argument("--json", action="store_true", help="uitvoer als JSON / output as JSON")

    p = add("lookup", "klant zoeken bij een telefoonnummer / find the client of a number")
    p.add_argument("number", metavar="NUMMER")
    p.add_argument(
        "--region",
        metavar="LAND",
        help="land voor nummers zonder landcode, bv. BE (standaard NL of KLANTDOSSIER_REGION)",
    )
    p.add_argument("--json", action="store_true", help="uitvoer als JSON / output as JSON")

    p = add("show", "één klant tonen / show one client")
    p.add_argument("client_id", type=int, metavar="KLANTNUMMER")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON / output as JSON")

    p = add("call", "de beller tonen in het geopende venster / screen pop for a caller")
    # Optional so the .desktop file's "call %u" also opens the window from the menu.
    p.add_argument("number", nargs="?", metavar="NUMMER", help="telefoonnummer of tel:-link")

    p = add("export", "alle klanten exporteren / export all clients")
    p.add_argument("--format", choices=["json", "csv", "vcard"], default="json")
    p.add_argument("--out", metavar="BESTAND", help="uitvoerbestand (standaard: scherm)")
    p.add_argument(
        "--client",
        type=int,
        metavar="KLANTNUMMER",
        help="alles over één klant (AVG) naar de map --out / all data on one client (GDPR)",
    )

    p = add("backup", "reservekopie maken / make a backup")
    p.add_argument(
        "dest", metavar="DOEL", help="bestand voor de kopie (met --daily: een map) / target"
    )
    p.add_argument(
        "--daily",
        action="store_true",
        help="dagelijkse kopie in de map DOEL, oude worden opgeruimd / daily, rotated",
    )
    p.add_argument(
        "--keep",
        type=int,
        default=7,
        metavar="N",
        help="met --daily: bewaar de nieuwste N kopieën (standaard 7)",
    )

    p = add("forget", "klant en documenten wissen (AVG) / erase a client (GDPR)")
    p.add_argument("client_id", type=int, metavar="KLANTNUMMER")
    p.add_argument("-y", "--yes", action="store_true", help="niet om bevestiging vragen")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON / output as JSON")
    return parser


def _db_path(args: argparse.Namespace) -> Path:
    from storage import default_db_path

    return Path(args.db).expanduser() if args.db else default_db_path()


def _print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _open(args: argparse.Namespace):
    from storage import ClientFile

    return ClientFile.open(_db_path(args))


def cmd_import(args: argparse.Namespace) -> int:
    from ocr import import_paths
    from ocr.progress import terminal_progress

    missing = [p for p in args.paths if not os.path.lexists(p)]
    if len(missing) == len(args.paths):
        print(f"Niet gevonden: {', '.join(missing)}", file=sys.stderr)
        return 1
    if args.jobs is not None and args.jobs < 1:
        print("--jobs moet 1 of meer zijn / --jobs must be 1 or more", file=sys.stderr)
        return 2
    bar = None if args.json else terminal_progress(sys.stderr)
    with _open(args) as cf:
        try:
            report = import_paths(
                [p for p in args.paths if p not in missing],
                cf,
                jobs=args.jobs,
                lang=args.lang,
                progress=bar,
                passwords=args.password,
            )
        finally:
            if bar is not None:
                bar.finish()
    for path in missing:
        report.errors.insert(0, {"path": path, "error": "bestand of map bestaat niet"})
    if args.json:
        _print_json(report.to_dict())
    else:
        print(
            f"{report.documents} documenten, {report.pages} pagina's, "
            f"{report.clients_created} nieuwe klanten, {report.skipped} overgeslagen, "
            f"{len(report.errors)} fouten in {report.seconds:.1f} s"
        )
    for error in report.errors:
        print(f"  fout: {error['path']}: {error['error']}", file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with _open(args) as cf:
        hits = cf.search(args.query, limit=args.limit)
    if args.json:
        _print_json([hit.to_dict() for hit in hits])
    elif not hits:
        print("Geen klanten gevonden.")
    else:
        for hit in hits:
            extra = ", ".join(v for v in (hit.company, hit.city) if v)
            print(f"{hit.id:>6}  {hit.name}" + (f" ({extra})" if extra else ""))
            print(f"        {hit.snippet}")
    return 0


def _print_client(client: dict) -> None:
    print(f"{client['name']}  (klant {client['id']})")
    for label, key in (("Bedrijf", "company"), ("IBAN", "iban"), ("KvK", "kvk"), ("BTW", "btw")):
        if client.get(key):
            print(f"  {label}: {client[key]}")
    for phone in client["phones"]:
        print(f"  Telefoon: {phone}")
    for email in client["emails"]:
        print(f"  E-mail: {email}")
    for a in client["addresses"]:
        street = " ".join(v for v in (a["street"], a["house_number"]) if v)
        place = " ".join(v for v in (a["postcode"], a["city"]) if v)
        print("  Adres: " + ", ".join(v for v in (street, place) if v))
    for d in client["documents"]:
        print(f"  Document: {d['name']} ({d['pages']} p.)")
    for note in client.get("notes", [])[:3]:
        print(f"  Notitie ({note['at'][:10]}): {note['text']}")
    calls = client.get("calls", [])
    if calls:
        when = calls[0]["at"][:16].replace("T", " ")
        print(f"  Laatste gesprek: {when} ({len(calls)} in totaal)")


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as cf:
        client = cf.client(args.client_id)
    if args.json:
        _print_json(client)
    else:
        _print_client(client)
    return 0


def cmd_lookup(args: argparse.Namespace) -> int:
    with _open(args) as cf:
        client = cf.lookup_phone(args.number, region=args.region)
    if args.json:
        _print_json(client)
    elif client is None:
        print(f"Onbekend nummer: {args.number}")
    else:
        _print_client(client)
    return 0 if client is not None else 3


def cmd_backup(args: argparse.Namespace) -> int:
    if args.daily:
        from storage.backups import daily_backup

        with _open(args) as cf:
            made = daily_backup(cf, Path(args.dest), keep=args.keep)
        print(f"Reservekopie gemaakt: {made}" if made else "De reservekopie van vandaag is er al.")
        return 0
    with _open(args) as cf:
        dest = cf.backup(args.dest)
    print(f"Reservekopie gemaakt: {dest}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with _open(args) as cf:
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
    with _open(args) as cf:
        name = cf.client(args.client_id)["name"]
        if not args.yes and sys.stdin.isatty():
            answer = input(f"Klant {args.client_id} ({name}) en alle documenten wissen? [j/N] ")
            if answer.strip().lower() not in ("j", "ja", "y", "yes"):
                print("Niets gewist.", file=sys.stderr)
                return 1
        report = cf.forget(args.client_id)
    if args.json:
        _print_json(report.to_dict())
    else:
        print(
            f"Klant {args.client_id} gewist: {report.documents} documenten, "
            f"{report.pages} pagina's, {report.originals_removed} originelen, "
            f"{report.notes} notities, {report.calls} gesprekken."
        )
    return 0


def _gui_db_path(args: argparse.Namespace) -> Path:
    """The client file without importing storage/ (200 ms): the screen pop must be quick."""
    from gui.call.handoff import default_db_path

    return Path(args.db).expanduser() if args.db else default_db_path()


def _hand_over(db_path: Path, message: dict, start_anyway: bool = False) -> int | None:
    """Give the message to the window of this client file; None when no window runs
    (or, with start_anyway, when it cannot be reached: then a window is started)."""
    from gui.call import handoff

    try:
        reply = handoff.send(db_path, message)
    except handoff.NoWindowError:
        return None
    except handoff.HandoffError as e:
        print(str(e), file=sys.stderr)
        return None if start_anyway else 1
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


def cmd_call(args: argparse.Namespace) -> int:
    if args.number is None:
        return run_gui(args)
    from gui.call import handoff

    try:
        number = handoff.clean_number(args.number)
    except handoff.BadNumberError as e:
        print(str(e), file=sys.stderr)
        return 2
    code = _hand_over(_gui_db_path(args), {"cmd": "call", "number": number})
    return code if code is not None else run_gui(args, call_number=number)


def cmd_scan(args: argparse.Namespace) -> int:
    """Scan a stack into the client file through the wizard's own path (separators, OCR,
    extraction and matching), accepting every proposal as the wizard would unchanged."""
    from ocr.intake import Intake, commit, scanner_source
    from ocr.scanner import ScanRun, ScanSettings, device_options, list_devices

    devices = list_devices(refresh=True)
    if args.device is None and not devices:
        from ocr.scanner import no_scanner_message

        print(no_scanner_message(), file=sys.stderr)
        return 1
    device = args.device or devices[0].name
    options = device_options(device)
    settings = ScanSettings(
        device,
        feeder=options.has_feeder and not args.flatbed,
        duplex=args.duplex,
        resolution=args.resolution,
        color=args.color,
    )

    def source():
        yield from scanner_source(run)
        if run.result.error is not None:
            raise run.result.error

    def arrived(item) -> None:
        kind = {"blank": " (leeg vel: volgende klant)", "cover": " (scheidingsblad)"}
        print(f"pagina {item.index + 1} gescand{kind.get(item.kind.kind, '')}", file=sys.stderr)

    db_path = _db_path(args)
    from storage import ClientFile

    ClientFile.open(db_path).close()  # create or migrate before the reading starts
    intake = Intake(
        db_path, jobs=args.jobs or 2, lang=args.lang, duplex=settings.duplex, on_page=arrived
    )
    run = ScanRun(settings, intake.scan_dir, options=options)
    try:
        result = intake.run(source())
        for batch in result.batches:
            if batch.proposal is None:
                continue
            decision = batch.proposal.decision
            if decision.kind == "ask" and decision.client_id is not None:
                decision.kind = "existing"  # the best guess, as an import without review does
            batch.accepted = True
        with _open(args) as cf:
            summary = commit(cf, result.batches)
    finally:
        intake.cleanup()  # scanned copies hold personal data; they are stored now
    summary.problems[:0] = result.problems
    summary.seconds = result.seconds + summary.seconds
    if args.json:
        _print_json(summary.to_import_dict())
    else:
        print(
            f"{summary.pages} pagina's, {len(summary.clients_created)} nieuwe klanten, "
            f"{len(summary.clients_updated)} bijgewerkt, {len(summary.problems)} problemen "
            f"in {summary.seconds:.1f} s"
        )
    for problem in summary.problems:
        print(f"  {problem.where}: {problem.message}", file=sys.stderr)
    return 0 if result.pages else 1


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
}


def run_gui(args: argparse.Namespace, call_number: str | None = None) -> int:
    db_path = _gui_db_path(args)
    if call_number is None:
        code = _hand_over(db_path, {"cmd": "raise"}, start_anyway=True)  # one per file
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


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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
    sys.exit(main())
