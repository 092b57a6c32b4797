"""The extractor on real Tesseract output of generated client paperwork (a few pages)."""

from __future__ import annotations

import random

import pytest

from ocr.engine.tesseract import ocr_image
from ocr.extract import OwnBusiness, extract_client
from tests.datagen import OWN_BUSINESS, degrade, make_client, render_page
from tests.ocr.test_extract import no_saved_settings  # noqa: F401

pytestmark = pytest.mark.slow

OWN = OwnBusiness(
    name=OWN_BUSINESS.name,
    street=OWN_BUSINESS.street,
    postcode=OWN_BUSINESS.postcode,
    city=OWN_BUSINESS.city,
    phones=(OWN_BUSINESS.phone,),
    emails=(OWN_BUSINESS.email,),
    iban=OWN_BUSINESS.iban,
    kvk=OWN_BUSINESS.kvk,
    btw=OWN_BUSINESS.btw,
    signers=(OWN_BUSINESS.signer,),
)


@pytest.mark.parametrize("kind", ["card", "letter_from_client", "letter_to_client"])
def test_scanned_page_gives_the_clients_details(kind: str, tesseract_available: None) -> None:
    rng = random.Random(f"extract-tesseract/{kind}")
    truth = make_client(rng)
    rendered = render_page(truth, rng, 200, kind)
    image, _ = degrade(rendered.image, rng)
    page = ocr_image(image)
    ex = extract_client([page], own=OWN)

    assert ex.value("postcode", 0.5) == truth.postcode
    assert ex.value("city", 0.5) == truth.city
    assert ex.value("last_name", 0.5) == truth.last_name
    printed_phones = {
        p.e164 for i, p in enumerate(truth.phones) if f"phones[{i}]" in rendered.fields
    }
    assert {fv.value for fv in ex.values("phone", 0.5)} == printed_phones
    if kind == "card":
        assert ex.value("iban", 0.5) == truth.iban
        assert ex.value("email", 0.5) == truth.email
        assert ex.value("street", 0.5) == truth.street
    # our own business is on every letter and never read as the client's
    assert ex.value("iban") in (None, truth.iban)
    assert OWN_BUSINESS.phone_e164 not in {fv.value for fv in ex.all("phone")}
    box = ex.best("postcode").box
    assert box is not None and 0 < box[0] < image.width and 0 < box[1] < image.height
