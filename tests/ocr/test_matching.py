"""Matching a document to a client, and writing the result into a real client file."""

from __future__ import annotations

from ocr.apply import apply_to_client
from ocr.extract import extract_client
from ocr.matching import MatchDecision, decide
from storage import Address, ClientFile, Phone
from tests.ocr.test_extract import (
    OWN,
    card,
    letter_from_client,
    letter_to_client,
    no_saved_settings,  # noqa: F401
    page_of,
)


def add_client(cf: ClientFile, **kw) -> int:
    with cf.transaction() as conn:
        return cf.create_client(conn, **kw)


def import_pages(cf: ClientFile, pages, folder_name=None) -> tuple[int, bool, MatchDecision]:
    ex = extract_client(pages, folder_name=folder_name, own=OWN)
    decision = decide(cf, ex)
    with cf.transaction() as conn:
        client_id, created = apply_to_client(conn, cf, decision, ex, [])
    return client_id, created, decision


def test_new_client_from_a_card(client_file: ClientFile) -> None:
    client_id, created, decision = import_pages(client_file, [card()])
    assert decision.kind == "new" and created
    client = client_file.client(client_id)
    assert client["name"] == "Kees de Vries"
    assert client["company"] == "Bakkerij De Vries B.V." and client["legal_form"] == "B.V."
    assert set(client["phones"]) == {"+31612345678", "+31207654321"}
    assert client["emails"] == ["kees@bakkerijdevries.nl"]
    assert client["iban"] == "NL50INGB0683251309" and client["kvk"] == "12345678"
    assert client["addresses"][0]["postcode"] == "1234 AB"
    assert client["addresses"][0]["house_number"] == "12a"
    assert client["client_since"] == "2015-03-03"
    assert client_file.lookup_phone("06 1234 5678")["id"] == client_id


def test_every_reading_is_stored_with_page_box_and_confidence(client_file: ClientFile) -> None:
    ex = extract_client([card()], own=OWN)
    with client_file.transaction() as conn:
        client_id = client_file.create_client(conn, name="tijdelijk")
        document_id = client_file.add_document(
            conn, client_id=client_id, name="kaart.png", sha256="0" * 64, mime="image/png",
            pages=[card()],
        )  # fmt: skip
    page_ids = [page_id for page_id, _ in client_file.pages(document_id)]
    decision = MatchDecision("existing", client_id, "test")
    with client_file.transaction() as conn:
        apply_to_client(conn, client_file, decision, ex, page_ids)
    fields = client_file.fields(client_id)
    iban = next(f for f in fields if f["field"] == "iban")
    assert iban["value"] == "NL50INGB0683251309"
    assert iban["page_id"] == page_ids[0]
    assert iban["box"][:2] == [520, 690]
    assert 0.5 < iban["confidence"] <= 1 and iban["accepted"] is False
    assert {f["field"] for f in fields} >= {"name", "phone", "email", "postcode", "kvk"}
    # the placeholder name is kept: names are only set on the card when empty
    assert client_file.client(client_id)["first_name"] == "Kees"


def test_same_documents_twice_make_no_duplicate(client_file: ClientFile) -> None:
    first, created, _ = import_pages(client_file, [card(), letter_from_client()], "Vries, Kees de")
    assert created
    second, created, decision = import_pages(
        client_file, [card(), letter_from_client()], "Vries, Kees de"
    )
    assert (second, created, decision.kind) == (first, False, "existing")
    assert "zelfde telefoonnummer +31612345678" in decision.reason
    assert client_file.count_clients() == 1


def test_loose_letter_to_a_known_client_matches_on_name_and_postcode(
    client_file: ClientFile,
) -> None:
    client_id = add_client(
        client_file,
        name="Kees de Vries",
        first_name="Kees",
        tussenvoegsel="de",
        last_name="Vries",
        company="Bakkerij De Vries B.V.",
        addresses=[Address("Kerkstraat", "12a", "1234 AB", "Amsterdam")],
    )
    found, created, decision = import_pages(client_file, [letter_to_client()])
    assert (found, created, decision.kind) == (client_id, False, "existing")
    assert "naam en postcode" in decision.reason


def test_strong_key_wins_over_a_different_address(client_file: ClientFile) -> None:
    client_id = add_client(
        client_file, name="K. de Vries", phones=[Phone("+31612345678", "06-12345678", "mobile")]
    )
    found, created, decision = import_pages(client_file, [letter_from_client()])
    assert (found, created, decision.kind) == (client_id, False, "existing")
    client = client_file.client(client_id)
    assert client["name"] == "K. de Vries"  # never overwritten
    assert client["addresses"][0]["postcode"] == "1234 AB"  # but the new address is added


def test_new_phone_is_added_not_overwritten_and_conflicts_are_logged(
    client_file: ClientFile,
) -> None:
    client_id = add_client(
        client_file,
        name="Kees de Vries",
        iban="NL91ABNA0417164300",
        emails=["kees@bakkerijdevries.nl"],
        phones=[Phone("+31201111111", "020-1111111", "landline")],
    )
    found, created, decision = import_pages(client_file, [card()])
    assert found == client_id and not created
    assert "zelfde e-mailadres" in decision.reason
    client = client_file.client(client_id)
    assert client["phones"][0] == "+31201111111"
    assert set(client["phones"]) == {"+31201111111", "+31612345678", "+31207654321"}
    assert client["iban"] == "NL91ABNA0417164300"
    readings = [f["value"] for f in client_file.fields(client_id) if f["field"] == "iban"]
    assert readings == ["NL50INGB0683251309"]  # the other IBAN is kept to be shown
    logged = client_file.conn.execute(
        "SELECT detail FROM import_log WHERE event = 'conflict'"
    ).fetchall()
    assert any("iban" in row[0] for row in logged)


def test_two_clients_sharing_a_key_means_ask(client_file: ClientFile) -> None:
    phone = Phone("+31612345678", "06-12345678", "mobile")
    a = add_client(client_file, name="Kees de Vries", phones=[phone])
    b = add_client(client_file, name="Anna de Vries", phones=[phone])
    ex = extract_client([page_of(("Tel. 06-12345678", 100, 100))])
    decision = decide(client_file, ex)
    assert decision.kind == "ask"
    assert {c[0] for c in decision.candidates} == {a, b}


def test_same_name_elsewhere_is_asked_not_merged(client_file: ClientFile) -> None:
    add_client(
        client_file,
        name="Kees de Vries",
        addresses=[Address("Molenweg", "3", "3011 CD", "Rotterdam")],
    )
    ex = extract_client([letter_from_client()], own=OWN)
    decision = decide(client_file, ex)
    assert decision.kind == "ask" and "zelfde naam" in decision.reason
    with client_file.transaction() as conn:
        _, created = apply_to_client(conn, client_file, decision, ex, [])
    assert created  # in a batch, "ask" never merges two people's papers


def test_empty_document_is_asked(client_file: ClientFile) -> None:
    add_client(client_file, name="Kees de Vries")
    decision = decide(client_file, extract_client([page_of(("Bijlage 2", 100, 100))]))
    assert decision.kind == "ask" and decision.client_id is None
    with client_file.transaction() as conn:
        client_id, created = apply_to_client(
            conn, client_file, decision, extract_client([]), [], fallback_name="scan0001"
        )
    assert created and client_file.client(client_id)["name"] == "scan0001"


def test_own_business_never_matches_a_client(client_file: ClientFile) -> None:
    # even a client file that (wrongly) holds our own number does not pull our letters in
    add_client(client_file, name="Hoekstra", phones=[Phone("+31513612345", None, "landline")])
    ex = extract_client([letter_to_client()], own=OWN)
    decision = decide(client_file, ex)
    assert decision.kind == "new"


def test_folder_mixing_two_clients_is_asked(client_file: ClientFile) -> None:
    other = page_of(
        ("Naam:", 100, 270),
        ("Fatima Öztürk", 520, 270),
        ("Adres:", 100, 340),
        ("Molenweg 3", 520, 340),
        ("Postcode/plaats:", 100, 410),
        ("3011 CD Rotterdam", 520, 410),
    )
    ex = extract_client([card(), other], own=OWN)
    assert {"name", "postcode"} <= ex.ambiguous
    decision = decide(client_file, ex)
    assert decision.kind == "ask" and "meer dan één klant" in decision.reason
