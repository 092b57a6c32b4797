"""Add English translations to resources/i18n/klantdossier_en.ts without lupdate's
churn: `python scripts/add_translations.py CONTEXT 'Dutch source' 'English' ...` (triples),
or a JSON file of [context, source, translation] triples. A message that is there already
gets the new translation. Keeps the file's order; new messages go at the end of their
context (a context that is missing is added)."""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "klantdossier_en.ts"


def _escape(text: str) -> str:
    return html.escape(text, quote=False).replace("'", "&apos;").replace('"', "&quot;")


def _message(source: str, translation: str) -> str:
    return (
        "    <message>\n"
        f"        <source>{_escape(source)}</source>\n"
        f"        <translation>{_escape(translation)}</translation>\n"
        "    </message>\n"
    )


def add(triples: list[tuple[str, str, str]], ts: Path = TS) -> int:
    """Insert as text, in the file's own layout, so a diff shows only what was added."""
    text = ts.read_text("utf-8")
    for context, source, translation in triples:
        head = f"<context>\n    <name>{_escape(context)}</name>\n"
        at = text.find(head)
        if at < 0:
            end = text.rindex("</TS>")
            text = text[:end] + head + "</context>\n" + text[end:]
            at = text.find(head)
        close = text.index("</context>", at)
        block = text[at:close]
        found = block.find(f"<source>{_escape(source)}</source>")
        if found >= 0:  # there already: only its translation changes
            start = at + block.index("<translation", found)
            stop = text.index("</translation>", start) + len("</translation>")
            text = text[:start] + f"<translation>{_escape(translation)}</translation>" + text[stop:]
            continue
        text = text[:close] + _message(source, translation) + text[close:]
    ts.write_text(text, "utf-8")
    return len(triples)


def main(argv: list[str]) -> int:
    if len(argv) == 1 and argv[0].endswith(".json"):
        triples = [tuple(t) for t in json.loads(Path(argv[0]).read_text("utf-8"))]
    elif argv and len(argv) % 3 == 0:
        triples = [tuple(argv[i : i + 3]) for i in range(0, len(argv), 3)]
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(f"{add(triples)} vertalingen bijgewerkt in {TS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
