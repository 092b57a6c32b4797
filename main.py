"""Klantdossier: parse the command line, run a CLI command or start the window."""

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
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: `main.py call` must start fast
    from storage import Client

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
    db_help = (
        "het klantbestand: een bestand, of postgresql://gebruiker@server/database voor het "
        "gedeelde (standaard: KLANTDOSSIER_DB of de gebruikersmap) / the client file"
    )
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

    p = add(
        "copy",
        "klantbestand kopiëren tussen SQLite en PostgreSQL / copy a client file between "
        "SQLite and PostgreSQL",
    )
    p.add_argument("source", metavar="BRON", help="bestand of postgresql://… / file or URL")
    p.add_argument(
        "dest",
        metavar="DOEL",
        help="nieuw bestand of lege database postgresql://… / new file or empty database",
    )
    p.add_argument("--json", action="store_true", help="uitvoer als JSON / output as JSON")

    p = add("forget", "klant en documenten wissen (AVG) / erase a client (GDPR)")
    p.add_argument("client_id", type=int, metavar="KLANTNUMMER")
    p.add_argument("-y", "--yes", action="store_true", help="niet om bevestiging vragen")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON / output as JSON")
    return parser


def _db_path(args: argparse.Namespace) -> Path | str:
    """The client file: --db, else KLANTDOSSIER_DB, the saved shared one, the default.
    A postgresql:// URL stays a string (Path would fold its //)."""
    from storage.paths import default_db_path, location_of

    return location_of(args.db) if args.db else default_db_path()


def _print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _open(args: argparse.Namespace):
    from storage import ClientFile

    return ClientFile.open(_db_path(args))


def cmd_import(args: argparse.Namespace) -> int:
    from importing import import_paths
    from importing.progress import terminal_progress

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
    _print_report(report, args.json)
    return 0


def _print_report(report, as_json: bool) -> None:
    """An import's report: JSON on stdout, or a summary, per folder what it became, and
    the problems on stderr."""
    if as_json:
        _print_json(report.to_dict())
    else:
        folders = len(report.units)
        print(
            f"{folders} mappen/bestanden → {report.clients_created} nieuwe klanten, "
            f"{report.clients_updated} bijgewerkt; {report.documents} documenten, "
            f"{report.pages} pagina's, {report.skipped} overgeslagen, "
            f"{len(report.errors)} fouten in {report.seconds:.1f} s"
        )
        for unit in report.units:
            who = f" {unit.client} (klant {unit.client_id})" if unit.client_id else ""
            why = f" — {unit.reason}" if unit.reason else ""
            print(f"  {unit.path}: {unit.outcome}{who}{why}")
        if report.own_business:
            _confirm_own_business(report.own_business)
    for error in report.errors:
        print(f"  fout: {error['path']}: {error['error']}", file=sys.stderr)


def _confirm_own_business(found: dict) -> None:
    """Ask (in a terminal) whether what recurred in the folders is the user's business."""
    from importing.own_business import OwnBusiness, accept_suggestion

    print(f"{found['message']}.")
    if not sys.stdin.isatty():
        print(
            "Klopt dat? Bevestig het onder Bestand → Eigen bedrijf in het venster: dan komen "
            "deze gegevens nooit op een klantkaart."
        )
        return
    answer = input(
        "Is dit uw eigen bedrijf? Dan komen deze gegevens nooit op een klantkaart. [j/N] "
    )
    if answer.strip().lower() in ("j", "ja", "y", "yes"):
        path = accept_suggestion(OwnBusiness.from_dict(found["details"]))
        print(f"Opgeslagen als uw eigen bedrijf ({path}).")


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


def _print_client(client: Client) -> None:
    print(f"{client.name}  (klant {client.id})")
    for label, key in (("Bedrijf", "company"), ("IBAN", "iban"), ("KvK", "kvk"), ("BTW", "btw")):
        if getattr(client, key):
            print(f"  {label}: {getattr(client, key)}")
    for phone in client.numbers:
        print(f"  Telefoon: {phone}")
    for email in client.emails:
        print(f"  E-mail: {email}")
    for a in client.addresses:
        street = " ".join(v for v in (a.street, a.house_number) if v)
        place = " ".join(v for v in (a.postcode, a.city) if v)
        print("  Adres: " + ", ".join(v for v in (street, place) if v))
    for d in client.documents:
        print(f"  Document: {d.name} ({d.pages} p.)")
    for note in client.notes[:3]:
        print(f"  Notitie ({note.at[:10]}): {note.text}")
    if client.calls:
        when = client.calls[0].at[:16].replace("T", " ")
        print(f"  Laatste gesprek: {when} ({len(client.calls)} in totaal)")


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as cf:
        client = cf.client(args.client_id)
    if args.json:
        _print_json(client.to_dict())
    else:
        _print_client(client)
    return 0


def cmd_lookup(args: argparse.Namespace) -> int:
    with _open(args) as cf:
        client = cf.lookup_phone(args.number, region=args.region)
    if args.json:
        _print_json(client.to_dict() if client is not None else None)
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
        name = cf.client(args.client_id).name
        if not args.yes:
            if not sys.stdin.isatty():
                # Nobody can answer (a script, a pipe): erasing for good needs -y then.
                print(
                    f"Niets gewist: klant {args.client_id} wissen vraagt om bevestiging, en "
                    "er is geen terminal om die te geven. Gebruik -y om zonder vragen te "
                    "wissen.",
                    file=sys.stderr,
                )
                return 2
            answer = input(f"Klant {args.client_id} ({name}) en alle documenten wissen? [j/N] ")
            if answer.strip().lower() not in ("j", "ja", "y", "yes"):
                print("Niets gewist.", file=sys.stderr)
                return 1
        report = cf.forget(args.client_id)
    _forget_in_window(_db_path(args), args.client_id)
    if args.json:
        _print_json(report.to_dict())
    else:
        print(
            f"Klant {args.client_id} gewist: {report.documents} documenten, "
            f"{report.pages} pagina's, {report.originals_removed} originelen, "
            f"{report.notes} notities, {report.calls} gesprekken."
        )
    return 0


def _forget_in_window(db_path: Path, client_id: int) -> None:
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
        _print_json(report.to_dict())
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


def _gui_db_path(args: argparse.Namespace) -> Path | str:
    """The client file without importing storage/ (200 ms): the screen pop must be quick."""
    from gui.call.handoff import default_db_path, location_of

    return location_of(args.db) if args.db else default_db_path()


def cmd_call(args: argparse.Namespace) -> int:
    if args.number is None:
        return run_gui(args)
    from gui.call import handoff, quick

    try:
        number = handoff.clean_number(args.number)
    except handoff.BadNumberError as e:
        print(str(e), file=sys.stderr)
        return 2
    code = quick.hand_over(_gui_db_path(args), {"cmd": "call", "number": number})
    return code if code is not None else run_gui(args, call_number=number)


def cmd_scan(args: argparse.Namespace) -> int:
    """Scan a stack into the client file through the one import path (separator sheets,
    OCR, extraction, matching), every proposal accepted by rule as `import` does."""
    from importing import ImportRun
    from importing.proposals import accept_by_rule
    from importing.sources import scan_name, scanner_sheets
    from ocr.sources.scanner import ScanRun, ScanSettings, device_options, list_devices

    devices = list_devices(refresh=True)
    if args.device is None and not devices:
        from ocr.sources.scanner import no_scanner_message

        print(no_scanner_message(), file=sys.stderr)
        return 1
    device = args.device or devices[0].name
    options = device_options(device)
    if args.duplex and (args.flatbed or not options.has_duplex):
        where = "de glasplaat" if args.flatbed else f"scanner {device}"
        print(
            f"Dubbelzijdig scannen kan niet met {where}: die scant één kant per vel. "
            "Scan zonder --duplex, of kies met --device een scanner die het wel kan.",
            file=sys.stderr,
        )
        return 2
    settings = ScanSettings(
        device,
        feeder=options.has_feeder and not args.flatbed,
        duplex=args.duplex,
        resolution=args.resolution,
        color=args.color,
    )

    def arrived(item) -> None:
        if not item.read:
            return
        kind = {"blank": " (leeg vel: volgende klant)", "cover": " (scheidingsblad)"}
        what = kind.get(item.kind.kind, "") if item.kind is not None else ""
        print(f"pagina {item.index + 1} gescand{what}", file=sys.stderr)

    import tempfile

    with tempfile.TemporaryDirectory(prefix="klantscan-") as scan_dir, _open(args) as cf:
        # scanned pages hold personal data: their folder goes once they are stored
        run = ImportRun(
            cf,
            review=False,
            jobs=args.jobs or 2,
            lang=args.lang,
            on_page=arrived,
            stack_name=scan_name(),
            duplex=settings.duplex,
        )
        proposals = run.read(scanner_sheets(ScanRun(settings, Path(scan_dir), options=options)))
        accept_by_rule(proposals)
        report = run.apply(proposals)
    _print_report(report, args.json)
    return 0 if report.pages or report.units else 1


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


def run_gui(args: argparse.Namespace, call_number: str | None = None) -> int:
    db_path = _gui_db_path(args)
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
    sys.exit(quietly(main))  # a reader that leaves early (`| head`) ends it quietly
