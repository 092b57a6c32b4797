"""Pages of a real binder, drawn in a layout family, every value tagged with its owner.

Page kinds (RenderedPage.kind):

- ``card``: the client card, sometimes on a pre-printed form with our name on top;
- ``letter_from_client``: the client writes to us (a firm's own letterhead and footer
  with its registry numbers, or a private letter); two parties: client and us;
- ``our_invoice``: our quote or invoice: our letterhead, the client in the window, a
  table, our IBAN in the payment line, our registry numbers in the footer;
- ``letter_to_client``: our letter to the client (letterhead, window, footer: ours);
- ``supplier_invoice``: a supplier's invoice to us, sometimes with the client's
  delivery address on it; two or three parties and none of them the page's client
  unless a delivery address is printed.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from .compose import (
    RIGHT,
    Item,
    Sheet,
    client_window_items,
    contact_items,
    firm_address_items,
    footer,
    invoice_table,
    letterhead,
    line_height,
    own_window_items,
    window,
)
from .families import Family
from .parties import TRADES, Business
from .people import ClientTruth
from .render import MONTHS, Layout, _font, _wrap, dutch_date

KINDS = ("card", "letter_from_client", "our_invoice", "letter_to_client", "supplier_invoice")
SUPPLY_LINES = [
    ("Koperen buis 15 mm (5 m)", 2350),
    ('Kogelkraan 1/2"', 890),
    ("Bevestigingsmateriaal", 1275),
    ("Kabel VD 2,5 mm2 (100 m)", 5400),
    ("Grondverf wit 2,5 l", 3895),
    ("Tegellijm 25 kg", 1650),
    ("Remblokset", 4720),
    ("Motorolie 5 l", 3199),
    ("Printpapier A4 (doos)", 2495),
    ("Leasetermijn bedrijfsauto", 48900),
    ("Mobiel abonnement", 3550),
]


def _date(rng: random.Random, after: dt.date | None = None) -> dt.date:
    start = max(after or dt.date(2016, 1, 1), dt.date(2016, 1, 1))
    span = max((dt.date(2024, 12, 31) - start).days, 1)
    return start + dt.timedelta(days=rng.randint(0, span))


def _body(
    sheet: Sheet, x: float, y: float, paragraphs: list[str], size: float, right: float, dpi: int
) -> float:
    font = _font(sheet.font, False, round(size * dpi / 72))
    width_px = (right - x) / 25.4 * dpi
    lh = line_height(size)
    for para in paragraphs:
        for ln in _wrap(para, font, width_px):
            sheet.put(Item(ln), x, y, size)
            y += lh
        y += lh * 0.6
    return y


# --- client card -------------------------------------------------------------------------


def _card_rows(client: ClientTruth, fam: Family, rng: random.Random, split: bool) -> list[Item]:
    """(label + value) items of a card; start marks where the value begins."""

    def lab(key: str) -> str:
        return rng.choice(fam.label_choices(key)) + " "

    rows: list[Item] = []

    def add(key: str, value: str, ref: str) -> None:
        label = lab(key)
        rows.append(Item(label + value, "client", ref, len(label)))

    if client.company:
        add("company", client.company, "company")
    if split:
        add("first_name", client.first_name, "first_name")
        if client.tussenvoegsel:
            rows.append(
                Item("Tussenvoegsel: " + client.tussenvoegsel, "client", "tussenvoegsel", 15)
            )
        add("last_name", client.last_name, "last_name")
    else:
        add("name", client.display_name, "name")
    add("address", client.address_line, "address")
    if split:
        add("postcode", client.postcode, "postcode")
        add("city", client.city, "city")
    else:
        add("postcode_city", client.postcode_city, "postcode_city")
    for i, ph in enumerate(client.phones):
        add("mobile" if ph.kind == "mobile" else "landline", ph.written, f"phones[{i}]")
    add("email", client.email, "email")
    add("iban", client.iban_printed if rng.random() < 0.7 else client.iban, "iban")
    if client.kvk:
        add("kvk", client.kvk, "kvk")
    if client.btw:
        add("btw", client.btw, "btw")
    add("since", dutch_date(client.client_since, rng), "client_since")
    return rows


def card(client: ClientTruth, own: Business, fam: Family, rng: random.Random, dpi: int) -> Layout:
    sheet = Sheet(rng.choice(fam.fonts))
    style = rng.choice(fam.cards)
    size = rng.uniform(10.5, 13.0)
    x0, y = rng.uniform(18, 28), rng.uniform(16, 28)
    if rng.random() < 0.3:  # a pre-printed form with our name above it
        sheet.put(Item(own.name, "own", "company", bold=True), x0, y, size * 0.9)
        y += line_height(size * 0.9, 1.8)
    title = rng.choice(
        ["Klantkaart", "KLANTKAART", "Klantgegevens", "Relatiekaart", "Debiteurenkaart"]
    )
    sheet.put(Item(title, bold=True), x0, y, size * 1.6)
    if rng.random() < 0.6:
        label = rng.choice(["Klantnr: ", "Klantnummer: ", "Debiteurnr. "])
        sheet.put(
            Item(label + client.client_number, "client", "client_number", len(label)),
            RIGHT,
            y + 2,
            size,
            "right",
        )
    y += line_height(size * 1.6, 1.8)
    rows = _card_rows(client, fam, rng, split=style == "split-name")
    step = line_height(size, rng.uniform(1.7, 2.1))
    if style == "two-column":
        # label above value, persons and address left, numbers right
        half = (len(rows) + 1) // 2
        chunks = (rows[:half], rows[half:])
        # the right column starts where the left one's values end; long values print smaller
        values = [[it.text[it.start :] for it in chunk] for chunk in chunks]
        vsize = sheet.fit(values[0] + values[1], size * 0.95, (RIGHT + 10 - x0 - 8) / 2)
        left = max(sheet.width(v, vsize) for v in values[0])
        right_x = max(110.0, x0 + left + 8)
        vsize = min(vsize, sheet.fit(values[1], vsize, RIGHT + 10 - right_x))
        for col, chunk in ((x0, chunks[0]), (right_x, chunks[1])):
            yy = y
            for it in chunk:
                sheet.put(Item(it.text[: it.start].strip(), bold=True), col, yy, size * 0.8)
                sheet.put(
                    Item(it.text[it.start :], it.owner, it.ref),
                    col,
                    yy + line_height(size * 0.8, 1.3),
                    vsize,
                )
                yy += line_height(size, 2.6)
        return sheet.layout()
    ref = max(sheet.width(it.text[: it.start], size, True) for it in rows)
    col = x0 + ref + rng.uniform(3, 10)
    for it in rows:
        if style == "inline":
            sheet.put(it, x0, y, size)
        else:
            sheet.put(Item(it.text[: it.start].strip()), x0, y, size)
            sheet.put(Item(it.text[it.start :], it.owner, it.ref), col, y, size)
            if style == "grid":
                sheet.rule(x0 - 2, y - 1.5, RIGHT, y - 1.5)
        y += step
    if style == "grid":
        sheet.rule(x0 - 2, y - 1.5, RIGHT, y - 1.5)
        sheet.rule(x0 - 2, y - 1.5 - step * len(rows), x0 - 2, y - 1.5)
        sheet.rule(col - 2, y - 1.5 - step * len(rows), col - 2, y - 1.5)
        sheet.rule(RIGHT, y - 1.5 - step * len(rows), RIGHT, y - 1.5)
    if rng.random() < 0.4:
        note = rng.choice(
            [
                "Sleutel ligt bij de buren.",
                "Graag vooraf bellen.",
                "Betaalt altijd op tijd.",
                "Parkeren achter het pand.",
            ]
        )
        sheet.put(Item("Opmerkingen: " + note), x0, y + 4, size)
    return sheet.layout()


# --- letters -----------------------------------------------------------------------------


def letter_from_client(
    client: ClientTruth, own: Business, fam: Family, rng: random.Random, dpi: int
) -> Layout:
    sheet = Sheet(rng.choice(fam.fonts))
    size = rng.uniform(10.5, 12.5)
    d = _date(rng, client.client_since)
    with_footer = False
    house = random.Random(f"letterhead/{client.company}")
    if client.company and rng.random() < 0.7:  # a firm writes on its letterhead
        y = letterhead(sheet, client, "client", fam, house, size)
        with_footer = rng.random() < 0.7
    else:  # a private letter: sender's block top left or top right
        items = [
            Item(client.display_name, "client", "name"),
            *firm_address_items(client, "client"),
            *contact_items(client, "client", rng, short=False),
        ]
        right = rng.random() < 0.4
        y = sheet.column(
            RIGHT if right else 22, rng.uniform(16, 24), items, size, "right" if right else "left"
        )
    y = max(y, window(sheet, own_window_items(own, rng), fam, rng, size, below=y)) + 10
    sheet.put(Item(f"{client.city}, {dutch_date(d, rng)}"), 22, y, size)
    y += line_height(size) * 2
    subject = rng.choice(TRADES[own.trade][2] + ["Uw factuur", "Wijziging gegevens"])
    sheet.put(Item(f"Betreft: {subject}", bold=rng.random() < 0.4), 22, y, size)
    y += line_height(size) * 2
    sheet.put(
        Item(
            rng.choice(
                [
                    "Geachte heer, mevrouw,",
                    "Beste mensen,",
                    f"Geachte heer {own.signer.split()[-1]},",
                ]
            )
        ),
        22,
        y,
        size,
    )
    y += line_height(size) * 2
    body = rng.sample(
        [
            "Hierbij bevestig ik onze afspraak van afgelopen dinsdag.",
            "Graag ontvang ik een offerte voor het werk dat wij besproken hebben.",
            f"De factuur van {MONTHS[(d.month - 2) % 12]} heb ik inmiddels voldaan.",
            "U kunt mij het beste bereiken na 17.00 uur.",
            "Wij zijn in de zomer drie weken op vakantie, houdt u daar rekening mee?",
            "Ons rekeningnummer is gewijzigd; wilt u dit aanpassen in uw administratie?",
        ],
        rng.randint(2, 4),
    )
    right = 150 if with_footer and "sidebar" in fam.footers else RIGHT
    y = _body(sheet, 22, y, body, size, right - 5, dpi)
    if rng.random() < 0.4:
        ph = client.phones[0]
        lab = "Mijn telefoonnummer is "
        sheet.put(Item(lab + ph.written, "client", "phones[0]", len(lab)), 22, y, size)
        y += line_height(size) * 1.6
    sheet.put(Item(rng.choice(["Met vriendelijke groet,", "Hoogachtend,"])), 22, y + 4, size)
    y += 4 + line_height(size) * 3.5
    sheet.put(Item(client.display_name, "client", "name"), 22, y, size)
    if client.company:
        sheet.put(Item(client.company, "client", "company"), 22, y + line_height(size), size)
    if with_footer:
        footer(sheet, client, "client", fam, house, size)
    return sheet.layout()


def _our_head(
    client: ClientTruth, own: Business, fam: Family, rng: random.Random, size: float
) -> tuple[Sheet, float, str]:
    """Our letterhead, the client in the window, our footer: (sheet, y, footer style)."""
    sheet = Sheet(rng.choice(fam.fonts))
    house = random.Random(f"letterhead/{own.name}")  # printed paper: the same on every page
    head = house.uniform(10.0, 12.0)
    y = letterhead(sheet, own, "own", fam, house, head)
    y = max(y, window(sheet, client_window_items(client, fam, rng), fam, rng, size, below=y))
    style = footer(sheet, own, "own", fam, house, head)
    return sheet, y + 10, style


def letter_to_client(
    client: ClientTruth, own: Business, fam: Family, rng: random.Random, dpi: int
) -> Layout:
    size = rng.uniform(10.5, 12.5)
    sheet, y, style = _our_head(client, own, fam, rng, size)
    right = 150 if style == "sidebar" else RIGHT
    d = _date(rng, client.client_since)
    sheet.put(Item(f"{own.city}, {dutch_date(d, rng)}"), 22, y, size)
    y += line_height(size) * 2
    sheet.put(Item("Betreft: " + rng.choice(TRADES[own.trade][2])), 22, y, size)
    y += line_height(size) * 2
    sheet.put(Item(f"Geachte heer/mevrouw {client.salutation_name},"), 22, y, size)
    y += line_height(size) * 2
    visit = d + dt.timedelta(days=rng.randint(5, 30))
    body = rng.sample(
        [
            "Hartelijk dank voor uw opdracht.",
            f"Wij komen op {visit.day} {MONTHS[visit.month - 1]} tussen 8.00 en 12.00 uur.",
            "Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd.",
            "Mocht u vragen hebben, dan horen wij dat graag.",
        ],
        rng.randint(2, 3),
    )
    y = _body(sheet, 22, y, body, size, right - 5, dpi)
    if rng.random() < 0.5:
        lab = "Heeft u vragen, bel ons dan op "
        sheet.put(Item(lab + own.phones[0].written, "own", "phones[0]", len(lab)), 22, y, size)
        y += line_height(size) * 1.6
    sheet.put(Item("Met vriendelijke groet,"), 22, y + 4, size)
    y += 4 + line_height(size) * 3.5
    sheet.put(Item(own.signer, "own", "signer"), 22, y, size)
    sheet.put(Item(own.name, "own", "company"), 22, y + line_height(size), size)
    return sheet.layout()


# --- invoices ----------------------------------------------------------------------------


def _meta(
    sheet: Sheet,
    y: float,
    pairs: list[Item],
    fam: Family,
    rng: random.Random,
    size: float,
    right: float,
) -> float:
    style = rng.choice(fam.metas)
    if style == "row":
        xs = [20 + i * (right - 20) / len(pairs) for i in range(len(pairs))]
        sheet.rule(20, y - 1.5, right, y - 1.5)
        for x, it in zip(xs, pairs, strict=True):
            sheet.put(Item(it.text[: it.start].strip(" :"), bold=True), x, y, size * 0.85)
            sheet.put(
                Item(it.text[it.start :], it.owner, it.ref),
                x,
                y + line_height(size * 0.85, 1.3),
                size * 0.9,
            )
        y += line_height(size, 2.8)
        sheet.rule(20, y - 2, right, y - 2)
        return y + 2
    x = 20 if style == "left" else right - 70
    return sheet.column(x, y, pairs, size * 0.9) + 4


def _invoice_lines(
    rng: random.Random, catalogue: list[tuple[str, int]], cents: int
) -> list[tuple[str, int, int]]:
    """(description, quantity, unit price in cents); catalogue prices are in 1/cents euro."""
    picked = rng.sample(catalogue, min(len(catalogue), rng.randint(2, 6)))
    return [(desc, rng.choice([1, 1, 1, 2, 3, 4, 8]), price * cents) for desc, price in picked]


def our_invoice(
    client: ClientTruth, own: Business, fam: Family, rng: random.Random, dpi: int
) -> Layout:
    """Our quote or invoice to the client."""
    size = rng.uniform(9.5, 11.5)
    sheet, y, style = _our_head(client, own, fam, rng, size)
    right = 150 if style == "sidebar" else RIGHT
    quote = rng.random() < 0.3
    title = "Offerte" if quote else rng.choice(fam.titles)
    sheet.put(Item(title, bold=True), 20, y, size * 1.6)
    y += line_height(size * 1.6, 1.6)
    d = _date(rng, client.client_since)
    number = f"{d.year}-{rng.randint(1, 999):04d}"
    lab_n = "Offertenummer: " if quote else rng.choice(["Factuurnummer: ", "Factuurnr.: "])
    lab_c = rng.choice(["Klantnummer: ", "Debiteurnr.: ", "Uw klantnr.: "])
    pairs = [
        Item(lab_n + number, start=len(lab_n)),
        Item("Datum: " + dutch_date(d, rng), start=7),
        Item(lab_c + client.client_number, "client", "client_number", len(lab_c)),
    ]
    if not quote:
        due = d + dt.timedelta(days=14)
        pairs.append(Item("Vervaldatum: " + dutch_date(due, rng), start=13))
    y = _meta(sheet, y, pairs, fam, rng, size, right)
    y = invoice_table(
        sheet, y + 2, _invoice_lines(rng, TRADES[own.trade][1], 100), fam, rng, size, right
    )
    y += line_height(size)
    if quote:
        y = _body(
            sheet,
            20,
            y,
            [
                "Deze offerte is 30 dagen geldig. Wij vertrouwen erop u een "
                "passende aanbieding te hebben gedaan."
            ],
            size,
            right,
            dpi,
        )
        sheet.put(Item(own.signer, "own", "signer"), 20, y + line_height(size) * 2, size)
        return sheet.layout()
    sheet.put(
        Item("Wij verzoeken u het totaalbedrag binnen 14 dagen over te maken op"), 20, y, size
    )
    y += line_height(size)
    iban = Item(own.iban_printed if rng.random() < 0.7 else own.iban, "own", "iban")
    sheet.row(20, y, [iban, Item(f"t.n.v. {own.name}")], size, " ")
    y += line_height(size)
    sheet.put(Item(f"onder vermelding van factuurnummer {number}."), 20, y, size)
    return sheet.layout()


def supplier_invoice(
    supplier: Business,
    own: Business,
    client: ClientTruth | None,
    fam: Family,
    rng: random.Random,
    dpi: int,
) -> Layout:
    """A supplier's invoice to us; with client: the client's delivery address on it."""
    sheet = Sheet(rng.choice(fam.fonts))
    size = rng.uniform(9.0, 11.0)
    house = random.Random(f"letterhead/{supplier.name}")
    head = house.uniform(9.5, 11.5)
    y = letterhead(sheet, supplier, "supplier", fam, house, head)
    y = max(y, window(sheet, own_window_items(own, rng), fam, rng, size, below=y)) + 8
    style = footer(sheet, supplier, "supplier", fam, house, head)
    right = 150 if style == "sidebar" else RIGHT
    title = "Rechnung / Factuur" if supplier.country == "DE" else rng.choice(fam.titles)
    sheet.put(Item(title, bold=True), 20, y, size * 1.6)
    y += line_height(size * 1.6, 1.6)
    d = _date(rng)
    pairs = [
        Item(f"Factuurnummer: F{rng.randint(100000, 999999)}", start=15),
        Item("Factuurdatum: " + dutch_date(d, rng), start=14),
        Item(f"Uw klantnummer: {rng.randint(10000, 99999)}", start=16),
    ]
    y = _meta(sheet, y, pairs, fam, rng, size, right)
    if client is not None:
        head = rng.choice(["Afleveradres:", "Werkadres:", "Project:"])
        items = [
            Item(head, bold=True),
            Item(client.display_name, "client", "name"),
            *firm_address_items(client, "client"),
        ]
        y = sheet.column(20, y, items, size * 0.9) + 3
    y = invoice_table(sheet, y + 2, _invoice_lines(rng, SUPPLY_LINES, 1), fam, rng, size, right)
    y += line_height(size)
    sheet.put(Item("Betaling binnen 30 dagen op"), 20, y, size)
    iban = Item(supplier.iban_printed, "supplier", "iban")
    sheet.row(20, y + line_height(size), [iban, Item(f"t.n.v. {supplier.name}")], size, " ")
    return sheet.layout()


def page_layout(
    kind: str,
    client: ClientTruth | None,
    own: Business,
    fam: Family,
    rng: random.Random,
    dpi: int,
    supplier: Business | None = None,
) -> Layout:
    """The layout of one page kind (see KINDS)."""
    if kind == "supplier_invoice":
        assert supplier is not None
        return supplier_invoice(supplier, own, client, fam, rng, dpi)
    assert client is not None
    build: dict[str, Any] = {
        "card": card,
        "letter_from_client": letter_from_client,
        "our_invoice": our_invoice,
        "letter_to_client": letter_to_client,
    }
    return build[kind](client, own, fam, rng, dpi)
