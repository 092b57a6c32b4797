"""Paths as units: client folders, cabinets at any depth, per-year folders, loose files."""

from __future__ import annotations

from pathlib import Path

import pytest

from importing.report import EMPTY, ImportReport
from importing.units import find_units, is_part_folder


def touch(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "name",
    ["2019", "2019-2020", "2019 - 20", "Facturen", "archief 2018", "2018 facturen", "Deel 2"],
)
def test_years_and_kinds_of_paper_are_parts_of_a_client_folder(name: str) -> None:
    assert is_part_folder(name)


@pytest.mark.parametrize("name", ["Jansen, Kees", "Bakkerij de Vries B.V.", "A-K", "Klanten"])
def test_names_are_not_parts(name: str) -> None:
    assert not is_part_folder(name)


def test_cabinet_at_any_depth_gives_one_unit_per_client_folder(tmp_path: Path) -> None:
    cabinet = tmp_path / "Klanten"
    touch(cabinet / "A-K" / "Jansen, Kees" / "kaart.png")
    touch(cabinet / "A-K" / "Jansen, Kees" / "brief.png")
    touch(cabinet / "L-Z" / "Visser BV" / "offerte.pdf")
    touch(cabinet / "losse brief.png")  # directly in a cabinet: a loose document
    (cabinet / "L-Z" / "Leeg").mkdir()
    report = ImportReport()
    units = list(find_units([cabinet], report))
    labels = {Path(u.label).name: u for u in units}
    assert set(labels) == {"Jansen, Kees", "Visser BV", "losse brief.png"}
    assert labels["Jansen, Kees"].kind == "folder"
    assert [f.name for f in labels["Jansen, Kees"].files] == ["brief.png", "kaart.png"]
    assert labels["losse brief.png"].stack and labels["losse brief.png"].kind == "file"
    assert [(Path(u.path).name, u.outcome) for u in report.units] == [("Leeg", EMPTY)]


def test_a_client_folder_with_per_year_folders_is_one_client(tmp_path: Path) -> None:
    jansen = tmp_path / "Jansen"
    touch(jansen / "2019" / "factuur.png")
    touch(jansen / "2020" / "brief.png")
    touch(jansen / "kaart.png")
    units = list(find_units([jansen], ImportReport()))
    assert len(units) == 1
    assert units[0].folder == jansen
    assert sorted(f.name for f in units[0].files) == ["brief.png", "factuur.png", "kaart.png"]


def test_a_folder_of_files_is_one_client_folder(tmp_path: Path) -> None:
    folder = tmp_path / "de Vries"
    touch(folder / "a.png")
    (units,) = [list(find_units([folder], ImportReport()))]
    assert len(units) == 1 and units[0].folder_name == "de Vries"


def test_missing_and_unreadable_paths_are_reported(tmp_path: Path) -> None:
    report = ImportReport()
    assert list(find_units([tmp_path / "weg"], report)) == []
    assert report.errors and "weg" in report.errors[0]["path"]
