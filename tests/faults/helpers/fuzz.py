"""Fuzz targets: what a user types or a file holds goes in, no exception may come out.

Each target is a plain function of one generated value, so tests/faults/test_fuzz.py
(few examples) and bench/faults.py (many) share them. A target returns None when it
cannot run yet (the module it needs is still being built) — see `available`.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import strategies as st

from importing.contacts import import_contact_lists
from ocr.extract import OwnBusiness, extract_client
from storage import ClientFile, KlantdossierError, PageText, Word

FTS_SPECIALS = [*"\"*-^:()+{}[],.;'\\%_/@#&|~`", "AND", "OR", "NOT", "NEAR", "NEAR(", " "]
# argv on Linux turns undecodable bytes into lone surrogates (surrogateescape)
SURROGATES = ["\udcff", "\ud800", "a\udce9b"]

query_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(FTS_SPECIALS + list("jansen06123 ëé")), max_size=40).map("".join),
    st.from_regex(r"\+?[0-9 ()\-./]{0,30}", fullmatch=True),
    st.sampled_from(SURROGATES),
    st.text(min_size=2000, max_size=5000),
)

phone_text = st.one_of(
    st.text(max_size=80),
    st.from_regex(r"(tel:|callto:|sip:|\+|00)?[0-9 ()\-.]{0,25}(;ext=\d+)?", fullmatch=True),
    st.sampled_from(SURROGATES),
)

CSV_HEADERS = [
    "Naam",
    "Voornaam",
    "Achternaam",
    "Telefoon",
    "Mobiel",
    "E-mail",
    "Adres",
    "Postcode",
    "Plaats",
    "Bedrijf",
    "KvK",
    "IBAN",
    "Telefoon 2",
    "Opmerking",
    "",
]
cell = st.one_of(st.text(max_size=40), st.from_regex(r"0[0-9 \-]{8,12}", fullmatch=True))


@st.composite
def csv_bytes(draw) -> bytes:
    delimiter = draw(st.sampled_from([";", ",", "\t", "|"]))
    headers = draw(st.lists(st.sampled_from(CSV_HEADERS), min_size=1, max_size=8))
    rows = draw(st.lists(st.lists(cell, max_size=10), max_size=8))
    lines = [delimiter.join(headers)] + [delimiter.join(r) for r in rows]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    return "\n".join(lines).encode(encoding, "replace")


VCARD_PROPS = [
    "FN",
    "N",
    "TEL",
    "TEL;TYPE=cell",
    "EMAIL",
    "ADR",
    "ORG",
    "NOTE",
    "item1.TEL",
    "ADR;TYPE=home",
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE",
    "BDAY",
    "X-FOO",
]


@st.composite
def vcard_bytes(draw) -> bytes:
    cards = []
    for _ in range(draw(st.integers(0, 4))):
        lines = ["BEGIN:VCARD", draw(st.sampled_from(["VERSION:3.0", "VERSION:4.0", ""]))]
        for _ in range(draw(st.integers(0, 8))):
            prop = draw(st.sampled_from(VCARD_PROPS))
            lines.append(f"{prop}:{draw(st.text(max_size=40))}")
            if draw(st.booleans()):
                lines.append(" " + draw(st.text(max_size=20)))  # folded continuation
        if draw(st.booleans()):
            lines.append("END:VCARD")
        cards.append("\r\n".join(lines))
    return "\r\n".join(cards).encode("utf-8", "surrogatepass")


contact_bytes = st.one_of(csv_bytes(), vcard_bytes(), st.binary(max_size=2000))

word = st.builds(
    Word,
    st.text(min_size=1, max_size=30),
    st.integers(-10_000, 100_000),
    st.integers(-10_000, 100_000),
    st.integers(-10, 10_000),
    st.integers(-10, 10_000),
    st.floats(allow_nan=True, allow_infinity=True),
)
DUTCH_LINES = [
    "Naam: Jan de Vries",
    "Tel. 06-12345678",
    "IBAN NL91ABNA0417164300",
    "Postcode 1234 AB Zwolle",
    "KvK 12345678",
    "BTW NL123456789B01",
    "jan@example.nl",
    "BSN 111222333",
    "Geachte heer,",
]


@st.composite
def pages(draw) -> list[PageText]:
    result = []
    for _ in range(draw(st.integers(0, 3))):
        words = draw(st.lists(word, max_size=30))
        lines = draw(
            st.lists(st.one_of(st.text(max_size=60), st.sampled_from(DUTCH_LINES)), max_size=12)
        )
        text = "\n".join([*lines, " ".join(w.text for w in words)])
        result.append(
            PageText(
                text,
                words,
                draw(st.none() | st.floats()),
                draw(st.sampled_from([0, 90, 180, 270, 45])),
                draw(st.integers(0, 20_000)),
                draw(st.integers(0, 20_000)),
            )
        )
    return result


def as_function(target: Callable[[object], None]) -> Callable[[object], None]:
    """A callable object as the plain function hypothesis wants to decorate."""

    def run(value: object) -> None:
        target(value)

    return run


class SearchTarget:
    """ClientFile.search over a small client file; results must be hits, never errors."""

    def __init__(self, db: Path) -> None:
        self.cf = ClientFile.open(db)
        with self.cf.transaction():
            for name in ("Jan de Vries", "Ëlla Öztürk", 'Bakkerij "De Korenschoof" B.V.'):
                self.cf.create_client(name=name)

    def __call__(self, query: str) -> None:
        """Run one example (hypothesis needs a function: use `as_function`)."""
        for limit in (1, 20):
            hits = self.cf.search(query, limit=limit)
            assert isinstance(hits, list) and len(hits) <= limit

    def close(self) -> None:
        self.cf.close()


def normalize_target(text: str) -> None:

    from storage.phones import normalize

    e164 = normalize(text)
    if e164 is not None:
        assert e164.startswith("+") and e164[1:].isdigit(), e164
        assert normalize(e164) == e164, "E.164 must normalise to itself"


class ContactTarget:
    """import_contact_lists on generated CSV/vCard bytes: a named error at most."""

    def __init__(self, db: Path) -> None:
        self.cf = ClientFile.open(db)
        self.dir = Path(tempfile.mkdtemp(prefix="contacts-", dir=db.parent))

    def __call__(self, data: bytes) -> None:
        path = self.dir / "lijst.csv"
        path.write_bytes(data)
        # "cannot be read at all", said in words, is allowed
        with contextlib.suppress(KlantdossierError):
            import_contact_lists([path], self.cf)

    def close(self) -> None:
        self.cf.close()


def extract_target(page_list: list[PageText]) -> None:
    extract_client(page_list, folder_name="Vries, Jan de", own=OwnBusiness())
