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
    text = _URI_PREFIX.sub("", number).split(";", 1)[0].strip()
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def kind_of(e164: str) -> str:
    """'mobile', 'landline' or 'other' for an E.164 number."""
    parsed = phonenumbers.parse(e164, None)
    number_type = phonenumbers.number_type(parsed)
    if number_type == phonenumbers.PhoneNumberType.MOBILE:
        return "mobile"
    if number_type == phonenumbers.PhoneNumberType.FIXED_LINE:
        return "landline"
    return "other"
