"""What the banner says about a number: national format and where it is from (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberType

from storage.phones import DEFAULT_REGION, normalize

from . import places  # not phonenumbers.geocoder: that holds the whole world (135 MB)

SHOWN_MAX = 40  # characters of a non-number shown back to the user

_TYPE_WORDS = {
    PhoneNumberType.MOBILE: "mobiel",
    PhoneNumberType.TOLL_FREE: "gratis nummer",
    PhoneNumberType.PREMIUM_RATE: "betaalnummer",
    PhoneNumberType.SHARED_COST: "informatienummer",
    PhoneNumberType.VOIP: "internettelefonie",
    PhoneNumberType.PERSONAL_NUMBER: "persoonlijk nummer",
    PhoneNumberType.PAGER: "semafoon",
    PhoneNumberType.UAN: "bedrijfsnummer",
    PhoneNumberType.VOICEMAIL: "voicemail",
}


@dataclass(frozen=True, slots=True)
class CallerNumber:
    """A number as it came in: e164 None when it is not a phone number at all."""

    raw: str
    e164: str | None
    display: str  # "06 12345678", "+49 30 123456", or the (shortened) text itself
    origin: str  # "mobiel", "Amsterdam", "mobiel, Duitsland", "" when not known


def describe(raw: str, region: str = DEFAULT_REGION) -> CallerNumber:
    e164 = normalize(raw, region)
    if e164 is None:
        shown = raw if len(raw) <= SHOWN_MAX else raw[: SHOWN_MAX - 1] + "…"
        return CallerNumber(raw, None, shown, "")
    parsed = phonenumbers.parse(e164, None)
    home = phonenumbers.region_code_for_number(parsed) == region
    display = phonenumbers.format_number(
        parsed,
        phonenumbers.PhoneNumberFormat.NATIONAL
        if home
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL,
    )
    kind = _TYPE_WORDS.get(phonenumbers.number_type(parsed), "")
    # The geocoder gives the city of an area code, or only the country for a mobile.
    place = places.description_for_number(parsed, "nl")
    if kind and not home:
        origin = f"{kind}, {places.country_name_for_number(parsed, 'nl')}"
    else:
        origin = kind or place
    return CallerNumber(raw, e164, display, origin)


def warm_up(region: str = DEFAULT_REGION) -> None:
    """Read the home country's places now, so the first ring does not wait for them."""
    places.warm_up(phonenumbers.country_code_for_region(region), "nl")
    describe("+31201234567")
    describe("+31612345678")
