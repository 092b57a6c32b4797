"""Read pages through the import's proposals and apply into a real client file: which
client, what goes on the card, and what is never mixed."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest

from importing import Document, ImportReport, import_read, read_unit
from importing.proposals import _one_letter_apart
from importing.report import JOINED, NEW
from storage import Address, ClientFile, PageText, Phone
from tests.ocr.test_extract import OWN, card, letter_from_client, letter_to_client, page_of


@pytest.fixture
def paper(tmp_path: Path):
    """Makes a document of pages, with a small original file on disk (apply stores it)."""
    made = []

    def make(*pages: PageText, name: str | None = None) -> Document:
        path = tmp_path / (name or f"scan{len(made)}.png")
        path.write_bytes(f"origineel {len(made)} {pages[0].text[:40]}".encode())
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        doc = Document(path, "image/png", path.name, sha, pages=dict(enumerate(pages)))
        made.append(doc)
        return doc

    return make


def folder(label: str, *docs: Document):
    return read_unit(label, list(docs), folder=Path("/binder") / label)


def loose(*docs: Document):
    return read_unit(docs[0].name, list(docs))


def run(cf: ClientFile, *units, own=OWN) -> ImportReport:
    return import_read(list(units), cf, own=own)


def add_client(cf: ClientFile, **kw) -> int:
    return cf.create_client(**kw)


def add_kees(cf: ClientFile, **kw) -> int:
    """The client of tests.ocr.test_extract's card, known already."""
    return add_client(
        cf, name="Kees de Vries", first_name="Kees", tussenvoegsel="de", last_name="Vries", **kw
    )


def test_new_client_from_a_card(client_file: ClientFile, paper) -> None:
    report = run(client_file, folder("Vries, Kees de", paper(card())))
    (client_id,) = report.created
    client = client_file.client(client_id)
    assert client.name == "Kees de Vries"
    assert client.company == "Bakkerij De Vries B.V." and client.legal_form == "B.V."
    assert set(client.numbers) == {"+31612345678", "+31207654321"}
    assert client.emails == ["kees@bakkerijdevries.nl"]
    assert client.iban == "NL50INGB0683251309" and client.kvk == "12345678"
    assert client.addresses[0].postcode == "1234 AB"
    assert client.addresses[0].house_number == "12a"
    assert client.client_since == "2015-03-03"
    assert client_file.lookup_phone("06 1234 5678").id == client_id
    assert [u.outcome for u in report.units] == [NEW]
    assert report.documents == 1 and report.pages == 1


def test_every_value_is_stored_with_page_box_and_confidence(client_file, paper) -> None:
    report = run(client_file, folder("Vries, Kees de", paper(card())))
    (client_id,) = report.created
    (document,) = client_file.client(client_id).documents
    page_ids = client_file.page_ids(document.id)
    fields = client_file.fields(client_id)
    iban = next(f for f in fields if f.field == "iban")
    assert iban.value == "NL50INGB0683251309"
    assert iban.page_id == page_ids[0]
    assert list(iban.box[:2]) == [520, 690]
    assert 0.5 < iban.confidence <= 1 and iban.accepted is False  # read, not yet checked
    assert {f.field for f in fields} >= {"name", "phone", "email", "postcode", "kvk"}


def test_the_same_folder_read_twice_is_the_same_client(client_file, paper) -> None:
    first = run(client_file, folder("Vries, Kees de", paper(card(), letter_from_client())))
    again = run(client_file, folder("Vries, Kees de", paper(card(), letter_from_client())))
    assert again.created == [] and again.updated == first.created
    assert "zelfde" in again.units[0].reason and "dezelfde naam" in again.units[0].reason
    assert client_file.count_clients() == 1


def test_loose_letter_to_a_known_client_matches_on_name_and_address(client_file, paper) -> None:
    client_id = add_kees(
        client_file, addresses=[Address("Kerkstraat", "12a", "1234 AB", "Amsterdam")]
    )
    report = run(client_file, loose(paper(letter_to_client())))
    assert report.updated == [client_id] and report.created == []
    assert "adres" in report.units[0].reason


def test_identifier_and_name_match_whatever_the_address(client_file, paper) -> None:
    client_id = add_client(
        client_file,
        name="K. de Vries",
        last_name="Vries",
        tussenvoegsel="de",
        phones=[Phone("+31612345678", "06-12345678", "mobile")],
    )
    report = run(client_file, loose(paper(letter_from_client())))
    assert report.updated == [client_id]
    client = client_file.client(client_id)
    assert client.name == "K. de Vries"  # never overwritten
    assert client.addresses[0].postcode == "1234 AB"  # but the new address is added


def test_a_shared_number_with_another_name_is_a_new_client(client_file, paper) -> None:
    other = add_client(
        client_file,
        name="Anna Bakker",
        first_name="Anna",
        last_name="Bakker",
        phones=[Phone("+31612345678", "06-12345678", "mobile")],
    )
    report = run(client_file, loose(paper(letter_from_client())))
    (created,) = report.created
    assert created != other
    assert "niet zeker" in report.units[0].reason and "andere naam" in report.units[0].reason


def test_new_numbers_added_nothing_overwritten_conflicts_logged(client_file, paper) -> None:
    client_id = add_kees(
        client_file,
        iban="NL91ABNA0417164300",
        emails=["kees@bakkerijdevries.nl"],
        phones=[Phone("+31201111111", "020-1111111", "landline")],
    )
    report = run(client_file, loose(paper(card())))
    assert report.updated == [client_id]
    client = client_file.client(client_id)
    assert client.numbers[0] == "+31201111111"
    assert set(client.numbers) == {"+31201111111", "+31612345678", "+31207654321"}
    assert client.iban == "NL91ABNA0417164300"
    readings = [f.value for f in client_file.fields(client_id) if f.field == "iban"]
    assert readings == ["NL50INGB0683251309"]  # the other IBAN is kept to be shown
    assert any("iban" in line for line in client_file.import_log("conflict"))


def test_a_known_address_read_cut_short_is_not_added_again(client_file, paper) -> None:
    client_id = add_kees(
        client_file,
        emails=["bakker.kees@bakkerijdevries.nl"],
        phones=[Phone("+31612345678", "06-12345678", "mobile")],
    )
    # the card's "kees@bakkerijdevries.nl" is the known address with its start lost
    report = run(client_file, loose(paper(card())))
    assert report.updated == [client_id]
    assert client_file.client(client_id).emails == ["bakker.kees@bakkerijdevries.nl"]
    assert any("e-mailadres" in line for line in client_file.import_log("conflict"))


@pytest.mark.parametrize(
    ("known", "added"),
    [
        (Address("Kerkstraat", "12a", "1234 AG", "Amsterdam"), False),  # one letter misread
        (Address("Kerkstraat", "12a", "1284 AB", "Amsterdam"), False),  # one digit misread
        (Address("Kerkstraat", "14", "1234 AG", "Amsterdam"), True),  # another house
        (Address("Dorpsstraat", "12a", "1234 AG", "Amsterdam"), True),  # another street
        (Address(None, None, "1234 AG", "Amsterdam"), True),  # no house to compare
    ],
)
def test_a_house_has_one_postcode(client_file, paper, known: Address, added: bool) -> None:
    """The card's "1234 AB" at the known client's street, house number and city is the
    known address with its postcode misread, not a second address."""
    client_id = add_kees(
        client_file, phones=[Phone("+31612345678", "06-12345678", "mobile")], addresses=[known]
    )
    report = run(client_file, loose(paper(card())))
    assert report.updated == [client_id]
    addresses = client_file.client(client_id).addresses
    assert [a.postcode for a in addresses] == [known.postcode, "1234 AB"][: 1 + added]


def test_same_name_elsewhere_is_a_new_client(client_file, paper) -> None:
    add_client(
        client_file,
        name="Kees de Vries",
        first_name="Kees",
        tussenvoegsel="de",
        last_name="Vries",
        addresses=[Address("Molenweg", "3", "3011 CD", "Rotterdam")],
    )
    report = run(client_file, loose(paper(letter_from_client())))
    assert len(report.created) == 1 and client_file.count_clients() == 2


def test_paper_without_client_details_gets_the_file_name(client_file, paper) -> None:
    add_client(client_file, name="Kees de Vries")
    report = run(client_file, loose(paper(page_of(("Bijlage 2", 100, 100)), name="scan0001.png")))
    (client_id,) = report.created
    assert client_file.client(client_id).name == "scan0001"


def test_own_business_never_matches_a_client(client_file, paper) -> None:
    # even a client file that (wrongly) holds our own number does not pull our letters in
    ours = add_client(
        client_file, name="Hoekstra", phones=[Phone("+31513612345", None, "landline")]
    )
    report = run(client_file, loose(paper(letter_to_client())))
    assert report.created and ours not in report.updated


def test_two_folders_of_one_client_are_joined_and_say_why(client_file, paper) -> None:
    report = run(
        client_file,
        folder("Vries, Kees de", paper(card())),
        folder("Bakkerij De Vries", paper(letter_from_client())),
    )
    assert len(report.created) == 1 and client_file.count_clients() == 1
    assert [u.outcome for u in report.units] == [NEW, JOINED]
    assert "dezelfde naam" in report.units[1].reason
    assert len(client_file.client(report.created[0]).documents) == 2


def test_folders_sharing_only_our_letterhead_stay_apart(client_file, paper) -> None:
    """Our own invoice in every folder, own business not filled in: every folder is still
    its own client, and our numbers are on none of their cards."""
    units = []
    for i in range(4):
        client = page_of(
            ("Klantkaart", 100, 100),
            ("Naam:", 100, 200),
            (f"Klant{i} Testpersoon", 520, 200),
            ("Telefoon:", 100, 270),
            (f"06-1234567{i}", 520, 270),
        )
        units.append(folder(f"Testpersoon, Klant{i}", paper(client), paper(letter_to_client())))
    report = run(client_file, *units, own=None)
    assert len(report.created) == 4
    for client_id in report.created:
        client = client_file.client(client_id)
        assert "+31513612345" not in client.numbers
        assert client.iban != "NL20INGB0001234567" and client.kvk != "01234567"
    assert report.own_business is not None
    assert report.own_business["details"]["iban"] == "NL20INGB0001234567"


def kees_letter(*head: str) -> PageText:
    """A letter from Kees de Vries asking for a quote, the lines of head over it."""
    return page_of(
        *[(line, 180, 150 + 45 * i) for i, line in enumerate(head)],
        ("Graag een offerte voor de nieuwe ovens.", 180, 700),
        ("Met vriendelijke groet,", 180, 1100),
        ("Kees de Vries", 180, 1250),
    )


def test_one_clients_units_spell_an_address_the_way_most_of_them_read_it(
    client_file, paper
) -> None:
    """A loose scan read the address with its first letter lost; the folder has it whole
    on two pages. The loose scan comes first and makes the client, yet the card gets the
    address as read twice, once."""
    slipped = page_of(
        ("Klantkaart", 100, 100),
        ("Naam:", 100, 270),
        ("Kees de Vries", 520, 270),
        ("Mobiel:", 100, 480),
        ("06-12345678", 520, 480),
        ("E-mail:", 100, 620),
        ("ees@bakkerijdevries.nl", 520, 620),
    )
    again = kees_letter("Kees de Vries", "Tel. 06-12345678 · kees@bakkerijdevries.nl")
    report = run(
        client_file,
        loose(paper(slipped)),
        folder("Vries, Kees de", paper(card()), paper(again)),
    )
    (client_id,) = report.created
    assert client_file.client(client_id).emails == ["kees@bakkerijdevries.nl"]


def test_one_clients_units_read_a_phone_number_one_way(client_file, paper) -> None:
    """A loose letter read the mobile number a digit off ("06-12345670"); the folder reads
    it right on the card and in a letter. The loose letter comes first and makes the
    client, yet the card holds the number once, as the folder reads it: a client has no
    second mobile number a digit from the first."""
    slipped = kees_letter(
        "Kees de Vries",
        "Kerkstraat 12a",
        "1234 AB Amsterdam",
        "Tel. 06-12345670 · kees@bakkerijdevries.nl",
    )
    report = run(
        client_file,
        loose(paper(slipped)),
        folder("Vries, Kees de", paper(card()), paper(letter_from_client())),
    )
    (client_id,) = report.created
    numbers = {p.e164 for p in client_file.client(client_id).phones}
    assert "+31612345678" in numbers
    assert "+31612345670" not in numbers


def _bakker_letter(letterhead: str, postcode: str, *more: tuple[str, int, int]) -> PageText:
    """Lotte Bakker's letter to us, its letterhead as read, and more rows (a footer)."""
    return page_of(
        (letterhead, 180, 150),
        ("Kerkstraat 12a", 180, 195),
        (f"{postcode} Amsterdam", 180, 240),
        ("Installatiebedrijf Hoekstra B.V.", 180, 450),
        ("Industrieweg 14", 180, 495),
        ("8441 PK Heerenveen", 180, 540),
        ("Graag een offerte voor de nieuwe ovens.", 180, 700),
        ("Met vriendelijke groet,", 180, 1100),
        ("Lotte Bakker", 180, 1250),
        *more,
    )


def _bakker_card() -> PageText:
    return page_of(
        ("Klantkaart", 100, 100),
        ("Naam:", 100, 270),
        ("Lotte Bakker", 520, 270),
        ("Adres:", 100, 340),
        ("Kerkstraat 12a", 520, 340),
        ("Postcode/plaats:", 100, 410),
        ("1234 AB Amsterdam", 520, 410),
    )


def test_a_first_name_read_two_ways_on_a_loose_letter_still_finds_its_folder(
    client_file, paper
) -> None:
    """A loose letter read its writer's first name "Latte" in the letterhead and "Lotte"
    under the signature (a and o: letters OCR takes for each other); the folder reads
    "Lotte" at the same address. The letter goes with the folder, not to a client of
    its own."""
    slipped = _bakker_letter("Latte Bakker", "1234 AB")
    report = run(client_file, loose(paper(slipped)), folder("Bakker, Lotte", paper(_bakker_card())))
    (client_id,) = report.created
    assert client_file.client(client_id).first_name == "Lotte"


def test_a_postcode_read_two_ways_on_a_loose_letter_still_finds_its_folder(
    client_file, paper
) -> None:
    """A loose letter read its writer's postcode "1284 AB" in the letterhead and "1234 AB"
    in its footer, and took the letterhead's; the folder (a card, no phone or e-mail)
    reads "1234 AB" at the same house number. Either reading may be the right one: the
    letter goes with the folder, not to a client of its own (50th)."""
    footer = ("Bakkerij Bakker · Kerkstraat 12a · 1234 AB Amsterdam", 180, 2200)
    slipped = _bakker_letter("Bakkerij Bakker", "1284 AB", footer)
    report = run(client_file, loose(paper(slipped)), folder("Bakker, Lotte", paper(_bakker_card())))
    assert len(report.created) == 1


def test_an_address_put_together_across_a_gap_is_not_put_together_twice(client_file, paper) -> None:
    """A letter read "ingrid jansen @gmail.com"; her card beside it "ingridjansen@", so
    the gap was nothing. The import reads her two folders' readings once more, pooled:
    the address already put together is not taken apart at the gap again
    ("ingrid.ingridjansen@")."""

    def with_email(email: str) -> PageText:
        return page_of(
            ("Klantkaart", 100, 100),
            ("Naam klant: Ingrid Jansen", 100, 270),
            ("Telefoon: 071-6710779", 100, 400),
            (f"E-mail: {email}", 100, 530),
        )

    report = run(
        client_file,
        folder(
            "Fam. Jansen",
            paper(with_email("ingridjansen@gmail.com")),
            paper(with_email("ingrid jansen @gmail.com")),
        ),
        folder("Jansen, Ingrid", paper(with_email("ingridjansen@gmail.com"))),
    )
    (client_id,) = report.created
    assert client_file.client(client_id).emails == ["ingridjansen@gmail.com"]


def test_one_clients_units_spell_the_name_the_way_most_of_them_read_it(client_file, paper) -> None:
    """A loose letter read "Gerfit Mulder"; the folder "Mulder, Gerrit" reads "Gerrit" on
    its card and in its tab. The loose letter comes first and makes the client, yet the
    client is named as the folder reads him. Another name is left as read."""

    def letter(name: str) -> PageText:
        return page_of(
            (name, 180, 150),
            ("Kerkstraat 12a", 180, 195),
            ("1234 AB Amsterdam", 180, 240),
            ("Tel. 06-12345678", 180, 285),
            ("Graag een offerte voor de nieuwe ovens.", 180, 700),
            ("Met vriendelijke groet,", 180, 1100),
        )

    def card_of(name: str) -> PageText:
        return page_of(
            ("Klantkaart", 100, 100),
            ("Naam klant:", 100, 270),
            (name, 520, 270),
            ("Mobiel:", 100, 480),
            ("06-12345678", 520, 480),
        )

    report = run(
        client_file,
        loose(paper(letter("Gerfit Mulder"))),
        folder("Mulder, Gerrit", paper(card_of("Gerrit Mulder"))),
    )
    (client_id,) = report.created
    client = client_file.client(client_id)
    assert (client.name, client.first_name) == ("Gerrit Mulder", "Gerrit")


def test_one_clients_units_read_one_kvk_number(client_file, paper) -> None:
    """A loose letter read the KvK number a digit off ("12345670"); the folder's card
    reads "12345678". The loose letter comes first and makes the client, yet the card
    gets the number its label gives."""
    slipped = kees_letter(
        "Bakkerij De Vries B.V.",
        "Kerkstraat 12a",
        "1234 AB Amsterdam",
        "Tel. 06-12345678 · KvK 12345670",
    )
    report = run(client_file, loose(paper(slipped)), folder("Vries, Kees de", paper(card())))
    (client_id,) = report.created
    assert client_file.client(client_id).kvk == "12345678"


def test_a_kvk_number_one_clients_cards_read_a_digit_apart_goes_on_no_card(
    client_file, paper
) -> None:
    """The client's folder and the folder of his firm each hold a card; one read the KvK
    number a digit off, as surely, once each: nothing tells which is right."""
    right = card()
    words = [dataclasses.replace(w, text="12345670") if w.text == "12345678" else w
             for w in right.words]  # fmt: skip
    slipped = dataclasses.replace(
        right, words=words, text=right.text.replace("12345678", "12345670")
    )
    report = run(
        client_file,
        folder("Vries, Kees de", paper(slipped)),
        folder("Bakkerij De Vries B.V.", paper(card())),
    )
    (client_id,) = report.created
    assert client_file.client(client_id).kvk is None


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("Gerfit Mulder", "Gerrit Mulder", True),
        ("Gerfit", "Gerrit", True),
        ("Maria Jansen", "Marie Jansen", False),  # mother and daughter
        ("Latte Jansen", "Lotte Jansen", True),  # a short one: a and o look alike
        ("Gerrit Mulder", "Gerrit Mulders", False),
        ("Gerfit Mulder", "Gerrit Mu1der", False),  # two names apart
        ("Gerrit Mulder", "Gerrit Mulder", False),
    ],
)
def test_names_one_letter_apart_are_one_name_misread(a: str, b: str, slip: bool) -> None:
    assert _one_letter_apart(a, b) is slip


def test_one_clients_units_give_a_house_the_postcode_most_of_them_read(client_file, paper) -> None:
    """A loose letter read the postcode with a letter misread ("1234 AG"); the folder has
    "1234 AB" on two pages. The loose letter comes first and makes the client, yet the
    card gets one address, with the postcode read twice."""

    def letter(postcode: str) -> PageText:
        return page_of(
            ("Kees de Vries", 180, 150),
            ("Kerkstraat 12a", 180, 195),
            (f"{postcode} Amsterdam", 180, 240),
            ("Tel. 06-12345678", 180, 285),
            ("Installatiebedrijf Hoekstra B.V.", 180, 450),
            ("Industrieweg 14", 180, 540),
            ("8441 PK Heerenveen", 180, 585),
            ("Graag een offerte voor de nieuwe ovens.", 180, 700),
            ("Met vriendelijke groet,", 180, 1100),
            ("Kees de Vries", 180, 1250),
        )

    report = run(
        client_file,
        loose(paper(letter("1234 AG"))),
        folder("Vries, Kees de", paper(card()), paper(letter("1234 AB"))),
    )
    (client_id,) = report.created
    addresses = client_file.client(client_id).addresses
    assert [(a.street, a.postcode) for a in addresses] == [("Kerkstraat", "1234 AB")]


def test_a_merge_made_by_an_import_can_be_undone(client_file, paper) -> None:
    report = run(
        client_file,
        folder("Vries, Kees de", paper(card())),
        folder("Bakkerij De Vries", paper(letter_from_client())),
    )
    (kept,) = report.created
    before = client_file.client(kept)
    (merge,) = client_file.merges(kept)
    assert merge.label.endswith("Bakkerij De Vries") and "dezelfde naam" in merge.reason
    split = client_file.undo_merge(merge.id)
    after, other = client_file.client(kept), client_file.client(split)
    assert len(after.documents) == 1 and len(other.documents) == 1
    assert other.documents[0].id == merge.documents[0]
    assert "+31612345678" in other.numbers  # the split-off paper keeps what it said
    assert other.addresses and other.addresses[0].postcode == "1234 AB"
    assert set(after.numbers) <= set(before.numbers)
    assert client_file.merges(kept) == []
    assert any(f.field == "phone" for f in client_file.fields(split))  # its readings moved
    assert client_file.search("Vries")  # both still found
