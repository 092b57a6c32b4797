"""Step 3: per client found, the fields read with the paper beside them; edit, choose the
client, accept. Nothing is written until "Opslaan"."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from importing import ImportRun
from importing.matching import EXISTING, NEW, Decision
from importing.own_business import OwnBusiness, SettingsError, accept_suggestion
from importing.proposals import FIELD_LABELS, Proposal
from importing.review import join_proposals, proposal_pages, split_proposal
from storage import Client

from ..data import ClientData
from ..i18n import field_label
from ..workers import submit
from .client_choice import ClientChoice
from .progress_page import pil_to_pixmap, thumbnail_key
from .review_values import (
    CROP_MAX,
    batch_title,
    confidence_colour,
    field_crops,
    same_value,
    stored_values,
    waiting,
)
from .runner import repropose


class ReviewPage(QWidget):
    save_requested = Signal()
    back_requested = Signal()

    def __init__(self, data: ClientData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.proposals: list[Proposal] = []
        self.run: ImportRun | None = None
        self.thumbnails: dict = {}
        self.current = -1
        self._stored: dict[str, set[str]] = {}
        self._seq = 0

        left = self._build_batch_list()
        right = self._build_details()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([260, 840])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Nakijken</h2>")))
        layout.addWidget(splitter, 1)

        # Tab goes from field to field, then to the choice of client and the buttons.
        order = [self.edits[key] for key, _ in FIELD_LABELS]
        order += [self.decision, self.client_search, self.accept_button, self.save_button]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self._connect()

    # -- building ------------------------------------------------------------------------------

    def _build_batch_list(self) -> QWidget:
        """Left: the clients found, with splitting and joining."""
        self.batch_list = QListWidget()
        self.batch_list.setObjectName("batches")
        self.split_button = QPushButton(self.tr("&Splitsen vóór gekozen pagina"))
        self.join_button = QPushButton(self.tr("Samen&voegen met volgende"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("<b>Gevonden klanten</b>")))
        left_layout.addWidget(self.batch_list, 1)
        left_layout.addWidget(self.split_button)
        left_layout.addWidget(self.join_button)
        return left

    def _build_details(self) -> QWidget:
        """Right: one client's pages, the choice of client, the fields and the buttons."""
        self.heading = QLabel()
        self.heading.setObjectName("review_heading")
        self._build_page_strip()
        self.choice = ClientChoice(self.data)
        # the parts the page (and its tests) reach: the combo, the search, the reason
        self.decision, self.client_search = self.choice.decision, self.choice.client_search
        self.search_results, self.reason = self.choice.search_results, self.choice.reason
        scroll = self._build_form()
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet("color: #a40000")
        own_row = self._build_own_found_row()
        self.problems = QLabel()  # what went wrong while reading (files, scanner)
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a40000")
        bottom = self._build_buttons()

        right = QWidget()
        self.details = right
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.pages)
        right_layout.addWidget(self.choice)
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(self.flags)
        right_layout.addLayout(own_row)
        right_layout.addWidget(self.problems)
        right_layout.addLayout(bottom)
        return right

    def _build_page_strip(self) -> None:
        self.pages = QListWidget()
        self.pages.setObjectName("batch_pages")
        self.pages.setViewMode(QListView.ViewMode.IconMode)
        self.pages.setFlow(QListView.Flow.LeftToRight)
        self.pages.setWrapping(False)
        self.pages.setIconSize(QSize(100, 140))
        self.pages.setFixedHeight(190)
        self.pages.setMovement(QListView.Movement.Static)
        self.pages.setGridSize(QSize(150, 175))
        self.pages.setWordWrap(True)
        self.pages.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def _build_form(self) -> QScrollArea:
        """Per field: the reading to edit, the paper it came from, the stored value."""
        self.form = QGridLayout()
        self.form.setColumnStretch(1, 1)
        self.form.addWidget(QLabel(self.tr("<b>Veld</b>")), 0, 0)
        self.form.addWidget(QLabel(self.tr("<b>Gelezen (aan te passen)</b>")), 0, 1)
        self.form.addWidget(QLabel(self.tr("<b>Op papier</b>")), 0, 2)
        self.form.addWidget(QLabel(self.tr("<b>In klantbestand</b>")), 0, 3)
        self.edits: dict[str, QLineEdit] = {}
        self.crops: dict[str, QLabel] = {}
        self.stored_labels: dict[str, QLabel] = {}
        for row, (key, label) in enumerate(FIELD_LABELS, start=1):
            edit = QLineEdit()
            edit.setObjectName(f"field_{key}")
            crop = QLabel()
            crop.setMinimumSize(CROP_MAX)
            stored = QLabel()
            stored.setObjectName(f"stored_{key}")
            caption = QLabel(field_label(label) + ":")
            caption.setBuddy(edit)
            self.form.addWidget(caption, row, 0)
            self.form.addWidget(edit, row, 1)
            self.form.addWidget(crop, row, 2)
            self.form.addWidget(stored, row, 3)
            self.edits[key], self.crops[key], self.stored_labels[key] = edit, crop, stored
            edit.textEdited.connect(lambda text, key=key: self._edited(key, text))
            edit.returnPressed.connect(self.accept_current)
        form_widget = QWidget()
        form_widget.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        return scroll

    def _build_own_found_row(self) -> QHBoxLayout:
        """What recurred in every folder: the user's own business, to confirm."""
        self.own_found = QLabel()
        self.own_found.setObjectName("own_found")
        self.own_found.setWordWrap(True)
        self.own_found_button = QPushButton(self.tr("Dit is mijn &bedrijf: opslaan"))
        self.own_found_button.setObjectName("own_found_save")
        self.own_found_button.clicked.connect(self._save_own_found)
        own_row = QHBoxLayout()
        own_row.addWidget(self.own_found, 1)
        own_row.addWidget(self.own_found_button)
        return own_row

    def _build_buttons(self) -> QHBoxLayout:
        self.accept_button = QPushButton(self.tr("Klant &goedkeuren (Enter)"))
        self.accept_button.setObjectName("accept")
        self.save_button = QPushButton(self.tr("Alles &opslaan"))
        self.save_button.setObjectName("save")
        self.status = QLabel()
        self.status.setObjectName("review_status")
        self.status.setWordWrap(True)
        self.back_button = QPushButton(self.tr("Opnieuw &beginnen"))
        self.back_button.setObjectName("back")
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.accept_button)
        bottom.addWidget(self.save_button)
        return bottom

    def _connect(self) -> None:
        self.choice.chosen.connect(self._decision_chosen)
        self.choice.failed.connect(self.status.setText)
        self.batch_list.currentRowChanged.connect(self.show_batch)
        self.split_button.clicked.connect(self.split_current)
        self.join_button.clicked.connect(self.join_current)
        self.accept_button.clicked.connect(self.accept_current)
        self.save_button.clicked.connect(self.save_requested)
        self.back_button.clicked.connect(self.back_requested)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, self.next_batch, context=context)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, self.previous_batch, context=context)

    # -- filling -------------------------------------------------------------------------------

    def set_proposals(self, proposals: list[Proposal], run: ImportRun, thumbnails: dict) -> None:
        self.proposals, self.run, self.thumbnails = proposals, run, thumbnails
        self.current = -1
        found = run.report.own_business
        self.own_found.setText(
            self.tr(
                "%1. Die gegevens staan in (bijna) elke map; ze komen op geen enkele klantkaart."
            ).replace("%1", found["message"])
            if found
            else ""
        )
        self.own_found.setVisible(bool(found))
        self.own_found_button.setVisible(bool(found))
        self._fill_list()
        for widget in (self.pages, self.decision, self.client_search, self.accept_button):
            widget.setEnabled(bool(proposals))
        for key, _label in FIELD_LABELS:
            self.edits[key].setEnabled(bool(proposals))
            self.edits[key].clear()
            self.crops[key].clear()
            self.stored_labels[key].clear()
        self.pages.clear()
        self.reason.clear()
        if proposals:
            self.batch_list.setCurrentRow(0)
            self.show_batch(0)
        else:
            self.heading.setText(
                self.tr(
                    "<p><b>Er is geen papier met inhoud ingelezen.</b> Zie de meldingen "
                    "hieronder; met ‘Opnieuw beginnen’ kiest u ander papier.</p>"
                )
            )
            self.back_button.setFocus()
        self._update_status()

    def _fill_list(self) -> None:
        row = self.batch_list.currentRow()
        self.batch_list.blockSignals(True)
        self.batch_list.clear()
        for number, proposal in enumerate(self.proposals):
            item = QListWidgetItem(batch_title(number, proposal))
            item.setToolTip(item.text())
            if proposal.accepted:
                item.setForeground(QBrush(QColor("#2e7d32")))
            self.batch_list.addItem(item)
        self.batch_list.blockSignals(False)
        if 0 <= row < len(self.proposals):
            self.batch_list.setCurrentRow(row)

    def show_batch(self, number: int) -> None:
        if not 0 <= number < len(self.proposals):
            return
        self.current = number
        if self.batch_list.currentRow() != number:
            self.batch_list.blockSignals(True)
            self.batch_list.setCurrentRow(number)
            self.batch_list.blockSignals(False)
        proposal = self.proposals[number]
        pages = proposal_pages(proposal)
        self._seq += 1
        self.heading.setText(
            self.tr("<b>Klant %1 van %2</b> — %3 pagina('s)")
            .replace("%1", str(number + 1))
            .replace("%2", str(len(self.proposals)))
            .replace("%3", str(len(pages)))
            + f" · {proposal.unit.label}"
        )
        self.pages.clear()
        for index, (doc, frame) in enumerate(pages):
            entry = QListWidgetItem(self.tr("pagina %1").replace("%1", str(index + 1)))
            pixmap = self.thumbnails.get(thumbnail_key(doc.path, frame))
            if pixmap is not None:
                entry.setIcon(QIcon(pixmap))
            page = doc.pages.get(frame)
            if page is not None and (page.confidence or 0) < 60 and len(page.words) < 3:
                entry.setForeground(QBrush(QColor("#a40000")))
            self.pages.addItem(entry)
        if waiting(proposal):
            self._reproposal([number])
            return
        for key, _label in FIELD_LABELS:
            found = proposal.get(key)
            edit = self.edits[key]
            edit.setText(found.value if found else "")
            self._colour(key)
            self.crops[key].clear()
            self.crops[key].setToolTip("")
        self.choice.show_proposal(proposal)
        self.flags.setText("\n".join(proposal.flags))
        self._load_crops(number)
        self._load_stored()
        first = self.edits[FIELD_LABELS[0][0]]
        first.setFocus()
        first.selectAll()

    def _colour(self, key: str) -> None:
        found = self.proposals[self.current].get(key)
        colour = confidence_colour(found.confidence) if found and found.value else None
        edit = self.edits[key]
        edit.setStyleSheet(f"QLineEdit {{ background: {colour}; }}" if colour else "")
        if found and found.confidence is not None and found.value:
            edit.setToolTip(
                self.tr("Zekerheid %1%").replace("%1", f"{found.confidence * 100:.0f}")
                + (f" · {found.source}" if found.source else "")
            )
        else:
            edit.setToolTip("")

    def _reproposal(self, numbers: list[int]) -> None:
        self.status.setText(self.tr("Gegevens opnieuw lezen…"))
        changed = [self.proposals[n] for n in numbers]
        assert self.run is not None
        submit(
            repropose,
            self.data,
            self.run,
            changed,
            on_result=lambda _r: self._reproposed(numbers),
            on_error=lambda e: self.status.setText(str(e)),
        )

    def _reproposed(self, numbers: list[int]) -> None:
        self._fill_list()
        self._update_status()
        if self.current in numbers:
            self.show_batch(self.current)

    def _load_crops(self, number: int) -> None:
        seq = self._seq
        submit(
            field_crops,
            self.proposals[number],
            on_result=lambda crops: self._show_crops(seq, crops),
            on_error=lambda _e: None,  # no crop is no loss: the field is still there
        )

    def _show_crops(self, seq: int, crops: dict) -> None:
        if seq != self._seq:
            return
        for key, image in crops.items():
            self.crops[key].setPixmap(pil_to_pixmap(image))

    # -- client choice -------------------------------------------------------------------------

    def _decision_chosen(self, index: int) -> None:
        proposal = self.proposals[self.current]
        if waiting(proposal):
            return
        client_id = self.decision.itemData(index)
        proposal.joins = None  # the person decides, whatever the import found
        if client_id is None:
            proposal.decision = Decision(NEW, None, self.tr("door u gekozen: nieuwe klant"))
        else:
            proposal.decision = Decision(
                EXISTING, int(client_id), self.tr("door u gekozen"), proposal.decision.candidates
            )
        self.reason.setText(proposal.decision.reason)
        self._fill_list()
        self._load_stored()

    def _load_stored(self) -> None:
        for label in self.stored_labels.values():
            label.clear()
        self._stored = {}
        decision = self.proposals[self.current].decision
        if decision.kind != EXISTING or decision.client_id is None:
            return
        seq = self._seq
        submit(
            self.data.client,
            decision.client_id,
            on_result=lambda client: self._show_stored(seq, client),
            on_error=lambda e: self.status.setText(str(e)),
        )

    def _show_stored(self, seq: int, client: Client) -> None:
        if seq != self._seq:
            return
        self._stored = stored_values(client)
        self._compare()

    def _compare(self) -> None:
        """Stored values beside the read ones; a difference is marked as a conflict."""
        for key, _label in FIELD_LABELS:
            stored = self._stored.get(key) or set()
            value = self.edits[key].text().strip()
            label = self.stored_labels[key]
            shown = ", ".join(sorted(stored)) if stored else ""
            if value and stored and not same_value(key, value, stored):
                label.setText(f"<span style='color:#b35900'>≠ {shown}</span>")
                label.setToolTip(
                    self.tr(
                        "Anders dan in het klantbestand: een nieuw nummer of adres wordt "
                        "toegevoegd, bestaande gegevens worden niet overschreven."
                    )
                )
            else:
                label.setText(shown)
                label.setToolTip("")

    # -- editing and accepting -----------------------------------------------------------------

    def _edited(self, key: str, text: str) -> None:
        if not 0 <= self.current < len(self.proposals):
            return
        proposal = self.proposals[self.current]
        if waiting(proposal):
            return
        proposal.set(key, text)  # typed by the user: no longer a reading to doubt
        self._colour(key)
        if self._stored:
            self._compare()
        if key in ("name", "company"):
            self.batch_list.item(self.current).setText(batch_title(self.current, proposal))

    def accept_current(self) -> None:
        if not 0 <= self.current < len(self.proposals):
            return
        proposal = self.proposals[self.current]
        if waiting(proposal):
            return
        proposal.confirm()
        self._fill_list()
        self._update_status()
        following = self._unaccepted_after(self.current)
        if following is not None:
            self.show_batch(following)
        else:
            self.save_button.setFocus()

    def _unaccepted_after(self, number: int) -> int | None:
        order = list(range(number + 1, len(self.proposals))) + list(range(0, number))
        return next((i for i in order if not self.proposals[i].accepted), None)

    def next_batch(self) -> None:
        if self.current + 1 < len(self.proposals):
            self.show_batch(self.current + 1)

    def previous_batch(self) -> None:
        if self.current > 0:
            self.show_batch(self.current - 1)

    def split_current(self) -> None:
        at = self.pages.currentRow()
        try:
            split_proposal(self.proposals, self.current, at)
        except ValueError as e:
            self.status.setText(
                self.tr("Kies eerst de pagina waar de volgende klant begint. ") + str(e)
            )
            return
        self._fill_list()
        self._reproposal([self.current, self.current + 1])
        self.show_batch(self.current)

    def join_current(self) -> None:
        try:
            join_proposals(self.proposals, self.current)
        except ValueError as e:
            self.status.setText(str(e))
            return
        self._fill_list()
        self.show_batch(self.current)

    def _save_own_found(self) -> None:
        found = self.run.report.own_business if self.run is not None else None
        if not found:
            return
        try:
            accept_suggestion(OwnBusiness.from_dict(found["details"]))
        except SettingsError as e:
            self.status.setText(str(e))
            return
        self.own_found.setText(self.tr("Opgeslagen als uw eigen bedrijf."))
        self.own_found_button.setVisible(False)

    def _update_status(self) -> None:
        accepted = sum(p.accepted for p in self.proposals)
        self.status.setText(
            self.tr("%1 van %2 klanten goedgekeurd. Enter: goedkeuren · PgDn: volgende")
            .replace("%1", str(accepted))
            .replace("%2", str(len(self.proposals)))
        )
        self.save_button.setEnabled(accepted > 0)
