"""Render client cards and letters as A4 page images, and make them look scanned.

Pages are laid out as a list of ``TextLine`` in millimetres first and drawn second,
so the same layout can also feed a born-digital PDF and the truth can say which
field was printed where (box in pixels of the upright, undegraded page).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from .families import HELDOUT_FONTS
from .people import ClientTruth, make_iban

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
# (regular, bold) pairs; Mono gives the typewriter look of old cards.
FONT_FAMILIES: dict[str, tuple[str, str]] = {
    "sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "sans-condensed": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    "serif-condensed": ("DejaVuSerifCondensed.ttf", "DejaVuSerifCondensed-Bold.ttf"),
    "mono": ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"),
}
# How often each family is drawn: office paper is mostly sans/serif; the typewriter
# look (mono) is rarer and the hardest for OCR.
FAMILY_CHOICES = [
    "sans",
    "sans",
    "sans",
    "serif",
    "serif",
    "sans-condensed",
    "serif-condensed",
    "mono",
]
A4_MM = (210.0, 297.0)
MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december",
]  # fmt: skip


@dataclass(frozen=True)
class OwnBusiness:
    """The business that uses Klantdossier; appears on letters but is never a client."""

    name: str = "Installatiebedrijf Hoekstra B.V."
    street: str = "Industrieweg 14"
    postcode: str = "8441 PK"
    city: str = "Heerenveen"
    phone: str = "0513-612345"
    phone_e164: str = "+31513612345"
    email: str = "info@hoekstra-installatie.nl"
    iban: str = "NL20INGB0001234567"
    kvk: str = "01234567"
    btw: str = "NL001234560B01"  # passes the 11-test
    signer: str = "J. Hoekstra"

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _own_iban() -> str:
    # A fixed but valid IBAN for our own business (computed once, no randomness
    # at import time that could depend on call order).
    return make_iban(random.Random("own-business"))


OWN_BUSINESS = OwnBusiness(iban=_own_iban())


@dataclass
class TextLine:
    text: str
    x_mm: float
    y_mm: float  # top of the line
    size_pt: float
    bold: bool = False
    # When the line shows a truth field: its name ("phones[0]", "iban", ...) and the
    # character offset where the value starts inside ``text``.
    field: str | None = None
    value_start: int = 0
    # Whose value the line shows, by role on the page: "client", "own", "supplier".
    # None on the older page kinds, whose fields are all the client's.
    owner: str | None = None


@dataclass
class Layout:
    lines: list[TextLine]
    family: str
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)  # mm


@dataclass
class RenderedPage:
    image: Image.Image
    kind: str  # "card" | "letter_from_client" | "letter_to_client"
    dpi: int
    font: str
    # field name -> exactly the printed value
    fields: dict[str, str]
    # field name -> [left, top, right, bottom] px on the upright, undegraded page
    boxes: dict[str, list[int]]
    text: list[str]  # every printed line, top to bottom
    # Every printed value of any party: {"owner", "ref", "printed", "box"} (lines with
    # an owner only; ref as TextLine.field)
    values: list[dict[str, Any]] = field(default_factory=list)

    def truth(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "dpi": self.dpi,
            "font": self.font,
            "fields": self.fields,
            "boxes": self.boxes,
            "text": self.text,
            "values": self.values,
        }


@lru_cache(maxsize=64)
def _font(family: str, bold: bool, size_px: int) -> ImageFont.FreeTypeFont:
    files = FONT_FAMILIES.get(family) or HELDOUT_FONTS[family]
    path = FONT_DIR / files[1 if bold else 0]  # held-out fonts are absolute paths
    # BASIC layout: identical bytes whether or not libraqm is present.
    return ImageFont.truetype(str(path), size_px, layout_engine=ImageFont.Layout.BASIC)


def dutch_date(d: dt.date, rng: random.Random | None = None, style: int | None = None) -> str:
    if style is None:
        style = rng.randint(0, 3) if rng else 0
    if style == 0:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == 1:
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == 2:
        return f"{d.day}-{d.month}-{d.year}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _letter_date(truth: ClientTruth, rng: random.Random) -> dt.date:
    start = max(truth.client_since, dt.date(2015, 1, 1))
    span = (dt.date(2024, 12, 31) - start).days
    return start + dt.timedelta(days=rng.randint(0, max(span, 0)))


# --- card --------------------------------------------------------------------------


def layout_card(truth: ClientTruth, rng: random.Random) -> Layout:
    family = rng.choice(FAMILY_CHOICES)
    size = rng.uniform(11.0, 14.0)
    lines: list[TextLine] = []
    rules: list[tuple[float, float, float, float]] = []
    x0 = rng.uniform(18, 30)
    y = rng.uniform(18, 32)
    title = rng.choice(["Klantkaart", "Klantkaart", "KLANTKAART", "Klantgegevens"])
    lines.append(TextLine(title, x0, y, size * 1.6, bold=True))
    if rng.random() < 0.6:
        label = rng.choice(["Klantnr: ", "Klantnummer: ", "Nr. "])
        lines.append(
            TextLine(
                label + truth.client_number, 140, y + 2, size, False, "client_number", len(label)
            )
        )
    y += size * 1.6 * 0.3528 * 2.2

    rows: list[tuple[str, str, str]] = []  # (label, value, field)
    if truth.company:
        rows.append((rng.choice(["Bedrijf:", "Bedrijfsnaam:", "Firma:"]), truth.company, "company"))
        name_label = rng.choice(["Naam:", "Contactpersoon:", "Contact:"])
    else:
        name_label = rng.choice(["Naam:", "Naam klant:", "Naam:"])
    rows.append((name_label, truth.display_name, "name"))
    rows.append((rng.choice(["Adres:", "Adres:", "Straat + nr:"]), truth.address_line, "address"))
    rows.append(
        (
            rng.choice(["Postcode/plaats:", "Postcode en plaats:", "PC/Woonplaats:"]),
            truth.postcode_city,
            "postcode_city",
        )
    )
    for i, ph in enumerate(truth.phones):
        if ph.kind == "mobile":
            lab = rng.choice(["Mobiel:", "Tel.:", "Telefoon:", "GSM:"])
        else:
            lab = rng.choice(["Telefoon:", "Tel.:", "Tel. vast:", "Telefoonnr:"])
        rows.append((lab, ph.written, f"phones[{i}]"))
    rows.append((rng.choice(["E-mail:", "Email:", "e-mail:"]), truth.email, "email"))
    iban_value = truth.iban_printed if rng.random() < 0.7 else truth.iban
    rows.append((rng.choice(["IBAN:", "Rekeningnummer:", "Bankrekening:"]), iban_value, "iban"))
    if truth.kvk:
        rows.append((rng.choice(["KvK-nr:", "KvK:", "KvK-nummer:"]), truth.kvk, "kvk"))
    if truth.btw:
        btw = (
            truth.btw
            if rng.random() < 0.7
            else f"{truth.btw[:2]} {truth.btw[2:11]} {truth.btw[11:]}"
        )
        rows.append((rng.choice(["BTW-nr:", "Btw-id:", "BTW-nummer:"]), btw, "btw"))
    rows.append(
        (
            rng.choice(["Klant sinds:", "Klant vanaf:"]),
            dutch_date(truth.client_since, rng),
            "client_since",
        )
    )
    if rng.random() < 0.4:
        note = rng.choice(
            [
                "Sleutel ligt bij de buren (nr. 14).",
                "Ketel: Remeha Calenta, onderhoud jaarlijks in oktober.",
                "Graag vooraf bellen, hond aanwezig.",
                "Betaalt altijd op tijd.",
                "Parkeren achter het pand.",
            ]
        )
        rows.append(("Opmerkingen:", note, ""))

    tabular = rng.random() < 0.65
    # Value column starts after the widest label, measured in this font and size.
    ref = _font(family, True, 100)  # bold is the widest variant we may draw
    mm_per_unit = size / 72 * 25.4 / 100
    widest = max(ref.getlength(label) for label, _, _ in rows) * mm_per_unit
    col = x0 + widest + rng.uniform(4, 14)
    step = size * 0.3528 * rng.uniform(1.8, 2.3)  # pt -> mm, times line spacing
    underline = tabular and rng.random() < 0.35
    for label, value, fld in rows:
        if tabular:
            lines.append(TextLine(label, x0, y, size, bold=rng.random() < 0.15))
            lines.append(TextLine(value, col, y, size, False, fld or None, 0))
            if underline:
                base = y + size * 0.3528 * 1.35
                rules.append((col - 2, base, 190, base))
        else:
            text = f"{label} {value}"
            lines.append(TextLine(text, x0, y, size, False, fld or None, len(label) + 1))
        y += step
    if rng.random() < 0.4:  # a pre-printed frame around the form
        rules += _frame(x0 - 6, 12, 198, y + 6)
    return Layout(lines, family, rules)


def _frame(x1: float, y1: float, x2: float, y2: float) -> list[tuple[float, float, float, float]]:
    return [(x1, y1, x2, y1), (x2, y1, x2, y2), (x2, y2, x1, y2), (x1, y2, x1, y1)]


# --- letters -----------------------------------------------------------------------

SUBJECTS_FROM_CLIENT = [
    "Offerte cv-ketel", "Onderhoud cv-installatie", "Wijziging adresgegevens",
    "Lekkage badkamer", "Aanvraag storingsbezoek", "Bevestiging afspraak",
    "Nieuw rekeningnummer", "Uw factuur", "Opzegging onderhoudscontract",
]  # fmt: skip
SUBJECTS_TO_CLIENT = [
    "Offerte vervanging cv-ketel", "Factuur onderhoud", "Herinnering betaling",
    "Afspraak onderhoudsbeurt", "Opdrachtbevestiging", "Jaarlijkse controle",
]  # fmt: skip


def _wrap(text: str, font: ImageFont.FreeTypeFont, width_px: float) -> list[str]:
    out: list[str] = []
    cur = ""
    for word in text.split():
        cand = f"{cur} {word}".strip()
        if cur and font.getlength(cand) > width_px:
            out.append(cur)
            cur = word
        else:
            cur = cand
    if cur:
        out.append(cur)
    return out


def _body_from_client(truth: ClientTruth, rng: random.Random, d: dt.date) -> list[str]:
    month = MONTHS[(d.month - 2) % 12]
    pool = [
        "Hierbij bevestig ik onze afspraak van afgelopen dinsdag.",
        "Graag ontvang ik een offerte voor het vervangen van onze cv-ketel, "
        "die inmiddels ruim vijftien jaar oud is.",
        "Sinds vorige week lekt de kraan in de keuken opnieuw, ondanks de reparatie.",
        f"De factuur van {month} heb ik inmiddels voldaan.",
        "U kunt mij het beste bereiken na 17.00 uur.",
        "Wilt u bij het volgende bezoek ook naar de thermostaat kijken?",
        "Wij zijn in de zomer drie weken op vakantie, houdt u daar rekening mee?",
    ]
    picked = rng.sample(pool, rng.randint(2, 4))
    if rng.random() < 0.5:
        picked.insert(1, f"Wilt u mij terugbellen op {truth.phones[0].written}?")
    return picked


def _body_to_client(
    truth: ClientTruth, rng: random.Random, own: OwnBusiness, d: dt.date
) -> list[str]:
    visit = d + dt.timedelta(days=rng.randint(5, 30))
    euros = f"{rng.randint(80, 2400)},{rng.randint(0, 99):02d}"
    pool = [
        "Hartelijk dank voor uw opdracht.",
        "Hierbij ontvangt u de offerte voor het onderhoud van uw installatie.",
        f"Onze monteur komt op {visit.day} {MONTHS[visit.month - 1]} tussen 8.00 en 12.00 uur.",
        f"Wij verzoeken u het bedrag van € {euros} binnen 14 dagen over te maken "
        f"op rekeningnummer {own.iban}.",
        f"Heeft u vragen, dan kunt u ons bellen op {own.phone}.",
        "Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd.",
    ]
    picked = rng.sample(pool, rng.randint(2, 4))
    if rng.random() < 0.4:
        picked.insert(1, f"Wij hebben u op {truth.phones[0].written} helaas niet kunnen bereiken.")
    return picked


def layout_letter(
    truth: ClientTruth, rng: random.Random, own: OwnBusiness, *, from_client: bool, dpi: int
) -> Layout:
    family = rng.choice(FAMILY_CHOICES)
    size = rng.uniform(11.0, 13.0)
    lh = size * 0.3528 * rng.uniform(1.35, 1.55)  # line height in mm
    x0 = rng.uniform(20, 28)
    lines: list[TextLine] = []
    rules: list[tuple[float, float, float, float]] = []
    d = _letter_date(truth, rng)

    def block(x: float, y: float, items: list[tuple[str, str | None, int]], sz: float) -> float:
        for text, fld, start in items:
            lines.append(TextLine(text, x, y, sz, False, fld, start))
            y += sz * 0.3528 * 1.45
        return y

    client_items: list[tuple[str, str | None, int]] = [(truth.display_name, "name", 0)]
    if truth.company:
        client_items.append((truth.company, "company", 0))
    client_items += [(truth.address_line, "address", 0), (truth.postcode_city, "postcode_city", 0)]

    if from_client:
        footer = rng.random() < 0.35
        contact: list[tuple[str, str | None, int]] = []
        for i, ph in enumerate(truth.phones):
            lab = (
                rng.choice(["Tel.: ", "Tel. ", "Telefoon: ", ""])
                if ph.kind == "landline"
                else rng.choice(["Mobiel: ", "Tel.: ", "Mob. ", ""])
            )
            contact.append((lab + ph.written, f"phones[{i}]", len(lab)))
        lab = rng.choice(["E-mail: ", "Email: ", ""])
        contact.append((lab + truth.email, "email", len(lab)))
        y = rng.uniform(18, 26)
        if not footer:
            y = block(x0, y, client_items + contact, size)
            y += 12
        else:
            y = 45
        own_items: list[tuple[str, str | None, int]] = [
            (own.name, None, 0),
            ("t.a.v. de administratie", None, 0),
            (own.street, None, 0),
            (f"{own.postcode} {own.city}", None, 0),
        ]
        y = block(x0, y, own_items, size) + 10
        subject = rng.choice(SUBJECTS_FROM_CLIENT)
        greeting = rng.choice(
            ["Geachte heer, mevrouw,", "Beste mensen van Hoekstra,", "Geachte heer Hoekstra,"]
        )
        body = _body_from_client(truth, rng, d)
        signer = truth.display_name
    else:
        # Our letterhead across the top, client as addressee.
        y = 14.0
        lines.append(TextLine(own.name, x0, y, size * 1.5, bold=True))
        y += size * 1.5 * 0.3528 * 1.6
        head = f"{own.street} · {own.postcode} {own.city} · Tel. {own.phone} · {own.email}"
        lines.append(TextLine(head, x0, y, size * 0.8))
        y += size * 0.8 * 0.3528 * 1.5
        rules.append((x0, y + 1, 190, y + 1))
        y += 16
        addressee = list(client_items)
        if truth.company:
            # "Bedrijf / t.a.v. Naam / adres" is how letters to companies are addressed.
            addressee = [
                (truth.company, "company", 0),
                (f"t.a.v. {truth.display_name}", "name", 6),
                (truth.address_line, "address", 0),
                (truth.postcode_city, "postcode_city", 0),
            ]
        y = block(x0, y, addressee, size) + 12
        lab = rng.choice(["Klantnummer: ", "Uw klantnummer: "])
        lines.append(
            TextLine(lab + truth.client_number, x0, y, size, False, "client_number", len(lab))
        )
        y += lh
        subject = rng.choice(SUBJECTS_TO_CLIENT)
        if rng.random() < 0.5:
            greeting = f"Geachte heer/mevrouw {truth.salutation_name},"
        else:
            greeting = f"Beste {truth.first_name},"
        body = _body_to_client(truth, rng, own, d)
        signer = own.signer
        footer = False

    place = truth.city if from_client else own.city
    lines.append(TextLine(f"{place}, {dutch_date(d, style=0)}", x0, y, size))
    y += lh * 2
    lines.append(TextLine(f"Betreft: {subject}", x0, y, size, bold=rng.random() < 0.4))
    y += lh * 2
    lines.append(TextLine(greeting, x0, y, size))
    y += lh * 2
    width_px = (A4_MM[0] - x0 - 22) / 25.4 * dpi
    font = _font(family, False, round(size * dpi / 72))
    for para in body if rng.random() < 0.5 else [" ".join(body)]:
        for ln in _wrap(para, font, width_px):
            lines.append(TextLine(ln, x0, y, size))
            y += lh
        y += lh * 0.6
    y += lh
    lines.append(
        TextLine(rng.choice(["Met vriendelijke groet,", "Met vriendelijke groeten,"]), x0, y, size)
    )
    y += lh * 3.5  # room for the handwritten signature
    lines.append(TextLine(signer, x0, y, size))
    y += lh
    if from_client and truth.company:
        lines.append(TextLine(truth.company, x0, y, size))
    if not from_client:
        lines.append(TextLine(own.name, x0, y, size))

    if from_client and footer:
        fs = size * 0.78
        who = truth.company or truth.display_name
        f1 = f"{who} · {truth.address_line} · {truth.postcode_city}"
        y = 270.0
        rules.append((x0, y - 2, 190, y - 2))
        lines.append(TextLine(f1, x0, y, fs))
        y += fs * 0.3528 * 1.5
        for i, ph in enumerate(truth.phones):
            lines.append(
                TextLine(f"Tel. {ph.written}", x0 + 80 * i, y, fs, False, f"phones[{i}]", 5)
            )
        y += fs * 0.3528 * 1.5
        lines.append(TextLine(f"E-mail: {truth.email}", x0, y, fs, False, "email", 8))
        if truth.kvk:
            y += fs * 0.3528 * 1.5
            lines.append(TextLine(f"KvK {truth.kvk}", x0, y, fs, False, "kvk", 4))
            lines.append(TextLine(f"IBAN {truth.iban_printed}", x0 + 40, y, fs, False, "iban", 5))
    if not from_client:
        fs = size * 0.75
        y = 280.0
        rules.append((x0, y - 2, 190, y - 2))
        lines.append(TextLine(f"IBAN {own.iban} · KvK {own.kvk} · Btw {own.btw}", x0, y, fs))
    return Layout(lines, family, rules)


# --- drawing -----------------------------------------------------------------------


def draw_layout(layout: Layout, dpi: int, kind: str, truth: ClientTruth) -> RenderedPage:
    w = round(A4_MM[0] / 25.4 * dpi)
    h = round(A4_MM[1] / 25.4 * dpi)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    px = dpi / 25.4
    fields: dict[str, str] = {}
    boxes: dict[str, list[int]] = {}
    values: list[dict[str, Any]] = []
    for ln in layout.lines:
        font = _font(layout.family, ln.bold, round(ln.size_pt * dpi / 72))
        xy = (ln.x_mm * px, ln.y_mm * px)
        draw.text(xy, ln.text, fill=0, font=font)
        if not ln.field:
            continue
        value = ln.text[ln.value_start :]
        left = xy[0] + font.getlength(ln.text[: ln.value_start])
        box = [round(v) for v in draw.textbbox((left, xy[1]), value, font=font)]
        if ln.owner is not None:
            values.append({"owner": ln.owner, "ref": ln.field, "printed": value, "box": box})
        if ln.owner in (None, "client") and ln.field not in boxes:
            fields[ln.field] = value
            boxes[ln.field] = box
    for x1, y1, x2, y2 in layout.rules:
        draw.line([(x1 * px, y1 * px), (x2 * px, y2 * px)], fill=0, width=max(1, round(dpi / 150)))
    text = [ln.text for ln in sorted(layout.lines, key=lambda t: (round(t.y_mm, 1), t.x_mm))]
    # Split composite fields so tests can compare with the client truth directly.
    if "postcode_city" in fields:
        fields["postcode"] = truth.postcode
        fields["city"] = truth.city
    return RenderedPage(img, kind, dpi, layout.family, fields, boxes, text, values)


def render_page(
    truth: ClientTruth,
    rng: random.Random,
    dpi: int = 200,
    kind: str = "card",
    own_business: OwnBusiness = OWN_BUSINESS,
) -> RenderedPage:
    if kind == "card":
        layout = layout_card(truth, rng)
    elif kind in ("letter_from_client", "letter_to_client"):
        layout = layout_letter(
            truth, rng, own_business, from_client=kind == "letter_from_client", dpi=dpi
        )
    else:
        raise ValueError(f"unknown page kind {kind!r}")
    return draw_layout(layout, dpi, kind, truth)


def render_card(truth: ClientTruth, rng: random.Random, dpi: int = 200) -> Image.Image:
    return render_page(truth, rng, dpi, "card").image


def render_letter(
    truth: ClientTruth,
    rng: random.Random,
    dpi: int = 200,
    own_business: OwnBusiness = OWN_BUSINESS,
    *,
    kind: str | None = None,
) -> Image.Image:
    """A letter; kind None picks from the client (70%) or to the client (30%)."""
    return render_letter_page(truth, rng, dpi, own_business, kind=kind).image


def render_letter_page(
    truth: ClientTruth,
    rng: random.Random,
    dpi: int = 200,
    own_business: OwnBusiness = OWN_BUSINESS,
    *,
    kind: str | None = None,
) -> RenderedPage:
    if kind is None:
        kind = "letter_from_client" if rng.random() < 0.7 else "letter_to_client"
    return render_page(truth, rng, dpi, kind, own_business)


# --- degradation -------------------------------------------------------------------


@dataclass(frozen=True)
class Degradation:
    skew_deg: float  # small rotation applied, counter-clockwise positive (PIL convention)
    # Quarter turn applied after the skew, counter-clockwise degrees (0/90/180/270).
    # To make the page upright again: ``img.rotate(-orientation, expand=True)``.
    orientation: int
    blur_radius: float
    speckles: int
    paper: int  # grey level of the paper (255 = white)
    ink: int  # grey level of the darkest ink
    jpeg_quality: int | None  # in-memory JPEG round trip, None = none
    edge_shadow_px: int  # dark scanner-lid band along the left edge

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


NO_DEGRADATION = Degradation(0.0, 0, 0.0, 0, 255, 0, None, 0)


def degrade(
    img: Image.Image,
    rng: random.Random,
    *,
    rotation_deg_max: float = 2.0,
    upside_down_prob: float = 0.0,
    sideways_prob: float = 0.0,
    resample: Image.Resampling = Image.Resampling.BICUBIC,
) -> tuple[Image.Image, Degradation]:
    """Make a clean page look like a flatbed/ADF scan. Text must stay readable.

    resample: for the skew; BILINEAR is about twice as fast and looks the same at 2°."""
    scale = img.width / 1654  # 1.0 at 200 dpi A4; keep effects physical in size
    paper = rng.randint(222, 250)
    ink = rng.randint(15, 70)
    skew = round(rng.uniform(-rotation_deg_max, rotation_deg_max), 2)
    blur = round(rng.uniform(0.2, 0.8) * scale, 2)
    speckles = rng.randint(100, 1500)
    jpeg_q = rng.randint(45, 85) if rng.random() < 0.35 else None
    shadow = round(rng.randint(4, 25) * scale) if rng.random() < 0.3 else 0

    out = img.convert("L")
    if skew:
        out = out.rotate(skew, resample=resample, expand=False, fillcolor=255)
    # Speckle noise: sparse dust and toner dots, drawn before blur so they look soft.
    # Sparse dots (not per-pixel noise) keep PNGs small, like a real bilevel-ish scan.
    draw = ImageDraw.Draw(out)
    w, h = out.size
    for _ in range(speckles):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.choice((0, 0, 0, 1, 1, 2)) * scale
        draw.ellipse([x - r, y - r, x + r, y + r], fill=rng.randint(60, 170))
    if shadow:
        for i in range(shadow):
            draw.line([(i, 0), (i, h)], fill=round(60 + 180 * i / shadow))
    if blur:
        out = out.filter(ImageFilter.GaussianBlur(blur))
    # Paper tint and contrast: map white -> paper grey and black -> ink grey.
    lut = [round(ink + (paper - ink) * v / 255) for v in range(256)]
    out = out.point(lut)
    if jpeg_q is not None:
        buf = io.BytesIO()
        out.save(buf, "JPEG", quality=jpeg_q)
        buf.seek(0)
        out = Image.open(buf)
        out.load()
        out = out.convert("L")
    orientation = 0
    r = rng.random()
    if r < upside_down_prob:
        orientation = 180
    elif r < upside_down_prob + sideways_prob:
        orientation = rng.choice((90, 270))
    if orientation:
        out = out.rotate(orientation, expand=True)
    return out, Degradation(skew, orientation, blur, speckles, paper, ink, jpeg_q, shadow)
