"""Fuzzing with hypothesis: typed queries, phone numbers, contact files and OCR pages
go in, no exception comes out. Small budgets here; bench/faults.py runs many more."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.faults.helpers.fuzz import (
    ContactTarget,
    SearchTarget,
    as_function,
    contact_bytes,
    extract_target,
    normalize_target,
    pages,
    phone_text,
    query_text,
)

SMALL = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def test_search_never_raises(tmp_path):
    target = SearchTarget(tmp_path / "k.sqlite")
    try:
        given(query_text)(SMALL(as_function(target)))()
    finally:
        target.close()


def test_phone_normalisation_never_raises():
    given(phone_text)(SMALL(normalize_target))()


def test_contact_import_never_raises(tmp_path):
    target = ContactTarget(tmp_path / "k.sqlite")
    try:
        given(contact_bytes)(settings(SMALL, max_examples=100)(as_function(target)))()
    finally:
        target.close()


def test_field_extraction_never_raises():
    given(pages())(settings(SMALL, max_examples=100)(extract_target))()


def test_a_raising_target_is_caught():
    """The harness can fail: a target that raises on some input is reported."""

    def fragile(text: str) -> None:
        if "*" in text:
            raise ValueError("star")

    with pytest.raises(ValueError):
        given(st.just("jan*"))(SMALL(fragile))()


def test_stored_number_is_found_by_its_own_e164():
    from storage.phones import normalize

    e164 = normalize("0000000")
    assert e164 is None or normalize(e164) == e164
