"""Checking and tidying what a user types in a card field (pure functions, no widgets)."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from storage import phones

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True, slots=True)
class Checked:
    """value: the tidy form to store; error: a sentence for the user (then value is None)."""

    value: str | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def check(field: str, text: str, country: str | None = "NL") -> Checked:
    """Validate one field; empty means 'clear it' and is always fine."""
    text = text.strip()
    if not text:
        return Checked(None)
    checker = _CHECKS.get(field)
    return checker(text, country) if checker else Checked(text)


# stdnum's modules are imported where used (its exceptions too: stdnum/__init__ loads
# pydoc and ssl): together they cost a noticeable part of the window's start-up, and most
# sessions never edit an IBAN.


def _postcode(text: str, country: str | None) -> Checked:
    from stdnum.exceptions import ValidationError
    from stdnum.nl import postcode

    if (country or "NL").upper() != "NL":
        return Checked(text)
    try:
        compact = postcode.compact(postcode.validate(text))
    except ValidationError:
        return Checked(
            None,
            QCoreApplication.translate(
                "validation", "Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 1234 AB."
            ),
        )
    return Checked(f"{compact[:4]} {compact[4:]}")


def _iban(text: str, _country: str | None) -> Checked:
    from stdnum import iban
    from stdnum.exceptions import ValidationError

    try:
        return Checked(iban.validate(text))
    except ValidationError:
        return Checked(
            None,
            QCoreApplication.translate(
                "validation", "Dit IBAN klopt niet (controleer de cijfers)."
            ),
        )


def _bic(text: str, _country: str | None) -> Checked:
    from stdnum import bic
    from stdnum.exceptions import ValidationError

    try:
        return Checked(bic.validate(text))
    except ValidationError:
        return Checked(
            None,
            QCoreApplication.translate(
                "validation", "Een BIC is 8 of 11 tekens, bijvoorbeeld INGBNL2A."
            ),
        )


def _btw(text: str, _country: str | None) -> Checked:
    from stdnum.exceptions import ValidationError
    from stdnum.nl import btw

    try:
        return Checked("NL" + btw.validate(text))
    except ValidationError:
        return Checked(
            None,
            QCoreApplication.translate(
                "validation", "Een btw-nummer ziet eruit als NL123456789B01."
            ),
        )


def _kvk(text: str, _country: str | None) -> Checked:
    digits = re.sub(r"[\s.]", "", text)
    if not re.fullmatch(r"\d{8}", digits):
        return Checked(
            None, QCoreApplication.translate("validation", "Een KvK-nummer heeft 8 cijfers.")
        )
    return Checked(digits)


def _phone(text: str, _country: str | None) -> Checked:
    e164 = phones.normalize(text)
    if e164 is None:
        return Checked(
            None,
            QCoreApplication.translate(
                "validation", "Dit is geen telefoonnummer, bijvoorbeeld 06-12345678."
            ),
        )
    return Checked(e164)


def _email(text: str, _country: str | None) -> Checked:
    if not _EMAIL.match(text):
        return Checked(
            None,
            QCoreApplication.translate(
                "validation", "Dit is geen e-mailadres, bijvoorbeeld naam@voorbeeld.nl."
            ),
        )
    return Checked(text)


def _date(text: str, _country: str | None) -> Checked:
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text) or re.fullmatch(
        r"(\d{4})-(\d{1,2})-(\d{1,2})", text
    )
    if m:
        a, b, c = (int(g) for g in m.groups())
        year, month, day = (a, b, c) if a > 31 else (c, b, a)
        try:
            return Checked(_dt.date(year, month, day).isoformat())
        except ValueError:
            pass
    return Checked(
        None,
        QCoreApplication.translate(
            "validation", "Een datum schrijft u als dag-maand-jaar, bijvoorbeeld 01-03-2019."
        ),
    )


_CHECKS = {
    "client_since": _date,
    "postcode": _postcode,
    "iban": _iban,
    "bic": _bic,
    "btw": _btw,
    "kvk": _kvk,
    "phone": _phone,
    "email": _email,
}
