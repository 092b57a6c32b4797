"""The argument parser of main.py, built from one small function per command. Help
texts are Dutch first with English after the slash (DESIGN.md's CLI contract)."""

from __future__ import annotations

import argparse

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

DB_HELP = (
    "het klantbestand: een bestand, of postgresql://gebruiker@server/database voor het "
    "gedeelde (standaard: KLANTDOSSIER_DB of de gebruikersmap) / the client file"
)
HELP_HELP = "deze hulp tonen / show this help"
JSON_HELP = "uitvoer als JSON / output as JSON"
LANG_HELP = "talen voor Tesseract (standaard nld+eng) / OCR languages"


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
    parser = _main_parser()
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT", title="opdrachten")
    # --db may stand before or after the command; SUPPRESS keeps the subcommand's
    # missing --db from overwriting one given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="BESTAND", default=argparse.SUPPRESS, help=DB_HELP)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            parents=[common],
            formatter_class=DutchHelpFormatter,
            add_help=False,
        )
        p.add_argument("-h", "--help", action="help", help=HELP_HELP)
        return p

    # the order here is the order of `--help`
    for add_command in (
        _add_import,
        _add_scan,
        _add_search,
        _add_lookup,
        _add_show,
        _add_call,
        _add_export,
        _add_backup,
        _add_copy,
        _add_forget,
    ):
        add_command(add)
    return parser


def _main_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        formatter_class=DutchHelpFormatter,
        add_help=False,
        description="Klantdossier: papieren klantmappen inlezen, doorzoeken en de beller "
        "direct op het scherm. Zonder opdracht opent het venster.\n"
        "Klantdossier: scan paper client folders, search them, and see who is calling.",
        epilog=EPILOG,
    )
    parser.add_argument("--db", metavar="BESTAND", help=DB_HELP)
    parser.add_argument("-h", "--help", action="help", help=HELP_HELP)
    parser.add_argument(
        "--version",
        action="version",
        version=f"Klantdossier {VERSION}",
        help="versie tonen / show the version",
    )
    parser.add_argument(
        "--lang-ui", choices=["nl", "en"], help="taal van het venster / UI language"
    )
    return parser


def _add_import(add) -> None:
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
    p.add_argument("--lang", default="nld+eng", help=LANG_HELP)
    p.add_argument(
        "--password",
        action="append",
        default=[],
        metavar="WACHTWOORD",
        help="wachtwoord voor beveiligde PDF's (mag vaker) / password for protected PDFs",
    )
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def _add_scan(add) -> None:
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
    p.add_argument("--lang", default="nld+eng", help=LANG_HELP)
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def _add_search(add) -> None:
    p = add("search", "klanten zoeken / search clients")
    p.add_argument("query", metavar="ZOEKTERM")
    p.add_argument(
        "--limit", type=int, default=20, metavar="N", help="hoogstens N resultaten (standaard 20)"
    )
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def _add_lookup(add) -> None:
    p = add("lookup", "klant zoeken bij een telefoonnummer / find the client of a number")
    p.add_argument("number", metavar="NUMMER")
    p.add_argument(
        "--region",
        metavar="LAND",
        help="land voor nummers zonder landcode, bv. BE (standaard NL of KLANTDOSSIER_REGION)",
    )
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def _add_show(add) -> None:
    p = add("show", "één klant tonen / show one client")
    p.add_argument("client_id", type=int, metavar="KLANTNUMMER")
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def _add_call(add) -> None:
    p = add("call", "de beller tonen in het geopende venster / screen pop for a caller")
    # Optional so the .desktop file's "call %u" also opens the window from the menu.
    p.add_argument("number", nargs="?", metavar="NUMMER", help="telefoonnummer of tel:-link")


def _add_export(add) -> None:
    p = add("export", "alle klanten exporteren / export all clients")
    p.add_argument("--format", choices=["json", "csv", "vcard"], default="json")
    p.add_argument("--out", metavar="BESTAND", help="uitvoerbestand (standaard: scherm)")
    p.add_argument(
        "--client",
        type=int,
        metavar="KLANTNUMMER",
        help="alles over één klant (AVG) naar de map --out / all data on one client (GDPR)",
    )


def _add_backup(add) -> None:
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


def _add_copy(add) -> None:
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
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def _add_forget(add) -> None:
    p = add("forget", "klant en documenten wissen (AVG) / erase a client (GDPR)")
    p.add_argument("client_id", type=int, metavar="KLANTNUMMER")
    p.add_argument("-y", "--yes", action="store_true", help="niet om bevestiging vragen")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
