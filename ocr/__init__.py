"""Reading paper (no Qt here): the OCR engine, the sources of pages, and extraction.

    engine/   Tesseract, the worker pool that runs it (OcrPool), page preparation
    sources/  files (images, TIFF, PDF), the scanner, separator sheets, a watched folder
    extract/  the fields of a client read from page text, BSN masking

The import path that puts it all together is the importing package.

PageText words are in pixels of the original image (EXIF-upright); PageText.orientation
says how far the page was turned clockwise to be read upright.
"""

from .engine.pool import OcrPool, default_jobs
from .engine.preprocess import Settings as PreprocessSettings
from .engine.tesseract import DEFAULT_LANG, check_tesseract
from .errors import (
    BadFileError,
    LanguageMissingError,
    OcrError,
    OcrTimeoutError,
    PasswordProtectedError,
    TesseractMissingError,
    WorkerCrashedError,
)

__all__ = [
    "DEFAULT_LANG",
    "BadFileError",
    "LanguageMissingError",
    "OcrError",
    "OcrPool",
    "OcrTimeoutError",
    "PasswordProtectedError",
    "PreprocessSettings",
    "TesseractMissingError",
    "WorkerCrashedError",
    "check_tesseract",
    "default_jobs",
]
