"""extract_client: the fields of one client from the pages of a folder or a document.

Where a value stands decides how sure we are of it: after a label ("Tel.:") or in an
address block it is the client's; in running text only a pattern with a checksum or a
phone format counts, with less confidence; names are taken only from labels, address
blocks, signatures and the folder tab, never from running text. The user's own business
(letterhead, payment line, our address as addressee) is filtered out everywhere.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from storage.models import PageText

from .address import Street, find_postcodes, known_city, parse_street
from .address_block import TAV, items_before, street_for
from .bank import completes_an_iban, find_bics, find_ibans
from .bsn import mask_bsn
from .company import clean_company, could_be_firm_name, legal_form_of, looks_like_company
from .dates import find_dates
from .email import find_emails
from .hits import Hit
from .labelled import Seg, labelled_rows
from .layout import (
    SIGN_OFF,
    PageLayout,
    address_blocks,
    analyse,
    blocks_of,
    same_column,
    split_at_return_line,
    split_flowed_addresses,
)
from .model import AddressValue, ExtractedClient, FieldValue
from .names import PersonName, parse_person
from .own import OwnBusiness
from .parties import RawAddress, RawFolder, RawPage, RawReading, folder_hints, resolve
from .phones import find_phones, phone_kind
from .registry import find_btw, find_kvk, find_vat
from .text import fold
from .words import Line, build_lines, upright_size

# Base confidence per place; multiplied by how sure OCR was of the words.
CONF_LABEL = 0.9
CONF_BLOCK = 0.85
CONF_PATTERN = 0.7
CONF_SIGNATURE = 0.6

_CHECKED = frozenset({"iban", "btw", "vat", "phone", "email", "client_since", "kvk"})
_WRITERS_ZONES = ("letterhead", "footer", "signature")
# a value alone in its segment: eight digits, specks of a table's rules around them
# ... or after what is left of its label ("en: 68880746" for "KvK-nr: 68880746")
_BARE_EIGHT = re.compile(
    r"[\s|:.‘’'\"“”\[\](]*(?:[A-Za-z]{1,3}[:;]\s*)?([0-9OIl|]{8})[\s|:.‘’'\"“”\[\])]*"
)
# what stands before a phone number's last digits: "+31 (0)6", "06 -", "0031 20", "Mobiel:"
_PHONE_START = re.compile(
    r"(?i)(?:(?:\+\s?|\b00\s?)31|\(0\)|\b0)[\d\s()-]{0,6}[-/]?\s*$|"
    r"(?:\btel\w*|\bmob\w*|\bgsm)\W*$"
)
# an account's holder after it: "t.n.v. Haan Bouwmaterialen B.V." (ten name van)
_IN_NAME_OF = re.compile(r"(?i)\s*t\.?\s?n[.-]?\s?[vy]\.?\s+(\S.{2,})")  # "t.n-y.": misread
# Labels whose digits are never a phone number, however they were read.
_NOT_PHONE = frozenset({"iban", "kvk", "btw", "bsn", "bic", "client_number", "client_since"})
# A money amount: a line that holds one is a price or a transaction (a price list, a bank
# statement), where a number that looks like a phone or an IBAN is an article number or a
# counterparty's account; there only labelled values count.
# Not digits glued to letters or going on after a dot: a dotted btw-id misread
# ("NLS433,90.317.B01")
_AMOUNT = re.compile(r"€|\bEUR\b|(?<![\w,.])\d{1,3}(?:\.\d{3})*,\d{2}(?![\d,]|\.\d)")
_VAT_WORD = re.compile(r"(?<![a-z])(btw|b\.t\.w|biw|vat|ust|tva|mwst|ondernemingsn)", re.IGNORECASE)


class _PageReader:
    """Reads one page into raw readings: every value with the segment it stood in; zone
    and party are given once the page's layout is known (after reading, since address
    blocks are found while reading)."""

    def __init__(self, page: PageText, index: int) -> None:
        self.index = index
        self.size = upright_size(page)
        self.lines = build_lines(page, index)
        self.segs = labelled_rows(self.lines)
        labels = {s.kind for row in self.segs for s in row}
        self.name_in_parts = bool(labels & {"first_name", "last_name"})
        self.found: list[tuple[FieldValue, int, int, tuple[int, int], bool]] = []
        self.found_addresses: list[tuple[AddressValue, int, int, tuple[int, int]]] = []
        self.address_keys: set[tuple[int, int]] = set()  # segments of window address blocks
        self.oneline_keys: set[tuple[int, int]] = set()  # of addresses on one line
        # per address block read (name, street, postcode): its segments (layout splits a
        # block of lines that flows from one address into the next)
        self.address_groups: list[set[tuple[int, int]]] = []
        self.key = (0, 0)
        self._units = 0
        self.unit = 0
        self.group = 0
        self.signature = False

    # -- helpers -------------------------------------------------------------------------------

    def new_unit(self, group: bool = True) -> int:
        """Readings made together (a name's parts, street and number) share a unit; an
        address and the name lines above it share a group: ours or not, together."""
        self._units += 1
        self.unit = self._units
        if group:
            self.group = self._units
        return self.unit

    def add(self, field: str, value: str | None, seg: Line, hit_span: tuple[int, int] | None,
            base: float, source: str, raw: str = "") -> None:  # fmt: skip
        if not value:
            return
        if hit_span is None:
            box, ocr, least = seg.box(), seg.conf, seg.conf
        else:
            box = seg.box_of(*hit_span)
            ocr, least = seg.confs_of(*hit_span)
        # A value that passed a checksum or a strict format is right even when Tesseract
        # was unsure of its letters; OCR confidence only shades the place's confidence.
        weight = 0.15 if field in _CHECKED else 0.3
        conf = round(base * (1 - weight + weight * ocr), 3)
        fv = FieldValue(field, value, conf, self.index, box, source, raw or value,
                        least_sure=round(least, 3))  # fmt: skip
        self.found.append((fv, self.unit, self.group, self.key, self.signature))

    def add_one(self, field: str, value: str | None, seg: Line, hit: Hit, base: float,
                source: str) -> None:  # fmt: skip
        self.new_unit()
        self.add(field, value, seg, (hit.start, hit.end), base, source, hit.raw)

    def add_person(self, person: PersonName, seg: Line, base: float, source: str,
                   span: tuple[int, int] | None = None, group: bool = True) -> None:  # fmt: skip
        self.new_unit(group)
        raw = seg.text if span is None else seg.text[span[0] : span[1]]
        self.add("name", person.display, seg, span, base, source, raw)
        self.add("first_name", person.first_name, seg, span, base, source, raw)
        self.add("tussenvoegsel", person.tussenvoegsel, seg, span, base, source, raw)
        self.add("last_name", person.last_name, seg, span, base, source, raw)

    def add_company(self, text: str, seg: Line, base: float, source: str,
                    group: bool = True) -> None:  # fmt: skip
        value = clean_company(text)
        if not value:
            return
        self.new_unit(group)
        self.add("company", value, seg, None, base, source, text)
        self.add("legal_form", legal_form_of(value), seg, None, base, source, text)

    def add_name_or_company(self, text: str, seg: Line, base: float, source: str,
                            group: bool = True) -> bool:  # fmt: skip
        # OCR specks before and after a name ("- Joost de Groot", "“Hanneke in ‘t Veld")
        text = TAV.sub("", text).strip(' .,;:_-|~="“”„')
        if looks_like_company(text):
            self.add_company(text, seg, base, source, group)
            return True
        person = parse_person(text)
        if person:
            self.add_person(person, seg, base, source, group=group)
            return True
        return False

    # -- reading -------------------------------------------------------------------------------

    def read(self) -> RawPage:
        for row in self.segs:
            for seg in row:
                self.key = (seg.line_index, seg.seg_index)
                self._read_segment(seg)
        self._read_signature()
        return self._placed()

    def _placed(self) -> RawPage:
        """The readings with their zone and party, now that the layout is known."""
        lines = [[s.line for s in row] for row in self.segs]
        labelled = {(s.line_index, s.seg_index): s.kind for r in self.segs for s in r}
        block_of = split_flowed_addresses(blocks_of(lines), self.address_groups)
        block_of = split_at_return_line(block_of, lines, self.address_groups)
        address = address_blocks(block_of, self.address_keys)
        layout = analyse(lines, labelled, address, self.size, block_of, self.oneline_keys)
        self._read_letterhead_companies(layout)
        self._read_bare_kvk(layout)
        readings = []
        firms = {
            fold(fv.value): layout.place(*key).party
            for fv, *_rest, key, _signed in self.found
            if fv.field == "company" and layout.place(*key).party
        }
        senders = self._senders_columns(layout)
        for fv, unit, group, key, signed in self.found:
            place = layout.place(*key)
            zone, party = ("signature", "sender") if signed else (place.zone, place.party)
            if fv.field == "iban" and party is None:
                party = self._holder(fv, key, firms)
            if party is None and key in senders:
                party = "sender"
            fv = dataclasses.replace(fv, zone=zone, party=party)
            readings.append(RawReading(fv, unit, group))
        addresses = []
        for av, unit, group, key in self.found_addresses:
            place = layout.place(*key)
            av = dataclasses.replace(av, zone=place.zone, party=place.party)
            addresses.append(RawAddress(av, unit, group))
        return RawPage(self.index, readings, addresses, layout.is_card,
                       layout.customer_wording, layout.business_addressee)  # fmt: skip

    def _senders_columns(self, layout: PageLayout) -> set[tuple[int, int]]:
        """The labelled values of a column of details that repeats a value of the page's
        writer (its letterhead's mobile number): a supplier's column beside the client's
        delivery address on its invoice is the supplier's, also where its letterhead's
        copy of a value was misread ("TO0512-989912") and only the column's was read."""
        theirs = {
            (fv.field, fv.value)
            for fv, *_rest, key, signed in self.found
            if signed or layout.place(*key).party == "sender"
        }
        lefts = {(s.line_index, s.seg_index): s.line.left for row in self.segs for s in row}
        free = [
            (fv, key, lefts[key])
            for fv, *_rest, key, signed in self.found
            if not signed and (layout.place(*key).zone, layout.place(*key).party) == ("label", None)
        ]
        near = 0.01 * self.size[0]
        columns: set[tuple[int, int]] = set()
        for fv, _key, left in free:
            if (fv.field, fv.value) in theirs:
                columns |= {k for _fv, k, x in free if abs(x - left) <= near}
        return columns

    def _holder(self, fv: FieldValue, key: tuple[int, int], firms: dict[str, str]) -> str | None:
        """The party whose firm an account in running text is in the name of ("… 2312
        38t.n.v. Haan Bouwmaterialen B.V.": the supplier's letterhead names it), if any."""
        text = self.lines[key[0]].text
        after = text[text.find(fv.raw) + len(fv.raw) :] if fv.raw in text else ""
        named = _IN_NAME_OF.match(after)
        if not named:
            return None
        holder = fold(named.group(1))
        return next(
            (p for firm, p in firms.items() if fuzz.token_set_ratio(holder, firm) >= 90), None
        )

    def _read_letterhead_companies(self, layout: PageLayout) -> None:
        """A letterhead's or footer's name line ("webwinkel b.v.", "Garage Dekker B.V. |
        KvK ..."): with its legal form anywhere; without one only as the first line of
        its block (a slogan "Installatie · Onderhoud" is no name)."""
        done = {key for fv, *_rest, key, _signed in self.found if fv.field == "company"}
        firsts: set[int] = set()
        for row in self.segs:
            for s in row:
                key = (s.line_index, s.seg_index)
                place = layout.place(*key)
                first = place.block not in firsts
                firsts.add(place.block)
                if s.kind or key in done or place.zone not in ("letterhead", "footer"):
                    continue
                text = s.line.text.strip(" ·|-")
                if not could_be_firm_name(text):
                    continue
                if legal_form_of(text) or (first and looks_like_company(text)):
                    self.key = key
                    self.add_company(text, s.line, CONF_BLOCK * 0.9, "pattern")

    def _read_bare_kvk(self, layout: PageLayout) -> None:
        """A client card whose label column OCR lost ("NL77 ABNA ..." over "72457571" over
        "NL194140878B01", no "KvK:" beside it): its one bare eight-digit value is the KvK
        number, less sure than a labelled one. Not with two such values, not in a
        letterhead or footer, not when the page has a KvK number read already."""
        if not layout.is_card or any(fv.field == "kvk" for fv, *_rest in self.found):
            return
        bare = [
            (s, match)
            for row in self.segs
            for s in row
            if s.kind is None
            and layout.place(s.line_index, s.seg_index).zone not in _WRITERS_ZONES
            and (match := _BARE_EIGHT.fullmatch(s.line.text))
        ]
        if len(bare) != 1:
            return
        ((s, match),) = bare
        for hit in find_kvk(match.group(1), labelled=True):
            if self._a_phones_end(s.line, hit.value):
                continue
            self.key = (s.line_index, s.seg_index)
            self.add_one("kvk", hit.value, s.line, _shift(hit, match.start(1)), CONF_PATTERN,
                         "pattern")  # fmt: skip

    def _a_phones_end(self, line: Line, digits: str) -> bool:
        """Eight digits may be a phone number's last ones, parted from its start by a gap
        ("+31 (0)6" | "25426344"): to the right of such a start on their row, or the end of
        a phone number read on the page."""
        if any(fv.field == "phone" and fv.value.endswith(digits) for fv, *_rest in self.found):
            return True
        left = sorted(
            (w for o in self.lines if o.top < line.bottom and line.top < o.bottom
             for w in o.words if w.left + w.width <= line.left),
            key=lambda w: w.left,
        )  # fmt: skip
        return bool(_PHONE_START.search(" ".join(w.text for w in left)))

    def _read_segment(self, s: Seg) -> None:
        seg, kind, text = s.line, s.kind, s.line.text
        source = "label" if kind else "pattern"
        blocked: list[tuple[int, int]] = []

        priced = bool(_AMOUNT.search(self.lines[s.line_index].text))
        for hit in find_ibans(text, labelled=kind == "iban"):
            blocked.append((hit.start, hit.end))
            if priced and kind != "iban":
                continue
            base = (CONF_LABEL if kind == "iban" else 0.85) * (0.8 if hit.repaired else 1.0)
            self.add_one("iban", hit.value, seg, hit, base, source)
        for hit in find_btw(text):
            blocked.append((hit.start, hit.end))
            self.add_one("btw", hit.value, seg, hit, CONF_LABEL, source)
        if kind == "btw" or _VAT_WORD.search(text):
            for hit in find_vat(text):
                if not any(hit.overlaps(a, b) for a, b in blocked):
                    blocked.append((hit.start, hit.end))
                    self.add_one("vat", hit.value, seg, hit, CONF_LABEL, "label")
        kvk_hits = find_kvk(text)
        if kind == "kvk":
            kvk_hits += [_shift(h, s.value_start) for h in find_kvk(s.value, labelled=True)]
        spans: set[tuple[int, int]] = set()
        for hit in kvk_hits:
            if (hit.start, hit.end) in spans:
                continue  # "KvK 12345678" is found by its label and as the labelled value
            if any(hit.overlaps(a, b) for a, b in blocked):
                continue  # an IBAN's digits under a KvK label whose own number OCR lost
            spans.add((hit.start, hit.end))
            blocked.append((hit.start, hit.end))
            self.add_one("kvk", hit.value, seg, hit, CONF_LABEL, "label")
        for hit in find_dates(text):
            blocked.append((hit.start, hit.end))
            if kind == "client_since":
                self.add_one("client_since", hit.value, seg, hit, CONF_LABEL, "label")
        if kind == "bic":
            for hit in find_bics(s.value):
                self.add_one("bic", hit.value, seg, _shift(hit, s.value_start), CONF_LABEL, "label")

        fax = "fax" in text.casefold()
        if kind in _NOT_PHONE:
            blocked.append((s.value_start, len(text)))
        if kind is None and completes_an_iban(
            text, [row.text for row in self.lines[max(0, s.line_index - 2) : s.line_index + 3]]
        ):
            blocked.append((0, len(text)))
        for hit in find_phones(text, blocked, labelled=kind in ("phone", "mobile")):
            if priced and kind not in ("phone", "mobile"):
                continue
            if kind == "mobile" and phone_kind(hit.value) == "other":
                continue  # "Mobiel: 0841049400": an 06 number misread
            base = CONF_LABEL if kind in ("phone", "mobile") else CONF_PATTERN
            if fax:
                base = 0.4
            self.add_one("phone", hit.value, seg, hit, base, source)
        email_hits = find_emails(text)
        if kind == "email" and not email_hits:
            # "hendriks. r@home.nl": OCR put a space in the address after its label
            squeezed = re.sub(r"\s*([.,_@])\s*", r"\1", s.value).replace(",", ".")
            email_hits = [
                Hit(h.value, s.value_start, len(text), s.value) for h in find_emails(squeezed)
            ]
        for hit in email_hits:
            base = CONF_LABEL if kind == "email" else 0.85
            self.add_one("email", hit.value, seg, hit, base, source)

        if kind == "name" and self.name_in_parts and _one_name(s.value):
            # "Voornaam: Sanne" above "Naam: Veld": the name printed in parts
            self.add("last_name", _one_name(s.value), seg, None, CONF_LABEL, "label")
        elif kind == "name":
            self.add_name_or_company(s.value, seg, CONF_LABEL, "label")
        elif kind in ("first_name", "tussenvoegsel", "last_name"):
            part = _one_name(s.value, several=True)
            if part and (kind != "tussenvoegsel" or part.islower()):
                self.add(kind, part, seg, None, CONF_LABEL, "label")
        elif kind == "company":
            self.add_company(s.value, seg, CONF_LABEL, "label")
        elif kind == "address":
            street = parse_street(s.value)
            if street:
                self.new_unit()
                self._add_street(street, seg, CONF_LABEL, "label")
        elif kind is None and TAV.match(text):
            self.address_keys.add(self.key)
            self.add_name_or_company(text, seg, CONF_BLOCK, "address-block")
        elif kind == "postcode_city" and not find_postcodes(s.value):
            # "Woonplaats: Tilburg" under "Postcode: 5041 XV": the place on its own line
            printed = s.value.strip(" .,:;*„“”'\"")
            city, known, length = known_city(printed)
            if known and length == len(printed):
                self.add("city", city, seg, None, CONF_LABEL, "label")
        self._read_postcodes(s)

    def _add_street(self, street: Street, seg: Line, base: float, source: str) -> None:
        self.add("street", street.street, seg, None, base, source, seg.text)
        self.add("house_number", street.house_number, seg, None, base, source, seg.text)

    def _read_postcodes(self, s: Seg) -> None:
        seg, text = s.line, s.line.text
        for pc in find_postcodes(text):
            street, who_lines = street_for(self.segs, s, pc.start)
            labelled = s.kind in ("postcode_city", "address")
            if not (labelled or street or pc.known):
                continue  # "1200 De Anza Blvd", a product code: not inside an address
            if labelled:
                base, source = CONF_LABEL, "label"
            else:
                base, source = (CONF_BLOCK if pc.city else 0.7), "address-block"
            # "Kerkstraat 1 · 1234 AB Stad" on one line is a letterhead's, a footer's or a
            # return address above the window; a window block puts the postcode on its own
            oneline = any(c.isalnum() for c in text[: pc.start]) or bool(items_before(self.segs, s))
            keys = self.oneline_keys if oneline else self.address_keys
            if s.kind is None:
                keys.add(self.key)
            self.new_unit()
            span = (pc.start, pc.end)
            self.add("postcode", pc.postcode, seg, span, base, source, text[pc.start : pc.end])
            if pc.city:
                # a place missing from the list (a hamlet) is kept, a little less sure
                city_base = base if pc.known else base * 0.9
                self.add("city", pc.city, seg, span, city_base, source,
                         text[pc.start + len(pc.postcode) + 1 : pc.end].strip())  # fmt: skip
            if street and s.kind != "postcode_city":  # a labelled street was read already
                self._add_street(street, seg, base, source)
            address = AddressValue(
                street.street if street else None,
                street.house_number if street else None,
                pc.postcode,
                pc.city,
                base,
                self.index,
                source,
                box=seg.box_of(*span),
            )
            self.found_addresses.append((address, self.unit, self.group, self.key))
            group = {self.key}
            for who in who_lines if street else []:
                if isinstance(who, Seg):
                    key, self.key = self.key, (who.line_index, who.seg_index)
                    keys.add(self.key)
                    group.add(self.key)
                    self.add_name_or_company(who.line.text, who.line, CONF_BLOCK,
                                             "address-block", group=False)  # fmt: skip
                    self.key = key
                else:
                    self.add_name_or_company(who, seg, CONF_BLOCK * 0.95, "address-block",
                                             group=False)  # fmt: skip
            if street and not oneline and len(group) > 1:
                self.address_groups.append(group)

    def _read_signature(self) -> None:
        # by segment: a column beside the letter (the writer's details) may share the
        # sign-off's line and the lines under it ("Met vriendelijke groet,   NL23 ASNB …")
        rows = [[s.line for s in row] for row in self.segs]
        for i, line in ((i, seg) for i, row in enumerate(rows) for seg in row):
            if not SIGN_OFF.search(line.text) or len(line.text) > 40:
                continue
            height = max(line.height, 1)
            taken = 0
            column = [
                s
                for row in rows[i + 1 :]
                for s in row
                if not (line.has_boxes and s.has_boxes) or same_column(line, s)
            ]
            for below in column[:3]:
                if line.has_boxes and below.top - line.top > 9 * height:
                    break
                text = below.text.strip()
                self.signature = True
                if taken == 0:
                    person = parse_person(text)
                    if person:
                        self.add_person(person, below, CONF_SIGNATURE, "signature")
                        taken += 1
                        continue
                if looks_like_company(text):
                    self.add_company(text, below, CONF_SIGNATURE, "signature")
                    break
                if taken:
                    break
            self.signature = False
            break


def _one_name(text: str, several: bool = False) -> str | None:
    """A name part as printed after its label, without OCR specks around it ("Sanne ;",
    "in't"); None when it holds digits or is no name part at all."""
    words = [w.strip(" .,;:_-'\"“”‘’|~") for w in text.split()]
    words = [w for w in words if len(w) > 1 or (w.isalpha() and w.isupper())]
    if not words or (len(words) > 1 and not several) or len(words) > 4:
        return None
    joined = " ".join(words)
    if any(c.isdigit() for c in joined) or not any(c.isalpha() for c in joined):
        return None
    return joined


def _shift(hit: Hit, offset: int) -> Hit:
    return Hit(hit.value, hit.start + offset, hit.end + offset, hit.raw, hit.repaired)


def read_folder(pages: Sequence[PageText], folder_name: str | None = None) -> RawFolder:
    """Everything read on the pages (and the folder tab), before the own business is
    taken out and the parties are decided: what ExtractedClient.without() starts from."""
    bsn_pages = [index for index, page in enumerate(pages) if mask_bsn(page)[1]]
    read = [_PageReader(page, index).read() for index, page in enumerate(pages)]
    hints = folder_hints(folder_name) if folder_name else []
    return RawFolder(read, hints, folder_name, bsn_pages)


def extract_client(
    pages: Sequence[PageText],
    *,
    folder_name: str | None = None,
    own: OwnBusiness | None = None,
) -> ExtractedClient:
    """Candidates for every client field found on the pages (plus the folder name hint).

    own: the user's own business, whose details are never taken for the client's (the
    import decides it: importing.own_business). Never raises on odd input: blank pages,
    running text or garbage OCR give few or no candidates, never invented ones. The
    result's without(other) takes out more own values later, as if they had been passed
    here (see ExtractedClient.without).
    """
    return resolve(read_folder(pages, folder_name), (own or OwnBusiness(),))
