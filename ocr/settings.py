"""The user's own business (name, address, phone, IBAN, KvK): never taken for a client.

Kept as a small JSON file in the per-user config folder (platformdirs), so letters the
business sent (its letterhead, its IBAN in the payment line) never fill a client's card.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from platformdirs import user_config_dir

from storage.errors import KlantdossierError

APP_NAME = "Klantdossier"
SETTINGS_ENV = "KLANTDOSSIER_OWN_BUSINESS"
FILE_NAME = "eigen_bedrijf.json"


class SettingsError(KlantdossierError):
    """The own-business settings file cannot be read or written."""


@dataclass(frozen=True)
class OwnBusiness:
    """Details of the business that uses Klantdossier; every field is optional."""

    name: str | None = None
    street: str | None = None  # with house number: "Industrieweg 14"
    postcode: str | None = None
    city: str | None = None
    phones: tuple[str, ...] = ()  # as written; compared in E.164
    emails: tuple[str, ...] = ()
    iban: str | None = None
    kvk: str | None = None
    btw: str | None = None
    signers: tuple[str, ...] = ()  # people who sign its letters ("J. Hoekstra")
    extra_names: tuple[str, ...] = field(default=())  # trade names, old names

    @classmethod
    def from_dict(cls, data: dict) -> OwnBusiness:
        known = {f.name for f in fields(cls)}
        values: dict = {}
        for key, value in data.items():
            if key == "phone":  # single values accepted for convenience
                key, value = "phones", [value]
            elif key == "email":
                key, value = "emails", [value]
            elif key == "signer":
                key, value = "signers", [value]
            if key not in known or value is None:
                continue
            if key in ("phones", "emails", "signers", "extra_names"):
                values[key] = tuple(str(v) for v in (value if isinstance(value, list) else [value]))
            else:
                values[key] = str(value)
        return cls(**values)

    def to_dict(self) -> dict:
        data = asdict(self)
        for key in ("phones", "emails", "signers", "extra_names"):
            data[key] = list(data[key])
        return data

    def is_empty(self) -> bool:
        return not any(self.to_dict().values())


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
