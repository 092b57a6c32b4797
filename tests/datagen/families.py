"""Layout families of the generated paper, split into TRAIN and HELD-OUT.

A family is one "house style": the fonts, where the letterhead and the window address
sit, how the footer prints the registry numbers, which label spellings a client card
uses, how an invoice table looks. Every page of a generated folder is drawn in one
family, picked per folder.

TRAIN families may be used by tests (and tuned for). HELD-OUT families are only for
``bench/extraction.py``: they measure how reading copes with paper nobody here wrote
or tuned for. Tests must not import HELDOUT_FAMILIES or name its families, and must
not assert on held-out output (tests/datagen/test_datagen.py checks the test tree for
that). Held-out families differ in all of:

- fonts: Liberation and FreeFont (Debian packages fonts-liberation2, fonts-freefont-ttf)
  where train uses DejaVu only;
- placement: window address on the right, a letterhead in a box, registry numbers in
  a sidebar, three-column footers;
- wording: registry formats and labels train never prints (HELDOUT_ONLY_FORMS:
  Handelsregister, Kamer van Koophandel with a place, a spaced KvK, VAT no., CoC;
  labels such as Bankrekeningnummer, E-mailadres, Telefoonnummer, Rek.nr.), besides
  the common ones both use.

The split is by family, not by page: a test that asks for ``families="train"`` can
never meet held-out paper, whatever the seed.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass, field
from pathlib import Path

LIBERATION = Path("/usr/share/fonts/truetype/liberation2")
FREEFONT = Path("/usr/share/fonts/truetype/freefont")
# key -> (regular, bold) font files; render.py's DejaVu families are the train fonts.
HELDOUT_FONTS: dict[str, tuple[str, str]] = {
    "liberation-sans": (
        str(LIBERATION / "LiberationSans-Regular.ttf"),
        str(LIBERATION / "LiberationSans-Bold.ttf"),
    ),
    "liberation-serif": (
        str(LIBERATION / "LiberationSerif-Regular.ttf"),
        str(LIBERATION / "LiberationSerif-Bold.ttf"),
    ),
    "liberation-mono": (
        str(LIBERATION / "LiberationMono-Regular.ttf"),
        str(LIBERATION / "LiberationMono-Bold.ttf"),
    ),
    "free-sans": (str(FREEFONT / "FreeSans.ttf"), str(FREEFONT / "FreeSansBold.ttf")),
    "free-serif": (str(FREEFONT / "FreeSerif.ttf"), str(FREEFONT / "FreeSerifBold.ttf")),
}

# Registry formats (parties.KVK_FORMS, BTW_FORMS) that no train family prints.
HELDOUT_ONLY_FORMS = ("kamer-place", "handelsregister", "kvk-spaced", "vat-no", "coc")

# Card label spellings shared by all families; a family may add its own.
BASE_LABELS: dict[str, tuple[str, ...]] = {
    "company": ("Bedrijf:", "Bedrijfsnaam:", "Firma:"),
    "name": ("Naam:", "Naam klant:", "Contactpersoon:"),
    "first_name": ("Voornaam:", "Roepnaam:"),
    "last_name": ("Achternaam:", "Naam:"),
    "address": ("Adres:", "Straat + nr:", "Straat:"),
    "postcode_city": ("Postcode/plaats:", "Postcode en plaats:", "PC/Woonplaats:"),
    "postcode": ("Postcode:",),
    "city": ("Plaats:", "Woonplaats:"),
    "mobile": ("Mobiel:", "Tel.:", "GSM:"),
    "landline": ("Telefoon:", "Tel.:", "Tel. vast:"),
    "email": ("E-mail:", "Email:", "e-mail:"),
    "iban": ("IBAN:", "Rekeningnummer:", "Bankrekening:"),
    "kvk": ("KvK-nr:", "KvK:", "KvK-nummer:"),
    "btw": ("BTW-nr:", "Btw-id:", "BTW-nummer:"),
    "since": ("Klant sinds:", "Klant vanaf:"),
}


@dataclass(frozen=True)
class Family:
    name: str
    split: str  # "train" | "heldout"
    fonts: tuple[str, ...]
    letterheads: tuple[str, ...]  # left | right | centered | banner | box | lowercase
    windows: tuple[str, ...]  # left | right: where the window-envelope address sits
    addressees: tuple[str, ...]  # full | title-initial | upper-city | fam
    footers: tuple[str, ...]  # line | two-lines | columns | sidebar
    kvk_forms: tuple[str, ...]  # keys of parties.KVK_FORMS
    btw_forms: tuple[str, ...]  # keys of parties.BTW_FORMS
    iban_forms: tuple[str, ...]  # keys of parties.IBAN_FORMS
    separators: tuple[str, ...]
    cards: tuple[str, ...]  # labels | inline | two-column | grid | split-name
    metas: tuple[str, ...]  # left | right | row: invoice number/date/client number block
    tables: tuple[str, ...]  # rules | grid | plain
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # added spellings
    titles: tuple[str, ...] = ("Factuur", "FACTUUR")
    pinned: bool = False  # one choice of everything: a firm's own house style

    def label_choices(self, key: str) -> tuple[str, ...]:
        if self.pinned:
            return self.labels[key]
        return BASE_LABELS[key] + self.labels.get(key, ())

    def pin(self, rng: random.Random) -> Family:
        """This family narrowed to one choice of each: the house style of one firm (every
        invoice of ours looks alike, every card in an office is the same form)."""
        narrowed = {
            f.name: (rng.choice(getattr(self, f.name)),)
            for f in dataclasses.fields(self)
            if isinstance(getattr(self, f.name), tuple)
        }
        labels = {key: (rng.choice(self.label_choices(key)),) for key in BASE_LABELS}
        return dataclasses.replace(self, **narrowed, labels=labels, pinned=True)


TRAIN_FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        Family(
            name="klassiek",
            split="train",
            fonts=("sans", "serif"),
            letterheads=("left", "centered"),
            windows=("left",),
            addressees=("full",),
            footers=("line", "two-lines"),
            kvk_forms=("kvk-place", "kvk", "kvk-nr", "k.v.k."),
            btw_forms=("btw-id", "btw-nr", "btw", "btw-dotted"),
            iban_forms=("iban", "iban-bic", "bankname"),
            separators=(" · ", " | "),
            cards=("labels", "inline"),
            metas=("left", "right"),
            tables=("rules", "plain"),
        ),
        Family(
            name="modern",
            split="train",
            fonts=("sans-condensed", "sans"),
            letterheads=("right", "banner"),
            windows=("left", "right"),
            addressees=("full", "upper-city"),
            footers=("columns", "line"),
            kvk_forms=("kvk-nummer", "kvk-colon", "kamer", "kvk-place-colon"),
            btw_forms=("BTW-nr", "btw-nummer", "btw-identificatienummer", "vat"),
            iban_forms=("iban-colon", "reknr", "iban-compact"),
            separators=("  |  ", " - "),
            cards=("two-column", "labels", "split-name"),
            metas=("row", "right"),
            tables=("grid", "rules"),
        ),
        Family(
            name="typemachine",
            split="train",
            fonts=("mono", "serif-condensed"),
            letterheads=("centered", "left"),
            windows=("left",),
            addressees=("title-initial", "fam", "full"),
            footers=("two-lines",),
            kvk_forms=("k.v.k.-place", "kvk"),
            btw_forms=("omzetbelasting", "btw-spaced", "btw-nr"),
            iban_forms=("bank", "iban"),
            separators=("  ", " · "),
            cards=("grid", "inline"),
            metas=("left",),
            tables=("plain",),
            titles=("FACTUUR", "Nota"),
        ),
    )
}

HELDOUT_FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        Family(
            name="zakelijk",
            split="heldout",
            fonts=("liberation-sans",),
            letterheads=("banner", "box"),
            windows=("right",),
            addressees=("full", "upper-city"),
            footers=("columns", "sidebar"),
            kvk_forms=("kamer-place", "handelsregister", "kvk-place"),
            btw_forms=("vat-no", "btw-identificatienummer", "btw-dotted"),
            iban_forms=("iban-bic", "bankname"),
            separators=(" • ", "  |  "),
            cards=("two-column", "grid"),
            metas=("row",),
            tables=("grid",),
            labels={
                "iban": ("Bankrekeningnummer:",),
                "mobile": ("Mobiel nummer:",),
                "email": ("E-mailadres:",),
                "kvk": ("Handelsregister:",),
            },
            titles=("FACTUUR", "Rekening"),
        ),
        Family(
            name="ambacht",
            split="heldout",
            fonts=("liberation-serif", "free-serif"),
            letterheads=("box", "left"),
            windows=("left",),
            addressees=("title-initial", "fam", "full"),
            footers=("two-lines", "line"),
            kvk_forms=("k.v.k.-place", "kvk-spaced", "kvk-colon"),
            btw_forms=("omzetbelasting", "btw-spaced", "btw-nr"),
            iban_forms=("reknr", "bank"),
            separators=(" - ", " · "),
            cards=("split-name", "labels"),
            metas=("left", "right"),
            tables=("rules",),
            labels={
                "landline": ("Telefoonnummer:",),
                "mobile": ("Mob.:",),
                "city": ("Woonplaats:",),
                "iban": ("Rek.nr.:",),
            },
            titles=("Factuur", "Nota"),
        ),
        Family(
            name="webshop",
            split="heldout",
            fonts=("free-sans", "liberation-sans"),
            letterheads=("lowercase", "right"),
            windows=("right", "left"),
            addressees=("full",),
            footers=("sidebar", "line"),
            kvk_forms=("coc", "kvk-nr"),
            btw_forms=("vat", "vat-no"),
            iban_forms=("iban-compact", "iban-colon"),
            separators=(" | ",),
            cards=("inline", "two-column"),
            metas=("row", "right"),
            tables=("grid", "plain"),
            labels={
                "email": ("E-mailadres:",),
                "landline": ("Telefoonnummer:",),
                "btw": ("Btw-nummer:", "VAT:"),
            },
            titles=("Factuur", "Invoice / Factuur"),
        ),
    )
}


def families(split: str) -> list[Family]:
    """The families of one split: "train" or "heldout"."""
    if split == "train":
        return list(TRAIN_FAMILIES.values())
    if split == "heldout":
        missing = [
            p for reg, bold in HELDOUT_FONTS.values() for p in (reg, bold) if not Path(p).exists()
        ]
        if missing:
            raise RuntimeError(
                "held-out layouts need the fonts-liberation2 and fonts-freefont-ttf packages "
                f"(missing {missing[0]})"
            )
        return list(HELDOUT_FAMILIES.values())
    raise ValueError(f"split must be 'train' or 'heldout', not {split!r}")
