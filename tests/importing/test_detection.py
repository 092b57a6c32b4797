"""Our own business found in the paper: the values that recur across client folders."""

from __future__ import annotations

from pathlib import Path

from importing.detection import (
    as_written,
    describe,
    find_recurring,
    suggestion,
    threshold,
    unit_client,
    unit_keys,
)
from ocr.extract import AddressValue, ExtractedClient, FieldValue, OwnBusiness, extract_client
from tests.ocr.test_extract import OWN, letter_from_client, page_of

OURS = {
    "phone": "+31725551234",
    "email": "info@dekker-garage.nl",
    "iban": "NL20INGB0001234567",
    "kvk": "12345678",
    "btw": "NL123456782B01",
    "company": "Garage Dekker B.V.",
}


def folder(i: int, with_ours: bool = True, supplier: bool = False) -> ExtractedClient:
    ex = ExtractedClient()
    values = {"phone": f"+3161234{i:04d}", "email": f"klant{i}@example.nl", "company": f"Klant {i}"}
    if with_ours:
        values_ours = dict(OURS)
        for field, value in values_ours.items():
            ex.add(FieldValue(field, value, 0.9, 0, None, "pattern"))
    if supplier:
        ex.add(FieldValue("iban", "NL91ABNA0417164300", 0.9, 1, None, "pattern"))
    for field, value in values.items():
        ex.add(FieldValue(field, value, 0.9, 0, None, "label"))
    return ex


def test_own_business_is_found_in_a_cabinet_of_five_folders() -> None:
    found = find_recurring([unit_keys(folder(i)) for i in range(5)])
    assert found.own is not None
    assert found.own.phones == (OURS["phone"],)
    assert found.own.emails == (OURS["email"],)
    assert (found.own.iban, found.own.kvk, found.own.btw) == (
        OURS["iban"],
        OURS["kvk"],
        OURS["btw"],
    )
    assert found.own.name is not None and "dekker" in found.own.name
    assert found.folders == 5
    assert found.foreign("phone", OURS["phone"]) and not found.foreign("phone", "+31612340001")
    assert found.foreign("email", "jan@dekker-garage.nl")  # our domain


def test_a_supplier_in_some_folders_is_recurring_but_not_the_own_business() -> None:
    units = [unit_keys(folder(i, supplier=i < 4)) for i in range(12)]
    found = find_recurring(units)
    assert found.foreign("iban", "NL91ABNA0417164300")  # 4 of 12: no one client's
    assert found.own is not None and found.own.iban == OURS["iban"]


def test_values_of_one_or_two_folders_are_not_recurring() -> None:
    units = [unit_keys(folder(i, with_ours=False)) for i in range(6)]
    units[1] |= {("phone", "+31612340000")}  # a number in two folders: a family, an office
    found = find_recurring(units)
    assert found.own is None and not found.keys
    assert threshold(6) == 3 and threshold(40) == 10


def test_a_clients_value_in_three_of_their_units_is_not_recurring() -> None:
    """A client's folder, a year's folder in their other folder and a loose letter:
    their address is in three units, as our own would be, but all three name them."""
    units = [folder(i, with_ours=False) for i in range(10)]
    tabs = [Path("Klanten/Dijkstra, Ümit"), Path("Klanten/Ümit Dijkstra/2021"), None]
    for ex in units[:3]:  # the third a loose letter: no folder tab, the name it is signed
        ex.add(FieldValue("name", "Ümit Dijkstra", 0.9, 0, None, "signature"))
        ex.add(FieldValue("email", "administratie@dijkstra.nl", 0.9, 0, None, "pattern"))
    keys = [unit_keys(ex) for ex in units]
    tabs += [Path(f"Klanten/Klant {i}") for i in range(3, 10)]
    found = find_recurring(
        keys, [unit_client(ex, tab) for ex, tab in zip(units, tabs, strict=True)]
    )
    assert not found.foreign("email", "administratie@dijkstra.nl")
    # ... as three clients' units, it would be
    assert find_recurring(keys).foreign("email", "administratie@dijkstra.nl")


def test_a_firms_two_folders_and_a_letter_its_owner_signed_count_once() -> None:
    """Folders "De Groot Bouw" and "De Groot Bouw Holding B.V." and a loose letter signed
    "Sophie de Groot" on the firm's paper: one client, not three, though no two of them
    are named alike word for word."""
    units = [folder(i, with_ours=False) for i in range(10)]
    tabs: list[Path | None] = [
        Path("Klanten/De Groot Bouw"),
        Path("Klanten/De Groot Bouw Holding B.V."),
        None,
    ]
    units[2].add(FieldValue("name", "Sophie de Groot", 0.9, 0, None, "signature"))
    for ex in units[:3]:
        ex.add(FieldValue("company", "De Groot Bouw Holding B.V.", 0.9, 0, None, "pattern"))
        ex.add(FieldValue("phone", "+31623592528", 0.9, 0, None, "label"))
    tabs += [Path(f"Klanten/Klant {i}") for i in range(3, 10)]
    who = [unit_client(ex, tab) for ex, tab in zip(units, tabs, strict=True)]
    keys = [unit_keys(ex) for ex in units]
    assert not find_recurring(keys, who).foreign("phone", "+31623592528")
    # three other clients with that number (an office they share) make it recurring
    for i in range(3, 6):
        units[i].add(FieldValue("phone", "+31623592528", 0.9, 0, None, "label"))
    keys = [unit_keys(ex) for ex in units]
    assert find_recurring(keys, who).foreign("phone", "+31623592528")


def test_another_clients_letter_filed_in_a_folder_does_not_count_for_it() -> None:
    """Kees de Vries's letter in Piet Jansen's folder is held as someone else's: his
    number there is no sign that it recurs (with his own two folders it would be in
    three)."""
    piet = page_of(
        ("Klantkaart", 180, 100),
        ("Naam: Piet Jansen", 180, 300),
        ("Tel.: 06-87654321", 180, 360),
        ("E-mail: piet@jansen.nl", 180, 420),
    )
    ex = extract_client([piet, letter_from_client()], folder_name="Jansen, Piet", own=OWN)
    assert ex.pages[1].reason == "other"
    keys = unit_keys(ex)
    assert ("phone", "+31687654321") in keys and ("phone", "+31612345678") not in keys


def test_the_own_business_is_proposed_as_printed() -> None:
    """Found in the form readings are compared in ("garage dekker b v", "1811AB"), it is
    proposed as printed: the name as read (in small letters, though the letterhead is in
    capitals), the postcode spaced, and the street and city read with it."""
    read = []
    for i in range(5):
        ex = folder(i)
        if i < 3:  # the letterhead in capitals, the footer as typed
            ex.add(FieldValue("company", "GARAGE DEKKER B.V.", 0.9, 0, None, "pattern"))
        ex.add(FieldValue("postcode", "1811 AB", 0.9, 0, None, "pattern"))
        ours = AddressValue("Industrieweg", "14", "1811 AB", "Alkmaar", 0.9, 0, "pattern")
        theirs = AddressValue("Dorpsstraat", str(i + 1), f"182{i} CD", "Alkmaar", 0.9, 0, "label")
        ex.held_addresses.append(ours)
        ex.addresses.append(theirs)
        read.append(ex)
    found = find_recurring([unit_keys(e) for e in read])
    assert found.own is not None and found.own.postcode == "1811AB"
    written = as_written(found.own, read)
    assert written.name == "Garage Dekker B.V."
    assert (written.street, written.postcode, written.city) == (
        "Industrieweg 14",
        "1811 AB",
        "Alkmaar",
    )
    assert written.iban == found.own.iban and written.phones == ("072 555 1234",)
    assert describe(written).startswith("Garage Dekker B.V., Industrieweg 14, 1811 AB Alkmaar")


def test_a_loose_letter_whose_client_is_undecided_counts_with_its_writers_folders() -> None:
    """Our own business not known yet: a loose letter with two parties and nothing that
    tells which is the client holds its values apart. It is still whose its writer is: with
    the writer's two folders it is one client, and the writer's number in those and one
    other folder does not recur (else it is kept off the writer's card as a supplier's)."""
    letter = page_of(
        ("DE GROOT BOUW HOLDING B.V.", 180, 80),
        ("Tel: 06 23592528 sophie.groot@live.nl", 180, 140),
        ("Hofstra Financieel Advies B.V.", 180, 450),
        ("Afdeling crediteuren", 180, 495),
        ("Bedrijvenpark 136", 180, 540),
        ("4463 LV Goes", 180, 585),
        ("Den Haag, 3 april 2024", 180, 700),
        ("Betreft: Jaarstukken", 180, 790),
        ("Geachte heer, mevrouw,", 180, 880),
        ("De factuur van maart heb ik inmiddels voldaan.", 180, 960),
        ("Met vriendelijke groet,", 180, 1100),
        ("Sophie de Groot", 180, 1250),
        ("De Groot Bouw Holding B.V.", 180, 1295),
    )
    loose = extract_client([letter], own=OwnBusiness())
    assert loose.undecided_pages == [0]
    folders = []
    for tab in ("De Groot Bouw", "De Groot Bouw Holding B.V."):
        ex = ExtractedClient()
        ex.add(FieldValue("phone", "+31623592528", 0.9, 0, None, "label"))
        folders.append((ex, Path("/binder") / tab))
    others = [(folder(i, with_ours=False), Path(f"/binder/Klant {i}")) for i in range(6)]
    # ... and her number in one other client's folder (a copy of her letter filed there)
    others[0][0].add(FieldValue("phone", "+31623592528", 0.9, 0, None, "pattern"))
    units = [*folders, (loose, None), *others]
    who = [unit_client(ex, path) for ex, path in units]
    found = find_recurring([unit_keys(ex) for ex, _ in units], who)
    assert ("phone", "+31623592528") not in found.keys


def test_suggestion_only_when_it_adds_to_the_saved_settings() -> None:
    found = find_recurring([unit_keys(folder(i)) for i in range(5)])
    shown = suggestion(found.own, OwnBusiness(), found.folders)
    assert shown is not None and shown["message"].startswith("Dit lijkt uw eigen bedrijf")
    saved = OwnBusiness(
        phones=("072-5551234",),
        emails=(OURS["email"],),
        iban=OURS["iban"],
        kvk=OURS["kvk"],
        btw=OURS["btw"],
    )
    assert suggestion(found.own, saved, found.folders) is None
