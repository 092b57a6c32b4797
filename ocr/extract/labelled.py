"""A page's lines as segments, each with the label it carries: after it on the line
("Tel.: 06-…"), before it in a table ("Naam      Kees de Vries"), or alone above it
("Rekeningnummer:" over "NL32 SNSB …", also in two columns)."""

from __future__ import annotations

from dataclasses import dataclass

from .labels import label_kind, split_label
from .registry import kvk_label_alone
from .words import Line, segments

# what may follow a label alone on its line: punctuation, and a rule or a speck of the scan
# read as a character ("IBAN: |")
_NOTHING = " .,:-|_—–~=°“”\"'»«*"
# registry labels: alone on a line without a colon they still label the number under
# them (a KvK number is only taken after its label; phones and addresses are found by
# their form anyway)
_NUMBER_KINDS = frozenset({"kvk", "btw", "vat", "iban", "bic"})


@dataclass(frozen=True, slots=True)
class Seg:
    """A segment with the label it carries (or inherits from a label-only segment)."""

    line: Line
    kind: str | None
    value_start: int
    line_index: int
    seg_index: int

    @property
    def value(self) -> str:
        return self.line.text[self.value_start :]


def labelled_rows(lines: list[Line]) -> list[list[Seg]]:
    """Per line its segments with their labels (a label alone above a value counts for
    it: on the line before, or with a line of another column read between them)."""
    rows: list[list[Seg]] = []
    above: list[tuple[str, Line]] = []  # labels alone above, their value not yet met
    for i, line in enumerate(lines):
        row, alone = _label_segments(i, line, above)
        for n, seg in enumerate(row):
            # "Rekeningnummer:" above "NL32 SNSB 0532 1995 88", also in two columns
            found = None
            if seg.kind is None and not _unknown_label(seg.value):
                found = _label_above(above, seg.line)
            if found is not None:
                row[n] = Seg(seg.line, found[0], 0, i, seg.seg_index)
                above.remove(found)
        # a column of details beside a table: Tesseract reads its label ("VAT"), then a
        # row of the table, then its value; a label stays until a value under it comes
        # or the lines have passed it
        above = [a for a in above if _within_reach(a[1], line)] + _value_read_before(alone, rows)
        rows.append(row)
    return rows


def _value_read_before(
    alone: list[tuple[str, Line]], rows: list[list[Seg]]
) -> list[tuple[str, Line]]:
    """The labels alone whose value is not on a line read before them; a value that is
    gets its label ("KvK Den Haag" over "29684827", which a body line beside it took in
    and so came first)."""
    left = []
    for kind, label in alone:
        under = [
            (row, n)
            for row in rows[-2:]
            for n, seg in enumerate(row)
            if seg.kind is None
            and not _unknown_label(seg.value)
            and seg.line.top > label.top
            and _label_above([(kind, label)], seg.line) is not None
        ]
        if under:
            row, n = under[0]
            row[n] = Seg(row[n].line, kind, 0, row[n].line_index, row[n].seg_index)
        else:
            left.append((kind, label))
    return left


def _within_reach(label: Line, line: Line) -> bool:
    return not (label.has_boxes and line.has_boxes) or (
        line.top - label.top <= _REACH * max(label.height, 1)
    )


def _label_segments(
    line_index: int, line: Line, above: list[tuple[str, Line]]
) -> tuple[list[Seg], list[tuple[str, Line]]]:
    """The line's segments with their labels, and the labels that stand alone on it
    with no value after them (their value may stand under them: a card with the
    label above the value, in one column or two). above: the labels alone on lines
    before, their value not yet met."""
    result: list[Seg] = []
    alone: list[tuple[str, Line]] = []
    pending: str | None = None
    pending_line = line
    parts = segments(line)
    for n, seg in enumerate(parts):
        kind, start = split_label(seg.text)
        last = n + 1 == len(parts)
        # "KvK Utrecht" over its number, also with a speck after it ("KvK Goes  a")
        ends = all(_is_noise(p.text) for p in parts[n + 1 :])
        if kind in (None, "kvk") and ends and pending is None and kvk_label_alone(seg.text):
            kind, start = "kvk", len(seg.text)
        if (
            kind is None
            and len(seg.words) <= 3
            and pending is None
            and not (last and any(c.isdigit() for c in seg.text))
        ):
            # a card printed as a table: "Naam      Kees de Vries", no colon; or a
            # number's label alone on its line over the number ("CoC" over "69177997")
            kind = label_kind(seg.text.strip(" .:"))
            if last and kind not in _NUMBER_KINDS:
                kind = None
            start = len(seg.text) if kind else 0
        if kind and not seg.text[start:].strip(_NOTHING):
            if pending:
                alone.append((pending, pending_line))
            pending, pending_line = kind, seg  # label alone; the value is the next segment
            continue
        if kind is None and pending and _is_noise(seg.text):
            continue  # a speck read as "a" between a label and its value
        if (
            kind is None
            and pending
            and (_unknown_label(seg.text) or any(_right_above(a, seg) for _k, a in above))
        ):
            # its value is under it, not this label, nor a value under a label of another
            # column ("KvK:" over "37024070", staggered beside "Postcode/plaats:")
            alone.append((pending, pending_line))
            pending = None
        if kind is None and pending:
            kind, start = pending, 0
        pending = None
        result.append(Seg(seg, kind, start, line_index, len(result)))
    if pending:
        alone.append((pending, pending_line))
    return result, alone


# how far under its label (in the label's heights) a value may stand
_REACH = 3.2


def _label_above(labels: list[tuple[str, Line]], value: Line) -> tuple[str, Line] | None:
    """The label standing right above value (the nearest above it in value's column), or
    else alone on value's row to its left (a table whose wide gap parts the two)."""
    if not value.has_boxes:
        return None
    found = beside = None
    for kind, label in labels:
        height = max(label.height, 1)
        if not label.has_boxes:
            continue
        if abs(value.top - label.top) <= 0.5 * height and value.left > label.left:
            beside = (kind, label)
        if _right_above(label, value) and (found is None or _nearer(label, found[1], value)):
            found = (kind, label)
    return found or beside


def _right_above(label: Line, value: Line) -> bool:
    """Does label stand right above value, in its column?"""
    height = max(label.height, 1)
    return (
        label.has_boxes
        and value.has_boxes
        and 0 < value.top - label.top <= _REACH * height
        and abs(value.left - label.left) <= 2 * height
    )


def _nearer(a: Line, b: Line, value: Line) -> bool:
    """Is label a nearer above value than label b: on a lower line, or on the same line
    and closer to value's left edge (two columns)?"""
    if abs(a.top - b.top) > 0.5 * max(a.height, 1):
        return a.top > b.top
    return abs(value.left - a.left) < abs(value.left - b.left)


def _unknown_label(text: str) -> bool:
    """A label we do not know, alone on its line ("Website:"): no value of another label
    (a card in two columns puts it beside the label on the left)."""
    head, colon, rest = text.partition(":")
    alone = bool(colon) and not rest.strip(_NOTHING)
    return alone and len(head.split()) <= 3 and not any(c.isdigit() for c in head)


def _is_noise(text: str) -> bool:
    return len(text.strip()) <= 2 and not any(c.isdigit() for c in text)
