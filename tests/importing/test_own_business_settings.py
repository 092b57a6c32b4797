"""Own-business settings: saved as JSON in the user config folder, path overridable."""

from __future__ import annotations

from pathlib import Path

import pytest

from importing import ImportRun
from importing.own_business import (
    SETTINGS_ENV,
    OwnBusiness,
    SettingsError,
    accept_suggestion,
    load_own_business,
    load_suggestion,
    remember_suggestion,
    save_own_business,
    settings_path,
)
from ocr.extract import extract_client
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


def test_the_import_uses_the_saved_settings_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, client_file
) -> None:
    monkeypatch.setenv(SETTINGS_ENV, str(tmp_path / "eigen.json"))
    save_own_business(OWN)
    assert ImportRun(client_file, review=True).own == OWN
    # extraction itself knows no settings: it is told what the import found or was given
    ex = extract_client([letter_to_client()], own=OWN)
    assert ex.value("iban") is None and ex.value("phone") is None
    assert "NL20INGB0001234567" not in {fv.value for fv in ex.readings}
    # no own business given: our IBAN is read (as the sender's, held apart from the
    # client; issue 16: never onto the client's card)
    ex = extract_client([letter_to_client()], own=OwnBusiness())
    assert "NL20INGB0001234567" in {fv.value for fv in ex.readings}
    assert ex.value("iban") is None


def test_what_an_import_found_is_kept_until_confirmed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SETTINGS_ENV, str(tmp_path / "eigen.json"))
    found = OwnBusiness(name="Garage Dekker B.V.", phones=("+31725551234",), kvk="12345678")
    remember_suggestion(found)
    assert load_suggestion() == found
    save_own_business(OwnBusiness(phones=("072-5551234",), iban="NL20INGB0001234567"))
    accept_suggestion(found)
    saved = load_own_business()
    assert saved.kvk == "12345678" and saved.iban == "NL20INGB0001234567"  # nothing lost
    assert saved.phones == ("072-5551234",)  # the same number written two ways: once
    assert load_suggestion() is None
