"""One run of the import path: sources -> reading -> proposals -> (review) -> apply.

    from importing import import_paths
    report = import_paths(paths, cf)          # `main.py import`: every proposal by rule

    run = ImportRun(cf, review=True, ...)     # the wizard: the same path with a review
    proposals = run.read(source)              # on a worker thread
    ...                                       # the person reviews the proposals
    report = run.apply(proposals)             # all of them, or nothing

`main.py scan`, the watched folder and drag-and-drop are sources of the same run; the
same paper gives the same clients whatever the entry point.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ocr.engine.pool import OcrPool
from ocr.engine.preprocess import Settings
from ocr.engine.tesseract import DEFAULT_LANG, PAGE_TIMEOUT_S
from ocr.extract import OwnBusiness
from storage import ClientFile

from .apply import apply_proposals
from .contacts import ContactLists
from .detection import Recurring, suggestion
from .keeping import Keeper
from .matching import NEW, Decision
from .model import Unit
from .own_business import SettingsError, load_own_business, remember_suggestion
from .proposals import Proposal, accept_by_rule, propose_all
from .reading import Cancelled, Reading, Sheet
from .report import ImportReport, Progress
from .units import find_units

log = logging.getLogger(__name__)


def saved_own_business() -> OwnBusiness:
    try:
        return load_own_business()
    except SettingsError as e:  # unreadable settings must not stop an import
        log.warning("%s Eigen bedrijf wordt niet herkend.", e)
        return OwnBusiness()


class ImportRun:
    """See the module docstring. review=False stores what is read at once (without
    clients), so a large import never holds its pages in memory and a stopped one keeps
    what it read; with review the pages stay in memory until apply()."""

    def __init__(
        self,
        cf: ClientFile,
        *,
        review: bool,
        jobs: int | None = None,
        lang: str = DEFAULT_LANG,
        passwords: Sequence[str] = (),
        settings: Settings | None = None,
        page_timeout: float = PAGE_TIMEOUT_S,
        own: OwnBusiness | None = None,
        progress: Callable[[Progress], None] | None = None,
        on_page: Callable | None = None,
        cancel: Callable[[], bool] | None = None,
        stack_name: str | None = None,
        duplex: bool = False,
        gap_s: float | None = None,
        extract_fields: bool = True,
    ) -> None:
        self.cf = cf
        self.review = review
        self.jobs, self.lang, self.passwords = jobs, lang, tuple(passwords)
        self.settings = settings or Settings()
        self.page_timeout = page_timeout
        self.own = own if own is not None else saved_own_business()
        self.progress, self.on_page, self.cancel = progress, on_page, cancel
        self.stack_name, self.duplex, self.gap_s = stack_name, duplex, gap_s
        self.extract_fields = extract_fields
        self.report = ImportReport()
        self.recurring: Recurring | None = None  # what recurred across the units read
        self.contact_lists = ContactLists()  # their contacts join the paper's proposals
        self.started = time.monotonic()

    def read(self, source: Iterable[Unit | Sheet]) -> list[Proposal]:
        """Read every unit of the source and propose its client. Stops early, keeping
        what was read completely, when cancel() says so (report.cancelled)."""
        if not self.review:
            self.cf.require_writable()
            self.cf.sweep_originals()
        keeper = Keeper(
            self.cf,
            self.report,
            store=not self.review,
            stack_name=self.stack_name,
            gap_s=self.gap_s,
        )
        with OcrPool(
            self.jobs, lang=self.lang, settings=self.settings, page_timeout=self.page_timeout
        ) as pool:
            reading = Reading(
                self.cf,
                pool,
                self.report,
                on_unit=keeper.unit_read,
                on_contacts=lambda _unit, path: self.contact_lists.add(path),
                on_part=None if self.review else keeper.part_read,
                # a folder read while only loose files follow is stored within seconds too
                on_tick=None if self.review else keeper.commit_if_due,
                passwords=self.passwords,
                progress=self.progress,
                on_page=self.on_page,
                cancel=self.cancel,
                stack_name=self.stack_name,
                duplex=self.duplex,
            )
            try:
                reading.run(source)
            except Cancelled:
                self.report.cancelled = True
                pool.close(kill=True)
                reading.close_partly_read(keeper)
            except BaseException:
                pool.close(kill=True)
                keeper.commit_if_due(force=True)  # what is read stays for the next import
                raise
        keeper.commit_if_due(force=True)
        # units finish reading in any order; they are proposed in the order they came
        proposals = self.propose(sorted(keeper.units, key=lambda u: u.order))
        return self.contact_lists.join(self.cf, self.report, proposals)

    def propose(self, units: Sequence[Unit]) -> list[Proposal]:
        """Proposals for units read. The first call looks at all of them for what recurs
        (our own business); later ones (the review's split and join) use what it found."""
        if not self.extract_fields:
            return [Proposal(unit, {}, Decision(NEW, None, "")) for unit in units]
        first = self.recurring is None
        proposals, self.recurring = propose_all(self.cf, units, self.own, self.recurring)
        if first and self.recurring is not None:
            found = self.recurring
            own = found.written or found.own
            self.report.own_business = suggestion(own, self.own, found.folders)
            if self.report.own_business is not None and own is not None:
                try:
                    remember_suggestion(own)  # the window asks to confirm it
                except SettingsError as e:
                    log.warning("%s", e)
        return proposals

    def apply_by_rule(self, proposals: Sequence[Proposal]) -> ImportReport:
        """Without review (`main.py import`, `main.py scan`): every proposal accepted by
        rule, then stored."""
        accept_by_rule(proposals)
        return self.apply(proposals)

    def apply(self, proposals: Sequence[Proposal]) -> ImportReport:
        """Store the accepted proposals (a contact list's contacts among them): with
        review all of them or nothing, else one failing unit does not stop the rest."""
        apply_proposals(
            self.cf, proposals, self.report, atomic=self.review, scan_name=self.stack_name
        )
        with self.cf.transaction():
            self.contact_lists.log(self.cf, proposals)
        self.report.seconds = round(time.monotonic() - self.started, 3)
        return self.report


def import_paths(
    paths: Sequence[str | os.PathLike[str]],
    cf: ClientFile,
    *,
    jobs: int | None = None,
    lang: str = DEFAULT_LANG,
    progress: Callable[[Progress], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    passwords: Sequence[str] = (),
    settings: Settings | None = None,
    page_timeout: float = PAGE_TIMEOUT_S,
    own: OwnBusiness | None = None,
    extract_fields: bool = True,
) -> ImportReport:
    """Import files, client folders and cabinets into cf; one bad file never stops the rest.

    :param jobs: worker processes (default: one per core)
    :param progress: called with Progress (pages done/total, current file, seconds left)
    :param cancel: called often; True stops the import within a second, keeping what was
        read completely
    :param passwords: tried in turn on password-protected PDFs
    :param own: the user's own business (default: the saved settings)
    :param extract_fields: False stores page text only, each folder or file a client named
        after it (benchmarks of the reading alone)
    """
    run = ImportRun(
        cf,
        review=False,
        jobs=jobs,
        lang=lang,
        passwords=passwords,
        settings=settings,
        page_timeout=page_timeout,
        own=own,
        progress=progress,
        cancel=cancel,
        extract_fields=extract_fields,
    )
    return run.apply_by_rule(run.read(find_units([Path(p) for p in paths], run.report)))


def import_read(
    units: Sequence[Unit], cf: ClientFile, *, own: OwnBusiness | None = None
) -> ImportReport:
    """Units whose pages are read already (benchmarks with cached OCR), through the same
    steps after the reading: proposals, the rule, apply."""
    run = ImportRun(cf, review=False, own=own)
    return run.apply_by_rule(run.propose(list(units)))
