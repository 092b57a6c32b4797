"""Importing contact lists: Dutch Excel CSV and vCard 3/4 (moved from tests/storage with
the code: the assertions are the old ones, on what import_contact_lists reports)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importing.contacts import import_contact_lists, is_contact_file, read_contact_file
from storage import Address, ClientFile, Phone
from tests.sql import value


@dataclass
class Result:
    """What the old import_contact_file returned, from the import report."""

    created: int
    updated: int
    skipped_rows: list[tuple[int, str]]
    unknown_columns: list[str]
    warnings: list[str]


def import_contact_file(path: Path, cf: ClientFile) -> Result:
    found = read_contact_file(path, cf.region)
    report = import_contact_lists([path], cf)
    skipped = [(int(where.split()[1]), reason) for where, reason in found.skipped]
    warnings = [e["error"] for e in report.errors]
    return Result(
        report.clients_created, report.clients_updated, skipped, found.unknown_columns, warnings
    )


EXCEL_CSV = (
    "Voornaam;Tussenvoegsel;Achternaam;Bedrijf;Straat;Huisnummer;Postcode;Woonplaats;"
    "Telefoon;Mobiel;E-mail;IBAN;KvK;Lievelingskleur\r\n"
    "Jörg;van der;Meer;Bakkerij Van der Meer;Kerkstraat;12a;1234ab;Zwolle;038-1234567;"
    "06-12345678;jorg@example.nl;NL91ABNA0417164300;12345678;blauw\r\n"
    "Anna;;Visser;;Molenweg;3;9876 ZX;Groningen;;+31 6 87654321;anna@example.nl;;;\r\n"
    "Te;veel;kolommen;;;;;;;;;;;;;extra;nog meer\r\n"
    ";;;;;;;;;;;;;\r\n"  # an empty row: ignored, not an error
    ";;;;Dorpsstraat;1;;;;;;;;rood\r\n"  # nobody: reported
    "Kees;de;Boer;;;;;;niet-een-nummer;;kees@example.nl;;;\r\n"
)


def write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-8"])
def test_dutch_excel_csv(client_file: ClientFile, tmp_path: Path, encoding: str):
    cf = client_file
    path = write(tmp_path / "klanten.csv", EXCEL_CSV, encoding)
    assert is_contact_file(path)
    result = import_contact_file(path, cf)
    assert result.created == 3
    assert result.updated == 0
    assert [row for row, _ in result.skipped_rows] == [4, 6]
    assert result.unknown_columns == ["Lievelingskleur"]
    assert any("niet-een-nummer" in why for why in result.warnings)

    jorg = cf.lookup_phone("06 12345678")
    assert jorg.name == "Jörg van der Meer"
    assert (jorg.first_name, jorg.tussenvoegsel, jorg.last_name) == (
        "Jörg",
        "van der",
        "Meer",
    )
    assert jorg.company == "Bakkerij Van der Meer"
    assert sorted(jorg.numbers) == ["+31381234567", "+31612345678"]
    assert jorg.emails == ["jorg@example.nl"]
    address = jorg.addresses[0]
    assert (address.street, address.house_number, address.postcode, address.city) == (
        "Kerkstraat",
        "12a",
        "1234 AB",
        "Zwolle",
    )
    assert (jorg.iban, jorg.kvk) == ("NL91ABNA0417164300", "12345678")
    assert [h.name for h in cf.search("jorg")] == ["Jörg van der Meer"]
    assert cf.lookup_phone("+31687654321").name == "Anna Visser"
    # the log line holds counts, no names
    log = value(cf, "SELECT detail FROM import_log WHERE event = 'contacts'")
    assert "Jörg" not in log and "3 nieuw" in log


def test_duplicates_update_instead_of_create(client_file: ClientFile, tmp_path: Path):
    cf = client_file
    with cf.transaction():
        known = cf.create_client(name="Anna Visser", phones=[Phone("+31687654321")], company=None)
    path = write(tmp_path / "klanten.csv", EXCEL_CSV, "utf-8-sig")
    first = import_contact_file(path, cf)
    assert (first.created, first.updated) == (2, 1)
    anna = cf.client(known)
    assert anna.emails == ["anna@example.nl"]  # filled in
    assert anna.addresses[0].city == "Groningen"
    again = import_contact_file(path, cf)  # the same file twice: nothing new
    assert (again.created, again.updated) == (0, 3)
    assert cf.count_clients() == 3
    assert len(cf.client(known).addresses) == 1


def test_a_row_with_a_postcode_only_updates_the_client_of_that_very_name(
    client_file: ClientFile, tmp_path: Path
):
    """An address book's row gives a postcode without house number: the client at that
    postcode with the very same name is that client; another first name, or only an
    initial, is someone else in the street (a new client, never a question)."""
    cf = client_file
    home = Address("Stationsweg", "242a", "2331 VJ", "Leiden")
    with cf.transaction():
        known = cf.create_client(
            name="Gerrit Dijkstra", first_name="Gerrit", last_name="Dijkstra", addresses=[home]
        )
    rows = (
        "Naam;Telefoon;E-mail;Postcode;Plaats\r\n"
        "Gerrit Dijkstra;071-406 6163;gerrit.dijkstra@xs4all.nl;2331 VJ;Leiden\r\n"
        "Anna Dijkstra;06-12345678;;2331VJ;Leiden\r\n"
        "G. Dijkstra;06-87654321;;2331 VJ;Leiden\r\n"
    )
    report = import_contact_lists([write(tmp_path / "contacten.csv", rows, "utf-8")], cf)
    assert (report.clients_created, report.clients_updated) == (2, 1)
    gerrit = cf.client(known)
    assert [p.e164 for p in gerrit.phones] == ["+31714066163"]
    assert gerrit.emails == ["gerrit.dijkstra@xs4all.nl"]
    assert len(gerrit.addresses) == 1  # the same postcode and city: no second address
    reasons = [u.reason for u in report.units]
    assert reasons[0] == "zelfde postcode en dezelfde naam", reasons
    assert cf.count_clients() == 3


def test_comma_separated_english_headers(client_file: ClientFile, tmp_path: Path):
    text = (
        'Name,Company,Phone,Email,Address\n"Smith, John",ACME,+44 20 7946 0958,'
        'john@acme.example,"Main Street 5, 1011 AA Amsterdam"\n'
    )
    path = write(tmp_path / "contacts.csv", text, "utf-8")
    result = import_contact_file(path, client_file)
    assert result.created == 1 and not result.skipped_rows
    john = client_file.lookup_phone("00442079460958")
    assert john.name == "Smith, John"
    assert john.addresses[0].postcode == "1011 AA"
    assert john.addresses[0].street == "Main Street"


VCARD3 = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kees de Vries\r\nN:de Vries;Kees;;;\r\n"
    "ORG:Vries Installatietechniek\r\nTEL;TYPE=CELL:06-11223344\r\n"
    "TEL;TYPE=WORK,VOICE:+31 20 555 1234\r\nEMAIL;TYPE=INTERNET:kees@vries.example\r\n"
    "ADR;TYPE=WORK:;;Stationsweg 7;Utrecht;;3511 AB;NL\r\n"
    "NOTE:Klant sinds 1998\\, altijd 's ochtends bellen\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:niemand\r\nEND:VCARD\r\n"
)
VCARD4 = (
    "BEGIN:VCARD\nVERSION:4.0\nFN:Zoë Çelik\nN:Çelik;Zoë;;;\n"
    'TEL;VALUE=uri;TYPE="voice,cell":tel:+31-6-99887766\n'
    "EMAIL:zoe@example.org\nADR;TYPE=home:;;Lange Laan 100 bis;Den Haag;;2511 CD;\n"
    " \nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:4.0\nFN:Lange\n  Naam\nEND:VCARD\n"
)


def test_vcard3(client_file: ClientFile, tmp_path: Path):
    path = write(tmp_path / "contacten.vcf", VCARD3, "utf-8")
    assert is_contact_file(path)
    result = import_contact_file(path, client_file)
    assert result.created == 1
    assert result.skipped_rows == [(2, "kaart zonder naam, telefoon of e-mail")]
    kees = client_file.lookup_phone("0611223344")
    assert kees.name == "Kees de Vries"
    assert (kees.tussenvoegsel, kees.last_name) == ("de", "Vries")
    assert kees.company == "Vries Installatietechniek"
    assert "+31205551234" in kees.numbers
    assert kees.addresses[0].postcode == "3511 AB"
    assert kees.addresses[0].house_number == "7"
    assert kees.notes[0].text == "Klant sinds 1998, altijd 's ochtends bellen"


def test_vcard4(client_file: ClientFile, tmp_path: Path):
    path = write(tmp_path / "contacten.vcf", VCARD4, "utf-8")
    result = import_contact_file(path, client_file)
    assert result.created == 2  # a name alone is enough
    zoe = client_file.lookup_phone("06 99 88 77 66")
    assert zoe.name == "Zoë Çelik"
    assert zoe.phones[0].kind == "mobile"
    assert zoe.addresses[0].city == "Den Haag"
    assert zoe.addresses[0].house_number == "100 bis"
    assert [h.name for h in client_file.search("lange naam")] == ["Lange Naam"]  # folded line


def test_not_contact_files(tmp_path: Path):
    png = tmp_path / "scan.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n")
    other_csv = tmp_path / "omzet.csv"
    other_csv.write_text("Maand;Omzet\njan;100\n")
    text = tmp_path / "notitie.txt"
    text.write_text("Naam van de klant vergeten")
    for path in (png, pdf, other_csv, text, tmp_path / "bestaat-niet.csv"):
        assert not is_contact_file(path), path


def test_broken_rows_do_not_swallow_the_file(client_file: ClientFile, tmp_path: Path):
    text = (
        "Naam;Telefoon;Opmerking\n"
        'Anna Visser;06-11111111;"belt\nna vijven"\n'  # a line break inside quotes: fine
        'Jan "de Kaas;06-22222222;kapot\n'  # unclosed quote
        "Piet Bakker;06-33333333;\x00\n"
        + "".join(f"Klant {i};06-4444{i:04d};\n" for i in range(12))
    )
    path = write(tmp_path / "klanten.csv", text, "utf-8")
    result = import_contact_file(path, client_file)
    assert result.skipped_rows[0] == (4, "aanhalingsteken niet gesloten")
    assert result.created == 14
    assert client_file.lookup_phone("0611111111").notes[0].text == "belt\nna vijven"
    assert client_file.lookup_phone("0644440011").name == "Klant 11"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=6).map(";".join), max_size=6),
    header=st.sampled_from(["Naam;Telefoon;E-mail", "Voornaam;Achternaam;Mobiel", "x;y"]),
)
def test_any_csv_imports_or_reports(client_file: ClientFile, tmp_path: Path, body, header):
    path = tmp_path / "willekeurig.csv"
    text = header + "\n" + "\n".join(body)
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = import_contact_file(path, client_file)
    lines = text.count("\n") + text.count("\r") + 1
    assert result.created + result.updated + len(result.skipped_rows) <= lines - 1


def test_a_contact_list_beyond_the_limit_is_refused_in_plain_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ocr.sources import limits
    from storage import ContactFileError

    monkeypatch.setattr(limits, "MAX_CONTACT_BYTES", 2 * limits.MB)
    big = tmp_path / "adresboek.csv"
    big.write_text("Naam;Telefoon\n" + "Jan Jansen;0612345678\n" * 120_000, encoding="utf-8")
    with pytest.raises(ContactFileError, match=r"te groot.*\(2,\d MB; hoogstens 2,0 MB\)"):
        read_contact_file(big, "NL")
