"""IBAN (checksum validated, with repair of OCR confusions) and BIC."""

from __future__ import annotations

import re
from itertools import combinations

from stdnum import bic as std_bic
from stdnum import iban as std_iban

from .hits import Hit
from .text import compact, to_digits, to_letters

_NL_START = re.compile(r"N[L1I|E]")  # NL read as "NE" too: the checksum has to agree
# ... its L lost ("N33 ASNB …") or a speck read as a letter inside it ("NtL62 KNAB …"):
# looked for in the text as read (a speck is a small letter), when "NL" gave nothing
_NL_MISREAD = re.compile(r"N(?=[0-9OIlS]{2}[A-Z]{4})|N[a-z](?:L|(?=[0-9]{2}[A-Z]{4}))")
# The bank codes of Dutch IBANs (De Nederlandsche Bank's list of BIC codes of banks in
# the Netherlands, 2024): a Dutch IBAN with another code is misread, whatever its check
# digits say ("NL65 ABOO 5798 ..." for "NL65 RABO 0579 ...", which passed mod 97).
DUTCH_BANKS = frozenset(
    """ABNA ADYB AEGO ANDL ARBN ARSN ASNB ATBA BARC BCDM BCIT BICK BINK BKCH BKMG BLGW
    BMEU BNDA BNGH BNPA BOFA BOFS BOTK BUNQ CHAS CITC CITI COBA DEUT DHBN DLBK DNIB EBUR
    FBHL FLOR FRGH FRNX FTSB FVLB GILL HAND HHBA HSBC ICBK INGB ISAE ISBK KABA KASA KNAB
    KOEX KRED LOCY LOYD LPLN MHCB MODR NNBA NWAB PCBC RABO RBRB REVO SNSB SOGE TEBU TRIO
    UBSW UGBI VOWA ZWLB""".split()  # noqa: SIM905 (a list of 71 quoted codes reads worse)
)
_FOREIGN = re.compile(r"(?=([A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}))")
_BIC = re.compile(r"(?<![A-Za-z0-9])([A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)(?![A-Za-z0-9])")


def _longer(squeezed: str, offsets: list[int], start: int, at: int) -> bool:
    """Does the number that begins at `start` go on at `at` (the character after a
    candidate's account number)? A digit does, unless the number was printed in one
    piece and the digit stands apart ("NL16RABO0979878926 2": a speck); a letter OCR
    confuses with a digit ("O", "B") only when it follows without a space: "… 4527 92
    BIC RABONL2U" ends at 92. Its case counts: "…8196 25t.n.v. Veenstra" ends at 25 (a
    "T" may be a 7, a "t" is not)."""
    following = squeezed[at : at + 1]
    joined = at < len(offsets) and offsets[at] - offsets[at - 1] == 1
    if following.isdigit():
        one_piece = offsets[at - 1] - offsets[start] == at - 1 - start
        return joined or not one_piece
    return joined and to_digits(following).isdigit()


def _bank_code(printed: str) -> str:
    """The Dutch bank code printed may be a reading of ("TRIQ": Q for O, not in BUNQ)."""
    code = to_letters(printed)
    return code if code in DUTCH_BANKS else code.replace("Q", "O")


def _dutch_readings(
    squeezed: str, offsets: list[int], start: int, after_nl: int, extra: int
) -> dict[str, tuple[int, bool]]:
    """The Dutch IBANs that the characters after "NL" at `start` may be a reading of,
    each with its end and whether it was printed so, with `extra` letters too many
    among the account's digits."""
    found: dict[str, tuple[int, bool]] = {}
    upper = squeezed.upper()
    tail = upper[after_nl:]
    # OCR may add a character or two to the check digits; with a character too many
    # among the account's digits the check digits must stand as printed, each one digit:
    # every other reading tried is one more chance of a misread number passing mod 97
    # ("NLOSRABOO9051334721" of NL09RABO0905133471 passed as NL08RABO9051334721)
    for width in (2,) if extra else (2, 3, 4):
        window, bank = tail[:width], _bank_code(tail[width : width + 4])
        printed = tail[width + 4 : width + 14 + extra]
        end = after_nl + width + 14 + extra
        if len(printed) < 10 + extra or _longer(squeezed, offsets, start, end):
            continue
        if bank not in DUTCH_BANKS:
            continue
        # the letter too many stands among the digits: one glued on after the end may
        # stand for a digit ("…3157B")
        dropped = [
            printed[:k] + printed[k + 1 :] for k, c in enumerate(printed[:-1]) if c.isalpha()
        ]
        accounts = dropped if extra else [printed]
        for account in {to_digits(a) for a in accounts}:
            if not account.isdigit():
                continue
            for i, j in combinations(range(width), 2):
                checks = _check_digits(window[i] + window[j])
                if extra and len(checks) > 1:
                    continue
                for check in checks:
                    candidate = f"NL{check}{bank}{account}"
                    if std_iban.is_valid(candidate):
                        exact = not extra and width == 2 and upper[start : start + 18] == candidate
                        if candidate not in found or exact:
                            found[candidate] = (end, exact)
    return found


# an S in the check digits is a 5 or an 8 ("NLSOTRIO0408355891" of NL80TRIO…), a J a 1
# ("NLJ9 INGB …"): the checksum leaves one of them, or none
_CHECK_DIGIT_READINGS = {"S": "58", "J": "1"}


def _check_digits(read: str) -> set[str]:
    """The two check digits that two characters read may be."""
    options = [_CHECK_DIGIT_READINGS.get(c, to_digits(c)) for c in read]
    return {a + b for a in options[0] for b in options[1] if (a + b).isdigit()}


# "NL88 RABO.0460 6632 08", and a speck read as a comma, colon, degree sign or apostrophe:
# "0887, 4005", "KNAB'0503", "TRIO:0944", "0955°3624" (the checksum has to agree)
_SPECKS = ".,:;-(){}'‘’`°"
_MOSTLY = 8  # of an account's ten digits, read as digits when an IBAN seems printed


def _dutch_ibans(text: str, drop: str, *, misread: bool = False) -> list[Hit]:
    """Dutch IBANs in text read without the characters in drop; misread: those whose
    "NL" OCR misread beyond its usual confusions (an L lost, a speck between N and L),
    only where a reading of the rest as printed passes the check."""
    squeezed, offsets = compact(text, drop=drop)
    starts = _NL_MISREAD.finditer(squeezed) if misread else _NL_START.finditer(squeezed.upper())
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for start in starts:
        found = _dutch_readings(squeezed, offsets, start.start(), start.end(), extra=0)
        if not misread:
            # a letter OCR put among the account's digits, a speck or one digit read as
            # two ("TRIOQ0736693157", "SNSBO0814201962"): only when the printed length
            # gave none
            found = found or _dutch_readings(squeezed, offsets, start.start(), start.end(), extra=1)
        if len(found) == 1:
            ((value, (end, exact)),) = found.items()
            if any(s < end and start.start() < e for s, e in taken):
                continue
            taken.append((start.start(), end))
            a, b = offsets[start.start()], offsets[end - 1] + 1
            hits.append(Hit(value, a, b, text[a:b], repaired=misread or not exact))
    return hits


def find_ibans(text: str, *, labelled: bool = False) -> list[Hit]:
    """IBANs in one segment of text.

    A Dutch IBAN read with OCR confusions ("NLS5SOINGB0683251309" for
    NL50INGB0683251309) is repaired only when exactly one reading of it passes the
    mod-97 check; foreign IBANs are taken as printed, and only after an IBAN label.
    """
    if sum(c.isdigit() for c in text) < 6:
        return []  # an IBAN has twelve digits; OCR does not misread half of them
    # a bracket is a speck ("0491] 9944") or a 1 ("0894 8508 [4"): the checksum tells
    hits = _dutch_ibans(text, _SPECKS + "[]")
    if not hits and ("[" in text or "]" in text):
        hits = _dutch_ibans(text, _SPECKS)
    if not hits:
        hits = _dutch_ibans(text, _SPECKS + "[]", misread=True)
    if labelled and not hits:
        squeezed, offsets = compact(text, drop=_SPECKS + "[]")
        upper = squeezed.upper()
        for match in _FOREIGN.finditer(upper):
            value = match.group(1)
            valid = [value[:n] for n in range(15, len(value) + 1) if std_iban.is_valid(value[:n])]
            if len(valid) == 1 and not value.startswith("NL"):
                a = offsets[match.start(1)]
                b = offsets[match.start(1) + len(valid[0]) - 1] + 1
                hits.append(Hit(valid[0], a, b, text[a:b]))
    return hits


def unread_dutch_iban(text: str) -> str | None:
    """The bank code of a Dutch IBAN that seems printed in text ("NL", two characters, a
    Dutch bank code, ten characters that mostly read as digits) when no reading of it
    passes the mod-97 check; None when there is none, or it was read."""
    squeezed, _ = compact(text, drop=_SPECKS + "[]")
    upper = squeezed.upper()
    for start in _NL_START.finditer(upper):
        tail = upper[start.end() :]
        for width in (2, 3, 4):
            bank = _bank_code(tail[width : width + 4])
            account = to_digits(tail[width + 4 : width + 14])
            if bank in DUTCH_BANKS and sum(c.isdigit() for c in account) >= _MOSTLY:
                if any(h.value.startswith("NL") for h in find_ibans(text)):
                    return None
                return bank
    return None


# an IBAN's start with its account lost to rubbish ("NL87 SNSB sCi‘“=Ss*™"), and an
# account's ten digits alone (another line of the reading)
_IBAN_HEAD = re.compile(r"N[L1I|]\s?([0-9]{2})\s?([A-Z]{4})(?![A-Z0-9])")
_ACCOUNT_ALONE = re.compile(r"\W*([0-9]{10})\W*")


def completes_an_iban(digits_line: str, lines: list[str]) -> bool:
    """Are the ten digits alone on digits_line the account of a Dutch IBAN whose start
    stands alone in one of lines (checksum and all): not a phone number ("0531572560" of
    "NL87 SNSB 0531572560", the line read in two)?"""
    alone = _ACCOUNT_ALONE.fullmatch(digits_line.replace(" ", ""))
    if not alone:
        return False
    for line in lines:
        for head in _IBAN_HEAD.finditer(line):
            if head[2] in DUTCH_BANKS and std_iban.is_valid(f"NL{head[1]}{head[2]}{alone[1]}"):
                return True
    return False


def find_bics(text: str) -> list[Hit]:
    """BIC codes (only called on text after a BIC label: too many words look like one)."""
    hits = []
    for match in _BIC.finditer(text.upper()):
        value = match.group(1)
        if std_bic.is_valid(value):
            hits.append(
                Hit(value, match.start(1), match.end(1), text[match.start(1) : match.end(1)])
            )
    return hits
