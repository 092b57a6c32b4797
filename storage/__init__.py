"""The client file: schema, search, phone lookup, originals, export (no Qt here)."""

from .clientfile import ClientFile
from .errors import (
    ClientFileError,
    ClientNotFoundError,
    CorruptClientFileError,
    ExitCode,
    KlantdossierError,
    NewerSchemaError,
    ReadOnlyClientFileError,
)
from .models import Address, PageText, Phone, SearchHit, Word
from .paths import default_db_path

__all__ = [
    "Address",
    "ClientFile",
    "ClientFileError",
    "ClientNotFoundError",
    "CorruptClientFileError",
    "ExitCode",
    "KlantdossierError",
    "NewerSchemaError",
    "PageText",
    "Phone",
    "ReadOnlyClientFileError",
    "SearchHit",
    "Word",
    "default_db_path",
]
