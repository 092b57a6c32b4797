"""Saving the own-business details: whole files only, the old details kept on failure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from importing.own_business import OwnBusiness, SettingsError, load_own_business, save_own_business

FULL = OwnBusiness(
    name="Hoekstra Installatie B.V.",
    street="Industrieweg 14",
    postcode="8441 PK",
    city="Heerenveen",
    phones=("0513-612345", "06-12345678"),
    emails=("info@hoekstra.example",),
    iban="NL91ABNA0417164300",
    kvk="12345678",
    btw="NL123456782B01",
    signers=("J. Hoekstra", "Søren Ødegård"),
    extra_names=("Hoekstra Techniek",),
)


def test_save_creates_the_folder_and_returns_the_path(tmp_path: Path) -> None:
    target = tmp_path / "nieuw" / "eigen_bedrijf.json"
    assert save_own_business(FULL, target) == target
    assert load_own_business(target) == FULL
    assert "Søren" in target.read_text("utf-8")  # readable by hand, not \\u-escaped
    assert [p.name for p in target.parent.iterdir()] == ["eigen_bedrijf.json"]


def test_a_shorter_save_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "eigen_bedrijf.json"
    save_own_business(FULL, target)
    save_own_business(OwnBusiness(name="Smit"), target)
    assert json.loads(target.read_text("utf-8"))["name"] == "Smit"
    assert load_own_business(target) == OwnBusiness(name="Smit")


def test_a_failed_save_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "eigen_bedrijf.json"
    target.mkdir()  # a folder where the file should go: the rename fails
    (target / "iets.txt").write_text("blijft", "utf-8")
    with pytest.raises(SettingsError, match=r"eigen_bedrijf\.json"):
        save_own_business(FULL, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["eigen_bedrijf.json"]
    assert (target / "iets.txt").read_text("utf-8") == "blijft"
