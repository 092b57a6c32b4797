"""CSV exports as Google, Outlook (English, Dutch; comma, semicolon, Unicode),
Thunderbird and a person with Excel write them. Headers are the programs' own."""

from __future__ import annotations

import csv
import io

GOOGLE = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Photo",
    "Labels",
    "E-mail 1 - Label",
    "E-mail 1 - Value",
    "E-mail 2 - Label",
    "E-mail 2 - Value",
    "Phone 1 - Label",
    "Phone 1 - Value",
    "Phone 2 - Label",
    "Phone 2 - Value",
    "Address 1 - Label",
    "Address 1 - Formatted",
    "Address 1 - Street",
    "Address 1 - City",
    "Address 1 - PO Box",
    "Address 1 - Region",
    "Address 1 - Postal Code",
    "Address 1 - Country",
    "Address 1 - Extended Address",
    "Website 1 - Label",
    "Website 1 - Value",
]
OUTLOOK_EN = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department",
    "Job Title", "Business Street", "Business Street 2", "Business Street 3", "Business City",
    "Business State", "Business Postal Code", "Business Country/Region", "Home Street",
    "Home Street 2", "Home Street 3", "Home City", "Home State", "Home Postal Code",
    "Home Country/Region", "Other Street", "Other Street 2", "Other Street 3", "Other City",
    "Other State", "Other Postal Code", "Other Country/Region", "Assistant's Phone",
    "Business Fax", "Business Phone", "Business Phone 2", "Callback", "Car Phone",
    "Company Main Phone", "Home Fax", "Home Phone", "Home Phone 2", "ISDN", "Mobile Phone",
    "Other Fax", "Other Phone", "Pager", "Primary Phone", "Radio Phone", "TTY/TDD Phone",
    "Telex", "Account", "Anniversary", "Assistant's Name", "Billing Information", "Birthday",
    "Business Address PO Box", "Categories", "Children", "Directory Server", "E-mail Address",
    "E-mail Type", "E-mail Display Name", "E-mail 2 Address", "E-mail 2 Type",
    "E-mail 2 Display Name", "E-mail 3 Address", "E-mail 3 Type", "E-mail 3 Display Name",
    "Gender", "Government ID Number", "Hobby", "Home Address PO Box", "Initials",
    "Internet Free Busy", "Keywords", "Language", "Location", "Manager's Name", "Mileage",
    "Notes", "Office Location", "Organizational ID Number", "Other Address PO Box", "Priority",
    "Private", "Profession", "Referred By", "Sensitivity", "Spouse", "User 1", "User 2",
    "User 3", "User 4", "Web Page",
]  # fmt: skip
OUTLOOK_NL = [
    "Titel", "Voornaam", "Middelste naam", "Achternaam", "Achtervoegsel", "Bedrijf", "Afdeling",
    "Functie", "Werkadres, straat", "Werkadres 2, straat", "Werkadres 3, straat",
    "Werkadres, plaats", "Werkadres, provincie", "Werkadres, postcode", "Land/regio (werk)",
    "Huisadres, straat", "Huisadres, straat 2", "Huisadres, straat 3", "Huisadres, plaats",
    "Huisadres, provincie", "Huisadres, postcode", "Land/regio (thuis)", "Ander adres, straat",
    "Ander adres, straat 2", "Ander adres, straat 3", "Ander adres, plaats",
    "Ander adres, provincie", "Ander adres, postcode", "Land/regio (anders)",
    "Telefoon assistent", "Fax op werk", "Telefoon op werk", "Telefoon op werk 2", "Terugbellen",
    "Autotelefoon", "Hoofdtelefoon bedrijf", "Fax thuis", "Telefoon thuis", "Telefoon thuis 2",
    "ISDN", "Mobiele telefoon", "Andere fax", "Andere telefoon", "Pager", "Hoofdtelefoon",
    "Radiotelefoon", "Teksttelefoon", "Telex", "Account", "Adreslijstserver",
    "Ander adres, postbusnummer", "Beroep", "Categorieën", "E-mailadres", "E-mailtype",
    "Weergavenaam voor e-mail", "E-mailadres 2", "E-mailtype 2", "E-mail, weergegeven naam 2",
    "E-mailadres 3", "E-mailtype 3", "E-mail, weergegeven naam 3", "Factuurinformatie",
    "Gebruiker 1", "Gebruiker 2", "Gebruiker 3", "Gebruiker 4", "Geslacht", "Gevoeligheid",
    "Hobby's", "Huisadres, postbusnummer", "Initialen", "Internet Beschikbaarheidsinfo",
    "Kantoorlocatie", "Kinderen", "Locatie", "Naam assistent", "Naam manager", "Notities",
    "Organisatie-id", "Partner", "Prioriteit", "Privé", "Referentie van", "Reisafstand",
    "Sofinummer", "Speciale datum", "Taal", "Trefwoorden", "Verjaardag", "Webpagina",
    "Werkadres, postbusnummer",
]  # fmt: skip
THUNDERBIRD = [
    "First Name",
    "Last Name",
    "Display Name",
    "Nickname",
    "Primary Email",
    "Secondary Email",
    "Screen Name",
    "Work Phone",
    "Home Phone",
    "Fax Number",
    "Pager Number",
    "Mobile Number",
    "Home Address",
    "Home Address 2",
    "Home City",
    "Home State",
    "Home ZipCode",
    "Home Country",
    "Work Address",
    "Work Address 2",
    "Work City",
    "Work State",
    "Work ZipCode",
    "Work Country",
    "Job Title",
    "Department",
    "Organization",
    "Web Page 1",
    "Web Page 2",
    "Birth Year",
    "Birth Month",
    "Birth Day",
    "Custom 1",
    "Custom 2",
    "Custom 3",
    "Custom 4",
    "Notes",
]
# what Outlook writes in columns left empty
OUTLOOK_EN_EMPTY = {"Gender": "Unspecified", "Priority": "Normal", "Private": "False",
                    "Sensitivity": "Normal", "Birthday": "0/0/00",
                    "Anniversary": "0/0/00"}  # fmt: skip
OUTLOOK_NL_EMPTY = {"Geslacht": "Niet-gespecificeerd", "Prioriteit": "Normaal",
                    "Privé": "Onwaar", "Gevoeligheid": "Normaal", "Verjaardag": "0-0-00",
                    "Speciale datum": "0-0-00"}  # fmt: skip


def table(header, rows, *, delimiter=",", quoting=csv.QUOTE_MINIMAL, empty=None, trailing=""):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(h, (empty or {}).get(h, "")) for h in header])
    text = buffer.getvalue()
    if trailing:  # Thunderbird ends every line with a comma
        text = text.replace("\r\n", trailing + "\r\n")
    return text


JAN = {
    "First Name": "Jan", "Last Name": "Bakker", "Organization Name": "Bakker BV",
    "Organization Title": "Eigenaar", "Birthday": "1980-05-17",
    "Notes": "Belt liever 's ochtends\nSleutel bij de buren", "Labels": "* myContacts ::: Klanten",
    "E-mail 1 - Label": "* Work", "E-mail 1 - Value": "jan@bakker.nl",
    "Phone 1 - Label": "Mobile", "Phone 1 - Value": "06-12345678 ::: 038-4201234",
    "Address 1 - Label": "Work",
    "Address 1 - Formatted": "Kerkstraat 1\n8011 AB Zwolle\nNederland",
    "Address 1 - Street": "Kerkstraat 1", "Address 1 - City": "Zwolle",
    "Address 1 - Region": "Overijssel", "Address 1 - Postal Code": "8011 AB",
    "Address 1 - Country": "Nederland",
}  # fmt: skip
HANS = {
    "First Name": "Hans", "Last Name": "Müller", "Phone 1 - Label": "Work",
    "Phone 1 - Value": "030 1234567", "Address 1 - Label": "Work",
    "Address 1 - Street": "Hauptstraße 5", "Address 1 - City": "Berlin",
    "Address 1 - Postal Code": "10115", "Address 1 - Country": "Deutschland",
}  # fmt: skip
MARIA = {
    "First Name": "Maria", "Middle Name": "Johanna", "Last Name": "van Dijk",
    "E-mail 1 - Value": "maria@dijk.example",
    "Photo": "https://lh3.googleusercontent.com/contacts/AG6tpzG",
}  # fmt: skip

PIETER = {
    "First Name": "Pieter", "Last Name": "de Boer", "Company": "De Boer Installatie B.V.",
    "Job Title": "Directeur", "Business Street": "Industrieweg 12", "Business City": "Meppel",
    "Business Postal Code": "7944 HV", "Business Country/Region": "Netherlands",
    "Business Phone": "+31 (522) 251234", "Mobile Phone": "06 23456789",
    "E-mail Address": "pieter@deboer.example", "E-mail Type": "SMTP",
    "E-mail Display Name": "Pieter de Boer (pieter@deboer.example)", "Birthday": "5/17/1980",
    "Initials": "P.d.B.", "Notes": "Offerte cv-ketel\r\nnog bellen",
}  # fmt: skip
KARIN = {
    "First Name": "Karin", "Last Name": "Smit", "E-mail Type": "EX",
    "E-mail Address": "/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=karin",
    "Home Street": "Rue de la Loi 16", "Home City": "Bruxelles", "Home Postal Code": "1000",
    "Home Country/Region": "Belgium", "Home Phone": "02 123 45 67",
}  # fmt: skip
URS = {
    "First Name": "Urs", "Last Name": "Keller", "Company": "Keller AG",
    "Business Street": "Bahnhofstrasse 1", "Business City": "Zürich",
    "Business Postal Code": "8001", "Business Country/Region": "Switzerland",
    "Business Phone": "044 668 18 00",
}  # fmt: skip
JORG = {
    "Voornaam": "Jörg", "Middelste naam": "van der", "Achternaam": "Meer",
    "Bedrijf": "Bakkerij Van der Meer", "Werkadres, straat": "Kerkstraat 12a",
    "Werkadres, postcode": "1234 AB", "Werkadres, plaats": "Zwolle",
    "Land/regio (werk)": "Nederland", "Telefoon op werk": "038-1234567",
    "Mobiele telefoon": "06-12345678", "E-mailadres": "jorg@example.nl",
    "Verjaardag": "17-5-1980", "Initialen": "J.v.d.M.",
}  # fmt: skip
SCHMIDT = {
    "Voornaam": "Hans", "Achternaam": "Schmidt", "Huisadres, straat": "Lindenstraße 3",
    "Huisadres, postcode": "50667", "Huisadres, plaats": "Köln",
    "Land/regio (thuis)": "Duitsland", "Telefoon thuis": "0221 1234567",
    "Sofinummer": "123456782",
}  # fmt: skip
ANNA_NL = {
    "Voornaam": "Anna", "Achternaam": "Visser", "Werkadres, straat": "Stationsplein 1",
    "Werkadres 2, straat": "Kantoor 4.12", "Werkadres, postcode": "3511ED",
    "Werkadres, plaats": "Utrecht", "Huisadres, straat": "Molenweg 3",
    "Huisadres, postcode": "9876 ZX", "Huisadres, plaats": "Groningen",
    "Mobiele telefoon": "+31 6 87654321", "E-mailadres": "anna@example.nl",
    "Notities": "Belt na vijven; liever niet op maandag.\r\nSleutel: bij de buren", "Kinderen": "2",
}  # fmt: skip
ZOE = {"Voornaam": "Zoë", "Achternaam": "Çelik", "Mobiele telefoon": "06-99887766",
       "E-mailadres": "zoe@example.org", "Huisadres, straat": "Lange Laan 100 bis",
       "Huisadres, plaats": "Den Haag", "Huisadres, postcode": "2511 CD"}  # fmt: skip
FEMKE = {
    "First Name": "Femke", "Last Name": "Jansen", "Display Name": "Femke Jansen",
    "Primary Email": "femke@jansen.example", "Secondary Email": "femke.j@werk.example",
    "Work Phone": "030-2345678", "Mobile Number": "06-34567890", "Home Address": "Dorpsstraat 4",
    "Home City": "Bunnik", "Home State": "Utrecht", "Home ZipCode": "3981 AB",
    "Home Country": "Nederland", "Birth Year": "1985", "Birth Month": "3", "Birth Day": "9",
    "Notes": "Lid sinds 2010",
}  # fmt: skip
BY_HAND = (
    "Klantnaam;Adres;Postcode;Woonplaats;Tel;Mobiel;E-mail;Opmerkingen;Lievelingskleur\r\n"
    "Fam. de Vries;Molenweg 3;9876 ZX;Groningen;050-1234567;;devries@example.nl;"
    "klant sinds 1998;blauw\r\n"
    "Bakkerij 't Stoepje;Markt 1;1234AB;Zwolle;038 1234568;;;;\r\n"
    "Anna Jansen;Stationsweg 1;1011 AA;Amsterdam;020-5551234;06-11111111;anna@kantoor.example;;\r\n"
    "Piet Bakker;Stationsweg 1;1011 AA;Amsterdam;020-5551234;06-22222222;piet@kantoor.example;;\r\n"
)


def _e(name, phones=(), emails=(), addresses=(), **kw) -> dict:
    return {"name": name, "phones": tuple(phones), "emails": tuple(emails),
            "addresses": tuple(addresses), **kw}  # fmt: skip


CSV_SAMPLES = [
    ("Google CSV", "google.csv", table(GOOGLE, [JAN, HANS, MARIA]).encode("utf-8"), [
        _e("Jan Bakker", ["+31612345678", "+31384201234"], ["jan@bakker.nl"],
           [("Kerkstraat", "1", "8011 AB", "Zwolle", "NL")], company="Bakker BV",
           note_has=("Sleutel bij de buren", "Functie: Eigenaar", "Groepen: Klanten",
                     "Verjaardag: 1980-05-17", "Overijssel")),
        _e("Hans Müller", ["+49301234567"], addresses=[("Hauptstraße", "5", "10115", "Berlin",
                                                         "DE")]),
        _e("Maria Johanna van Dijk", emails=["maria@dijk.example"], first_name="Maria Johanna",
           tussenvoegsel="van", last_name="Dijk", dropped=1),
    ]),
    ("Google CSV (oud)", "google-oud.csv", (
        b"Name,Given Name,Family Name,E-mail 1 - Value,Phone 1 - Value,Organization 1 - Name,"
        b"Address 1 - Street,Address 1 - City\r\nJan Bakker,Jan,Bakker,jan@bakker.nl,06-12345678,"
        b"Bakker BV,Kerkstraat 1,Zwolle\r\n"), [
        _e("Jan Bakker", ["+31612345678"], ["jan@bakker.nl"],
           [("Kerkstraat", "1", None, "Zwolle", "NL")], company="Bakker BV"),
    ]),
    ("Outlook CSV (Engels)", "outlook-en.csv", table(
        OUTLOOK_EN, [PIETER, KARIN, URS], quoting=csv.QUOTE_ALL, empty=OUTLOOK_EN_EMPTY
    ).encode("cp1252"), [
        _e("Pieter de Boer", ["+31522251234", "+31623456789"], ["pieter@deboer.example"],
           [("Industrieweg", "12", "7944 HV", "Meppel", "NL")], tussenvoegsel="de",
           last_name="Boer", note_has=("Verjaardag: 1980-05-17", "Functie: Directeur",
                                       "nog bellen")),
        _e("Karin Smit", ["+3221234567"], addresses=[("Rue de la Loi", "16", "1000",
                                                      "Bruxelles", "BE")], dropped=1),
        _e("Urs Keller", ["+41446681800"], addresses=[("Bahnhofstrasse", "1", "8001", "Zürich",
                                                       "CH")], company="Keller AG"),
    ]),
    ("Outlook CSV (Nederlands, komma)", "outlook-nl.csv", table(
        OUTLOOK_NL, [JORG, SCHMIDT], quoting=csv.QUOTE_ALL, empty=OUTLOOK_NL_EMPTY
    ).encode("cp1252"), [
        _e("Jörg van der Meer", ["+31381234567", "+31612345678"], ["jorg@example.nl"],
           [("Kerkstraat", "12a", "1234 AB", "Zwolle", "NL")], first_name="Jörg",
           tussenvoegsel="van der", last_name="Meer", note_has=("Verjaardag: 1980-05-17",)),
        _e("Hans Schmidt", ["+492211234567"], addresses=[("Lindenstraße", "3", "50667", "Köln",
                                                          "DE")], dropped=1),
    ]),
    ("Outlook CSV (Nederlands, puntkomma)", "outlook-nl-puntkomma.csv", table(
        OUTLOOK_NL, [ANNA_NL], delimiter=";", quoting=csv.QUOTE_ALL, empty=OUTLOOK_NL_EMPTY
    ).encode("cp1252"), [
        _e("Anna Visser", ["+31687654321"], ["anna@example.nl"],
           [("Stationsplein", "1", "3511 ED", "Utrecht", "NL"),
            ("Molenweg", "3", "9876 ZX", "Groningen", "NL")],
           note_has=("Belt na vijven; liever niet op maandag.\nSleutel: bij de buren",
                     "Kinderen: 2", "Kantoor 4.12")),
    ]),
    ("Outlook CSV (Unicode, UTF-16 zonder BOM)", "outlook-unicode.csv", table(
        OUTLOOK_NL, [ZOE], empty=OUTLOOK_NL_EMPTY, delimiter="\t"
    ).encode("utf-16-le"), [
        _e("Zoë Çelik", ["+31699887766"], ["zoe@example.org"],
           [("Lange Laan", "100 bis", "2511 CD", "Den Haag", "NL")]),
    ]),
    ("Thunderbird CSV", "thunderbird.csv", table(THUNDERBIRD, [FEMKE], trailing=",").encode(
        "utf-8"), [
        _e("Femke Jansen", ["+31302345678", "+31634567890"],
           ["femke@jansen.example", "femke.j@werk.example"],
           [("Dorpsstraat", "4", "3981 AB", "Bunnik", "NL")],
           note_has=("Lid sinds 2010", "Verjaardag: 1985-03-09", "Huisadres: Utrecht")),
    ]),
    ("Excel met de hand", "klanten-excel.csv", BY_HAND.encode("cp1252"), [
        _e("Fam. de Vries", ["+31501234567"], ["devries@example.nl"],
           [("Molenweg", "3", "9876 ZX", "Groningen", "NL")], note_has=("klant sinds 1998",)),
        _e("Bakkerij 't Stoepje", ["+31381234568"],
           addresses=[("Markt", "1", "1234 AB", "Zwolle", "NL")]),
        _e("Anna Jansen", ["+31205551234", "+31611111111"], ["anna@kantoor.example"],
           [("Stationsweg", "1", "1011 AA", "Amsterdam", "NL")]),
        _e("Piet Bakker", ["+31205551234", "+31622222222"], ["piet@kantoor.example"],
           [("Stationsweg", "1", "1011 AA", "Amsterdam", "NL")]),
    ], ("Lievelingskleur",)),
]  # fmt: skip
