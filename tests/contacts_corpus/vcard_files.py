# ruff: noqa: E501  (vCard lines as the programs write them)
"""vCards as Android (2.1), Outlook (2.1), Apple (3.0), Gmail (3.0), Nextcloud and
Thunderbird (4.0) write them; one file with a card in Windows-1252 among UTF-8 ones and
a line folded inside a multi-byte character (RFC 6350 3.2 warns of it)."""

from __future__ import annotations


def card(*lines: str | bytes, encoding: str = "utf-8") -> bytes:
    out = [b"BEGIN:VCARD"]
    out += [x if isinstance(x, bytes) else x.encode(encoding) for x in lines]
    return b"\r\n".join([*out, b"END:VCARD"]) + b"\r\n"


def fold_bytes(line: bytes, width: int = 75) -> bytes:
    """Fold at 75 octets wherever that falls, as some writers do (inside a character)."""
    parts = [line[:width]] + [line[i : i + width - 1] for i in range(width, len(line), width - 1)]
    return b"\r\n ".join(parts)


ANDROID = card(
    "VERSION:2.1",
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=87elik;Zo=C3=AB;;;",
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3=AB =C3=87elik",
    "TEL;CELL:06-99887766",
    "TEL;HOME:+32 3 123 45 67",
    "EMAIL;HOME:zoe@example.org",
    "ADR;HOME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;Lange Laan 100=0A2e verdieping;Den Haag;;25=",
    "11 CD;Nederland",
    "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Belt altijd na vijven. Wil een offerte voor de keu=",
    "ken en de badkamer.=0D=0ATweede regel met =C3=A9=C3=A9n accent.",
    "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Zo;1;;;;;;;;;;;;;",
    "PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsL",
    " DBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA",
    "",
) + card("VERSION:2.1", "N:Jansen;Kees;;;", "FN:Kees Jansen", "TEL;WORK:020-5551234",
         "TEL;CELL:06-11111112") + card(
    "VERSION:2.1", "N:Bakker;Piet;;;", "FN:Piet Bakker", "TEL;WORK:020-5551234",
    "EMAIL;INTERNET:piet@kantoor.example")  # fmt: skip

OUTLOOK = card(
    "VERSION:2.1",
    "N;LANGUAGE=nl;CHARSET=Windows-1252:Müller;Jürgen",
    "FN;CHARSET=Windows-1252:Jürgen Müller",
    "ORG:Müller Maschinenbau GmbH;Vertrieb",
    "TITLE:Verkaufsleiter",
    "TEL;WORK;VOICE:0711 1234567",
    "TEL;CELL;VOICE:+49 171 1234567",
    "ADR;WORK;PREF;CHARSET=Windows-1252:;;Königstraße 10;Stuttgart;Baden-Württemberg;70173;"
    "Duitsland",
    "LABEL;WORK;PREF;ENCODING=QUOTED-PRINTABLE:K=F6nigstra=DFe 10=0D=0AStuttgart 70173",
    "X-MS-OL-DEFAULT-POSTAL-ADDRESS:2",
    "EMAIL;PREF;INTERNET:j.mueller@mueller.example",
    "NOTE;ENCODING=QUOTED-PRINTABLE:Spreekt Nederlands. Caf=E9 bezoek gepland.",
    'X-MS-OL-DESIGN;CHARSET=utf-8:<card xmlns="http://schemas.microsoft.com/office/outlook/12/'
    'electronicbusinesscards" ver="1.0" layout="left" bgcolor="ffffff"></card>',
    "REV:20240115T101010Z",
    encoding="cp1252",
)

APPLE = card(
    "VERSION:3.0",
    "PRODID:-//Apple Inc.//macOS 14.0//EN",
    "N:de Vries;Kees;;;",
    "FN:Kees de Vries",
    "ORG:Vries Installatietechniek;",
    "TITLE:Eigenaar",
    "EMAIL;type=INTERNET;type=WORK;type=pref:kees@vries.example",
    "TEL;type=CELL;type=VOICE;type=pref:06 11 22 33 44",
    "TEL;type=WORK;type=VOICE:030 - 123 45 67",
    "item1.ADR;type=WORK;type=pref:;;Stationsweg 7;Utrecht;;3511 AB;Nederland",
    "item1.X-ABADR:nl",
    "item2.URL;type=pref:https://vries.example",
    "item2.X-ABLabel:_$!<HomePage>!$_",
    "BDAY;value=date:1970-01-02",
    "NOTE:Klant sinds 1998\\, altijd 's ochtends bellen",
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD",
    "UID:3F1E7C2A-1111-2222-3333-444455556666",
    "X-ABUID:3F1E7C2A-1111-2222-3333-444455556666:ABPerson",
)

GMAIL = card(
    "VERSION:3.0",
    "FN:Maria van Dijk",
    "N:van Dijk;Maria;Johanna;;",
    "EMAIL;TYPE=INTERNET;TYPE=HOME:maria@dijk.example",
    "TEL;TYPE=CELL:0612345670",
    "ADR;TYPE=HOME:;Dorpsstraat 9\\n1234 AB Ergens\\nNederland;;;;;",
    "CATEGORIES:myContacts",
)

VCARD4 = card(
    "VERSION:4.0",
    "KIND:individual",
    "FN:Sophie Martin",
    "N:Martin;Sophie;Claire,Anne;Dr.;",
    "GENDER:F",
    'TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+33-1-23-45-67-89',
    "TEL;VALUE=uri;TYPE=cell:tel:06 12 34 56 78",
    'ADR;TYPE=work;LABEL="Bureau: 12 rue de la Paix^n75002 Paris^nFrance":;;12 rue de la Pa',
    " ix;Paris;;75002;France",
    "EMAIL;TYPE=work:sophie@martin.example",
    "BDAY:--0517",
    "LANG;PREF=1:fr",
    "NOTE:Contact via Jan\\; spreekt Frans\\, Engels",
)

MIXED = (
    card(
        "VERSION:3.0",
        "FN:Renée Dubois",
        "N:Dubois;Renée;;;",
        "TEL:+31 20 7654321",
        fold_bytes(
            "NOTE:Vraagt altijd naar de planning; heeft een café aan de gracht en wil é"
            "én offerte voor de verbouwing".encode()
        ),
    )
    + card(
        "VERSION:3.0", "FN:Mañana Ruiz", "N:Ruiz;Mañana;;;", "TEL:06-55555555", encoding="cp1252"
    )
    + card(
        "VERSION:2.1",
        "N;ENCODING=QUOTED-PRINTABLE:Bront=C3=AB;Ren=C3=A9e",
        "FN;ENCODING=QUOTED-PRINTABLE:Ren=C3=A9e Bront=C3=AB",
        "TEL:06-55555556",
    )
)


def _e(name, phones=(), emails=(), addresses=(), **kw) -> dict:
    return {"name": name, "phones": tuple(phones), "emails": tuple(emails),
            "addresses": tuple(addresses), **kw}  # fmt: skip


VCARD_SAMPLES = [
    ("Android vCard 2.1", "android.vcf", ANDROID, [
        _e("Zoë Çelik", ["+31699887766", "+3231234567"], ["zoe@example.org"],
           [("Lange Laan", "100", "2511 CD", "Den Haag", "NL")],
           note_has=("keuken en de badkamer.\nTweede regel met één accent", "2e verdieping",
                     "Bijnaam: Zo"), dropped=1),
        _e("Kees Jansen", ["+31205551234", "+31611111112"]),
        _e("Piet Bakker", ["+31205551234"], ["piet@kantoor.example"]),
    ]),
    ("Outlook vCard 2.1", "outlook.vcf", OUTLOOK, [
        _e("Jürgen Müller", ["+497111234567", "+491711234567"], ["j.mueller@mueller.example"],
           [("Königstraße", "10", "70173", "Stuttgart", "DE")],
           company="Müller Maschinenbau GmbH",
           note_has=("Café bezoek", "Afdeling: Vertrieb", "Functie: Verkaufsleiter",
                     "Baden-Württemberg")),
    ]),
    ("Apple vCard 3.0", "apple.vcf", APPLE, [
        _e("Kees de Vries", ["+31611223344", "+31301234567"], ["kees@vries.example"],
           [("Stationsweg", "7", "3511 AB", "Utrecht", "NL")],
           company="Vries Installatietechniek", tussenvoegsel="de", last_name="Vries",
           note_has=("Klant sinds 1998, altijd 's ochtends bellen", "Verjaardag: 1970-01-02",
                     "Website: https://vries.example"), dropped=1),
    ]),
    ("Gmail vCard 3.0", "gmail.vcf", GMAIL, [
        _e("Maria van Dijk", ["+31612345670"], ["maria@dijk.example"],
           [("Dorpsstraat", "9", "1234 AB", "Ergens", "NL")], first_name="Maria Johanna",
           tussenvoegsel="van", last_name="Dijk"),
    ]),
    ("vCard 4.0 (Nextcloud, Thunderbird)", "vcard4.vcf", VCARD4, [
        _e("Sophie Martin", ["+33123456789", "+33612345678"], ["sophie@martin.example"],
           [("12 rue de la Paix", None, "75002", "Paris", "FR")],
           first_name="Sophie Claire Anne", last_name="Martin",
           note_has=("Contact via Jan; spreekt Frans, Engels", "Aanhef: Dr.",
                     "Verjaardag: --05-17", "Taal: fr")),
    ]),
    ("vCard, gemengde codering", "gemengd.vcf", MIXED, [
        _e("Renée Dubois", ["+31207654321"],
           note_has=("heeft een café aan de gracht en wil één offerte",)),
        _e("Mañana Ruiz", ["+31655555555"]),
        _e("Renée Brontë", ["+31655555556"]),
    ]),
]  # fmt: skip
