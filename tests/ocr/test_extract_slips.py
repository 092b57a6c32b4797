"""OCR slips that made values nobody has (issue 17: 0 invented values): a country code,
a misread mobile number, an account number read as a phone, our own tax number with
another suffix, a supplier's misread address in the client's folder.

Pages are words with boxes (tests/ocr/test_extract.py builds them).
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import iban as std_iban

from ocr.extract import OwnBusiness, extract_client
from ocr.extract.bank import DUTCH_BANKS, find_ibans
from ocr.extract.email import find_emails
from ocr.extract.own import OwnFilter
from ocr.extract.phones import find_phones
from storage import PageText
from tests.ocr.test_extract import OWN, card, page_of, values, words_of


def test_a_dutch_number_with_its_31_read_as_81_is_dutch() -> None:
    assert [h.value for h in find_phones("Tel. +816 30778261")] == ["+31630778261"]
    assert find_phones("Tel. +816 30778261")[0].repaired
    # a real Japanese number (no valid Dutch one after the code) stays Japanese
    assert [h.value for h in find_phones("Tel. +81 90 1234 5678")] == ["+819012345678"]


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        ("T 038-88! 0034", ["+31388810034"]),  # a 1 read as "!" between digits
        ("Bel 06-12345678!", ["+31612345678"]),  # the sentence's own "!"
        ("Tel. 020-1234567! Graag", ["+31201234567"]),
        # a speck read as an apostrophe or a degree sign between digits: a gap
        ("GSM: +31'6 4178 9235 _", ["+31641789235"]),
        ("Tel: 020-12°34567", ["+31201234567"]),
    ],
)
def test_a_mark_between_digits_is_a_1_or_a_speck(line: str, meant: list[str]) -> None:
    assert [h.value for h in find_phones(line)] == meant


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        ("Mob. +21 6 27185133", "+31627185133"),  # 21 is no country's code: 31 misread
        ("Mob. +21 (0)6 27185133", "+31627185133"),
        ("+216 27 185 133", "+21627185133"),  # written as Tunisia's code: Tunisian
        ("+41 6 27185133", "+41627185133"),  # Switzerland's code: Swiss
    ],
)
def test_a_country_code_no_country_has_one_digit_from_31_is_31(line: str, meant: str) -> None:
    assert [h.value for h in find_phones(line)] == [meant]


def _letter_with(line: str) -> list:
    return [
        page_of(
            ("Kees de Vries", 180, 150),
            ("Kerkstraat 12a", 180, 195),
            ("1234 AB Amsterdam", 180, 240),
            (line, 180, 285),
            ("Installatiebedrijf Hoekstra B.V.", 180, 450),
            ("Industrieweg 14", 180, 540),
            ("8441 PK Heerenveen", 180, 585),
            ("Met vriendelijke groet,", 180, 1100),
            ("Kees de Vries", 180, 1250),
        )
    ]


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        ("Tel. vast: #3179 675 6762", ["+31796756762"]),  # the + of +31 read as #
        ("Mobiel: *31 6 12345678", ["+31612345678"]),  # ... or as *
        ("Ref. #31796756762", []),  # no phone label: a reference
        ("M 431626675782", ["+31626675782"]),  # ... or as a 4
        ("Tel. 431626675782", ["+31626675782"]),
        ("Mobiel: . 431639479384", ["+31639479384"]),  # a speck between label and number
        ("Bestelnr. 431626675782", []),
        ("M 4316266757821", []),  # a digit too many: no +31 number
    ],
)
def test_the_plus_of_31_read_as_a_mark_after_a_phone_label_is_a_plus(
    line: str, meant: list[str]
) -> None:
    assert [h.value for h in find_phones(line)] == meant


def test_a_misread_dotted_btw_id_is_no_amount_that_hides_the_iban_beside_it() -> None:
    """ "NLS433,90.317.B01" looks like 433,90 euro; a line with an amount is a price's,
    where only a labelled IBAN counts: the footer's account was lost."""
    line = "KvK 3683 9314 Omzetbelastingnummer NLS433,90.317.B01 Rek.nr..NL12 SNSB 0409 7547 14"
    assert extract_client(_letter_with(line), own=OWN).value("iban") == "NL12SNSB0409754714"
    priced = "Totaal € 433,90 NL12 SNSB 0409 7547 14"
    assert extract_client(_letter_with(priced), own=OWN).value("iban") is None


def test_the_plus_of_31_read_as_a_mark_on_a_cards_phone_row_is_a_plus() -> None:
    """A card's row whose label a quote is glued to ('"Tel: + #31 (0)6 50366209'), its
    value read apart from it: the value of a phone label starts with the +."""
    card = page_of(
        ("Naam: Wim Wouters", 180, 300),
        ("Telefoonnummer: +31 24 401 0322", 180, 360),
        ('"Tel: #31 (0)6 50366209', 180, 420),
    )
    ex = extract_client([card], own=OWN)
    assert sorted(fv.value for fv in ex.all("phone")) == ["+31244010322", "+31650366209"]
    assert find_phones("#31 (0)6 50366209", labelled=True)[0].value == "+31650366209"
    assert find_phones("#31 (0)6 50366209") == []  # no label: no plus
    # ... or read as a 4 before 31 and nine digits ("Mob.:" over "431617996400")
    assert find_phones("431617996400. .", labelled=True)[0].value == "+31617996400"
    assert find_phones("431617996400") == []


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        # a supplier's letterhead: unread, its number in its column of details beside the
        # client's delivery address was taken for the client's
        ("9201 JB Drachten TO0512-989912 Mob. 06 1164 4751", ["+31512989912", "+31611644751"]),
        ("T0512-989912", ["+31512989912"]),
        ("M.0612345678", ["+31612345678"]),
        ("ST0512-989912", []),  # a word's end, no label
    ],
)
def test_a_letterheads_label_letter_glued_to_its_number(line: str, meant: list[str]) -> None:
    assert [h.value for h in find_phones(line)] == meant


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        ("Mijn telefoonnummer is 0031 513 638931 7 .", ["+31513638931"]),
        ("Tel 0513 638931 7", ["+31513638931"]),
        ("Tel 06 1234567 8", ["+31612345678"]),  # a number in odd groups stays whole
        ("totaal 0513 638931 7 stuks", []),  # a digit with more after it: no speck
    ],
)
def test_a_speck_read_as_a_digit_after_a_phone_number_is_no_part_of_it(
    line: str, meant: list[str]
) -> None:
    assert [h.value for h in find_phones(line)] == meant


def test_a_mobile_label_over_a_number_no_mobile_can_be_drops_it() -> None:
    # "06" read as "08": 084 numbers exist, but not under "Mobiel:"
    assert values(extract_client(_letter_with("Mobiel: 0841049400"), own=OWN), "phone") == []
    assert values(extract_client(_letter_with("Mobiel: 06-41049400"), own=OWN), "phone") == [
        "+31641049400"
    ]
    # a landline under it is a landline; an 084 number under "Tel." is one
    assert values(extract_client(_letter_with("Mob. 020-6241111"), own=OWN), "phone") == [
        "+31206241111"
    ]
    assert values(extract_client(_letter_with("Tel.: 0841049400"), own=OWN), "phone") == [
        "+31841049400"
    ]


def test_the_digits_of_our_account_are_no_phone_number() -> None:
    own = dataclasses.replace(OWN, iban="NL40RABO0741883465")
    # "NL40 RABO 0741 8834 65" with its bank code misread: the IBAN is lost, its digits
    # look like a Zwolle number
    ex = extract_client(_letter_with("Graag op NAO RAO 0741 8834 65 t.n.v. Hoekstra"), own=own)
    assert "+31741883465" not in values(ex, "phone")
    assert values(extract_client(_letter_with("Tel. 0741 8834 65"), own=OWN), "phone") == [
        "+31741883465"
    ]


def test_the_digits_of_an_account_read_in_the_folder_are_no_phone_number() -> None:
    # the card's IBAN is NL50 INGB 0683 2513 09; a letter's line lost its bank code
    pages = [card(), *_letter_with("Betaald van rekening INB 0683 2513 09")]
    assert "+31683251309" not in values(extract_client(pages, own=OWN), "phone")


def test_our_tax_number_with_another_suffix_is_ours() -> None:
    own = OwnFilter(OwnBusiness(btw="NL001234567B01"))
    assert own.btw("NL001234567B02")
    assert not own.btw("NL001234568B01")


def test_our_number_after_digits_of_a_table_is_ours() -> None:
    """Our invoice's table ran into our phone number in its footer: "005 043 - 6397373"
    is a valid number of Honduras (+504), but all of our number's nine digits end it."""
    own = OwnFilter(OwnBusiness(phones=("043 - 6397373",)))
    assert own.phone("+50436397373") and own.phone("+31436397373")
    assert not own.phone("+31612345678") and not own.phone("+3243639737")


def test_our_number_with_two_digits_misread_is_ours() -> None:
    """Our number in a column of small print on our own invoice, two digits misread: not a
    client's number. Three digits off, or another length, it is not ours."""
    own = OwnFilter(OwnBusiness(phones=("0031 73 6835437",)))
    assert own.phone("+31736895497") and own.phone("+31736835497")
    assert not own.phone("+31736895496") and not own.phone("+3173683543")


@pytest.mark.parametrize(
    ("read", "ours"),
    [
        ("post@administratiekantoorhuan.nl", True),  # our name misread
        ("info@adminstratiekantoorhaan.nl", True),  # ... or our trade
        ("contact@administratiekantoorsahin.nl", False),  # a client of our trade
        ("post@administratiekantoorsahin.nl", False),  # ... with our mailbox's name
        ("info@administratiekantoorhaanstra.nl", True),  # "haan" in it: nothing tells
    ],
)
def test_a_domain_like_ours_is_ours_only_with_our_firms_own_name_in_it(
    read: str, ours: bool
) -> None:
    """A client of our trade has a domain a few letters from ours; the letters that
    differ are their name, which tells them apart."""
    own = OwnFilter(OwnBusiness(emails=("post@administratiekantoorhaan.nl",)))
    assert own.email(read) is ours


def test_our_kvk_number_with_one_digit_misread_is_ours() -> None:
    """A KvK number has no checksum: one digit off ours on our own invoice (its column of
    details beside a table) is ours misread, not the client's."""
    own = OwnFilter(OwnBusiness(kvk="25221039"))
    assert own.kvk("25221039") and own.kvk("25223039")
    assert not own.kvk("25223139") and not own.kvk("2522103")


def _supplier_invoice_about_the_client() -> list:
    """A supplier's invoice to us filed in the client's folder (the work was for them):
    the supplier's letterhead over our address on the right, the client as "Project:",
    the supplier's phone and (misread) e-mail again in a side column."""
    return [
        page_of(
            ("Groothandel Jansen B.V.", 900, 100),
            ("Havenweg 3 2555 KJ Rotterdam T. 010-4123456", 900, 160),
            ("facturatie@jansen-groothandel.nl", 900, 205),
            ("Installatiebedrijf Hoekstra B.V.", 900, 420),
            ("Afdeling crediteuren", 900, 465),
            ("Industrieweg 14", 900, 510),
            ("8441 PK Heerenveen", 900, 555),
            ("Rekening 2024-118", 180, 700),
            ("Project:", 180, 800),
            ("Kees de Vries", 180, 845),
            ("Kerkstraat 12a", 180, 890),
            ("1234 AB Amsterdam", 180, 935),
            ("faciuratie@jansen-groothandel.nl", 900, 935),
            ("Remblokken 2 stuks 89,50", 180, 1100),
            ("Telefoon", 900, 1900),
            ("010-4123456", 900, 1945),
        )
    ]


def test_a_suppliers_values_in_the_clients_folder_stay_off_the_client() -> None:
    ex = extract_client([card(), *_supplier_invoice_about_the_client()], own=OWN)
    assert "+31104123456" not in values(ex, "phone")
    assert not [e for e in values(ex, "email") if e.endswith("@jansen-groothandel.nl")]
    assert values(ex, "postcode") == ["1234 AB"]


def test_a_speck_after_an_iban_printed_in_one_piece_is_no_part_of_it() -> None:
    assert [h.value for h in find_ibans("Bankrekeningnummer: NL16RABO0979878926 2")] == [
        "NL16RABO0979878926"
    ]
    # printed in groups, a digit after it may be the number going on: not taken
    assert find_ibans("NL16 RABO 0979 8789 26 2") == []
    assert find_ibans("NL16RABO09798789262") == []


def test_a_cards_one_bare_eight_digit_value_is_its_kvk_number() -> None:
    """A card whose label column OCR lost: the values stand alone."""
    rows = [
        ("Klantkaart", 180, 100),
        ("Bedrijf", 180, 300),
        ("Postcode/plaats:", 180, 420),
        ("Hoveniersbedrijf In 't Veld B.V.", 700, 300),
        ("Hoofdstraat 126", 700, 360),
        ("6222 ER Maastricht", 700, 420),
        ("NL77 ABNA 0608 9874 84", 700, 480),
    ]
    kvk = ("72457571", 700, 540)
    ex = extract_client([page_of(*rows, kvk)], own=OWN)
    assert values(ex, "kvk") == ["72457571"]
    assert ex.values("kvk", 0.5)[0].confidence < ex.values("iban", 0.5)[0].confidence
    # two bare numbers: which one is the KvK is not known
    two = page_of(*rows, kvk, ("81016415", 700, 600))
    assert values(extract_client([two], own=OWN), "kvk") == []
    # a letter is no card: a bare number there is an order or a client number
    letter = _letter_with("72457571")
    assert values(extract_client(letter, own=OWN), "kvk") == []
    # what is left of a lost label before it ("en:" of "KvK-nr:") changes nothing
    left = ("en: 72457571", 700, 540)
    assert values(extract_client([page_of(*rows, left)], own=OWN), "kvk") == ["72457571"]
    for line in ("Klantnummer: 72457571", "Order: 72457571"):
        labelled = page_of(*rows, (line, 700, 540))
        assert values(extract_client([labelled], own=OWN), "kvk") == []
    # the end of a phone number whose start a gap parted from it, or read in full
    for start in ("Mobiel: +31 (0)6", "06 -", "Tel.", "(0)20"):
        parted = page_of(*rows, (start, 180, 540), kvk)
        assert values(extract_client([parted], own=OWN), "kvk") == []
    full = page_of(*rows, ("24575710", 700, 540), ("Mobiel: 06-24575710", 180, 600))
    assert values(extract_client([full], own=OWN), "kvk") == []
    assert values(
        extract_client([page_of(*rows, ("Vestiging Zuid", 180, 540), kvk)], own=OWN), "kvk"
    ) == ["72457571"]


def test_an_ibans_account_digits_in_their_groups_are_no_phone_number() -> None:
    # "NL04 TRIO 0721 0412 21" with its start misread: a phone only after its label
    assert find_phones("U kunt mij bellen. ods 0721 0412 21") == []
    assert [h.value for h in find_phones("Tel. 0721 0412 21")] == ["+31721041221"]
    assert [h.value for h in find_phones("0721 0412 21", labelled=True)] == ["+31721041221"]


def test_a_belgian_enterprise_number_is_no_phone_number() -> None:
    assert find_phones("Omschrijving BE 0157.333.010") == []
    assert [h.value for h in find_phones("Tel. 0157 333010")] == ["+31157333010"]


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        ("bram.hendriks@live.ni", ["bram.hendriks@live.nl"]),  # one letter from nl only
        ("info@terpstra.nt", ["info@terpstra.nl"]),  # a letter misread, not one lost (net)
        ("info@terpstra.ne", ["info@terpstra.ne"]),  # nl, be or de: left as read
        ("umit.graaf@hoine.nl", ["umit.graaf@home.nl"]),  # "in" for the m of a provider
        ("chloe.intveld@honte.nl", ["chloe.intveld@home.nl"]),  # ... or "nt"
        ("wim.smits@hofne.nl", ["wim.smits@home.nl"]),  # ... or "fn"
        ("E-mail: gaelle_hoekman [7 @hetnet.nl", ["gaelle_hoekman17@hetnet.nl"]),  # 1 as [
        ("zie [2] info@bakker.nl", ["info@bakker.nl"]),  # a bracket of its own
        ("E-mail @ meijeradvies.nl", []),  # the label, its mailbox lost: no address
        ("_|lotte1972@planet.nl", ["lotte1972@planet.nl"]),  # a rule after a form's line
        ("gaelle1.978@ziggo.nl", ["gaelle1978@ziggo.nl"]),  # a speck between digits
        ("E sem.degraaf @liye.nl", ["sem.degraaf@live.nl"]),  # y for the v of a provider
        ("email@meijeradvies.nl", ["email@meijeradvies.nl"]),  # ... unlike a mailbox so
        ("eva2001@gniail.com", ["eva2001@gmail.com"]),  # ... or "ni"
        ("anna.degraaf@tiome.nl", ["anna.degraaf@home.nl"]),  # "ti" for the h ...
        ("anna.degraaf@liotmail.com", ["anna.degraaf@hotmail.com"]),  # ... or "li"
        ("i.tenbrink@hame.nl", ["i.tenbrink@home.nl"]),  # a for o in a short provider
        ("r.vanleeuwen@liive.nl", ["r.vanleeuwen@live.nl"]),  # a letter read twice
        ("h.nguyen@ive.ni", ["h.nguyen@live.nl"]),  # a thin letter lost beside the @
        ("info@ive.be", ["info@ive.be"]),  # ... not under another country's domain
        ("lotte_venS6@gmail.com", ["lotte_ven56@gmail.com"]),  # a capital S before a digit
        ("rene@hotrriail.com", ["rene@hotmail.com"]),  # "rri" for the m of a provider
        # a gap inside a domain in lower case: one name; a web address after a cut one: none
        ("contact@timmerbedri jfvanderlinden.nl", ["contact@timmerbedrijfvanderlinden.nl"]),
        ("info@bakker www.bakker.nl", []),
        ("info@bakker.nl. www.bakker.nl", ["info@bakker.nl"]),  # its web address after a gap
        ("E-mail: * ______fleur1999@outlook.com", ["fleur1999@outlook.com"]),  # a form's line
        ("-| Email: _administratie@bakkerij.com.", ["administratie@bakkerij.com"]),  # a speck
        ("_bulent_nguyen37@xs4all.nl", ["bulent_nguyen37@xs4all.nl"]),
        ("E-mail: jan@planetnl", ["jan@planet.nl"]),  # a provider's dot lost ...
        ("E-mail: jan@bakkerbouwnl", []),  # ... not any domain's
        ("E-mail: |jdeboer@planet.nl", ["jdeboer@planet.nl"]),  # a table's rule before it
        ("E -ozturk.f@kpnmail.nl", ["ozturk.f@kpnmail.nl"]),  # a speck before it
        ("anna _jansen9@ home.nl", ["anna_jansen9@home.nl"]),  # a gap before the separator
        ("emma_ -hof15@ziggo.nl", ["emma_hof15@ziggo.nl"]),  # two marks in a row: a speck
        ("emma-.hof15@ziggo.nl", ["emma.hof15@ziggo.nl"]),
        ("tenbrink:e@live.nl", ["tenbrink.e@live.nl"]),  # a dot read as a colon ...
        ("e-mail: youssef ,vandijk@gmail.com", ["youssef.vandijk@gmail.com"]),  # a comma
        ("E-mail ,info@bouw.nl", ["info@bouw.nl"]),  # ... not after the label
        ("E-mailadres:info@bouw.nl", ["info@bouw.nl"]),  # ... not a label's
        ("E jan-ozturk.f@kpnmail.nl", ["jan-ozturk.f@kpnmail.nl"]),
        # read twice, the first time without its ".nl": the next word is no top level
        ("anna.peters@hetnet. anna.peters@hetnet.nl.", ["anna.peters@hetnet.nl"]),
        ("info@mc.com", ["info@mc.com"]),  # the shortest ("me.com") are left alone
        ("1826. e-mail-info@dijkstraelektro.nl", ["info@dijkstraelektro.nl"]),  # glued label
        ("info@terpstra.cz", ["info@terpstra.cz"]),  # a real one
        ("De Groot Advies © V.O.F. info", []),  # © for @ before a legal form: no domain
    ],
)
def test_what_ocr_did_to_an_address_is_undone_or_left(line, meant) -> None:
    assert [h.value for h in find_emails(line)] == meant


def test_an_address_is_put_right_from_the_name_as_read_most_often() -> None:
    """One card reads "Kowalezyk", two read "Kowalczyk": the address's "kowaiczyk" is a
    slip of the name read most often (both names are a slip away from it)."""

    def card_of(name: str, *more: tuple[str, int, int]):
        return page_of(("Klantkaart", 180, 100), ("Naam: " + name, 180, 300), *more)

    email = ("E-mail: i.kowaiczyk@timmerbedrijfkowalczyk.com", 180, 360)
    pages = [card_of("Ingrid Kowalezyk", email)] + [card_of("Ingrid Kowalczyk")] * 2
    assert values(extract_client(pages, own=OWN), "email") == [
        "i.kowalczyk@timmerbedrijfkowalczyk.com"
    ]


@pytest.mark.parametrize(
    ("unsure", "meant"),
    [
        (30.0, ["+31511309438"]),  # Tesseract was unsure of "300488": 309438 misread
        (95.0, ["+31511300488", "+31511309438"]),  # sure of it: a second number
    ],
)
def test_a_number_read_once_two_digits_off_one_read_twice_is_it_only_when_unsure(
    unsure: float, meant: list[str]
) -> None:
    pages = [_card_with_phone("0031 511 309438", 96.0)] * 2
    pages.append(_card_with_phone("0031 511 300488", unsure))
    assert sorted(values(extract_client(pages, own=OWN), "phone")) == meant


def test_a_number_read_once_with_a_foreign_country_code_beside_its_dutch_one_is_that() -> None:
    # both read once, Tesseract as sure of either: the country code is what OCR slipped on
    pages = [_card_with_phone("0031 70 3720789", 95.0), _card_with_phone("0034 70 3720789", 95.0)]
    assert values(extract_client(pages, own=OWN), "phone") == ["+31703720789"]


def test_a_dutch_iban_with_a_bank_code_no_dutch_bank_has_is_misread() -> None:
    # "NL65 RABO 0579 8207 50" with its R lost passes mod 97 as "NL65ABOO5798207507"
    assert find_ibans("IBAN NL65 ABOO 5798 2075 07") == []
    assert [h.value for h in find_ibans("IBAN NL65 RABO 0579 8207 50")] == ["NL65RABO0579820750"]


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        ("Rek.nr.: NL57TRIOQ0736693 157", ["NL57TRIO0736693157"]),  # a speck read as Q
        ("Rek.nr.: NLI6SNSBO08 14201962", ["NL16SNSB0814201962"]),  # one 0 read as "O0"
        ("Rek.nr.: NL57TRIO0736693157B", []),  # glued on after the end: may be a digit
        ("Bankrekening: NL18'TRIO:0944 0042 96", ["NL18TRIO0944004296"]),  # specks
        ("IBAN: NL42 ABNA 0955°3624 07", ["NL42ABNA0955362407"]),
        ("NL22TRIQ0748183825", ["NL22TRIO0748183825"]),  # Q for the O of a bank's code
        ("IBAN: NL15RABÓ0708685374", ["NL15RABO0708685374"]),  # ... or an accented O
        ("NL23TRIO08948508 [4", ["NL23TRIO0894850814"]),  # a bracket for a 1
        ("NL23TRIO0894850814 [4", ["NL23TRIO0894850814"]),  # a bracket as a speck
        ("Rek.nr.: NL57TRIO07366931570", []),  # a digit too many: which one, nothing says
        # a digit too many and an S among the check digits: one repair too many (this
        # reading passes as NL08RABO9051334721, printed was NL09RABO0905133471)
        ("IBAN NLOSRABOO9051334721", []),
        # "NL" with its L lost, or a speck read as a small letter inside it
        ("Rekeningnummer _ N33 ASNB 0429 7141 57 |", ["NL33ASNB0429714157"]),
        ("Rekeningnummer: NtL62KNAB0542408821", ["NL62KNAB0542408821"]),
        ("Rekeningnummer _ N33 ASNB 0429 7141 58 |", []),  # the check disagrees
        ("Nr. 33 ABNA 0429 7141 57", []),  # no Dutch IBAN with another check passes
    ],
)
def test_a_speck_or_a_letter_too_many_in_an_iban_is_dropped_where_the_checksum_agrees(
    line: str, meant: list[str]
) -> None:
    assert [h.value for h in find_ibans(line)] == meant


@pytest.mark.parametrize(("letter", "digits"), [("S", "58"), ("J", "1")])
@given(st.sampled_from(sorted(DUTCH_BANKS)), st.text("0123456789", min_size=10, max_size=10))
def test_a_letter_for_a_check_digit_is_the_reading_the_checksum_takes(
    letter: str, digits: str, bank: str, account: str
) -> None:
    """ "NLSOTRIO0408355891" is NL80TRIO… (of NL50 and NL80 the checksum takes one);
    "NLJ9 INGB 0248 2130 75" is NL19INGB… (48th: a card's IBAN lost so)."""
    value = f"NL{std_iban.calc_check_digits(f'NL00{bank}{account}')}{bank}{account}"
    for at in (2, 3):
        if value[at] in digits:
            read = value[:at] + letter + value[at + 1 :]
            assert [h.value for h in find_ibans(f"IBAN {read}")] == [value]
    if value[2] not in digits:  # where it was no such digit, no reading passes
        assert find_ibans(f"IBAN NL{letter}{value[3:]}") == []


@given(
    st.sampled_from(sorted(DUTCH_BANKS)),
    st.text("0123456789", min_size=10, max_size=10),
    st.integers(0, 9),
    st.sampled_from("OQIDBS"),
    st.integers(0, 9),
)
def test_a_letter_put_among_an_ibans_digits_gives_that_iban_or_none(
    bank: str, account: str, at: int, letter: str, slip: int
) -> None:
    value = f"NL{std_iban.calc_check_digits(f'NL00{bank}{account}')}{bank}{account}"
    with_letter = value[: 8 + at] + letter + value[8 + at :]
    assert [h.value for h in find_ibans(f"IBAN {with_letter}")] == [value]
    # a digit misread too: the checksum finds every such slip, so nothing is read
    digit = str((int(value[8 + slip]) + 1) % 10)
    misread = value[: 8 + slip] + digit + value[9 + slip :]
    with_letter = misread[: 8 + at] + letter + misread[8 + at :]
    assert find_ibans(f"IBAN {with_letter}") == []


@given(
    st.sampled_from(sorted(DUTCH_BANKS)),
    st.text("0123456789", min_size=10, max_size=10),
    st.sampled_from(["N", "Nt", "NtL", "Ni", "NrL"]),
    st.integers(0, 9),
)
def test_an_ibans_nl_misread_gives_that_iban_or_none(
    bank: str, account: str, start: str, slip: int
) -> None:
    """ "NL" with its L lost or a speck read as a small letter in it: the IBAN; with a
    digit misread too, nothing (the checksum finds a one-digit slip)."""
    value = f"NL{std_iban.calc_check_digits(f'NL00{bank}{account}')}{bank}{account}"
    assert [h.value for h in find_ibans(f"Rekening: {start}{value[2:]}")] == [value]
    digit = str((int(value[8 + slip]) + 1) % 10)
    misread = value[: 8 + slip] + digit + value[9 + slip :]
    assert find_ibans(f"Rekening: {start}{misread[2:]}") == []


def test_a_firms_domain_is_put_right_from_the_firms_name() -> None:
    page = page_of(
        ("Klantkaart", 180, 100),
        ("Bedrijf: Hoveniersbedrijf Vos", 180, 300),
        ("E-mail: administratie@hoveniersbedrijfvas.com", 180, 360),
    )
    assert values(extract_client([page], own=OWN), "email") == [
        "administratie@hoveniersbedrijfvos.com"
    ]
    # "l" and "t" are another pair OCR takes for each other in small print
    page = page_of(
        ("Klantkaart", 180, 100),
        ("Bedrijf: Yılmaz Installatietechniek", 180, 300),
        ("E-mail: info@yilmazinstatlatietechniek.nl", 180, 360),
    )
    assert values(extract_client([page], own=OWN), "email") == ["info@yilmazinstallatietechniek.nl"]


def _card_with_phone(number: str, conf: float) -> PageText:
    """A card whose phone number's last word Tesseract read with this confidence."""
    *first, last = number.split(" ")
    words = [
        *words_of("Klantkaart", 180, 100),
        *words_of("Naam: Lucas Şahin", 180, 300),
        *words_of("Tel.: " + " ".join(first), 180, 360),
        *words_of(last, 180 + 14 * (len("Tel.: " + " ".join(first)) + 1), 360, conf=conf),
    ]
    text = f"Klantkaart\nNaam: Lucas Şahin\nTel.: {number}"
    return PageText(text, words, 90.0, 0, 1654, 2339)


@pytest.mark.parametrize(
    ("unsure", "meant"),
    [
        (58.0, ["+31511309438"]),  # Tesseract was unsure of "300438": 309438 misread
        (95.0, ["+31511300438", "+31511309438"]),  # sure of both: two numbers
    ],
)
def test_of_two_numbers_read_once_a_digit_apart_the_unsure_one_is_the_other(
    unsure: float, meant: list[str]
) -> None:
    pages = [_card_with_phone("0031 511 309438", 96.0), _card_with_phone("0031 511 300438", unsure)]
    assert sorted(values(extract_client(pages, own=OWN), "phone")) == meant


def test_our_mailbox_at_a_misread_domain_is_ours() -> None:
    own = OwnFilter(OwnBusiness(emails=("kantoor@schouteninstallatietechniek.nl",)))
    assert own.email("kantoor@schowteninstatatetechriek.nl")
    assert own.email("kantoor@schautenmstaliatietechmek.nl")
    # another firm's office, or another mailbox at a firm with a name like ours
    assert not own.email("kantoor@schoutenbouw.nl")
    assert not own.email("info@schoutenbouw.nl")
    # a letter of our name read as two ("ni" for m) beside one misread (i for l)
    blom = OwnFilter(OwnBusiness(emails=("kantoor@blomautoservice.nl",)))
    assert blom.email("kantoor@bioniautoservice.nl")
    assert not blom.email("kantoor@bosautoservice.nl")  # another garage
    # the mailbox with a letter lost too ("post" of our own invoice's footer, read badly)
    zijlstra = OwnFilter(OwnBusiness(emails=("post@installatiezijlstra.nl",)))
    assert zijlstra.email("ost@dinstallakezijlstta.nl")
    assert not zijlstra.email("ost@installatiebosma.nl")


def test_another_firm_of_our_trade_is_not_ours() -> None:
    """Our name misread is ours; a client of our trade whose name differs from ours only
    in its surname ("Smit" for "Blom") is not (its letter was dropped as ours)."""
    own = OwnFilter(OwnBusiness(name="Loodgietersbedrijf Blom V.O.F."))
    assert own.name("Loodgietersbedrljf Blom V.O.F")
    assert own.name("LOODGIETERSBEDRIJF BLOM")
    assert not own.name("Loodgietersbedrijf Smit V.O.F.")
    assert not own.name("Loodgietersbedrijf Bos V.O.F.")


def test_our_address_at_a_mail_provider_does_not_make_its_clients_ours() -> None:
    """A small business mailing from hotmail: its clients at hotmail are clients."""
    own = OwnFilter(OwnBusiness(emails=("bakkerijsmit@hotmail.com",)))
    assert own.email("bakkerijsmit@hotmail.com")
    assert own.email("bakkerijsmit@hotmai1.com")
    assert not own.email("jan.devries@hotmail.com")
    page = page_of(
        ("Kees de Vries", 180, 100),
        ("Kerkstraat 4", 180, 145),
        ("1234 AB Kampen", 180, 190),
        ("E-mail: kees.devries@hotmail.com", 180, 235),
        ("Bakkerij Smit", 180, 420),
        ("Molenweg 3", 180, 465),
        ("8441 PK Heerenveen", 180, 510),
        ("Geachte heer Smit,", 180, 700),
        ("Met vriendelijke groet,", 180, 1300),
        ("Kees de Vries", 180, 1450),
    )
    ours = OwnBusiness(
        name="Bakkerij Smit", street="Molenweg 3", postcode="8441 PK",
        emails=("bakkerijsmit@hotmail.com",),
    )  # fmt: skip
    ex = extract_client([page], own=ours)
    assert values(ex, "email") == ["kees.devries@hotmail.com"]
    assert ex.value("postcode") == "1234 AB"


@pytest.mark.parametrize(
    "line",
    [
        "KvK-nr: NL13 SNSB 0577 1112 21",  # the KvK's number and the IBAN's label lost
        "Kamer van Koophandel Damwald NL13 SNSB 0577 1112 21 - BIC SNSBNL2A",
    ],
)
def test_an_ibans_digits_after_a_kvk_label_whose_number_was_lost_are_no_kvk_number(
    line: str,
) -> None:
    """Eight digits of an IBAN in two groups ("0577 1112") after a KvK label: the IBAN's,
    not a KvK number (a column of details joined to a letter's lines had it so)."""
    ex = extract_client(_letter_with(line), own=OWN)
    assert values(ex, "iban") == ["NL13SNSB0577111221"]
    assert ex.all("kvk") == []


def _letter_with_kvk(kvk: str) -> PageText:
    """The client's letter to us, its footer printing their KvK number as read."""
    return page_of(
        ("Installatiebedrijf Hoekstra B.V.", 180, 450),
        ("Industrieweg 14", 180, 540),
        ("8441 PK Heerenveen", 180, 585),
        ("Graag ontvang ik een offerte.", 180, 960),
        ("Kees de Vries", 180, 1250),
        ("Bakkerij De Vries · Kerkstraat 12a · 1234 AB Amsterdam", 180, 2130),
        ("Tel. 06-12345678 · KvK " + kvk, 180, 2175),
    )


@pytest.mark.parametrize(
    ("letters", "meant"),
    [
        (["12345679"], "12345678"),  # read once each: the card's label wins
        (["12345679", "12345679"], "12345679"),  # read more often elsewhere
        (["12345678", "12345679"], "12345678"),
    ],
)
def test_of_two_kvk_numbers_one_digit_apart_in_a_folder_one_is_the_other_misread(
    letters: list[str], meant: str
) -> None:
    """A client has one KvK number: "10752781" in a letter's footer beside "10152781" on
    the card made the field ambiguous, and the card had none."""
    pages = [card(), *(_letter_with_kvk(kvk) for kvk in letters)]
    ex = extract_client(pages, folder_name="Vries, Kees de", own=OWN)
    assert values(ex, "kvk") == [meant]
    assert "kvk" not in ex.ambiguous


def test_of_two_btw_ids_a_digit_apart_after_the_b_one_is_the_other_misread() -> None:
    """The nine digits of a btw-id have a checksum no one digit passes; the two after the
    B have none: "…B04" in a letter's footer beside the card's "…B01" left the card
    without a btw-id."""
    letter = _letter_with_kvk("12345678")
    footer = page_of(("Btw NL004495445B04", 180, 2220))
    letter = dataclasses.replace(letter, words=[*letter.words, *footer.words],
                                 text=f"{letter.text}\n{footer.text}")  # fmt: skip
    ex = extract_client([card(), letter], folder_name="Vries, Kees de", own=OWN)
    assert values(ex, "btw") == ["NL004495445B01"]
    assert "btw" not in ex.ambiguous


def test_a_cards_misread_btw_yields_to_a_surer_reading_and_the_two_do_not_swap() -> None:
    """The card's "…B01" read "…861" (its B taken for an 8, the 0 for a 6: "…B61"),
    Tesseract unsure of it, beside a letter's "…B01" read surely: the card's reading is
    the misread one. Before, each rule read the two as the other ("the card's stands",
    "the surer stands") and the readings swapped values: still two, and the card had no
    btw-id (48th)."""
    misread = card()
    misread = dataclasses.replace(misread, words=[
        dataclasses.replace(w, text="NL004495445861", conf=40.0) if "B01" in w.text else w
        for w in misread.words
    ], text=misread.text.replace("NL004495445B01", "NL004495445861"))  # fmt: skip
    letter = _letter_with_kvk("12345678")
    footer = page_of(("Btw NL004495445B01", 180, 2220))
    letter = dataclasses.replace(letter, words=[*letter.words, *footer.words],
                                 text=f"{letter.text}\n{footer.text}")  # fmt: skip
    ex = extract_client([misread, letter], folder_name="Vries, Kees de", own=OWN)
    assert sorted(fv.value for fv in ex.all("btw")) == ["NL004495445B01"] * 2
    assert "btw" not in ex.ambiguous


def test_a_card_and_a_surer_reading_elsewhere_that_disagree_leave_the_field_open() -> None:
    """The card's "12345678", Tesseract unsure of it, beside a letter's "12345679" read
    surely: the card's label says one, Tesseract's sureness the other, and on real paper
    either was the misread one (44th: the letter's; 37th: the card's). Both stay, each
    with its own reading; before, the two rules at once swapped their values."""
    unsure = card()
    unsure = dataclasses.replace(unsure, words=[
        dataclasses.replace(w, conf=40.0) if w.text == "12345678" else w for w in unsure.words
    ])  # fmt: skip
    ex = extract_client([unsure, _letter_with_kvk("12345679")], folder_name="Vries, Kees de",
                        own=OWN)  # fmt: skip
    assert [(fv.page_index, fv.value) for fv in ex.all("kvk")] == [
        (0, "12345678"),
        (1, "12345679"),
    ]
    assert "kvk" in ex.ambiguous


@pytest.mark.parametrize(("read", "meant"), [("1234 Ad", "1234 AB"), ("1234 Ab", "1234 AB")])
def test_a_postcode_read_with_a_small_letter_beside_it_in_capitals_is_that_one(
    read: str, meant: str
) -> None:
    """The card's "4825 Pe" beside our invoice's "4825 PC" (48th): printed postcodes are
    capitals, so the small letter was misread; the card held a postcode no one has, and
    an address of its own."""
    misread = card()
    misread = dataclasses.replace(misread, words=[
        dataclasses.replace(w, text=read[5:]) if w.text == "AB" else w for w in misread.words
    ], text=misread.text.replace("1234 AB", read))  # fmt: skip
    ex = extract_client([misread, _letter_with_kvk("12345678")], folder_name="Vries, Kees de",
                        own=OWN)  # fmt: skip
    assert sorted(fv.value for fv in ex.all("postcode")) == [meant] * 2
    assert {a.postcode for a in ex.addresses} == {meant}
    # read so alone, the small letter is taken as read
    ex = extract_client([misread], folder_name="Vries, Kees de", own=OWN)
    assert values(ex, "postcode") == [read.upper()]


def test_two_kvk_numbers_more_than_a_digit_apart_stay_two() -> None:
    ex = extract_client([card(), _letter_with_kvk("12845679")], folder_name="Vries, Kees de",
                        own=OWN)  # fmt: skip
    assert "kvk" in ex.ambiguous
    assert sorted(fv.value for fv in ex.all("kvk")) == ["12345678", "12845679"]
    # ... two digits apart, where Tesseract was unsure of the other: the card's is right
    unsure = dataclasses.replace(_letter_with_kvk("12345708"), confidence=55.0)
    unsure = dataclasses.replace(
        unsure, words=[dataclasses.replace(w, conf=55.0) for w in unsure.words]
    )
    ex = extract_client([card(), unsure], folder_name="Vries, Kees de", own=OWN)
    assert values(ex, "kvk") == ["12345678"] and "kvk" not in ex.ambiguous
    # three digits apart: two numbers, however unsure
    unsure = dataclasses.replace(unsure, words=[
        dataclasses.replace(w, text=w.text.replace("12345708", "12385708")) for w in unsure.words
    ])  # fmt: skip
    ex = extract_client([card(), unsure], folder_name="Vries, Kees de", own=OWN)
    assert "kvk" in ex.ambiguous


@pytest.mark.parametrize(
    ("head", "phone"),
    [
        ("Rekeningnummer: NL87 SNSB sCi‘“=Ss*™", False),  # the account's start, its digits alone
        ("Rekeningnummer: NL88 SNSB sCi‘“=Ss*™", True),  # a start whose checksum disagrees
        ("Rekeningnummer: zie achterzijde", True),  # no IBAN's start at all
    ],
)
def test_an_ibans_account_read_on_a_line_of_its_own_is_no_phone_number(
    head: str, phone: bool
) -> None:
    """A card whose IBAN line OCR read in two, its start with rubbish after it and the
    ten digits of the account alone (43rd: "NL87 SNSB" and "0531572560", which became
    the phone number +31531572560). The digits are the account's only where the IBAN
    they complete passes its check."""
    page = page_of(
        ("Klantkaart", 100, 100),
        ("Naam: Sjoerd van den Berg", 100, 300),
        (head, 100, 400),
        ("0531572560", 700, 450),
    )
    ex = extract_client([page], own=OwnBusiness())
    assert ("+31531572560" in {fv.value for fv in ex.all("phone")}) == phone
    assert values(ex, "iban") == []  # not put together from two lines
