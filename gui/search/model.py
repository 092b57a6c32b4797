"""The search results as a Qt model with named roles (after vorta's archive_table_model)."""

from __future__ import annotations

import re
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QCollator, QModelIndex, QPersistentModelIndex, Qt

from storage import SearchHit

from .. import formatting
from ..i18n import DUTCH

_MARK = re.compile(r"\[([^\[\]]*)\]")


class Role(IntEnum):
    Id = Qt.ItemDataRole.UserRole + 1
    Name = Qt.ItemDataRole.UserRole + 2
    Details = Qt.ItemDataRole.UserRole + 3  # company · city · phone, for the second line
    Snippet = Qt.ItemDataRole.UserRole + 4  # [(text, matched)], for the third line
    Archived = Qt.ItemDataRole.UserRole + 5


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """'…de [velux] ramen' -> [('…de ', False), ('velux', True), (' ramen', False)]: the
    storage snippet marks matches with brackets; the delegate draws them highlighted."""
    parts: list[tuple[str, bool]] = []
    pos = 0
    for m in _MARK.finditer(snippet):
        if m.start() > pos:
            parts.append((snippet[pos : m.start()], False))
        parts.append((m.group(1), True))
        pos = m.end()
    if pos < len(snippet):
        parts.append((snippet[pos:], False))
    return [(" ".join(text.split("\n")), matched) for text, matched in parts]


def by_name(hits: list[SearchHit]) -> list[SearchHit]:
    """The hits in Dutch alphabetical order ("Élodie" before "Thijs", "Klant 9" before
    "Klant 10"): the client file sorts by the bytes of the name."""
    collator = QCollator(DUTCH)
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)
    return sorted(hits, key=lambda hit: (collator.sortKey(hit.name or ""), hit.id))


def details(hit: SearchHit) -> str:
    phone = formatting.phone(hit.phones[0]) if hit.phones else ""
    if len(hit.phones) > 1:
        phone += f" (+{len(hit.phones) - 1})"
    return " · ".join(v for v in (hit.company, hit.city, phone) if v)


class ResultModel(QAbstractListModel):
    """Holds the hits of the latest answered query; replaced whole on each answer, because
    a search-as-you-type answer is small (≤ 50 rows) and resetting is cheaper than diffing."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._rows: list[tuple[str, list[tuple[str, bool]]]] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._rows = [(details(h), snippet_parts(h.snippet or "")) for h in self._hits]
        self.endResetModel()

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def row_of(self, client_id: int) -> int:
        return next((i for i, h in enumerate(self._hits) if h.id == client_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        line2, parts = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # plain text: what a screen reader says and what tests read
            snippet = "".join(text for text, _ in parts)
            return "\n".join(v for v in (hit.name, line2, snippet) if v)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(v for v in (hit.name, line2) if v)
        if role == Role.Id:
            return hit.id
        if role == Role.Name:
            return hit.name
        if role == Role.Details:
            return line2
        if role == Role.Snippet:
            return parts
        return None
