"""The matching rule: one client only on a shared identifier AND an agreeing name."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from importing.matching import Profile, group_units, names_agree, why


def profile(name: str | None = None, company: str | None = None, **keys: str) -> Profile:
    p = Profile()
    p.add_name(name)
    p.add_company(company)
    for kind, value in keys.items():
        if kind == "address":
            p.add_address(*value.split("|"))
        else:
            p.add_key(kind, value)
    return p


def test_names_agree_on_the_same_person_written_differently() -> None:
    assert names_agree(profile("Kees Jansen"), profile("K. Jansen"))
    assert names_agree(profile("Jansen, Kees"), profile("Kees Jansen"))
    assert names_agree(profile("Piet van der Linden"), profile("P. van der Linden"))
    assert names_agree(profile(company="Bakkerij Smit B.V."), profile(company="Bakkerij Smit"))
    assert names_agree(profile("K. Jansen"), profile(company="Installatiebedrijf Jansen B.V."))
    # a surname with its tussenvoegsel inside the firm's name
    assert names_agree(profile("Sophie de Groot"), profile(company="De Groot Bouw Holding B.V."))
    assert names_agree(profile(company="Schilders Van der Linden"), profile("P. van der Linden"))
    # one letter of a surname misread ("Ç" read as "G"), the first name the same
    assert names_agree(profile("Mohamed Gelik"), profile("Çelik, Mohamed"))
    # ... or one letter of a long first name, the surname the same
    assert names_agree(profile("Gerfit Mulder"), profile("Mulder, Gerrit"))


def test_names_disagree_on_other_people() -> None:
    assert not names_agree(profile("Jan de Vries"), profile("Anna de Vries"))
    assert not names_agree(profile("Kees Jansen"), profile("Kees Pietersen"))
    assert not names_agree(profile(company="Garage Dekker"), profile(company="Bakkerij Smit"))
    assert not names_agree(profile("Sophie de Groot"), profile(company="De Graaf Bouw"))
    assert not names_agree(profile(company="Bouwbedrijf 2000"), profile(company="Bouwbedrijf 2001"))
    assert not names_agree(profile("Anna de Vries"), profile(company="Vriesland Transport"))
    assert not names_agree(profile("M. Gelik"), profile("Mohamed Çelik"))  # no first name
    assert not names_agree(profile("Anna Gelik"), profile("Mohamed Çelik"))
    assert not names_agree(profile("Jan Bos"), profile("Jan Bol"))  # too short to tell
    assert not names_agree(profile("Maria Jansen"), profile("Marie Jansen"))  # ... likewise


def test_a_shared_number_alone_never_joins_two_people() -> None:
    office = "+31205551234"
    units = [profile("Anna Bakker", phone=office), profile("Piet Smit", phone=office)]
    assert len(set(group_units(units))) == 2


def test_same_identifier_and_name_join_two_folders() -> None:
    units = [
        profile("Kees Jansen", kvk="12345678"),
        profile("K. Jansen", kvk="12345678", iban="NL91ABNA0417164300"),
        profile("Kees Jansen"),  # same name, nothing shared: not joined
    ]
    groups = group_units(units)
    assert groups[0] == groups[1] != groups[2]


def test_a_postcode_without_house_number_joins_only_the_very_same_name() -> None:
    """A postcode is a street's stretch: the same name written out joins (an address
    book gives no house number), an initial or another first name does not."""
    folder = profile("Gerrit Dijkstra", address="2331 VJ|242a")
    units = [
        folder,
        profile("Gerrit Dijkstra", address="2331VJ|"),
        profile("G. Dijkstra", address="2331 VJ|"),
        profile("Anna Dijkstra", address="2331 VJ|"),
        profile("Gerrit Dijkstra", address="2332 VJ|"),
        profile(company="Bakkerij Smit B.V.", address="2331 VJ|12"),
        profile(company="Bakkerij Smit", address="2331 VJ|"),
        profile("Piet Smit", kvk="12345678"),  # a number, not a postcode, met last
    ]
    groups = group_units(units)
    assert groups[0] == groups[1] and groups[5] == groups[6]
    assert why(units[0].keys & units[1].keys) == "zelfde postcode"
    assert why(units[0].keys & units[0].keys) == "zelfde adres"  # the address says it
    assert len({groups[0], groups[2], groups[3], groups[4], groups[5]}) == 5


def test_an_address_book_row_at_the_firms_own_mail_domain_names_that_firm() -> None:
    """A folder of our invoices to "Café De Gouden Leeuw Holding B.V., t.a.v. W. El
    Amrani" and an address book's row "Wim El Amrani; info@cafedegoudenleeuw.nl" with
    the same postcode: the mail domain is the firm's name. A provider's domain, or one
    naming another firm, says nothing."""
    folder = profile("W. El Amrani", "Café De Gouden Leeuw Holding B.V.", address="8041 SB|42")
    row = profile("Wim El Amrani", email="info@cafedegoudenleeuw.nl", address="8041 SB|")
    assert len(set(group_units([folder, row]))) == 1
    for other in (
        profile("Wim El Amrani", email="wim.elamrani@gmail.com", address="8041 SB|"),
        profile("Wim El Amrani", email="info@cafedezwaan.nl", address="8041 SB|"),
        profile("Wim El Amrani", email="info@cafedegoudenleeuw.nl", address="8042 SB|"),
    ):
        assert len(set(group_units([folder, other]))) == 2, other


# -- property: whatever the order, no group ever holds two true clients ---------------------

LAST = ["Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder"]
FIRST = ["Kees", "Anna", "Piet", "Fatima", "Sanne", "Mohamed", "Jan", "Eva", "Lars"]


@st.composite
def binders(draw):
    """Clients (some sharing a last name or a landline), each with one to three folders
    holding some of the client's own values plus our own and a common supplier's."""
    rng = random.Random(draw(st.integers(0, 10_000)))
    n = draw(st.integers(2, 9))
    ours = {"phone": "+31513612345", "iban": "NL20INGB0001234567", "kvk": "01234567"}
    supplier = {"iban": "NL91ABNA0417164300", "kvk": "87654321"}
    landlines = [f"+3120{rng.randrange(1000000, 9999999)}" for _ in range(3)]
    clients = []
    names = rng.sample([(f, la) for f in FIRST for la in LAST], n)  # two people, two names
    for i, (first, last) in enumerate(names):
        clients.append(
            {
                "name": f"{first} {last}",
                "phone": rng.choice(landlines) if rng.random() < 0.4 else f"+316{i:08d}",
                "email": f"{first.lower()}{i}@example.nl",
                "iban": f"NL{i:02d}RABO0{i:09d}",
                "postcode": rng.choice(["2331 VJ", "8441PB"]),  # neighbours in a street
            }
        )
    units, truth = [], []
    for index, client in enumerate(clients):
        for _ in range(rng.randint(1, 3)):
            p = Profile()
            p.add_name(client["name"] if rng.random() < 0.9 else None)
            for kind in ("phone", "email", "iban"):
                if rng.random() < 0.6:
                    p.add_key(kind, client[kind])
            if rng.random() < 0.6:
                p.add_address(client["postcode"], rng.choice([None, str(10 + index)]))
            for kind, value in {**ours, **(supplier if rng.random() < 0.5 else {})}.items():
                p.add_key(kind, value)  # the recurring values the rule must see through
            units.append(p)
            truth.append(index)
    order = draw(st.permutations(range(len(units))))
    return [units[i] for i in order], [truth[i] for i in order]


@given(binders())
@settings(max_examples=150, deadline=None)
def test_no_two_clients_are_ever_grouped_together(case) -> None:
    units, truth = case
    groups = group_units(units)
    for group in set(groups):
        members = {truth[i] for i, g in enumerate(groups) if g == group}
        assert len(members) == 1, members


@given(binders(), st.randoms(use_true_random=False))
@settings(max_examples=60, deadline=None)
def test_the_grouping_does_not_depend_on_the_order(case, rng) -> None:
    units, _truth = case
    order = list(range(len(units)))
    rng.shuffle(order)
    first = group_units(units)
    again = group_units([units[i] for i in order])
    together = {frozenset(i for i, g in enumerate(first) if g == x) for x in set(first)}
    shuffled = {frozenset(order[i] for i, g in enumerate(again) if g == x) for x in set(again)}
    assert together == shuffled
