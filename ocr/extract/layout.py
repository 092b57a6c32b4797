"""Where a value stood on the page (zone) and whose it is there (party).

Dutch letters and invoices follow a few conventions (NEN 1026 and what every word
processor template does): the sender's letterhead across the top, the addressee in the
window block below it at the left (or right), "T.a.v." for the person, the body, "Met
vriendelijke groet" and the signer, and the sender's registry numbers in a footer line.
A private letter puts the writer's own address at the top instead of a letterhead. A
client card is a page of "Label: value" rows. Blocks of lines that stand together are
classified by position first, wording second:

- zone: "letterhead", "footer", "address-block", "signature", "label", "text", "folder";
- party: "sender" (letterhead, footer, signature), "recipient" (the window block, T.a.v.,
  "Factuuradres:"), "card" (labelled rows in the body: the client's own data), or None
  (running text without a clear owner).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..groups import Groups
from .words import Line

ZONES = ("letterhead", "footer", "address-block", "signature", "label", "text", "folder")
PARTIES = ("sender", "recipient", "subject", "card")

TOP_BAND = 0.12  # a block starting above this fraction of the page height is the letterhead
UPPER_RIGHT = 0.25  # a right-hand column starting above this is part of the letterhead
FOOTER_BAND = 0.80  # a block starting below this is the footer
WINDOW_BAND = 0.50  # the addressee block stands in the upper half
ADDRESS_LINES = 12  # lines from its block's top an addressee's address stands within at most

_RECIPIENT_LABEL = re.compile(
    r"^\s*(?:(factuuradres|bill\s*to|invoice\s*to|rechnungsadresse)\b|"
    r"(aan|klant|debiteur|opdrachtgever|geadresseerde)\s*:)",
    re.IGNORECASE,
)  # "Klant:" names the recipient; "Klant sinds:" does not
# The address a page is about beside its addressee: where the writer delivers or works
# ("Werkadres:", "Afleveradres:"): on a supplier's invoice to us, the client's house.
_SUBJECT_LABEL = re.compile(
    r"^\s*(?:(afleveradres|leveradres|bezorgadres|werkadres|projectadres|objectadres|"
    r"installatieadres|uitvoeringsadres|werklocatie|delivery\s*address|ship\s*to|"
    r"lieferadresse|lieferanschrift)\b|(project|locatie|object)\s*:)",
    re.IGNORECASE,
)
_SENDER_LABEL = re.compile(r"^\s*(van|afzender|from|absender)\s*:", re.IGNORECASE)
# a card about one customer, by any of the names bookkeeping gives a customer
_CARD_TITLE = re.compile(
    r"\b((klant|klanten|relatie|debiteur|debiteuren|cli[eë]nt|cli[eë]nten)"
    r"(kaart|fiche|formulier)|klantgegevens|intakeformulier|gegevens\s+klant|persoonsgegevens|"
    r"aanmeldformulier|inschrijfformulier)\b",
    re.IGNORECASE,
)
# "Bel ons op ...", "over te maken op rekening ...": the writer's own numbers.
_OURS_IN_TEXT = re.compile(
    r"\b(ons|onze|our|us|uns|unsere)\b.{0,40}\b(op|via|bereik\w*|bell\w*|tel\w*|mail\w*)\b|"
    r"\b(bel|bellen|mail|mailen|bereiken|contact)\b.{0,25}\b(ons|onze)\b|"
    r"\bover\s*te\s*maken\b|\bovermaken\b|\bt\.?\s?n\.?\s?v\.?\b|\bten\s+name\s+van\b|"
    r"\bstorten\b|\bbetalen\s+op\b|\bpay\w*\s+to\b",
    re.IGNORECASE,
)
# A page to a client of the writer: it names the recipient's customer number.
CUSTOMER_WORDING = re.compile(
    r"\b(uw\s+klantnummer|klantnummer|klantnr|debiteur\w*|uw\s+referentie|"
    r"factuuradres|customer\s+(?:no|number)|kundennummer)\b",
    re.IGNORECASE,
)
# An addressee that is a department of a business: the writer is its client.
BUSINESS_ADDRESSEE = re.compile(
    r"\b(t\.?\s?a\.?\s?v\.?\s+(de\s+)?(administratie|afdeling|directie|crediteuren|inkoop|"
    r"verkoop|klantenservice|planning|boekhouding)|administratie|crediteurenadministratie|"
    r"klantenservice)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Place:
    """Zone and party of one segment, and the block it belongs to (unique on its page)."""

    zone: str
    party: str | None
    block: int


@dataclass(frozen=True, slots=True)
class PageLayout:
    """Per segment (line index, segment index) its Place; page-wide wording cues."""

    places: dict[tuple[int, int], Place]
    portrait: bool
    is_card: bool
    customer_wording: bool  # "Uw klantnummer": the page is addressed to a client
    business_addressee: bool  # "t.a.v. de administratie": addressed to a business

    def place(self, line_index: int, seg_index: int) -> Place:
        return self.places.get((line_index, seg_index), Place("text", None, -1))


def blocks_of(segs: list[list[Line]]) -> dict[tuple[int, int], int]:
    """Segments that stand together (one below the other, overlapping or left-aligned,
    no blank line between) joined into blocks; block number per (line, segment)."""
    keys = [(i, j) for i, row in enumerate(segs) for j in range(len(row))]
    index = {k: n for n, k in enumerate(keys)}
    groups = Groups(len(keys))
    for i, row in enumerate(segs):
        for j, seg in enumerate(row):
            if not seg.has_boxes:
                continue
            height = max(seg.height, 1)
            for k in range(i + 1, min(i + 4, len(segs))):
                joined = False
                for m, below in enumerate(segs[k]):
                    # the next line of a block: its top at most 2.6 letter heights below
                    # (the address block's own rule, ocr.extract.address_block._lines_above)
                    # (OCR boxes make one line's height noisy: the smaller of the two)
                    pitch = below.top - seg.top
                    low = min(height, max(below.height, 1))
                    if pitch > 2.6 * low or pitch < 0.5 * low:
                        continue
                    if same_column(seg, below):
                        groups.join(index[(i, j)], index[(k, m)])
                        joined = True
                if joined:
                    break
    return {k: groups.find(index[k]) for k in keys}


def same_column(upper: Line, lower: Line) -> bool:
    """Does lower stand in upper's column: overlapping it, or left-aligned with it?"""
    overlap = min(upper.right, lower.right) - max(upper.left, lower.left)
    return overlap > 0 or abs(lower.left - upper.left) <= 1.5 * max(upper.height, 1)


def split_flowed_addresses(
    block_of: dict[tuple[int, int], int], groups: list[set[tuple[int, int]]]
) -> dict[tuple[int, int], int]:
    """Blocks with each address block (name, street, postcode) after the first one in the
    same block made a block of its own, from its first line to its postcode: lines that
    flow from one address into the next with no gap (a text layer that lost its layout:
    the writer's letterhead, then the addressee) hold two parties, not one."""
    within: dict[int, list[set[tuple[int, int]]]] = {}
    for group in groups:
        # a group's lines in each block it touches: a letterhead whose name stands apart
        # (a larger type) has only its street and postcode in the block the addressee's
        # lines flowed on into
        for block in {block_of[k] for k in group if k in block_of}:
            within.setdefault(block, []).append({k for k in group if block_of.get(k) == block})
    result = dict(block_of)
    new = max(block_of.values(), default=-1) + 1
    for block, found in within.items():
        found.sort(key=lambda g: min(k[0] for k in g))
        for group in found[1:]:
            first, last = min(k[0] for k in group), max(k[0] for k in group)
            for key, old in block_of.items():
                if old == block and first <= key[0] <= last:
                    result[key] = new
            new += 1
    return result


SIGN_OFF = re.compile(
    r"(vriendelijke\s+groet|met\s+groet|groeten|hoogachtend|kind\s+regards|best\s+regards)",
    re.IGNORECASE,
)
# The writer's return address printed small over the window ("Retouradres: Postbus 251")
_RETURN_LINE = re.compile(r"^\W*retour", re.IGNORECASE)
# the writer's postal box alone over the window ("Postbus 599"): a return line too, but
# a letterhead's own postal address reads the same, so only right over an addressee's name
_POSTAL_LINE = re.compile(r"^\W*(postbus|antwoordnummer)\s*\d", re.IGNORECASE)
_POSTCODE_IN = re.compile(r"\b[1-9][0-9]{3}\s?[A-Z]{2}\b")


def address_blocks(
    block_of: dict[tuple[int, int], int], address_keys: set[tuple[int, int]]
) -> set[int]:
    """The blocks that hold a window address (address_keys: its segments), at their top:
    a block whose address stands many lines down is no addressee's (a text layer that
    lost its layout, the body flowing on into the writer's footer address)."""
    first: dict[int, int] = {}
    for (i, _j), block in block_of.items():
        first[block] = min(first.get(block, i), i)
    return {
        block_of[k]
        for k in address_keys
        if k in block_of and k[0] - first[block_of[k]] <= ADDRESS_LINES
    }


def split_at_return_line(
    block_of: dict[tuple[int, int], int],
    segs: list[list[Line]],
    groups: list[set[tuple[int, int]]],
) -> dict[tuple[int, int], int]:
    """Blocks with the address right under a return-address line (one of groups, the
    address groups the reader found) made a block of its own: the line stands over the
    addressee's window, so the address under it in the same block (the writer's block
    ran on into it, no gap) is the addressee, not the writer."""
    result = dict(block_of)
    new = max(block_of.values(), default=-1) + 1
    for (i, j), block in block_of.items():
        postal = bool(_POSTAL_LINE.match(segs[i][j].text))
        if not postal and not _RETURN_LINE.match(segs[i][j].text):
            continue
        same = sorted(k for k, b in result.items() if b == block)
        below = [k for k in same if k[0] > i]
        # only a block that runs on into the window: not one the window was split off
        if same[0][0] >= i or not below or below[0][0] != i + 1:
            continue
        # to the end of the address that starts under it, or where the reader found none
        # (a speck's line between name and street, a house number misread), to the first
        # postcode under it; under a postal box, only after a name (a letterhead's postal
        # address has its postcode right under the box)
        ends = [max(k[0] for k in g) for g in groups if min(k[0] for k in g) == i + 1]
        ends += [
            k[0]
            for k in below[:5]
            if _POSTCODE_IN.search(segs[k[0]][k[1]].text) and not (postal and k[0] == i + 1)
        ]
        if not ends:
            continue
        last = ends[0]
        for key in below:
            if key[0] <= last:
                result[key] = new
        new += 1
    return result


# Labels of a form about a person or firm (not "Tel.", "KvK": letterheads carry those).
FORM_LABELS = frozenset({"name", "company", "address", "postcode_city", "client_since"})


def analyse(
    segs: list[list[Line]],
    labels: dict[tuple[int, int], str | None],
    address_blocks: set[int],
    size: tuple[int, int],
    block_of: dict[tuple[int, int], int],
    oneline: frozenset[tuple[int, int]] | set[tuple[int, int]] = frozenset(),
) -> PageLayout:
    """Zones and parties of every segment. labels gives the label kind each segment
    carries, block_of its block (blocks_of), address_blocks the blocks that hold a street
    and postcode (found by the reader)."""
    width, height = size
    portrait = height >= 1.2 * width > 0
    members: dict[int, list[tuple[int, int]]] = {}
    for key, block in block_of.items():
        members.setdefault(block, []).append(key)
    text = "\n".join(seg.text for row in segs for seg in row)
    titles = [seg for row in segs for seg in row if _CARD_TITLE.search(seg.text)]
    form = sum(kind in FORM_LABELS for kind in labels.values())
    is_card = bool(titles) or (form >= 3 and not address_blocks)
    # a card form may carry a letterhead above its title: only what is below is the card
    title_top = min((t.top for t in titles if t.has_boxes), default=None)
    places: dict[tuple[int, int], Place] = {}
    upper = _upper_address_block(members, segs, address_blocks, height)
    column = _columns(segs)
    for block, keys in members.items():
        lines = [segs[i][j] for i, j in keys]
        zone = _zone(lines, block, portrait, width, height, address_blocks)
        if block == upper:
            zone = "letterhead"  # the writer's own address above the addressee's
        if zone == "address-block" and _signed(keys, segs):
            zone = "signature"  # the writer's name and address under "Met vriendelijke groet,"
        if any(labels.get(k) in FORM_LABELS for k in keys) and zone != "address-block":
            zone = None  # "Naam:", "Adres:": a form's rows, wherever they stand
        if is_card and zone != "footer" and _card_rows(lines, keys, labels, title_top):
            zone = None
        if zone is None and not is_card and block not in address_blocks:
            beside = sorted({k for key in keys for k in column.get(key, [key])})
            kinds = [labels.get(k) for k in beside]
            if _side_column([segs[i][j] for i, j in beside], kinds, portrait, width):
                zone = "letterhead"
        for key in keys:
            seg = segs[key[0]][key[1]]
            z, party = zone, None
            if z is None:
                z = "label" if labels.get(key) else "text"
            party = _party(z, seg.text, lines, is_card)
            customers = labels.get(key) in _REGISTRY_LABELS and _ABOUT_THE_CUSTOMER.search(seg.text)
            if party is None and customers:
                party = "recipient"  # "Uw btw-nummer: ...": the addressee's
            if key in oneline and z in ("address-block", "text") and not is_card:
                # "Garage Dekker · Dorpsstraat 1 · 1611 AB Bovenkarspel" in small print
                # over the window, or alone in the body: the writer's return address
                z, party = "letterhead", "sender"
            places[key] = Place(z, party, block)
    addressee = "\n".join(
        segs[i][j].text for (i, j), place in places.items() if place.party == "recipient"
    )
    layout = PageLayout(
        places,
        portrait,
        is_card,
        bool(CUSTOMER_WORDING.search(text)),
        bool(BUSINESS_ADDRESSEE.search(addressee)),
    )
    return layout


# Labels of what a business prints about itself on its own paper (not about a customer)
_REGISTRY_LABELS = frozenset({"iban", "kvk", "btw", "vat"})
# ... not inside an e-mail address ("debiteuren@vanbeekleasing.nl" is the writer's mailbox)
_ABOUT_THE_CUSTOMER = re.compile(r"\b(uw|klant|debiteur|afnemer)(?![\w.-]*@)", re.IGNORECASE)


def _signed(keys: list[tuple[int, int]], segs: list[list[Line]]) -> bool:
    """Does the block start right under a sign-off line?"""
    first = min(i for i, _ in keys)
    return first > 0 and any(SIGN_OFF.search(seg.text) for seg in segs[first - 1])


def _side_column(lines: list[Line], kinds: list[str | None], portrait: bool, width: int) -> bool:
    """A column of the writer's details beside the body of a letter or invoice (each label
    above or before its value, in the right half): registry numbers there are the writer's,
    as in a footer, unless a label says they are the customer's ("Uw btw-nummer")."""
    boxed = [ln for ln in lines if ln.has_boxes]
    if not (boxed and portrait and width) or min(ln.left for ln in boxed) < 0.5 * width:
        return False
    if any(kind in FORM_LABELS for kind in kinds):
        return False
    if not any(kind in _REGISTRY_LABELS for kind in kinds):
        return False
    return not any(_ABOUT_THE_CUSTOMER.search(ln.text) for ln in lines)


def _card_rows(
    lines: list[Line],
    keys: list[tuple[int, int]],
    labels: dict[tuple[int, int], str | None],
    title_top: int | None,
) -> bool:
    """Is a block of a card page the card's own rows? Below its title all of it is, a
    value whose label OCR lost too (an IBAN in the right column would else stand where a
    letterhead's contact column does); without a title, its labelled rows."""
    if title_top is None:
        return any(labels.get(k) for k in keys)
    return min(ln.top for ln in lines) >= title_top


def _columns(segs: list[list[Line]]) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """For each segment, the segments of the column it stands in: one under another, their
    left edges aligned, at most three letter heights apart. Tesseract often reads each
    label and value of a column of details as a block of its own, and only the column
    as a whole shows it is the writer's (its KvK or IBAN label)."""
    boxes = sorted(
        (seg.top, seg.bottom, seg.left, max(seg.height, 1), (i, j))
        for i, row in enumerate(segs)
        for j, seg in enumerate(row)
        if seg.has_boxes
    )
    groups = Groups(len(boxes))
    for a, (top, bottom, left, height, _key) in enumerate(boxes):
        for b in range(a + 1, len(boxes)):
            top_b, _bottom_b, left_b, height_b, _ = boxes[b]
            if top_b - bottom > 6 * height:
                break  # sorted by top: the rest stand lower still
            reach = max(height, height_b)
            below = top_b > top + height / 2 and top_b - bottom <= 3 * reach
            if below and abs(left_b - left) <= 1.5 * reach:
                groups.join(a, b)
    together: dict[int, list[tuple[int, int]]] = {}
    for n, box in enumerate(boxes):
        together.setdefault(groups.find(n), []).append(box[4])
    return {box[4]: together[groups.find(n)] for n, box in enumerate(boxes)}


def _upper_address_block(
    members: dict[int, list[tuple[int, int]]],
    segs: list[list[Line]],
    address: set[int],
    page_height: int,
) -> int | None:
    """Of two address blocks one above the other in the upper half (a private letter: the
    writer's address, then the addressee's), the upper one; None when there are not two.
    An address lower down (a footer, a signature) is no addressee: with it, the window's
    block would be taken for the writer's."""
    tops = []
    for block in address:
        keys = members.get(block, [])
        if keys and _party_label(segs[keys[0][0]][keys[0][1]].text):
            continue  # "Werkadres:", "Factuuradres:": the label says whose it is
        lines = [segs[i][j] for i, j in keys if segs[i][j].has_boxes]
        top = min((ln.top for ln in lines), default=None)
        if top is not None and (not page_height or top < WINDOW_BAND * page_height):
            tops.append((top, max(ln.height for ln in lines), block))
    if len(tops) < 2:
        return None
    tops.sort()
    (top, height, block), (next_top, _h, _b) = tops[0], tops[1]
    return block if next_top - top > 3 * max(height, 1) else None


_PARTY_LABELS = (_RECIPIENT_LABEL, _SENDER_LABEL, _SUBJECT_LABEL)


def _party_label(first: str) -> bool:
    """Does a block's first line start with a label that says whose address it is?"""
    return any(label.match(first) for label in _PARTY_LABELS)


def _zone(
    lines: list[Line], block: int, portrait: bool, width: int, height: int, address: set[int]
) -> str | None:
    boxed = [ln for ln in lines if ln.has_boxes]
    first = lines[0].text if lines else ""
    if _party_label(first):
        # "Factuuradres:" / "Van:": the label decides whose it is, wherever it stands
        return "address-block" if block in address else None
    if boxed and portrait and height:
        top = min(ln.top for ln in boxed) / height
        left = min(ln.left for ln in boxed) / max(width, 1)
        if top >= FOOTER_BAND:
            return "footer"
        if top < TOP_BAND:
            return "letterhead"
        if block in address and top < WINDOW_BAND:
            return "address-block"
        if top < UPPER_RIGHT and left > 0.5 and block not in address:
            return "letterhead"  # the contact column at the top right of a letterhead
        return None
    if block in address:
        return "address-block"
    return None


def _party(zone: str, text: str, block_lines: list[Line], is_card: bool) -> str | None:
    if zone in ("letterhead", "footer", "signature"):
        return "sender"
    first = block_lines[0].text if block_lines else text
    if _RECIPIENT_LABEL.match(first):
        return "recipient"
    if _SENDER_LABEL.match(first):
        return "sender"
    if _SUBJECT_LABEL.match(first):
        return "subject"
    if zone == "address-block":
        return "recipient"
    if zone == "label":
        return "card" if is_card else None
    if _OURS_IN_TEXT.search(text):
        return "sender"
    return None
