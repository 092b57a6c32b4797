"""Phone numbers to E.164, the one form the client file indexes and looks up."""

from __future__ import annotations

import re

import phonenumbers

DEFAULT_REGION = "NL"
_URI_PREFIX = re.compile(r"^\s*(tel|callto|sip):(//)?", re.IGNORECASE)


def normalize(number: str, region: str = DEFAULT_REGION) -> str | None:
    """Return the E.164 form of a written number, or None when it is not a phone number."""
    if not number or len(number) > 64:
        return None
    text = _URI_PREFIX.sub("", number).split(";", 1)[0].split("@", 1)[0].strip()
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    # A stored number must be found again by its own E.164: refuse forms like '0000000'
    # whose E.164 ('+31000000') parses to something else.
    if (
        phonenumbers.format_number(
            phonenumbers.parse(e164, None), phonenumbers.PhoneNumberFormat.E164
        )
        != e164
    ):
        return None
    return e164


def strip_uri(text: str) -> str:
    """'tel:+31612345678;ext=1' -> '+31612345678'; other text unchanged."""
    if _URI_PREFIX.match(text):
        return _URI_PREFIX.sub("", text).split(";", 1)[0].split("@", 1)[0]
    return text


def _parse(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    return parsed if phonenumbers.is_possible_number(parsed) else None


def candidates(number: str, region: str = DEFAULT_REGION) -> list[str]:
    """E.164 numbers a written or received number may stand for, most likely first.

    Beside the plain reading this covers what telephone systems hand over: a caller ID
    without its leading 0 or '+' ("612345678", "31612345678"), and a company exchange's
    outside-line 0 in front ("00612345678", "0 020 1234567"). Valid numbers come before
    merely possible ones; the caller looks all of them up in one query.
    """
    if not number or len(number) > 64:
        return []
    region = (region or DEFAULT_REGION).upper()
    text = _URI_PREFIX.sub("", number).split(";", 1)[0].split("@", 1)[0].strip()
    digits = "".join(c for c in text if c.isdigit())
    if not digits or len(digits) > 17:
        return []
    readings = [text]
    if not text.startswith("+"):
        if digits.startswith("0"):
            readings.append(digits[1:])  # an exchange's outside-line 0
        else:
            readings.append("+" + digits)  # a caller ID that lost its '+'
    valid: list[str] = []
    possible: list[str] = []
    for reading in readings:
        parsed = _parse(reading, region)
        if parsed is None:
            continue
        e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        bucket = valid if phonenumbers.is_valid_number(parsed) else possible
        if e164 not in valid and e164 not in possible:
            bucket.append(e164)
    return valid + possible


def kind_of(e164: str) -> str:
    """'mobile', 'landline' or 'other' for an E.164 number."""
    parsed = phonenumbers.parse(e164, None)
    number_type = phonenumbers.number_type(parsed)
    if number_type == phonenumbers.PhoneNumberType.MOBILE:
        return "mobile"
    if number_type == phonenumbers.PhoneNumberType.FIXED_LINE:
        return "landline"
    return "other"


def written(e164: str) -> str:
    """How a Dutch office writes a number ("06 12345678", "00 44 20 7946 0958"): readable,
    parsed back with region NL, and never taken for a formula or a number by Excel."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_out_of_country_calling_number(parsed, "NL")


def international(e164: str) -> str:
    """ "+49 30 1234567": read alike in every country."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
