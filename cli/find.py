"""`search`, `lookup` and `show`: finding a client and printing it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from cli.common import open_client_file, print_json

if TYPE_CHECKING:  # imported where used: `main.py call` must start fast
    from storage import Client


def cmd_search(args: argparse.Namespace) -> int:
    with open_client_file(args) as cf:
        hits = cf.search(args.query, limit=args.limit)
    if args.json:
        print_json([hit.to_dict() for hit in hits])
    elif not hits:
        print("Geen klanten gevonden.")
    else:
        for hit in hits:
            extra = ", ".join(v for v in (hit.company, hit.city) if v)
            print(f"{hit.id:>6}  {hit.name}" + (f" ({extra})" if extra else ""))
            print(f"        {hit.snippet}")
    return 0


def print_client(client: Client) -> None:
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
    with open_client_file(args) as cf:
        client = cf.client(args.client_id)
    if args.json:
        print_json(client.to_dict())
    else:
        print_client(client)
    return 0


def cmd_lookup(args: argparse.Namespace) -> int:
    with open_client_file(args) as cf:
        client = cf.lookup_phone(args.number, region=args.region)
    if args.json:
        print_json(client.to_dict() if client is not None else None)
    elif client is None:
        print(f"Onbekend nummer: {args.number}")
    else:
        print_client(client)
    return 0 if client is not None else 3
