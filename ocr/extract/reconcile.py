"""Reconciling the readings of several pages: misreadings merged, conflicts flagged.

One client's papers repeat the same values; OCR slips make near-copies of them ("r@home.nl"
for "hendriks.r@home.nl", one digit off in a phone number, "Umit" for "Ümit"). These are
folded into the value they were misread from. Clearly different values of a one-value
field (two clients on a page, a folder mixing clients) are flagged and made less sure.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from rapidfuzz import fuzz
from rapidfuzz.distance import Hamming, Levenshtein

from .company import in_firm_part
from .email import COMMON_TLDS, MAIL_PROVIDERS, PROVIDER_NAMES, ROLE_MAILBOXES, find_emails
from .labels import label_kind
from .model import SINGLE_VALUED, ExtractedClient, FieldValue
from .names import parse_person
from .text import (
    fold,
    look_alike,
    read_as,
    strip_accents,
    thin_lost,
    to_digits,
    two_for_one,
    unknown_letters,
)

# an address's local part in its words, separators and digits kept ("wim", "_", "postma",
# "49"): the words are what the client's names are held against
_LOCAL_PARTS = re.compile(r"([._+-]|\d+)")


def email_variant(weak: str, strong: str) -> bool:
    """Is weak a misreading of strong: the same address split or slipped by OCR?"""
    local, _, domain = weak.partition("@")
    s_local, _, s_domain = strong.partition("@")
    if fuzz.ratio(domain, s_domain) < 75:
        return False
    if fuzz.ratio(local, s_local) >= 80:
        return True
    if (
        s_local in ROLE_MAILBOXES
        and domain == s_domain
        and len(local) == len(s_local)
        and Hamming.distance(local, s_local) == 1
    ):
        return True  # a short mailbox a letter off ("infp@" beside the firm's "info@")
    tail = re.split(r"[._-]", s_local)[-1]
    if len(s_local) > len(local) and (
        s_local.endswith(local) or (len(local) <= 2 and len(tail) <= 2)
    ):
        # cut at a dot, or inside a word where OCR saw a gap ("vandi jk.u@", "f.mei jer@")
        return True
    # "ven9i@" for the "ven99" of "bulent_ven99@": the part after a split, misread
    return tail != s_local and len(local) >= 3 and fuzz.ratio(local, tail) >= 75


def reconcile_emails(out: ExtractedClient) -> None:
    """The client's e-mail addresses respelled from their names, then each address read
    several ways counted once (both held against the same names of the client); one read
    once that OCR may have slipped on in a way nothing settles is made less sure."""
    parts = _name_parts(out)
    firsts = _names_of(out, "first_name")
    surnames = set(parts) | _names_of(out, "last_name")
    _respell_emails_from_names(out, parts, firsts, surnames)
    _merge_email_variants(out, set(parts) | firsts)
    out.candidates["email"] = [fv for fv in out.all("email") if not _cut(fv)]
    initials = {f[0] for f in firsts}
    count = Counter(fv.value for fv in out.all("email"))
    # read once, such an address is made less sure: a suggestion, not the card's value
    out.candidates["email"] = [
        dataclasses.replace(fv, confidence=round(fv.confidence * 0.5, 3))
        if count[fv.value] == 1
        and (
            _letter_for_dot(fv.value, initials, surnames)
            or _slipped_name(fv.value, parts)
            or _name_cut(fv.value, firsts | surnames)
            or _near_provider(fv.value)
            or _name_before(fv, firsts | surnames)
            or _LETTER_AFTER_DIGITS.search(fv.value)
        )
        else fv
        for fv in out.all("email")
    ]


def _letter_for_dot(value: str, initials: set[str], surnames: set[str]) -> bool:
    """An initial and the client's surname with an i or l between them ("fiintveld@" of
    "f.intveld@"): the dot read as a letter, or a second initial; nothing tells which."""
    local = value.partition("@")[0]
    return local[:1] in initials and local[1:2] in ("i", "l") and local[2:] in surnames


def _near_provider(value: str) -> bool:
    """Is the domain a mail provider's misread past mending ("qmal.com" of "gmail.com": a
    letter for another and one lost)? The name before it was read as badly, likely."""
    domain = value.partition("@")[2]
    if domain.rpartition(".")[0] in PROVIDER_NAMES:
        return False  # a provider's own name under another country's domain ("hotmail.be")
    return any(
        len(p) >= 8 and Levenshtein.distance(domain, p, score_cutoff=2) <= 2 for p in MAIL_PROVIDERS
    )


# a letter after the digits that end a mailbox ("bram_wit9t@" of "bram_wit91@"): the
# last digit with a speck over it, or a letter; nothing tells which
_LETTER_AFTER_DIGITS = re.compile(r"[0-9][a-z]@")


def _name_before(fv: FieldValue, names: set[str]) -> bool:
    """Does a name of the client stand a gap before the address that holds none of it
    ("bulent ven64@" of "bulent_ven64@")? Its mark was lost: a dot, an underscore or a
    hyphen, nothing tells which. A firm's mailbox after a name is one ("Bakker info@")."""
    local = fv.value.partition("@")[0]
    before = fold(_word_before(fv)).replace(" ", "")
    return (
        len(before) >= 3 and before in names and before not in local and local not in ROLE_MAILBOXES
    )


def _name_cut(value: str, names: set[str]) -> bool:
    """Does the address start with the end of one of the client's names, two letters or
    more of it lost to a gap or the label ("Emails j oerd. graaf@" of Sjoerd's
    "sjoerd.graaf@", "jer79@" of "ruud_meijer79@")? One lost letter is put back
    (_first_letter_lost); more may be a name of its own."""
    chunk = _LOCAL_PARTS.split(value.partition("@")[0])[0]
    return (
        len(chunk) >= 3
        and chunk not in names
        and any(len(f) >= len(chunk) + 2 and f.endswith(chunk) for f in names)
    )


def _slipped_name(value: str, parts: Counter[str]) -> bool:
    """A word of the address a slip or two from one of the client's names that could not
    be respelled ("hoveniersbedrijfpos" of Hoveniersbedrijf Bos, "b" and "p" no pair OCR
    is known to mix up): OCR slipped on the address or on the name ("Gelik" for "Çelik"),
    and nothing tells which."""
    local, _, domain = value.partition("@")
    words = [c for c in _LOCAL_PARTS.split(local) if c.isalpha()]
    if domain not in MAIL_PROVIDERS:
        words.append(domain.rpartition(".")[0])
    return any(_near_name(word, parts) for word in words)


def _near_name(word: str, parts: Counter[str]) -> bool:
    """Is word not the client's name but one or two slips from it (two in a long name,
    three in a very long one)?
    An initial before or after the name ("jdeboer", "smitj") is no slip."""
    if len(word) < 4 or word in parts or word[1:] in parts or word[:-1] in parts:
        return False
    # a name's marks ("zn."), and "ij" written "y", are no slips but its own spelling
    names = {re.sub(r"[\W_]", "", p).replace("ij", "y") for p in parts}
    word = word.replace("ij", "y")
    if word in names or any(word[:k] in names and word[k:] in names for k in range(4, len(word))):
        return False  # names read apart, run together ("annemiekcelik" of Annemiek, Celik)
    # three in a firm's whole name run together ("inumerbedrijfsmit" of Timmerbedrijf Smit)
    most = 3 if len(word) >= _VERY_LONG else 2 if len(word) >= _LONG else 1
    if any(Levenshtein.distance(word, p, score_cutoff=most) <= most for p in names):
        return True
    # ... or after an initial, one letter for another ("leelik" of "l.celik": ".c" read as
    # "e"; "plwouters" is two initials), two in a long name ("akowalezsk" of "a.kowalczyk")
    rest = word[1:]
    slips = 2 if len(rest) >= 8 else 1
    return len(rest) >= 5 and any(
        len(p) == len(rest) and 0 < Hamming.distance(rest, p) <= slips for p in names
    )


def _merge_email_variants(out: ExtractedClient, names: set[str]) -> None:
    """One address read several ways counts once. A cut form ("r@home.nl" where OCR
    split "hendriks. r@home.nl", "linden43@" where it lost "umit_") is the whole one,
    however often it was cut; of two slips of each other ("frederiquel983@" and
    "frederique1983@") the one read most often wins, else the one whose top-level domain
    is a usual one, else the one at a mail provider ("home.nl", not "hofne.nl"), else the
    one whose parts are more of the client's names ("anna.hoekman@", not
    "anina.hoekman@"), else the one with its dots (OCR drops them, it does not invent
    them; one read in one piece before one put together across a gap; a dot, then an
    underscore, before a hyphen, which a smudged dot or a low underscore reads as), else
    the card's labelled one, else the longer."""
    readings = out.all("email")
    count = Counter(fv.value for fv in readings)
    rank: dict[str, tuple] = {}
    for fv in readings:
        local, _, domain = fv.value.partition("@")
        # a top-level domain OCR made up is a slip ("hetnet.anna": the next word glued on)
        usual = domain.rpartition(".")[2] in COMMON_TLDS
        # OCR makes a mail provider's name into none, not none into one ("hofne.nl")
        provider = domain in MAIL_PROVIDERS
        chunks = [*_LOCAL_PARTS.split(local), domain.rpartition(".")[0]]
        named = sum(chunk in names for chunk in chunks)
        dots = sum(c in "._-" for c in local)
        # read in one piece, not put together across a gap ("kees. bos71@" may as well
        # have been "kees_bos71@", its underscore low as a dot)
        printed = fv.raw.partition("@")[0].split()
        whole = bool(printed) and len(printed[-1]) >= len(local)
        here = (count[fv.value], usual, provider, named, dots, whole, local.count("."),
                -local.count("-"), fv.source == "label", len(fv.value), fv.confidence)  # fmt: skip
        rank[fv.value] = max(rank.get(fv.value, here), here)

    def better(strong: str, weak: str) -> bool:
        if strong == weak or not (
            email_variant(weak, strong) or _name_misread(weak, strong, names)
        ):
            return False
        # however often read, the form cut at a mark is the whole one: "vandijk@" read
        # twice beside "l.vandijk@" lost "l." twice
        if _cut_at_mark(strong, weak):
            return False
        if _cut_at_mark(weak, strong):
            return True
        return not email_variant(strong, weak) or rank[strong] > rank[weak]

    best_first = sorted(rank, key=rank.__getitem__, reverse=True)
    target: dict[str, str] = {}
    for weak in rank:
        strong = next((s for s in best_first if better(s, weak)), None)
        if strong:
            target[weak] = strong
    final: dict[str, str] = {}
    for weak in target:
        seen, value = {weak}, target[weak]
        while value in target and target[value] not in seen:  # a chain ends at its best
            seen.add(value)
            value = target[value]
        final[weak] = value
    _relabel(out, "email", final)


def _cut_at_mark(weak: str, strong: str) -> bool:
    """Is weak strong with what stood before a dot, underscore or hyphen cut off?"""
    local, _, domain = weak.partition("@")
    s_local, _, s_domain = strong.partition("@")
    head = s_local[: -len(local)]
    return domain == s_domain and s_local.endswith(local) and len(head) > 1 and head[-1] in "._-"


def _name_misread(weak: str, strong: str, names: set[str]) -> bool:
    """Is weak, in which no name of the client stands, strong's address of the client's
    name misread ("reelik@" of "r.celik@": ".c" read as "e"), two slips at most?"""
    local, _, domain = weak.partition("@")
    s_local, _, s_domain = strong.partition("@")
    named = [c for c in _LOCAL_PARTS.split(s_local) if len(c) >= 4 and c in names]
    return (
        domain == s_domain
        and len(local) >= 4
        and bool(named)
        and not any(c in names for c in _LOCAL_PARTS.split(local))
        and Levenshtein.distance(local, s_local, score_cutoff=2) <= 2
    )


def _cut(fv: FieldValue) -> bool:
    """Is this the end of an address whose start OCR lost, that no other reading gave
    back: a mailbox at a mail provider of one or two characters or with one letter at
    most ("7@kpnmail.nl", "e@live.nl", "a66@hotmail.com" of "priya1966@"), or a
    labelled value whose first word a gap cut off ("pieter celik78@": "pieter_",
    "pieter." or "pieter-", nothing tells which; "julia gras? O@": a mailbox of one or
    two at any domain)?"""
    local, _, domain = fv.value.partition("@")
    if domain in MAIL_PROVIDERS and (len(local) < 3 or sum(c.isalpha() for c in local) < 2):
        return True
    # the word before what was read as the address, unless a name put it back; one or two
    # letters may be a speck ("a dekker@"), a label is no part of it
    before = _word_before(fv) if fv.source == "label" else ""
    if len(local) < 3 and _a_word(before.rstrip("?!")):
        # a letter or two left of an address after words of it ("julia gras? O@ stall.
        # com"): whatever the domain, the mailbox is lost
        return True
    if not _a_word(before):
        return False
    return before not in local


def _word_before(fv: FieldValue) -> str:
    """The word a gap before the address in its raw reading (find_emails keeps it)."""
    return _raw_parts(fv)[0].strip(" .,")


def _raw_parts(fv: FieldValue) -> tuple[str, str]:
    """The raw reading cut where the address starts: what stands before it, and the
    address as printed."""
    read = find_emails(fv.raw)
    return (fv.raw[: read[0].start], fv.raw[read[0].start :]) if read else ("", "")


def _a_word(text: str) -> bool:
    """A word of three lower-case letters or more that is no label."""
    return len(text) >= 3 and text.isalpha() and text.islower() and not label_kind(text)


def _name_parts(out: ExtractedClient) -> Counter[str]:
    """How the client's names may stand in an e-mail address: every run of the words of a
    name run together ("frederiquedegroot", "degroot", "groot"), with how often read."""
    parts: Counter[str] = Counter()
    for field in ("name", "first_name", "last_name", "company"):
        for fv in out.all(field):
            words = fold(fv.value).split()
            for i in range(len(words)):
                for j in range(i + 1, len(words) + 1):
                    parts["".join(words[i:j])] += 1
    return Counter({p: n for p, n in parts.items() if len(p) >= 4})


# from this length a word with one letter too many or too few inside is one OCR slipped on
_LONG = 10
# from this length (a firm's whole name run together) that and one letter for another
_VERY_LONG = 16


def _respelled_local(chunk: str, parts: Counter[str]) -> str | None:
    """The name part an e-mail address's chunk is a misreading of: the same length, and
    every letter that differs one OCR takes for the other (one in a name of four letters:
    "smii" for "smit"), or one pair of letters read for one, or in a long name one letter
    too many or lost inside it (not at an end: "jansenbouwt" may be the firm's own pun);
    a whole name with an "l" or "i" after it, or two, is that name and the digit 1
    ("dekkerl", "huismani", "lindenll" for "dekker1", "huisman1", "linden11"). Of two
    such names, the one read more often."""
    if chunk in parts or len(chunk) < 4:
        return None
    stem = chunk.rstrip("lIi")
    if len(chunk) - len(stem) in (1, 2) and stem in parts:
        return stem + "1" * (len(chunk) - len(stem))
    respelled = [w for w in two_for_one(chunk) if w in parts]
    if len(chunk) >= _LONG:
        # a speck read as a letter, or a letter lost, inside a long word
        # ("timmherbedrijfmeijer", "timmerbedrifvisser"); not one letter for another: a
        # name OCR misreads the same way each time ("Gelik" for "Çelik") is no spelling
        respelled += _a_letter_more_or_less(chunk, parts, 1)
    if not respelled and len(chunk) >= _VERY_LONG:
        # two slips in a firm's name run together ("autohedrijfvanileeuwen",
        # "hoveniersbedrifbrotwer", "hoveniersbedrijdekdker"); "ij" written "y" is the
        # firm's own spelling
        twice = [
            p
            for p in [*_a_letter_more_or_less(chunk, parts, 2), *_a_letter_moved(chunk, parts)]
            if p.replace("ij", "y") != chunk.replace("ij", "y")
        ]
        respelled += twice if len(twice) == 1 else []
    if not respelled and len(chunk) >= _LONG:
        # one letter for another inside a firm word, which is no name OCR misreads the
        # same way each time ("looddietersbedrijfozturk")
        respelled += [
            p
            for p in parts
            if len(p) == len(chunk)
            and Hamming.distance(chunk, p, score_cutoff=1) == 1
            and in_firm_part(
                p, next(i for i, (a, b) in enumerate(zip(chunk, p, strict=True)) if a != b)
            )
        ]
    if respelled:
        return respelled[0]
    near = [p for p in parts if look_alike(p, chunk, 2 if len(chunk) > 4 else 1)]
    # the name as read most often ("kowalczyk", not the signature's "kowalezyk")
    near.sort(key=parts.__getitem__, reverse=True)
    if len(near) == 1 or (near and parts[near[0]] > parts[near[1]]):
        return near[0]
    return None


def _a_letter_more_or_less(chunk: str, parts: Counter[str], slips: int) -> list[str]:
    """The name parts one letter longer or shorter than chunk, with its first and last
    letter, that are that many slips from it."""
    return [
        p
        for p in parts
        if abs(len(p) - len(chunk)) == 1
        and p[0] == chunk[0]
        and p[-1] == chunk[-1]
        and p.isascii()
        and p.isalnum()
        and Levenshtein.distance(chunk, p, score_cutoff=slips) == slips
    ]


def _a_letter_moved(chunk: str, parts: Counter[str]) -> list[str]:
    """The name parts of chunk's length, with its first and last letter, that OCR read
    with a letter lost and one more elsewhere ("hoveniersbedrijdekdker" of
    "hoveniersbedrijfdekker"); not two letters read for others: so differs a name OCR
    misreads the same way each time ("Gelik" for "Çelik")."""
    return [
        p
        for p in parts
        if len(p) == len(chunk)
        and p[0] == chunk[0]
        and p[-1] == chunk[-1]
        and p.isascii()
        and p.isalnum()
        and Levenshtein.distance(chunk, p, score_cutoff=2) == 2
        and Hamming.distance(chunk, p) > 2
    ]


def _first_letter_lost(chunk: str, names: set[str], numbered: bool = False) -> str | None:
    """The client's name whose first letter OCR lost at the start of an address (a speck
    or the label took it: "E-mail: Ss ekker.s@" of "dekker.s@"); a short one only before
    a number (a form's line took the t of "tim1993@")."""
    if len(chunk) < (2 if numbered else 4) or chunk in names:
        return None
    whole = [n for n in names if len(n) == len(chunk) + 1 and n.endswith(chunk)]
    return whole[0] if len(whole) == 1 else None


_YEAR = re.compile(r"(?:19|20)[0-9]{2}")


def _one_after_name(
    chunk: str, after: str, names: set[str], speck: bool, parts: Counter[str]
) -> str | None:
    """The digit 1 of a number after the client's name, read as a letter ("weil963@" and
    "weit 964@" of "wei1963@", a name too short to be respelled as a whole); before a
    whole year, or where the address was read elsewhere without it (speck), the letter
    is a speck ("fatimal1978@" of "fatima1978@", "grootl17@" beside "groot17@"). The
    first digits of a year read as letters that look like them after the client's name,
    the name itself misread too ("annaig72@", "arinal972@" of "anna1972@")."""
    if not after.isdigit():
        return None
    if chunk[-1:] in ("l", "I", "i", "t", "|") and chunk[:-1] in names:
        return chunk[:-1] if _YEAR.fullmatch(after) or speck else f"{chunk[:-1]}1"
    for k in (1, 2):
        stem, digits = chunk[:-k], to_digits(chunk[-k:])
        if len(stem) >= 3 and digits.isdigit() and _YEAR.fullmatch(digits + after):
            name = stem if stem in names else _respelled_local(stem, parts)
            if name in names:
                return f"{name}{digits}"
    return None


def _between_marks(chunks: list[str], i: int) -> bool:
    return chunks[i - 1 : i] in ([], [""]) and chunks[i + 1 : i + 2] in ([], [""])


def _thin_letter_lost(chunk: str, firsts: set[str], surnames: set[str]) -> str | None:
    """The client's first name with a thin letter lost, beside their surname ("tm_brink65@"
    of Tim ten Brink: the i beside the m); an initial stays one, a name too."""
    if len(chunk) < 2 or chunk in firsts or chunk in surnames:
        return None
    whole = [f for f in firsts if thin_lost(chunk, f)]
    return whole[0] if len(whole) == 1 else None


def _respelled_initial(chunk: str, firsts: set[str], alone: bool = True) -> str | None:
    """The initial of the client's first name, beside their surname, read as a letter OCR
    takes for it ("brouwer.i@" and "visser.1@" of Lucas, "visser.v@" of Ümit)."""
    initials = {f[0] for f in firsts}
    if len(chunk) != 1 or not alone or chunk in initials:
        return None
    alike = [i for i in initials if look_alike(i, chunk)]
    return alike[0] if len(alike) == 1 else None


def _names_of(out: ExtractedClient, field: str) -> set[str]:
    """The client's first or last names as they may stand in an address ("wim",
    "janwillem", "bos"; "intveld" of "in 't Veld" is a run of _name_parts)."""
    return {fold(fv.value).replace(" ", "") for fv in out.all(field)} - {""}


# "l.ozturk@" read as one capital: "Lozturk@"
_DOT_AS_CAPITAL = re.compile(r"(?:^|\s)L[a-z0-9]+\s?[@©®]")
# the dot between an initial and the surname read as a tall mark: "tLdekker@" of
# "t.dekker@" (a capital in a lower-case address is no letter of it)
_DOT_AS_TALL = re.compile(r"(?:^|\s)([a-z])[LI|]([a-z]{3,})\s?[@©®]")
# a label's capital glued before the initial: "El.prins@" of "E l.prins@"
_LABEL_GLUED = re.compile(r"(?:^|\s)([A-Z])([a-z])\.([a-z]{3,})\s?[@©®]")
# printed addresses are lower case; a capital word before one is a label ("E", "Mail"),
# though an initial may be glued to the label "E" ("Es vandeven@" of "E s.vandeven@")
_GAP_BEFORE = re.compile(r"^(?:E(?=[a-z][.,]? ))?([a-z]+)[.,]? „?(\S+?)\s?[@©®]")
# a year or number after a name, cut off by gaps, its 1 read as an l ("jeroen l 964 @")
_NUMBER_AFTER_GAP = re.compile(r"^([a-z]+) [lI|1]?\s?[0-9][0-9 ]*[@©®]")


def _lost_first_part(
    fv: FieldValue, firsts: set[str], surnames: set[str], read: set[str]
) -> str | None:
    """The address with the first name or initial put back that OCR lost before its dot
    ("lucas.jansen@" read as "cas jansen@", "j.vandenberg@" as "j vandenberg@": the dot
    a gap; "l.ozturk@" as "Lozturk@"; "j.mulder@" as "j-mulder@", a smudged dot; the dot
    read as a capital, "tLdekker@" of "t.dekker@"; a label's capital glued before it,
    "El.prins@"; the label "E" glued on before their name, "Egerrit1995@"): only
    where the rest is the client's surname and what was lost is their first name, its
    end or its initial. A number after the client's name cut off by gaps is joined
    again ("jeroen l 964 @" -> "jeroen1964@"). What a gap stood for is a dot, unless the
    address is read elsewhere in the folder with another mark there, or none."""
    local, _, domain = fv.value.partition("@")
    tall = _DOT_AS_TALL.search(fv.raw)
    if (
        tall
        and (local[:1], local[2:]) == (tall[1], tall[2])
        and tall[2] in surnames
        and any(f.startswith(tall[1]) for f in firsts)
    ):
        return f"{tall[1]}.{tall[2]}@{domain}"
    glued = _LABEL_GLUED.search(fv.raw)
    if (
        glued
        and local == f"{glued[1].lower()}{glued[2]}.{glued[3]}"
        and glued[3] in surnames
        and any(f.startswith(glued[2]) for f in firsts)
        and not any(f.startswith(glued[1].lower()) for f in firsts)  # not a second initial
    ):
        return f"{glued[2]}.{glued[3]}@{domain}"
    rest = local[1:].lstrip("-")
    if (
        _LOCAL_PARTS.split(rest)[0] in firsts | surnames
        and not any(f.startswith("e") for f in firsts)  # not their initial
        and _raw_parts(fv)[1][:1] == "E"
    ):
        return f"{rest}@{domain}"
    capital = _DOT_AS_CAPITAL.search(fv.raw) and local[1:] in surnames
    # "l." read as one capital L, or "i.": its dot the L's foot ("Lyilmaz@" of Ingrid)
    initial = next((i for i in "li" if capital and any(f.startswith(i) for f in firsts)), None)
    if initial:
        return f"{initial}.{local[1:]}@{domain}"
    hyphen = local[1:2] == "-" and local[2:] in surnames
    if hyphen and any(f[0] == local[0] for f in firsts):
        return f"{local[0]}.{local[2:]}@{domain}"
    number = _NUMBER_AFTER_GAP.match(fv.raw)
    digits = re.sub(r"^[lI|]", "1", local)
    if number and digits.isdigit() and number.group(1).casefold() in firsts | surnames:
        return f"{number.group(1).casefold()}{digits}@{domain}"
    gap = _GAP_BEFORE.match(fv.raw)
    # the local part still as read after the gap: not one put back already (the import
    # reconciles a client's units' readings once more, pooled)
    if not gap or local not in surnames or fold(gap.group(2)) != local:
        return None
    before = gap.group(1).casefold()
    if len(before) == 1:
        first = before if any(f[0] == before for f in firsts) else None
    else:
        whole = [f for f in firsts if len(before) >= 3 and f.endswith(before)]
        first = whole[0] if len(whole) == 1 else None
    if first is None:
        return None
    joined = [f"{first}{mark}{local}@{domain}" for mark in (".", "_", "-", "")]
    return next((j for j in joined if j in read), joined[0])


def _respell_emails_from_names(
    out: ExtractedClient, parts: Counter[str], firsts: set[str], surnames: set[str]
) -> None:
    """OCR misreads a letter of an e-mail address as another ("frederiguedegroot@",
    "@hoveniersbedrijfvas.com"), and nothing in the address tells; the client's name or
    firm, read elsewhere, does."""
    target: dict[str, str] = {}
    read = {fv.value for fv in out.all("email")}
    for fv in out.all("email"):
        whole = _lost_first_part(fv, firsts, surnames, read)
        local, _, domain = (whole or fv.value).partition("@")
        chunks = _LOCAL_PARTS.split(local)
        respelled = [
            _one_after_name(
                c, after, firsts | surnames, _read_without(chunks, i, domain, read), parts
            )
            or _respelled_local(c, parts)
            or c
            for i, (c, after) in enumerate(zip(chunks, [*chunks[1:], ""], strict=True))
        ]
        numbered = chunks[1:2] != [] and chunks[1].isdigit()
        respelled[0] = _first_letter_lost(respelled[0], surnames | firsts, numbered) or respelled[0]
        if any(c in surnames for c in chunks):
            # a lone "1" between dots is a letter, not "bos1"'s number
            respelled = [
                _respelled_initial(c, firsts, c.isalpha() or _between_marks(respelled, i))
                or _thin_letter_lost(c, firsts, surnames)
                or c
                for i, c in enumerate(respelled)
            ]
        # ... and of a firm's domain ("hoveniersbedrijfvas.com" of Hoveniersbedrijf Vos)
        name, dot, tld = domain.rpartition(".")
        firm = _respelled_local(name, parts) or name
        if whole or respelled != chunks or firm != name:
            target[fv.value] = f"{''.join(respelled)}@{firm}{dot}{tld}"
    _relabel(out, "email", target)


def _read_without(chunks: list[str], i: int, domain: str, read: set[str]) -> bool:
    """Was the address read elsewhere without the last letter of its i-th chunk?"""
    local = "".join([*chunks[:i], chunks[i][:-1], *chunks[i + 1 :]])
    return f"{local}@{domain}" in read


def merge_name_spacing(out: ExtractedClient) -> None:
    """OCR loses the space between two words ("Evade Wit" for "Eva de Wit") and does not
    add one: of name readings the same but for their spaces, the one of most words, and
    the first name and surname read with the others count for its."""
    by_letters: dict[str, list[str]] = {}
    for fv in out.all("name"):
        by_letters.setdefault(fold(fv.value).replace(" ", ""), []).append(fv.value)
    target: dict[str, str] = {}
    for values in by_letters.values():
        best = max(values, key=lambda v: len(v.split()))
        target.update({v: best for v in values if len(v.split()) < len(best.split())})
    _relabel(out, "name", target)
    for part in ("first_name", "last_name"):
        spelled = {}
        for weak, strong in target.items():
            was, meant = parse_person(weak), parse_person(strong)
            if was and meant and getattr(was, part) and getattr(meant, part):
                spelled[getattr(was, part)] = getattr(meant, part)
        _relabel(out, part, spelled)


def unswap_names(out: ExtractedClient) -> None:
    """A speck read as a comma after a first name ("Lotte, Müller" heading a letter) makes
    it a folder tab's "Surname, First name"; where the client signs or is addressed by
    the same two words the other way round, without a comma ("Lotte Müller"), that is
    the name. Not a folder tab's own comma."""
    plain = {
        fv.value
        for fv in out.all("name")
        if "," not in fv.raw and fv.zone in ("signature", "address-block", "letterhead")
    }
    target: dict[str, str] = {}
    for fv in out.all("name"):
        words = fv.value.split()
        swapped = " ".join(reversed(words))
        if "," in fv.raw and fv.source != "folder" and len(words) == 2 and swapped in plain:
            target[fv.value] = swapped
    if not target:
        return
    _relabel(out, "name", target)
    for weak, strong in target.items():
        (first, last), (meant_first, meant_last) = weak.split(), strong.split()
        _relabel(out, "first_name", {first: meant_first})
        _relabel(out, "last_name", {last: meant_last})


def _respelled(word: str, spelled: dict[str, str], typed: dict[str, str]) -> str:
    known = spelled.get(fold(word))
    # only accents may differ ("Umit"/"Ümit"): not case ("De"/"de"), not punctuation
    if known and known != word and strip_accents(known) == strip_accents(word):
        return known
    # a letter the model does not know, typed on the tab ("Gelik" read of "Çelik")
    for pattern, written in typed.items():
        if read_as(pattern, fold(word)) and word[:1].isupper() == written[:1].isupper():
            return written
    return word


_PERSON = ("name", "first_name", "last_name")


def respell_accents(out: ExtractedClient, folder_name: str | None) -> None:
    """OCR often drops accents ("Umit" for "Ümit", "Anais" for "Anaïs") and seldom adds
    one: a word of a name read elsewhere in the folder with its accents gives the
    spelling back to its readings without them, and a word of the typed folder tab to
    the name and company readings (also where the model read another letter for one it
    does not know: "Gelik" of the tab's "Çelik"). Two spellings with different accents
    ("Chloé" and "Chloë", both read) give nothing back."""
    read: dict[str, set[str]] = {}
    for name in _PERSON:
        for fv in out.all(name):
            for word in fv.value.split(" "):
                if strip_accents(word) != word:
                    read.setdefault(fold(word), set()).add(word)
    spelled = {key: words.pop() for key, words in read.items() if len(words) == 1}
    tab = re.findall(r"[^\W\d_][\w'-]*", folder_name or "")
    typed = {fold(w): w for w in tab}
    unknown = {unknown_letters(w): w for w in tab if unknown_letters(w) != fold(w)}
    for name in (*_PERSON, "company"):
        words = {**spelled, **typed} if name in _PERSON else typed
        if words:
            out.candidates[name] = [
                dataclasses.replace(
                    fv,
                    value=" ".join(_respelled(w, words, unknown) for w in fv.value.split(" ")),
                )
                for fv in out.all(name)
            ]
    for name in [n for n, readings in out.candidates.items() if not readings]:
        del out.candidates[name]


def _relabel(out: ExtractedClient, name: str, target: dict[str, str]) -> None:
    """Readings of a misread value count for the value they were misread from."""
    if target:
        out.candidates[name] = [
            dataclasses.replace(fv, value=target.get(fv.value, fv.value)) for fv in out.all(name)
        ]


# how much surer Tesseract must have been of one of two numbers read once each, one digit
# apart, to take it for the other's reading ("309438" at 96, "300438" at 58)
_SURER = 0.25
# how unsure Tesseract must have been of a number read once to take it for a number read
# several times two digits away from it
_UNSURE = 0.5


def _dutch(strong: str, weak: str) -> bool:
    """Is weak strong's Dutch number with its country code misread ("0034 70 3720789"
    beside "0031 70 3720789"): our clients are Dutch, their numbers mostly too."""
    return strong.startswith("+31") and strong[3:] == weak[3:]


def merge_phone_slips(out: ExtractedClient) -> None:
    """A number read once that is one digit off a number read several times is that
    number misread, not a second line (which would have been read as often); of two
    such numbers read once each, the one Tesseract was unsure of is the other misread
    when Tesseract was sure of the other, and a foreign one is the Dutch one misread
    when they differ in the country code only. Two digits off a number read several
    times, a number read once is that number misread only when Tesseract was unsure of
    it."""
    readings = out.all("phone")
    count: Counter[str] = Counter(fv.value for fv in readings)
    sure = _surest(readings)
    target: dict[str, str] = {}
    for weak, n in count.items():
        if n != 1:
            continue
        for strong, m in count.items():
            if strong == weak or len(strong) != len(weak):
                continue
            off = Hamming.distance(strong, weak)
            if off > 2:
                continue
            if off == 2:
                # two digits: only when Tesseract was unsure of them ("(0708920512")
                misread = m >= 2 and sure[weak] < _UNSURE
            else:
                surer = sure[strong] - sure[weak] >= _SURER
                misread = m >= 2 or (m == 1 and (surer or _dutch(strong, weak)))
            if misread:
                target[weak] = strong
                break
    _relabel(out, "phone", target)


def merge_registry_slips(out: ExtractedClient) -> None:
    """Of two KvK numbers one digit apart in a folder, one is the other misread (a client
    has one; "10752781" in a letter's footer beside "10152781" on the card made the
    field ambiguous and left the card without): the one read more often stands, or of two
    read as often the one read under a card's label, or the one Tesseract was surer of;
    not where the card says one and Tesseract's sureness the other (on held-out folders
    either was the misread one), and a card's reading OCR mended ("…862" made "…B62") is
    no card's against one read as printed. Two digits apart, only the one read more often
    or on the card, and surely.
    Otherwise both stay, and the field is ambiguous. Likewise two btw-ids a digit apart:
    their nine digits have a checksum that no one digit passes, so the digit is the
    unchecked one after the B ("NL541402183B04" in a letter beside the card's "…B01")."""
    for name in ("kvk", "btw"):
        _merge_slips(out, name)


# a postcode's letters as printed in a reading ("4825 Pe", "2327-WL Leiden")
_PRINTED_LETTERS = re.compile(r"[0-9]{4}[,-]?\s?([A-Za-z]{2})")


def merge_postcode_slips(out: ExtractedClient) -> None:
    """A postcode read with a small letter ("4825 Pe": printed postcodes are capitals, so
    a letter was misread) beside the same digits read in capitals with one letter else
    ("4825 PC" on our invoice) is that one misread: the card held a postcode no one has,
    an address of its own. Every reading of it must have the small letter there."""
    readings = out.all("postcode")
    if len(readings) < 2:
        return
    small: dict[str, set[int]] = {}  # value -> where its readings had a small letter
    capitals = set()
    for fv in readings:
        printed = _PRINTED_LETTERS.search(fv.raw or "")
        letters = printed.group(1) if printed else ""
        at = {i for i, c in enumerate(letters) if c.islower()}
        if at:
            small.setdefault(fv.value, set()).update(at)
        else:
            capitals.add(fv.value)
    target = {}
    for weak, at in small.items():
        if weak in capitals or len(at) != 1:
            continue
        i = 5 + at.pop()  # "4825 PE": the letters from the sixth character
        strong = [
            v
            for v in capitals
            if v[:5] == weak[:5] and v[:i] + v[i + 1 :] == weak[:i] + weak[i + 1 :]
        ]
        if len(strong) == 1:
            target[weak] = strong[0]
    _relabel(out, "postcode", target)
    if target:
        out.addresses[:] = [
            dataclasses.replace(a, postcode=target.get(a.postcode, a.postcode))
            for a in out.addresses
        ]


def _merge_slips(out: ExtractedClient, name: str) -> None:
    readings = out.all(name)
    count: Counter[str] = Counter(fv.value for fv in readings)
    on_card = {fv.value for fv in readings if fv.party == "card"}
    printed = {fv.value for fv in readings if _as_printed(fv)}
    # a card's reading OCR mended ("…862" made "…B62") stands no more than another
    mended = on_card - {fv.value for fv in readings if fv.party == "card" and _as_printed(fv)}

    def card_over(a: str, b: str) -> bool:
        return a in on_card and b not in on_card and not (a in mended and b in printed)

    sure = _surest(readings)
    target: dict[str, str] = {}
    for weak, n in count.items():
        for strong, m in count.items():
            off = Hamming.distance(strong, weak)
            if strong == weak or off > 2:
                continue
            card = card_over(strong, weak)
            surer = sure[strong] - sure[weak] >= _SURER
            unsure = sure[weak] - sure[strong] >= _SURER
            # where the card says one and Tesseract's sureness the other, nothing tells
            # (a letter's KvK number misread and read surer than the card's; elsewhere
            # the card's misread): both stay. Before, both rules at once swapped them.
            one = m > n or (
                m == n and ((card and not unsure) or (surer and not card_over(weak, strong)))
            )
            # two digits: only where Tesseract was unsure of them too (a footer's
            # "57749707" beside the card's "57749765"; two numbers of two firms are
            # hardly ever so alike, one read that badly often)
            two = (m > n or card) and surer
            if one if off == 1 else two:
                target[weak] = strong
                break
    _relabel(out, name, target)


def _as_printed(fv: FieldValue) -> bool:
    """Was the number read as printed, no letter taken for a digit ("NL 0044.95.445.B01")?"""
    read = re.sub(r"[\s.:-]", "", fv.raw or "").upper()
    return fv.value.endswith(read) and len(fv.value) - len(read) <= 2


def _surest(readings: list[FieldValue]) -> dict[str, float]:
    """Per value how sure Tesseract was of its least sure word, in its surest reading."""
    sure: dict[str, float] = {}
    for fv in readings:
        sure[fv.value] = max(sure.get(fv.value, 0.0), fv.least_sure)
    return sure


def mark_ambiguous(out: ExtractedClient) -> None:
    """Two clearly different values of a one-value field (two clients on a page, a
    folder mixing clients): flag the field and halve the confidence of all readings."""
    for name in SINGLE_VALUED:
        values = out.values(name)
        if len(values) < 2:
            continue
        first, second = values[0], values[1]
        if second.confidence < 0.7 * first.confidence:
            continue
        if name not in ("iban", "kvk", "btw", "client_since") and (
            fuzz.ratio(fold(first.value), fold(second.value)) >= 75
            or fuzz.token_set_ratio(fold(first.value), fold(second.value)) >= 90
        ):
            continue  # the same value read twice with an OCR slip or a stray word
        out.ambiguous.add(name)
        out.candidates[name] = [
            dataclasses.replace(f, confidence=round(f.confidence * 0.5, 3))
            for f in out.candidates[name]
        ]
