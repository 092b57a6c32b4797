"""Contact lists from the programs people use: how much of each comes through.

    .venv/bin/python bench/contacts.py [--out FOLDER]

Writes the corpus of tests/contacts_corpus (Google, Outlook EN/NL with commas and
semicolons and as UTF-16, Thunderbird, Excel by hand; Android, Outlook, Apple, Gmail and
4.0 vCards; a file of mixed encodings) and imports each file into a fresh client file
through importing.contacts (the same proposals, matching and apply as paper). Prints per
format: contacts, whole (every value on the client, nothing dropped), values kept (in a
field or a note), dropped, dropped that the report names, people merged, mojibake; and
where a client differs from what it must be. Never asserts (tests/importing/
test_contacts_corpus.py does).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.contacts_corpus import write_corpus  # noqa: E402
from tests.contacts_corpus.evaluate import evaluate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="keep the corpus and client files here")
    args = parser.parse_args()
    folder = args.out or Path(tempfile.mkdtemp(prefix="contacts-bench-"))
    columns = ("contacts", "whole", "kept", "dropped", "reported", "merged", "mojibake")
    print(f"{'format':<42}" + "".join(f"{c:>9}" for c in columns))
    totals = dict.fromkeys(columns, 0)
    problems = []
    for sample, path in write_corpus(folder / "corpus"):
        outcome = evaluate(sample, path, folder / f"{path.stem}.sqlite")
        figures = [getattr(outcome, c) for c in columns]
        print(f"{sample.format:<42}" + "".join(f"{n:>9}" for n in figures))
        for c, n in zip(columns, figures, strict=True):
            totals[c] += n
        problems += [f"{sample.filename}: {p}" for p in outcome.problems]
    print(f"{'total':<42}" + "".join(f"{totals[c]:>9}" for c in columns))
    print(f"clients that differ from what they must be: {len(problems)}")
    for problem in problems:
        print("  " + problem)


if __name__ == "__main__":
    main()
