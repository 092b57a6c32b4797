"""import_paths with extraction wired in: fields filled, BSN masked, no duplicate clients.

Real Tesseract on four generated pages; the accuracy on 100+ folders is in
bench/extraction.py.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from importing import import_paths
from importing.own_business import save_own_business
from storage import ClientFile
from tests.datagen import make_client, write_client_folder, write_loose_letter
from tests.ocr.test_extract_tesseract import OWN
from tests.sql import rows

pytestmark = pytest.mark.slow
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def bsn_page(path: Path, phone: str) -> None:
    image = Image.new("L", (1654, 1100), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 40)
    draw.text((150, 200), "Machtiging", font=font, fill=0)
    draw.text((150, 320), "Burgerservicenummer: 123456782", font=font, fill=0)
    draw.text((150, 420), f"Telefoon: {phone}", font=font, fill=0)
    image.save(path, dpi=(200, 200))


def test_import_fills_the_client_and_makes_no_duplicates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tesseract_available: None
) -> None:
    monkeypatch.setenv("KLANTDOSSIER_OWN_BUSINESS", str(tmp_path / "eigen.json"))
    save_own_business(OWN)
    rng = random.Random("matching-pipeline")
    truth = make_client(rng)
    folder = write_client_folder(
        tmp_path / "scans", truth, rng, formats=("png",), pages=1, upside_down_prob=0.0
    ).folder
    bsn_page(folder / "zz-machtiging.png", truth.phones[0].written)
    loose = tmp_path / "los" / "brief.png"
    write_loose_letter(loose, truth, rng, kind="letter_to_client")

    with ClientFile.open(tmp_path / "klanten.sqlite") as cf:
        first = import_paths([folder], cf, jobs=2)
        assert (first.clients_created, first.errors) == (1, [])
        again = import_paths([folder], cf, jobs=2)
        later = import_paths([loose], cf, jobs=1)
        assert again.clients_created == 0 and later.clients_created == 0
        assert cf.count_clients() == 1

        client = cf.client(cf.client_ids()[0])
        assert client.last_name == truth.last_name
        assert truth.phones[0].e164 in client.numbers
        assert client.iban == truth.iban
        assert client.addresses[0].postcode == truth.postcode
        assert len(client.documents) == 4  # card, letter, machtiging, loose letter
        assert {f.field for f in cf.fields(client.id)} >= {"phone", "postcode", "iban"}

        texts = rows(cf, "SELECT text, flags FROM pages")
        assert not any("123456782" in text.replace(" ", "") for text, _ in texts)
        assert sum("bsn" in flags.split() for _, flags in texts) == 1
        assert cf.search("123456782") == []
