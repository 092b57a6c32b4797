"""E-mail addresses as OCR reads them: a mail provider's domain misread by one letter is
that provider; other domains are kept as read; a space after a dot is taken out, and a
letter misread in the client's name is put right from the name read elsewhere."""

from __future__ import annotations

import pytest

from ocr.extract import OwnBusiness, extract_client
from ocr.extract.email import MAIL_PROVIDERS, find_emails, provider_misread
from tests.ocr.test_extract import page_of
from tests.ocr.test_extract_parties import OWN, client_letter_to_us


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("fleur.mulder@hatmail.com", "fleur.mulder@hotmail.com"),
        ("priya @ xs4all.al", "priya@xs4all.nl"),
        ("bram@eplanet.nl", "bram@planet.nl"),
        ("jan@hotmall.com", "jan@hotmail.com"),
    ],
)
def test_a_providers_domain_misread_by_one_letter_is_that_provider(written, meant) -> None:
    assert [h.value for h in find_emails(f"E-mail: {written}")] == [meant]


@pytest.mark.parametrize(
    "domain", ["bakkerijdevries.nl", "planet.nl", "gmail.nl", "weg.de", "mea.com", "hotmail.nl"]
)
def test_other_domains_are_kept_as_read(domain) -> None:
    assert provider_misread(domain) is None
    assert [h.value for h in find_emails(f"info@{domain}")] == [f"info@{domain}"]


def test_no_provider_is_a_misreading_of_another() -> None:
    assert all(provider_misread(p) is None for p in MAIL_PROVIDERS)


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        ("E-mail: priya. kowalczyk@hotmail.com", "priya.kowalczyk@hotmail.com"),
        ("sjoerd_ wit@outlook.com", "sjoerd_wit@outlook.com"),
        ("E-mail. jan@voorbeeld.nl", "jan@voorbeeld.nl"),  # a label, not a name
        ("Tel. 06-12345678 mail. jan@voorbeeld.nl", "jan@voorbeeld.nl"),
        ("b.mulder@mulder.nl_-", "b.mulder@mulder.nl"),  # dust after the end
        ("E-mail: info@dierenkliniek:nl", "info@dierenkliniek.nl"),  # its dot read as ':'
        ("jan@home.nl: bel ook", "jan@home.nl"),
        ("E-mail: bram 1987 @planet.nl", "bram1987@planet.nl"),  # a space before digits
        ("gerrit1 986@live.nl", "gerrit1986@live.nl"),
        ("sem_vries3 L@xs4all.nl", "sem_vries31@xs4all.nl"),  # a 1 among digits read as L
        ("E-mail: i„sahin@ziggo.nl", "i.sahin@ziggo.nl"),  # a dot read as a low quote
        ("Email 1987@planet.nl", "1987@planet.nl"),  # a label is no part of the address
        ("Email: info®bakkerijsmit.nl", "info@bakkerijsmit.nl"),  # its @ read as ®
        ("E-mail: info@schildersbedrijfmeijer.n]", "info@schildersbedrijfmeijer.nl"),  # l as ]
        # a firm's role mailbox one letter off is that one; a digit or plural is real
        ("E-mail: conitact@hoveniersbedrijf.com", "contact@hoveniersbedrijf.com"),
        ("adminisratie@bakker.nl", "administratie@bakker.nl"),
        ("contacts@bakker.nl", "contacts@bakker.nl"),
        ("sales1@bakker.nl", "sales1@bakker.nl"),
        ("irifo@intveldinstallatietechniek.com", "info@intveldinstallatietechniek.com"),  # n
        ("rnail@bakker.nl", "mail@bakker.nl"),
        ("E-mail: z0e1999@ziggo.nl", "zoe1999@ziggo.nl"),  # a zero between letters
        ("E-mail: info@b2b0nline.nl", "info@b2b0nline.nl"),  # the domain as read
        ("iris@bakker.nl", "iris@bakker.nl"),  # "ins" is no firm's mailbox
        ("Deutschland „rechnung@hoffmann.de”", "rechnung@hoffmann.de"),  # „ a quote, not a dot
        ("priya„kowalczyk@gmail.com", "priya.kowalczyk@gmail.com"),  # ... after a word a dot
        # a letterhead's phone number before the label "E" glued to a firm's mailbox
        ("T. (073) 2328514. Einfo@mullerelektro.nl", "info@mullerelektro.nl"),
        ("| Linfo@bakker.nl", "info@bakker.nl"),  # a table's rule as a capital
        ("E-kantoor@bakker.nl", "kantoor@bakker.nl"),  # the label E and a hyphen
        ("Eva@bakker.nl", "eva@bakker.nl"),  # a name, no label
        ("into@brouwerzn.nl", "info@brouwerzn.nl"),  # f read as t
        ("Email: joost1994@hetnet nl", "joost1994@hetnet.nl"),  # a provider's dot as a gap
        ("adrhinistratie@kapsalonsanne.com", "administratie@kapsalonsanne.com"),  # m as rh
        ("ingo@brouwer.nl", "ingo@brouwer.nl"),  # a name: g is no f misread
        ("gerrit_wouters5s@planet.nl", "gerrit_wouters55@planet.nl"),  # a 5 read as s
        ("E-mail: bram198S@gmail.com", "bram1985@gmail.com"),  # ... or as a capital S
        ("cofitact@bakker.nl", "contact@bakker.nl"),  # an n read as "fi"
        # a speck after the digits that end it: no letter was lost there
        ("Email: . anna_smit72-@hetnet.nl", "anna_smit72@hetnet.nl"),
        ("-_fleur1998@ziggo.nl", "fleur1998@ziggo.nl"),  # specks before it
        # the dot before a last initial read as a gap (an underscore or hyphen is read)
        ("e-mail: jansen p@live.nl", "jansen.p@live.nl"),
        ("E inf o@bakker.nl", "info@bakker.nl"),  # ... not a firm's mailbox read apart
        ("sanne‚devries@kpnmail.nl", "sanne.devries@kpnmail.nl"),  # the dot as a low quote
    ],
)
def test_what_ocr_does_to_an_address_is_undone(line, meant) -> None:
    assert [h.value for h in find_emails(line)] == [meant]


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        ("Info@hotsmraschiiderwerken.ri", []),  # no country has .ri: misread past mending
        ("info@schilderwerken.ri x", []),
        ("e-mail: dewit-@hotmail.com", []),  # what stood after the hyphen was lost
        ("joftedegraf@hotmail.ecen", []),  # hotmail under no top-level domain of its own
        ("lotte@hotmail.fr", ["lotte@hotmail.fr"]),  # ... a country's is one of its own
        ("e-mail: dewit_@hotmail.com", []),
        ("jan@ziggo.ni", ["jan@ziggo.nl"]),  # one letter from .nl
        ("info@bakkerij.be", ["info@bakkerij.be"]),  # a country's
        ("jan@firma.co.uk", ["jan@firma.co.uk"]),
        ("info@firma.shop", ["info@firma.shop"]),  # longer ones as read
    ],
)
def test_an_address_misread_past_mending_is_no_address(line: str, meant: list[str]) -> None:
    assert [h.value for h in find_emails(line)] == meant


def _with_email(name: str, email: str) -> list:
    return [page_of(("Naam: " + name, 180, 300), ("E-mail: " + email, 180, 360))]


@pytest.mark.parametrize(
    ("name", "read", "meant"),
    [
        ("Frédérique de Groot", "frederiguedegroot@xs4all.nl", "frederiquedegroot@xs4all.nl"),
        ("Henk Dekker", "henk_dekkerl@gmail.com", "henk_dekker1@gmail.com"),
        ("Youssef Huisman", "youssef_huismani@gmail.com", "youssef_huisman1@gmail.com"),
        ("Thijs Verhoef", "thijs_verhoefll@home.nl", "thijs_verhoef11@home.nl"),  # two
        ("Fatima Mulder", "fatimal1978@gmail.com", "fatima1978@gmail.com"),  # before a year
        # a year's first digits read as letters like them, the name misread too
        ("Sanne Bakker", "sanneig85@ziggo.nl", "sanne1985@ziggo.nl"),
        ("Sanne Bakker", "sarinel985@ziggo.nl", "sanne1985@ziggo.nl"),
        ("Sanne Bakker", "sannes85@ziggo.nl", "sannes85@ziggo.nl"),  # no year: as read
        # the first name beside the surname, a thin letter lost
        ("Lisa de Vries", "lsa_devries12@live.nl", "lisa_devries12@live.nl"),
        # what the name does not explain stays as read
        ("Henk Dekker", "hdekker@gmail.com", "hdekker@gmail.com"),
        ("Henk Dekker", "info@dekkerbouw.nl", "info@dekkerbouw.nl"),
        ("Inés Müller", "iries_muller1@live.nl", "ines_muller1@live.nl"),  # "ri" for "n"
        ("Willem Smit", "willern.smit@ziggo.nl", "willem.smit@ziggo.nl"),  # "rn" for "m"
        ("Marian Smit", "marian.smit@ziggo.nl", "marian.smit@ziggo.nl"),  # a real "ri"
        ("Kees ter Horst", "kees.tefhorst@outlook.com", "kees.terhorst@outlook.com"),  # f/r
        ("Mohamed Smit", "mohamed.smii@hotmail.com", "mohamed.smit@hotmail.com"),  # i/t
        ("Hanneke Smit", "kanneke@smitbouw.nl", "hanneke@smitbouw.nl"),  # k/h
        ("Mohamed Smit", "mohamed.slii@hotmail.com", "mohamed.slii@hotmail.com"),  # two of four
        # a dot OCR saw as a gap took what stood before it: the first name, its end, or
        # the initial (the word before is kept in the raw reading)
        ("Lucas Jansen", "cas jansen@gmail.com", "lucas.jansen@gmail.com"),
        ("Kees Bos", "kees bos@ziggo.nl", "kees.bos@ziggo.nl"),
        ("Jürgen van den Berg", "j vandenberg@ vandenberg.nl", "j.vandenberg@vandenberg.nl"),
        ("Henk Dekker", "a dekker@gmail.com", "dekker@gmail.com"),  # not his initial
        ("Sjoerd van de Ven", "Es vandeven@ziggo.nl", "s.vandeven@ziggo.nl"),  # glued to E
        ("Henk Dekker", "Es dekker@gmail.com", "dekker@gmail.com"),
        # ... or the dot read as a comma, or kept with a gap after it and a speck before
        ("Lucas Yılmaz", "lucas, yilmaz@home.nl", "lucas.yilmaz@home.nl"),
        ("Gaëlle Boëthius", "7 I-gaelle. boethius@gmail.com", "gaelle.boethius@gmail.com"),
        ("Mohamed Boëthius", "e-mail: mohamed „boethius@ziggo.nl", "mohamed.boethius@ziggo.nl"),
        ("Mohamed Boëthius", "schrijf naar „info@ziggo.nl", "info@ziggo.nl"),  # a quote
        # a year after the name cut off by gaps, its 1 read as an l
        ("Jeroen de Groot", "jeroen l 964 @xs4all.nl", "jeroen1964@xs4all.nl"),
        # ... or joined to a first name too short to respell whole
        ("Wei ter Horst", "weil963@ziggo.nl", "wei1963@ziggo.nl"),
        ("Julia de Vries", "julia! 990 @live.nl", "julia1990@live.nl"),  # ! for 1
        ("Wei Boëthius", "weit 964@kpnmail.nl", "wei1964@kpnmail.nl"),
        ("Wei Boëthius", "mait 964@kpnmail.nl", "mait964@kpnmail.nl"),  # not her name
        ("Bas Smit", "bast@ziggo.nl", "bast@ziggo.nl"),  # no number after it
        # "l." read as one capital L
        ("Lotte Öztürk", "Lozturk@xs4all.nl", "l.ozturk@xs4all.nl"),
        ("Lotte Öztürk", "lozturk@xs4all.nl", "lozturk@xs4all.nl"),
        ("Kees Bos", "Lbos@xs4all.nl", "lbos@xs4all.nl"),  # not an initial of his
        ("Ingrid Yılmaz", "Lyilmaz@ziggo.nl", "i.yilmaz@ziggo.nl"),  # "i." its dot the foot
        # the dot between the initial and the surname read as a capital
        ("Tim Dekker", "tLdekker@planet.nl", "t.dekker@planet.nl"),
        ("Lucas Wouters", "lLwouters@xs4all.nl", "l.wouters@xs4all.nl"),
        ("Lucas Wouters", "pLwouters@xs4all.nl", "plwouters@xs4all.nl"),  # not his initial
        # the capital of a label glued before the initial
        ("Lotte Prins", "E El.prins@bloemenhuis.nl", "l.prins@bloemenhuis.nl"),
        ("Emma Prins", "E El.prins@bloemenhuis.nl", "el.prins@bloemenhuis.nl"),  # hers: E.L.
        ("Kees Prins", "E El.prins@bloemenhuis.nl", "el.prins@bloemenhuis.nl"),  # not his
        # ... or before the client's name ("E-" a label too); not before their initial
        ("Ruud Kramer", "Eruud1978@planet.nl", "ruud1978@planet.nl"),
        ("Fleur Jansen", "E-fleur.jansen@ziggo.nl", "fleur.jansen@ziggo.nl"),
        ("Wim de Haan", "Edehaan.w@live.nl", "dehaan.w@live.nl"),
        ("Eva de Haan", "Edehaan@live.nl", "edehaan@live.nl"),  # her initial
        ("Kees Bakker", "Erik1990@home.nl", "erik1990@home.nl"),  # not his name
        # the first letter of the address lost to a speck or the label before it
        ("Sem Dekker", "ekker.s@outlook.com", "dekker.s@outlook.com"),
        ("Sem Dekker", "info@dekker.nl", "info@dekker.nl"),
        ("Tim Kuipers", "E-mail: ____im1993@gmail.com", "tim1993@gmail.com"),  # a short one
        ("Tim Kuipers", "im.kuipers@gmail.com", "im.kuipers@gmail.com"),  # ... before digits
        # the initial beside the surname read as a letter OCR takes for it
        ("Lucas Brouwer", "brouwer.i@home.nl", "brouwer.l@home.nl"),
        ("Lucas Visser", "visser.1@xs4all.nl", "visser.l@xs4all.nl"),
        ("Lotte Bos", "lotte.bos1@xs4all.nl", "lotte.bos1@xs4all.nl"),  # bos1: a number
        ("Ümit Visser", "visser.v@planet.nl", "visser.u@planet.nl"),
        ("Hanneke ter Horst", "terhorst.n@hetnet.nl", "terhorst.h@hetnet.nl"),
        ("Ümit Visser", "visser.k@planet.nl", "visser.k@planet.nl"),  # no OCR pair
        ("Ümit Visser", "info.v@planet.nl", "info.v@planet.nl"),  # not beside his surname
        # a smudged dot after the initial read as a hyphen
        ("Jan Mulder", "j-mulder@xs4all.nl", "j.mulder@xs4all.nl"),
        ("Jan Mulder", "p-mulder@xs4all.nl", "p-mulder@xs4all.nl"),
    ],
)
def test_the_clients_name_repairs_a_letter_ocr_misread_in_their_address(
    name: str, read: str, meant: str
) -> None:
    ex = extract_client(_with_email(name, read), own=OwnBusiness())
    assert [fv.value for fv in ex.values("email", 0.5)] == [meant]


@pytest.mark.parametrize(
    ("elsewhere", "meant"),
    [
        ("sjoerd_groot17@kpnmail.nl", "sjoerd_groot17@kpnmail.nl"),  # read without it
        ("sjoerd_groot117@kpnmail.nl", "sjoerd_groot117@kpnmail.nl"),  # read with a 1
        ("info@degroot.nl", "sjoerd_groot117@kpnmail.nl"),  # nothing tells: a 1
    ],
)
def test_a_letter_between_the_name_and_its_number_is_a_speck_where_read_without_it(
    elsewhere: str, meant: str
) -> None:
    """ "grootl17" is "groot117" with its 1 read as an l, or "groot17" with a speck: the
    same address read on another page tells which."""
    pages = [
        *_with_email("Sjoerd de Groot", "sjoerd_grootl17@kpnmail.nl"),
        page_of(("Sjoerd de Groot", 180, 300), ("e-mail " + elsewhere, 180, 360)),
    ]
    ex = extract_client(pages, own=OwnBusiness())
    sjoerds = [fv.value for fv in ex.values("email", 0.5) if fv.value.startswith("sjoerd")]
    assert sjoerds == [meant]


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("Henk Dekker", "ons dekker@gmail.com"),  # no end of "henk"
        ("Henk Dekker", "kees, dekker@gmail.com"),  # not his name: kees.dekker@, whose?
        ("Jeroen de Groot", "kees l 964 @xs4all.nl"),
        ("Pieter Çelik", "pieter celik78@hotmail.com"),  # pieter_, pieter. or pieter-?
        ("Eva van Leeuwen", "7 @kpnmail.nl"),  # a mailbox of one character, ...
        ("Julia de Vries", "990@live.nl"),  # ... or without letters
        ("Priya Vos", "a66@hotmail.com"),  # ... or with one ("priya1966@")
        # a letter left of the mailbox after words of it, whatever the domain
        ("Julia de Graaf", "julia gras? O@ stall. com"),
    ],
)
def test_the_end_of_an_address_whose_start_a_gap_cut_off_is_no_address(
    name: str, read: str
) -> None:
    """What a labelled address's first word was joined by, nothing tells: the rest alone
    would be an address nobody has."""
    ex = extract_client(_with_email(name, read), own=OwnBusiness())
    assert ex.values("email") == []


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("Fleur in 't Veld", "fiintveld@ziggo.nl"),
        ("Tim Dekker", "tldekker@planet.nl"),
        # the first name's start lost to a gap and the label ("Emails j oerd. graaf@")
        ("Sjoerd de Graaf", "oerd.graaf@kpnmail.nl"),
        ("Sjoerd de Graaf", "aaf73@kpnmail.nl"),  # ... or of the surname
        # a long name after an initial, two letters for others
        ("Youssef Kowalczyk", "ykowalezsk@ziggo.nl"),
        # a letter after the last digit: the digit with a speck over it, or a letter
        ("Bram de Wit", "bram_wit9t@hetnet.nl"),
    ],
)
def test_an_address_whose_dot_or_start_ocr_may_have_lost_is_only_a_suggestion(
    name: str, read: str
) -> None:
    """ "fiintveld@" is "f.intveld@" with its dot read as a letter, or the address of
    someone with a second initial; "oerd.graaf@" lost the start of Sjoerd, or is so:
    nothing tells, so read once it is no card value. Read twice alike, it is the
    address."""
    assert extract_client(_with_email(name, read), own=OwnBusiness()).values("email", 0.5) == []
    unsure = extract_client(_with_email(name, read), own=OwnBusiness()).values("email", 0.0)
    assert [fv.value for fv in unsure] == [read]
    twice = _with_email(name, read) + _with_email(name, read)
    assert [fv.value for fv in extract_client(twice).values("email", 0.5)] == [read]


@pytest.mark.parametrize(
    ("company", "read", "meant"),
    [
        ("Timmerbedrijf Meijer", "ingrid@timmherbedrijfmeijer.nl", "ingrid@timmerbedrijfmeijer.nl"),
        ("Meijer Bouw", "ingrid@meijerbouwt.nl", "ingrid@meijerbouwt.nl"),  # at the end: a pun
        ("Meijer Bouw", "ingrid@meijerbouw.nl", "ingrid@meijerbouw.nl"),
        # a letter lost inside a long name; not one letter for another: the name may be
        # the one OCR misread ("Gelik" for "Çelik"); never a mark no domain has
        ("Timmerbedrijf Meijer", "ingrid@timmerbedrifmeijer.nl", "ingrid@timmerbedrijfmeijer.nl"),
        ("Meijer & Zn.", "i@meijerzn.nl", "i@meijerzn.nl"),
        # a long firm's name run together, with a letter lost or added and one misread
        ("Autobedrijf Van Leeuwen", "i@autohedrijfvanileeuwen.nl", "i@autobedrijfvanleeuwen.nl"),
        ("Hoveniersbedrijf Brouwer", "i@hoveniersbedrifbrotwer.nl", "i@hoveniersbedrijfbrouwer.nl"),
        # ... or a letter lost and one more further on; not two letters read for others
        ("Hoveniersbedrijf Dekker", "i@hoveniersbedrijdekdker.nl", "i@hoveniersbedrijfdekker.nl"),
        # ... not the firm's own "y" for "ij", nor a name whose first letter differs ("Gelik"
        # may be the misreading: "Çelik")
        ("Meijer Bouwtechniek", "i@meyerbouwtechniek.nl", "i@meyerbouwtechniek.nl"),
        # one letter for another inside a firm word; not in the name
        (
            "Loodgietersbedrijf Öztürk",
            "i@looddietersbedrijfozturk.nl",
            "i@loodgietersbedrijfozturk.nl",
        ),
    ],
)
def test_a_slip_inside_the_firms_name_in_its_domain_is_put_right(
    company: str, read: str, meant: str
) -> None:
    ex = extract_client(_firm_card(company, read), own=OwnBusiness())
    assert [fv.value for fv in ex.values("email", 0.5)] == [meant]


def _firm_card(company: str, email: str) -> list:
    return [
        page_of(
            ("Naam: Ingrid Meijer", 180, 300),
            ("Bedrijf: " + company, 180, 360),
            ("E-mail: " + email, 180, 420),
        )
    ]


def _pages_reading(*lines: str) -> list:
    """One client's card, then letters of theirs, each with one line as OCR read it."""
    first = page_of(
        ("Klantkaart", 180, 150), ("Naam: Inés Jansen", 180, 300), ("E-mail: " + lines[0], 180, 360)
    )
    address = (("Inés Jansen", 180, 150), ("Kerkstraat 1", 180, 195), ("1234 AB Delft", 180, 240))
    letters = [page_of(*address, (line, 180, 285)) for line in lines[1:]]
    return [first, *letters]


@pytest.mark.parametrize(
    ("card_reads", "letters_read", "meant"),
    [
        # the card's labelled form, not the longest ("Ei." kept the E of a lost label)
        (
            "i.jansen@timmerbedrijfjansen.nl",
            ["Ei.jansen@timmerbedrijfjansen.pl", "jansen@timmerbedrijfjansen.nt"],
            ["i.jansen@timmerbedrijfjansen.nl"],
        ),
        # the form read most often
        ("ines.jansen2@ziggo.nl", ["ines.jansen@ziggo.nl"] * 2, ["ines.jansen@ziggo.nl"]),
        # OCR saw a gap in "vandijk" on the card; the letter reads it whole
        ("vandi jk.u@planet.nl", ["Email: vandijk.u@planet.nl"], ["vandijk.u@planet.nl"]),
        # ... also when what is left is three letters ("f.mei jer @" read "jer@")
        ("i.jansen@ziggo.nl", ["Email: i.jan sen @ziggo.nl"], ["i.jansen@ziggo.nl"]),
        # "Ümit_" lost on two letters: the card's whole address, however often cut
        ("umit_linden43@gmail.com", ["linden43@gmail.com"] * 2, ["umit_linden43@gmail.com"]),
        ("i.jansen@ziggo.nl", ["jansen@ziggo.nl"] * 2, ["i.jansen@ziggo.nl"]),  # ... "i." lost
        # the form with its dot beats the card's without (OCR drops dots)
        ("fnguyen@home.nl", ["f.nguyen@home.nl"], ["f.nguyen@home.nl"]),
        # the form whose parts are the client's names beats the card's ("n" read as "m")
        ("imes.jansen@ziggo.nl", ["ines.jansen@ziggo.nl"], ["ines.jansen@ziggo.nl"]),
        # a dot beats a hyphen, which is what a smudged dot reads as
        ("i-jansen@ziggo.nl", ["i.jansen@ziggo.nl"], ["i.jansen@ziggo.nl"]),
        # read whole beats put together across a gap: "ines. jansen_" was an underscore
        ("ines_jansen5@ziggo.nl", ["Email: ines. jansen5@ziggo.nl"], ["ines_jansen5@ziggo.nl"]),
        ("Email: ines. jansen5@ziggo.nl", ["ines_jansen5@ziggo.nl"], ["ines_jansen5@ziggo.nl"]),
        # an underscore beats a hyphen, which is what a low underscore reads as
        ("ines -jansen5@ziggo.nl", ["ines _jansen5@ziggo.nl"], ["ines_jansen5@ziggo.nl"]),
        # a usual top-level domain beats one made up by OCR
        ("ines.jansen@jansen.anno", ["ines.jansen@jansen.nl"], ["ines.jansen@jansen.nl"]),
        # a mail provider beats a domain OCR made of its name, labelled or not
        ("ines.jansen@homs.nl", ["ines.jansen@home.nl"], ["ines.jansen@home.nl"]),
        # a firm's mailbox a letter off is that one misread ("infp@" read once)
        ("info@jansenbouw.nl", ["infp@jansenbouw.nl"], ["info@jansenbouw.nl"]),
        # two addresses of one client stay two
        (
            "ines@jansen.nl",
            ["Email: administratie@jansen.nl"],
            ["administratie@jansen.nl", "ines@jansen.nl"],
        ),
    ],
)
def test_one_address_read_several_ways_counts_once_in_its_right_form(
    card_reads: str, letters_read: list[str], meant: list[str]
) -> None:
    ex = extract_client(_pages_reading(card_reads, *letters_read), own=OwnBusiness())
    assert sorted(fv.value for fv in ex.values("email", 0.5)) == meant


def test_an_address_whose_initial_and_domain_ocr_both_slipped_on_is_put_right() -> None:
    """ "l." read as a capital L and a letter lost in the firm's domain: both put back."""
    pages = [
        page_of(
            ("Naam: Lucas Kuipers", 180, 300),
            ("Bedrijf: Kuipers Advies Holding B.V.", 180, 360),
            ("E-mail: Lkuipers@kuipersdvies.nl", 180, 420),
        )
    ]
    ex = extract_client(pages, own=OwnBusiness())
    assert [fv.value for fv in ex.values("email", 0.5)] == ["l.kuipers@kuipersadvies.nl"]


def test_what_a_gap_stood_for_is_taken_from_another_reading_of_the_address() -> None:
    """ "youssef bos@": a dot, an underscore or nothing? The card read "youssefbos@"."""
    letter = page_of(("Naam: Youssef Bos", 180, 200), ("youssef bos@xs4all.nl", 180, 250))
    card = page_of(("Naam: Youssef Bos", 180, 300), ("E-mail: youssefbos@xs4all.nl", 180, 360))
    ex = extract_client([letter, card], own=OwnBusiness())
    assert [fv.value for fv in ex.values("email", 0.5)] == ["youssefbos@xs4all.nl"]
    ex = extract_client([letter], own=OwnBusiness())
    assert [fv.value for fv in ex.values("email", 0.5)] == ["youssef.bos@xs4all.nl"]


@pytest.mark.parametrize(
    ("letter_reads", "meant"),
    [
        # ".c" read as "e": no name of hers left in it, two slips from the card's address
        ("reelik@planet.nl", ["r.celik@planet.nl"]),
        # another domain: not her card's address, but her name after an initial with a
        # letter misread, read once: a suggestion
        ("reelik@planet.com", ["r.celik@planet.nl"]),
        ("info@planet.nl", ["info@planet.nl", "r.celik@planet.nl"]),  # more than two slips
    ],
)
def test_an_address_in_which_ocr_lost_the_clients_name_is_the_one_with_it(
    letter_reads: str, meant: list[str]
) -> None:
    card = page_of(("Naam: René Çelik", 180, 300), ("E-mail: r.celik@planet.nl", 180, 360))
    letter = page_of(
        ("René Çelik", 180, 150), ("Kerkstraat 1", 180, 195), ("1234 AB Delft", 180, 240),
        ("E-mail: " + letter_reads, 180, 285),
    )  # fmt: skip
    ex = extract_client([card, letter], own=OwnBusiness())
    assert sorted(fv.value for fv in ex.values("email", 0.5)) == meant


@pytest.mark.parametrize(
    ("company", "read"),
    [
        # a letter no OCR pair, in a name or a firm's name run together: OCR slipped on
        # the address, or on the name it was read beside ("Gelik" for "Çelik")
        ("Bakker Bouw", "anna.bakkel@home.nl"),
        ("Gelik Installatie", "i@celikinstallatie.nl"),
        ("Gelik Installatietechniek", "i@celikinstallatietechniek.nl"),
        ("Gelik Installatietechniek", "i@celikinstalatietechniek.nl"),
        ("Loodgietersbedrijf Gelik", "i@loodgietersbedrijfcelik.nl"),
        ("Meijer Installatie", "i@meyerinstalatie.com"),
        ("Hoveniersbedrijf Bos", "l.bos@hoveniersbedrijfpos.nl"),
        ("Hoveniersbedrijf Dekker", "i@hoveniersbedrijfdakkar.nl"),  # two letters for others
        ("Schildersbedrijf Kok", "info@sclnidersbedrijfkok.nl"),  # three in a very long one
        ("Celik Bouw", "leelik@planet.nl"),  # the name after an initial: "l.celik"?
    ],
)
def test_an_address_a_slip_from_the_clients_names_is_only_a_suggestion(
    company: str, read: str
) -> None:
    """Read once, it is no card value; read twice alike, it is the address."""
    pages = _firm_card(company, read)
    ex = extract_client(pages, own=OwnBusiness())
    assert ex.values("email", 0.5) == []
    assert [fv.value for fv in ex.values("email", 0.0)] == [read]
    twice = extract_client(pages + pages, own=OwnBusiness())
    assert [fv.value for fv in twice.values("email", 0.5)] == [read]


def test_an_address_at_a_providers_domain_misread_past_mending_is_only_a_suggestion() -> None:
    """ "neriumeser@qmal.com" of "gerrit.meijer@gmail.com": the domain two slips from a
    mail provider's, the name before it read as badly. A provider's name under another
    country's domain is a provider's."""
    for read, sure in (("neriumeser@qmal.com", False), ("gerrit@hotmail.be", True)):
        ex = extract_client(_firm_card("Meijer Bouw", read), own=OwnBusiness())
        assert [fv.value for fv in ex.values("email", 0.5)] == ([read] if sure else [])
        assert [fv.value for fv in ex.values("email", 0.0)] == [read]


def test_an_address_of_the_clients_names_run_together_is_no_slip() -> None:
    """ "annemiekcelik@" is one slip from "Annemiek Gelik" as a card read the name, and is
    her first name and her surname as another page read it: the address stands."""
    pages = [
        page_of(("Naam: Annemiek Gelik", 180, 300), ("E-mail: annemiekcelik@xs4all.nl", 180, 360)),
        page_of(("Naam: Fam. Celik", 180, 300)),
    ]
    ex = extract_client(pages, own=OwnBusiness())
    assert [fv.value for fv in ex.values("email", 0.5)] == ["annemiekcelik@xs4all.nl"]


@pytest.mark.parametrize(
    ("line", "sure"),
    [
        # the mark between her first name and the rest lost: "_", "." or "-"?
        ("E bulent ven64@xs4all.nl", False),
        ("E bulent.ven64@xs4all.nl", True),
        # a firm's mailbox after the name is the firm's
        ("Ven info@vandeven.nl", True),
    ],
)
def test_an_address_a_gap_after_the_clients_name_is_only_a_suggestion(
    line: str, sure: bool
) -> None:
    """A client's letterhead reads "bulent ven64@" of "bulent_ven64@" (42nd): nothing
    tells which mark the gap was, and "ven64@" alone is nobody's address."""
    top = ("Bülent van de Ven", "Kerkstraat 3", "8911 AB Leeuwarden", line)
    ex = extract_client([client_letter_to_us(top, "Bülent van de Ven")], own=OWN)
    read = line.split()[-1]
    assert [fv.value for fv in ex.values("email", 0.5)] == ([read] if sure else [])
    assert [fv.value for fv in ex.values("email", 0.0)][-1:] == [read]
