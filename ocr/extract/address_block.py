"""Where the street for a postcode stands: after its label, earlier on the same line
(a letterhead or footer "Kerkstraat 1 · 1234 AB Stad"), or on the line above it in a
letter's address block, with the name and company lines above that."""

from __future__ import annotations

import re

from .address import Street, parse_street, split_who_street
from .company import could_be_firm_name, looks_like_company
from .labelled import Seg
from .names import ATTENTION, parse_person

# a block's heading, one word and a colon ("Bezorgadres:", "Aan:")
_HEADING = re.compile(r"\w+\s?:")
# a speck before it read as a low quote or a dot ("„ta.v. de directie")
TAV = re.compile(rf"^[\s„“”\"'‘’.,_-]*({ATTENTION})\s*:?\s*", re.IGNORECASE)
# A department or role an address is for, without a name: "Afdeling crediteuren",
# "T.a.v. de directie" (after the T.a.v.), "Crediteurenadministratie", "Accounts payable"
DEPARTMENT = re.compile(
    r"^(?:de\s+)?(?:afdeling\b.*|directie|bedrijfsleiding|(?:financi[eë]le\s+)?administratie"
    r"|crediteuren\w*|debiteuren\w*|boekhouding|inkoop|secretariaat|receptie"
    r"|accounts\s+payable|finance(?:\s+department)?|purchasing)\s*[.:]?$",
    re.IGNORECASE,
)
SEPARATOR_SPLIT = re.compile(r"\s+[·•|—–-]\s+|\s*[·•|]\s*")


def street_for(rows: list[list[Seg]], s: Seg, postcode_start: int) -> tuple[Street | None, list]:
    """The street (and the name or company lines) that go with a postcode, found by
    where the postcode stands: labelled, in a footer line, or under an address block."""
    text = s.line.text
    if s.kind == "postcode_city":
        return _labelled_street(rows), []
    if s.kind == "address":  # "Adres: Kerkstraat 1, 1234 AB Stad"
        return parse_street(text[s.value_start : postcode_start]), []
    if s.kind:
        return None, []
    prefix = text[:postcode_start].strip()
    if any(c.isalnum() for c in prefix):
        # "Bakkerij Smit - Kerkstraat 1 - 1234 AB Stad": a footer read as one segment
        parts = [p for p in SEPARATOR_SPLIT.split(prefix) if p.strip()]
        if len(parts) > 1:
            return parse_street(parts[-1]), parts[-2:-1]
        who, street = split_who_street(parts[0])
        return street, [who] if who else []
    before = items_before(rows, s)
    if before:
        # the same footer with its separators read: its items are segments of a line
        street = parse_street(before[-1].line.text)
        return street, [before[-2]] if len(before) > 1 else []
    return _street_and_block(rows, s)


def items_before(rows: list[list[Seg]], s: Seg) -> list[Seg]:
    """Unlabelled segments left of s on its line, items of one line ("Kerkstraat 1 ·
    1234 AB Stad"), not another column far to the left (two address blocks side by
    side: "Factuuradres" and "Afleveradres")."""
    row = rows[s.line_index]
    index = next(i for i, x in enumerate(row) if x is s)
    items: list[Seg] = []
    right = s
    for x in reversed(row[:index]):
        if right.line.has_boxes and right.line.left - x.line.right > 5 * max(s.line.height, 1):
            break
        if x.kind is None:
            items.insert(0, x)
        right = x
    return items


def _labelled_street(rows: list[list[Seg]]) -> Street | None:
    for row in rows:
        for s in row:
            if s.kind == "address":
                return parse_street(s.value)
    return None


def _street_and_block(rows: list[list[Seg]], s: Seg) -> tuple[Street | None, list[Seg]]:
    """Street line and name/company lines above a postcode line (a letter's address
    block): left-aligned lines close together, nearest first."""
    above = _lines_above(rows, s)
    if not above:
        return None, []
    street = parse_street(above[0].line.text)
    if street is None:
        return None, []
    names: list[Seg] = []
    for seg in above[1:4]:
        text = TAV.sub("", seg.line.text).strip()
        if _HEADING.fullmatch(text):
            break  # the block's heading ("Bezorgadres:", "Aan:"), not a name in it
        # a firm's name, not its e-mail or web address above the next block; a department
        # ("T.a.v. de directie") is a line of the block too, with the firm's name above it
        firm = looks_like_company(text) and could_be_firm_name(text)
        if not (firm or parse_person(text) or DEPARTMENT.match(text)):
            break
        names.append(seg)
    return street, names


def _lines_above(rows: list[list[Seg]], s: Seg) -> list[Seg]:
    current = s.line
    height = max(current.height, 1)
    result: list[Seg] = []
    for j in range(s.line_index - 1, max(-1, s.line_index - 5), -1):
        row = rows[j]
        if not row:
            continue  # a line of specks only: the distance test below still holds
        if not current.has_boxes:
            candidate = row[0]
        else:
            # left-aligned, or right-aligned (a private writer's block at the top right)
            aligned = [
                x
                for x in row
                if abs(x.line.left - current.left) <= 1.5 * height
                or abs(x.line.right - current.right) <= 1.5 * height
            ]
            if not aligned:
                break
            candidate = aligned[0]
            # a speck joined to a word's box makes a line look taller than it is: the
            # gap between the two lines says they stand together too
            far = current.top - candidate.line.top > 2.6 * height
            if (far and current.top - candidate.line.bottom > height) or row[0].kind not in (
                None,
                "name",
            ):
                break
        result.append(candidate)
        current = candidate.line
    return result
