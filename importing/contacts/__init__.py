"""Contact lists (CSV and vCard 2.1/3.0/4.0 from Google, Outlook, Thunderbird, Apple,
Android, Excel by hand) through the one import path.

    from importing.contacts import is_contact_file, read_contact_file
    found = read_contact_file(path, region="NL")   # -> ContactList of neutral Contacts

A list is read into Contacts (model.py: every name part, phones in the card's own
country, several addresses with their country, notes, birthday, and per contact what
was not kept and why), each contact becomes a Proposal with a unit of its own
(proposals.py), and the same matching and apply as for paper store it. `import_paths`
does this for the lists it finds; `import_contact_lists` does it for lists alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from storage import ClientFile

from ..apply import apply_proposals
from ..proposals import accept_by_rule
from ..report import ImportReport
from .model import Contact, ContactAddress, ContactList, ContactPhone, Dropped
from .proposals import ContactLists, contact_values
from .reading import is_contact_file, read_contact_file


def import_contact_lists(paths: Sequence[Path], cf: ClientFile) -> ImportReport:
    """Import contact lists alone (no paper, no OCR): proposals, the rule, apply."""
    cf.require_writable()
    report = ImportReport()
    lists = ContactLists()
    for path in paths:
        lists.add(Path(path))
    proposals = lists.join(cf, report, [])
    accept_by_rule(proposals)
    apply_proposals(cf, proposals, report, atomic=False)
    with cf.transaction():
        lists.log(cf, proposals)
    return report


__all__ = [
    "Contact",
    "ContactAddress",
    "ContactList",
    "ContactLists",
    "ContactPhone",
    "Dropped",
    "contact_values",
    "import_contact_lists",
    "is_contact_file",
    "read_contact_file",
]
