"""Named errors of the client file; main.py maps them to exit codes, the GUI to dialogs."""

from enum import IntEnum


class ExitCode(IntEnum):
    ok = 0
    failed = 1
    usage = 2
    not_found = 3


class KlantdossierError(Exception):
    """Base of every error the user should see as a message, not a traceback."""

    exit_code: ExitCode = ExitCode.failed


class ClientFileError(KlantdossierError):
    """The client file cannot be opened or written."""


class NewerSchemaError(ClientFileError):
    """The client file was written by a newer Klantdossier."""


class CorruptClientFileError(ClientFileError):
    """The file is not a (healthy) Klantdossier client file."""


class ReadOnlyClientFileError(ClientFileError):
    """A write was attempted on a client file that is read-only."""


class ClientNotFoundError(KlantdossierError):
    """No client with that id."""

    exit_code = ExitCode.not_found


class ClientFileBusyError(ClientFileError):
    """Another program kept the client file locked longer than the busy timeout."""


class DiskFullError(ClientFileError, OSError):
    """The disk filled up during a write; the client file keeps its previous state.
    Also an OSError, so code that reports failed files per file (the import) reports it."""


class ContactFileError(KlantdossierError):
    """A contact list (CSV or vCard) cannot be read at all."""
