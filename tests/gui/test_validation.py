"""The card's field checks: Dutch forms tidied, wrong ones refused with a sentence."""

from __future__ import annotations

import pytest

from gui import formatting
from gui.validation import check


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        ("postcode", "1017gc", "1017 GC"),
        ("postcode", " 1017  GC ", "1017 GC"),
        ("iban", "nl91 abna 0417 1643 00", "NL91ABNA0417164300"),
        ("bic", "ingbnl2a", "INGBNL2A"),
        ("kvk", "1234 5678", "12345678"),
        ("btw", "NL004495445B01", "NL004495445B01"),
        ("phone", "020-123 4567", "+31201234567"),
        ("phone", "+32 2 555 12 12", "+3225551212"),
        ("email", "jan@bakker.nl", "jan@bakker.nl"),
        ("client_since", "1-3-2019", "2019-03-01"),
        ("company", "  Ünïcødé B.V. ", "Ünïcødé B.V."),
        ("iban", "", None),  # empty clears the field
    ],
)
def test_good_values_are_tidied(field, typed, stored):
    result = check(field, typed)
    assert result.ok and result.value == stored


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("postcode", "12345"),
        ("iban", "NL91ABNA0417164301"),
        ("kvk", "1234567"),
        ("phone", "bel me"),
        ("email", "jan.bakker.nl"),
        ("client_since", "31-02-2019"),
        ("btw", "NL12"),
    ],
)
def test_bad_values_are_refused_with_a_reason(field, typed):
    result = check(field, typed)
    assert not result.ok and result.value is None and len(result.error) > 20


def test_foreign_postcode_is_left_alone():
    assert check("postcode", "B-1000", country="BE").value == "B-1000"


def test_dutch_notation_on_screen():
    assert formatting.phone("+31612345678") == "06 12345678"
    assert formatting.phone("+3225551212").startswith("+32")
    assert formatting.iban("NL91ABNA0417164300") == "NL91 ABNA 0417 1643 00"
    assert formatting.date("2019-03-01") == "01-03-2019"
    assert formatting.number(100000) == "100.000"
