"""Where the client file lives unless the user says otherwise."""

import os
from pathlib import Path

import platformdirs

APP_NAME = "Klantdossier"
DB_ENV = "KLANTDOSSIER_DB"


def default_db_path() -> Path:
    """KLANTDOSSIER_DB if set, else klantdossier.sqlite in the user data folder."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "klantdossier.sqlite"
