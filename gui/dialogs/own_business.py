"""Eigen bedrijf: the details on the user's own letterhead. An import never takes them for
a client's (ocr/extract filters them out), so without them the business's own phone number
and e-mail address end up on client cards. importing.own_business keeps them in a small
JSON file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from importing.own_business import OwnBusiness, SettingsError, load_own_business, save_own_business

from .. import formatting
from ..validation import check

# Several numbers or addresses are typed one per line; a pasted "a, b; c" is split too.
# Names are split on new lines only: "Smit, Jansen & Co" is one name.
_LIST_SEPARATORS = re.compile(r"[\n,;]+")
_INVALID_STYLE = (
    'QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] '
    "{ border: 2px solid #c62828; background: #fff1f0; }"
)


@dataclass(frozen=True)
class _Field:
    key: str  # the OwnBusiness field
    group: str  # the box it sits in
    check_as: str | None = None  # gui.validation's field name, None: any text
    many: bool = False  # a tuple field: one value per line
    commas: bool = False  # commas and semicolons separate values too


FIELDS = (
    _Field("name", "name"),
    _Field("extra_names", "name", many=True),
    _Field("signers", "name", many=True),
    _Field("street", "address"),
    _Field("postcode", "address", "postcode"),
    _Field("city", "address"),
    _Field("phones", "contact", "phone", many=True, commas=True),
    _Field("emails", "contact", "email", many=True, commas=True),
    _Field("iban", "numbers", "iban"),
    _Field("kvk", "numbers", "kvk"),
    _Field("btw", "numbers", "btw"),
)


def split_values(text: str, commas: bool) -> tuple[str, ...]:
    """The values typed in a multi-line field, in order, without blanks or repeats."""
    parts = _LIST_SEPARATORS.split(text) if commas else text.splitlines()
    seen: dict[str, None] = {}
    for part in parts:
        part = " ".join(part.split())
        if part:
            seen.setdefault(part, None)
    return tuple(seen)


class OwnBusinessDialog(QDialog):
    """Edit and save the own-business details. path None: the usual settings file
    (importing.own_business.settings_path, which $KLANTDOSSIER_OWN_BUSINESS overrides).
    After accept, saved holds what was written."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.saved: OwnBusiness | None = None
        self.setWindowTitle(self.tr("Eigen bedrijf"))
        self.setStyleSheet(_INVALID_STYLE)
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        labels = self._labels()

        intro = QLabel(
            self.tr(
                "Vul hier de gegevens in die op uw <b>eigen</b> briefpapier staan. Bij het "
                "inlezen van papier worden deze gegevens nooit bij een klant gezet, ook niet "
                "als ze op een brief aan die klant staan."
            )
        )
        intro.setObjectName("own_business_intro")
        intro.setWordWrap(True)

        groups = {
            "name": QGroupBox(self.tr("Naam")),
            "address": QGroupBox(self.tr("Adres")),
            "contact": QGroupBox(self.tr("Telefoon en e-mail")),
            "numbers": QGroupBox(self.tr("Bank en registratie")),
        }
        forms = {name: QFormLayout(box) for name, box in groups.items()}
        for spec in FIELDS:
            text, example = labels[spec.key]
            edit = self._make_edit(spec)
            if example:
                edit.setPlaceholderText(example)
            self.edits[spec.key] = edit
            label = QLabel(text)
            label.setBuddy(edit)
            forms[spec.group].addRow(label, edit)

        grid = QGridLayout()
        grid.addWidget(groups["name"], 0, 0)
        grid.addWidget(groups["address"], 1, 0)
        grid.addWidget(groups["contact"], 0, 1)
        grid.addWidget(groups["numbers"], 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.message = QLabel()
        self.message.setObjectName("own_business_message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Opslaan"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(760, 0)
        self._fit()
        self._load()

    def _labels(self) -> dict[str, tuple[str, str]]:
        """Per field: the label and an example shown while the field is empty."""
        one_per_line = self.tr("Eén per regel, bijvoorbeeld:")
        return {
            "name": (self.tr("&Bedrijfsnaam:"), self.tr("bijvoorbeeld Hoekstra Installatie B.V.")),
            "extra_names": (
                self.tr("&Andere namen:"),
                self.tr("Handelsnamen of een oude naam, één per regel"),
            ),
            "signers": (
                self.tr("&Ondertekenaars:"),
                one_per_line + "\nJ. Hoekstra\nA. de Vries",
            ),
            "street": (self.tr("&Straat en huisnummer:"), self.tr("bijvoorbeeld Industrieweg 14")),
            "postcode": (self.tr("&Postcode:"), self.tr("bijvoorbeeld 1234 AB")),
            "city": (self.tr("P&laats:"), ""),
            "phones": (
                self.tr("&Telefoonnummers:"),
                one_per_line + "\n020-1234567\n06-12345678",
            ),
            "emails": (
                self.tr("&E-mailadressen:"),
                one_per_line + "\ninfo@uwbedrijf.nl\nadministratie@uwbedrijf.nl",
            ),
            "iban": (self.tr("&IBAN:"), self.tr("bijvoorbeeld NL91 ABNA 0417 1643 00")),
            "kvk": (self.tr("&KvK-nummer:"), self.tr("8 cijfers")),
            "btw": (self.tr("B&tw-nummer:"), self.tr("bijvoorbeeld NL123456782B01")),
        }

    @staticmethod
    def _make_edit(spec: _Field) -> QLineEdit | QPlainTextEdit:
        if not spec.many:
            edit = QLineEdit()
        else:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
            lines = edit.fontMetrics().lineSpacing()
            edit.setFixedHeight(lines * 3 + 12)  # three lines show; more scroll
        edit.setObjectName(f"own_{spec.key}")
        edit.setProperty("invalid", False)
        return edit

    # -- reading and writing -----------------------------------------------------------------

    def _load(self) -> None:
        try:
            own = load_own_business(self.path)
        except SettingsError as e:
            self._say(
                str(e) + " " + self.tr("Wat u hier opslaat, komt ervoor in de plaats."),
                error=True,
            )
            own = OwnBusiness()
        self.set_values(own)

    def set_values(self, own: OwnBusiness) -> None:
        for spec in FIELDS:
            value = getattr(own, spec.key)
            edit = self.edits[spec.key]
            if spec.many:
                edit.setPlainText("\n".join(value))
            elif spec.key == "iban" and value:
                edit.setText(formatting.iban(value))
            else:
                edit.setText(value or "")

    def collect(self) -> tuple[OwnBusiness, list[tuple[str, str]]]:
        """What the fields say, tidied (IBAN without spaces, btw with NL); and the problems
        as (field key, sentence), empty when everything may be saved."""
        labels = self._labels()
        values: dict[str, Any] = {}
        problems: list[tuple[str, str]] = []
        for spec in FIELDS:
            edit = self.edits[spec.key]
            label = labels[spec.key][0].replace("&", "").rstrip(":")
            if spec.many:
                typed = split_values(edit.toPlainText(), spec.commas)
                kept: list[str] = []
                for item in typed:
                    result = check(spec.check_as, item) if spec.check_as else None
                    if result is not None and not result.ok:
                        problems.append((spec.key, f"{label}: “{item}” — {result.error}"))
                    else:
                        kept.append(item)  # phone numbers stay as written, as on the paper
                values[spec.key] = tuple(kept)
            else:
                text = " ".join(edit.text().split())
                result = check(spec.check_as, text) if spec.check_as else None
                if result is not None and not result.ok:
                    problems.append((spec.key, f"{label}: {result.error}"))
                    values[spec.key] = None
                else:
                    values[spec.key] = (result.value if result else text) or None
        return OwnBusiness(**values), problems

    def accept(self) -> None:
        own, problems = self.collect()
        bad = {key for key, _ in problems}
        for key, edit in self.edits.items():
            self._mark(edit, key in bad)
        if problems:
            self._say(
                self.tr("Niet opgeslagen. Verbeter eerst:")
                + "\n"
                + "\n".join(m for _, m in problems),
                error=True,
            )
            self.edits[problems[0][0]].setFocus()
            return
        try:
            save_own_business(own, self.path)
        except SettingsError as e:
            self._say(str(e), error=True)
            return
        self.saved = own
        super().accept()

    # -- helpers -----------------------------------------------------------------------------

    @staticmethod
    def _mark(edit: QWidget, bad: bool) -> None:
        if bool(edit.property("invalid")) == bad:
            return
        edit.setProperty("invalid", bad)
        edit.style().unpolish(edit)  # the style sheet reads the property on polish
        edit.style().polish(edit)

    def _say(self, text: str, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(formatting.message_style(error))
        self.message.show()
        self._fit()

    def _fit(self) -> None:
        """Grow to the height the wrapped texts need at this width: Qt's minimum size is
        worked out for the narrowest width and would squeeze the fields together."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)
