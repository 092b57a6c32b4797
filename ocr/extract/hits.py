"""A value found inside a segment's text, with the span it was read from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hit:
    value: str
    start: int  # span in the segment text
    end: int
    raw: str
    repaired: bool = False  # True when OCR confusions had to be undone

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def overlaps_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
