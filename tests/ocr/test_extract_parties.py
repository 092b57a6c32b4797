"""Parties on a page (issue 16 item 4) and removing the own business later (without()).

Pages are words with boxes (tests/ocr/test_extract.py builds them): a letterhead across
the top, a window address block, a footer with registry numbers at the bottom.
"""

from __future__ import annotations

import dataclasses
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocr.extract import ExtractedClient, extract_client
from ocr.extract.client import read_folder
from ocr.extract.layout import blocks_of, split_at_return_line
from ocr.extract.parties import _digits_apart, resolve
from ocr.extract.words import build_lines
from storage import PageText, Word
from tests.ocr.test_extract import (  # OwnBusiness: moves on main (lead)
    CHAR_W,
    OWN,
    OwnBusiness,
    card,
    letter_from_client,
    letter_to_client,
    no_saved_settings,  # noqa: F401
    page_of,
    values,
)

SUPPLIER = OwnBusiness(
    name="Groothandel Jansen B.V.",
    phones=("010-4123456",),
    emails=("info@jansen-groothandel.nl",),
    iban="NL91ABNA0417164300",
    kvk="24123456",
    btw="NL004495445B01",
)


def invoice(customer_wording: bool = False) -> PageText:
    """A supplier's invoice: letterhead, window address, lines, footer; no own business."""
    rows = [
        ("Groothandel Jansen B.V.", 180, 100),
        (
            "Havenweg 3 · 3011 AB Rotterdam · Tel. 010-4123456 · info@jansen-groothandel.nl",
            180,
            160,
        ),
        ("Garage Dekker", 180, 420),
        ("Dorpsstraat 5", 180, 465),
        ("1611 AB Bovenkarspel", 180, 510),
        ("Factuur 2024-118", 180, 700),
        ("Remblokken 2 stuks 89,50", 180, 845),
        ("KvK Rotterdam 24123456 · btw-id NL004495445B01 · IBAN NL91 ABNA 0417 1643 00",
         180, 2200),
    ]  # fmt: skip
    if customer_wording:
        rows.append(("Uw klantnummer: 4711", 180, 620))
    return page_of(*rows)


def test_every_reading_says_where_it_stood_and_whose_it_is() -> None:
    ex = extract_client([letter_to_client()], own=OwnBusiness())
    by_value = {(fv.field, fv.value): (fv.zone, fv.party) for fv in ex.readings}
    assert by_value[("postcode", "1234 AB")] == ("address-block", "recipient")
    assert by_value[("company", "Bakkerij De Vries B.V.")] == ("address-block", "recipient")
    assert by_value[("postcode", "8441 PK")] == ("letterhead", "sender")
    assert by_value[("email", "info@hoekstra-installatie.nl")] == ("letterhead", "sender")
    assert by_value[("kvk", "01234567")] == ("footer", "sender")
    assert by_value[("name", "J. Hoekstra")] == ("signature", "sender")
    card_ex = extract_client([card()])
    assert {(fv.zone, fv.party) for fv in card_ex.readings} == {("label", "card")}
    assert card_ex.pages[0].client == "card"


def test_two_parties_and_nothing_decides_goes_to_review_not_onto_the_client() -> None:
    ex = extract_client([invoice()], own=OwnBusiness())
    assert ex.undecided_pages == [0]
    assert ex.pages[0].parties == ("recipient", "sender") and ex.pages[0].client is None
    assert ex.is_empty()  # nothing of either party on the client
    held = {(fv.field, fv.value, fv.party) for fv in ex.held}
    assert ("kvk", "24123456", "sender") in held
    assert ("postcode", "1611 AB", "recipient") in held
    assert ("iban", "NL91ABNA0417164300", "sender") in held


def test_the_folder_decides_which_party_is_the_client() -> None:
    ex = extract_client([invoice()], folder_name="Garage Dekker", own=OwnBusiness())
    assert ex.pages[0].reason == "folder" and ex.pages[0].client == "recipient"
    assert ex.value("postcode") == "1611 AB"
    assert ex.value("kvk") is None and ex.value("iban") is None and ex.value("phone") is None


def test_a_client_card_in_the_folder_decides_too() -> None:
    page = page_of(
        ("Klantkaart", 100, 100),
        ("Naam:", 100, 300),
        ("Garage Dekker", 520, 300),
        ("Postcode/plaats:", 100, 370),
        ("1611 AB Bovenkarspel", 520, 370),
    )
    ex = extract_client([page, invoice()], own=OwnBusiness())
    assert [p.reason for p in ex.pages] == ["one-party", "folder"]
    assert values(ex, "kvk") == [] and values(ex, "btw") == []


def test_customer_wording_decides_weakly() -> None:
    ex = extract_client([invoice(customer_wording=True)], own=OwnBusiness())
    assert (ex.pages[0].client, ex.pages[0].reason) == ("recipient", "wording")
    assert not ex.pages[0].undecided
    assert ex.value("kvk") is None


def test_a_party_known_as_ours_leaves_the_other_as_the_client() -> None:
    """Our phone in the letterhead is enough: the whole sender party goes, footer too."""
    ex = extract_client([invoice()], own=OwnBusiness(phones=("010-4123456",)))
    assert (ex.pages[0].client, ex.pages[0].reason) == ("recipient", "own")
    assert ex.value("postcode") == "1611 AB"
    read = {fv.value for fv in ex.readings}
    assert not read & {"24123456", "NL91ABNA0417164300", "NL004495445B01", "3011 AB"}


def test_own_invoices_in_many_folders_never_reach_the_clients() -> None:
    """The first import of a new user: settings empty, our letter in every folder."""
    for pages, folder in (
        ([card(), letter_to_client()], "Vries, Kees de"),
        ([letter_from_client(), letter_to_client()], "Kees de Vries"),
    ):
        ex = extract_client(pages, folder_name=folder, own=OwnBusiness())
        on_card = {fv.value for found in ex.candidates.values() for fv in found}
        assert not on_card & {"+31513612345", "NL20INGB0001234567", "01234567", "8441 PK",
                              "info@hoekstra-installatie.nl", "J. Hoekstra"}  # fmt: skip
        assert ex.value("last_name") == "Vries"


PAGE_SETS = {
    "to": [letter_to_client()],
    "from": [letter_from_client()],
    "footer": [letter_from_client(footer=True)],
    "card+to": [card(), letter_to_client()],
    "invoice": [invoice()],
    "invoice+card": [invoice(True), card()],
}
OWN_PARTS = {
    "phone": OwnBusiness(phones=OWN.phones),
    "email": OwnBusiness(emails=OWN.emails),
    "iban": OwnBusiness(iban=OWN.iban),
    "kvk": OwnBusiness(kvk=OWN.kvk),
    "address": OwnBusiness(street=OWN.street, postcode=OWN.postcode),
    "name": OwnBusiness(name=OWN.name, signers=OWN.signers),
    "all": OWN,
    "supplier": SUPPLIER,
    "none": OwnBusiness(),
}


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(PAGE_SETS)),
    st.sampled_from(sorted(OWN_PARTS)),
    st.sampled_from([None, "Vries, Kees de", "Garage Dekker", "Bakkerij De Vries"]),
)
def test_without_gives_what_extract_client_gives_with_that_own(
    pages: str, own: str, folder: str | None
) -> None:
    later = extract_client(PAGE_SETS[pages], folder_name=folder, own=OwnBusiness())
    at_once = extract_client(PAGE_SETS[pages], folder_name=folder, own=OWN_PARTS[own])
    assert later.without(OWN_PARTS[own]) == at_once


@pytest.mark.parametrize("pages", sorted(PAGE_SETS))
def test_without_chains_in_any_order(pages: str) -> None:
    ex = extract_client(PAGE_SETS[pages], own=OwnBusiness())
    a, b = OWN_PARTS["phone"], OWN_PARTS["supplier"]
    assert ex.without(a).without(b) == ex.without(b).without(a)
    assert ex.without(OwnBusiness()) == ex
    # it crosses process boundaries (the import's reader and writer processes)
    assert pickle.loads(pickle.dumps(ex)).without(b) == ex.without(b)


def other_client_letter() -> PageText:
    """A letter of another client to us, as letter_from_client() is Kees de Vries's."""
    return page_of(
        ("Fatima Öztürk", 180, 150),
        ("Molenweg 3", 180, 195),
        ("3011 CD Rotterdam", 180, 240),
        ("Mobiel: 06-87654321", 180, 285),
        ("Installatiebedrijf Hoekstra B.V.", 180, 450),
        ("t.a.v. de administratie", 180, 495),
        ("Industrieweg 14", 180, 540),
        ("8441 PK Heerenveen", 180, 585),
        ("Met vriendelijke groet,", 180, 1100),
        ("Fatima Öztürk", 180, 1250),
    )


def test_a_letter_of_another_client_in_the_folder_is_held_not_mixed() -> None:
    ex = extract_client([card(), other_client_letter()], folder_name="Vries, Kees de", own=OWN)
    assert [p.reason for p in ex.pages] == ["one-party", "other"]
    assert set(values(ex, "phone")) == {"+31612345678", "+31207654321"}
    assert values(ex, "postcode") == ["1234 AB"] and ex.value("last_name") == "Vries"
    held = {fv.value for fv in ex.held}
    assert {"+31687654321", "3011 CD", "Öztürk"} <= held  # nothing lost: held for review


def test_a_supplier_invoice_to_us_is_not_the_client() -> None:
    to_us = page_of(
        ("Groothandel Jansen B.V.", 180, 100),
        ("Havenweg 3 · 3011 AB Rotterdam · Tel. 010-4123456", 180, 160),
        ("Installatiebedrijf Hoekstra B.V.", 180, 420),
        ("Industrieweg 14", 180, 465),
        ("8441 PK Heerenveen", 180, 510),
        ("Uw klantnummer: 4711", 180, 620),
        ("KvK Rotterdam 24123456 · IBAN NL91 ABNA 0417 1643 00", 180, 2200),
    )
    ex = extract_client([card(), to_us], own=OWN)
    assert [p.reason for p in ex.pages] == ["one-party", "other"]
    assert values(ex, "kvk") == ["12345678"] and values(ex, "iban") == ["NL50INGB0683251309"]
    assert "+31104123456" not in values(ex, "phone")


def test_an_account_in_running_text_in_the_name_of_the_letterheads_firm_is_theirs() -> None:
    """A supplier's invoice to us for the client's house (its delivery address): the
    account in the payment line, "t.n.v." the supplier, glued on by OCR, is the
    supplier's; taken for the client's it made the card's IBAN ambiguous."""

    def to_us(payee: str) -> PageText:
        return page_of(
            ("Groothandel Jansen B.V.", 180, 100),
            ("Havenweg 3 · 3011 AB Rotterdam · Tel. 010-4123456", 180, 160),
            ("Installatiebedrijf Hoekstra B.V.", 900, 420),
            ("Industrieweg 14", 900, 465),
            ("8441 PK Heerenveen", 900, 510),
            ("Factuur 2024-118", 180, 700),
            ("Afleveradres:", 180, 770),
            ("Kees de Vries", 180, 810),
            ("Kerkstraat 12a", 180, 850),
            ("1234 AB Amsterdam", 180, 890),
            ("Remblokken 2 stuks 89,50", 180, 1000),
            ("Betaling binnen 30 dagen op", 180, 1400),
            (f"NL91 ABNA 0417 1643 00{payee}", 180, 1440),
        )

    def read(payee: str) -> ExtractedClient:
        return extract_client([card(), to_us(payee)], folder_name="Vries, Kees de")

    for mark in ("t.n.v.", "t.n-y."):  # ... also misread
        ex = read(f"{mark} Groothandel Jansen B.V.")
        assert ex.pages[1].client == "recipient"  # the folder's client: the addressee
        assert values(ex, "iban") == ["NL50INGB0683251309"]
        assert "NL91ABNA0417164300" in {fv.value for fv in ex.held}
    # in the name of someone the page does not print as a firm: as before
    assert "NL91ABNA0417164300" in {fv.value for fv in read("t.n.v. De Vries").all("iban")}


def test_registry_numbers_in_running_text_of_a_suppliers_invoice_for_a_client_are_theirs() -> None:
    """A supplier's invoice about the client's house (the client its delivery address):
    its column of details, read by OCR into the table beside it, is running text there;
    the KvK and btw-id in it are the supplier's, a firm prints its own. The client's
    would be labelled as the customer's."""

    def about_client(*more: tuple[str, int, int]) -> PageText:
        return page_of(
            ("Telecom Kramer B.V.", 180, 100),
            ("Koopvaardijweg 55 · 8022 XS Zwolle · Tel. 038-6503936", 180, 160),
            ("Factuur F855210", 180, 700),
            ("Afleveradres:", 180, 770),
            ("Kees de Vries", 180, 810),
            ("Kerkstraat 12a", 180, 850),
            ("1234 AB Amsterdam", 180, 890),
            ("Omschrijving Aantal Bedrag Kamer van Koophandel 59807018", 180, 1000),
            ("Tegellijm 25 kg 1 16,50 Btw-identificatienummer NL283372321B01", 180, 1045),
            *more,
        )

    ex = extract_client([card(), about_client()], folder_name="Vries, Kees de")
    assert ex.pages[1].client == "recipient"
    assert values(ex, "kvk") == ["12345678"] and "59807018" in {fv.value for fv in ex.held}
    assert "NL283372321B01" not in values(ex, "btw")
    assert values(ex, "postcode") == ["1234 AB"]  # the delivery address is the client's
    # a row labelled as the customer's is the client's (the card's, read again)
    ex = extract_client([card(), about_client(("Uw btw-nummer: NL004495445B01", 180, 1200))],
                        folder_name="Vries, Kees de")  # fmt: skip
    assert [fv.page_index for fv in ex.all("btw")] == [0, 1]


@pytest.mark.parametrize("label", ["Werkadres:", "Afleveradres:", "Project:", "Bezorgadres:"])
def test_a_suppliers_invoice_to_us_about_a_clients_house_is_that_clients(label: str) -> None:
    """Three parties: the supplier writes, we are in the window, the client's house is
    where the supplier worked or delivered. Read alone (a loose scan, no folder to ask),
    the work address is the client, not the writer, and nothing of ours or theirs goes
    with it; in the folder of its client it is theirs, in another's it is no one's."""

    def to_us(name: str, street: str, town: str) -> PageText:
        return page_of(
            ("Groothandel Jansen B.V.", 180, 100),
            ("Havenweg 3 · 3011 AB Rotterdam · Tel. 010-4123456", 180, 160),
            ("Postbus 698", 180, 380),
            ("Installatiebedrijf Hoekstra B.V.", 180, 420),
            ("Industrieweg 14", 180, 465),
            ("8441 PK Heerenveen", 180, 510),
            ("Factuur 2024-118 Uw klantnummer: 4711", 180, 650),
            (label, 180, 770),
            (name, 180, 810),
            (street, 180, 850),
            (town, 180, 890),
            # the writer's column of details read into the work address's block
            ("KvK 24123456", 180, 935),
            ("IBAN NL91 ABNA 0417 1643 00", 180, 980),
        )

    kees = to_us("Kees de Vries", "Kerkstraat 12a", "1234 AB Amsterdam")
    ex = extract_client([kees], own=OWN)
    assert [(p.client, p.reason) for p in ex.pages] == [("subject", "subject")]
    assert values(ex, "postcode") == ["1234 AB"] and ex.value("last_name") == "Vries"
    assert values(ex, "phone") == [] and values(ex, "kvk") == [] and values(ex, "iban") == []
    held = {fv.value for fv in ex.held}
    assert {"+31104123456", "24123456", "NL91ABNA0417164300"} <= held  # the supplier's
    assert extract_client([card(), kees], own=OWN).pages[1].reason == "subject"
    # ... also before we know our own business (our window is not known as ours yet)
    ex = extract_client([kees], own=OwnBusiness())
    assert [p.client for p in ex.pages] == ["subject"]
    assert values(ex, "postcode") == ["1234 AB"] and values(ex, "company") == []
    emre = to_us("Emre Öztürk", "Molenweg 3", "3011 CD Rotterdam")
    assert extract_client([card(), emre], own=OWN).pages[1].reason == "other"
    # on our own invoice the delivery address is the addressee's, as before
    ours = page_of(
        ("Installatiebedrijf Hoekstra B.V.", 180, 100),
        ("Industrieweg 14 · 8441 PK Heerenveen · Tel. 0513-612345", 180, 160),
        ("Kees de Vries", 180, 420),
        ("Kerkstraat 12a", 180, 465),
        ("1234 AB Amsterdam", 180, 510),
        (label, 180, 770),
        ("Kees de Vries", 180, 810),
        ("Dorpsstraat 3", 180, 850),
        ("1611 AB Bovenkarspel", 180, 890),
    )
    ex = extract_client([ours], own=OWN)
    assert [(p.client, p.reason) for p in ex.pages] == [("recipient", "own")]
    assert {fv.value for fv in ex.all("postcode")} == {"1234 AB", "1611 AB"}


def test_a_supplier_invoice_to_us_in_a_year_folder_is_not_the_client() -> None:
    """A year folder of the client holds no card and its tab names nobody: our invoice to
    the client says whose it is, so the supplier's invoice to us filed beside it is kept
    apart, and the client's name and town are not in doubt."""
    to_us = page_of(
        ("Groothandel Jansen B.V.", 180, 100),
        ("Havenweg 3 · 3011 AB Rotterdam · Tel. 010-4123456", 180, 160),
        ("Installatiebedrijf Hoekstra B.V.", 180, 420),
        ("Industrieweg 14", 180, 465),
        ("8441 PK Heerenveen", 180, 510),
        ("Factuur 2024-118", 180, 700),
        ("KvK Rotterdam 24123456 · IBAN NL91 ABNA 0417 1643 00", 180, 2200),
    )
    ex = extract_client([letter_to_client(), to_us], folder_name="2021", own=OWN)
    assert [p.reason for p in ex.pages] == ["own", "other"]
    assert ex.value("company") == "Bakkerij De Vries B.V." and ex.value("city") == "Amsterdam"
    assert "NL91ABNA0417164300" not in values(ex, "iban")


def test_return_address_over_the_window_is_the_senders() -> None:
    page = page_of(
        ("Garage Dekker B.V.", 180, 100),
        ("Garage Dekker · Industrieweg 7 · 1703 RR Heerhugowaard", 180, 520),
        ("Dhr. P. Jansen", 180, 560),
        ("Molenweg 3", 180, 600),
        ("1611 AB Bovenkarspel", 180, 640),
    )
    ex = extract_client([page], own=OwnBusiness())
    parties = {(fv.field, fv.value): fv.party for fv in ex.readings}
    assert parties[("postcode", "1703 RR")] == "sender"
    assert parties[("postcode", "1611 AB")] == "recipient"
    # once the return address is known to be ours, the addressee is the client
    ours = ex.without(OwnBusiness(street="Industrieweg 7", postcode="1703 RR"))
    assert (ours.pages[0].client, ours.value("postcode")) == ("recipient", "1611 AB")


def test_private_letter_with_the_writers_address_above_the_addressees() -> None:
    page = page_of(
        ("Fatima Öztürk", 900, 420),
        ("Molenweg 3", 900, 465),
        ("3011 CD Rotterdam", 900, 510),
        ("Installatiebedrijf Hoekstra B.V.", 180, 800),
        ("Industrieweg 14", 180, 845),
        ("8441 PK Heerenveen", 180, 890),
    )
    ex = extract_client([page], own=OwnBusiness())
    parties = {(fv.field, fv.value): fv.party for fv in ex.readings}
    assert parties[("postcode", "3011 CD")] == "sender"
    assert parties[("postcode", "8441 PK")] == "recipient"
    # a private person writing to a firm: the person is the client (weakly decided)
    assert (ex.pages[0].client, ex.pages[0].reason) == ("sender", "wording")
    assert ex.value("postcode") == "3011 CD" and values(ex, "company") == []


def test_a_writers_block_aligned_on_the_right_is_read_whole() -> None:
    """A private writer's name and address at the top right, each line ending at the
    page's right margin: the street and name above the postcode belong to it."""

    def right(text: str, top: int) -> tuple[str, int, int]:
        return (text, 1500 - len(text) * CHAR_W, top)

    page = page_of(
        right("Gerrit van den Berg", 130),
        right("Vismarkt 45", 175),
        right("8014 RC Zwolle", 220),
        right("Mobiel: +31 6 2245 7636", 260),
        right("g.vandenberg@outlook.com", 360),
        ("Van Dam Groen & Bestrating V.O.F.", 180, 480),
        ("Afdeling crediteuren", 180, 540),
        ("Ambachtsweg 28", 180, 590),
        ("2806 CV Gouda", 180, 635),
        ("Geachte heer Dam,", 170, 940),
    )
    ex = extract_client([page], own=OwnBusiness())
    mine = {(fv.field, fv.value) for fv in ex.readings if fv.party == "sender"}
    assert {("street", "Vismarkt"), ("house_number", "45"), ("last_name", "Berg")} <= mine


def test_card_printed_as_a_table_without_colons() -> None:
    page = page_of(
        ("Naam", 100, 1000),
        ("Kees de Vries", 520, 1000),
        ("Adres", 100, 1070),
        ("Kerkstraat 12a", 520, 1070),
        ("Woonplaats", 100, 1140),
        ("1234 AB Amsterdam", 520, 1140),
        ("Telefoon", 100, 1210),
        ("06-12345678", 520, 1210),
    )
    ex = extract_client([page], own=OwnBusiness())
    assert ex.pages[0].client == "card"
    assert (ex.value("name"), ex.value("street"), ex.value("postcode")) == (
        "Kees de Vries",
        "Kerkstraat",
        "1234 AB",
    )
    assert ex.best("phone").source == "label"


def test_page_two_of_our_invoice_with_only_our_footer_stays_off_the_client() -> None:
    """Settings empty: page 1 tells our footer is the other party's, so page 2, which
    holds nothing but that footer, is not the client's either."""
    page_two = page_of(
        ("Algemene voorwaarden", 180, 300),
        ("Op al onze offertes en leveringen zijn deze voorwaarden van toepassing.", 180, 400),
        ("KvK Rotterdam 24123456 · btw-id NL004495445B01 · IBAN NL91 ABNA 0417 1643 00",
         180, 2200),
    )  # fmt: skip
    for folder in ("Garage Dekker", None):
        pages = [invoice(customer_wording=True), page_two]
        ex = extract_client(pages, folder_name=folder, own=OwnBusiness())
        assert ex.pages[1].reason == "other" and ex.pages[1].client is None
        assert values(ex, "kvk") == [] and values(ex, "iban") == [] and values(ex, "btw") == []
        assert ex.value("postcode") == "1611 AB"


def test_web_shop_invoice_with_two_address_blocks_side_by_side() -> None:
    """A web shop's invoice to the client: its name, KvK, btw and IBAN are the sender's,
    "Factuuradres" and "Afleveradres" (two columns) the recipient's."""
    page = page_of(
        ("coolblue b.v.", 160, 126),
        ("Weena 664 · 3012 CN Rotterdam", 160, 193),
        ("Factuuradres:", 160, 434),
        ("Afleveradres:", 866, 434),
        ("K. de Vries", 160, 485),
        ("K. de Vries", 866, 485),
        ("Kerkstraat 12a", 160, 533),
        ("Kerkstraat 12a", 866, 533),
        ("1234 AB Amsterdam", 160, 580),
        ("1234 AB Amsterdam", 866, 580),
        ("Klantnummer: 1234567", 160, 816),
        ("1x Wasmachine € 899,00", 160, 950),
        ("Coolblue B.V. · KvK Rotterdam 24248452 · BTW NL004495445B01", 160, 2130),
    )
    for folder in ("Vries, Kees de", None):
        ex = extract_client([page], folder_name=folder, own=OWN)
        assert ex.pages[0].client == "recipient"
        assert values(ex, "postcode") == ["1234 AB"] and ex.value("last_name") == "Vries"
        assert values(ex, "kvk") == [] and values(ex, "btw") == [] and values(ex, "company") == []
        zones = {(fv.field, fv.value): (fv.zone, fv.party) for fv in ex.readings}
        assert zones[("postcode", "1234 AB")] == ("address-block", "recipient")
        assert zones[("postcode", "3012 CN")] == ("letterhead", "sender")


def test_klant_sinds_is_no_recipient_label() -> None:
    page = page_of(
        ("Klantgegevens", 100, 300),
        ("Naam: Kees de Vries", 100, 400),
        ("Adres: Kerkstraat 12a", 100, 445),
        ("Postcode/plaats: 1234 AB Amsterdam", 100, 490),
        ("Klant sinds: 3 maart 2015", 100, 700),
        ("Tel.: 06-12345678", 100, 745),
    )
    ex = extract_client([page], own=OwnBusiness())
    assert {(fv.party, fv.zone) for fv in ex.readings} == {("card", "label")}
    assert ex.value("client_since") == "2015-03-03" and ex.value("phone") == "+31612345678"


@pytest.mark.parametrize("title", ["Debiteurenkaart", "Klantenfiche", "Relatiekaart"])
def test_a_card_under_any_of_its_names_is_the_clients(title: str) -> None:
    """A two-column card under our letterhead: what it holds is the client's, whatever
    bookkeeping calls the card."""
    page = page_of(
        ("Van Dam Installatietechniek B.V.", 160, 100),
        (title, 160, 250),
        ("Debiteurnr. 17733", 1100, 250),
        ("Naam klant:", 160, 350),
        ("Telefoonnummer:", 900, 350),
        ("Fleur ter Horst", 160, 390),
        ("0513 - 809820", 900, 390),
        ("Adres:", 160, 450),
        ("Email:", 900, 450),
        ("Dr. Nolensplein 112b", 160, 490),
        ("fleur1964@gmail.com", 900, 490),
        ("8442 AG Heerenveen", 160, 530),
        ("Bankrekening:", 900, 550),
        ("NL57 SNSB 0340 3628 20", 900, 590),
    )
    ex = extract_client([page], own=OwnBusiness())
    assert ex.pages[0].client == "card"
    assert values(ex, "iban") == ["NL57SNSB0340362820"]
    assert values(ex, "phone") == ["+31513809820"]


def invoice_with_side_column() -> PageText:
    """Our invoice with our details in a column beside the lines (each label above its
    value), not in a footer: a common invoice layout."""
    return page_of(
        ("Schildersbedrijf Hoekstra V.O.F.", 160, 135),
        ("Kerkweg 8 · 8441 PK Heerenveen · Tel. 0513-612345", 160, 190),
        ("Kees de Vries", 160, 420),
        ("Kerkstraat 12a", 160, 465),
        ("1234 AB Amsterdam", 160, 510),
        ("Factuur 2022-0941", 160, 700),
        ("Telefoon", 1243, 804),
        ("0513-612345", 1243, 840),
        ("IBAN", 1244, 912),
        ("NL20 INGB 0001 2345 67", 1245, 948),
        ("Handelsregister", 1245, 1019),
        ("01234567", 1245, 1055),
        ("Buitenschilderwerk kozijnen 640,00", 160, 900),
        ("Totaal 774,40", 160, 1168),
        ("Wij vertrouwen erop u hiermee van dienst te zijn.", 160, 1271),
        ("J. Hoekstra", 160, 1477),
    )


def test_a_side_column_of_registry_numbers_is_the_writers() -> None:
    # the folder's card says who the client is; our invoice to them has our numbers in a
    # column beside the lines: they are never the client's (with nothing set about us)
    found = extract_client([card(), invoice_with_side_column()])
    assert values(found, "iban") == ["NL50INGB0683251309"]
    assert "01234567" not in values(found, "kvk")
    assert "NL20INGB0001234567" in {fv.value for fv in found.held if fv.field == "iban"}


def test_an_address_in_the_footer_does_not_make_the_window_the_writers() -> None:
    # a letter to us: the writer's letterhead, our address in the window, and the writer's
    # address again in the footer; the window block is the addressee's (ours), not the
    # writer's, so nothing of the writer is taken for ours
    letter = page_of(
        ("FIETSENMAKER VAN DER MEER", 640, 120),
        ("Stationsweg 149 2728 PX Zoetermeer T +31655971075", 640, 210),
        ("Koopmans Schilderwerken", 830, 455),
        ("Koopvaardijweg 74", 830, 500),
        ("8025 MJ Zwolle", 830, 545),
        ("Zoetermeer, 14-8-2023", 160, 674),
        ("Mijn telefoonnummer is +31655971075", 160, 1000),
        ("Met vriendelijke groet,", 160, 1200),
        ("Mohamed van der Meer", 160, 1350),
        ("Fietsenmaker Van der Meer", 160, 2060),
        ("Stationsweg 149", 160, 2105),
        ("2728 PX Zoetermeer", 160, 2150),
    )
    ours = OwnBusiness(name="Koopmans Schilderwerken", postcode="8025 MJ")
    (parties,) = extract_client([letter], own=ours).pages
    assert parties.own == ("recipient",)
    assert parties.client == "sender"


@pytest.mark.parametrize(
    "address",
    [
        # the client card says Kerkstraat (Amsterdam); a letter from another firm on a
        # Kerkstraat in another town is in the folder: a street name is no identifier
        "Kerkstraat 53 2717 EZ Zoetermeer",
        # ... nor is a postcode under another firm's name: a whole street side shares it
        # (a supplier's invoice for work at the client's address has it too)
        "Kerkstraat 53 1234 AB Amsterdam",
    ],
)
def test_a_letter_from_a_firm_on_the_clients_street_is_not_the_clients(address: str) -> None:
    other = page_of(
        ("FIETSENMAKER CELIK V.O.F.", 160, 100),
        (f"{address} T +31638270513", 160, 160),
        ("Bosma Schilderwerken B.V.", 160, 420),
        ("Edisonstraat 50", 160, 465),
        ("3025 AR Rotterdam", 160, 510),
        ("Zoetermeer, 31/01/2017", 160, 674),
        ("Ons rekeningnummer is gewijzigd.", 160, 900),
        ("Mijn telefoonnummer is +31638270513", 160, 1000),
        ("Hoogachtend,", 160, 1200),
        ("Wei Celik", 160, 1350),
        ("Fietsenmaker Celik V.O.F.", 160, 1395),
    )
    found = extract_client([card(), other])
    assert "+31638270513" not in values(found, "phone")
    assert found.pages[1].client is None


def client_letter_to_us(top: tuple[str, ...], signed: str, firm: str | None = None) -> PageText:
    """A client's letter to us: the writer's block at the top, our business in the
    window, signed at the bottom (with the writer's firm under the name)."""
    rows = [(line, 180, 150 + 45 * i) for i, line in enumerate(top)]
    rows += [
        ("Installatiebedrijf Hoekstra B.V.", 180, 450),
        ("t.a.v. de administratie", 180, 495),
        ("Industrieweg 14", 180, 540),
        ("8441 PK Heerenveen", 180, 585),
        ("Graag ontvang ik een offerte.", 180, 960),
        ("Met vriendelijke groet,", 180, 1100),
        (signed, 180, 1250),
    ]
    if firm:
        rows.append((firm, 180, 1295))
    return page_of(*rows)


def test_a_comma_after_the_writers_first_name_does_not_turn_the_name_round() -> None:
    """ "Lotte, Müller" heading a loose letter read as a folder tab's "Surname, First
    name": the letter's client was "Müller Lotte", no match for the folder of Lotte
    Müller. She signs "Lotte Müller": that is her name. A tab's comma stays a tab's."""
    top = ("Lotte, Müller", "'t Zand 143", "2716 CZ Zoetermeer", "Tel: +31 6 40581749")
    ex = extract_client([client_letter_to_us(top, "Lotte Müller")], own=OWN)
    assert ex.value("first_name") == "Lotte" and ex.value("last_name") == "Müller"
    assert values(ex, "name") == ["Lotte Müller"]
    tab = extract_client(
        [client_letter_to_us(top[1:], "Müller Lotte")], folder_name="Müller, Lotte", own=OWN
    )
    assert tab.value("first_name") == "Lotte" and tab.value("last_name") == "Müller"


def test_a_writers_block_that_runs_into_our_address_with_no_gap_is_the_writers() -> None:
    """The writer's name read with a speck after its particle, and no blank line between
    the writer's block and ours: it is still two parties, the writer the client."""
    lines = [
        "Eva van. Leeuwen",
        "Oude Gracht 64",
        "9720 PW Groningen",
        "E-mail: eva_leeuwen77@kpnmail.nl",
        "Installatiebedrijf Hoekstra B.V.",
        "Industrieweg 14",
        "8441 PK Heerenveen",
    ]
    rows = [(line, 180, 150 + 45 * i) for i, line in enumerate(lines)]
    letter = page_of(*rows, ("Met vriendelijke groet,", 180, 1100), ("Eva van Leeuwen", 180, 1250))
    ex = extract_client([letter], own=OWN)
    assert values(ex, "email") == ["eva_leeuwen77@kpnmail.nl"]
    assert values(ex, "postcode") == ["9720 PW"]


def test_our_address_under_the_sign_off_high_on_the_page_is_no_addressee() -> None:
    """A text layer that lost its layout: every line evenly spaced in the top half. The
    address under "Met vriendelijke groet," is the writer's (ours), not a window block,
    so the client's window block is not taken for ours."""
    lines = [
        "Installatiebedrijf Hoekstra B.V.",
        "Industrieweg 14",
        "8441 PK Heerenveen",
        "Eetcafé 't Hoekje",
        "t.a.v. De heer/mevrouw E. Müller",
        "Molenweg 211",
        "4823 NR Breda",
        "Betreft: APK-herinnering",
        "Hartelijk dank voor uw opdracht.",
        "Met vriendelijke groet,",
        "J. Hoekstra",
        "Installatiebedrijf Hoekstra B.V.",
        "Industrieweg 14",
        "8441 PK Heerenveen",
    ]
    flat = page_of(*[(line, 300, 311 + 52 * i) for i, line in enumerate(lines)])
    ex = extract_client([flat], own=OWN)
    assert values(ex, "postcode") == ["4823 NR"]
    assert ex.value("last_name") == "Müller"


def test_a_signature_beside_a_column_of_the_writers_details_is_read() -> None:
    """The writer's details in a column on the right, level with the sign-off: the
    signature is the name under the sign-off, in its column."""
    letter = page_of(
        ("Installatiebedrijf Hoekstra B.V.", 180, 450),
        ("Industrieweg 14", 180, 495),
        ("8441 PK Heerenveen", 180, 540),
        ("Graag ontvang ik een offerte.", 180, 900),
        ("Tel. 06 58 18 66 60", 1250, 1010),
        ("Met vriendelijke groet,", 180, 1066),
        ("NL23 ASNB 0325 1327 20", 1250, 1066),
        ("ASN Bank", 1250, 1100),
        ("Sjoerd van de Ven", 180, 1218),
    )
    ex = extract_client([letter], own=OWN)
    assert ex.value("first_name") == "Sjoerd" and ex.value("last_name") == "Ven"
    assert values(ex, "company") == []  # "ASN Bank" beside it is no signature


@pytest.mark.parametrize("return_line", ["Retouradres: Postbus 277", "Postbus 599"])
def test_a_return_address_line_starts_the_addressees_block_under_the_writers(
    return_line: str,
) -> None:
    """A writer's block of only a name and contacts runs on, no gap, into the window:
    the return-address line over the window is where our address starts; also the
    writer's postal box alone ("Postbus 599", no "Retouradres"; 42nd: the letter was
    taken for ours and lost all of the client's details)."""
    lines = [
        "Bakkerij Van den Heuvel V.O.F.",
        "T. +31614471678",
        "E marieke.heuvel@live.nl",
        return_line,
        "Installatiebedrijf Hoekstra B.V.",
        "Industrieweg 14",
        "8441 PK Heerenveen",
    ]
    rows = [(line, 180, 150 + 45 * i) for i, line in enumerate(lines)]
    signed = [("Met vriendelijke groet,", 180, 1100), ("Marieke van den Heuvel", 180, 1250)]
    ex = extract_client([page_of(*rows, *signed)], own=OWN)
    assert [p.reason for p in ex.pages] == ["own"]
    assert values(ex, "phone") == ["+31614471678"]
    assert values(ex, "email") == ["marieke.heuvel@live.nl"]


@pytest.mark.parametrize(
    ("return_line", "under", "split_off"),
    [
        ("Retouradres: Postbus 277", ["8911 AB Leeuwarden"], True),
        ("Postbus 599", ["8911 AB Leeuwarden"], False),  # the letterhead's postal address
        # ... but over an addressee's name: the window (46th: "Zuiderhaven #3" no street)
        ("Postbus 599", ["Installatiebedrijf Hoekstra B.V.", "Afdeling crediteuren",
                         "Industrieweg #4", "8441 PK Heerenveen"], True),
    ],
)  # fmt: skip
def test_a_return_line_with_no_address_found_under_it_splits_at_the_first_postcode(
    return_line: str, under: list[str], split_off: bool
) -> None:
    """Where the reader found no address under the return line (a speck read as a line
    of its own between our name and our street, a house number misread): down to the
    first postcode under it. A postal box alone with its postcode right under it is no
    return line: a letterhead's own postal address reads the same."""
    lines = [
        "Bakkerij Van den Heuvel V.O.F.",
        "T. +31614471678",
        "E marieke.heuvel@live.nl",
        return_line,
        *under,
    ]
    rows = [(line, 180, 150 + 45 * i) for i, line in enumerate(lines)]
    segs = [[line] for line in build_lines(page_of(*rows))]
    split = split_at_return_line(blocks_of(segs), segs, [])
    assert len({split[(i, 0)] for i in range(4)}) == 1
    assert len({split[(i, 0)] for i in range(4, len(lines))}) == 1
    assert (split[(3, 0)] != split[(4, 0)]) == split_off


@pytest.mark.parametrize(
    ("folder", "top", "signed", "firm"),
    [
        # a short surname: "Hof" alone is too short to say anything, the full name is not
        ("Sjoerd van 't Hof", ("Sjoerd van 't Hof", "Julianalaan 167", "2625 AR Delft"),
         "S. van 't Hof", None),
        # a family folder names no first name: it cannot tell Jürgen from another person
        ("Fam. van der Linden", ("Jürgen van der Linden", "Rue de Paris 63", "4828 GA Breda"),
         "Jürgen van der Linden", "Fietsenmaker Van der Linden"),
        # ... also when the surname has three letters
        ("Fam. Bos", ("Inés Bos", "Händelstraat 27", "3060 TB Rotterdam"), "Inés Bos", None),
        # the name read only from a signature with a scan's rule beside it
        ("Koster, Esther", ("Beatrixlaan 126", "3579 BJ Utrecht"), "- Esther Koster |",
         "Eetcafé 't Hoekje V.O.F."),
    ],
)  # fmt: skip
def test_a_clients_own_letter_in_their_folder_is_theirs(
    folder: str, top: tuple[str, ...], signed: str, firm: str | None
) -> None:
    rows = [*top, "Tel. 015-3182219", "klant@voorbeeld.nl"]
    ex = extract_client(
        [client_letter_to_us(tuple(rows), signed, firm)], folder_name=folder, own=OWN
    )
    assert [p.reason for p in ex.pages] == ["own"]
    assert values(ex, "phone") == ["+31153182219"]
    assert values(ex, "email") == ["klant@voorbeeld.nl"]


def test_a_letter_of_another_person_of_the_same_short_surname_stays_apart() -> None:
    letter = client_letter_to_us(
        ("Pieter van 't Hof", "Molenweg 3", "3011 CD Rotterdam", "Tel. 06-87654321"),
        "P. van 't Hof",
    )
    ex = extract_client([letter], folder_name="Sjoerd van 't Hof", own=OWN)
    assert [p.reason for p in ex.pages] == ["other"]
    assert not values(ex, "phone")


def test_a_letter_of_a_namesake_of_another_firm_stays_apart() -> None:
    """Two clients called Gerrit Huisman, of two firms: a letter of the one, misfiled in
    the other's folder, names the same person but another firm; only a shared number
    would make it theirs. A letter of the folder's own firm with a new number is theirs."""
    card = page_of(
        ("Klantkaart", 180, 100),
        ("Bedrijf: Stichting Huisman Bouw", 180, 200),
        ("Naam klant: Gerrit Huisman", 180, 250),
        ("Tel.: 06-47742788", 180, 300),
    )
    top = ("Huisman Advies V.O.F.", "Molenweg 3", "3011 CD Rotterdam", "Tel. 06-43774162")
    namesake = client_letter_to_us(top, "Gerrit Huisman", "Huisman Advies V.O.F.")
    ex = extract_client([card, namesake], folder_name="Stichting Huisman Bouw", own=OWN)
    assert [p.reason for p in ex.pages] == ["one-party", "other"]
    assert values(ex, "phone") == ["+31647742788"]
    top = ("Stichting Huisman Bouw", "Molenweg 3", "3011 CD Rotterdam", "Tel. 06-43774162")
    theirs = client_letter_to_us(top, "Gerrit Huisman", "Stichting Huisman Bouw")
    ex = extract_client([card, theirs], folder_name="Stichting Huisman Bouw", own=OWN)
    assert set(values(ex, "phone")) == {"+31647742788", "+31643774162"}


@pytest.mark.parametrize(
    "attention",
    ["Attn.", "Atth.", "Attn, Mevrouw", "Attn. Meyrouw"],  # its n read as an h, v as y
)
def test_an_english_attention_line_is_no_part_of_the_name(attention: str) -> None:
    to_client = page_of(
        ("Installatiebedrijf Hoekstra B.V.", 180, 100),
        ("Industrieweg 14 · 8441 PK Heerenveen · Tel. 0513-612345", 180, 160),
        ("Eetcafé 't Hoekje V.O.F.", 180, 420),
        (f"{attention} Esther Koster", 180, 465),
        ("Beatrixlaan 126", 180, 510),
        ("3579 BJ Utrecht", 180, 555),
        ("Factuur 2024-118", 180, 700),
    )
    ex = extract_client([to_client], own=OWN)
    assert ex.value("first_name") == "Esther" and ex.value("last_name") == "Koster"


def test_a_text_layer_whose_body_flows_into_our_footer_address_is_no_addressee() -> None:
    """A born-digital invoice whose text layer lost its layout, all of it evenly spaced:
    the body and our footer (our address in it) one block of forty lines below the
    client's. That block was taken for an address block, ours, and the client's address
    went with it as ours."""
    lines = [
        "Installatiebedrijf Hoekstra B.V.",
        "Industrieweg 14",
        "8441 PK Heerenveen",
        "T. 0513-612345",
        "Fleur Mulder",
        "Marktplein 106",
        "2320 KJ Leiden",
        "Factuurnummer",
        "2020-0465",
        *[f"Regel {n}" for n in range(1, 31)],
        "Installatiebedrijf Hoekstra B.V.",
        "Tel: 0513-612345",
        "Industrieweg 14",
        "8441 PK Heerenveen",
    ]
    # a wider gap after the address: the body a block of its own
    flat = page_of(*[(line, 300, 311 + 45 * i + 40 * (i > 6)) for i, line in enumerate(lines)])
    ex = extract_client([flat], own=OWN)
    assert values(ex, "postcode") == ["2320 KJ"] and ex.value("last_name") == "Mulder"


def test_a_text_layer_that_flows_from_our_letterhead_into_the_address_keeps_them_apart() -> None:
    """A born-digital invoice whose text layer lost its layout: our letterhead and the
    client's address as one run of evenly spaced lines at the top of the page."""
    lines = [
        "Installatiebedrijf Hoekstra B.V.",
        "Industrieweg 14",
        "8441 PK Heerenveen",
        "T. 0513-612345",
        "info@hoekstra-installatie.nl",
        "Fleur Mulder",
        "Marktplein 106 bis",
        "2320 KJ Leiden",
        "FACTUUR",
        "Factuurnummer: 2020-0465",
    ]
    flat = page_of(*[(line, 300, 311 + 52 * i) for i, line in enumerate(lines)])
    for own in (OWN, OwnBusiness()):
        ex = extract_client([flat], own=own)
        assert "2320 KJ" in values(ex, "postcode"), own
        assert ex.value("last_name") == "Mulder" and ex.value("city") == "Leiden"
    ex = extract_client([flat], own=OWN)
    assert values(ex, "postcode") == ["2320 KJ"]  # ours kept off


def test_a_letter_that_shows_only_the_clients_firm_is_theirs_when_another_letter_ties_them() -> (
    None
):
    """The folder names Anna Meijer; her own letter names her, her café and her mobile
    number; a second letter has the café's letterhead and the same mobile number, but
    not her name. It is hers, not a stranger's."""
    to_us = [
        ("Installatiebedrijf Hoekstra B.V.", 180, 450),
        ("Industrieweg 14", 180, 495),
        ("8441 PK Heerenveen", 180, 540),
        ("Roermond, 22 maart 2016", 180, 700),
        ("Betreft: Storing warm water", 180, 790),
    ]
    signed = page_of(
        ("Anna Meijer", 180, 100),
        ("Stationsweg 40", 180, 145),
        ("6042 BN Roermond", 180, 190),
        ("Mobiel: 06-59144068", 180, 235),
        *to_us,
        ("Met vriendelijke groet,", 180, 1100),
        ("Anna Meijer", 180, 1250),
        ("Café De Gouden Leeuw B.V.", 180, 1295),
    )
    firm_only = page_of(
        ("Stationsweg 40 6042 BN Roermond T. 06-59144068", 180, 100),
        ("Email: info@cafedegoudenleeuw.nl", 180, 145),
        *to_us,
        ("Met vriendelijke groet,", 180, 1100),
        ("Café De Gouden Leeuw B.V.", 180, 1295),
    )
    ex = extract_client([signed, firm_only], folder_name="Meijer, Anna", own=OWN)
    assert [p.client for p in ex.pages] == ["sender", "sender"]
    assert values(ex, "email") == ["info@cafedegoudenleeuw.nl"]


def test_our_name_over_a_window_block_for_a_department_is_not_the_letterheads() -> None:
    """A client's letter with the window on the right: our name, "T.a.v. de directie",
    street and postcode. A speck above our name makes its line look twice as tall, so it
    stands apart from the block; it must still be the addressee's, not the top right
    column of the client's letterhead (that made the client's letter look like ours)."""
    page = page_of(
        ("timmerbedrijf de vries v.o.f.", 170, 90),
        ("Sint Janssingel 223 2558 BL Den Haag T. 06 53 12 05 05", 170, 180),
        ("Installatiebedrijf Hoekstra B.V.", 890, 430),
        ("T.a.v. de directie", 890, 478),
        ("Industrieweg 14", 890, 523),
        ("8441 PK Heerenveen", 890, 568),
        ("Den Haag, 15-1-2023", 180, 690),
        ("Graag ontvang ik een offerte voor het werk.", 180, 960),
        ("Met vriendelijke groet,", 180, 1330),
        ("Fleur de Vries", 180, 1510),
        ("KvK-nr. 26719594", 410, 2210),
    )
    speck = next(i for i, w in enumerate(page.words) if w.text == "Installatiebedrijf")
    word = page.words[speck]
    page.words[speck] = Word(word.text, word.left, word.top - 30, word.width, 58, word.conf)
    ex = extract_client([page], own=OWN)
    assert (ex.pages[0].client, ex.pages[0].own) == ("sender", ("recipient",))
    assert values(ex, "phone") == ["+31653120505"]
    assert values(ex, "kvk") == ["26719594"]


def test_a_letterhead_whose_name_stands_apart_and_whose_lines_run_on_into_our_window() -> None:
    """The client's letterhead at the top right: the firm's name in a large type stands
    apart; its street, postcode, phone and e-mail run on with no blank line into our
    address in the window under them. The two addresses were one block holding ours, the
    letter was taken for ours and nothing of the client was read (48th)."""
    page = page_of(
        ("Eetcafé De Zwaan V.O.F.", 1027, 101),
        ("Kerkstraat 21", 1330, 185),
        ("5043 BG Tilburg", 1300, 221),
        ("T 0644543179", 1330, 256),
        ("info@eetcafedezwaan.nl", 1200, 287),
        ("Installatiebedrijf Hoekstra B.V.", 930, 388),
        ("Afdeling crediteuren", 930, 444),
        ("Industrieweg 14", 930, 488),
        ("8441 PK Heerenveen", 930, 533),
        ("Tilburg, 26 februari 2022", 180, 700),
        ("Betreft: Offerte vervanging cv-ketel", 180, 760),
        ("Hoogachtend,", 180, 1100),
        ("Anouk de Zwaan", 180, 1250),
        ("Eetcafé De Zwaan V.O.F.", 180, 1295),
    )
    # the name in a larger type, its right edge where the lines' under it end
    page.words[:4] = [
        Word(w.text, 1027 + (w.left - 1027) * 3 // 2, w.top, w.width * 3 // 2, 58, w.conf)
        for w in page.words[:4]
    ]
    # the e-mail line and our name read taller (the @, a speck): the pitch between the
    # two is under 2.6 of their heights, so the lines run on into our window
    page.words[:] = [
        Word(w.text, w.left, w.top, w.width, 45 if "@" in w.text else 49, w.conf)
        if w.text in ("info@eetcafedezwaan.nl", "Installatiebedrijf", "Hoekstra")
        else w
        for w in page.words
    ]
    ex = extract_client([page], own=OWN)
    assert (ex.pages[0].client, ex.pages[0].own) == ("sender", ("recipient",))
    assert values(ex, "postcode") == ["5043 BG"] and values(ex, "phone") == ["+31644543179"]
    assert values(ex, "email") == ["info@eetcafedezwaan.nl"]


def test_a_department_line_with_a_speck_before_its_tav_is_still_the_windows() -> None:
    """The client's details run on into our window with no blank line, and a speck before
    "t.a.v." was read as a low quote ("„ta.v. de directie"): the line was no department,
    our window no address block, and the letter one block with our address: taken for
    ours, nothing of the client was read (50th)."""
    lines = [
        "Thijs Mulder",
        "Sint Janssingel 189c",
        "2729 HX Zoetermeer",
        "Mobiel: 06-5783 6515",
        "Installatiebedrijf Hoekstra B.V.",
        "„ta.v. de directie",
        "Industrieweg 14",
        "8441 PK Heerenveen",
    ]
    page = page_of(
        *[(line, 150, 150 + 45 * i) for i, line in enumerate(lines)],
        ("Zoetermeer, 3 augustus 2020", 150, 700),
        ("Met vriendelijke groet,", 150, 1100),
        ("Thijs Mulder", 150, 1250),
    )
    ex = extract_client([page], own=OWN)
    assert (ex.pages[0].client, ex.pages[0].own) == ("sender", ("recipient",))
    assert values(ex, "postcode") == ["2729 HX"] and values(ex, "phone") == ["+31657836515"]


def test_a_private_letter_flowing_into_a_window_block_for_a_department() -> None:
    """The writer's address, a return address and our address for "Afdeling crediteuren"
    with no blank line between them (a scan whose lines are evenly spaced)."""
    page = page_of(
        ("Bülent de Graaf", 240, 210),
        ("Hoofdstraat 24", 240, 260),
        ("7412 LH Deventer", 240, 310),
        ("Tel. 0570 395534", 240, 360),
        ("Email: bulent1997@outlook.com", 240, 410),
        ("Retouradres: Postbus 774", 240, 460),
        ("Installatiebedrijf Hoekstra B.V.", 240, 510),
        ("Afdeling crediteuren", 240, 560),
        ("Industrieweg 14", 240, 610),
        ("8441 PK Heerenveen", 240, 660),
        ("Deventer, 19-11-2016", 240, 800),
        ("Betreft: Storing warm water", 240, 900),
        ("Met vriendelijke groet,", 240, 1300),
        ("Bülent de Graaf", 240, 1450),
    )
    ex = extract_client([page], own=OWN)
    assert (ex.pages[0].client, ex.pages[0].own) == ("sender", ("recipient",))
    assert ex.value("postcode") == "7412 LH"
    assert values(ex, "email") == ["bulent1997@outlook.com"]


def test_a_column_of_details_read_as_one_block_per_label_is_the_writers() -> None:
    """A supplier's invoice to us about work at the client's ("Werkadres:"), with the
    supplier's details in a column beside it. Each label and value stands so far from the
    next that they are blocks of their own; only the column's VAT and bank labels show
    whose it is, and its e-mail address is the supplier's too (its mailbox "debiteuren@"
    is no label about the customer)."""
    page = page_of(
        ("SCHNEIDER TECHNIK AG", 160, 120),
        ("Hauptstrasse 88 70926 Hamburg", 160, 200),
        ("Installatiebedrijf Hoekstra B.V.", 900, 430),
        ("T.a.v. de directie", 900, 475),
        ("Industrieweg 14", 900, 520),
        ("8441 PK Heerenveen", 900, 565),
        ("Rechnung / Factuur", 160, 700),
        ("Werkadres:", 160, 820),
        ("Kees de Vries", 160, 865),
        ("Kerkstraat 12a", 160, 910),
        ("1234 AB Amsterdam", 160, 955),
        ("Telefoon", 1250, 820),
        ("+49 40 1234567", 1250, 856),
        ("E-mail", 1250, 930),
        ("debiteuren@schneider.de", 1250, 966),
        ("USt-IdNr.", 1250, 1040),
        ("DE136695976", 1250, 1076),
        ("Bank", 1250, 1150),
        ("DE89 3704 0044 0532 0130 00", 1250, 1186),
        ("Totaal 1.409,70", 160, 1300),
    )
    ex = extract_client([card(), page], own=OWN)
    assert "debiteuren@schneider.de" not in values(ex, "email")
    assert values(ex, "email") == ["kees@bakkerijdevries.nl"]


def test_a_name_whose_space_ocr_lost_is_the_one_read_with_it() -> None:
    """The letterhead reads "Evade Wit", the signature "Eva de Wit": OCR loses spaces, it
    does not add them, so the client is Eva de Wit (as "Evade" she was a client apart
    from her folder "Wit, Eva de")."""
    page = page_of(
        ("Evade Wit", 180, 150),
        ("Molenweg 199 A", 180, 195),
        ("2327 MB Leiden", 180, 240),
        ("Tel. 071 - 9459248", 180, 285),
        ("Installatiebedrijf Zijlstra B.V.", 180, 450),
        ("Industrieweg 134", 180, 495),
        ("7516 PL Enschede", 180, 540),
        ("Geachte heer Zijlstra,", 180, 700),
        ("De factuur van augustus heb ik inmiddels voldaan.", 180, 760),
        ("Met vriendelijke groet,", 180, 1100),
        ("Eva de Wit", 180, 1250),
    )
    own = OwnBusiness(name="Installatiebedrijf Zijlstra B.V.", postcode="7516 PL")
    ex = extract_client([page], own=own)
    assert ex.value("name") == "Eva de Wit"
    assert (ex.value("first_name"), ex.value("last_name")) == ("Eva", "Wit")


def _read_as_one_block(letter: PageText) -> ExtractedClient:
    """The folder of Kees de Vries's card and letter, with every block of the letter read
    as one party, the sender (the layout's slip on a scanned letter)."""
    raw = read_folder([card(), letter], "Vries, Kees de")
    page = raw.pages[1]
    one = [
        dataclasses.replace(r, fv=dataclasses.replace(r.fv, party="sender")) if r.fv.party else r
        for r in page.readings
    ]
    raw.pages[1] = dataclasses.replace(page, readings=one)
    return resolve(raw, [OWN])


def test_running_text_of_a_writer_whose_block_was_read_as_one_with_ours_stays_apart() -> None:
    """Another client's letter whose writer's block and our window address were read as
    one block (a speck line between them): the whole block is taken for ours and dropped,
    so the page has no party but ours. "Mijn telefoonnummer is ..." in the body is the
    writer's, not the folder client's; the writer's values in the block say so."""
    ours = ["Installatiebedrijf Hoekstra B.V.", "Industrieweg 14", "8441 PK Heerenveen"]
    window = [(line, 880, 480 + 45 * i) for i, line in enumerate(ours)]

    def letter(writer: list[str], body: str) -> PageText:
        top = [(line, 1100, 145 + 45 * i) for i, line in enumerate(writer)]
        return page_of(*top, *window, (body, 180, 960), (writer[0], 180, 1250))

    writer = ["Fatima Öztürk", "Molenweg 3", "3011 CD Rotterdam", "Tel. 06-87654321"]
    ex = _read_as_one_block(letter(writer, "Mijn telefoonnummer is 06-87654321"))
    assert ex.pages[1].client is None
    assert set(values(ex, "phone")) == {"+31612345678", "+31207654321"}
    assert "+31687654321" in {fv.value for fv in ex.held}
    # the client's own letter read the same way keeps its running text
    client = ["Kees de Vries", "Kerkstraat 12a", "1234 AB Amsterdam"]
    ex = _read_as_one_block(letter(client, "Mijn telefoonnummer is 06-12345678"))
    assert ex.pages[1].client is None and ex.pages[1].reason == "one-party"
    assert any(fv.page_index == 1 for fv in ex.candidates["phone"])


def test_a_letter_of_a_namesake_in_a_firms_folder_is_not_the_firms() -> None:
    """The folder is named after a firm (no card, no person on its tab). Chloë Hendriks
    writes for it and signs with its name; a letter of Lucas Hendriks, a private client
    with another address and number, was filed here too. He shares only the surname with
    the firm's name: his values stay off the firm's card."""
    chloe = client_letter_to_us(
        ("Wilhelminastraat 26", "9746 NB Groningen", "Tel. 06-41409830"),
        "Chloë Hendriks",
        "Hoveniersbedrijf Hendriks Holding B.V.",
    )
    lucas = client_letter_to_us(
        ("Lucas Hendriks", "Kerkstraat 28", "2624 LZ Delft", "Tel. 06-21416462"),
        "Lucas Hendriks",
    )
    ex = extract_client([chloe, lucas], folder_name="Hoveniersbedrijf Hendriks", own=OWN)
    assert [p.reason for p in ex.pages] == ["own", "other"]
    assert values(ex, "phone") == ["+31641409830"]
    assert values(ex, "postcode") == ["9746 NB"]
    # a letter of the firm's person without the firm's name is still the firm's
    again = client_letter_to_us(("Chloë Hendriks", "Tel. 06-41409830"), "Chloë Hendriks")
    ex = extract_client([chloe, again], folder_name="Hoveniersbedrijf Hendriks", own=OWN)
    assert [p.reason for p in ex.pages] == ["own", "own"]


@pytest.mark.parametrize(
    ("tab", "read", "surname"), [("Ruud Çelik", "Ruud Gelik", "Çelik"),
                                 ("Çelik, Ruud", "Ruud Celik", "Çelik"),
                                 ("Emre Yıldız", "Emre Yildiz", "Yıldız"),
                                 ("Ayşe Doğan", "Ayse Dojan", "Doğan")]
)  # fmt: skip
def test_a_name_on_the_tab_with_a_letter_the_model_misreads_is_the_clients(
    tab: str, read: str, surname: str
) -> None:
    """The tab is typed "Ruud Çelik"; Tesseract's Dutch model reads the Ç as a G on every
    page. His letter is his, and the card keeps the tab's spelling."""
    letter = client_letter_to_us((read, "Stationsweg 223", "9104 MG Damwâld",
                                  "Tel. 0031 6 3780 9805"), read)  # fmt: skip
    ex = extract_client([letter], folder_name=tab, own=OWN)
    assert [p.reason for p in ex.pages] == ["own"]
    assert values(ex, "phone") == ["+31637809805"]
    assert ex.value("last_name") == surname


def test_a_name_differing_from_the_tab_in_a_letter_the_model_knows_is_another_persons() -> None:
    """Only the tab's unknown letters may differ: "Ruud Gelin" in the folder of Ruud
    Çelik is someone else (the n is no misread Turkish letter)."""
    letter = client_letter_to_us(("Ruud Gelin", "Kerkstraat 28", "2624 LZ Delft",
                                  "Tel. 06-21416462"), "Ruud Gelin")  # fmt: skip
    ex = extract_client([letter], folder_name="Ruud Çelik", own=OWN)
    assert [p.reason for p in ex.pages] == ["other"]
    assert "phone" not in ex.candidates or not values(ex, "phone")


def test_our_name_read_into_a_writers_letterhead_does_not_make_the_writer_us() -> None:
    """The writer's letterhead and our name in the window read as one block, our address
    below it misread ("8441. PK"): the block names our firm, but its numbers are none of
    ours. The writer's footer (IBAN, KvK, btw) is the client's, not ours."""
    rows = [
        ("Van de Ven Transport V.O.F.", 180, 150),
        ("Tel. 015-9683929", 180, 195),
        ("Installatiebedrijf Hoekstra B.V.", 180, 240),
        ("Industrieweg 14", 180, 285),
        ("8441. PK Heerenveen", 180, 330),
        ("Graag ontvang ik een offerte.", 180, 960),
        ("Met vriendelijke groet,", 180, 1100),
        ("Priya van de Ven", 180, 1250),
        ("Triodos NL55 TRIO 0185 9111 88 · Handelsregister 40256212", 180, 2200),
        ("VAT no. NL690940828B01", 180, 2245),
    ]
    ex = extract_client([page_of(*rows)], folder_name="Ven, Priya van de", own=OWN)
    assert values(ex, "iban") == ["NL55TRIO0185911188"]
    assert values(ex, "kvk") == ["40256212"]
    assert values(ex, "btw") == ["NL690940828B01"]
    assert not {"Installatiebedrijf Hoekstra B.V."} & set(values(ex, "company"))


def test_a_suppliers_number_misread_in_its_column_of_details_is_theirs_too() -> None:
    """A supplier's invoice in the client's folder prints its phone number in the
    letterhead and again in a column of details, there read one digit off: that is the
    supplier's number misread, not the client's (on the same page; elsewhere in the
    folder a number one digit from the supplier's may be the client's own)."""
    page = invoice(customer_wording=True)
    column = page_of(("Telefoon", 1500, 900), ("010-4123457", 1500, 945))
    page = dataclasses.replace(page, words=[*page.words, *column.words],
                               text=f"{page.text}\n{column.text}")  # fmt: skip
    card = page_of(
        ("Klantkaart", 180, 100),
        ("Bedrijf: Garage Dekker", 180, 200),
        ("Tel.: 06-47742788", 180, 250),
    )
    ex = extract_client([card, page], folder_name="Garage Dekker", own=OwnBusiness())
    assert values(ex, "phone") == ["+31647742788"]
    assert "+31104123457" in {fv.value for fv in ex.held}


def test_a_column_of_details_that_repeats_the_writers_number_is_theirs() -> None:
    """A supplier's invoice to us for the client's house: its letterhead's phone number
    misread past reading (here: lost), its mobile read; its column of details beside
    the delivery address repeats both. The column's phone number is the supplier's too,
    not the client's (the column stands where the client's address block does)."""

    def page(letterhead_phone: str) -> PageText:
        return page_of(
            ("Kantoorartikelen Van Wijk B.V.", 160, 100),
            (f"Transportweg 96 9201 JB Drachten {letterhead_phone} Mob. 06 1164 4751", 700, 170),
            ("Installatiebedrijf Hoekstra B.V.", 900, 390),
            ("Industrieweg 14", 900, 430),
            ("8441 PK Heerenveen", 900, 470),
            ("Rekening F556079", 160, 615),
            ("Afleveradres:", 160, 780),
            ("Jan Hoekman", 160, 820),
            ("Stationsweg 92d", 160, 860),
            ("5035 MJ Tilburg", 160, 900),
            ("Tel.", 1246, 850),
            ("0512-989912", 1246, 890),
            ("Mobiel", 1246, 935),
            ("06 1164 4751", 1246, 975),
            ("Bevestigingsmateriaal 2 12,75 25,50", 160, 1010),
        )

    card = page_of(("Klantkaart", 180, 100), ("Naam: Jan Hoekman", 180, 200),
                   ("Tel.: 06-47742788", 180, 250))  # fmt: skip
    for phone in ("", "T. 0512-989912"):
        ex = extract_client([card, page(phone)], folder_name="Hoekman, Jan", own=OWN)
        assert [fv.value for fv in ex.all("phone")] == ["+31647742788"], phone


def test_a_number_read_one_or_two_digits_off_is_a_misreading_of_it() -> None:
    """What counts as a supplier's number misread on its own page: "4808658" of
    "4808686" (two digits), not the same number, another length or three digits off."""
    assert _digits_apart("+31794808658", "+31794808686")
    assert _digits_apart("+31104123457", "+31104123456")
    assert not _digits_apart("+31794808686", "+31794808686")
    assert not _digits_apart("+31794801686", "+31794808658")
    assert not _digits_apart("+3179480868", "+31794808686")


def test_our_name_read_into_a_clients_letterhead_over_our_window_does_not_make_them_us() -> None:
    """A client's letter, its letterhead column running on into the window with our
    address ("Postbus 987" between, our name's first word boxed tall): the reader took
    our name for the last line of their block, grouped with our address under it. Their
    own address and numbers are not ours, so they are the client, not us (the letter was
    a client of its own; boxes as Tesseract gave them)."""
    bosma = OwnBusiness(name="Garage Bosma B.V.", street="Galvanistraat 109",
                        postcode="7413 NK", city="Deventer", phones=("0570-374880",),
                        emails=("info@garagebosma.nl",))  # fmt: skip
    boxes = [
        ("Sjoerd", 180, 182, 83, 35), ("van", 273, 190, 50, 26), ("Leeuwen", 333, 190, 106, 26),
        ("Wilhelminastraat", 179, 234, 217, 24), ("246", 406, 236, 46, 22),
        ("6045", 179, 280, 61, 29), ("AX", 251, 281, 44, 22), ("Roermond", 305, 281, 133, 23),
        ("Mobiel:", 179, 327, 96, 23), ("+31624080750", 286, 328, 192, 28),
        ("E-mail:", 161, 369, 110, 27), ("sjoerdvanleeuwen@planet.nl", 282, 370, 364, 43),
        ("Postbus", 184, 434, 64, 15), ("987", 254, 427, 31, 22),
        ("Garage", 184, 468, 89, 44), ("Bosma", 283, 483, 86, 23), ("B.V.", 378, 484, 55, 22),
        ("T.a.v.", 183, 529, 70, 22), ("de", 263, 529, 29, 22),
        ("administratie", 301, 529, 166, 23),
        ("Galvanistraat", 183, 564, 167, 33), ("109", 363, 575, 43, 23),
        ("7413", 183, 620, 61, 23), ("NK", 256, 621, 43, 22), ("Deventer", 309, 613, 115, 31),
    ]  # fmt: skip
    words = [Word(text, x, y, w, h, 92.0) for text, x, y, w, h in boxes]
    sign_off = page_of(("Met vriendelijke groet,", 180, 1270), ("Sjoerd van Leeuwen", 180, 1400))
    page = PageText("", [*words, *sign_off.words], 90.0, 0, 1654, 2339)
    ex = extract_client([page], own=bosma)
    assert ex.pages[0].own == ("recipient",) and ex.pages[0].client == "sender"
    assert values(ex, "phone") == ["+31624080750"] and values(ex, "postcode") == ["6045 AX"]


def test_a_heading_over_an_address_is_no_name_of_it() -> None:
    """ "Bezorgadres:" over a delivery address is its heading, not a firm of that name;
    a line of the block that ends in a speck read as a colon is still a line of it."""
    for heading, named in (("Bezorgadres:", False), ("T.a.v. Fam. van der Meer:", True)):
        page = page_of(
            ("Installatiebedrijf Hoekstra B.V.", 180, 100),
            ("Industrieweg 14 · 8441 PK Heerenveen · Tel. 0513-612345", 180, 160),
            ("Loodgietersbedrijf Van der Meer V.O.F.", 180, 375),
            (heading, 180, 420),
            ("Eikenlaan 44c", 180, 465),
            ("6531 CZ Nijmegen", 180, 510),
        )
        ex = extract_client([page], own=OWN)
        companies = {fv.value for fv in ex.all("company")}
        assert "Bezorgadres" not in companies
        assert ("Loodgietersbedrijf Van der Meer V.O.F." in companies) == named
