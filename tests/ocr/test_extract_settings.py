"""Own-business settings: saved as JSON in the user config folder, path overridable."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocr.extract import extract_client
from ocr.settings import (
    SETTINGS_ENV,
    OwnBusiness,
    SettingsError,
    load_own_business,
    save_own_business,
    settings_path,
)
from tests.ocr.test_extract import OWN, letter_to_client


def test_round_trip_and_env_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "eigen.json"
    monkeypatch.setenv(SETTINGS_ENV, str(target))
    assert settings_path() == target
    assert load_own_business().is_empty()  # nothing saved yet
    save_own_business(OWN)
    assert load_own_business() == OWN


def test_single_values_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "eigen.json"
    path.write_text('{"name": "Smit B.V.", "phone": "020-1234567", "onbekend": 1}', "utf-8")
    own = load_own_business(path)
    assert own.name == "Smit B.V." and own.phones == ("020-1234567",)


def test_unreadable_settings_say_where(tmp_path: Path) -> None:
    path = tmp_path / "eigen.json"
    path.write_text("{kapot", "utf-8")
    with pytest.raises(SettingsError, match=r"eigen\.json"):
        load_own_business(path)


def test_extract_client_uses_the_saved_settings_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SETTINGS_ENV, str(tmp_path / "eigen.json"))
    save_own_business(OWN)
    ex = extract_client([letter_to_client()])
    assert ex.value("iban") is None and ex.value("phone") is None
    # an explicit empty OwnBusiness switches the filter off
    ex = extract_client([letter_to_client()], own=OwnBusiness())
    assert ex.value("iban") == "NL20INGB0001234567"
