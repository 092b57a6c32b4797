"""BSN (burgerservicenummer) detection and masking: AVG protection of page text."""

from __future__ import annotations

import pytest

from ocr.extract import extract_client, mask_bsn
from ocr.extract.bsn import MASK, find_bsns
from storage import PageText, Word
from tests.ocr.test_extract import (
    no_saved_settings,  # noqa: F401
    page_of,
)

BSN = "123456782"  # passes the 11-proef
OTHER_BSN = "111222333"


@pytest.mark.parametrize(
    "text",
    [
        f"BSN: {BSN}",
        f"Burgerservicenummer {BSN}",
        "sofinummer 123 456 782",
        "BSN 1234.56.782",
        f"Nummer {BSN} staat op de kaart",  # alone, no label
        "123.456.782",
    ],
)
def test_bsn_is_found(text: str) -> None:
    spans = find_bsns(text)
    assert len(spans) == 1
    start, end = spans[0]
    assert "".join(c for c in text[start:end] if c.isdigit()) == BSN


@pytest.mark.parametrize(
    "text",
    [
        "BSN: 123456789",  # fails the 11-proef
        "Tel. +31 513 612 345",  # nine digits in a row inside a phone number
        "Mobiel: 06-12345678",
        "0612345678",
        f"Btw-nr: NL{BSN}B01",  # a btw-id holds a valid 11-proef number
        f"Btw: NL {BSN} B01",
        "KvK-nr: 12345678",
        "IBAN NL50 INGB 0683 2513 09",
        "NL50INGB0683251309",
        "Factuurnummer 2024-123456782",
        "bedrag € 123.456.782,00",
    ],
)
def test_other_numbers_are_never_taken_for_a_bsn(text: str) -> None:
    assert find_bsns(text) == []


def test_mask_bsn_masks_text_and_words_and_flags_the_page() -> None:
    page = page_of(
        ("Naam: Kees de Vries", 100, 100),
        ("BSN: 123 456 782", 100, 150),
        ("Tel.: 06-12345678", 100, 200),
        ("KvK-nr: 12345678", 100, 250),
        (f"Ander nummer {OTHER_BSN}", 100, 300),
    )
    masked, found = mask_bsn(page)
    assert found
    assert "782" not in masked.text and OTHER_BSN not in masked.text
    assert MASK * 3 in masked.text
    assert "06-12345678" in masked.text and "12345678" in masked.text
    texts = [w.text for w in masked.words]
    assert "782" not in texts and OTHER_BSN not in texts
    assert "06-12345678" in texts and "12345678" in texts and "Kees" in texts
    # boxes stay where they were, so the review can still point at the place
    assert [(w.left, w.top) for w in masked.words] == [(w.left, w.top) for w in page.words]
    assert BSN in page.text.replace(" ", "")  # the original is not changed in place


def test_page_without_bsn_is_returned_unchanged() -> None:
    page = page_of(("Tel.: +31 513 612 345", 100, 100), ("IBAN NL50INGB0683251309", 100, 150))
    masked, found = mask_bsn(page)
    assert not found and masked is page


def test_bsn_in_text_only_page() -> None:
    masked, found = mask_bsn(PageText(f"Cliënt\nBSN {BSN}\n", [], None))
    assert found and BSN not in masked.text
    words = [Word(t, 0, 0, 0, 0, 90.0) for t in ("BSN:", "123", "456", "782", "Tel.")]
    masked, found = mask_bsn(PageText("BSN: 123 456 782 Tel.", words, None))
    assert found and [w.text for w in masked.words][1:4] == [MASK * 3] * 3


def test_extract_client_flags_pages_with_a_bsn_and_never_reads_it_as_a_field() -> None:
    pages = [
        page_of(("Naam: Kees de Vries", 100, 100)),
        page_of(("BSN: 123456782", 100, 100), ("Tel. 06-12345678", 100, 150)),
    ]
    ex = extract_client(pages)
    assert ex.bsn_pages == [1] and ex.bsn_found
    everything = [fv.value for readings in ex.candidates.values() for fv in readings]
    assert not any(BSN in v for v in everything)
    assert ex.value("phone") == "+31612345678"
