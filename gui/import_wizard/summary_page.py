"""Step 4: what was stored, with links that open each client."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ocr.intake import Summary


class SummaryPage(QWidget):
    client_clicked = Signal(int)
    close_requested = Signal()
    again_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel()
        self.text.setObjectName("summary")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setOpenExternalLinks(False)
        self.text.linkActivated.connect(self._link)
        self.again_button = QPushButton(self.tr("&Meer papier inlezen"))
        self.close_button = QPushButton(self.tr("&Sluiten"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.again_button.clicked.connect(self.again_requested)
        self.close_button.clicked.connect(self.close_requested)

    def show_summary(self, summary: Summary, names: dict[int, str]) -> None:
        e = html.escape

        def links(ids: list[int]) -> str:
            return "".join(
                f"<li><a href='client:{cid}'>{e(names.get(cid, f'klant {cid}'))}</a></li>"
                for cid in ids
            )

        parts = [
            "<h2>Klaar</h2>",
            f"<p>{len(summary.clients_created)} nieuwe klant(en), "
            f"{len(summary.clients_updated)} bijgewerkt, {summary.documents} document(en), "
            f"{summary.pages} pagina's.</p>",
        ]
        if summary.clients_created:
            parts.append(f"<p><b>Nieuw</b></p><ul>{links(summary.clients_created)}</ul>")
        if summary.clients_updated:
            parts.append(f"<p><b>Bijgewerkt</b></p><ul>{links(summary.clients_updated)}</ul>")
        if summary.problems:
            items = "".join(f"<li>{e(p.where)}: {e(p.message)}</li>" for p in summary.problems)
            parts.append(f"<p><b>Problemen</b></p><ul>{items}</ul>")
        parts.append("<p>Klik op een naam om de klant te openen.</p>")
        self.text.setText("".join(parts))

    def _link(self, href: str) -> None:
        if href.startswith("client:"):
            self.client_clicked.emit(int(href.split(":", 1)[1]))
