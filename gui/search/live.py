"""Search as you type: the window's search field, its result list and the card following
the selection once the user pauses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer

from storage import SearchHit

from ..workers import submit
from .model import by_name

if TYPE_CHECKING:
    from ..main_window import MainWindow

PREVIEW_DELAY_MS = 150  # the card follows the selection once the user pauses
MIN_QUERY = 2  # one letter matches half the file: show the list instead
# ↑/↓/PgUp/PgDn in the search field move through the results by this many rows
ROW_STEPS = {
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageDown: 5,
    Qt.Key.Key_PageUp: -5,
}


def is_search(query: str) -> bool:
    """A query worth searching for; anything shorter shows all clients by name."""
    return len(query) >= MIN_QUERY or any(c.isdigit() for c in query)


class LiveSearch(QObject):
    """Runs the window's search as the user types and shows the answer in its result list.

    Connect it (connect_signals) once the window's remembered search text is in place."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.seq = 0
        self.in_flight = False
        self.pending = False
        self.shown_query: str | None = None
        self.quiet = False  # set while the window itself moves the selection
        self.preview = QTimer(window, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.preview.timeout.connect(self._preview_current)
        window.search_field.installEventFilter(self)

    def connect_signals(self) -> None:
        window = self.window
        window.search_field.textChanged.connect(lambda _text: self.run())
        window.search_field.returnPressed.connect(self._open_current)
        window.results.activated_client.connect(self.open_and_focus)
        window.results.selectionModel().currentChanged.connect(self._current_changed)

    def eventFilter(self, obj, event) -> bool:
        # ↑/↓/PgUp/PgDn in the search field move through the results without leaving it
        window = self.window
        if obj is window.search_field and event.type() == QEvent.Type.KeyPress:
            step = ROW_STEPS.get(event.key())
            if step is not None:
                results = window.results
                row = results.currentIndex().row()
                if results.count():
                    results.set_current_row(max(0, min(results.count() - 1, row + step)))
                return True
        return super().eventFilter(obj, event)

    def run(self) -> None:
        """At most one query runs at a time; keys typed meanwhile are coalesced into one
        follow-up query (no fixed delay: the first key answers at once)."""
        if self.in_flight:
            self.pending = True
            return
        self.seq += 1
        seq = self.seq
        query = self.window.search_field.text().strip()
        self.in_flight = True
        data = self.window.data
        if is_search(query):
            fn, args = data.search, (query, 50)
        else:
            fn, args = data.recent, (50,)
        submit(
            fn,
            *args,
            on_result=lambda hits: self._show_hits(seq, query, hits),
            on_error=lambda e: self._failed(seq, e),
            pool_name="read",
        )

    def _done(self) -> None:
        self.in_flight = False
        if self.pending:
            self.pending = False
            self.run()

    def _show_hits(self, seq: int, query: str, hits: list[SearchHit]) -> None:
        self._done()
        if seq != self.seq or self.pending or self.in_flight:
            return  # an answer to an older query: the user has typed on
        window = self.window
        keep = window.card.client.id if window.card.client else None
        new_query = query != self.shown_query
        self.shown_query = query
        searching = is_search(query)
        if not searching:
            hits = by_name(hits)  # "Élodie" with the E's (a Dutch collation)
        window.results.result_model.set_hits(hits)
        for viewer in window._viewers:  # no open page keeps the previous query's marks
            viewer.set_query(query if searching else "")
        window.results_info.setText(self._info_text(query, searching, len(hits)))
        row = window.results.result_model.row_of(keep) if keep is not None and not new_query else -1
        if hits:
            self.select_row(row if row >= 0 else 0)
            if new_query and query:
                self.preview.start()
        window.results_updated.emit()

    def _info_text(self, query: str, searching: bool, n: int) -> str:
        if not n:
            return self.tr("Niets gevonden voor “%1”.").replace("%1", query) if query else ""
        if not searching:
            return self.tr("Alle klanten op naam")
        if n == 1:
            return self.tr("1 klant gevonden")
        if n < 50:
            return self.tr("%1 klanten gevonden").replace("%1", str(n))
        return self.tr("De eerste 50 klanten; typ verder om te verfijnen")

    def _failed(self, seq: int, error: Exception) -> None:
        self._done()
        if seq == self.seq:
            self.window.check_file()
            self.window.statusBar().showMessage(
                self.tr("Zoeken mislukt: %1").replace("%1", str(error))
            )

    def _current_changed(self, *_args) -> None:
        if not self.quiet:
            self.preview.start()

    def select_row(self, row: int) -> None:
        """Move the selection without the card following it (the window moved it)."""
        self.quiet = True
        try:
            self.window.results.set_current_row(row)
        finally:
            self.quiet = False

    def _preview_current(self) -> None:
        window = self.window
        client_id = window.results.current_client_id()
        if client_id is not None and (
            window.card.client is None
            or window.card.client.id != client_id
            or window.card_stack.currentWidget() is not window.card
        ):
            window.open_client(client_id)

    def _open_current(self) -> None:
        client_id = self.window.results.current_client_id()
        if client_id is not None:
            self.open_and_focus(client_id)

    def open_and_focus(self, client_id: int) -> None:
        self.preview.stop()
        self.window.open_client(client_id)
        self.window.results.setFocus()
