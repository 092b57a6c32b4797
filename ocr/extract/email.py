"""E-mail addresses, tolerant of the spaces OCR puts around '@' and dots."""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from rapidfuzz.distance import Levenshtein

from .hits import Hit
from .labels import label_kind
from .text import look_alike, thin_lost, two_for_one

# Mail providers many clients share: their domain never marks an address as ours
# (importing.detection), and a domain one letter away from one of them is that one misread.
MAIL_PROVIDERS = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.nl",
        "outlook.com",
        "outlook.nl",
        "live.nl",
        "live.com",
        "msn.com",
        "icloud.com",
        "me.com",
        "yahoo.com",
        "yahoo.nl",
        "ziggo.nl",
        "kpnmail.nl",
        "kpnplanet.nl",
        "planet.nl",
        "home.nl",
        "xs4all.nl",
        "hetnet.nl",
        "casema.nl",
        "chello.nl",
        "upcmail.nl",
        "quicknet.nl",
        "zeelandnet.nl",
        "telfort.nl",
        "tele2.nl",
        "online.nl",
        "gmx.net",
        "gmx.de",
        "web.de",
        "proton.me",
        "protonmail.com",
    ]
)
# a provider's domain with its dot lost ("@outlookcom"); not the shortest ("@webde")
_GLUED_PROVIDERS = {p.replace(".", ""): p for p in MAIL_PROVIDERS if p.index(".") >= 4}

_EMAIL = re.compile(
    # OCR may put a space after a dot in the name ("priya. kowalczyk@"), or before the
    # digits at its end ("bram 1987@": an address is no bare number): not after a label;
    # a hyphen before it is a speck ("-ozturk.f@"), unless it joins a word on
    # (a word, not a number: "(073) 2328514. Einfo@" is a phone number beside "E info@")
    r"(?<![\w.@])(?<![\w.@]-)((?:(?!(?:e-?mail|mail)[._ ])(?:[a-z][a-z0-9%+'-]*[._] -?"
    # or before the separator ("anna _jansen9@", "anna -jansen9@" of "anna_jansen9@")
    r"|[a-z][a-z0-9%+']* [._-](?=[a-z])"
    r"|[a-z][a-z0-9._%+'-]* (?=(?:[0-9]+|[A-Za-z])\s?[@©®])))?"
    r"[A-Za-z0-9][A-Za-z0-9._%+'-]*)\s?[@©®]\s?"
    # scanner dust after the end ("….nl_-") is no part of it; a word with a dot after it
    # is the next address ("anna.p@hetnet. anna.p@hetnet.nl": read twice), no top level
    r"((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\s?\.\s?)+[A-Za-z]{2,12}"
    # a gap OCR saw inside a firm's name, in lower case ("timmerbedri jfvanderlinden.nl")
    r"|[a-z0-9][a-z0-9-]+ [a-z][a-z0-9-]+\.[a-z]{2,12}"
    # a mail provider's dot lost, read as nothing or as a gap ("hetnetnl", "hetnet nl")
    + "|"
    + "|".join(sorted(_GLUED_PROVIDERS, key=len, reverse=True))
    + "|"
    + "|".join(
        re.escape(p).replace(r"\.", " ")
        for p in sorted(_GLUED_PROVIDERS.values(), key=len, reverse=True)
    )
    + ")"
    r"(?![A-Za-z0-9@]|\.[A-Za-z0-9])"
)
# the line of a form the address is written on ("E-mail: ______fleur1999@"), or a speck
# read as one before it ("Email: _administratie@", a hyphen too: "-_ingrid2000@"; not after
# a word of the address: "anna _jansen9@"): no address has three underscores in a row, or
# starts with one
_FORM_LINE = re.compile(r"_{3,}|(?:^|(?<=[\s:])(?<![a-z0-9]\s))-?_+(?=[A-Za-z0-9])")
_GLUED_LABEL = re.compile(r"^.*?\be-?mail[-._:]+", re.IGNORECASE)
# the dot before the top-level domain read as a comma or colon ("kliniek:nl")
_MISREAD_DOT = re.compile(r"(?<=[A-Za-z0-9])[,:](?=(?:nl|com|net|org|be|de|eu)(?![A-Za-z0-9]))")
# ... or a dot in the name ("tenbrink:e@", with a gap before it "youssef ,vandijk@"), not
# a label's colon ("E-mailadres:info@")
_MISREAD_LOCAL_DOT = re.compile(r"(?<=[a-z])(\s?)[,:](?=[a-z0-9][a-z0-9._%+-]*\s?[@©®])")
_WORD_END = re.compile(r"[A-Za-z0-9._-]*$")
# the l of ".nl" read as a bracket, bar or one ("meijer.n]")
_MISREAD_L = re.compile(r"(?<=[A-Za-z0-9]\.n)[\]\[|!1I)](?![A-Za-z0-9])")
# the 1 of digits that end the name read as a bracket ("gaelle_hoekman [7 @" of ...17@)
_BRACKET_ONE = re.compile(r"(?<=\s)[\[\]](?=[0-9]*\s?[@©®])")
# a capital before a firm's mailbox, a mark after it or none ("Einfo@", "E-contact@"),
# not the label itself ("E-mail @ meijeradvies.nl": its address lost)
_CAPITAL_GLUED = re.compile(r"(?!E-?mail$)[A-Z][-:.]?([a-z]+)")
# a table's rule before a word ("|jdeboer@", after a form's line: "_|lotte1972@"), not an l
_RULE_BEFORE = re.compile(r"(?:(?<=[\s_])|^)\|(?=[a-z])")


# two-letter top-level domains are countries' (ISO 3166, as phonenumbers knows them)
_COUNTRY_TLDS = frozenset(r.lower() for r in phonenumbers.SUPPORTED_REGIONS) | {"uk", "eu"}
COMMON_TLDS = frozenset(
    [
        "nl",
        "com",
        "net",
        "org",
        "be",
        "de",
        "eu",
        "info",
        "biz",
        "uk",
        "fr",
        "es",
        "it",
        "at",
        "ch",
        "lu",
        "dk",
        "se",
        "no",
        "fi",
        "pl",
        "cz",
        "pt",
        "ie",
        "us",
        "ca",
        "au",
        "io",
        "co",
        "me",
        "tv",
        "online",
        "shop",
        "nu",
        "frl",
        "amsterdam",
    ]
)


def _ascii_same_length(text: str) -> str:
    """'é' -> 'e', '|' and '!' -> 'l', '„' -> '.' one for one (addresses are ASCII;
    offsets must not move)."""
    out = []
    for c in text:
        plain = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
        out.append(plain if len(plain) == 1 else c)
    # a 1 or l read as a bar or "!" ("julia! 990@"), but a bar before a word is a table's
    # rule ("|jdeboer@"); „ and ‚: a dot on the line ("umit‚hoekman@"), or after no word
    # an opening quote
    plain = _RULE_BEFORE.sub(" ", "".join(out))
    plain = re.sub(r"(?<![A-Za-z0-9])[„‚]", " ", plain)
    return plain.replace("|", "l").replace("!", "l").replace("„", ".").replace("‚", ".")


# a name, a gap and one letter before the @ ("willems f@"): the dot before an initial,
# small enough to be lost (an underscore or a hyphen is read); not a firm's mailbox read
# apart ("inf o@")
_INITIAL_AFTER_GAP = re.compile(r"^([a-z]{2,}) ([a-z])$")


def _dot_for_gap(match: re.Match[str]) -> str:
    joined = match[1] + match[2]
    return joined if joined in ROLE_MAILBOXES else f"{match[1]}.{match[2]}"


def _dot_in_name(match: re.Match[str]) -> str:
    word = _WORD_END.search(match.string, 0, match.start()).group()
    return match.group() if "mail" in word.lower() or label_kind(word) else match[1] + "."


def find_emails(text: str) -> list[Hit]:
    if not any(at in text for at in "@©®"):
        return []
    hits = []
    plain = _MISREAD_DOT.sub(".", _MISREAD_LOCAL_DOT.sub(_dot_in_name, _ascii_same_length(text)))
    plain = _BRACKET_ONE.sub("1", _MISREAD_L.sub("l", plain))
    plain = _FORM_LINE.sub(lambda m: " " * len(m.group()), plain)
    for match in _EMAIL.finditer(plain):
        local = re.sub(r"\s", "", _INITIAL_AFTER_GAP.sub(_dot_for_gap, match.group(1))).strip(".")
        # a label glued on ("1826.e-mail-info@"): the address starts after it
        local = _GLUED_LABEL.sub("", local) or local
        glued = _CAPITAL_GLUED.fullmatch(local)
        if glued and glued[1] in ROLE_MAILBOXES:
            # the label "E" glued on ("Einfo@", "E-contact@"), or a table's rule read as
            # a capital ("Linfo@"): printed addresses are lower case
            local = glued[1]
        local = re.sub(r"(?<=[0-9])[lIL](?=[0-9]|$)", "1", local)  # "vries3l": a 1 among digits
        local = re.sub(r"(?<=[0-9])[sS]$", "5", local)  # ... and a 5 read as s ("wouters5s")
        local = re.sub(r"(?<=[0-9])\.(?=[0-9])", "", local)  # a speck ("gaelle1.978@")
        # addresses are printed in lower case: a capital S or O before a digit is one
        # ("lotte_venS6@" of "lotte_ven56@")
        local = re.sub(r"[SO](?=[0-9])", lambda m: "5" if m.group() == "S" else "0", local)
        # ... and a zero between letters is an o ("z0e1999@" of "zoe1999@")
        local = re.sub(r"(?<=[A-Za-z])0(?=[A-Za-z])", "o", local)
        # no address has two marks in a row: one is a speck, most likely a hyphen's
        # ("emma_ -hof15@")
        local = re.sub(r"[._-]{2,}", lambda m: (m.group().replace("-", "") or "-")[0], local)
        domain = re.sub(r"\s", "", match.group(2)).strip(".").lower()
        domain = _GLUED_PROVIDERS.get(domain, domain)
        if not local or "." not in domain or ".." in domain:
            continue
        if local[-1] in "-_" and local[-2:-1].isdigit():
            local = local[:-1]  # a speck after the digits that end it ("ven61-@")
        elif local[-1] in "-_":
            continue  # what stood after the mark was lost ("dewit-@" of "dewit.t@")
        gap = plain[match.end(1) : match.end(1) + 1].isspace()
        if local.lower() == "e-mail" or (local.lower() == "email" and (gap or local[0] == "E")):
            continue  # the label, its address lost ("e-mail" over "@ meijeradvies.nl")
        labels = domain.split(".")
        if "www" in labels[1:]:  # "….nl. www.bouw.nl": the web address after a gap
            labels = labels[: labels.index("www", 1)]
            domain = ".".join(labels)
        if labels[-1] not in COMMON_TLDS and len(labels) > 2 and labels[-2] in COMMON_TLDS:
            domain = ".".join(labels[:-1])  # "hotmail.com.oe": scanner dust after the address
        name, _, tld = domain.rpartition(".")
        if not tld.isalpha() or all(len(label) == 1 for label in name.split(".")):
            continue  # "advies © V.O.F. in": a legal form is no domain
        domain = f"{name}.{_tld_misread(tld) or tld}"
        local = local.lower()
        domain = provider_misread(domain) or domain
        tld = domain.rpartition(".")[2]
        if len(tld) == 2 and tld not in _COUNTRY_TLDS:
            continue  # no country has it ("hotsmraschiiderwerken.ri"): misread past mending
        if _provider_with_strange_tld(domain):
            continue  # "hotmail.ecen": misread past mending
        value = f"{_role_misread(local) or local}@{domain}"
        # the word before, one gap away, stays in the raw reading: it may be the part of
        # the address before a dot OCR saw as a gap ("j vandenberg@"), which only the
        # client's name can tell (ocr.extract.reconcile)
        before = _WORD_BEFORE.search(text, 0, match.start())
        raw = text[before.start() if before else match.start() : match.end()]
        hits.append(Hit(value, match.start(), match.end(), raw))
    return hits


# the dot read as a comma, or a dot with a gap after it, and a speck glued on before
# ("lucas, yilmaz@", "I-gaelle. boethius@"); or a speck read as a mark ("gras? O@"), or
# the dot as a low quote after the gap ("mohamed „boethius@")
_WORD_BEFORE = re.compile(r"(?<![\w.@])[A-Za-z]+[.,?!]? „?$")


# The mailboxes of a firm's roles: a local part one letter from exactly one of them is
# that one misread ("conitact@", "adminisratie@", "faciuratie@").
ROLE_MAILBOXES = frozenset(
    """info contact administratie facturen facturatie factuur kantoor verkoop service
    receptie planning boekhouding debiteuren crediteuren inkoop klantenservice support
    sales office secretariaat offerte offertes bestellingen mail post""".split()  # noqa: SIM905
)


def _role_misread(local: str) -> str | None:
    if local in ROLE_MAILBOXES:
        return None
    # two letters read for one ("irifo@" for "info@")
    respelled = [r for r in two_for_one(local) if r in ROLE_MAILBOXES]
    if respelled:
        return respelled[0]
    # ... or a letter for one it looks like ("into@" for "info@"; not "ingo@")
    alike = [r for r in ROLE_MAILBOXES if look_alike(r, local)]
    if len(alike) == 1:
        return alike[0]
    # digits and a plural are how real ones differ ("sales1@", "contacts@"), not OCR
    if len(local) < 6 or not local.isalpha():
        return None
    # one letter off, or two in a long one ("adrhinistratie@": an m read as "rh")
    slips = 2 if len(local) >= 10 else 1
    near = [
        r
        for r in ROLE_MAILBOXES
        if Levenshtein.distance(local, r, score_cutoff=slips) <= slips
        and local != f"{r}s"
        and abs(len(local) - len(r)) <= 1  # not a word added on ("boekhoudingen")
    ]
    return near[0] if len(near) == 1 else None


# top-level domains a misread one is most likely to be ("live.ni", "planet.n1" -> nl)
_USUAL_TLDS = ("nl", "com", "be", "de", "net", "org", "eu")


def _tld_misread(tld: str) -> str | None:
    """The usual top-level domain an uncommon one is one letter away from, if only one."""
    if tld in COMMON_TLDS:
        return None
    near = [t for t in _USUAL_TLDS if Levenshtein.distance(tld, t, score_cutoff=1) <= 1]
    # a letter misread ("nt" for "nl") before a letter lost or added ("net")
    same = [t for t in near if len(t) == len(tld)]
    near = same or near
    return near[0] if len(near) == 1 else None


def provider_misread(domain: str) -> str | None:
    """The mail provider a domain is a misreading of ("hatmail.com", "xs4all.al"): only
    when exactly one provider is one letter away, and the domain is not one itself. Short
    ones only by a letter OCR takes for another ("hame.nl"), the shortest ("me.com",
    "web.de") not at all: too many real domains are a letter away."""
    if domain in MAIL_PROVIDERS:
        return None
    # two letters read for one ("hoine.nl" for "home.nl")
    respelled = [d for d in two_for_one(domain) if d in MAIL_PROVIDERS]
    if respelled:
        return respelled[0]
    near = [
        p
        for p in MAIL_PROVIDERS
        if Levenshtein.distance(domain, p, score_cutoff=1) <= 1
        and (
            len(p) >= 8
            or (
                len(p) >= 7
                and (look_alike(domain, p) or _doubled(domain, p) or thin_lost(domain, p))
            )
        )
    ]
    return near[0] if len(near) == 1 else None


PROVIDER_NAMES = frozenset(d.rpartition(".")[0] for d in MAIL_PROVIDERS)


def _provider_with_strange_tld(domain: str) -> bool:
    """A mail provider's name under a top-level domain it does not use and no country has:
    "hotmail.ecen" (hotmail.fr is a country's)."""
    name, _, tld = domain.rpartition(".")
    return (
        name in PROVIDER_NAMES
        and domain not in MAIL_PROVIDERS
        and tld not in COMMON_TLDS | _COUNTRY_TLDS
    )


def _doubled(read: str, meant: str) -> bool:
    """Is read meant with one of its letters read twice ("liive.nl")?"""
    return any(
        read[i] == read[i + 1] and read[:i] + read[i + 1 :] == meant for i in range(len(read) - 1)
    )
