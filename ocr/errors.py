"""Named errors of the OCR side, with messages a user can act on (Dutch first)."""

from storage.errors import KlantdossierError


class OcrError(KlantdossierError):
    """Reading a page failed."""


class TesseractMissingError(OcrError):
    """The tesseract program is not installed or not found."""


class LanguageMissingError(OcrError):
    """Tesseract is there, but without the language data asked for."""


class BadFileError(OcrError):
    """A file that cannot be read as a scan; the message says why in plain words."""


class PasswordProtectedError(BadFileError):
    """A PDF that needs a password."""


class OcrTimeoutError(OcrError):
    """Tesseract took longer than the per-page limit and was stopped."""


class WorkerCrashedError(OcrError):
    """A worker process died while reading a page (a crashing or hanging file)."""


class RunFailedError(OcrError):
    """A Tesseract run of several pages failed as a whole; the pool reads them one by one
    to find the page to blame."""
