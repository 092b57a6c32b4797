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


class ConstraintError(ClientFileError):
    """A write broke a rule of the client file (a reference to a client or document that
    is not there, a value that must be unique); nothing of that write was stored."""


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


class ServerUnavailableError(ClientFileError):
    """The database server of a shared client file cannot be reached (down, no network);
    trying again later may work."""


class ConnectionLostError(ServerUnavailableError):
    """The connection to the server broke; what was being saved was not stored. The next
    use connects again."""


class WrongPasswordError(ClientFileError):
    """The server refused the user name or password."""


class ClientFileInUseError(ClientFileError):
    """Another program or window has the client file open (e.g. during a restore)."""
