"""import_paths: files and client folders in, clients, documents and page text out.

How an import runs (one process writes, worker processes read):
  1. paths become units: a folder is one client folder (all files under it, natural
     order), a loose file one document; CSV/vCard contact lists go to storage.contacts;
  2. each file is recognised by content and hashed; a SHA-256 already in the client file
     is skipped (idempotent; an interrupted import resumes where it stopped);
  3. the OcrPool probes each file (pages, password) and reads its pages in runs of up
     to PAGES_PER_RUN per Tesseract call, a few runs ahead of the workers only, so pages
     stream through and are never all in memory;
  4. a finished unit is stored by this process in one batch transaction: the original
     first, then the document with all its pages, so a crash leaves either the whole
     document or nothing (and never a document without its original).
"""

from __future__ import annotations

import collections
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from storage import ClientFile, KlantdossierError, PageText
from storage.originals import sha256_of

from .errors import BadFileError, OcrError, PasswordProtectedError
from .pool import PAGES_PER_RUN, OcrPool
from .preprocess import Settings
from .sources import IMAGE_MIMES, detect_mime, files_in_folder, plain_os_error
from .tesseract import DEFAULT_LANG, PAGE_TIMEOUT_S, check_tesseract
from .worker import Probe

log = logging.getLogger(__name__)

BATCH_PAGES = 25  # pages per write transaction ...
BATCH_SECONDS = 2.0  # ... or this long after the last commit, whichever comes first
UNIT_FLUSH_PAGES = 50  # a big client folder is stored in parts, not held until its end
PROGRESS_EVERY_S = 0.1


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
    cancelled: bool = False

    def to_dict(self) -> dict:
        """The `import --json` shape of DESIGN.md."""
        data = asdict(self)
        del data["cancelled"]
        return data

    def error(self, path: Path | str, reason: str) -> None:
        self.errors.append({"path": str(path), "error": reason})


ProgressCallback = Callable[[Progress], None]
CancelCheck = Callable[[], bool]


@dataclass(eq=False, slots=True)
class _Unit:
    """One client folder (all files one client) or one loose file."""

    files: list[Path]
    folder: Path | None
    client_id: int | None = None
    open_docs: int = 0  # documents found but not yet stored or failed
    enumerated: bool = False  # every file of the unit has been looked at


@dataclass(eq=False, slots=True)
class _Doc:
    path: Path
    sha: str
    mime: str
    unit: _Unit
    order: int
    total: int | None = None
    password: str | None = None
    pages: dict[int, PageText] = field(default_factory=dict)
    failed: bool = False

    @property
    def complete(self) -> bool:
        return self.total is not None and len(self.pages) == self.total and not self.failed


class _Cancelled(Exception):
    pass


def client_name_from_folder(folder: Path) -> str:
    """'Jansen, Kees' -> 'Kees Jansen'; other folder names as they are."""
    name = folder.name.strip()
    if name.count(",") == 1:
        last, first = (part.strip() for part in name.split(","))
        if last and first:
            return f"{first} {last}"
    return name


def _store_unit(
    conn: sqlite3.Connection,
    cf: ClientFile,
    unit: _Unit,
    docs: list[_Doc],
    report: ImportReport,
    hook: tuple | None,
) -> None:
    """The one place read documents become a client's: client chosen, documents added.

    hook: extraction and matching (_extraction_hook); None names a folder's client after
    the folder and a loose file's after its name (reading page text only).
    """
    pages = [doc.pages[i] for doc in docs for i in range(doc.total or 0)]
    if hook is not None:
        extract_client, decide, apply_to_client = hook
        extracted = extract_client(pages, folder_name=unit.folder.name if unit.folder else None)
        decision = decide(cf, extracted)
        # documents first: field provenance needs their page ids; apply_to_client gives
        # them their client (the one already known for this folder, or the matched one)
        document_ids = [_add_document(conn, cf, unit.client_id, doc) for doc in docs]
        page_ids = [pid for d in document_ids for pid, _ in cf.pages(d)]
        client_id, created = apply_to_client(conn, cf, decision, extracted, page_ids)
    else:
        client_id, created = unit.client_id, False
        if client_id is None:
            name = client_name_from_folder(unit.folder) if unit.folder else docs[0].path.stem
            client_id, created = cf.create_client(conn, name=name), True
        for doc in docs:
            _add_document(conn, cf, client_id, doc)
    if created:
        report.clients_created += 1
    elif unit.client_id is None:
        report.clients_updated += 1
    unit.client_id = client_id


def _extraction_hook() -> tuple:
    """(extract, decide, apply_to_client) for one import; the own-business settings are
    read once here, not for every folder."""
    from .apply import apply_to_client
    from .extract import ExtractedClient, extract_client, mask_bsn
    from .matching import decide
    from .settings import OwnBusiness, SettingsError, load_own_business

    try:
        own = load_own_business()
    except SettingsError as e:
        logging.getLogger(__name__).warning("%s Eigen bedrijf wordt niet herkend.", e)
        own = OwnBusiness()

    def extract(pages: list[PageText], folder_name: str | None = None) -> ExtractedClient:
        try:
            extracted = extract_client(pages, folder_name=folder_name, own=own)
        except Exception:  # a reading bug must not stop the import: the pages still count
            logging.getLogger(__name__).exception("Klantgegevens lezen mislukt")
            extracted = ExtractedClient(folder_name=folder_name)
        # AVG: these same page objects are stored next, so mask any BSN in place
        for page in pages:
            masked, found = mask_bsn(page)
            if found:
                page.text, page.words = masked.text, masked.words
        return extracted

    return extract, decide, apply_to_client


def _add_document(conn: sqlite3.Connection, cf: ClientFile, client_id: int | None, doc: _Doc):
    pages = [doc.pages[i] for i in range(doc.total or 0)]
    document_id = cf.add_document(
        conn, client_id=client_id, name=doc.path.name, sha256=doc.sha, mime=doc.mime, pages=pages
    )
    cf.log(conn, "document", f"{len(pages)} pagina's")
    return document_id


class _Import:
    """One run of import_paths: feeds the pool, collects pages, writes finished units."""

    def __init__(
        self,
        cf: ClientFile,
        pool: OcrPool,
        report: ImportReport,
        *,
        lang: str,
        settings: Settings,
        passwords: Sequence[str],
        progress: ProgressCallback | None,
        cancel: CancelCheck | None,
        extract_fields: bool = True,
    ) -> None:
        self.cf, self.pool, self.report = cf, pool, report
        self.hook = _extraction_hook() if extract_fields else None
        self.lang, self.settings, self.passwords = lang, settings, tuple(passwords)
        self.progress, self.cancel = progress, cancel
        self.started = time.monotonic()
        # ticket -> (doc, None) for a probe, [(doc, page), ...] for pages read in one run
        self.tasks: dict[int, tuple[_Doc, None] | list[tuple[_Doc, int]]] = {}
        self.page_queue: collections.deque[tuple[_Doc, int]] = collections.deque()
        # pages of a run whose worker died or hung: read one per run, to find the culprit
        self.alone: collections.deque[tuple[_Doc, int]] = collections.deque()
        self.ready: list[tuple[_Unit, list[_Doc]]] = []
        self.ready_pages = 0
        self.last_commit = time.monotonic()
        self.seen: set[str] = set()
        self.files_total = 0
        self.files_probed = 0
        self.pages_known = 0
        self.pages_done = 0
        self.current = ""
        self.last_progress = 0.0
        self.last_state: tuple[int, str] | None = None
        self._done: dict[int, list[_Doc]] = {}  # unit id -> documents read, not yet stored

    # -- finding the work --------------------------------------------------------------------

    def units(self, paths: Sequence[Path]) -> list[_Unit]:
        units = []
        for path in paths:
            try:
                is_dir = path.is_dir()
                path.stat()
            except OSError as e:
                self.report.error(path, plain_os_error(e))
                continue
            if is_dir:
                problems: list[tuple[Path, str]] = []
                files = files_in_folder(path, problems)
                for bad, reason in problems:
                    self.report.error(bad, reason)
                units.append(_Unit(files, path))
            elif not os.path.exists(path):
                self.report.error(path, "bestand of map bestaat niet")
            else:
                units.append(_Unit([path], None))
        self.files_total = sum(len(u.files) for u in units)
        return units

    def documents(self, units: list[_Unit]) -> Iterator[_Doc]:
        """Files to read, in order; known, duplicate, contact and bad files dealt with here."""
        for unit in units:
            for order, path in enumerate(unit.files):
                self.current = str(path)
                doc = self._document(unit, order, path)
                if doc is not None:
                    unit.open_docs += 1
                    yield doc
                else:
                    self.files_total -= 1
            unit.enumerated = True
            self._unit_maybe_ready(unit)

    def _document(self, unit: _Unit, order: int, path: Path) -> _Doc | None:
        try:
            mime = detect_mime(path)
            if mime is None:
                if self._contact_file(path):
                    return None
                if path.stat().st_size == 0:
                    raise BadFileError("leeg bestand (0 bytes)")
                if path.suffix.lower() == ".pdf":
                    raise BadFileError("beschadigde PDF (het begin van het bestand ontbreekt)")
                raise BadFileError("geen scan: geen afbeelding, PDF of contactenlijst")
            if mime not in IMAGE_MIMES and mime != "application/pdf":
                raise BadFileError("onbekend bestandstype")
            sha = sha256_of(path)
        except OSError as e:
            self.report.error(path, plain_os_error(e))
            return None
        except OcrError as e:
            self.report.error(path, str(e))
            return None
        if sha in self.seen or self.cf.has_document(sha):
            self.report.skipped += 1
            if unit.client_id is None:
                # a folder imported again keeps its client for the files that are new
                unit.client_id = self.cf.client_of_document(sha)
            return None
        self.seen.add(sha)
        return _Doc(path, sha, mime, unit, order)

    def _contact_file(self, path: Path) -> bool:
        """CSV/vCard lists go to storage.contacts; True when path was one."""
        try:
            from storage.contacts import import_contact_file, is_contact_file
        except ImportError:
            return False
        if not is_contact_file(path):
            return False
        try:
            result = import_contact_file(path, self.cf)
        except KlantdossierError as e:
            self.report.error(path, str(e))
            return True
        self.report.clients_created += result.created
        self.report.clients_updated += result.updated
        for row, reason in result.skipped_rows:
            self.report.error(path, f"rij {row}: {reason}")
        if result.unknown_columns:
            self.report.error(
                path, "kolommen niet herkend (niet ingelezen): " + ", ".join(result.unknown_columns)
            )
        return True

    # -- the loop ----------------------------------------------------------------------------

    def run(self, paths: Sequence[Path]) -> None:
        feeder = self.documents(self.units(paths))
        feeding = True
        window = 3 * self.pool.jobs  # enough queued to keep every worker busy, no more
        while True:
            if self.cancel is not None and self.cancel():
                raise _Cancelled
            while self.pool.outstanding < window:
                if self.alone:
                    self._submit_pages([self.alone.popleft()])
                elif self._run_ready():
                    self._submit_run(PAGES_PER_RUN)
                elif feeding:
                    doc = next(feeder, None)
                    if doc is None:
                        feeding = False
                        continue
                    ticket = self.pool.submit_task(("probe", doc.path, doc.mime, self.passwords))
                    self.tasks[ticket] = (doc, None)
                elif self.page_queue:
                    # the last pages: shared out evenly, so no worker idles at the end
                    share = -(-len(self.page_queue) // self.pool.jobs)
                    self._submit_run(min(PAGES_PER_RUN, share))
                else:
                    break
            if not self.tasks and not feeding and not self.page_queue and not self.alone:
                break
            for ticket, result in self.pool.poll(0.1):
                self._result(ticket, result)
            self._commit_if_due()
            self._report_progress()
        self._commit_if_due(force=True)

    def _run_ready(self) -> bool:
        # a full run of pages queued before probing further files (streaming, bounded memory)
        return len(self.page_queue) >= PAGES_PER_RUN

    def _submit_run(self, size: int) -> None:
        self._submit_pages([self.page_queue.popleft() for _ in range(size)])

    def _submit_pages(self, pages: list[tuple[_Doc, int]]) -> None:
        specs = [(doc.path, doc.mime, index, doc.password) for doc, index in pages]
        task = ("pages", specs, self.lang, self.settings, self.pool.page_timeout)
        self.tasks[self.pool.submit_task(task)] = pages
        self.current = str(pages[-1][0].path)

    def _result(self, ticket: int, result: object) -> None:
        task = self.tasks.pop(ticket)
        if isinstance(task, list):
            self._pages_result(task, result)
            return
        doc, _ = task
        if doc.failed:
            return
        if isinstance(result, Exception):
            self._fail(doc, None, result)
        else:
            assert isinstance(result, Probe)
            doc.total, doc.password = result.pages, result.password
            self.files_probed += 1
            self.pages_known += result.pages
            self.page_queue.extend((doc, i) for i in range(result.pages))

    def _pages_result(self, pages: list[tuple[_Doc, int]], result: object) -> None:
        if isinstance(result, Exception) and len(pages) > 1:
            # the worker died or hung on one of these pages: each goes again on its own
            self.alone.extend(pages)
            return
        results = result if isinstance(result, list) else [result]
        for (doc, index), page in zip(pages, results, strict=True):
            if doc.failed:
                continue
            if isinstance(page, Exception):
                self._fail(doc, index, page)
                continue
            assert isinstance(page, PageText)
            doc.pages[index] = page
            self.pages_done += 1
            if doc.complete:
                self._doc_done(doc)

    def _fail(self, doc: _Doc, index: int | None, error: Exception) -> None:
        doc.failed = True
        reason = str(error)
        if isinstance(error, PasswordProtectedError):
            pass
        elif index is not None and (doc.total or 0) > 1:
            reason = f"pagina {index + 1}: {reason}"
        self.report.error(doc.path, reason)
        if index is None:
            self.files_probed += 1
        else:  # its unread pages will not be read: count them as done for the progress
            self.pages_done += (doc.total or 0) - len(doc.pages)
        doc.pages.clear()
        # its pages not yet handed to a worker will not be read
        self.page_queue = collections.deque(p for p in self.page_queue if p[0] is not doc)
        self.alone = collections.deque(p for p in self.alone if p[0] is not doc)
        doc.unit.open_docs -= 1
        self._unit_maybe_ready(doc.unit)

    # -- writing -----------------------------------------------------------------------------

    def _doc_done(self, doc: _Doc) -> None:
        unit = doc.unit
        unit.open_docs -= 1
        self._unit_maybe_ready(unit, doc)

    def _unit_maybe_ready(self, unit: _Unit, doc: _Doc | None = None) -> None:
        finished = self._done.setdefault(id(unit), [])
        if doc is not None:
            finished.append(doc)
        waiting = sum(d.total or 0 for d in finished)
        if finished and ((unit.enumerated and unit.open_docs == 0) or waiting >= UNIT_FLUSH_PAGES):
            finished.sort(key=lambda d: d.order)
            self.ready.append((unit, list(finished)))
            self.ready_pages += waiting
            finished.clear()

    def _commit_if_due(self, force: bool = False) -> None:
        if not self.ready:
            return
        due = self.ready_pages >= BATCH_PAGES or time.monotonic() - self.last_commit > BATCH_SECONDS
        if not (due or force):
            return
        batch, self.ready, self.ready_pages = self.ready, [], 0
        with self.cf.transaction() as conn:
            for unit, all_docs in batch:
                # originals first, under the write lock: a committed document always
                # has its original, and a crash leaves only what sweep_originals removes
                docs = [doc for doc in all_docs if self._put_original(doc)]
                if not docs:
                    continue
                before = unit.client_id
                conn.execute("SAVEPOINT unit")
                try:
                    _store_unit(conn, self.cf, unit, docs, self.report, self.hook)
                except (sqlite3.Error, KlantdossierError, ValueError) as e:
                    conn.execute("ROLLBACK TO unit")
                    conn.execute("RELEASE unit")
                    unit.client_id = before
                    for doc in docs:
                        self.report.error(doc.path, f"niet opgeslagen: {e}")
                    continue
                conn.execute("RELEASE unit")
                self.report.documents += len(docs)
                self.report.pages += sum(d.total or 0 for d in docs)
                for doc in docs:
                    doc.pages.clear()  # stored: free the memory
        self.last_commit = time.monotonic()

    def _put_original(self, doc: _Doc) -> bool:
        try:
            self.cf.originals.put(doc.path, doc.sha)
        except OSError as e:
            self.report.error(doc.path, "origineel niet op te slaan: " + plain_os_error(e))
            return False
        return True

    def flush_finished(self) -> None:
        """After a cancel: store every document that was read completely."""
        for unit_id, finished in list(self._done.items()):
            if finished:
                finished.sort(key=lambda d: d.order)
                unit = finished[0].unit
                self.ready.append((unit, list(finished)))
                finished.clear()
            del self._done[unit_id]
        self._commit_if_due(force=True)

    # -- progress ----------------------------------------------------------------------------

    def _report_progress(self, force: bool = False) -> None:
        if self.progress is None:
            return
        now = time.monotonic()
        state = (self.pages_done, self.current)
        if not force and (
            now - self.last_progress < PROGRESS_EVERY_S
            or (state == self.last_state and now - self.last_progress < 1.0)
        ):
            return
        self.last_progress, self.last_state = now, state
        unprobed = max(0, self.files_total - self.files_probed)
        per_file = self.pages_known / self.files_probed if self.files_probed else 1.0
        total = self.pages_known + round(unprobed * per_file)
        total = max(total, self.pages_done)
        left = None
        if self.pages_done:
            rate = self.pages_done / (now - self.started)
            left = round((total - self.pages_done) / rate, 1) if rate > 0 else None
        self.progress(Progress(self.pages_done, total, self.current, left))


def import_paths(
    paths: Sequence[str | os.PathLike[str]],
    cf: ClientFile,
    *,
    jobs: int | None = None,
    lang: str = DEFAULT_LANG,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    passwords: Sequence[str] = (),
    settings: Settings | None = None,
    page_timeout: float = PAGE_TIMEOUT_S,
    extract_fields: bool = True,
) -> ImportReport:
    """Import files and client folders into cf; one bad file never stops the rest.

    :param jobs: worker processes (default: one per core)
    :param progress: called with Progress (pages done/total, current file, seconds left)
    :param cancel: called often; True stops the import within a second, keeping what was
        read completely
    :param passwords: tried in turn on password-protected PDFs
    :param extract_fields: False stores page text only, each folder or file a client named
        after it (benchmarks of the reading alone)
    """
    cf.require_writable()
    check_tesseract(lang)
    cf.sweep_originals()
    report = ImportReport()
    started = time.monotonic()
    with OcrPool(
        jobs, lang=lang, settings=settings or Settings(), page_timeout=page_timeout
    ) as pool:
        run = _Import(
            cf,
            pool,
            report,
            lang=lang,
            settings=settings or Settings(),
            passwords=passwords,
            progress=progress,
            cancel=cancel,
            extract_fields=extract_fields,
        )
        try:
            run.run([Path(p) for p in paths])
        except _Cancelled:
            report.cancelled = True
            pool.close(kill=True)
            run.flush_finished()
        except BaseException:
            pool.close(kill=True)
            run.flush_finished()
            raise
        run._report_progress(force=True)
    report.seconds = round(time.monotonic() - started, 3)
    return report
