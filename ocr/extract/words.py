"""Lines and segments rebuilt from OCR word boxes, in the upright page's geometry.

Tesseract's own line numbers are not stored with the words, and scans are skewed by a
degree or two, so lines are chained word by word from left to right: a word joins the
line whose last word ends before it and sits at about the same height. A wide gap (a
label column, two footer items side by side) splits a line into segments.

Word boxes are stored in pixels of the original scan; a page scanned upside down or
sideways (PageText.orientation) is read upright, so its boxes are first turned into the
upright page's geometry: read in the scan's own geometry every line would run backwards.
A Line keeps the original words too, so the boxes it reports stay in scan pixels (what
the viewer and the crops use).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storage.models import PageText, Word

Box = tuple[int, int, int, int]  # left, top, width, height in pixels of the original image

# Separators printed between items on one line ("Straat 1 · 1234 AB Stad · Tel. ...").
SEPARATORS = frozenset({"·", "•", "|", "—", "–", "¦", "*", "»", "«"})
SEGMENT_GAP = 2.2  # a gap wider than this many text heights starts a new segment


@dataclass(frozen=True, slots=True)
class Line:
    """Words on one line (or one segment of a line), left to right on the upright page.

    words carry upright boxes (for geometry: left, top, height...); originals are the same
    words as stored, in scan pixels, and give box()/box_of().
    """

    words: tuple[Word, ...]
    page_index: int
    line_no: int  # position of the whole line on the page, top to bottom
    text: str
    starts: tuple[int, ...]  # offset of each word in text
    originals: tuple[Word, ...]

    @classmethod
    def of(
        cls,
        words: Sequence[Word],
        page_index: int,
        line_no: int,
        originals: Sequence[Word] | None = None,
    ) -> Line:
        starts, parts, pos = [], [], 0
        for word in words:
            starts.append(pos)
            parts.append(word.text)
            pos += len(word.text) + 1
        kept = tuple(words) if originals is None else tuple(originals)
        return cls(tuple(words), page_index, line_no, " ".join(parts), tuple(starts), kept)

    @property
    def has_boxes(self) -> bool:
        return any(w.width or w.height for w in self.words)

    @property
    def left(self) -> int:
        return min(w.left for w in self.words)

    @property
    def right(self) -> int:
        return max(w.left + w.width for w in self.words)

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.top + w.height for w in self.words)

    @property
    def height(self) -> int:
        return text_height(self.words)

    @property
    def conf(self) -> float:
        """Mean OCR confidence of the words, 0..1."""
        if not self.words:
            return 0.0
        return max(0.0, min(1.0, sum(w.conf for w in self.words) / len(self.words) / 100))

    def box(self) -> Box | None:
        """The line's box in pixels of the original scan."""
        return union_box(self.originals)

    def _indexes_in(self, start: int, end: int) -> list[int]:
        return [
            i
            for i, (w, s) in enumerate(zip(self.words, self.starts, strict=True))
            if s < end and s + len(w.text) > start
        ]

    def words_in(self, start: int, end: int) -> list[Word]:
        """Words overlapping the character span [start, end) of text (upright boxes)."""
        return [self.words[i] for i in self._indexes_in(start, end)]

    def box_of(self, start: int, end: int) -> Box | None:
        """Box of the words under a span of text, in pixels of the original scan."""
        return union_box([self.originals[i] for i in self._indexes_in(start, end)])

    def part(self, first: int, last: int) -> Line:
        """The words first..last-1 as a line of their own (a segment)."""
        return Line.of(
            self.words[first:last], self.page_index, self.line_no, self.originals[first:last]
        )

    def confs_of(self, start: int, end: int) -> tuple[float, float]:
        """Mean and least OCR confidence (0..1) of the words under a span of text; the
        line's mean for both when no word is under it."""
        words = self.words_in(start, end)
        if not words:
            return self.conf, self.conf
        mean = sum(w.conf for w in words) / len(words) / 100
        least = min(w.conf for w in words) / 100
        return max(0.0, min(1.0, mean)), max(0.0, min(1.0, least))


def union_box(words: Sequence[Word]) -> Box | None:
    boxed = [w for w in words if w.width or w.height]
    if not boxed:
        return None
    left = min(w.left for w in boxed)
    top = min(w.top for w in boxed)
    right = max(w.left + w.width for w in boxed)
    bottom = max(w.top + w.height for w in boxed)
    return (left, top, right - left, bottom - top)


def text_height(words: Sequence[Word]) -> int:
    """Typical height of the letters: the median of the taller words (punctuation is tiny)."""
    heights = sorted(w.height for w in words if w.height > 0)
    if not heights:
        return 0
    tall = heights[len(heights) // 2 :]
    return tall[len(tall) // 2]


def _meaningful(text: str) -> bool:
    """Stray quotes, dots and underscores are scanner noise, not words."""
    text = text.strip()
    return bool(text) and (any(c.isalnum() for c in text) or text in SEPARATORS or text in "-+&@")


def _speck(word: Word) -> bool:
    """A mark read with no confidence at all: a speck Tesseract took for a "«" beside a
    label starts a line of its own, which the next word made tall by another speck joins
    ("« 423545" above "Tel: 0475 -")."""
    return word.conf <= 0 and not any(c.isalnum() for c in word.text)


_RULES = frozenset("|¦")


def _centre(word: Word) -> float:
    return word.top + word.height / 2


def page_extent(page: PageText) -> tuple[int, int]:
    """Width and height of the original scan: as stored, else as far as the words reach."""
    width = page.width or max((w.left + w.width for w in page.words), default=0)
    height = page.height or max((w.top + w.height for w in page.words), default=0)
    return width, height


def turn_box(box: Box, quarter: int, width: int, height: int) -> Box:
    """A box on the original scan (width x height) as a box on the page turned clockwise
    by quarter degrees (0/90/180/270): how ocr.preprocess turned it to read it."""
    left, top, w, h = box
    if quarter == 90:
        return (height - top - h, left, h, w)
    if quarter == 180:
        return (width - left - w, height - top - h, w, h)
    if quarter == 270:
        return (top, width - left - w, h, w)
    return box


def upright_size(page: PageText) -> tuple[int, int]:
    """Width and height of the page as it is read (upright)."""
    width, height = page_extent(page)
    return (height, width) if page.orientation % 360 in (90, 270) else (width, height)


def build_lines(page: PageText, page_index: int = 0) -> list[Line]:
    """Whole lines of the upright page, top to bottom; from the page text without boxes."""
    originals = [w for w in page.words if _meaningful(w.text) and not _speck(w)]
    if not originals:
        return _lines_from_text(page.text, page_index)
    if not any(w.width or w.height for w in originals):
        return _lines_from_text(page.text, page_index)
    quarter = page.orientation % 360
    if quarter in (90, 180, 270):
        width, height = page_extent(page)
        words = [
            Word(w.text, *turn_box((w.left, w.top, w.width, w.height), quarter, width, height),
                 w.conf)
            for w in originals
        ]  # fmt: skip
    else:
        words = originals
    # a rule read as "|" stands as high as the letters; a speck read so (1 x 3 px) took
    # a card's mobile number apart ("Mobiel: +31 (0)6" over "| 25426344": a KvK number).
    # Heights on the upright page: on a page turned a quarter a rule's height in the scan
    # is its width
    low = text_height(words) / 2
    kept = [i for i, w in enumerate(words) if not (w.text in _RULES and w.height < low)]
    words, originals = [words[i] for i in kept], [originals[i] for i in kept]
    if not words:
        return _lines_from_text(page.text, page_index)
    back = {id(u): o for u, o in zip(words, originals, strict=True)}
    # First pass with a strict height test gives line fragments; their slope is the
    # skew of the scan, which the second pass uses to join words across wide gaps
    # (a label column and its values on a card that is two degrees askew).
    rows = _chain(words, 0.0)
    slope = _skew(rows)
    if slope:
        rows = _chain(words, slope)
    rows = _flat_words_placed(rows, text_height(words))
    rows.sort(key=lambda r: (min(_centre(w) for w in r), r[0].left))
    return [Line.of(row, page_index, n, [back[id(w)] for w in row]) for n, row in enumerate(rows)]


def _chain(words: list[Word], slope: float) -> list[list[Word]]:
    rows: list[list[Word]] = []
    # The last word of each row as plain numbers (left, width, height, centre), and the
    # rows ordered by that centre: a word can only join a row whose centre is within
    # reach, so only those are compared (this ran rows x words times per page before).
    tails: list[tuple[int, int, int, float]] = []
    by_centre: list[tuple[float, int]] = []
    tallest = max((w.height for w in words), default=1)
    drift = 0.02 + abs(slope)
    for word in sorted(words, key=lambda w: (w.left, w.top)):
        left, height = word.left, word.height
        centre = word.top + height / 2
        # dy <= 0.45 * ref + 0.02 * gap and gap <= left bound how far a row may be
        reach = 0.45 * max(tallest, 1) + drift * max(left, 0) + 1
        lo = bisect.bisect_left(by_centre, (centre - reach, -1))
        hi = bisect.bisect_right(by_centre, (centre + reach, len(tails)))
        best, best_near = -1, 0.0
        for _c, index in by_centre[lo:hi]:
            t_left, t_width, t_height, t_centre = tails[index]
            ref = max(t_height, height, 1)
            gap = left - t_left
            # a skewed line drifts slowly: compare with the nearest word, not the row start
            dy = abs(t_centre + slope * gap - centre)
            if left < t_left + t_width // 2 and dy > 0.25 * ref:
                # starts inside the row's last word: another line's word, unless it
                # stands on the same centre (Tesseract drew "kees1" over "kees1 989 @")
                continue
            # of two rows within reach, one whose last word the word all but touches
            # is nearer by a quarter of a letter ("NL48IN" "GB0587920327", printed as
            # one, the second boxed higher: nearer the label row's centre far to the left)
            near = dy + (0.25 * ref if gap - t_width > ref else 0.0)
            if dy <= 0.45 * ref + 0.02 * max(0, gap - t_width) and (
                best < 0 or (near, index) < (best_near, best)
            ):
                best, best_near = index, near
        tail = (left, word.width, height, centre)
        if best < 0:
            rows.append([word])
            tails.append(tail)
            bisect.insort(by_centre, (centre, len(tails) - 1))
        else:
            rows[best].append(word)
            del by_centre[bisect.bisect_left(by_centre, (tails[best][3], best))]
            tails[best] = tail
            bisect.insort(by_centre, (centre, best))
    return rows


def _flat_words_placed(rows: list[list[Word]], height: int) -> list[list[Word]]:
    """A word Tesseract boxed far flatter than the letters (a speck under "NL95" read as
    "_NL95", boxed 13 px high beside letters of 60) has no centre to go by: alone on its
    row, it goes into the gap of a row beside it that it fits in ("Bankrekening:" ...
    "INGB 0669 5449 81"), the nearest within a letter's height."""
    flat = [
        r for r in rows
        if len(r) == 1 and r[0].height < 0.4 * height and sum(c.isalnum() for c in r[0].text) >= 3
    ]  # fmt: skip
    for row in flat:
        (word,) = row
        fits = [
            (abs(_centre(a) - _centre(word)), i)
            for i, other in enumerate(rows)
            if other is not row
            for a, b in itertools.pairwise(other)
            if a.left + a.width <= word.left and word.left + word.width <= b.left
            and abs(_centre(a) - _centre(word)) <= height
        ]  # fmt: skip
        if fits:
            target = rows[min(fits)[1]]
            target.append(word)
            target.sort(key=lambda w: w.left)
            row.clear()
    return [r for r in rows if r]


def _skew(rows: list[list[Word]]) -> float:
    """Median slope (dy/dx) of the longer line fragments; 0 when there are too few."""
    slopes = []
    for row in rows:
        if len(row) < 3:
            continue
        dx = row[-1].left - row[0].left
        if dx > 200:
            slopes.append((_centre(row[-1]) - _centre(row[0])) / dx)
    if len(slopes) < 3:
        return 0.0
    slopes.sort()
    return max(-0.08, min(0.08, slopes[len(slopes) // 2]))


def _lines_from_text(text: str, page_index: int) -> list[Line]:
    lines = []
    for n, raw in enumerate(ln for ln in text.splitlines() if ln.strip()):
        words = [Word(tok, 0, 0, 0, 0, 90.0) for tok in raw.split()]
        lines.append(Line.of(words, page_index, n))
    return lines


# an IBAN's country and check digits, then its bank code: one number, however wide the
# gap a smudged scan leaves between them ("NL79      KNAB 0362 0997 74")
_IBAN_START = re.compile(r"\W*[A-Z]{2}[0-9]{2}")
_BANK_CODE = re.compile(r"[A-Z0-9]{4}\W*")
# ... and an account's digits after a 1 read as a bar ("NL77SNSB0688 | 38403"): the
# number so far is short of its ten
_ACCOUNT_SHORT = re.compile(r"NL[0-9]{2}[A-Z]{4}[0-9]{1,9}$")


def _iban_goes_on(before: list[Word], after: str) -> bool:
    """Does the word after go on with an IBAN that the words before began?"""
    if not before:
        return False
    if _IBAN_START.fullmatch(before[-1].text) and _BANK_CODE.fullmatch(after):
        return True
    so_far = "".join(w.text for w in before[-5:])
    return after[:1].isdigit() and bool(_ACCOUNT_SHORT.search(so_far))


def segments(line: Line) -> list[Line]:
    """Split a line at wide gaps and at printed separators (·, |), not inside an IBAN."""
    height = max(line.height, 1)
    parts: list[list[int]] = [[]]
    previous: Word | None = None
    cut = False
    for i, word in enumerate(line.words):
        if word.text in SEPARATORS:
            cut = True
            continue
        if _iban_goes_on([line.words[j] for j in parts[-1]], word.text):
            cut = False  # a speck read as "|" inside it, or a smudge's wide gap
        elif previous is not None and line.has_boxes:
            cut = cut or word.left - (previous.left + previous.width) > SEGMENT_GAP * height
        if cut and parts[-1]:
            parts.append([])
        cut = False
        parts[-1].append(i)
        previous = word
    return [line.part(p[0], p[-1] + 1) for p in parts if p]
