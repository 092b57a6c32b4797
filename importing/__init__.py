"""The one import path: sources -> reading -> extraction -> matching -> (review) -> apply.

Every entry point goes through it: `main.py import` and `main.py scan`, the wizard,
drag-and-drop and the watched folder; the same paper gives the same clients. It is the
only core layer that writes to the client file (gui/ writes what a person types).

    from importing import import_paths
    report = import_paths(paths, cf, jobs=None, lang="nld+eng", progress=cb, cancel=stop,
                          passwords=["geheim"])   # -> ImportReport; report.to_dict() is JSON

Pages read already (benchmarks with cached OCR) go through the same steps after reading:

    report = import_read([ReadUnit(...)], cf, own=None)
"""

from .model import FILE, FOLDER, Document, Unit
from .report import ImportReport, Progress, UnitOutcome
from .run import ImportRun, import_paths, import_read


def read_unit(label: str, documents: list[Document], folder=None) -> Unit:
    """A unit of pages read already (see import_read): a client folder when folder is
    given, else a loose file."""
    return Unit(label, FOLDER if folder is not None else FILE, folder=folder, documents=documents)


__all__ = [
    "Document",
    "ImportReport",
    "ImportRun",
    "Progress",
    "Unit",
    "UnitOutcome",
    "import_paths",
    "import_read",
    "read_unit",
]
