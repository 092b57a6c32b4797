"""gui.call.places gives the answers of phonenumbers.geocoder (which it replaces at 1/20
of the memory) for real example numbers of many countries, and reads the data lazily."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import phonenumbers
import pytest
from phonenumbers import PhoneNumberType

from gui.call import places

REGIONS = ["NL", "BE", "DE", "FR", "GB", "US", "CA", "AR", "CN", "IT", "ES", "TR", "MA", "SR"]
KINDS = [PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE]


@pytest.mark.parametrize("region", REGIONS)
def test_same_answers_as_the_geocoder(region):
    from phonenumbers import geocoder

    for kind in KINDS:
        number = phonenumbers.example_number_for_type(region, kind)
        if number is None:
            continue
        for lang in ("nl", "en"):
            expected = geocoder.description_for_number(number, lang)
            assert places.description_for_number(number, lang) == expected, (region, kind)
            expected = geocoder.country_name_for_number(number, lang)
            assert places.country_name_for_number(number, lang) == expected


def test_dutch_places_without_the_worlds_data():
    probe = (
        "import sys, phonenumbers\n"
        "from gui.call import places\n"
        "print(places.description_for_number(phonenumbers.parse('+31201234567'), 'nl'))\n"
        "print(sorted(m for m in sys.modules if 'geodata' in m or 'geocoder' in m))\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == "Amsterdam"
    assert out[1] == "[]"  # no geodata package, hence not the 135 MB of every country
