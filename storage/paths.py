"""Where the client file lives unless the user says otherwise: KLANTDOSSIER_DB, else the
shared client file chosen in the window (Bestand → Verbinden met gedeeld klantenbestand…),
else klantdossier.sqlite in the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Klantdossier"
DB_ENV = "KLANTDOSSIER_DB"
# One line: the postgresql:// address of the shared client file, never with a password
# (that is in ~/.pgpass). Read by gui/call/handoff.py too, which cannot import storage/.
LOCATION_FILE = "gedeeld-klantenbestand.txt"
SCHEMES = ("postgresql://", "postgres://")


def is_server_url(location: object) -> bool:
    """Whether a --db value names a client file on a PostgreSQL server."""
    return isinstance(location, str) and location.strip().lower().startswith(SCHEMES)


def location_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / LOCATION_FILE


def saved_location() -> str | None:
    """The shared client file chosen in the window, if any."""
    try:
        text = location_file().read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return text if is_server_url(text) else None


def save_location(url: str | None) -> None:
    """Remember (or, with None, forget) the shared client file for the next start."""
    path = location_file()
    if url is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(url.strip() + "\n")


def location_of(value: str | os.PathLike[str]) -> Path | str:
    """A --db value as a location: a server URL stays a string, anything else a Path."""
    if is_server_url(value):
        return str(value).strip()
    return Path(value).expanduser()


def default_db_path() -> Path | str:
    """KLANTDOSSIER_DB if set, else the saved shared client file, else
    klantdossier.sqlite in the user data folder."""
    override = os.environ.get(DB_ENV)
    if override:
        return location_of(override)
    shared = saved_location()
    if shared:
        return shared
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "klantdossier.sqlite"
