"""The reading stage: the files of units looked at, their pages read on the OcrPool.

One loop in one thread, whatever the entry point: units come from a source (paths, a
scanner, a watched folder) through a queue filled by a thread of their own, so a source
that waits (a scanner feeding, a folder being watched) never keeps the workers idle.
Each file is recognised by its content and hashed: a file stored before is skipped (a
folder imported again keeps its client), a file stored by an import that stopped before
its clients were made is taken up again without being read twice, a contact list goes
its own way. A file is probed on a worker (pages, PDF password) and its pages are read
there; the loop asks only a few pages ahead, so pages stream through and are never all
in memory. A unit whose files are all read goes to the keeper (keeping.py). A document
of a client folder longer than limits.PART_PAGES is read as consecutive parts (documents
with frames), and each part goes to the keeper as soon as it is read (on_part), so an
import that is stopped or killed keeps the parts it read, and the next one reads the rest.
A long loose file (a stack) is kept the same way, in pieces that never cross a separator
sheet: each run of content pages between two separators, cut every PART_PAGES pages, is
stored the moment its pages are read, and the stack is divided into clients from those
pieces and its separator sheets once all are read (stacks.py).
"""

from __future__ import annotations

import collections
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ocr.engine.pool import PAGES_PER_RUN, OcrPool
from ocr.engine.worker import Probe
from ocr.errors import BadFileError, OcrError
from ocr.sources import limits
from ocr.sources.files import IMAGE_MIMES, detect_mime, plain_os_error, printable
from ocr.sources.limits import check_file_size, check_page_count
from ocr.sources.separators import PageKind
from storage import ClientFile, PageText
from storage.originals import sha256_of

from .contacts import is_contact_file
from .model import Document, PageItem, Unit
from .report import ImportReport, Progress
from .stacks import pages_text

PROGRESS_EVERY_S = 0.1


@dataclass(slots=True)
class _Pieces:
    """Where a long file of a stack stands: frames before `at` are in pieces or separator
    sheets; `stored` holds the pieces an import that stopped stored (by first frame)."""

    stored: dict[int, Document]
    at: int = 0


@dataclass(frozen=True, slots=True)
class Sheet:
    """A page image that joins the stack being read (a scanner page, a file dropped in a
    watched folder): yielded by a source between or instead of units."""

    path: Path
    name: str | None = None  # shown name; the file's own name when None
    scanned: bool = False  # a page from the scanner (a file of our own making)


class Cancelled(Exception):
    """The user stopped the import; what was read completely is kept."""


class _Feeder:
    """Runs the source on a thread of its own and hands its items over through a queue."""

    _END = object()

    def __init__(self, source: Iterable[Unit | Sheet]) -> None:
        self._queue: queue.Queue = queue.Queue(maxsize=256)
        self._stop = threading.Event()
        self.error: BaseException | None = None
        self.finished = False
        self._thread = threading.Thread(target=self._run, args=(source,), daemon=True)
        self._thread.start()

    def _run(self, source: Iterable[Unit | Sheet]) -> None:
        try:
            for item in source:
                while not self._stop.is_set():
                    try:
                        self._queue.put(item, timeout=0.2)
                        break
                    except queue.Full:
                        continue
                if self._stop.is_set():
                    return
        except BaseException as e:  # the source itself failed (scanner gone): keep what came
            self.error = e
        finally:
            self._queue.put(self._END)

    def take(self, wait: float) -> list[Unit | Sheet]:
        items: list = []
        try:
            item = self._queue.get(timeout=wait) if wait > 0 else self._queue.get_nowait()
            while True:
                if item is self._END:
                    self.finished = True
                    break
                items.append(item)
                item = self._queue.get_nowait()
        except queue.Empty:
            pass
        return items

    def stop(self) -> None:
        self._stop.set()


class Reading:
    """Reads every unit of a source; see the module docstring. on_unit gets each unit once
    all its files are read (or failed); on_page gets PageItems as they are asked for and
    as they are read (the wizard's thumbnails and marks)."""

    def __init__(
        self,
        cf: ClientFile,
        pool: OcrPool,
        report: ImportReport,
        *,
        on_unit: Callable[[Unit], None],
        on_contacts: Callable[[Unit, Path], None],
        on_part: Callable[[Unit, Document], None] | None = None,
        on_tick: Callable[[], None] | None = None,
        passwords: Iterable[str] = (),
        progress: Callable[[Progress], None] | None = None,
        on_page: Callable[[PageItem], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        stack_name: str | None = None,
        duplex: bool = False,
    ) -> None:
        self.cf, self.pool, self.report = cf, pool, report
        self.on_unit, self.on_contacts, self.on_part = on_unit, on_contacts, on_part
        self.on_tick = on_tick  # every pass of the loop: the keeper commits what is due
        self.passwords = tuple(passwords)
        self.progress, self.on_page, self.cancel = progress, on_page, cancel
        self.stack_name, self.duplex = stack_name, duplex
        self.started = time.monotonic()
        self.todo: collections.deque[tuple[Unit, Path]] = collections.deque()
        self.open: dict[int, Unit] = {}  # id -> unit with files not yet read
        self.waiting: dict[int, int] = collections.Counter()  # unit id -> documents not done
        self.tickets: dict[int, tuple[Document, int | None, PageItem | None]] = {}
        self.unit_of: dict[int, Unit] = {}  # document id -> unit
        self.stream: Unit | None = None  # the stack that Sheets join
        self.sheets: dict[Path, Sheet] = {}
        # files being probed, in the order they were found: their pages are asked for in
        # that order (a stack's sheets stay in feeder order, whichever worker answers first)
        self.probing: collections.deque[Document] = collections.deque()
        self.probes: dict[int, object] = {}  # id(document) -> its probe's answer
        self.seen: set[str] = set()
        self.parts: set[int] = set()  # ids of documents that are parts of a long file
        self.owned_parts: set[int] = set()  # stored parts that have their client already
        self.pieced: dict[int, _Pieces] = {}  # id(document) -> a long file of a stack
        self.arrivals = 0
        self.pages_asked = 0
        self.pages_done = 0
        self.files_total = 0
        self.files_probed = 0
        self.pages_known = 0
        self.current = ""
        self.last_progress = 0.0

    # -- the loop ----------------------------------------------------------------------------

    def run(self, source: Iterable[Unit | Sheet]) -> None:
        feeder = _Feeder(source)
        window = PAGES_PER_RUN * self.pool.jobs  # enough for every worker's next run
        try:
            while True:
                if self.cancel is not None and self.cancel():
                    raise Cancelled
                idle = not self.pool.outstanding and not self.todo
                for item in feeder.take(0.05 if idle and not feeder.finished else 0):
                    self._arrived(item)
                while self.todo and self.pool.backlog < window:
                    unit, path = self.todo.popleft()
                    self._look_at(unit, path)
                if feeder.finished and not self.todo:
                    self._close_stream()
                    if not self.pool.outstanding:
                        break
                for ticket, result in self.pool.poll(0.05) if self.pool.outstanding else ():
                    self._answered(ticket, result)
                self._report_progress()
                if self.on_tick is not None:
                    self.on_tick()
        finally:
            feeder.stop()
        if feeder.error is not None:
            where = self.stack_name or "Bron"
            self.report.error(where, str(feeder.error) or type(feeder.error).__name__)
        self._report_progress(force=True)

    def _arrived(self, item: Unit | Sheet) -> None:
        if isinstance(item, Sheet):
            if self.stream is None:
                self.stream = Unit(self.stack_name or "stapel", "batch", stack=True)
                self.stream.duplex = self.duplex
                self.stream.order = self.arrivals
                self.arrivals += 1
                self.open[id(self.stream)] = self.stream
            self.sheets[item.path] = item
            self._queue_file(self.stream, item.path)
            return
        item.order = self.arrivals  # units are proposed in the order they came
        self.arrivals += 1
        self.open[id(item)] = item
        for path in item.files:
            self._queue_file(item, path)
        if not item.files:
            self._maybe_done(item)

    def _queue_file(self, unit: Unit, path: Path) -> None:
        self.todo.append((unit, path))
        self.waiting[id(unit)] += 1
        self.files_total += 1

    def _close_stream(self) -> None:
        """The source ended: the stack of sheets is complete once its pages are read."""
        stream, self.stream = self.stream, None
        if stream is not None:
            stream.files = []  # every sheet is queued; nothing more joins it
            self._maybe_done(stream)

    # -- looking at a file -------------------------------------------------------------------

    def _look_at(self, unit: Unit, path: Path) -> None:
        self.current = str(path)
        doc = self._document(unit, path)
        if doc is None:
            self.files_total -= 1
            self._file_done(unit)
            return
        unit.documents.append(doc)
        self.unit_of[id(doc)] = unit
        if doc.stored_id is not None:
            self._file_done(unit)  # read by an earlier import; its pages are stored
            return
        self.probing.append(doc)
        if doc.scanned:  # one page just out of the scanner: read it at once
            self.probes[id(doc)] = Probe(1)
            self._probe_answered()
            return
        self.tickets[self.pool.probe(path, doc.mime, self.passwords)] = (doc, None, None)

    def _document(self, unit: Unit, path: Path) -> Document | None:
        """The document a file is, or None when it is not one (reported where needed)."""
        try:
            mime = detect_mime(path)
            if mime is None:
                if self._contact_list(unit, path):
                    return None
                if path.stat().st_size == 0:
                    raise BadFileError("leeg bestand (0 bytes)")
                if path.suffix.lower() == ".pdf":
                    raise BadFileError("beschadigde PDF (het begin van het bestand ontbreekt)")
                raise BadFileError("geen scan: geen afbeelding, PDF of contactenlijst")
            if mime not in IMAGE_MIMES and mime != "application/pdf":
                raise BadFileError("onbekend bestandstype")
            check_file_size(path)
            sha = sha256_of(path)
        except OSError as e:
            self.report.error(path, plain_os_error(e))
            return None
        except OcrError as e:
            self.report.error(path, str(e))
            return None
        sheet = self.sheets.pop(path, None)
        name = sheet.name if sheet is not None and sheet.name else printable(path.name)
        scanned = sheet is not None and sheet.scanned
        doc = Document(path, mime, name, sha, arrived=time.monotonic(), scanned=scanned)
        if scanned:
            return doc  # a sheet just out of the scanner: new paper, even when it looks
            # like another (two blank separator sheets are the same image)
        if sha in self.seen:
            self.report.skipped += 1  # the same file twice in one import
            return None
        self.seen.add(sha)
        stored = self.cf.documents_by_sha256(sha)
        owned = [d.client_id for d in stored if d.client_id is not None]
        # parts of a long document of a folder (see _parts) or pieces of a long file of a
        # stack (_in_pieces): the ones missing are read
        parts = bool(stored) and all(d.frames is not None for d in stored)
        if owned and unit.known_client_id is None:
            # a folder imported again keeps its client for the files that are new
            unit.known_client_id = owned[0]
        if owned and not parts:
            self.report.skipped += 1
            return None
        whole = [d for d in stored if d.frames is None]
        if whole:
            doc.stored_id = whole[0].id  # read before; its client was never made
        else:  # parts of a long document stored by an import that stopped
            doc.stored_parts = {tuple(d.frames or ()): d.id for d in stored}
            self.owned_parts.update(d.id for d in stored if d.client_id is not None)
        return doc

    def _contact_list(self, unit: Unit, path: Path) -> bool:
        if not is_contact_file(path):
            return False
        unit.contact_lists += 1
        self.on_contacts(unit, path)
        return True

    # -- answers from the pool ---------------------------------------------------------------

    def _answered(self, ticket: int, result: object) -> None:
        doc, frame, item = self.tickets.pop(ticket)
        if doc.error is not None and frame is not None:
            return  # the document failed already; its other pages do not matter
        if frame is None:
            self.probes[id(doc)] = result
            self._probe_answered()
            return
        self.pages_done += 1
        if isinstance(result, OcrError):
            if item is not None:
                item.error = str(result)
                self._page_event(item)
            count = len(doc.frames or ()) or 1
            self._fail(doc, f"pagina {frame + 1}: {result}" if count > 1 else str(result))
            return
        if isinstance(result, PageKind):
            doc.kinds[frame] = result
        else:
            assert isinstance(result, PageText)
            doc.pages[frame] = result
        if item is not None:
            item.kind = result if isinstance(result, PageKind) else PageKind("content")
            item.text = result if isinstance(result, PageText) else None
            self._page_event(item)
        self._page_read(doc)

    def _page_read(self, doc: Document) -> None:
        unit = self.unit_of[id(doc)]
        if id(doc) in self.pieced:
            self._hand_on(unit, doc)
        if doc.frames_read == len(doc.frames or ()):
            if doc.pieces and all(p.stored_id in self.owned_parts for p in doc.pieces):
                self._skip(unit, doc)  # every piece stored and given its client before
                return
            if self.on_part is not None and id(doc) in self.parts:
                self.on_part(unit, doc)  # kept now, not when the whole folder is read
            self._file_done(unit)

    def _probe_answered(self) -> None:
        """Files whose probe is answered, taken in the order they were found."""
        while self.probing and id(self.probing[0]) in self.probes:
            first = self.probing.popleft()
            self._probed(first, self.probes.pop(id(first)))

    def _probed(self, doc: Document, result: object) -> None:
        self.files_probed += 1
        if isinstance(result, OcrError):
            self._fail(doc, str(result))
            return
        assert isinstance(result, Probe)
        try:
            check_page_count(result.pages)
        except OcrError as e:
            self._fail(doc, str(e))
            return
        doc.password = result.password
        doc.frames = list(range(result.pages))
        self.pages_known += result.pages
        unit = self.unit_of[id(doc)]
        if not doc.frames:
            self._fail(doc, "het bestand heeft geen pagina's")
            return
        if self._in_pieces(unit, doc):
            state = self.pieced[id(doc)]
            stored = {f for piece in state.stored.values() for f in piece.frames or ()}
            self.pages_done += len(stored)
            self._ask_pages(unit, doc, [f for f in doc.frames if f not in stored])
            self._page_read(doc)  # pieces stored before, at its start or all of it
            return
        if unit.stack and self.owned_parts.intersection(doc.stored_parts.values()):
            self._skip(unit, doc)  # divided at its separator sheets by an earlier import
            return
        for part in self._parts(unit, doc):
            self._ask_pages(unit, part)

    def _skip(self, unit: Unit, doc: Document) -> None:
        self.report.skipped += 1
        unit.documents = [d for d in unit.documents if d is not doc]
        self._file_done(unit)

    def _in_pieces(self, unit: Unit, doc: Document) -> bool:
        """Whether a file of a stack is kept in pieces as read (see the module docstring):
        when it is longer than a part, its pages are stored as read (no review), and a sheet
        is one page (in duplex a blank back side is no separator)."""
        frames = doc.frames or []
        if not unit.stack or unit.duplex or self.on_part is None:
            return False
        if len(frames) <= limits.PART_PAGES:
            return False
        stored = {}
        for key, stored_id in doc.stored_parts.items():
            piece = self._piece_of(doc, list(key))
            piece.stored_id = stored_id
            stored[key[0]] = piece
        self.pieced[id(doc)] = _Pieces(stored)
        return True

    def _piece_of(self, doc: Document, frames: list[int]) -> Document:
        return Document(
            doc.path,
            doc.mime,
            f"{doc.name}, {pages_text(frames)}",
            doc.sha256,
            frames=frames,
            password=doc.password,
            arrived=doc.arrived,
        )

    def _hand_on(self, unit: Unit, doc: Document, *, stop: bool = False) -> None:
        """The pieces of a long file of a stack that are read go to the keeper: a run of
        content pages ends at a separator sheet, after limits.PART_PAGES pages, at a piece
        stored before, and at the end of the file (stop: at the first page not read)."""
        state = self.pieced[id(doc)]
        frames = doc.frames or []
        run: list[int] = []
        at = state.at
        while at < len(frames):
            frame = frames[at]
            stored = state.stored.pop(frame, None)
            if stored is not None or frame in doc.kinds:
                self._store_piece(unit, doc, run)
                run = []
                if stored is not None:
                    doc.pieces.append(stored)
                at += len(stored.frames or ()) if stored is not None else 1
                state.at = at
                continue
            if frame not in doc.pages:
                break
            run.append(frame)
            at += 1
            if len(run) == limits.PART_PAGES:
                self._store_piece(unit, doc, run)
                run = []
                state.at = at
        if at == len(frames) or stop:
            self._store_piece(unit, doc, run)
            state.at = at

    def _store_piece(self, unit: Unit, doc: Document, frames: list[int]) -> None:
        if not frames:
            return
        piece = self._piece_of(doc, frames)
        piece.pages = {frame: doc.pages.pop(frame) for frame in frames}
        assert self.on_part is not None
        self.on_part(unit, piece)  # stored now: its pages leave memory
        doc.pieces.append(piece)

    def _parts(self, unit: Unit, doc: Document) -> list[Document]:
        """The document, or its consecutive parts of limits.PART_PAGES pages when it is
        longer and kept as read (a client folder's: a stack's pages are divided at its
        separator sheets once all are read). Parts stored before are done already."""
        size = limits.PART_PAGES
        frames = doc.frames or []
        if self.on_part is None or unit.stack or len(frames) <= size:
            return [doc]
        base = doc.name
        parts = [doc]
        for _ in range(size, len(frames), size):
            part = Document(doc.path, doc.mime, base, doc.sha256, password=doc.password)
            part.arrived = doc.arrived
            parts.append(part)
            self.unit_of[id(part)] = unit
            self.waiting[id(unit)] += 1
        at = unit.documents.index(doc)
        unit.documents[at + 1 : at + 1] = parts[1:]
        todo = []
        self.parts.update(id(part) for part in parts)
        for number, part in enumerate(parts):
            part.frames = frames[number * size : (number + 1) * size]
            part.name = f"{base}, {pages_text(part.frames)}"
            part.stored_id = doc.stored_parts.get(tuple(part.frames))
            if part.stored_id is not None:
                self.pages_done += len(part.frames)
                self._file_done(unit)
            else:
                todo.append(part)
        if not todo and all(p.stored_id in self.owned_parts for p in parts):
            self.report.skipped += 1  # every part stored and given its client before
            unit.documents = [d for d in unit.documents if not any(d is p for p in parts)]
        return todo

    def _ask_pages(self, unit: Unit, doc: Document, frames: list[int] | None = None) -> None:
        for frame in doc.frames or () if frames is None else frames:
            item = None
            if self.on_page is not None:
                item = PageItem(self.pages_asked, doc, frame)
                self._page_event(item)
            self.pages_asked += 1
            ticket = self.pool.read(doc.path, doc.mime, frame, doc.password, sheet=unit.stack)
            self.tickets[ticket] = (doc, frame, item)

    def _fail(self, doc: Document, reason: str) -> None:
        if doc.pieces:
            reason += "; de pagina's ervoor zijn bewaard"
        doc.error = reason
        self.report.error(doc.path, reason)
        done = doc.frames_read
        self.pages_done += max(0, len(doc.frames or ()) - done - 1)
        doc.pages.clear()
        self._file_done(self.unit_of[id(doc)])

    def _page_event(self, item: PageItem) -> None:
        if self.on_page is not None:
            self.on_page(item)

    # -- units -------------------------------------------------------------------------------

    def _file_done(self, unit: Unit) -> None:
        self.waiting[id(unit)] -= 1
        self._maybe_done(unit)

    def _maybe_done(self, unit: Unit) -> None:
        if unit is self.stream or self.waiting[id(unit)] > 0:
            return
        if self.open.pop(id(unit), None) is None:
            return
        del self.waiting[id(unit)]
        self.on_unit(unit)

    def close_partly_read(self, keeper) -> None:
        """After a cancel: the documents read completely of the units not yet done are
        kept too (a long file of a stack up to its first page not read); pages not read
        are never stored."""
        for unit in list(self.open.values()):
            for doc in unit.documents:
                if id(doc) in self.pieced and doc.error is None:
                    self._hand_on(unit, doc, stop=True)
                    frames, at = doc.frames or [], self.pieced[id(doc)].at
                    if at < len(frames):  # what lies beyond the first page not read goes
                        doc.kinds = {f: k for f, k in doc.kinds.items() if f < frames[at]}
                        doc.pages.clear()
            unit.documents = [
                d
                for d in unit.documents
                if d.pieces
                or (
                    d.error is None
                    and (d.stored_id is not None or (d.frames and d.frames_read == len(d.frames)))
                )
            ]
            del self.open[id(unit)]
            if unit.documents:
                keeper.unit_read(unit)

    # -- progress ----------------------------------------------------------------------------

    def _report_progress(self, force: bool = False) -> None:
        if self.progress is None:
            return
        now = time.monotonic()
        if not force and now - self.last_progress < PROGRESS_EVERY_S:
            return
        self.last_progress = now
        unprobed = max(0, self.files_total - self.files_probed)
        per_file = self.pages_known / self.files_probed if self.files_probed else 1.0
        total = max(self.pages_known + round(unprobed * per_file), self.pages_done)
        left = None
        if self.pages_done:
            rate = self.pages_done / (now - self.started)
            left = round((total - self.pages_done) / rate, 1) if rate > 0 else None
        self.progress(Progress(self.pages_done, total, self.current, left))
