"""Step 4: what was stored, with links that open each client."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from importing import ImportReport
from importing.report import JOINED


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

    def show_summary(self, report: ImportReport, names: dict[int, str]) -> None:
        e = html.escape

        def links(ids: list[int]) -> str:
            return "".join(
                f"<li><a href='client:{cid}'>{e(names.get(cid, f'klant {cid}'))}</a></li>"
                for cid in ids
                if cid
            )

        parts = [
            "<h2>Klaar</h2>",
            f"<p>{report.clients_created} nieuwe klant(en), "
            f"{report.clients_updated} bijgewerkt, {report.documents} document(en), "
            f"{report.pages} pagina's.</p>",
        ]
        if report.created:
            parts.append(f"<p><b>Nieuw</b></p><ul>{links(report.created)}</ul>")
        if report.updated:
            parts.append(f"<p><b>Bijgewerkt</b></p><ul>{links(report.updated)}</ul>")
        joined = [u for u in report.units if u.outcome == JOINED]
        if joined:
            items = "".join(f"<li>{e(u.path)}: {e(u.reason)}</li>" for u in joined)
            parts.append(f"<p><b>Samengevoegd</b></p><ul>{items}</ul>")
        if report.errors:
            items = "".join(f"<li>{e(x['path'])}: {e(x['error'])}</li>" for x in report.errors)
            parts.append(f"<p><b>Problemen</b></p><ul>{items}</ul>")
        parts.append("<p>Klik op een naam om de klant te openen.</p>")
        self.text.setText("".join(parts))

    def _link(self, href: str) -> None:
        if href.startswith("client:"):
            self.client_clicked.emit(int(href.split(":", 1)[1]))
