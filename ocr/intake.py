"""Paper in, proposals out, and the commit after review: the wizard's work, without Qt.

Pages arrive one at a time from a source (the scanner, files and folders, a watched
folder). Each is sorted at once (blank, cover sheet, content) and gets a thumbnail, then
its OCR starts on the pool while the next page is still being scanned. A batch (one
client's paper) is proposed (fields + matching) as soon as its last page is read.
Nothing is written to the client file until commit(), which is one transaction.

`main.py scan` runs this same path without a window (auto_accept).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PIL import Image

from storage import Address, ClientFile, KlantdossierError, PageText, Phone
from storage import phones as phone_numbers
from storage.originals import sha256_of

from . import DEFAULT_LANG, OcrError
from .proposals import PageReader, Proposal, ReviewField, masked, propose
from .separators import BatchSplitter, PageKind, classify_page
from .sources import detect_mime, files_in_folder

THUMB_PX = 160
# Tesseract's mean word confidence (0-100) under which a page is worth scanning again.
LOW_CONFIDENCE = 60.0
SCAN_MIME = "image/x-portable-anymap"
MAX_FILE_BYTES = 300 * 1024 * 1024  # a "page" beyond this is a mistake, not a scan


@dataclass(slots=True)
class PageItem:
    index: int
    path: Path  # the page image (scanner page, or the original file)
    mime: str
    frame: int = 0  # page number inside a multi-page file
    origin: Path | None = None  # the file it came from; None for scanner pages
    unit: str | None = None  # folder name: all its files are one client
    thumb: Image.Image | None = None
    kind: PageKind = field(default_factory=lambda: PageKind("content"))
    batch: int | None = None
    text: PageText | None = None
    error: str | None = None
    seconds: float = 0.0

    @property
    def read(self) -> bool:
        return self.text is not None or self.error is not None

    @property
    def low_confidence(self) -> bool:
        """Worth a rescan while the paper is at hand: unreadable, or read poorly."""
        if self.error:
            return True
        if self.text is None or self.kind.is_separator:
            return False
        conf = self.text.confidence
        return len(self.text.words) < 3 or (conf is not None and conf < LOW_CONFIDENCE)


@dataclass(slots=True)
class Batch:
    """One client's pages, what was read from them, and what the user decided."""

    pages: list[PageItem]
    cover_client_id: int | None = None
    unit: str | None = None
    proposal: Proposal | None = None
    accepted: bool = False

    @property
    def page_texts(self) -> list[PageText]:
        return [p.text or PageText("") for p in self.pages]


@dataclass(slots=True)
class Problem:
    where: str
    message: str


@dataclass(slots=True)
class IntakeResult:
    pages: list[PageItem] = field(default_factory=list)
    batches: list[Batch] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0


@dataclass(slots=True)
class Summary:
    clients_created: list[int] = field(default_factory=list)
    clients_updated: list[int] = field(default_factory=list)
    documents: int = 0
    pages: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    def to_import_dict(self) -> dict:
        """The `import` JSON shape of DESIGN.md."""
        return {
            "documents": self.documents,
            "pages": self.pages,
            "clients_created": len(self.clients_created),
            "clients_updated": len(self.clients_updated),
            "skipped": self.skipped,
            "errors": [{"path": p.where, "error": p.message} for p in self.problems],
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True, slots=True)
class SourcePage:
    """What a source hands on: one page image (file + frame), and its client unit."""

    path: Path
    mime: str
    frame: int = 0
    origin: Path | None = None
    unit: str | None = None


PageCallback = Callable[[PageItem], None]


def scanner_source(pages: Iterable[Path]) -> Iterator[SourcePage]:
    for path in pages:
        yield SourcePage(path, SCAN_MIME)


def file_source(
    paths: Iterable[str | Path],
    problems: list[Problem],
    is_known: Callable[[str], bool] | None = None,
) -> Iterator[SourcePage]:
    """Pages of files and folders: a folder is one client, a loose file one document."""
    from ocr.worker import probe

    for raw in paths:
        path = Path(raw)
        units = [(f, path.name) for f in files_in_folder(path)] if path.is_dir() else [(path, None)]
        for file, unit in units:
            try:
                size = file.stat().st_size
                if size == 0:
                    raise OcrError("leeg bestand (0 bytes)")
                if size > MAX_FILE_BYTES:
                    raise OcrError(
                        f"bestand is te groot ({size // (1024 * 1024)} MB) om als scan te lezen"
                    )
                mime = detect_mime(file)
                if mime is None:
                    raise OcrError("geen afbeelding of PDF (onbekend bestandstype)")
                if is_known is not None and is_known(sha256_of(file)):
                    problems.append(Problem(str(file), "al eerder ingelezen; overgeslagen"))
                    continue
                count = probe(file, mime).pages
            except (OcrError, OSError) as e:
                problems.append(Problem(str(file), str(e)))
                continue
            for frame in range(count):
                yield SourcePage(file, mime, frame, file, unit)


class Intake:
    """Runs one source through sorting, thumbnails and OCR; see the module docstring.

    on_page fires (on the worker thread) when a page arrived, on_read when its OCR is done,
    on_batch when a batch's proposal is ready. cancel() stops at once; what was read stays.
    """

    def __init__(
        self,
        cf_path: Path,
        *,
        jobs: int = 2,
        lang: str = DEFAULT_LANG,
        duplex: bool = False,
        on_page: PageCallback | None = None,
        on_read: PageCallback | None = None,
        on_batch: Callable[[int, Batch], None] | None = None,
        work_dir: Path | None = None,
    ) -> None:
        self.cf_path = Path(cf_path)
        self.jobs = jobs
        self.lang = lang
        self.duplex = duplex
        self.on_page = on_page
        self.on_read = on_read
        self.on_batch = on_batch
        self._work_dir = work_dir
        self.result = IntakeResult()
        self._cancel = threading.Event()
        self._stoppers: list[Callable[[], None]] = []
        self._settle_lock = threading.Lock()

    # -- control -----------------------------------------------------------------------------

    def cancel(self) -> None:
        self._cancel.set()
        for stop in list(self._stoppers):
            stop()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cleanup(self) -> None:
        """Remove the scanned page files: they hold personal data (AVG) and are stored
        in the client file once committed. Call after commit or when the user gives up."""
        if self._work_dir is not None:
            shutil.rmtree(self._work_dir, ignore_errors=True)

    @property
    def work_dir(self) -> Path:
        """A private folder (mode 0700) for scanned pages, made on first use."""
        if self._work_dir is None:
            self._work_dir = Path(tempfile.mkdtemp(prefix="klantwizard-"))
        return self._work_dir

    @property
    def scan_dir(self) -> Path:
        return self.work_dir / "scan"

    def add_stopper(self, stop: Callable[[], None]) -> None:
        """Something to call on cancel (e.g. the scanner run's cancel)."""
        self._stoppers.append(stop)

    # -- run ---------------------------------------------------------------------------------

    def run(self, source: Iterable[SourcePage]) -> IntakeResult:
        started = time.monotonic()
        result = self.result
        reader = PageReader(self.jobs, self.lang)
        splitter = BatchSplitter(self.duplex)
        futures: dict[int, Future[PageText]] = {}
        last_unit: object = object()
        try:
            iterator = iter(source)
            while not self.cancelled:
                try:
                    src = next(iterator)
                except StopIteration:
                    break
                except (KlantdossierError, OSError) as e:
                    # The source itself failed (scanner gone, feeder jam): keep what came.
                    result.problems.append(Problem("Scanner", str(e)))
                    break
                # A client folder is one client, a loose file one document: either starts
                # a new batch, as a separator page would.
                unit = src.unit if src.unit is not None else src.origin
                if unit != last_unit and result.pages:
                    splitter.next_batch()
                last_unit = unit
                item = self._arrive(src, len(result.pages))
                item.batch = None if item.error else splitter.add(item.kind)
                result.pages.append(item)
                if item.batch is not None and item.kind.kind == "content" and not item.error:
                    futures[item.index] = reader.submit(item.path, item.mime, item.frame)
                    futures[item.index].add_done_callback(
                        lambda fut, item=item: self._read_done(item, fut)
                    )
                if self.on_page:
                    self.on_page(item)
            self._group(splitter)
            self._propose_all(futures)
        finally:
            reader.close(cancel=self.cancelled)
            result.cancelled = self.cancelled
            result.seconds = time.monotonic() - started
        return result

    def _arrive(self, src: SourcePage, index: int) -> PageItem:
        item = PageItem(index, src.path, src.mime, src.frame, src.origin, src.unit)
        try:
            image = load_page_image(src)
            item.kind = classify_page(image)
            image.thumbnail((THUMB_PX, THUMB_PX * 1.5))
            item.thumb = image.convert("L")
        except (OcrError, OSError, ValueError) as e:
            item.error = str(e)
            self.result.problems.append(Problem(_where(item), str(e)))
        return item

    def _read_done(self, item: PageItem, fut: Future[PageText]) -> None:
        """Take a page's OCR result, once: from the future's callback, or from the proposer
        that waited on it (a waiter may wake before the callback has run)."""
        if fut.cancelled():
            return
        with self._settle_lock:
            if item.read:
                return
            error = fut.exception()
            if error is None:
                item.text = fut.result()
            else:
                item.error = str(error) or type(error).__name__
                self.result.problems.append(Problem(_where(item), item.error))
        if self.on_read:
            self.on_read(item)

    def _group(self, splitter: BatchSplitter) -> None:
        groups: dict[int, list[PageItem]] = {}
        for item in self.result.pages:
            if item.batch is not None:
                groups.setdefault(item.batch, []).append(item)
        self.result.batches = [
            Batch(pages, splitter.covers.get(number), pages[0].unit)
            for number, pages in sorted(groups.items())
        ]

    def _propose_all(self, futures: dict[int, Future[PageText]]) -> None:
        cf = ClientFile.open(self.cf_path)
        try:
            for number, batch in enumerate(self.result.batches):
                for item in batch.pages:
                    fut = futures.get(item.index)
                    while fut is not None and not self.cancelled:
                        try:
                            fut.exception(timeout=0.2)
                        except TimeoutError:
                            continue
                        except CancelledError:
                            break
                        self._read_done(item, fut)
                        break
                if self.cancelled and not all(p.read for p in batch.pages):
                    continue  # keep what is read: only batches fully read get proposals
                try:
                    batch.proposal = propose(
                        cf, batch.page_texts, batch.unit, batch.cover_client_id
                    )
                except (KlantdossierError, ValueError) as e:
                    self.result.problems.append(Problem(f"klant {number + 1}", str(e)))
                    continue
                if self.on_batch:
                    self.on_batch(number, batch)
        finally:
            cf.close()


def _where(item: PageItem) -> str:
    if item.origin is not None:
        return f"{item.origin}" + (f" (pagina {item.frame + 1})" if item.frame else "")
    return f"pagina {item.index + 1}"


def load_page_image(src: SourcePage) -> Image.Image:
    """The full page image (for thumbnails, crops and the stored TIFF)."""
    if src.mime == "application/pdf":
        from ocr.pdf import read_pdf_page

        _text, image, _dpi = read_pdf_page(src.path, src.frame, None)
        if image is None:
            # Born-digital page: no scan to look at; a plain sheet stands in for the thumb.
            return Image.new("L", (850, 1100), 255).point(lambda v: v - 30)
        return image
    from ocr.sources import load_frame

    return load_frame(src.path, src.frame)[0]


# -- review helpers ---------------------------------------------------------------------------


def split_batch(batches: list[Batch], number: int, at: int) -> None:
    """Split batch `number` before its page `at` (by hand, in the review)."""
    batch = batches[number]
    if not 0 < at < len(batch.pages):
        raise ValueError("splitsen kan alleen tussen twee pagina's")
    rest = Batch(batch.pages[at:], None, batch.unit)
    batch.pages = batch.pages[:at]
    batch.proposal = rest.proposal = None
    batches.insert(number + 1, rest)


def join_batches(batches: list[Batch], number: int) -> None:
    """Join batch `number` with the next one."""
    if number + 1 >= len(batches):
        raise ValueError("er is geen volgende klant om mee samen te voegen")
    nxt = batches.pop(number + 1)
    batches[number].pages.extend(nxt.pages)
    batches[number].proposal = None


def repropose(cf: ClientFile, batch: Batch) -> None:
    batch.proposal = propose(cf, batch.page_texts, batch.unit, batch.cover_client_id)


# -- commit -----------------------------------------------------------------------------------

SCALAR = ("company", "iban", "kvk", "btw")


def _value(fields: dict[str, ReviewField], key: str) -> str | None:
    found = fields.get(key)
    value = found.value.strip() if found else ""
    return value or None


def _document_file(batch: Batch, work_dir: Path) -> tuple[Path, str, list[PageText]]:
    """One file holding the batch's pages: the original when the batch is exactly one whole
    file, else a multi-page TIFF of the page images (scanner pages, split files)."""
    origins = {p.origin for p in batch.pages}
    if len(origins) == 1 and None not in origins:
        origin = next(iter(origins))
        frames = [p.frame for p in batch.pages]
        if frames == list(range(len(frames))):
            from ocr.worker import probe

            mime = batch.pages[0].mime
            if probe(origin, mime).pages == len(frames):
                return origin, mime, batch.page_texts
    images = [_tiff_mode(load_page_image(SourcePage(p.path, p.mime, p.frame))) for p in batch.pages]
    work_dir.mkdir(parents=True, exist_ok=True)
    target = Path(tempfile.mkstemp(suffix=".tif", dir=work_dir)[1])
    images[0].save(
        target, save_all=True, append_images=images[1:], compression="tiff_deflate", dpi=(300, 300)
    )
    return target, "image/tiff", batch.page_texts


def _tiff_mode(image: Image.Image) -> Image.Image:
    """Grey stays grey (smaller), colour stays colour: the original as it was scanned."""
    return image if image.mode in ("1", "L", "RGB") else image.convert("RGB")


def commit(cf: ClientFile, batches: list[Batch], work_dir: Path | None = None) -> Summary:
    """Write the accepted batches in one transaction: all of them, or nothing."""
    started = time.monotonic()
    summary = Summary()
    own_dir = work_dir is None
    work_dir = work_dir or Path(tempfile.mkdtemp(prefix="klantcommit-"))
    try:
        return _commit(cf, batches, work_dir, summary, started)
    finally:
        if own_dir:
            shutil.rmtree(work_dir, ignore_errors=True)


def _commit(
    cf: ClientFile, batches: list[Batch], work_dir: Path, summary: Summary, started: float
) -> Summary:
    prepared = []
    for batch in batches:
        if not batch.accepted or batch.proposal is None:
            continue
        path, mime, pages = _document_file(batch, work_dir)
        sha = sha256_of(path)
        if cf.has_document(sha):
            summary.skipped += 1
            summary.problems.append(Problem(str(path.name), "al eerder ingelezen; overgeslagen"))
            continue
        prepared.append((batch, path, mime, sha, [masked(page) for page in pages]))
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    cf.sweep_originals()
    with cf.transaction() as conn:
        for batch, path, mime, sha, pages in prepared:
            # under the write lock, before the rows: a stored document has its original
            cf.originals.put(path, sha)
            proposal = batch.proposal
            assert proposal is not None
            fields = proposal.fields
            client_id, created = _apply_client(cf, conn, proposal)
            name = path.name if batch.pages[0].origin else f"Scan {stamp} ({len(pages)} p.)"
            document_id = cf.add_document(
                conn, client_id=client_id, name=name, sha256=sha, mime=mime, pages=pages
            )
            page_ids = _page_ids(cf, document_id)
            for key, found in fields.items():
                if not found.value.strip():
                    continue
                on_page = found.page is not None and 0 <= found.page < len(page_ids)
                page_id = page_ids[found.page] if on_page else None
                cf.add_field(
                    conn,
                    client_id,
                    field="phone" if key == "phone_2" else key,
                    value=found.value.strip(),
                    page_id=page_id,
                    box=found.box,
                    confidence=found.confidence,
                    accepted=True,
                )
            cf.reindex_client(conn, client_id)
            cf.log(conn, "wizard", f"{len(pages)} pagina's")
            (summary.clients_created if created else summary.clients_updated).append(client_id)
            summary.documents += 1
            summary.pages += len(pages)
    summary.clients_updated = list(dict.fromkeys(summary.clients_updated))
    summary.seconds = time.monotonic() - started
    return summary


def _page_ids(cf: ClientFile, document_id: int) -> list[int]:
    return [page_id for page_id, _page in cf.pages(document_id)]


def _phones(fields: dict[str, ReviewField]) -> list[Phone]:
    found = []
    for key in ("phone", "phone_2"):
        written = _value(fields, key)
        e164 = phone_numbers.normalize(written) if written else None
        if e164:
            found.append(Phone(e164, written, phone_numbers.kind_of(e164)))
    return found


def _address(fields: dict[str, ReviewField]) -> Address | None:
    parts = {k: _value(fields, k) for k in ("street", "house_number", "postcode", "city")}
    if not any(parts.values()):
        return None
    return Address(**parts)


def _apply_client(cf: ClientFile, conn, proposal: Proposal) -> tuple[int, bool]:
    """Create the client, or add to an existing one: new phones, e-mails and addresses are
    added, never overwritten; a stored company/IBAN/KvK/BTW is only filled when empty."""
    fields = proposal.fields
    decision = proposal.decision
    email = _value(fields, "email")
    address = _address(fields)
    if decision.kind == "existing" and decision.client_id is not None:
        client_id = decision.client_id
        stored = cf.client(client_id)
        updates = {k: _value(fields, k) for k in SCALAR if _value(fields, k) and not stored.get(k)}
        if _value(fields, "name") and not stored.get("name"):
            updates["name"] = _value(fields, "name")
        cf.update_client(conn, client_id, **updates)
        for phone in _phones(fields):
            cf.add_phone(conn, client_id, phone)
        if email:
            cf.add_email(conn, client_id, email)
        if address and not any(
            (a.get("postcode") or "").replace(" ", "") == (address.postcode or "").replace(" ", "")
            and (a.get("house_number") or "") == (address.house_number or "")
            for a in stored["addresses"]
        ):
            cf.add_address(conn, client_id, address)
        return client_id, False
    name = _value(fields, "name") or _value(fields, "company") or "Onbekende klant"
    client_id = cf.create_client(
        conn,
        name=name,
        phones=_phones(fields),
        emails=[email] if email else [],
        addresses=[address] if address else [],
        **{k: _value(fields, k) for k in SCALAR if _value(fields, k)},
    )
    return client_id, True
