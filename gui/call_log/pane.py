"""The window and its calls: the Gesprekken view opens the card of the client who called
(or says "Onbekend nummer" instead of a card), follows the caller banner, and the card and
the view show changes to the call log at once (a call note saved in the banner)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from .model import CallRow

if TYPE_CHECKING:
    from ..call.controller import CallController


class CallsPane(QObject):
    """window: the MainWindow (calls_view, card, unknown_panel, open_client, ...)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.calls_view
        self.view.client_chosen.connect(self._client_chosen)
        self.view.unknown_chosen.connect(self._unknown_chosen)
        self.view.clients_changed.connect(self._number_placed)
        self.view.status.connect(lambda text: window.statusBar().showMessage(text, 6000))
        window.data.on_change(self._data_changed)

    def show_calls(self) -> None:
        self.window.left_tabs.setCurrentWidget(self.view)
        self.view.tree.setFocus()

    def show_client_calls(self, client_id: int, name: str) -> None:
        """Gesprekken with only this client's calls (asked for on the card)."""
        self.view.show_client((client_id, name))
        self.show_calls()

    def show_unknown_number(self, number: str, origin: str, hint: str = "") -> None:
        """No client's card while an unknown number is on screen (the previous client's
        card would mislead during a call): the number and where it is from instead."""
        window = self.window
        window.card.hide_popups()
        title = self.tr("Onbekend nummer")
        shown = html.escape(number) + (f" · {html.escape(origin)}" if origin else "")
        window.unknown_panel.setText(
            f"<h2>{title}</h2><p style='font-size:14pt'>{shown}</p>"
            + (f"<p style='color:#555'>{hint}</p>" if hint else "")
        )
        window.show_card_slot(window.unknown_panel)

    def _client_chosen(self, client_id: int) -> None:
        if self.window.open_card_client() is None or self.window.card.client.id != client_id:
            self.window.open_client(client_id)

    def _unknown_chosen(self, row: CallRow) -> None:
        self.show_unknown_number(
            row.number,
            row.origin,
            self.tr("Kies links <b>Nieuwe klant…</b> of <b>Aan klant koppelen…</b>."),
        )

    def _number_placed(self, client_id: int) -> None:
        self.window.refresh()
        self.window.open_client(client_id)

    def follow(self, controller: CallController) -> None:
        """Follow the window's call controller (gui/call.install hands it over): a caller
        on screen shows in Gesprekken at once, and an unknown caller hides the previous
        client's card."""
        controller.shown.connect(self.caller_shown)

    def caller_shown(self, banner) -> None:
        caller = getattr(banner, "caller", None)
        self.view.changed()
        if caller is not None and caller.client is None:
            self.show_unknown_number(
                caller.number.display,
                caller.number.origin,
                self.tr("Met de knoppen in de balk hierboven bewaart u het nummer."),
            )

    def _data_changed(self, kind: str, client_id: int | None) -> None:
        if kind == "calls":
            self.view.changed()
        client = self.window.open_card_client()
        if client is not None and client_id in (None, client.id):
            self.window.card.reload(keep_message=True)
