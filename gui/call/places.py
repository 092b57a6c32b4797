"""Where a phone number is from ("Amsterdam", "Duitsland"), from phonenumbers' own
geocoding data, read one country at a time (no Qt).

`phonenumbers.geocoder` loads the place names of every number prefix in the world, in
every language, at import: 135 MB and 0.7 s, more than the rest of the window together.
That data sits in files data0.py … dataN.py under phonenumbers/geodata, each a sorted run
of prefixes, so the prefixes of one country code lie in one or two files. This module
reads only those, keeps the names in the one language asked for (or English), and lets
the rest go; country names likewise from geodata/locale.py. The answers are the
geocoder's own: description_for_number() follows phonenumbers.geocoder step by step.
"""

from __future__ import annotations

import bisect
import importlib.util
import re
import threading
from functools import cache
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberType, prefix
from phonenumbers.phonenumberutil import (
    NumberParseException,
    country_mobile_token,
    is_number_type_geographical,
    is_valid_number_for_region,
    national_significant_number,
    number_type,
    region_code_for_country_code,
    region_codes_for_country_code,
)

GEODATA = Path(phonenumbers.__file__).parent / "geodata"
_FIRST_KEY = re.compile(r"^\s*'(\d+)'\s*:", re.MULTILINE)
_lock = threading.Lock()  # warm_up runs in the GUI thread; a lookup may come from another


@cache
def _file_index() -> tuple[list[str], list[Path]]:
    """(first prefix of each data file, the files), sorted by prefix: read from the first
    few lines of each file, not by importing it."""
    entries = []
    for path in GEODATA.glob("data*.py"):
        with path.open(encoding="utf-8") as f:
            match = _FIRST_KEY.search(f.read(4096))
        if match:
            entries.append((match.group(1), path))
    entries.sort()
    return [key for key, _ in entries], [path for _, path in entries]


def _load(path: Path, name: str, attribute: str) -> dict:
    """A module of geodata, executed on its own: importing it by name would first run
    geodata/__init__.py, which loads every file."""
    spec = importlib.util.spec_from_file_location(f"phonenumbers.geodata.{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # its "from ..util import u" finds phonenumbers.util
    return getattr(module, attribute)


@cache
def _country_prefixes(country_code: int, lang: str) -> tuple[dict[str, dict[str, str]], int]:
    """(prefix -> {lang or "en": name}, longest prefix) for one country code."""
    code = str(country_code)
    end = code[:-1] + chr(ord(code[-1]) + 1)  # just after every prefix that starts with code
    firsts, paths = _file_index()
    start = max(bisect.bisect_right(firsts, code) - 1, 0)
    stop = bisect.bisect_left(firsts, end)
    kept: dict[str, dict[str, str]] = {}
    for path in paths[start:stop]:
        data = _load(path, path.stem, "data")
        for key, names in data.items():
            if key.startswith(code):
                kept[key] = {k: v for k, v in names.items() if k in (lang, "en")}
        del data
    return kept, max((len(k) for k in kept), default=0)


@cache
def _country_names(lang: str) -> dict[str, str]:
    """Region code ("DE") -> the country's name in lang ("Duitsland")."""
    names = {}
    for region, by_lang in _load(GEODATA / "locale.py", "locale", "LOCALE_DATA").items():
        name = by_lang.get(lang, "")
        if name.startswith("*"):  # "*xx": the same name as in language xx
            name = by_lang.get(name[1:], "")
        names[region] = name
    return names


def region_name(region_code: str, lang: str) -> str:
    with _lock:
        return _country_names(lang).get(region_code, "")


def country_name_for_number(numobj: PhoneNumber, lang: str) -> str:
    """As phonenumbers.geocoder.country_name_for_number."""
    regions = region_codes_for_country_code(numobj.country_code)
    if len(regions) == 1:
        return region_name(regions[0], lang)
    valid_in = "ZZ"
    for region in regions:
        if is_valid_number_for_region(numobj, region):
            if valid_in != "ZZ":
                return ""
            valid_in = region
    return region_name(valid_in, lang)


def _area(numobj: PhoneNumber, lang: str) -> str:
    with _lock:
        data, longest = _country_prefixes(numobj.country_code, lang)
    return prefix._prefix_description_for_number(data, longest, numobj, lang)


def description_for_number(numobj: PhoneNumber, lang: str) -> str:
    """As phonenumbers.geocoder.description_for_number(numobj, lang): the area of a fixed
    line ("Amsterdam"), else the country ("Duitsland"); "" when not known."""
    kind = number_type(numobj)
    if kind == PhoneNumberType.UNKNOWN:
        return ""
    if not is_number_type_geographical(kind, numobj.country_code):
        return country_name_for_number(numobj, lang)
    token = country_mobile_token(numobj.country_code)
    national = national_significant_number(numobj)
    subject = numobj
    if token and national.startswith(token):
        # Some countries (Argentina) put a mobile token before the area code.
        region = region_code_for_country_code(numobj.country_code)
        try:
            subject = phonenumbers.parse(national[len(token) :], region)
        except NumberParseException:
            subject = numobj
    return _area(subject, lang) or country_name_for_number(numobj, lang)


def warm_up(country_code: int, lang: str) -> None:
    """Read one country's places now (the home country's, at start), not on the first ring."""
    with _lock:
        _country_prefixes(country_code, lang)
        _country_names(lang)
