"""Company names and addressees as real letterheads, footers, labels and address blocks
print them."""

from __future__ import annotations

import pytest

from ocr.extract import extract_client
from ocr.extract.company import clean_company, legal_form_of
from ocr.extract.names import parse_person
from tests.ocr.test_extract import OwnBusiness, no_saved_settings, page_of, values  # noqa: F401


@pytest.mark.parametrize(
    ("printed", "name", "form"),
    [
        ("Bakkerij De Vries B.V.", "Bakkerij De Vries B.V.", "B.V."),
        ("webwinkel b.v.", "webwinkel B.V.", "B.V."),
        ("COOLBLUE BV", "COOLBLUE B.V.", "B.V."),
        ("Coolblue B.V. iov Jansen", "Coolblue B.V.", "B.V."),
        ("Philips N.V.", "Philips N.V.", "N.V."),
        ("Jansen & Zn vof", "Jansen & Zn. V.O.F.", "V.O.F."),  # "Zn." one way
        ("Siemens AG", "Siemens AG", "AG"),
        ("Müller GmbH & Co. KG", "Müller GmbH & Co. KG", "GmbH & Co. KG"),
        ("Bouwbedrijf Peeters BVBA", "Bouwbedrijf Peeters BVBA", "BVBA"),
        ("Stichting De Brug", "Stichting De Brug", "Stichting"),
        ("Loodgietersbedrijf Vos Holding B.V.", "Loodgietersbedrijf Vos Holding B.V.",
         "Holding B.V."),
        # OCR specks: a low quote before it, a hyphen before its form, a lost apostrophe
        ("‚Wouters Advies Holding B.V.", "Wouters Advies Holding B.V.", "Holding B.V."),
        ("Dierenkliniek Dekker Holding- B.V.", "Dierenkliniek Dekker Holding B.V.",
         "Holding B.V."),
        ("Stichting Van t Hof & Zn.", "Stichting Van 't Hof & Zn.", "Stichting"),
        # a typographic apostrophe, or one read as a quote; a dot read as a colon or comma
        ("Eetcafé ‘t Hoekje B.V.", "Eetcafé 't Hoekje B.V.", "B.V."),
        ("’t Hoekje B.V.", "'t Hoekje B.V.", "B.V."),
        ("Bloemenhuis Anna v.o:f.", "Bloemenhuis Anna V.O.F.", "V.O.F."),
        ("Smit Elektro B,V.", "Smit Elektro B.V.", "B.V."),
    ],
)  # fmt: skip
def test_legal_form_anywhere_and_text_after_it_trimmed(printed: str, name: str, form: str):
    assert clean_company(printed) == name
    assert legal_form_of(name) == form  # the reader takes the form of the cleaned name
    assert parse_person(printed) is None


@pytest.mark.parametrize(
    ("read", "name"),
    [
        # a letter taken for another, two letters read for one, in a firm word
        ("Schildersbedrijf Van de Ven Halding B.V.", "Schildersbedrijf Van de Ven Holding B.V."),
        ("Timmerbedrijf In 't Veld Holdirig B.V.", "Timmerbedrijf In 't Veld Holding B.V."),
        ("Caté De Gouden Leeuw B.V.", "Café De Gouden Leeuw B.V."),
        # an accent on a letter of a firm word that has none, also in a compound's first part
        ("Dierenkliniék Huisman B.V.", "Dierenkliniek Huisman B.V."),
        ("Timmérbedrijf Meijer", "Timmerbedrijf Meijer"),
        ("Stichting Prins Installatiëtechniek", "Stichting Prins Installatietechniek"),
        # a gap inside a firm word
        ("Stichting Timmerbedri jf Wouters", "Stichting Timmerbedrijf Wouters"),
        # specks read as marks; "BV" read as "by"
        ("Schildersbedrijf De Vries' B.V.", "Schildersbedrijf De Vries B.V."),
        ("Hoveniersbedrijf Van. Leeuwen V.O.F.", "Hoveniersbedrijf Van Leeuwen V.O.F."),
        ("Kapsalon Lotte.", "Kapsalon Lotte"),
        ("Peters Bouw Holding by", "Peters Bouw Holding B.V."),
        ("Hoveniersbedrijf. Brouwer V.O.F.", "Hoveniersbedrijf Brouwer V.O.F."),
        ("Dierenkliniek.Meijer Holding B.V.", "Dierenkliniek Meijer Holding B.V."),
        ("Autobedrijf Van Wijk. V.O.F.", "Autobedrijf Van Wijk V.O.F."),
        ("Meijer & Zn", "Meijer & Zn."),
        # ... and names as printed stay as they are
        ("Cafe Het Anker", "Cafe Het Anker"),
        ("Elektra Installaties B.V.", "Elektra Installaties B.V."),
        ("Cabauw Transport", "Cabauw Transport"),
        ("Müllerbouw B.V.", "Müllerbouw B.V."),
        ("Stichting Kowalczyk & Zn.", "Stichting Kowalczyk & Zn."),
        ("Hans' Bakkerij", "Hans' Bakkerij"),
        ("Powered by", "Powered by"),
        ("Studio.nl", "Studio.nl"),
        ("Meijer & Zn. B.V.", "Meijer & Zn. B.V."),
    ],
)  # fmt: skip
def test_ocr_slips_in_firm_words_are_spelled_back(read: str, name: str) -> None:
    assert clean_company(read) == name


def test_n_v_t_is_no_legal_form() -> None:
    assert legal_form_of("Opmerkingen: n.v.t.") is None


def test_company_from_letterhead_and_footer_in_any_case() -> None:
    page = page_of(
        ("webwinkel b.v.", 180, 100),
        ("Postbus 120 · 3500 AC Utrecht · klantenservice@webwinkel.nl", 180, 150),
        ("Kees de Vries", 180, 420),
        ("Kerkstraat 12a", 180, 465),
        ("1234 AB Amsterdam", 180, 510),
        ("Uw klantnummer: 4711", 180, 620),
        ("Siemens AG | Werner-von-Siemens-Str. 1 | DE-80333 München", 180, 2150),
    )
    ex = extract_client([page], own=OwnBusiness())
    readings = {(fv.field, fv.value, fv.zone, fv.party) for fv in ex.readings}
    assert ("company", "webwinkel B.V.", "letterhead", "sender") in readings
    assert ("company", "Siemens AG", "footer", "sender") in readings
    # the recipient is the client here ("Uw klantnummer"): the sender's name is held
    assert ex.value("name") == "Kees de Vries" and values(ex, "company") == []


def test_slogan_and_running_text_are_no_company() -> None:
    page = page_of(
        ("Loodgieterswerk Installatie Onderhoud", 180, 100),
        ("Dit is een brief over de vergadering van de vereniging.", 180, 1200),
        ("Graag tot dan, het bestuur van de stichting.", 180, 1250),
    )
    ex = extract_client([page], own=OwnBusiness())
    assert [fv.value for fv in ex.readings if fv.field == "company"] == [
        "Loodgieterswerk Installatie Onderhoud"
    ] or not [fv for fv in ex.readings if fv.field == "company"]
    assert not any("vereniging" in fv.value or "stichting" in fv.value for fv in ex.readings)


@pytest.mark.parametrize(
    ("printed", "parts"),
    [
        ("Fam. De Vries", (None, "de", "Vries")),
        ("Dhr. en mevr. Jansen", (None, None, "Jansen")),
        ("De heer en mevrouw K. Jansen", (None, None, "Jansen")),
        ("Mw. van der Meer", (None, "van der", "Meer")),
        ("Fani. de Vries", (None, "de", "Vries")),  # the m of Fam. read as ni: no first name
    ],
)
def test_addressee_with_a_title_and_only_a_surname(printed: str, parts: tuple) -> None:
    """No first name is made up from a particle ("Fam. De Vries" has no first name De)."""
    person = parse_person(printed)
    assert person is not None
    assert (person.first_name, person.tussenvoegsel, person.last_name) == parts
