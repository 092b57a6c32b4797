"""The client file: schema, search, phone lookup, originals, export (no Qt here)."""

from .clientfile import ClientFile
from .erasure import ForgetReport
from .errors import (
    ClientFileBusyError,
    ClientFileError,
    ClientNotFoundError,
    ContactFileError,
    CorruptClientFileError,
    DiskFullError,
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
    "ClientFileBusyError",
    "ClientFileError",
    "ClientNotFoundError",
    "ContactFileError",
    "CorruptClientFileError",
    "DiskFullError",
    "ExitCode",
    "ForgetReport",
    "KlantdossierError",
    "NewerSchemaError",
    "PageText",
    "Phone",
    "ReadOnlyClientFileError",
    "SearchHit",
    "Word",
    "default_db_path",
]
