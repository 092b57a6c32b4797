"""import_paths: files and client folders in, clients, documents and page text out."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from storage import ClientFile, PageText
from storage.originals import sha256_of

from .errors import BadFileError, OcrError
from .sources import SourceFile, detect_mime, files_in_folder, image_pages
from .tesseract import DEFAULT_LANG, check_tesseract, ocr_image


@dataclass(slots=True)
class Progress:
    pages_done: int
    pages_total: int | None
    current_file: str
    seconds_left: float | None = None


@dataclass(slots=True)
class ImportReport:
    documents: int = 0
    pages: int = 0
    clients_created: int = 0
    clients_updated: int = 0
    skipped: int = 0
    errors: list[dict] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


ProgressCallback = Callable[[Progress], None]
CancelCheck = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class _Unit:
    """One client folder (all files one client) or one loose file."""

    files: list[Path]
    folder: Path | None


def _units(paths: Iterable[Path]) -> list[_Unit]:
    units = []
    for path in paths:
        if path.is_dir():
            units.append(_Unit(files_in_folder(path), path))
        else:
            units.append(_Unit([path], None))
    return units


def client_name_from_folder(folder: Path) -> str:
    """'Jansen, Kees' -> 'Kees Jansen'; other folder names as they are."""
    name = folder.name.strip()
    if name.count(",") == 1:
        last, first = (part.strip() for part in name.split(","))
        if last and first:
            return f"{first} {last}"
    return name


def _read_pages(source: SourceFile, lang: str) -> list[PageText]:
    if source.mime == "application/pdf":
        raise BadFileError("PDF-bestanden worden nog niet gelezen")
    pages = []
    for image in image_pages(source.path):
        page = ocr_image(image.convert("L"), lang)
        pages.append(page)
    return pages


def import_paths(
    paths: Sequence[str | Path],
    cf: ClientFile,
    *,
    jobs: int | None = None,
    lang: str = DEFAULT_LANG,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ImportReport:
    """Import files and client folders into cf; one bad file never stops the rest."""
    del jobs  # one process for now; the parallel pool comes with the OCR pipeline work
    check_tesseract(lang)
    started = time.monotonic()
    report = ImportReport()
    done = 0
    for unit in _units(Path(p) for p in paths):
        client_id: int | None = None
        for path in unit.files:
            if cancel and cancel():
                report.seconds = round(time.monotonic() - started, 3)
                return report
            if progress:
                progress(Progress(done, None, str(path)))
            try:
                mime = detect_mime(path)
                if mime is None:
                    raise BadFileError("geen afbeelding of PDF (onbekend bestandstype)")
                sha = sha256_of(path)
                if cf.has_document(sha):
                    report.skipped += 1
                    continue
                pages = _read_pages(SourceFile(path, mime), lang)
                cf.originals.put(path, sha)
                with cf.transaction() as conn:
                    if client_id is None:
                        name = client_name_from_folder(unit.folder) if unit.folder else path.stem
                        client_id = cf.create_client(conn, name=name)
                        report.clients_created += 1
                    cf.add_document(
                        conn,
                        client_id=client_id,
                        name=path.name,
                        sha256=sha,
                        mime=mime,
                        pages=pages,
                    )
                    cf.log(conn, "document", f"{len(pages)} pagina's")
                report.documents += 1
                report.pages += len(pages)
                done += len(pages)
            except (OcrError, OSError) as e:
                report.errors.append({"path": str(path), "error": str(e)})
    report.seconds = round(time.monotonic() - started, 3)
    return report
