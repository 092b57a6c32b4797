"""`import` and `scan`: paper into the client file through the one import path."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from cli.common import open_client_file, print_json, said_yes


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
    with open_client_file(args) as cf:
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
    print_report(report, args.json)
    return 0


def print_report(report, as_json: bool) -> None:
    """An import's report: JSON on stdout, or a summary, per folder what it became, and
    the problems on stderr."""
    if as_json:
        print_json(report.to_dict())
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
    if said_yes(answer):
        path = accept_suggestion(OwnBusiness.from_dict(found["details"]))
        print(f"Opgeslagen als uw eigen bedrijf ({path}).")


def cmd_scan(args: argparse.Namespace) -> int:
    """Scan a stack into the client file through the one import path (separator sheets,
    OCR, extraction, matching), every proposal accepted by rule as `import` does."""
    import tempfile

    from importing import ImportRun
    from importing.sources import scan_name, scanner_sheets
    from ocr.sources.scanner import ScanRun

    chosen = _scan_settings(args)
    if isinstance(chosen, int):
        return chosen
    settings, options = chosen
    with tempfile.TemporaryDirectory(prefix="klantscan-") as scan_dir, open_client_file(args) as cf:
        # scanned pages hold personal data: their folder goes once they are stored
        run = ImportRun(
            cf,
            review=False,
            jobs=args.jobs or 2,
            lang=args.lang,
            on_page=_page_arrived,
            stack_name=scan_name(),
            duplex=settings.duplex,
        )
        sheets = scanner_sheets(ScanRun(settings, Path(scan_dir), options=options))
        report = run.apply_by_rule(run.read(sheets))
    print_report(report, args.json)
    return 0 if report.pages or report.units else 1


def _scan_settings(args: argparse.Namespace):
    """The scanner and its settings from the options, or the exit code when they cannot
    be (no scanner: 1, duplex on a one-sided scanner: 2)."""
    from ocr.sources.scanner import ScanSettings, device_options, list_devices

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
    return settings, options


def _page_arrived(item) -> None:
    if not item.read:
        return
    kind = {"blank": " (leeg vel: volgende klant)", "cover": " (scheidingsblad)"}
    what = kind.get(item.kind.kind, "") if item.kind is not None else ""
    print(f"pagina {item.index + 1} gescand{what}", file=sys.stderr)
