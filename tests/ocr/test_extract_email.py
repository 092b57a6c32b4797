"""E-mail addresses as OCR reads them: a mail provider's domain misread by one letter is
that provider; other domains are kept as read."""

from __future__ import annotations

import pytest

from ocr.extract.email import MAIL_PROVIDERS, find_emails, provider_misread


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("fleur.mulder@hatmail.com", "fleur.mulder@hotmail.com"),
        ("priya @ xs4all.al", "priya@xs4all.nl"),
        ("bram@eplanet.nl", "bram@planet.nl"),
        ("jan@hotmall.com", "jan@hotmail.com"),
    ],
)
def test_a_providers_domain_misread_by_one_letter_is_that_provider(written, meant) -> None:
    assert [h.value for h in find_emails(f"E-mail: {written}")] == [meant]


@pytest.mark.parametrize(
    "domain", ["bakkerijdevries.nl", "planet.nl", "gmail.nl", "weg.de", "mea.com", "hotmail.nl"]
)
def test_other_domains_are_kept_as_read(domain) -> None:
    assert provider_misread(domain) is None
    assert [h.value for h in find_emails(f"info@{domain}")] == [f"info@{domain}"]


def test_no_provider_is_a_misreading_of_another() -> None:
    assert all(provider_misread(p) is None for p in MAIL_PROVIDERS)
