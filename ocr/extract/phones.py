"""Phone numbers in every written Dutch form (06-, (0513), +31 (0)6, 0031) to E.164."""

from __future__ import annotations

import re

import phonenumbers

from storage.phones import kind_of

from .hits import Hit, overlaps_any
from .text import fix_digit_tokens

REGION = "NL"
_ZERO_IN_BRACKETS = re.compile(r"\([oOQ@D]\)")  # "+31 (@)15 ..." is "+31 (0)15 ..."
# ... or its closing bracket read as a 0, a 9 or a brace after the country code ("+31
# (006 …", "+31 (0953 …": no Dutch number starts 091-099)
_BRACKET_MISREAD = re.compile(r"(?<=31)(\s?)\(0[09}\]](?=\s?[1-9])")
_PHONE_LABEL = r"(?:\btel\w*|\bmob\w*|\bvast|\bgsm|\b[tm])\W{0,4}"  # "Mobiel: . " a speck too
# the + of +31 read as a 4, where 31 and nine digits follow, with nothing after them
# ("431626675782": no number is written so but +31 6 26675782)
_FOUR_FOR_PLUS = r"4(?=31[1-9][0-9]{8}(?![0-9]))"
# "Tel. vast: #3179 675 6762": the + of +31 after a phone label (not "Ref. #31…")
_PLUS_MISREAD = re.compile(rf"(?i)({_PHONE_LABEL})[#*](?=31)")
# ... or at the start of a phone label's value, the label parted from it ("Tel: + #31 (0)6";
# as a 4, "Mob.:" over "431617996400")
_PLUS_AT_START = re.compile(rf"^(\W*)(?:[#*](?=31)|{_FOUR_FOR_PLUS})")
# ... or as a 4 after a phone label ("M 431626675782")
_PLUS_AS_FOUR = re.compile(rf"(?i)({_PHONE_LABEL}){_FOUR_FOR_PLUS}")
# ... or as a 4 after the + itself, before a Dutch mobile number ("+ 431619601776": an
# Austrian number in form, the client's +31 6 19601776 on the card)
_FOUR_AFTER_PLUS = re.compile(r"(?<=\+)(\s?)4(?=316[0-9]{8}(?![0-9]))")
_LABEL_BEFORE = re.compile(rf"(?i){_PHONE_LABEL}$")
# a letterhead's "T" or "M" glued to its number, its dot or colon read as an O
# ("TO0512-989912" of "T. 0512-989912")
_GLUED_LETTER = re.compile(r"\b[TM][O0.:]?(?=0[1-9][0-9])")
# an IBAN's account digits in its groups of four ("NL04 TRIO 0721 0412 21" with its
# start misread): a phone number only after a phone label
_ACCOUNT_GROUPS = re.compile(r"^[0-9]{4} [0-9]{4} [0-9]{2}$")
_BANK_CODE_BEFORE = re.compile(r"(?:^|[\s\d])(?=[A-Z0-9]*[A-Z])[A-Z0-9]{4}\s?$")
# a country prefix before the digits: a VAT or enterprise number ("BE 0157.333.010")
_VAT_PREFIX_BEFORE = re.compile(r"(?:^|[^A-Za-z])(?:BE|DE|NL|LU|FR|AT)\s?$")
# Tesseract takes the 3 of "+31" for an 8 ("+816 30778261"): Japan's code, which a Dutch
# client file does not hold, before a number that is a valid Dutch one
_MISREAD_COUNTRY = 81


def find_phones(
    text: str, blocked: list[tuple[int, int]] | None = None, *, labelled: bool = False
) -> list[Hit]:
    """Phone numbers in one segment of text; spans in blocked (IBAN, KvK...) are skipped;
    labelled: the segment is a phone label's value (its label may stand apart).

    Only numbers written with a trunk 0 or an international prefix count: a bare run of
    nine digits is far more often a BSN, an account or an order number than a phone.
    """
    blocked = blocked or []
    fixed = _SPECK.sub(" ", _BANG_ONE.sub("1", fix_digit_tokens(text)))
    fixed = _PLUS_MISREAD.sub(r"\1+", _ZERO_IN_BRACKETS.sub("(0)", fixed))
    fixed = _BRACKET_MISREAD.sub(r"\1(0)", fixed)
    fixed = _PLUS_AS_FOUR.sub(r"\1+", fixed)
    fixed = _FOUR_AFTER_PLUS.sub(r"\1 ", fixed)
    if labelled:
        fixed = _PLUS_AT_START.sub(r"\1+", fixed)
    fixed = _GLUED_LETTER.sub(lambda m: " " * len(m.group()), fixed)
    hits = _valid_numbers(text, fixed, blocked, labelled)
    # a speck read as a digit after a number ("0031 513 638931 7 ."): the number without it
    specks = _LONE_DIGIT.sub("  ", fixed)
    if specks != fixed:
        found = [(h.start, h.end) for h in hits]
        hits += [
            h
            for h in _valid_numbers(text, specks, blocked, labelled)
            if not overlaps_any(h.start, h.end, found)
        ]
    return hits


# a 1 read as "!" between digits ("038-88! 0034"); not one at a number's end, which may
# be the sentence's ("Bel 06-12345678!")
_BANG_ONE = re.compile(r"(?<=[0-9])!(?=\s?[0-9])")
# a speck read as an apostrophe or a degree sign between digits ("+31'6 4178 9235")
_SPECK = re.compile(r"(?<=[0-9])['‘’`´°](?=\s?[0-9])")
# a digit alone after a group of digits, with nothing after it but a mark
_LONE_DIGIT = re.compile(r"(?<=[0-9]) [0-9](?=\s*[.,;:]?\s*$)")


def _valid_numbers(
    text: str, fixed: str, blocked: list[tuple[int, int]], labelled: bool
) -> list[Hit]:
    """The valid phone numbers in fixed (text with OCR's slips undone, offsets kept)."""
    hits = []
    for match in phonenumbers.PhoneNumberMatcher(
        fixed, REGION, leniency=phonenumbers.Leniency.VALID
    ):
        raw = match.raw_string
        lead = raw.lstrip("( ")
        if not (lead.startswith("0") or lead.startswith("+")):
            continue
        if overlaps_any(match.start, match.end, blocked):
            continue
        before = fixed[: match.start]
        account = _ACCOUNT_GROUPS.match(raw) and not (labelled or _LABEL_BEFORE.search(before))
        if _BANK_CODE_BEFORE.search(before) or account:
            continue  # the account part of an IBAN the checksum rejected (misread)
        if _VAT_PREFIX_BEFORE.search(before):
            continue
        number, repaired = _dutch_if_misread(match.number, raw), fixed != text
        repaired = repaired or number is not match.number
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        hits.append(Hit(e164, match.start, match.end, text[match.start : match.end], repaired))
    return hits


# "+21 6 27185133": a code of two digits that no country has, one digit from 31
_WRITTEN_CODE = re.compile(r"^\+\s?([0-9]{2})[\s(]")


def _dutch_if_misread(number: phonenumbers.PhoneNumber, raw: str) -> phonenumbers.PhoneNumber:
    if number.country_code == _MISREAD_COUNTRY:
        national = number.national_number
    elif _no_country_near_31(raw):
        # phonenumbers took the code's digits and the next one for a longer code (216)
        national = int("".join(c for c in raw if c.isdigit())[2:] or 0)
    else:
        return number
    dutch = phonenumbers.PhoneNumber(country_code=31, national_number=national)
    return dutch if phonenumbers.is_valid_number(dutch) else number


def _no_country_near_31(raw: str) -> bool:
    written = _WRITTEN_CODE.match(raw.lstrip("( "))
    if not written:
        return False
    code = written.group(1)
    unknown = phonenumbers.region_code_for_country_code(int(code)) == "ZZ"
    return unknown and sum(a != b for a, b in zip(code, "31", strict=True)) == 1


def phone_kind(e164: str) -> str:
    """'mobile', 'landline' or 'other'."""
    try:
        return kind_of(e164)
    except phonenumbers.NumberParseException:
        return "other"
