"""Issue 21's repros: what a contact list lost or mixed, now kept, reported or apart."""

from __future__ import annotations

from pathlib import Path

from importing import import_paths
from importing.contacts import import_contact_lists, read_contact_file
from importing.contacts.text import eight_bit
from storage import ClientFile, Phone


def test_every_adr_and_note_kept_and_a_bad_number_reported(client_file: ClientFile, tmp_path):
    path = tmp_path / "twee.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jan Bakker\r\nN:Bakker;Jan;;;\r\n"
        b"TEL:06-12345678\r\nTEL:bel de receptie\r\n"
        b"ADR;TYPE=WORK:;;Kerkstraat 1;Zwolle;;8011 AB;NL\r\n"
        b"ADR;TYPE=HOME:;;Dorpsweg 2;Kampen;;8261 AA;NL\r\n"
        b"NOTE:eerste\r\nNOTE:tweede\r\nEND:VCARD\r\n"
    )
    report = import_contact_lists([path], client_file)
    jan = client_file.lookup_phone("0612345678")
    assert [a.city for a in jan.addresses] == ["Zwolle", "Kampen"]
    assert sorted(n.text for n in jan.notes) == ["eerste", "tweede"]
    assert report.errors == [
        {
            "path": str(path),
            "error": "kaart 1 (Jan Bakker): telefoonnummer 'bel de receptie' niet overgenomen: "
            "geen telefoonnummer",
        }
    ]


def test_qp_soft_break_without_charset_in_windows_1252(tmp_path: Path):
    path = tmp_path / "outlook.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FC=\r\nrgen\r\n"
        b"TEL:06-12345678\r\nEND:VCARD\r\n"
    )
    (contact,) = read_contact_file(path, "NL").contacts
    assert (contact.first_name, contact.last_name, contact.name) == (
        "Jürgen",
        "Müller",
        "Jürgen Müller",
    )


def test_utf16_without_bom_is_read():
    data = "Naam;Telefoon\r\nZoë;06-12345678\r\n".encode("utf-16-be")
    assert eight_bit(data).decode() == "Naam;Telefoon\r\nZoë;06-12345678\r\n"


def test_card_country_decides_the_numbers(tmp_path: Path):
    path = tmp_path / "de.vcf"
    path.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hans\r\nTEL:030 1234567\r\n"
        b"ADR:;;Hauptstr. 1;Berlin;;10115;Germany\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Utrecht\r\nTEL:030 1234567\r\nEND:VCARD\r\n"
    )
    german, dutch = read_contact_file(path, "NL").contacts
    assert german.phones[0].e164 == "+49301234567" and german.addresses[0].country == "DE"
    assert dutch.phones[0].e164 == "+31301234567"


def test_shared_office_number_is_two_clients_and_the_report_says_why(
    client_file: ClientFile, tmp_path: Path
):
    with client_file.transaction():
        known = client_file.create_client(name="Anna Visser", phones=[Phone("+31205551234")])
    path = tmp_path / "kantoor.csv"
    path.write_text(
        "Naam;Telefoon;E-mail\nAnna Visser;020-5551234;anna@kantoor.example\n"
        "Piet Bakker;020-5551234;piet@kantoor.example\n",
        encoding="utf-8",
    )
    report = import_paths([path], client_file, jobs=1).to_dict()
    assert client_file.count_clients() == 2  # Anna updated, Piet new: nobody mixed
    folders = {f["path"].rsplit(", ", 1)[1]: f for f in report["folders"] if ", rij" in f["path"]}
    assert folders["rij 2"]["client_id"] == known
    assert folders["rij 2"]["reason"] == "zelfde telefoonnummer en dezelfde naam"
    assert folders["rij 3"]["client_id"] != known
    assert "andere naam" in folders["rij 3"]["reason"]
    assert client_file.client(known).emails == ["anna@kantoor.example"]


def test_outlook_empty_words_are_skipped_only_where_outlook_writes_them(tmp_path: Path):
    path = tmp_path / "lijst.csv"
    path.write_text(
        "Naam;Notities;Geslacht;Verjaardag\nJan;Onwaar;Niet-gespecificeerd;0-0-00\n",
        encoding="utf-8",
    )
    (jan,) = read_contact_file(path, "NL").contacts
    assert jan.notes == ["Onwaar"]  # a note that says so is a note
    assert jan.extra == [] and jan.birthday is None
