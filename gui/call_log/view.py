"""The Gesprekken view: today's and earlier calls (in, out, missed), the calls still to
return on top, unknown numbers with "Nieuwe klant" and "Aan klant koppelen", a note per
call, and a filter by client, name or number. It follows the call log live."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import call, formatting
from ..data import ClientData
from ..i18n import DUTCH
from ..workers import submit
from .model import CallLog, CallRow, load

MISSED = QColor("#c62828")
CALLBACK_BG = QColor("#fff3e0")


class CallLogView(QWidget):
    """client_chosen(id): a client's call was selected; unknown_chosen(row): a call from a
    number no client has; clients_changed(id): a number became a client's."""

    client_chosen = Signal(int)
    unknown_chosen = Signal(object)
    clients_changed = Signal(int)
    status = Signal(str)
    loaded = Signal()  # after every reload (tests wait for it)

    def __init__(self, data: ClientData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("call_log")
        self.data = data
        self.dial = call.dial  # replaced in tests: no softphone is started
        self.log = CallLog([], [])
        self._client: tuple[int, str] | None = None  # the client filter: (id, name)
        self._seq = 0
        self._dirty = True
        self._build()

    def _build(self) -> None:
        client_row = self._build_filters()
        self._build_tree()
        buttons = self._build_actions()
        self.setMinimumWidth(220)
        filters = QHBoxLayout()
        filters.addWidget(self.period, 1)
        filters.addWidget(self.kind, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.filter)
        layout.addLayout(client_row)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.kind.currentIndexChanged.connect(lambda _i: self._fill())
        self.filter.textChanged.connect(lambda _t: self._fill())
        self._selected()

    def _build_filters(self) -> QHBoxLayout:
        """Period, kind of call and text filter; the row naming the client shown, if one."""
        self.period = QComboBox()
        self.period.setObjectName("call_period")
        for key, label in (
            ("today", self.tr("Vandaag")),
            ("week", self.tr("Afgelopen 7 dagen")),
            ("month", self.tr("Afgelopen 30 dagen")),
            ("all", self.tr("Alles")),
        ):
            self.period.addItem(label, key)
        self.period.setCurrentIndex(1)
        self.kind = QComboBox()
        self.kind.setObjectName("call_kind")
        for key, label in (
            ("all", self.tr("Alle gesprekken")),
            ("missed", self.tr("Gemist")),
            ("callback", self.tr("Terugbellen")),
            ("unknown", self.tr("Onbekende nummers")),
            ("in", self.tr("Inkomend")),
            ("out", self.tr("Uitgaand")),
        ):
            self.kind.addItem(label, key)
        self.filter = QLineEdit()
        self.filter.setObjectName("call_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter op naam, nummer of notitie…"))
        self.client_label = QLabel()
        self.client_label.setObjectName("call_client_filter")
        self.client_clear = QToolButton()
        self.client_clear.setText("✕")
        self.client_clear.setAutoRaise(True)
        self.client_clear.setToolTip(self.tr("Gesprekken van iedereen tonen"))
        self.client_clear.clicked.connect(lambda: self.show_client(None))
        client_row = QHBoxLayout()
        client_row.addWidget(self.client_label, 1)
        client_row.addWidget(self.client_clear)
        for widget in (self.client_label, self.client_clear):
            widget.hide()
        for combo in (self.period, self.kind):  # the list may be narrow: the text elides
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        return client_row

    def _build_tree(self) -> None:
        self.tree = QTreeWidget()
        self.tree.setObjectName("calls_tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Wanneer"), self.tr("Wie")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(False)
        self.tree.setColumnWidth(0, 118)
        self.tree.setWordWrap(False)  # two lines per call, each cut off with … when long
        self.tree.setStyleSheet("QTreeWidget::item { padding: 2px 0; }")
        self.tree.currentItemChanged.connect(lambda *_: self._selected())
        self.tree.itemActivated.connect(lambda *_: self._activated())

    def _build_actions(self) -> QGridLayout:
        """The selected call's note and what to do with it."""
        self.note = QLineEdit()
        self.note.setObjectName("call_note")
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("Notitie bij dit gesprek (Enter slaat op)"))
        self.note.returnPressed.connect(self._save_note)
        self.dial_button = QPushButton(self.tr("Bellen"))
        self.dial_button.setObjectName("call_dial")
        self.callback_button = QPushButton()
        self.callback_button.setObjectName("call_callback")
        self.new_button = QPushButton(self.tr("Nieuwe klant…"))
        self.new_button.setObjectName("call_new_client")
        self.attach_button = QPushButton(self.tr("Aan klant koppelen…"))
        self.attach_button.setObjectName("call_attach")
        self.dial_button.clicked.connect(self._dial)
        self.callback_button.clicked.connect(self._toggle_callback)
        self.new_button.clicked.connect(lambda: self.new_client())
        self.attach_button.clicked.connect(lambda: self.attach_to_client())
        buttons = QGridLayout()
        buttons.addWidget(self.dial_button, 0, 0)
        buttons.addWidget(self.callback_button, 0, 1)
        buttons.addWidget(self.new_button, 1, 0)
        buttons.addWidget(self.attach_button, 1, 1)
        for button in (self.dial_button, self.callback_button, self.new_button,
                       self.attach_button):  # fmt: skip
            button.setMinimumWidth(60)
        return buttons

    # -- loading ----------------------------------------------------------------------------

    def changed(self) -> None:
        """The call log changed: reload now when shown, else when next shown."""
        self._dirty = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.reload()

    def reload(self) -> None:
        self._dirty = False
        self._seq += 1
        seq = self._seq
        client_id = self._client[0] if self._client else None
        submit(
            load,
            self.data,
            self.period.currentData(),
            client_id,
            on_result=lambda log: self._loaded(seq, log),
            on_error=lambda e: self.status.emit(
                self.tr("Gesprekken niet geladen: %1").replace("%1", str(e))
            ),
            pool_name="read",
        )

    def _loaded(self, seq: int, log: CallLog) -> None:
        if seq != self._seq:
            return  # an older answer
        self.log = log
        self._fill()
        self.loaded.emit()

    def show_client(self, client: tuple[int, str] | None) -> None:
        """Only the calls of this client (id, name), or of everyone (None)."""
        self._client = client
        self.client_label.setText(
            self.tr("Alleen gesprekken van %1").replace("%1", client[1]) if client else ""
        )
        self.client_label.setVisible(client is not None)
        self.client_clear.setVisible(client is not None)
        self.period.setEnabled(client is None)  # a client's calls: all of them
        self.reload()

    # -- the list ---------------------------------------------------------------------------

    def _fill(self) -> None:
        current = self.current()
        keep = current.call.id if current else None
        kind, text = self.kind.currentData(), self.filter.text().strip()
        self.tree.clear()
        waiting = [r for r in self.log.callbacks if r.matches(kind, text)]
        if waiting and kind in ("all", "callback"):
            title = self.tr("Nog terugbellen (%1)").replace("%1", str(len(waiting)))
            self._group(title, waiting, with_day=True)
        shown = [r for r in self.log.rows if r.matches(kind, text)]
        if kind == "callback":
            shown = []  # they are all in the group above
        days: dict[date | None, list[CallRow]] = {}
        for row in shown:
            days.setdefault(row.day, []).append(row)
        for day, rows in days.items():
            self._group(self._day_label(day), rows)
        if not waiting and not shown:
            empty = QTreeWidgetItem([self.tr("Geen gesprekken"), ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(empty)
        self.tree.expandAll()
        if keep is not None:
            self._select_call(keep)
        self._selected()

    def _group(self, title: str, rows: list[CallRow], with_day: bool = False) -> None:
        head = QTreeWidgetItem([title, ""])
        head.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(self.font())
        font.setBold(True)
        head.setFont(0, font)
        self.tree.addTopLevelItem(head)
        head.setFirstColumnSpanned(True)  # only takes once the item is in the tree
        for row in rows:
            head.addChild(self._item(row, with_day))

    def _item(self, row: CallRow, with_day: bool = False) -> QTreeWidgetItem:
        when = row.at.strftime("%H:%M") if row.at else ""
        if with_day and row.at:
            when = formatting.DUTCH.toString(row.at.date(), "ddd d MMM") + " " + when
        kind = {"missed": self.tr("Gemist"), "in": self.tr("Inkomend"), "out": self.tr("Uitgaand")}
        first = when + "\n" + kind.get(row.kind, row.kind)
        if row.callback:
            first += " ⚑"
        if row.name:
            who, about = row.name, row.number
        else:  # the number is who it is
            who = self.tr("Onbekend: %1").replace("%1", row.number or self.tr("(geen nummer)"))
            about = row.origin
        if row.call.note:
            extra = row.call.note
        elif row.call.duration_seconds:
            minutes = max(1, round(row.call.duration_seconds / 60))
            extra = self.tr("%1 min").replace("%1", str(minutes))
        else:
            extra = ""
        second = who + "\n" + " · ".join(v for v in (about, extra) if v)
        item = QTreeWidgetItem([first, second])
        item.setData(0, Qt.ItemDataRole.UserRole, row)
        item.setToolTip(1, second)
        if row.kind == "missed":
            item.setForeground(0, QBrush(MISSED))
        if row.callback:
            for column in (0, 1):
                item.setBackground(column, QBrush(CALLBACK_BG))
        return item

    def _day_label(self, day: date | None) -> str:
        today = date.today()
        if day == today:
            return self.tr("Vandaag")
        if day == today - timedelta(days=1):
            return self.tr("Gisteren")
        if day is None:
            return self.tr("Onbekende datum")
        return DUTCH.toString(day, "dddd d MMMM yyyy")

    def rows(self) -> list[CallRow]:
        """The rows shown, in order (callbacks first)."""
        found = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            for j in range(head.childCount()):
                found.append(head.child(j).data(0, Qt.ItemDataRole.UserRole))
        return found

    def current(self) -> CallRow | None:
        item = self.tree.currentItem()
        row = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return row if isinstance(row, CallRow) else None

    def select(self, index: int) -> None:
        """Select the index-th call shown (tests, keyboard)."""
        items = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            items += [head.child(j) for j in range(head.childCount())]
        if 0 <= index < len(items):
            self.tree.setCurrentItem(items[index])

    def _select_call(self, call_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            for j in range(head.childCount()):
                row = head.child(j).data(0, Qt.ItemDataRole.UserRole)
                if row.call.id == call_id:
                    self.tree.setCurrentItem(head.child(j))
                    return

    def _selected(self) -> None:
        row = self.current()
        unknown = row is not None and row.call.client_id is None and row.dialable
        self.dial_button.setEnabled(row is not None and row.dialable)
        self.callback_button.setEnabled(row is not None)
        self.callback_button.setText(
            self.tr("Teruggebeld ✓") if row and row.callback else self.tr("Terugbellen ⚑")
        )
        self.callback_button.setToolTip(
            self.tr("Het terugbellen is gedaan: markering weghalen")
            if row and row.callback
            else self.tr("Markeren om terug te bellen; blijft staan tot het gedaan is")
        )
        self.new_button.setEnabled(unknown)
        self.attach_button.setEnabled(unknown)
        self.note.setEnabled(row is not None)
        self.note.setText(row.call.note or "" if row else "")
        if row is None:
            return
        if row.call.client_id is not None:
            self.client_chosen.emit(row.call.client_id)
        else:
            self.unknown_chosen.emit(row)

    def _activated(self) -> None:
        row = self.current()
        if row is not None and row.call.client_id is not None:
            self.client_chosen.emit(row.call.client_id)

    # -- what the buttons do ----------------------------------------------------------------

    def _write(self, fn, *args, done=None) -> None:
        def failed(error: Exception) -> None:
            self.status.emit(self.tr("Niet opgeslagen: %1").replace("%1", str(error)))

        submit(fn, *args, on_result=done or (lambda _r: self.reload()), on_error=failed,
               pool_name="write")  # fmt: skip

    def _save_note(self) -> None:
        row = self.current()
        if row is None:
            return
        text = self.note.text().strip()
        self._write(self.data.set_call_note, row.call.id, text)
        self.status.emit(self.tr("Notitie bij het gesprek opgeslagen."))

    def _toggle_callback(self) -> None:
        row = self.current()
        if row is not None:
            self._write(self.data.set_callback, row.call.id, not row.callback)

    def _dial(self) -> None:
        row = self.current()
        if row is None or not row.dialable:
            return
        if self.dial(row.call.number, row.call.client_id, self.data) is None:
            self.status.emit(self.tr("Bellen lukt niet: geen programma voor tel:-links gevonden."))
        else:
            self.status.emit(self.tr("%1 wordt gebeld.").replace("%1", row.number))
        self.changed()

    def new_client(self, name: str | None = None) -> None:
        """A new client with the selected unknown number (its name asked when not given)."""
        row = self.current()
        if row is None or row.call.client_id is not None or not row.dialable:
            return
        if name is None:
            name, ok = QInputDialog.getText(
                self,
                self.tr("Nieuwe klant"),
                self.tr("Naam van de klant met nummer %1:").replace("%1", row.number),
            )
            if not ok:
                return
        name = name.strip() or row.number
        self._write(
            self.data.client_for_number,
            row.call.id,
            row.call.number,
            None,
            name,
            done=self._number_placed,
        )

    def attach_to_client(self, client_id: int | None = None) -> None:
        """Add the selected unknown number to an existing client, chosen in a search."""
        row = self.current()
        if row is None or row.call.client_id is not None or not row.dialable:
            return
        if client_id is None:
            from ..call.dialogs import PickClientDialog

            dialog = PickClientDialog(self.data, row.number, self)
            if dialog.exec() != PickClientDialog.DialogCode.Accepted:
                return
            client_id = dialog.chosen_id()
            if client_id is None:
                return
        self._write(
            self.data.client_for_number,
            row.call.id,
            row.call.number,
            client_id,
            done=self._number_placed,
        )

    def _number_placed(self, client_id: int) -> None:
        self.reload()
        self.clients_changed.emit(client_id)
