"""How numbers, IBANs and dates read on screen: Dutch notation (QLocale nl_NL)."""

from __future__ import annotations

import phonenumbers
from PySide6.QtCore import QDate, QDateTime, Qt

from .i18n import DUTCH


def phone(e164: str) -> str:
    """+31201234567 -> 020 123 4567; foreign numbers in international form."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if parsed.country_code == 31
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(parsed, fmt)


def iban(value: str) -> str:
    """NL91ABNA0417164300 -> NL91 ABNA 0417 1643 00 (as printed on a bank card)."""
    compact = value.replace(" ", "")
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def when(iso: str | None) -> str:
    """An ISO timestamp from the client file as 23-11-2026 14:05 (local time)."""
    if not iso:
        return ""
    stamp = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not stamp.isValid():
        return iso
    return DUTCH.toString(stamp.toLocalTime(), "dd-MM-yyyy HH:mm")


def number(n: int) -> str:
    """100000 -> 100.000."""
    return DUTCH.toString(n)


def date(iso: str | None) -> str:
    """2019-03-01 -> 01-03-2019; anything else as it is."""
    if not iso:
        return ""
    day = QDate.fromString(iso[:10], Qt.DateFormat.ISODate)
    return DUTCH.toString(day, "dd-MM-yyyy") if day.isValid() else iso


def message_style(error: bool) -> str:
    """Style of an inline message in a form or card: red for a problem, blue for news."""
    if error:
        return "color: #b71c1c; background: #fdecea; padding: 4px;"
    return "background: #e8f0fe; padding: 4px;"
