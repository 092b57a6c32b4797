"""Figures of bench/extraction.py: what was read and stored, held against the truth.

Every wrong value is put in one of five bins by whose it really is (cabinet truth):
ours ("own"), a supplier's, another client's, nobody's ("invented": identifying fields
only, a misread name is not an invention) or a misreading of a name ("misread").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers

from tests.datagen.truth import KEY_FIELDS, CabinetTruth, norm

FIELDS = (
    "phone",
    "email",
    "postcode",
    "iban",
    "kvk",
    "btw",
    "first_name",
    "tussenvoegsel",
    "last_name",
    "company",
    "street",
    "house_number",
    "city",
    "client_since",
)
MULTI = ("phone", "email")
ORIENTATIONS = ("upright", "90°", "180°", "270°", "text-PDF")
KINDS = ("card", "letter_from_client", "our_invoice", "letter_to_client", "supplier_invoice")
BINS = ("own", "supplier", "other client", "invented", "misread")


def predicted(extracted, min_conf: float) -> set[tuple[str, str]]:
    """(field, value) pairs extraction would put on a card, in the truth's normal form."""
    out = set()
    for f in FIELDS:
        found = extracted.values(f, min_conf) if f in MULTI else [extracted.best(f, min_conf)]
        out |= {(f, norm(f, fv.value)) for fv in found if fv is not None and fv.value}
    return out


def whose(cab: CabinetTruth, f: str, value: str, client: str | None) -> str:
    owners = cab.owners(f, value) - {client}
    if "own" in owners:
        return "own"
    if any(o.startswith("supplier:") for o in owners):
        return "supplier"
    if owners:
        return "other client"
    return "invented" if f in KEY_FIELDS else "misread"


@dataclass
class Figures:
    split: str
    own_mode: str
    pages: dict[tuple[str, str], Counter] = field(default_factory=lambda: defaultdict(Counter))
    folders: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    wrong: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    cabinets: list[dict] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)  # wrong values read from a folder
    mixed: list[str] = field(default_factory=list)  # stored clients holding two clients' values
    own_on_cards: list[str] = field(default_factory=list)  # our values on a client's card
    sources: Counter = field(default_factory=Counter)  # (generated as, read as) -> pages
    # per identifying field: of what the paper of a stored client's folders says of that
    # client, how much is on its card (values lost between reading and card show here)
    cards: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    n_pages: int = 0
    n_folders: int = 0
    seconds: float = 0.0
    import_seconds: float = 0.0

    def add_pages(self, cab: CabinetTruth, pages: dict, own) -> None:
        """Each page read on its own: precision/recall by orientation and by kind."""
        from importing.proposals import MIN_CONFIDENCE
        from ocr.extract import extract_client

        for _folder, _doc, _i, info in cab.pages():
            client = info.parties.get("client")
            truth = info.owned_by(client) if client else set()
            page = pages[info.image_sha]
            got = predicted(extract_client([page], own=own), MIN_CONFIDENCE)
            self.sources[info.source, page.source] += 1
            orient = (
                "text-PDF"
                if info.source == "text-pdf"
                else ("upright" if info.orientation == 0 else f"{info.orientation}°")
            )
            self.n_pages += 1
            for f in FIELDS:
                want = {v for g, v in truth if g == f}
                have = {v for g, v in got if g == f}
                for key in ((orient, "o"), (info.kind, "k")):
                    c = self.pages[key]
                    c[f + ".tp"] += len(want & have)
                    c[f + ".fp"] += len(have - want)
                    c[f + ".fn"] += len(want - have)

    def add_folders(self, cab: CabinetTruth, units: list, own) -> None:
        """Each folder read as a whole (what goes to one card), wrong values binned."""
        from importing.proposals import MIN_CONFIDENCE
        from ocr.extract import extract_client

        for unit, client in units_with_clients(cab, units):
            pages = [p for d in unit.documents for p in d.pages]
            if not pages or client is None:
                continue
            self.n_folders += 1
            # recall against what is on this folder's paper, not the whole client
            truth = set().union(*(info.owned_by(client) for info in pages_of(cab, unit)))
            folder_name = unit.label if unit.folder else None
            got = predicted(extract_client(pages, folder_name=folder_name, own=own), MIN_CONFIDENCE)
            for f in FIELDS:
                want = {v for g, v in truth if g == f}
                have = {v for g, v in got if g == f}
                c = self.folders[f]
                c["tp"] += len(want & have)
                c["fp"] += len(have - want)
                c["fn"] += len(want - have)
                for value in have - want:
                    b = whose(cab, f, value, client)
                    self.wrong[f][b] += 1
                    if (
                        b in ("own", "supplier", "other client", "invented")
                        and len(self.examples) < 40
                    ):
                        self.examples.append(f"{unit.label}: {f} {value!r} ({b})")

    def add_import(self, cab: CabinetTruth, units: list, report: dict, clients: list[dict]) -> None:
        """Client-level figures of one cabinet's import."""
        truth_of = dict(units_with_clients(cab, units, by_path=True))
        # a row that becomes a client of its own beside its client's folder is a split client
        truth_of.update(contact_rows(cab))
        went: dict[str, int | None] = {f["path"]: f.get("client_id") for f in report["folders"]}
        by_client: dict[int, list[str]] = defaultdict(list)
        for path, client_id in went.items():
            if client_id is not None and truth_of.get(path):
                by_client[client_id].append(truth_of[path])
        row: Counter = Counter()
        row["folders"] = sum(1 for u in units if u.documents)
        row["true clients"] = len({k for k in truth_of.values() if k})
        row["stored"] = len(clients)
        for keys in by_client.values():
            most = Counter(keys).most_common(1)[0][1]
            row["merged wrongly"] += len(keys) - most
        homes: dict[str, set[int]] = defaultdict(set)
        for path, client_id in went.items():
            if truth_of.get(path) and client_id is not None:
                homes[truth_of[path]].add(client_id)
        row["clients split"] = sum(1 for ids in homes.values() if len(ids) > 1)
        self._cases(cab, went, by_client, homes, clients, row)
        self._card_recall(cab, units, went, by_client, clients)
        for c in clients:
            held: dict[str, list[str]] = defaultdict(list)  # true client -> fields of theirs
            for f, value in card_values(c):
                owners = cab.owners(f, value)
                if f in KEY_FIELDS:
                    for o in owners:
                        if o.startswith("c"):
                            held[o].append(f)
                # a value that is ours or a supplier's and also a client's (a client in
                # our town, on the supplier's street) is the client's
                of_client = any(o.startswith("c") for o in owners)
                if "own" in owners and not of_client:
                    row["own values"] += 1
                    self.own_on_cards.append(f"{c['name']!r}: {f} {value!r}")
                elif any(o.startswith("supplier:") for o in owners) and not of_client:
                    row["supplier values"] += 1
                elif not owners and f in KEY_FIELDS:
                    row["invented"] += 1
            if len(held) > 1:
                row["mixed"] += 1
                who = "; ".join(f"{cab.clients[k].display_name}: {', '.join(fs)}"
                                for k, fs in sorted(held.items()))  # fmt: skip
                self.mixed.append(f"{cab.root.parent.name} client {c['id']} {c['name']!r} "
                                  f"holds {who}")  # fmt: skip
        found = report.get("own_business")
        is_found, right, wrong = own_proposal(cab, found)
        row["own found"] = int(is_found)
        row["own wrong values"] = wrong
        self.cabinets.append(
            {
                "name": cab.root.parent.name,
                "trade": cab.own.trade,
                "row": row,
                "own": found,
                "own right": right,
            }
        )

    def _card_recall(self, cab, units, went, by_client, clients) -> None:
        paper: dict[int, set] = defaultdict(set)  # stored client -> its true values on paper
        for unit, key in units_with_clients(cab, units):
            path = unit.folder or unit.documents[0].path
            client_id = next(
                (went[str(p)] for p in (path, *path.parents) if went.get(str(p)) is not None),
                None,
            )
            owner = by_client.get(client_id) if client_id is not None else None
            if key and owner and Counter(owner).most_common(1)[0][0] == key:
                for info in pages_of(cab, unit):
                    paper[client_id] |= info.owned_by(key)
        for c in clients:
            have = set(card_values(c))
            for f in KEY_FIELDS:
                want = {(g, v) for g, v in paper.get(c["id"], ()) if g == f}
                self.cards[f]["tp"] += len(want & have)
                self.cards[f]["fn"] += len(want - have)

    def _cases(self, cab, went, by_client, homes, clients, row: Counter) -> None:
        """How the awkward folders came out: a client's per-year folders and its second
        folder name kept together (and with nobody else), the loose letter with its
        client, the foreign letter's writer kept off the folder's card."""
        for case in ("per-year", "two-names"):
            for key in {f.client for f in cab.folders if f.case == case}:
                ids = homes.get(key, set())
                row[f"{case} cases"] += 1
                row[f"{case} together"] += len(ids) == 1 and set(by_client[min(ids)]) == {key}
        loose = {str(cab.root / d.file) for f in cab.folders if f.case == "loose"
                 for d in f.documents}  # fmt: skip
        folders_home: dict[str, Counter] = defaultdict(Counter)  # true client -> stored ids
        for path, client_id in went.items():
            key = folder_client(cab, path) if path not in loose else None
            if key and client_id is not None:
                folders_home[key][client_id] += 1
        for path, key in contact_rows(cab).items():
            row["contact cases"] += 1
            home = folders_home[key].most_common(1)
            row["contact with its client"] += bool(home) and went.get(path) == home[0][0]
        for f in cab.folders:
            if f.case == "loose":
                path = str(cab.root / f.documents[0].file)
                row["loose cases"] += 1
                home = folders_home[f.client].most_common(1)
                row["loose with its client"] += bool(home) and went.get(path) == home[0][0]
            if f.case == "foreign-letter":
                writer = {p.parties.get("client") for d in f.documents for p in d.pages}
                writer -= {f.client, None}
                card = next((c for c in clients
                             if c["id"] == went.get(str(cab.root / f.path))), None)  # fmt: skip
                values = [fv for fv in card_values(card) if fv[0] in KEY_FIELDS] if card else []
                on_card = {o for fv in values for o in cab.owners(*fv)}
                row["foreign cases"] += 1
                row["foreign writer kept off"] += not (writer & on_card)


def contact_rows(cab: CabinetTruth) -> dict[str, str]:
    """The report's path of each row of the cabinet's contact lists ("…/contacten.csv,
    rij 2": the import reports them one by one) -> the true client of the row."""
    return {
        f"{cab.root / rel}, rij {line_no}": key
        for rel, keys in cab.contact_rows.items()
        for line_no, key in enumerate(keys, start=2)  # line 1 holds the column names
    }


def folder_client(cab: CabinetTruth, path: str) -> str | None:
    """The true client of a client folder (by its path as the report gives it: a client's
    per-year folders as the folder that holds them)."""
    exact = next((f.client for f in cab.folders if str(cab.root / f.path) == path), None)
    if exact:
        return exact
    years = {f.client for f in cab.folders if f.path and str((cab.root / f.path).parent) == path}
    return years.pop() if len(years) == 1 else None


def units_with_clients(cab: CabinetTruth, units: list, by_path: bool = False) -> list:
    """(unit, true client key) for every unit; by_path: (the report's path, key)."""
    key_of = {str(cab.root / f.path): f.client for f in cab.folders if f.case != "loose"}
    loose = {
        str(cab.root / d.file): f.client
        for f in cab.folders
        if f.case == "loose"
        for d in f.documents
    }
    # the import takes a folder of folders as one client folder (per-year tabs): its path
    # names the one client its folders are of, when they are all of one
    below: dict[str, set] = defaultdict(set)
    for folder_path, key in key_of.items():
        for parent in Path(folder_path).parents:
            below[str(parent)].add(key)
    of_one = {p: next(iter(keys)) for p, keys in below.items() if len(keys) == 1}
    out = []
    for unit in units:
        path = str(unit.folder) if unit.folder else str(unit.documents[0].path)
        key = key_of.get(path, of_one.get(path)) if unit.folder else loose.get(path)
        out.append((path if by_path else unit, key))
    if by_path:
        out += list(of_one.items())
    return out


def pages_of(cab: CabinetTruth, unit) -> list:
    files = {str(d.path) for d in unit.documents}
    return [info for _f, doc, _i, info in cab.pages() if str(cab.root / doc.file) in files]


def card_values(client: dict) -> list[tuple[str, str]]:
    """(field, value) of a stored client in the truth's normal form."""
    out = [("phone", norm("phone", p)) for p in client.get("phones", [])]
    out += [("email", norm("email", e)) for e in client.get("emails", [])]
    for a in client.get("addresses", []):
        for f in ("postcode", "street", "city", "house_number"):
            if a.get(f):
                out.append((f, norm(f, a[f])))
    for f in ("iban", "kvk", "btw", "company", "first_name", "last_name"):
        if client.get(f):
            out.append((f, norm(f, client[f])))
    return out


OWN_FIELDS = ("company", "street", "postcode", "city", "phone", "email", "iban", "kvk", "btw")


def own_proposal(cab: CabinetTruth, found) -> tuple[bool, set[str], int]:
    """(found, our fields it has right, its values that are a client's or a supplier's).
    Found: an identifying value of it is ours and none is anybody else's."""
    if not found:
        return False, set(), 0
    values = found if isinstance(found, dict) else found.to_dict()
    values = values.get("details", values)  # {"message", "folders", "details": {fields}}
    pairs = []
    for f, v in values.items():
        f = {"phones": "phone", "emails": "email", "name": "company"}.get(f, f)
        for item in v if isinstance(v, list | tuple) else [v]:
            if isinstance(item, str) and item and f in OWN_FIELDS:
                pairs.append((f, norm(f, item)))
    if any(f == "street" for f, _ in pairs):  # "Industrieweg 14": our street with number
        pairs = [(f, v.rsplit(" ", 1)[0] if f == "street" else v) for f, v in pairs]
    pairs = [(f, _e164(v) if f == "phone" else v) for f, v in pairs]
    right = {f for f, v in pairs if "own" in cab.owners(f, v)}
    # a city or street may be a client's too; identifying values are nobody else's
    wrong = sum(1 for f, v in pairs if f in KEY_FIELDS and cab.owners(f, v) - {"own"})
    key_right = any(f in KEY_FIELDS for f in right)
    return key_right and not wrong, right, wrong


def _e164(written: str) -> str:
    try:
        number = phonenumbers.parse(written, "NL")
    except phonenumbers.NumberParseException:
        return written
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# --- printing ----------------------------------------------------------------------------------


def _pr(c: Counter, f: str = "") -> str:
    tp, fp, fn = c[f + "tp"], c[f + "fp"], c[f + "fn"]
    if not tp + fp + fn:
        return f"{'':>15}"
    p = f"{tp / (tp + fp):.2f}" if tp + fp else "  - "
    r = f"{tp / (tp + fn):.2f}" if tp + fn else "  - "
    return f"{p}/{r} {tp + fn:>5}"


def print_figures(fig: Figures, pages: bool = True) -> None:
    print(f"\n=== {fig.split} layouts, own-business settings {fig.own_mode} ===")
    if pages:
        print(
            f"{fig.n_pages} pages, {fig.n_folders} client folders, {len(fig.cabinets)} "
            f"cabinets; {fig.seconds:.0f} s (import step {fig.import_seconds:.0f} s)"
        )
        digital = sum(n for (made, _read), n in fig.sources.items() if made == "text-pdf")
        layer = fig.sources["text-pdf", "text-layer"]
        print(
            f"born-digital PDF pages: {digital} of {fig.n_pages} "
            f"({digital / max(fig.n_pages, 1):.1%}), {layer} read from their text layer"
        )
        for title, cols, tag in (
            ("by orientation", ORIENTATIONS, "o"),
            ("by page kind", KINDS, "k"),
        ):
            print(f"\nSingle pages, {title}: precision/recall truth-count")
            print(f"{'field':<14}" + "".join(f"{c[:15]:>16}" for c in cols))
            for f in FIELDS:
                print(f"{f:<14}" + "".join(f" {_pr(fig.pages[(c, tag)], f + '.')}" for c in cols))
        print("\nWhole folders (what goes to a card): precision/recall truth-count, wrong values")
        print(f"{'field':<14}{'P/R n':>16}  " + "  ".join(f"{b:>12}" for b in BINS))
        for f in FIELDS:
            print(
                f"{f:<14} {_pr(fig.folders[f])}  "
                + "  ".join(f"{fig.wrong[f][b]:>12}" for b in BINS)
            )
    total: Counter = Counter()
    print(
        "\nPer cabinet: folders -> clients (true clients), mixed, own values on cards, "
        "supplier values, merged wrongly, split, invented, own business found"
    )
    for cab in fig.cabinets:
        r = cab["row"]
        total.update(r)
        print(
            f"  {cab['name']:<8} {cab['trade']:<13} {r['folders']:>3} -> {r['stored']:>3} "
            f"({r['true clients']:>2})  mixed {r['mixed']:>2}  own {r['own values']:>3}  "
            f"supplier {r['supplier values']:>2}  merged {r['merged wrongly']:>2}  "
            f"split {r['clients split']:>2}  invented {r['invented']:>2}  "
            f"own found {'yes' if r['own found'] else 'no'}"
        )
    big = [c for c in fig.cabinets if c["row"]["folders"] >= 5]
    print(
        f"TOTAL {total['folders']} folders -> {total['stored']} stored clients "
        f"({total['true clients']} true clients)"
    )
    print(
        "  clients mixed (a stored client holding identifying values - phone, e-mail, IBAN, "
        f"KvK, BTW, postcode - of two true clients): {total['mixed']}"
    )
    print(f"  own-business values on client cards (any field): {total['own values']}")
    print(f"  supplier values on client cards: {total['supplier values']}")
    print(f"  folders merged wrongly: {total['merged wrongly']}")
    print(f"  true clients split over several stored clients: {total['clients split']}")
    print(
        "  invented values on cards (identifying values that are nobody's: made up, or "
        f"misread so that they are no longer anyone's): {total['invented']}"
    )
    cases = " ".join(
        f"{label} {total[good]}/{total[n]};"
        for label, good, n in (
            ("per-year folders kept as one client:", "per-year together", "per-year cases"),
            ("two folder names kept as one client:", "two-names together", "two-names cases"),
            ("loose letter with its client:", "loose with its client", "loose cases"),
            ("contact-list row with its client:", "contact with its client", "contact cases"),
            ("foreign letter's writer kept off the card:", "foreign writer kept off",
             "foreign cases"),
        )
    )  # fmt: skip
    print(f"  {cases}")
    recall = ", ".join(
        f"{f} {c['tp'] / (c['tp'] + c['fn']):.2f}"
        for f, c in sorted(fig.cards.items())
        if c["tp"] + c["fn"]
    )
    print(f"  on the cards, of what their folders' paper says of the client (recall): {recall}")
    found = sum(c["row"]["own found"] for c in big)
    proposed = sum(1 for c in big if c["own"])
    print(
        f"  own business found: {found}/{len(big)} cabinets of >= 5 folders "
        f"({proposed} proposed something; {total['own wrong values']} proposed values "
        "that are a client's or a supplier's)"
    )
    right = Counter(f for c in big for f in c["own right"])
    print(
        "    our fields right in the proposals: "
        + ", ".join(f"{f} {right[f]}/{len(big)}" for f in OWN_FIELDS)
    )
    for line in fig.mixed[:6]:
        print(f"  {line}")
    if fig.own_on_cards:
        print("  own values on cards: " + "; ".join(fig.own_on_cards[:10]))
    if fig.examples:
        print("  wrong values read from folders, e.g.:")
        for line in fig.examples[:10]:
            print(f"    {line}")
