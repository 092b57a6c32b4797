"""Proposals for the wizard and `main.py scan`: page reading, fields and matching (no Qt).

The one place the wizard meets the OCR pool (ocr.OcrPool), extraction
(ocr.extract.extract_client, mask_bsn) and matching (ocr.matching.decide); it holds no OCR
or extraction logic of its own.
"""

from __future__ import annotations

import collections
import queue
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage import ClientNotFoundError, PageText

from .extract import ExtractedClient, extract_client, mask_bsn
from .matching import decide
from .pool import PAGES_PER_RUN, OcrPool
from .preprocess import DEFAULT_SETTINGS
from .tesseract import DEFAULT_LANG, PAGE_TIMEOUT_S

# Fields the review shows, in order, with their Dutch labels.
FIELD_LABELS: list[tuple[str, str]] = [
    ("name", "Naam"),
    ("company", "Bedrijf"),
    ("street", "Straat"),
    ("house_number", "Huisnummer"),
    ("postcode", "Postcode"),
    ("city", "Plaats"),
    ("phone", "Telefoon"),
    ("phone_2", "Telefoon 2"),
    ("email", "E-mail"),
    ("iban", "IBAN"),
    ("kvk", "KvK-nummer"),
    ("btw", "BTW-nummer"),
]
MULTI = {"phone": ("phone", "phone_2")}  # several values of one field on separate rows


@dataclass(slots=True)
class ReviewField:
    key: str
    value: str
    confidence: float | None = None  # 0..1
    page: int | None = None  # index into the batch's pages
    box: tuple[int, int, int, int] | None = None  # left, top, width, height in page pixels
    source: str = ""


@dataclass(slots=True)
class Decision:
    kind: str = "new"  # "existing", "new" or "ask"
    client_id: int | None = None
    reason: str = ""
    candidates: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Proposal:
    fields: dict[str, ReviewField]
    decision: Decision
    extracted: Any = None  # the extraction's own result, kept for apply_to_client
    flags: list[str] = field(default_factory=list)


class PageReader:
    """OCR of pages one by one as they come, on the pipeline's worker pool (ocr.OcrPool);
    a result per page as a future (pages that pile up share Tesseract runs: _hand_over).

    The pool is not shared between threads, so one thread of its own owns it: submit()
    only queues, and that thread hands tasks to the pool and results to the futures. The
    scanner thread thus never waits for OCR, and OCR never waits for the scanner.
    """

    def __init__(self, jobs: int = 2, lang: str = DEFAULT_LANG) -> None:
        self.lang = lang
        self.jobs = max(1, jobs)
        self._inbox: queue.Queue[tuple[tuple, Future[PageText]] | None] = queue.Queue()
        self._cancel = threading.Event()
        self._broken: Exception | None = None
        self._alone: set[int] = set()  # pages of a run that crashed: read one per run
        self._thread = threading.Thread(target=self._serve, name="ocr-pool", daemon=True)
        self._thread.start()

    def submit(self, path: Path, mime: str, index: int = 0) -> Future[PageText]:
        fut: Future[PageText] = Future()
        if self._broken is not None:
            fut.set_exception(self._broken)
        else:
            self._inbox.put(((Path(path), mime, index, None), fut))
        return fut

    def _serve(self) -> None:
        waiting: dict[int, list[tuple[tuple, Future[PageText]]]] = {}  # ticket -> its pages
        queued: collections.deque[tuple[tuple, Future[PageText]]] = collections.deque()
        try:
            self._run_pool(waiting, queued)
        except Exception as e:  # the pool itself broke: no page may wait forever
            self._broken = e
            pending = [fut for pages in waiting.values() for _, fut in pages]
            pending += [fut for _, fut in queued]
            while True:
                try:
                    item = self._inbox.get_nowait()
                except queue.Empty:
                    break
                if item:
                    pending.append(item[1])
            for fut in pending:
                if not fut.done():
                    fut.set_exception(e)

    def _run_pool(
        self,
        waiting: dict[int, list[tuple[tuple, Future[PageText]]]],
        queued: collections.deque[tuple[tuple, Future[PageText]]],
    ) -> None:
        closing = False
        with OcrPool(self.jobs, lang=self.lang) as pool:
            while not self._cancel.is_set():
                try:
                    item = self._inbox.get(timeout=0.02 if waiting or queued else 0.2)
                except queue.Empty:
                    item = ()
                if item is None:
                    closing = True
                elif item:
                    queued.append(item)
                self._hand_over(pool, queued, waiting)
                for ticket, result in pool.poll(0.05) if waiting else ():
                    pages = waiting.pop(ticket)
                    if isinstance(result, BaseException) and len(pages) > 1:
                        queued.extendleft(reversed(pages))  # one page to blame: one by one
                        self._alone.update(id(fut) for _, fut in pages)
                        continue
                    results = result if isinstance(result, list) else [result]
                    for (_, fut), page in zip(pages, results, strict=True):
                        if isinstance(page, BaseException):
                            fut.set_exception(page)
                        else:
                            fut.set_result(page)
                if closing and not waiting and not queued and self._inbox.empty():
                    return
            pool.close(kill=True)
        for pages in waiting.values():
            for _, fut in pages:
                fut.cancel()
        for _, fut in queued:
            fut.cancel()

    def _hand_over(
        self,
        pool: OcrPool,
        queued: collections.deque[tuple[tuple, Future[PageText]]],
        waiting: dict[int, list[tuple[tuple, Future[PageText]]]],
    ) -> None:
        """Pages to the workers: at once to an idle worker (a page from a slow scanner is
        not kept waiting), in runs of PAGES_PER_RUN when they pile up (one Tesseract start
        for several pages, as the import does)."""
        while queued:
            idle = self.jobs - pool.outstanding
            if idle > 0:
                size = min(PAGES_PER_RUN, -(-len(queued) // idle))
            elif len(queued) >= PAGES_PER_RUN and pool.outstanding < 2 * self.jobs:
                size = PAGES_PER_RUN
            else:
                return
            if id(queued[0][1]) in self._alone:
                size = 1
            pages = [queued.popleft() for _ in range(size)]
            specs = [spec for spec, _ in pages]
            task = ("pages", specs, self.lang, DEFAULT_SETTINGS, PAGE_TIMEOUT_S)
            waiting[pool.submit_task(task)] = pages

    def close(self, cancel: bool = False) -> None:
        if cancel:
            self._cancel.set()
        self._inbox.put(None)
        self._thread.join(None if not cancel else 5.0)
        while not self._inbox.empty():
            item = self._inbox.get_nowait()
            if item:
                item[1].cancel()


def _field(fv: Any, key: str) -> ReviewField:
    box = getattr(fv, "box", None)
    return ReviewField(
        key,
        str(getattr(fv, "value", fv) or ""),
        getattr(fv, "confidence", None),
        getattr(fv, "page_index", None),
        tuple(box) if box else None,
        getattr(fv, "source", ""),
    )


def propose(
    cf: Any,
    pages: Sequence[PageText],
    folder_name: str | None = None,
    cover_client_id: int | None = None,
) -> Proposal:
    """Fields read from a batch's pages and the proposed client for them."""
    fields: dict[str, ReviewField] = {}
    flags: list[str] = []
    extracted = extract_client(list(pages), folder_name=folder_name)
    for key, _label in FIELD_LABELS:
        if key in MULTI["phone"][1:]:
            continue
        if key == "phone":
            for row, fv in zip(MULTI["phone"], extracted.values("phone"), strict=False):
                fields[row] = _field(fv, row)
            continue
        if key in ("street", "house_number", "postcode", "city"):
            fv = extracted.best(key)
            if fv is None and extracted.addresses:
                address = extracted.addresses[0]
                value = getattr(address, key)
                if value:
                    fields[key] = ReviewField(
                        key,
                        value,
                        address.confidence,
                        address.page_index,
                        None,
                        address.source,
                    )
                continue
        else:
            fv = extracted.best(key)
        if fv is not None:
            fields[key] = _field(fv, key)
    if extracted.bsn_pages:
        flags.append("Op dit papier staat een BSN; het is afgeschermd in de zoektekst.")
    for name in sorted(extracted.ambiguous):
        flags.append(f"Meerdere waarden gelezen voor {name}: kies de juiste.")
    if cover_client_id is not None and _exists(cf, cover_client_id):
        decision = Decision("existing", cover_client_id, "scheidingsblad van deze klant")
    elif cover_client_id is not None:
        decision = _decide(cf, extracted)
        decision.reason = (
            f"Het scheidingsblad noemt klant nr. {cover_client_id}, maar die bestaat niet "
            f"(meer) in dit klantbestand. {decision.reason}"
        )
        if decision.kind == "existing":
            decision.kind = "ask"
    else:
        decision = _decide(cf, extracted)
    return Proposal(fields, decision, extracted, flags)


def _exists(cf: Any, client_id: int) -> bool:
    try:
        cf.client(client_id)
    except ClientNotFoundError:
        return False
    return True


def _decide(cf: Any, extracted: ExtractedClient) -> Decision:
    found = decide(cf, extracted)
    return Decision(
        found.kind, found.client_id, found.reason, [client_id for client_id, *_ in found.candidates]
    )


def masked(page: PageText) -> PageText:
    """The page with any BSN masked (AVG) before it is stored."""
    return mask_bsn(page)[0]
