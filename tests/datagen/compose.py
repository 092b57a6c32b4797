"""Building blocks of business paper: letterheads, window addresses, footers, tables.

Every printed value is a TextLine of its own with its owner's role on the page
("client", "own", "supplier") and a field ref ("company", "address", "postcode_city",
"phones[0]", "email", "iban", "kvk", "btw", "name", "surname", "signer", ...), so the
truth knows exactly whose value stands where. A row of several values ("Industrieweg 14 ·
8441 PK Heerenveen · Tel. 0513-612345") is drawn piece by piece for the same reason.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from .families import Family
from .parties import registry_parts
from .render import Layout, TextLine, _font

PT_MM = 0.3528  # one typographic point in millimetres
RIGHT = 190.0  # right margin of the text area (mm)
WIDTH = 172.0  # widest line that fits between the margins (mm)


@dataclass(frozen=True)
class Item:
    """One piece of text to place; owner/ref when it shows a party's value."""

    text: str
    owner: str | None = None
    ref: str | None = None
    start: int = 0  # where the value starts inside text (after a label)
    bold: bool = False


class Sheet:
    """Lines and rules of one page in millimetres, in one font family."""

    def __init__(self, font: str) -> None:
        self.font = font
        self.lines: list[TextLine] = []
        self.rules: list[tuple[float, float, float, float]] = []

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return _font(self.font, bold, 100).getlength(text) * size / 72 * 25.4 / 100

    def put(self, item: Item, x: float, y: float, size: float, align: str = "left") -> None:
        if align == "right":
            x -= self.width(item.text, size, item.bold)
        elif align == "center":
            x -= self.width(item.text, size, item.bold) / 2
        line = TextLine(item.text, x, y, size, item.bold, item.ref, item.start, item.owner)
        self.lines.append(line)

    def column(
        self,
        x: float,
        y: float,
        items: list[Item],
        size: float,
        align: str = "left",
        spacing: float = 1.45,
    ) -> float:
        """Items one under the other; returns the y below the last."""
        for item in items:
            if item.text:
                self.put(item, x, y, size, align)
            y += size * PT_MM * spacing
        return y

    def row(
        self, x: float, y: float, items: list[Item], size: float, sep: str, align: str = "left"
    ) -> None:
        """Items side by side with sep between them (one visual line), smaller when the
        line would not fit between the margins."""
        texts = [it.text for it in items if it.text]
        total = self.width(sep.join(texts), size)
        if total > WIDTH:
            size, total = size * WIDTH / total, WIDTH
        if align == "right":
            x -= total
        elif align == "center":
            x -= total / 2
        for i, item in enumerate(it for it in items if it.text):
            piece = Item(item.text, item.owner, item.ref, item.start, item.bold)
            self.put(piece, x, y, size)
            x += self.width(item.text + (sep if i < len(texts) - 1 else ""), size)

    def fit(self, texts: list[str], size: float, room: float, bold: bool = False) -> float:
        """The size (at most size) at which the widest of texts takes at most room mm."""
        widest = max((self.width(t, size, bold) for t in texts), default=0.0)
        return size * min(1.0, room / widest) if widest else size

    def rule(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.rules.append((x1, y1, x2, y2))

    def frame(self, x1: float, y1: float, x2: float, y2: float) -> None:
        for seg in ((x1, y1, x2, y1), (x2, y1, x2, y2), (x2, y2, x1, y2), (x1, y2, x1, y1)):
            self.rules.append(seg)

    def layout(self) -> Layout:
        return Layout(self.lines, self.font, self.rules)


def line_height(size: float, spacing: float = 1.45) -> float:
    return size * PT_MM * spacing


# --- parties as lines ------------------------------------------------------------------


def contact_items(party: Any, role: str, rng: random.Random, *, short: bool) -> list[Item]:
    """Phones, e-mail (and website) of a firm or client, with varied labels."""
    items = []
    for i, ph in enumerate(party.phones):
        if short:
            lab = (
                rng.choice(["T ", "T. ", "Tel. ", "Tel: "])
                if i == 0
                else rng.choice(["M ", "Mob. "])
            )
        else:
            lab = (
                rng.choice(["Telefoon: ", "Tel.: ", "Tel. "])
                if ph.kind == "landline"
                else rng.choice(["Mobiel: ", "Mob.: ", "Tel.: "])
            )
        items.append(Item(lab + ph.written, role, f"phones[{i}]", len(lab)))
    lab = rng.choice(["E ", "E-mail: ", "e-mail ", ""] if short else ["E-mail: ", "Email: ", ""])
    items.append(Item(lab + party.email, role, "email", len(lab)))
    if getattr(party, "website", None) and rng.random() < 0.7:
        items.append(Item(rng.choice(["", "W ", "Internet: "]) + party.website))
    return items


def firm_address_items(party: Any, role: str) -> list[Item]:
    """Street with number and postcode with place, of a firm or a client."""
    street = party.address_line if hasattr(party, "address_line") else party.street
    return [Item(street, role, "address"), Item(party.postcode_city, role, "postcode_city")]


def registry_items(party: Any, role: str, fam: Family, rng: random.Random) -> list[Item]:
    """KvK, BTW and IBAN of a party in one of the family's printed forms."""
    parts = registry_parts(
        party, rng.choice(fam.kvk_forms), rng.choice(fam.btw_forms), rng.choice(fam.iban_forms)
    )
    items = [Item(text, role, ref, start) for text, ref, start in parts]
    if rng.random() < 0.3:
        rng.shuffle(items)
    return items


def client_window_items(client: Any, fam: Family, rng: random.Random) -> list[Item]:
    """The client as addressee in the window of an envelope."""
    style = rng.choice(fam.addressees)
    surname = client.last_name_full
    title = rng.choice(["De heer ", "Mevrouw ", "Dhr. ", "Mw. ", "De heer/mevrouw "])
    if style == "title-initial":
        who = Item(f"{title}{client.first_name[0]}. {surname}", "client", "surname")
        who = Item(who.text, "client", "surname", len(who.text) - len(surname))
    elif style == "fam":
        who = Item(f"Fam. {surname}", "client", "surname", 5)
    else:
        who = Item(client.display_name, "client", "name")
    items = []
    if client.company:
        items.append(Item(client.company, "client", "company"))
        tav = rng.choice(["t.a.v. ", "T.a.v. ", "Attn. "])
        who = Item(tav + who.text, "client", who.ref, who.start + len(tav))
    items.append(who)
    items.append(Item(client.address_line, "client", "address"))
    if style == "upper-city":
        items.append(Item(f"{client.postcode}  {client.city.upper()}", "client", "postcode_city"))
    else:
        items.append(Item(client.postcode_city, "client", "postcode_city"))
    return items


def own_window_items(own: Any, rng: random.Random) -> list[Item]:
    """Our firm as addressee (supplier invoices, letters from clients)."""
    attn = rng.choice(["T.a.v. de administratie", "Afdeling crediteuren", "", "t.a.v. de directie"])
    items = [Item(own.name, "own", "company")]
    if attn:
        items.append(Item(attn))
    return items + firm_address_items(own, "own")


def window(
    sheet: Sheet,
    items: list[Item],
    fam: Family,
    rng: random.Random,
    size: float,
    below: float = 0.0,
) -> float:
    """Place an address in the window position of the family (lower when the sender's
    block reaches below ``below``); returns the y below it."""
    side = rng.choice(fam.windows)
    x = rng.uniform(20, 25) if side == "left" else rng.uniform(110, 118)
    y = max(rng.uniform(48, 55), below + 8)
    size = sheet.fit([it.text for it in items], size, 200 - x)  # a long name in the window
    if rng.random() < 0.3:  # the sender's return line above the window
        sheet.put(
            Item(rng.choice(["Retouradres: Postbus ", "Postbus "]) + str(rng.randint(10, 999))),
            x,
            y - 6,
            size * 0.65,
        )
    return sheet.column(x, y, items, size)


# --- letterhead and footer ---------------------------------------------------------------


def letterhead(
    sheet: Sheet, firm: Any, role: str, fam: Family, rng: random.Random, size: float
) -> float:
    """The sender's name and contact details at the top; returns the y below it."""
    style = rng.choice(fam.letterheads)
    sep = rng.choice(fam.separators)
    name = Item(firm_name(firm), role, "company", bold=True)
    address = firm_address_items(firm, role)
    contact = contact_items(firm, role, rng, short=True)
    big = size * rng.uniform(1.5, 2.0)
    big = sheet.fit([name.text.upper()], big, 150, bold=True)  # long names print smaller
    y = rng.uniform(12, 18)
    if style in ("left", "lowercase"):
        if style == "lowercase":
            name = Item(name.text.lower(), role, "company", bold=True)
        sheet.put(name, 20, y, big)
        y += line_height(big, 1.3)
        sheet.row(20, y, address + contact[:1], size * 0.8, sep)
        y += line_height(size * 0.8)
        sheet.row(20, y, contact[1:], size * 0.8, sep)
        y += line_height(size * 0.8)
    elif style == "centered":
        sheet.put(name, 105, y, big, "center")
        y += line_height(big, 1.3)
        sheet.row(105, y, address, size * 0.8, sep, "center")
        y += line_height(size * 0.8)
        sheet.row(105, y, contact, size * 0.8, sep, "center")
        y += line_height(size * 0.8)
    elif style == "right":
        sheet.put(name, RIGHT, y, big, "right")
        y = sheet.column(RIGHT, y + line_height(big, 1.3), address + contact, size * 0.8, "right")
    elif style == "banner":
        sheet.put(Item(name.text.upper(), role, "company", bold=True), 20, y, big)
        y += line_height(big, 1.25)
        sheet.rule(20, y, RIGHT, y)
        sheet.row(RIGHT, y + 1.5, address + contact[:2], size * 0.75, sep, "right")
        y += 1.5 + line_height(size * 0.75)
    else:  # box: the name in a frame on the left, contact stacked on the right
        width = sheet.width(name.text, big, True)
        sheet.frame(17, y - 3, 23 + width, y + line_height(big, 1.1) + 2)
        sheet.put(name, 20, y, big)
        y = max(
            y + line_height(big, 1.1) + 5,
            sheet.column(RIGHT, y, address + contact, size * 0.78, "right"),
        )
    if (
        getattr(firm, "country", "NL") != "NL" and rng.random() < 0.8
    ):  # a foreign sender names its country
        sheet.put(Item({"DE": "Deutschland", "BE": "België"}[firm.country]), 20, y, size * 0.8)
        y += line_height(size * 0.8)
    return y + 2


def firm_name(firm: Any) -> str:
    return firm.name if hasattr(firm, "trade") else (firm.company or firm.display_name)


def footer(
    sheet: Sheet,
    firm: Any,
    role: str,
    fam: Family,
    rng: random.Random,
    size: float,
    style: str | None = None,
) -> str:
    """The sender's registry numbers (and often address) at the bottom; returns the style."""
    style = style or rng.choice(fam.footers)
    sep = rng.choice(fam.separators)
    reg = registry_items(firm, role, fam, rng)
    fs = size * rng.uniform(0.68, 0.8)
    if style == "line":
        y = rng.uniform(276, 282)
        sheet.rule(20, y - 2, RIGHT, y - 2)
        sheet.row(105, y, reg, fs, sep, "center")
    elif style == "two-lines":
        y = rng.uniform(270, 278)
        sheet.rule(20, y - 2, RIGHT, y - 2)
        name = Item(firm_name(firm), role, "company")
        sheet.row(20, y, [name, *firm_address_items(firm, role)], fs, sep)
        sheet.row(20, y + line_height(fs), reg, fs, sep)
    elif style == "columns":  # three columns, as wide as their text, 6 mm apart
        y = rng.uniform(262, 268)
        sheet.rule(20, y - 2, RIGHT, y - 2)
        cols = [[Item(firm_name(firm), role, "company"), *firm_address_items(firm, role)],
                contact_items(firm, role, rng, short=True)[:3], reg]  # fmt: skip
        widths = [max(sheet.width(it.text, fs) for it in col) for col in cols]
        fs *= min(1.0, (WIDTH - 12) / sum(widths))
        x = 20.0
        for col in cols:
            sheet.column(x, y, col, fs)
            x += max(sheet.width(it.text, fs) for it in col) + 6
    else:  # sidebar: label above value, in the right margin (the body keeps left of x=150)
        y = rng.uniform(95, 110)  # below the window address, which may sit on the right
        items = [*contact_items(firm, role, rng, short=False)[:2], *reg]
        fs = sheet.fit([it.text[it.start :] for it in items], fs, RIGHT + 14 - 158)
        fs = sheet.fit([it.text[: it.start] for it in items], fs, RIGHT + 14 - 158, bold=True)
        for item in items:
            label = item.text[: item.start].strip(" :") or "Telefoon"
            value = Item(item.text[item.start :], item.owner, item.ref)
            sheet.put(Item(label, bold=True), 158, y, fs)
            sheet.put(value, 158, y + line_height(fs, 1.2), fs * 0.95)
            y += line_height(fs, 3.0)
    return style


# --- invoices --------------------------------------------------------------------------


def money(cents: int) -> str:
    euros, c = divmod(cents, 100)
    return f"€ {euros:,}".replace(",", ".") + f",{c:02d}"


def invoice_table(
    sheet: Sheet,
    y: float,
    lines: list[tuple[str, int, int]],
    fam: Family,
    rng: random.Random,
    size: float,
    right: float,
) -> float:
    """Description / quantity / price / amount with totals; returns the y below."""
    style = rng.choice(fam.tables)
    codes = rng.random() < 0.35
    x_desc = 20 + (24 if codes else 0)
    cols = [right - 64, right - 36, right - 2]  # right edges of aantal, prijs, bedrag
    head = rng.choice(
        [
            ("Omschrijving", "Aantal", "Prijs", "Bedrag"),
            ("Omschrijving", "Aantal", "Stukprijs", "Totaal"),
            ("Artikel", "Aantal", "Prijs excl.", "Bedrag"),
        ]
    )
    # descriptions never run into the quantity column: a narrow table prints smaller
    size = sheet.fit([head[0], *(desc for desc, _q, _p in lines)], size, cols[0] - 16 - x_desc)
    lh = line_height(size, 1.6)
    if codes:
        sheet.put(Item("Art.nr", bold=True), 20.5, y, size)
    sheet.put(Item(head[0], bold=True), x_desc, y, size)
    for text, x in zip(head[1:], cols, strict=True):
        sheet.put(Item(text, bold=True), x, y, size, "right")
    top = y - 1.5
    y += lh
    if style in ("rules", "grid"):
        sheet.rule(20, y - 1.5, right, y - 1.5)
    total = 0
    for desc, qty, price in lines:
        amount = qty * price
        total += amount
        if codes:  # some article codes look like a postcode: "4012 KL"
            code = (
                f"{rng.randint(1000, 9999)} {rng.choice('ABDEHKLMPRT')}{rng.choice('ABDEHKLMPRT')}"
                if rng.random() < 0.3
                else f"{rng.randint(10000, 99999)}"
            )
            sheet.put(Item(code), 20, y, size)
        sheet.put(Item(desc), x_desc, y, size)
        for text, x in zip((str(qty), money(price), money(amount)), cols, strict=True):
            sheet.put(Item(text), x, y, size, "right")
        y += lh
        if style == "grid":
            sheet.rule(20, y - 1.5, right, y - 1.5)
    if style == "grid":
        for x in (
            19,
            *([x_desc - 2] if codes else []),
            cols[0] - 22,
            cols[1] - 22,
            cols[2] - 24,
            right,
        ):
            sheet.rule(x, top, x, y - 1.5)
    elif style == "rules":
        sheet.rule(20, y - 1.5, right, y - 1.5)
    y += lh * 0.5
    vat = round(total * 0.21)
    for label, cents in (("Subtotaal", total), ("BTW 21%", vat), ("Totaal", total + vat)):
        sheet.put(Item(label, bold=label == "Totaal"), cols[1] - 30, y, size)
        sheet.put(Item(money(cents), bold=label == "Totaal"), cols[2], y, size, "right")
        y += lh
    return y
