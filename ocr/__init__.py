"""From scans to page text and client fields (no Qt here)."""

from .errors import (
    BadFileError,
    LanguageMissingError,
    OcrError,
    PasswordProtectedError,
    TesseractMissingError,
)
from .pipeline import ImportReport, Progress, import_paths
from .tesseract import DEFAULT_LANG, check_tesseract

__all__ = [
    "DEFAULT_LANG",
    "BadFileError",
    "ImportReport",
    "LanguageMissingError",
    "OcrError",
    "PasswordProtectedError",
    "Progress",
    "TesseractMissingError",
    "check_tesseract",
    "import_paths",
]
