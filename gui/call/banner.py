"""The caller banner above the window: who is calling, what we last heard, a note line."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOption,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .caller import Caller
from .numbers import describe

NOTE_MAX = 500
STYLE = """
QFrame#caller_banner { background: #fff6d5; border: 1px solid #e0c060; border-radius: 6px; }
QFrame#caller_banner[unknown="true"] { background: #eef3fb; border-color: #9db4d8; }
QLabel#caller_title { font-size: 15pt; font-weight: bold; }
"""


def dutch_time(iso: str | None) -> str:
    """'23-11-2026 14:03' from the ISO time the client file stores."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).strftime("%d-%m-%Y %H:%M")
    except ValueError:
        return iso


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


class CallerBanner(QFrame):
    """Shows one Caller at a time. The controller listens to the signals and does the work.

    Built once and refilled for each call (show_caller): building it, and above all
    styling its children through the style sheet, takes longer than the whole refill."""

    painted = Signal()  # the first time the banner reached the screen for this caller
    note_entered = Signal(str)
    dial_requested = Signal(str)  # E.164
    open_requested = Signal(int)
    new_client_requested = Signal()
    attach_requested = Signal()
    closed = Signal()

    def __init__(self, caller: Caller | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caller: Caller | None = None
        self.was_painted = False
        self.setObjectName("caller_banner")
        self.setProperty("unknown", False)
        self.setStyleSheet(STYLE)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # paintEvent covers every pixel, so Qt need not paint the window's content under
        # the banner first (the result list and the card: most of a call's paint time).
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

        self.title = QLabel()
        self.title.setObjectName("caller_title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QLabel()
        self.details.setObjectName("caller_details")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.details.linkActivated.connect(self._link)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Balk sluiten"))
        close.setAutoRaise(True)
        close.clicked.connect(self.closed.emit)

        # Only for an unknown number; hidden otherwise.
        self.new_button = QPushButton(self.tr("Nieuwe klant met dit nummer"))
        self.new_button.setObjectName("caller_new")
        self.attach_button = QPushButton(self.tr("Nummer toevoegen aan bestaande klant"))
        self.attach_button.setObjectName("caller_attach")
        self.new_button.clicked.connect(self.new_client_requested.emit)
        self.attach_button.clicked.connect(self.attach_requested.emit)

        self.note = QLineEdit()
        self.note.setObjectName("caller_note")
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(self.tr("Notitie bij dit gesprek (Enter slaat op)"))
        self.note.setEnabled(False)  # until the call is logged
        self.note.returnPressed.connect(lambda: self.note_entered.emit(self.note.text().strip()))
        self.note_status = QLabel()
        self.note_status.setObjectName("caller_note_status")

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.subtitle, 1)
        head.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.attach_button)
        buttons.addStretch(1)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.note_status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 8)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        layout.addLayout(note_row)
        if caller is not None:
            self.show_caller(caller)

    def show_caller(self, caller: Caller) -> None:
        """Refill for a new call: nothing of the previous caller stays, the note included.

        The banner's layout is switched off meanwhile: showing or hiding a child would
        otherwise lay out the whole window at once, before the banner is painted. The
        controller lays the banner out (fit) and the window follows in the next pass."""
        self.caller = caller
        self.was_painted = False
        layout = self.layout()
        layout.setEnabled(False)
        try:
            unknown = caller.client is None
            if self.property("unknown") != unknown:
                self.setProperty("unknown", unknown)
                # Re-style the frame alone for its colours; its children keep theirs.
                self.style().unpolish(self)
                self.style().polish(self)
            offers = unknown and caller.number.e164 is not None
            # a text that is no number cannot be a client's
            self.new_button.setVisible(offers)
            self.attach_button.setVisible(offers)
            self.note.clear()
            self.note.setEnabled(False)
            self.note_status.clear()
            self._fill()
        finally:
            layout.setEnabled(True)

    def fit(self, x: int, y: int, width: int) -> None:
        """Lay the banner out at (x, y), `width` wide, as high as its content needs."""
        self.layout().activate()
        height = self.heightForWidth(width)
        self.setGeometry(x, y, width, height if height > 0 else self.sizeHint().height())
        if self.isVisible():
            self._cover()

    def reveal(self) -> None:
        """Show the banner on top of its parent's other children."""
        self.show()
        self.raise_()
        self._cover()

    def _cover(self) -> None:
        """Make the parent know again that the banner hides what is under it.

        show() and growing leave the parent's cached region of opaque children as it was
        (Qt marks the grandparent's), and the content under the banner would be painted
        as well; setting the attribute anew refreshes that cache."""
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    # -- content ----------------------------------------------------------------------------

    def _fill(self) -> None:
        c = self.caller
        number = c.number
        self.details.setVisible(not (c.client is None and number.e164 is None))
        if c.client is None:
            self.title.setText(self.tr("Onbekend nummer"))
            if number.e164 is None:
                text = self.tr("“%1” is geen telefoonnummer")
                self.subtitle.setText(text.replace("%1", number.display))
                self.details.setText("")
            else:
                self.subtitle.setText(" · ".join(v for v in (number.display, number.origin) if v))
                link = self._phone_link(number.e164, number.display)
                self.details.setText(self.tr("Terugbellen: %1").replace("%1", link))
            return
        client = c.client
        self.title.setText(client.name or self.tr("(naamloos)"))
        cities = [a.city for a in client.addresses if a.city]
        self.subtitle.setText(
            " · ".join(v for v in (client.company, cities[0] if cities else None) if v)
        )
        lines = []
        line = self.tr("Belt met %1").replace("%1", self._phone_link(number.e164, number.display))
        others = [p for p in client.numbers if p != number.e164][:3]
        if others:
            links = ", ".join(self._phone_link(p, describe(p).display) for p in others)
            line += " · " + self.tr("ook bereikbaar op %1").replace("%1", links)
        lines.append(line)
        if c.last_call:
            text = (
                self.tr("Laatste gesprek: %1 (%2)")
                .replace("%1", _e(dutch_time(c.last_call.at)))
                .replace("%2", _e(self._direction(c.last_call.direction)))
            )
            if c.last_call.note:
                text += " — " + _e(c.last_call.note)
            lines.append(text)
        else:
            lines.append(self.tr("Nog niet eerder gebeld."))
        if c.last_note and c.last_note.text not in c.open_items:
            lines.append(
                self.tr("Laatste notitie (%1): %2")
                .replace("%1", _e(dutch_time(c.last_note.at)))
                .replace("%2", _e(c.last_note.text))
            )
        if c.open_items:
            lines.append(
                "<b>" + self.tr("Open:") + "</b> " + "; ".join(_e(t) for t in c.open_items[:4])
            )
        if c.documents:
            docs = ", ".join(f'<a href="doc:{d.id}">{_e(d.name)}</a>' for d in c.documents)
            lines.append(self.tr("Documenten: %1").replace("%1", docs))
        self.details.setText("<br>".join(lines))

    def _direction(self, direction: str) -> str:
        return {"in": self.tr("inkomend"), "out": self.tr("uitgaand")}.get(direction, direction)

    @staticmethod
    def _phone_link(e164: str, shown: str) -> str:
        return f'<a href="tel:{_e(e164)}">{_e(shown)}</a>'

    def _link(self, href: str) -> None:
        if href.startswith("tel:"):
            self.dial_requested.emit(href[4:])
        elif href.startswith("doc:") and self.caller and self.caller.client_id is not None:
            self.open_requested.emit(self.caller.client_id)

    # -- state from the controller ----------------------------------------------------------

    def set_logged(self) -> None:
        self.note.setEnabled(True)

    def set_note_saved(self, ok: bool, message: str = "") -> None:
        self.note_status.setText(message or (self.tr("Opgeslagen ✓") if ok else ""))

    def paintEvent(self, event: QPaintEvent) -> None:
        # What a see-through widget would have let show: the window's background in the
        # rounded corners; then the style sheet's background and border, as Qt draws them.
        painter = QPainter(self)
        parent = self.parentWidget() or self
        painter.fillRect(event.rect(), parent.palette().brush(parent.backgroundRole()))
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        painter.end()
        super().paintEvent(event)
        if not self.was_painted:
            self.was_painted = True
            self.painted.emit()
