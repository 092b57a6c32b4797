"""Dutch places and their other names ("Den Bosch" is 's-Hertogenbosch, "Den Haag" is
's-Gravenhage), from resources/places: GeoNames' places of >= 500 inhabitants (CC BY 4.0,
written by scripts/places_from_geonames.py) plus a few it files as parts of a town.

Pure data, no SQL: the extraction checks a city after a postcode with it, and search can
use the same aliases. Loaded once per process (about 2,000 places, a few milliseconds).
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

PLACES_DIR = Path(__file__).resolve().parent.parent / "resources" / "places"
FILES = ("nl_places.tsv", "nl_places_extra.tsv")


def place_key(text: str) -> str:
    """How names are compared: no case, accents, apostrophe styles or hyphens."""
    norm = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    plain = "".join(c for c in norm if not unicodedata.combining(c)).casefold()
    return " ".join(plain.replace("-", " ").split())


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # as GeoNames names it ("The Hague" for Den Haag)
    population: int
    aliases: tuple[str, ...]  # other names: Dutch, Frisian, older spellings, exonyms

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Places:
    """Look-ups by any name of a place; built from the resource files."""

    def __init__(self, places: list[Place]) -> None:
        self.places = places
        self._by_key: dict[str, tuple[str, Place]] = {}
        # larger places first: a name two places share ("Bergen") means the larger one
        for place in sorted(places, key=lambda p: -p.population):
            for name in place.names:
                self._by_key.setdefault(place_key(name), (name, place))
        # misreadings are matched against the places' main names only: the other names
        # include exonyms ("Amsterdan") that must not become the printed city
        self._main = {place_key(p.name): p.name for p in places}
        self._main_keys = list(self._main)

    def spelling(self, text: str) -> str | None:
        """The name as the list spells it when text names a known place ("Damwald" ->
        "Damwâld", "den bosch" -> "Den Bosch"), else None."""
        found = self._by_key.get(place_key(text))
        return found[0] if found else None

    def near(self, text: str, cutoff: float = 90) -> str | None:
        """The known name text is a slight misreading of ("Amsterdarn"), else None. Only
        for names of six letters or more: short names are too close to each other."""
        key = place_key(text)
        if len(key) < 6:
            return None
        found = process.extractOne(key, self._main_keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        return self._main[found[0]] if found else None

    def place(self, text: str) -> Place | None:
        found = self._by_key.get(place_key(text))
        return found[1] if found else None

    def aliases(self, text: str) -> tuple[str, ...]:
        """Every name of the place text names (empty when unknown)."""
        place = self.place(text)
        return place.names if place else ()

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and place_key(text) in self._by_key


def read_places(files: tuple[Path, ...]) -> Places:
    places = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, population, aliases = [*line.split("\t"), "", ""][:3]
            places.append(
                Place(name, int(population or 0), tuple(a for a in aliases.split("|") if a))
            )
    return Places(places)


@functools.cache
def dutch_places() -> Places:
    """The Dutch places of resources/places, loaded once."""
    return read_places(tuple(PLACES_DIR / name for name in FILES))
