"""The walking skeleton through the CLI, as a subprocess, with real Tesseract and SQLite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def render_page(path: Path, lines: list[str]) -> None:
    font = ImageFont.truetype(FONT, 34)
    image = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((150, 160 + i * 70), line, font=font, fill=0)
    image.save(path)


@pytest.fixture
def client_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "scans" / "Visser, Anna"
    folder.mkdir(parents=True)
    render_page(
        folder / "klantkaart.png",
        ["Klantkaart", "Naam: Anna Visser", "Woonplaats: Zwolle", "Onderwerp: dakgoot"],
    )
    render_page(
        folder / "brief.png", ["Geachte heer Hoekstra,", "Hierbij de offerte voor de zonnepanelen."]
    )
    return folder


def test_import_search_show(client_folder: Path, tmp_path: Path, tesseract_available):
    db = str(tmp_path / "k.sqlite")
    result = run_cli("import", str(client_folder), "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["documents"] == 2
    assert report["pages"] == 2
    assert report["clients_created"] == 1
    assert report["errors"] == []

    result = run_cli("search", "zonnepanelen", "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert [h["name"] for h in hits] == ["Anna Visser"]
    assert "[zonnepanelen]" in hits[0]["snippet"]

    result = run_cli("show", str(hits[0]["id"]), "--db", db, "--json")
    client = json.loads(result.stdout)
    assert client["name"] == "Anna Visser"
    assert sorted(d["name"] for d in client["documents"]) == ["brief.png", "klantkaart.png"]
    for key in (
        "first_name",
        "last_name",
        "company",
        "phones",
        "emails",
        "addresses",
        "iban",
        "kvk",
        "btw",
        "notes",
        "calls",
    ):
        assert key in client

    # the same folder again: every file recognised, nothing stored twice
    again = json.loads(run_cli("import", str(client_folder), "--db", db, "--json").stdout)
    assert (again["documents"], again["skipped"], again["clients_created"]) == (0, 2, 0)


def test_search_unknown_word_finds_nothing(client_folder, tmp_path, tesseract_available):
    db = str(tmp_path / "k.sqlite")
    assert run_cli("import", str(client_folder), "--db", db, "--json").returncode == 0
    assert json.loads(run_cli("search", "kozijnen", "--db", db, "--json").stdout) == []


def test_db_from_environment(client_folder, tmp_path, tesseract_available):
    env = {**os.environ, "KLANTDOSSIER_DB": str(tmp_path / "env.sqlite")}
    assert run_cli("import", str(client_folder), "--json", env=env).returncode == 0
    assert (tmp_path / "env.sqlite").is_file()
    assert oct((tmp_path / "env.sqlite").stat().st_mode & 0o777) == "0o600"


def test_help_lists_every_command():
    result = run_cli("--help")
    assert result.returncode == 0
    for command in (
        "import",
        "scan",
        "search",
        "lookup",
        "show",
        "call",
        "export",
        "backup",
        "forget",
    ):
        assert f"    {command} " in result.stdout
    assert "gebruik:" in result.stdout and "opdrachten" in result.stdout


def test_missing_tesseract_says_what_to_install(client_folder, tmp_path):
    env = {**os.environ, "PATH": str(tmp_path / "empty-bin"), "KLANTDOSSIER_TESSERACT": ""}
    result = run_cli("import", str(client_folder), "--db", str(tmp_path / "k.sqlite"), env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Tesseract" in result.stderr and "tesseract-ocr-nld" in result.stderr


def test_missing_language_says_what_to_install(client_folder, tmp_path, tesseract_available):
    result = run_cli(
        "import", str(client_folder), "--db", str(tmp_path / "k.sqlite"), "--lang", "nld+xyz"
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "tesseract-ocr-xyz" in result.stderr and "--lang" in result.stderr


def test_window_without_screen_explains_xvfb(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = run_cli("--db", str(tmp_path / "k.sqlite"), env=env)
    assert result.returncode == 1
    assert "xvfb-run" in result.stderr and "Traceback" not in result.stderr
