"""Asking before a client is erased for good (AVG: nothing of them stays behind)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from storage import Client


def confirm_forget(parent: QWidget, client: Client) -> bool:
    """True when the user chose to erase the client; the safe answer is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("confirm", "Klant wissen"))
    docs = len(client.documents)
    box.setText(
        QCoreApplication.translate(
            "confirm", "<b>%1</b> en alles van deze klant definitief wissen?"
        ).replace("%1", html.escape(client.name or ""))
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "confirm",
            "De kaart, %1 document(en) met hun scans, notities en gesprekken worden gewist "
            "(AVG). Dit kan niet ongedaan worden gemaakt.",
        ).replace("%1", str(docs))
    )
    erase = box.addButton(
        QCoreApplication.translate("confirm", "Definitief wissen"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    cancel = box.addButton(
        QCoreApplication.translate("confirm", "Annuleren"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is erase
