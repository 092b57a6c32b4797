"""The user's own business (name, address, phone, IBAN, KvK): never taken for a client.

Kept as a small JSON file in the per-user config folder (platformdirs), so letters the
business sent (its letterhead, its IBAN in the payment line) never fill a client's card.
What extraction needs to know of it is ocr.extract.OwnBusiness; this module is where it
is decided: saved by the user, or found in the paper (detection.py).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from platformdirs import user_config_dir

from ocr.extract.own import OwnBusiness
from storage.errors import KlantdossierError

APP_NAME = "Klantdossier"
SETTINGS_ENV = "KLANTDOSSIER_OWN_BUSINESS"
FILE_NAME = "eigen_bedrijf.json"


class SettingsError(KlantdossierError):
    """The own-business settings file cannot be read or written."""


def settings_path() -> Path:
    """$KLANTDOSSIER_OWN_BUSINESS, else eigen_bedrijf.json in the user config folder."""
    override = os.environ.get(SETTINGS_ENV)
    if override:
        return Path(override).expanduser()
    return Path(user_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


def load_own_business(path: str | os.PathLike[str] | None = None) -> OwnBusiness:
    """The saved own-business details; empty ones when nothing was saved yet."""
    path = Path(path) if path else settings_path()
    if not path.exists():
        return OwnBusiness()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise SettingsError(
            f"De gegevens van uw eigen bedrijf in {path} zijn niet leesbaar ({e})."
        ) from e
    if not isinstance(data, dict):
        raise SettingsError(f"{path} bevat geen bedrijfsgegevens (verwacht een JSON-object).")
    return OwnBusiness.from_dict(data)


def save_own_business(own: OwnBusiness, path: str | os.PathLike[str] | None = None) -> Path:
    """Write the own-business details (default: settings_path()) and return where.

    Written to a temporary file beside it and renamed over it, so a crash or a full disk
    leaves the previous details as they were, never half a file.
    """
    path = Path(path) if path else settings_path()
    text = json.dumps(own.to_dict(), ensure_ascii=False, indent=1)
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        tmp = Path(name)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as e:
        raise SettingsError(f"Kan de bedrijfsgegevens niet opslaan in {path}: {e}") from e
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
    return path


# -- what an import found, until the user confirms it ------------------------------------------


def suggestion_path() -> Path:
    """Beside the settings: what the last import took for the own business."""
    path = settings_path()
    return path.with_name(path.stem + ".voorstel.json")


def remember_suggestion(found: OwnBusiness) -> None:
    """Keep what an import found, so the window can ask the user to confirm it."""
    save_own_business(found, suggestion_path())


def load_suggestion() -> OwnBusiness | None:
    try:
        found = load_own_business(suggestion_path())
    except SettingsError:
        return None
    return None if found.is_empty() else found


def accept_suggestion(found: OwnBusiness) -> Path:
    """The user confirmed: what was found joins the saved details (nothing saved is lost)."""
    from .detection import combined

    path = save_own_business(combined(load_own_business(), found))
    suggestion_path().unlink(missing_ok=True)
    return path
