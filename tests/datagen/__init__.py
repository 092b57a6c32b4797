"""Deterministic generator of scanned Dutch client paperwork, with the truth beside it.

from tests.datagen import make_client, write_dataset, write_cabinet
folders = write_dataset(tmp_path, n_clients=5, seed=1)         # one client per folder
truth = write_cabinet(tmp_path / "Klanten", n_clients=6, seed=1)  # real binders (README.md)
"""

from .cabinet import write_cabinet
from .people import ClientTruth, Phone, make_client
from .render import (
    OWN_BUSINESS,
    Degradation,
    OwnBusiness,
    RenderedPage,
    degrade,
    render_card,
    render_letter,
    render_letter_page,
    render_page,
)
from .textpdf import PlacedLine, write_text_pdf
from .truth import CabinetTruth
from .write import (
    DocumentTruth,
    FolderTruth,
    LooseTruth,
    write_client_folder,
    write_dataset,
    write_loose_letter,
)

__all__ = [
    "OWN_BUSINESS",
    "CabinetTruth",
    "ClientTruth",
    "Degradation",
    "DocumentTruth",
    "FolderTruth",
    "LooseTruth",
    "OwnBusiness",
    "Phone",
    "PlacedLine",
    "RenderedPage",
    "degrade",
    "make_client",
    "render_card",
    "render_letter",
    "render_letter_page",
    "render_page",
    "write_cabinet",
    "write_client_folder",
    "write_dataset",
    "write_loose_letter",
    "write_text_pdf",
]
