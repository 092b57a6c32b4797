"""Draws one search result in three lines: name, details, and the snippet with the matched
words highlighted (painted by hand: QTextDocument per row is too slow while typing)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .model import Role

PAD = 6
MARK_BG = QColor("#ffe58a")


class ResultDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(200, 3 * fm.height() + 2 * PAD + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        text_color = opt.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dim = QColor(text_color)
        if not selected:
            dim = opt.palette.color(group, QPalette.ColorRole.PlaceholderText)
        rect = opt.rect.adjusted(PAD + 2, PAD, -PAD, -PAD)
        fm = QFontMetrics(opt.font)
        line_h = fm.height()

        painter.save()
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        name = QFontMetrics(bold).elidedText(
            index.data(Role.Name) or "", Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line_h), 0, name)

        painter.setFont(opt.font)
        painter.setPen(dim)
        details = fm.elidedText(
            index.data(Role.Details) or "", Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(QRect(rect.left(), rect.top() + line_h, rect.width(), line_h), 0, details)

        self._paint_snippet(
            painter,
            index.data(Role.Snippet) or [],
            rect.left(),
            rect.top() + 2 * line_h + 2,
            rect.right(),
            opt.font,
            dim,
            text_color,
            selected,
        )
        painter.restore()

    def _paint_snippet(self, painter, parts, x, y, right, font, dim, strong, selected) -> None:
        fm = QFontMetrics(font)
        bold = QFont(font)
        bold.setBold(True)
        bfm = QFontMetrics(bold)
        h = fm.height()
        for text, matched in parts:
            metrics = bfm if matched else fm
            room = right - x
            if room <= fm.horizontalAdvance("…"):
                break
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            width = metrics.horizontalAdvance(shown)
            if matched:
                if not selected:
                    painter.fillRect(QRect(x - 1, y, width + 2, h), MARK_BG)
                painter.setFont(bold)
                painter.setPen(strong)
            else:
                painter.setFont(font)
                painter.setPen(dim)
            painter.drawText(QRect(x, y, width + 1, h), 0, shown)
            x += width
            if shown != text:
                break
