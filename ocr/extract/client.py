"""extract_client: the fields of one client from the pages of a folder or a document.

Where a value stands decides how sure we are of it: after a label ("Tel.:") or in an
address block it is the client's; in running text only a pattern with a checksum or a
phone format counts, with less confidence; names are taken only from labels, address
blocks, signatures and the folder tab, never from running text. The user's own business
(letterhead, payment line, our address as addressee) is filtered out everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storage.models import PageText

from ..settings import OwnBusiness, SettingsError, load_own_business
from .address import Street, find_postcodes, parse_street, split_who_street
from .bank import find_bics, find_ibans
from .bsn import mask_bsn
from .company import clean_company, legal_form_of, looks_like_company
from .dates import find_dates
from .email import find_emails
from .hits import Hit
from .labels import split_label
from .model import AddressValue, ExtractedClient, FieldValue
from .names import PersonName, parse_folder_name, parse_person
from .own import OwnFilter
from .phones import find_phones
from .reconcile import mark_ambiguous, merge_email_variants, merge_phone_slips, respell_from_folder
from .registry import find_btw, find_kvk
from .words import Line, build_lines, segments

# Base confidence per place; multiplied by how sure OCR was of the words.
CONF_LABEL = 0.9
CONF_BLOCK = 0.85
CONF_PATTERN = 0.7
CONF_SIGNATURE = 0.6
CONF_FOLDER = 0.6
FOLDER_PAGE = -1  # page_index of hints taken from the folder name

_SIGN_OFF = re.compile(
    r"(vriendelijke\s+groet|met\s+groet|groeten|hoogachtend|kind\s+regards|best\s+regards)",
    re.IGNORECASE,
)
_CHECKED = frozenset({"iban", "btw", "phone", "email", "client_since", "kvk"})
# Labels whose digits are never a phone number, however they were read.
_NOT_PHONE = frozenset({"iban", "kvk", "btw", "bsn", "bic", "client_number", "client_since"})
_TAV = re.compile(r"^\s*(t\.?\s?a\.?\s?v\.?|ter attentie van)\s*:?\s*", re.IGNORECASE)
_SEPARATOR_SPLIT = re.compile(r"\s+[·•|—–-]\s+|\s*[·•|]\s*")


@dataclass(frozen=True, slots=True)
class _Seg:
    """A segment with the label it carries (or inherits from a label-only segment)."""

    line: Line
    kind: str | None
    value_start: int
    line_index: int

    @property
    def value(self) -> str:
        return self.line.text[self.value_start :]


class _PageReader:
    def __init__(self, page: PageText, index: int, out: ExtractedClient, own: OwnFilter) -> None:
        self.index = index
        self.out = out
        self.own = own
        self.lines = build_lines(page, index)
        self.segs: list[list[_Seg]] = [
            self._label_segments(i, ln) for i, ln in enumerate(self.lines)
        ]

    # -- helpers -------------------------------------------------------------------------------

    def _label_segments(self, line_index: int, line: Line) -> list[_Seg]:
        result: list[_Seg] = []
        pending: str | None = None
        for seg in segments(line):
            kind, start = split_label(seg.text)
            if kind and not seg.text[start:].strip(" .:-"):
                pending = kind  # label alone; the value is the next segment
                continue
            if kind is None and pending and _is_noise(seg.text):
                continue  # a speck read as "a" between a label and its value
            if kind is None and pending:
                kind, start = pending, 0
            pending = None
            result.append(_Seg(seg, kind, start, line_index))
        return result

    def add(self, field: str, value: str | None, seg: Line, hit_span: tuple[int, int] | None,
            base: float, source: str, raw: str = "") -> None:  # fmt: skip
        if not value:
            return
        if hit_span is None:
            box, ocr = seg.box(), seg.conf
        else:
            box, ocr = seg.box_of(*hit_span), seg.conf_of(*hit_span)
        # A value that passed a checksum or a strict format is right even when Tesseract
        # was unsure of its letters; OCR confidence only shades the place's confidence.
        weight = 0.15 if field in _CHECKED else 0.3
        conf = round(base * (1 - weight + weight * ocr), 3)
        self.out.add(FieldValue(field, value, conf, self.index, box, source, raw or value))

    def add_person(self, person: PersonName, seg: Line, base: float, source: str,
                   span: tuple[int, int] | None = None) -> None:  # fmt: skip
        if self.own.name(person.display):
            return
        raw = seg.text if span is None else seg.text[span[0] : span[1]]
        self.add("name", person.display, seg, span, base, source, raw)
        self.add("first_name", person.first_name, seg, span, base, source, raw)
        self.add("tussenvoegsel", person.tussenvoegsel, seg, span, base, source, raw)
        self.add("last_name", person.last_name, seg, span, base, source, raw)

    def add_company(self, text: str, seg: Line, base: float, source: str) -> None:
        value = clean_company(text)
        if not value or self.own.name(value):
            return
        self.add("company", value, seg, None, base, source, text)
        self.add("legal_form", legal_form_of(value), seg, None, base, source, text)

    def add_name_or_company(self, text: str, seg: Line, base: float, source: str) -> bool:
        text = _TAV.sub("", text).strip()
        if looks_like_company(text):
            self.add_company(text, seg, base, source)
            return True
        person = parse_person(text)
        if person:
            self.add_person(person, seg, base, source)
            return True
        return False

    # -- reading -------------------------------------------------------------------------------

    def read(self) -> None:
        for row in self.segs:
            for seg in row:
                self._read_segment(seg)
        self._read_signature()

    def _read_segment(self, s: _Seg) -> None:
        seg, kind, text = s.line, s.kind, s.line.text
        source = "label" if kind else "pattern"
        blocked: list[tuple[int, int]] = []

        for hit in find_ibans(text, labelled=kind == "iban"):
            blocked.append((hit.start, hit.end))
            if not self.own.iban(hit.value):
                base = (CONF_LABEL if kind == "iban" else 0.85) * (0.8 if hit.repaired else 1.0)
                self.add("iban", hit.value, seg, (hit.start, hit.end), base, source, hit.raw)
        for hit in find_btw(text):
            blocked.append((hit.start, hit.end))
            if not self.own.btw(hit.value):
                self.add("btw", hit.value, seg, (hit.start, hit.end), CONF_LABEL, source, hit.raw)
        kvk_hits = find_kvk(text)
        if kind == "kvk":
            kvk_hits += [_shift(h, s.value_start) for h in find_kvk(s.value, labelled=True)]
        for hit in kvk_hits:
            blocked.append((hit.start, hit.end))
            if not self.own.kvk(hit.value):
                self.add("kvk", hit.value, seg, (hit.start, hit.end), CONF_LABEL, "label", hit.raw)
        for hit in find_dates(text):
            blocked.append((hit.start, hit.end))
            if kind == "client_since":
                self.add("client_since", hit.value, seg, (hit.start, hit.end), CONF_LABEL,
                         "label", hit.raw)  # fmt: skip
        if kind == "bic":
            for hit in find_bics(s.value):
                hit = _shift(hit, s.value_start)
                self.add("bic", hit.value, seg, (hit.start, hit.end), CONF_LABEL, "label", hit.raw)

        fax = "fax" in text.casefold()
        if kind in _NOT_PHONE:
            blocked.append((s.value_start, len(text)))
        for hit in find_phones(text, blocked):
            if self.own.phone(hit.value):
                continue
            base = CONF_LABEL if kind == "phone" else CONF_PATTERN
            if fax:
                base = 0.4
            self.add("phone", hit.value, seg, (hit.start, hit.end), base, source, hit.raw)
        email_hits = find_emails(text)
        if kind == "email" and not email_hits:
            # "hendriks. r@home.nl": OCR put a space in the address after its label
            squeezed = re.sub(r"\s*([.,_@])\s*", r"\1", s.value).replace(",", ".")
            email_hits = [
                Hit(h.value, s.value_start, len(text), s.value) for h in find_emails(squeezed)
            ]
        for hit in email_hits:
            if self.own.email(hit.value):
                continue
            base = CONF_LABEL if kind == "email" else 0.85
            self.add("email", hit.value, seg, (hit.start, hit.end), base, source, hit.raw)

        if kind == "name":
            self.add_name_or_company(s.value, seg, CONF_LABEL, "label")
        elif kind == "company":
            self.add_company(s.value, seg, CONF_LABEL, "label")
        elif kind == "address":
            street = parse_street(s.value)
            if street and not self.own.address(None, street.street):
                self._add_street(street, seg, CONF_LABEL, "label")
        elif kind is None and _TAV.match(text):
            self.add_name_or_company(text, seg, CONF_BLOCK, "address-block")
        self._read_postcodes(s)

    def _add_street(self, street: Street, seg: Line, base: float, source: str) -> None:
        self.add("street", street.street, seg, None, base, source, seg.text)
        self.add("house_number", street.house_number, seg, None, base, source, seg.text)

    def _read_postcodes(self, s: _Seg) -> None:
        seg, text = s.line, s.line.text
        for pc in find_postcodes(text):
            if s.kind == "postcode_city":
                base, source = CONF_LABEL, "label"
            elif pc.city:
                base, source = CONF_BLOCK, "address-block"
            else:
                base, source = 0.35, "pattern"  # "1234 AB" alone could be anything
            street, who_lines = self._street_for(s, pc.start)
            if self.own.address(pc.postcode, street.street if street else None):
                continue  # our own address: as addressee, in our letterhead
            span = (pc.start, pc.end)
            self.add("postcode", pc.postcode, seg, span, base, source, text[pc.start : pc.end])
            if pc.city:
                self.add("city", pc.city, seg, span, base, source, pc.city)
            if street and s.kind != "postcode_city":  # a labelled street was read already
                self._add_street(street, seg, base, source)
            self.out.addresses.append(
                AddressValue(
                    street.street if street else None,
                    street.house_number if street else None,
                    pc.postcode,
                    pc.city,
                    base,
                    self.index,
                    source,
                )
            )
            for who in who_lines if street else []:
                if isinstance(who, Line):
                    self.add_name_or_company(who.text, who, CONF_BLOCK, "address-block")
                else:
                    self.add_name_or_company(who, seg, CONF_BLOCK * 0.95, "address-block")

    def _street_for(self, s: _Seg, postcode_start: int) -> tuple[Street | None, list]:
        """The street (and the name or company lines) that go with a postcode, found by
        where the postcode stands: labelled, in a footer line, or under an address block."""
        text = s.line.text
        if s.kind == "postcode_city":
            return self._labelled_street(), []
        if s.kind == "address":  # "Adres: Kerkstraat 1, 1234 AB Stad"
            return parse_street(text[s.value_start : postcode_start]), []
        if s.kind:
            return None, []
        prefix = text[:postcode_start].strip()
        if any(c.isalnum() for c in prefix):
            # "Bakkerij Smit - Kerkstraat 1 - 1234 AB Stad": a footer read as one segment
            parts = [p for p in _SEPARATOR_SPLIT.split(prefix) if p.strip()]
            if len(parts) > 1:
                return parse_street(parts[-1]), parts[-2:-1]
            who, street = split_who_street(parts[0])
            return street, [who] if who else []
        before = self._before(s)
        if before:
            # the same footer with its separators read: its items are segments of a line
            street = parse_street(before[-1].line.text)
            return street, [before[-2].line] if len(before) > 1 else []
        return self._street_and_block(s)

    def _before(self, s: _Seg) -> list[_Seg]:
        """Unlabelled segments left of s on its line."""
        row = self.segs[s.line_index]
        index = next(i for i, x in enumerate(row) if x is s)
        return [x for x in row[:index] if x.kind is None]

    def _labelled_street(self) -> Street | None:
        for row in self.segs:
            for s in row:
                if s.kind == "address":
                    return parse_street(s.value)
        return None

    def _street_and_block(self, s: _Seg) -> tuple[Street | None, list[Line]]:
        """Street line and name/company lines above a postcode line (a letter's address
        block): left-aligned lines close together, nearest first."""
        above = self._lines_above(s)
        if not above:
            return None, []
        street = parse_street(above[0].text)
        if street is None:
            return None, []
        names: list[Line] = []
        for line in above[1:4]:
            text = _TAV.sub("", line.text).strip()
            if looks_like_company(text) or parse_person(text):
                names.append(line)
            else:
                break
        return street, names

    def _lines_above(self, s: _Seg) -> list[Line]:
        current = s.line
        height = max(current.height, 1)
        result: list[Line] = []
        for j in range(s.line_index - 1, max(-1, s.line_index - 5), -1):
            row = self.segs[j]
            if not row:
                break
            if not current.has_boxes:
                candidate = row[0].line
            else:
                aligned = [x.line for x in row if abs(x.line.left - current.left) <= 1.5 * height]
                if not aligned:
                    break
                candidate = aligned[0]
                if current.top - candidate.top > 2.6 * height or row[0].kind not in (None, "name"):
                    break
            result.append(candidate)
            current = candidate
        return result

    def _read_signature(self) -> None:
        for i, line in enumerate(self.lines):
            if not _SIGN_OFF.search(line.text) or len(line.text) > 40:
                continue
            height = max(line.height, 1)
            taken = 0
            for below in self.lines[i + 1 : i + 4]:
                if line.has_boxes and below.top - line.top > 9 * height:
                    break
                text = below.text.strip()
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
            break


def _is_noise(text: str) -> bool:
    return len(text.strip()) <= 2 and not any(c.isdigit() for c in text)


def _shift(hit: Hit, offset: int) -> Hit:
    return Hit(hit.value, hit.start + offset, hit.end + offset, hit.raw, hit.repaired)


def _folder_hints(folder_name: str, out: ExtractedClient, own: OwnFilter) -> None:
    person, company = parse_folder_name(folder_name)
    if company and not own.name(company):
        for field, value in (("company", company), ("legal_form", legal_form_of(company))):
            if value:
                out.add(FieldValue(field, value, CONF_FOLDER, FOLDER_PAGE, None, "folder",
                                   folder_name))  # fmt: skip
    if person and not own.name(person.display):
        for field, value in (
            ("name", person.display),
            ("first_name", person.first_name),
            ("tussenvoegsel", person.tussenvoegsel),
            ("last_name", person.last_name),
        ):
            if value:
                out.add(FieldValue(field, value, CONF_FOLDER, FOLDER_PAGE, None, "folder",
                                   folder_name))  # fmt: skip


def _saved_own_business() -> OwnBusiness:
    try:
        return load_own_business()
    except SettingsError:
        return OwnBusiness()  # unreadable settings must not stop an import


def extract_client(
    pages: Sequence[PageText],
    *,
    folder_name: str | None = None,
    own: OwnBusiness | None = None,
) -> ExtractedClient:
    """Candidates for every client field found on the pages (plus the folder name hint).

    own None means the saved own-business settings (ocr.settings); pass OwnBusiness() for
    none at all. Never raises on odd input: blank pages, running text or garbage OCR give
    few or no candidates, never invented ones.
    """
    out = ExtractedClient(folder_name=folder_name)
    own_filter = OwnFilter(own if own is not None else _saved_own_business())
    for index, page in enumerate(pages):
        if mask_bsn(page)[1]:
            out.bsn_pages.append(index)
        _PageReader(page, index, out, own_filter).read()
    if folder_name:
        _folder_hints(folder_name, out, own_filter)
        respell_from_folder(out, folder_name)
    merge_email_variants(out)
    merge_phone_slips(out)
    mark_ambiguous(out)
    return out
