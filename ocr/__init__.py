"""From scans to page text and client fields (no Qt here).

Import (CLI, wizard, benchmarks):

    from ocr import import_paths
    report = import_paths(paths, cf, jobs=None, lang="nld+eng", progress=cb, cancel=stop,
                          passwords=["geheim"])   # -> ImportReport; report.to_dict() is JSON

Pages one by one, as a scanner delivers them (the same worker pool as the import):

    from ocr import OcrPool
    with OcrPool(jobs=2, lang="nld+eng") as pool:
        ticket = pool.submit(png_bytes)          # or a path to an image file
        for ticket, result in pool.results():    # PageText, or an OcrError for that page
            ...
    # pool.poll(timeout) returns what finished so far, for a GUI timer or worker thread.

PageText words are in pixels of the original image (EXIF-upright); PageText.orientation
says how far the page was turned clockwise to be read upright.
"""

from .errors import (
    BadFileError,
    LanguageMissingError,
    OcrError,
    OcrTimeoutError,
    PasswordProtectedError,
    TesseractMissingError,
    WorkerCrashedError,
)
from .pipeline import ImportReport, Progress, import_paths
from .pool import OcrPool, default_jobs
from .preprocess import Settings as PreprocessSettings
from .tesseract import DEFAULT_LANG, check_tesseract

__all__ = [
    "DEFAULT_LANG",
    "BadFileError",
    "ImportReport",
    "LanguageMissingError",
    "OcrError",
    "OcrPool",
    "OcrTimeoutError",
    "PasswordProtectedError",
    "PreprocessSettings",
    "Progress",
    "TesseractMissingError",
    "WorkerCrashedError",
    "check_tesseract",
    "default_jobs",
    "import_paths",
]
