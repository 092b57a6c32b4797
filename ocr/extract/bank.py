"""IBAN (checksum validated, with repair of OCR confusions) and BIC."""

from __future__ import annotations

import re
from itertools import combinations

from stdnum import bic as std_bic
from stdnum import iban as std_iban

from .hits import Hit
from .text import TO_DIGIT, compact, to_letters

_NL_START = re.compile(r"N[L1I|E]")  # NL read as "NE" too: the checksum has to agree
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


def _digits(text: str) -> str:
    return text.translate(TO_DIGIT)


def _longer(upper: str, offsets: list[int], start: int, at: int) -> bool:
    """Does the number that begins at `start` go on at `at` (the character after a
    candidate's account number)? A digit does, unless the number was printed in one
    piece and the digit stands apart ("NL16RABO0979878926 2": a speck); a letter OCR
    confuses with a digit ("O", "B") only when it follows without a space: "… 4527 92
    BIC RABONL2U" ends at 92."""
    following = upper[at : at + 1]
    joined = at < len(offsets) and offsets[at] - offsets[at - 1] == 1
    if following.isdigit():
        one_piece = offsets[at - 1] - offsets[start] == at - 1 - start
        return joined or not one_piece
    return joined and _digits(following).isdigit()


def find_ibans(text: str, *, labelled: bool = False) -> list[Hit]:
    """IBANs in one segment of text.

    A Dutch IBAN read with OCR confusions ("NLS5SOINGB0683251309" for
    NL50INGB0683251309) is repaired only when exactly one reading of it passes the
    mod-97 check; foreign IBANs are taken as printed, and only after an IBAN label.
    """
    if sum(c.isdigit() for c in text) < 6:
        return []  # an IBAN has twelve digits; OCR does not misread half of them
    # "NL88 RABO.0460 6632 08", and a speck read as a bracket, comma or apostrophe:
    # "0491] 9944", "0887, 4005", "KNAB'0503" (the checksum still has to agree)
    squeezed, offsets = compact(text, drop=".,-[](){}'‘’`")
    upper = squeezed.upper()
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for start in _NL_START.finditer(upper):
        found: dict[str, tuple[int, bool]] = {}
        tail = upper[start.end() :]
        for width in (2, 3, 4):  # OCR may add a character or two to the check digits
            window, bank, account = (
                tail[:width],
                tail[width : width + 4],
                tail[width + 4 : width + 14],
            )
            if len(account) < 10 or _longer(
                upper, offsets, start.start(), start.end() + width + 14
            ):
                continue
            bank_l, account_d = to_letters(bank), _digits(account)
            if not (bank_l in DUTCH_BANKS and account_d.isdigit()):
                continue
            for i, j in combinations(range(width), 2):
                check = _digits(window[i] + window[j])
                if not check.isdigit():
                    continue
                candidate = f"NL{check}{bank_l}{account_d}"
                if std_iban.is_valid(candidate):
                    exact = width == 2 and upper[start.start() : start.start() + 18] == candidate
                    end = start.end() + width + 14
                    if candidate not in found or exact:
                        found[candidate] = (end, exact)
        if len(found) == 1:
            ((value, (end, exact)),) = found.items()
            if any(s < end and start.start() < e for s, e in taken):
                continue
            taken.append((start.start(), end))
            a, b = offsets[start.start()], offsets[end - 1] + 1
            hits.append(Hit(value, a, b, text[a:b], repaired=not exact))
    if labelled and not hits:
        for match in _FOREIGN.finditer(upper):
            value = match.group(1)
            valid = [value[:n] for n in range(15, len(value) + 1) if std_iban.is_valid(value[:n])]
            if len(valid) == 1 and not value.startswith("NL"):
                a = offsets[match.start(1)]
                b = offsets[match.start(1) + len(valid[0]) - 1] + 1
                hits.append(Hit(valid[0], a, b, text[a:b]))
    return hits


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
