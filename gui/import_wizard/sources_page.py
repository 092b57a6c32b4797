"""Step 1: where the paper comes from: a scanner, files and folders, or a watched folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from importing.detection import describe
from importing.own_business import (
    SettingsError,
    accept_suggestion,
    load_own_business,
    load_suggestion,
)
from ocr.sources import scanner
from ocr.sources.scanner import DeviceOptions, ScannerDevice, ScannerError, ScanSettings

from ..dialogs.own_business import OwnBusinessDialog
from ..settings import settings as app_settings
from ..workers import submit

RESOLUTIONS = (150, 200, 300, 400, 600)


class SourcesPage(QWidget):
    start_requested = Signal()
    cover_sheet_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.devices: list[ScannerDevice] = []
        self.options: DeviceOptions | None = None
        self._options_seq = 0

        title = self._build_source_choice()
        self._build_scanner_box()
        self._build_files_box()
        self._build_watch_box()
        bottom = self._build_bottom_row()
        self._build_own_business_hint()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.own_business_hint)
        layout.addWidget(self.use_scanner)
        layout.addWidget(self.scanner_box)
        layout.addWidget(self.use_files)
        layout.addWidget(self.files_box)
        layout.addWidget(self.use_watch)
        layout.addWidget(self.watch_box)
        layout.addStretch(1)
        layout.addLayout(bottom)

        self._connect()
        self._restore_settings()
        self._update_enabled()

    # -- building ------------------------------------------------------------------------------

    def _build_source_choice(self) -> QLabel:
        title = QLabel(self.tr("<h2>Papier inlezen</h2><p>Waar komt het papier vandaan?</p>"))
        self.use_scanner = QRadioButton(self.tr("&Scanner"))
        self.use_files = QRadioButton(self.tr("&Bestanden of mappen"))
        self.use_watch = QRadioButton(self.tr("&Gevolgde map (scannen naar een netwerkmap)"))
        group = QButtonGroup(self)
        for button in (self.use_scanner, self.use_files, self.use_watch):
            group.addButton(button)
        self.use_scanner.setChecked(True)
        return title

    def _build_scanner_box(self) -> None:
        self.device_box = QComboBox()
        self.device_box.setObjectName("device")
        self.refresh_button = QPushButton(self.tr("&Vernieuwen"))
        self.scanner_status = QLabel()
        self.scanner_status.setWordWrap(True)
        self.scanner_status.setObjectName("scanner_status")
        self.flatbed = QRadioButton(self.tr("Glasplaat (één vel)"))
        self.feeder = QRadioButton(self.tr("Documentinvoer (stapel)"))
        self.feeder.setChecked(True)
        self.duplex = QCheckBox(self.tr("Dubbelzijdig"))
        self.resolution = QComboBox()
        for dpi in RESOLUTIONS:
            self.resolution.addItem(f"{dpi} dpi", dpi)
        self.resolution.setCurrentIndex(RESOLUTIONS.index(300))
        self.color = QComboBox()
        self.color.addItem(self.tr("Grijs (aanbevolen voor tekst)"), False)
        self.color.addItem(self.tr("Kleur"), True)
        devices_row = QHBoxLayout()
        devices_row.addWidget(self.device_box, 1)
        devices_row.addWidget(self.refresh_button)
        feed_row = QHBoxLayout()
        feed_row.addWidget(self.feeder)
        feed_row.addWidget(self.flatbed)
        feed_row.addWidget(self.duplex)
        feed_row.addStretch(1)
        self.scanner_box = QGroupBox(self.tr("Scanner"))
        form = QFormLayout(self.scanner_box)
        form.addRow(self.tr("Apparaat:"), devices_row)
        form.addRow("", self.scanner_status)
        form.addRow(self.tr("Papier:"), feed_row)
        form.addRow(self.tr("Resolutie:"), self.resolution)
        form.addRow(self.tr("Kleur:"), self.color)
        separator_hint = QLabel(
            self.tr(
                "Meerdere klanten in één stapel? Leg een leeg vel of een scheidingsblad "
                "tussen het papier van twee klanten."
            )
        )
        separator_hint.setWordWrap(True)
        # Printing a cover sheet needs no scanner: the button sits beside Start.
        self.cover_button = QPushButton(self.tr("Scheidingsblad &maken voor een klant…"))
        form.addRow("", separator_hint)

    def _build_files_box(self) -> None:
        self.file_list = QListWidget()
        self.file_list.setObjectName("files")
        self.file_list.setMaximumHeight(110)
        self.add_files = QPushButton(self.tr("Bestanden &toevoegen…"))
        self.add_folder = QPushButton(self.tr("&Map toevoegen…"))
        self.clear_files = QPushButton(self.tr("Lijst &wissen"))
        file_buttons = QHBoxLayout()
        for button in (self.add_files, self.add_folder, self.clear_files):
            file_buttons.addWidget(button)
        file_buttons.addStretch(1)
        self.files_box = QGroupBox(self.tr("Bestanden en mappen (een map is één klant)"))
        files_layout = QVBoxLayout(self.files_box)
        files_layout.addWidget(self.file_list)
        files_layout.addLayout(file_buttons)

    def _build_watch_box(self) -> None:
        self.watch_folder = QLineEdit()
        self.watch_folder.setObjectName("watch_folder")
        self.watch_folder.setPlaceholderText(self.tr("bijvoorbeeld \\\\server\\scans of ~/Scans"))
        self.pick_watch = QPushButton(self.tr("Kiezen…"))
        watch_row = QHBoxLayout()
        watch_row.addWidget(self.watch_folder, 1)
        watch_row.addWidget(self.pick_watch)
        self.watch_box = QGroupBox(self.tr("Gevolgde map"))
        watch_layout = QVBoxLayout(self.watch_box)
        watch_layout.addLayout(watch_row)
        watch_hint = QLabel(
            self.tr(
                "Nieuwe bestanden worden ingelezen zodra ze helemaal geschreven zijn. "
                "Druk op ‘Stoppen en nakijken’ als alles binnen is."
            )
        )
        watch_hint.setWordWrap(True)
        watch_layout.addWidget(watch_hint)

    def _build_bottom_row(self) -> QHBoxLayout:
        self.message = QLabel()
        self.message.setObjectName("sources_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a40000")
        self.start_button = QPushButton(self.tr("&Start"))
        self.start_button.setObjectName("start")
        self.start_button.setDefault(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.cover_button)
        bottom.addWidget(self.start_button)
        return bottom

    def _build_own_business_hint(self) -> None:
        """The own business not filled in yet: without it the business's own phone number
        and e-mail from its letterhead end up on client cards, so the first page offers to
        fill it in."""
        self.own_business_hint = QFrame()
        self.own_business_hint.setObjectName("own_business_hint")
        self.own_business_hint.setStyleSheet(
            "#own_business_hint { background: #fff8e1; border: 1px solid #ffe082; }"
        )
        self.own_business_text = QLabel()
        self.own_business_text.setObjectName("own_business_text")
        self.own_business_text.setWordWrap(True)
        self.own_business_button = QPushButton(self.tr("&Eigen bedrijf invullen…"))
        # what an import found in the paper, to confirm with one click
        self.own_business_accept = QPushButton(self.tr("Klopt, &opslaan"))
        self.own_business_accept.setObjectName("own_business_accept")
        hint_row = QHBoxLayout(self.own_business_hint)
        hint_row.addWidget(self.own_business_text, 1)
        hint_row.addWidget(self.own_business_accept)
        hint_row.addWidget(self.own_business_button)
        self.own_business_button.clicked.connect(self.edit_own_business)
        self.own_business_accept.clicked.connect(self.accept_found_business)
        self.update_own_business_hint()

    def _connect(self) -> None:
        self.refresh_button.clicked.connect(lambda: self.refresh_devices(refresh=True))
        self.device_box.currentIndexChanged.connect(lambda _i: self._load_options())
        self.feeder.toggled.connect(lambda _on: self._update_enabled())
        for button in (self.use_scanner, self.use_files, self.use_watch):
            button.toggled.connect(lambda _on: self._update_enabled())
        self.add_files.clicked.connect(self._pick_files)
        self.add_folder.clicked.connect(self._pick_folder)
        self.clear_files.clicked.connect(self.file_list.clear)
        self.pick_watch.clicked.connect(self._pick_watch)
        self.start_button.clicked.connect(self._start)
        self.cover_button.clicked.connect(self.cover_sheet_requested)

    # -- remembered choices ------------------------------------------------------------------

    def _restore_settings(self) -> None:
        settings = app_settings()
        self.watch_folder.setText(str(settings.value("import_wizard/watch_folder", "") or ""))
        index = self.resolution.findData(int(settings.value("import_wizard/resolution", 300)))
        if index >= 0:
            self.resolution.setCurrentIndex(index)
        self.color.setCurrentIndex(1 if settings.value("import_wizard/color") == "true" else 0)
        self._wanted_device = str(settings.value("import_wizard/device", "") or "")

    def save_settings(self) -> None:
        settings = app_settings()
        settings.setValue("import_wizard/watch_folder", self.watch_folder.text().strip())
        settings.setValue("import_wizard/resolution", int(self.resolution.currentData()))
        settings.setValue("import_wizard/color", "true" if self.color.currentData() else "false")
        if self.device_box.currentData():
            settings.setValue("import_wizard/device", self.device_box.currentData())

    # -- scanner list --------------------------------------------------------------------------

    def refresh_devices(self, refresh: bool = False) -> None:
        self.refresh_button.setEnabled(False)
        self.scanner_status.setText(self.tr("Scanners zoeken…"))
        submit(
            scanner.list_devices,
            refresh,
            on_result=self._show_devices,
            on_error=self._devices_failed,
        )

    def _show_devices(self, devices: list[ScannerDevice]) -> None:
        self.refresh_button.setEnabled(True)
        self.devices = devices
        self.device_box.clear()
        for device in devices:
            self.device_box.addItem(device.label, device.name)
        wanted = self.device_box.findData(getattr(self, "_wanted_device", ""))
        if wanted >= 0:
            self.device_box.setCurrentIndex(wanted)
        if not devices:
            self._no_scanner(scanner.no_scanner_message())
        else:
            self.scanner_status.setText("")
        self._update_enabled()

    def _devices_failed(self, error: Exception) -> None:
        self.refresh_button.setEnabled(True)
        self.devices = []
        self.device_box.clear()
        self._no_scanner(str(error))

    def _no_scanner(self, text: str) -> None:
        self.scanner_status.setText(f"<span style='color:#a40000'>{text}</span>")
        if self.use_scanner.isChecked():
            self.use_files.setChecked(True)  # file import is still there
        self._update_enabled()

    def _load_options(self) -> None:
        name = self.device_box.currentData()
        self.options = None
        if not name:
            return
        self._options_seq += 1
        seq = self._options_seq
        submit(
            scanner.device_options,
            name,
            on_result=lambda options: self._show_options(seq, options),
            on_error=lambda e: seq == self._options_seq and self.scanner_status.setText(str(e)),
        )

    def _show_options(self, seq: int, options: DeviceOptions) -> None:
        if seq != self._options_seq:
            return
        self.options = options
        self.feeder.setEnabled(options.has_feeder)
        self.flatbed.setEnabled(bool(options.flatbed_sources) or not options.sources)
        if not options.has_feeder:
            self.flatbed.setChecked(True)
        self.color.setEnabled(len(options.modes) != 1)
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.scanner_box.setEnabled(self.use_scanner.isChecked())
        self.files_box.setEnabled(self.use_files.isChecked())
        self.watch_box.setEnabled(self.use_watch.isChecked())
        duplex_ok = bool(self.options and self.options.has_duplex and self.feeder.isChecked())
        self.duplex.setEnabled(duplex_ok)
        if not duplex_ok:
            self.duplex.setChecked(False)
        self.duplex.setToolTip(
            "" if duplex_ok else self.tr("Deze scanner of bron scant niet dubbelzijdig.")
        )

    # -- files ---------------------------------------------------------------------------------

    def add_paths(self, paths: list[str]) -> None:
        present = {self.file_list.item(i).text() for i in range(self.file_list.count())}
        for path in paths:
            if path not in present:
                self.file_list.addItem(path)
        if paths:
            self.use_files.setChecked(True)

    def paths(self) -> list[str]:
        return [self.file_list.item(i).text() for i in range(self.file_list.count())]

    def _pick_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Scans kiezen"),
            str(Path.home()),
            self.tr("Scans (*.png *.jpg *.jpeg *.tif *.tiff *.pdf *.bmp *.webp);;Alles (*)"),
        )
        self.add_paths(files)

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Klantmap kiezen"))
        if folder:
            self.add_paths([folder])

    def _pick_watch(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Map om te volgen"))
        if folder:
            self.watch_folder.setText(folder)

    # -- own business ----------------------------------------------------------------------

    def showEvent(self, event) -> None:
        # the details may have been filled in from the main window meanwhile
        self.update_own_business_hint()
        super().showEvent(event)

    def update_own_business_hint(self) -> None:
        try:
            missing = load_own_business().is_empty()
        except SettingsError:
            missing = True  # unreadable: the dialog says why and saving repairs it
        self.found_business = load_suggestion()
        if self.found_business is not None:
            self.own_business_text.setText(
                self.tr(
                    "Bij het vorige inlezen leek dit uw eigen bedrijf: %1. Klopt dat? Dan "
                    "komen deze gegevens nooit bij een klant te staan."
                ).replace("%1", describe(self.found_business))
            )
        else:
            self.own_business_text.setText(
                self.tr(
                    "De gegevens van uw eigen bedrijf zijn nog niet ingevuld. Vul ze eerst in, "
                    "dan komen uw eigen telefoonnummer, adres en IBAN nooit bij een klant te "
                    "staan."
                )
            )
        self.own_business_accept.setVisible(self.found_business is not None)
        self.own_business_hint.setVisible(missing or self.found_business is not None)

    def accept_found_business(self) -> None:
        if self.found_business is None:
            return
        try:
            accept_suggestion(self.found_business)
        except SettingsError as e:
            self.show_error(str(e))
            return
        self.update_own_business_hint()

    def edit_own_business(self) -> QDialog:
        dialog = OwnBusinessDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.update_own_business_hint)
        dialog.open()
        return dialog

    # -- start ---------------------------------------------------------------------------------

    def mode(self) -> str:
        if self.use_scanner.isChecked():
            return "scanner"
        return "files" if self.use_files.isChecked() else "watch"

    def scan_settings(self) -> ScanSettings:
        return ScanSettings(
            device=str(self.device_box.currentData()),
            feeder=self.feeder.isChecked() and self.feeder.isEnabled(),
            duplex=self.duplex.isChecked() and self.duplex.isEnabled(),
            resolution=int(self.resolution.currentData()),
            color=bool(self.color.currentData()),
        )

    def _start(self) -> None:
        problem = self.problem()
        self.message.setText(problem or "")
        if problem is None:
            self.start_requested.emit()

    def problem(self) -> str | None:
        mode = self.mode()
        if mode == "scanner" and not self.device_box.currentData():
            return self.tr("Er is geen scanner gekozen. %1").replace(
                "%1", scanner.no_scanner_message()
            )
        if mode == "files" and not self.paths():
            return self.tr("Voeg eerst bestanden of een map toe (of sleep ze op het venster).")
        if mode == "watch":
            folder = Path(self.watch_folder.text().strip()).expanduser()
            if not self.watch_folder.text().strip() or not folder.is_dir():
                return self.tr("Kies een bestaande map om te volgen.")
        return None

    def show_error(self, text: str) -> None:
        self.message.setStyleSheet("color: #a40000")
        self.message.setText(text)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft)

    def show_notice(self, text: str) -> None:
        """A message that is no error (a file saved, where it went)."""
        self.message.setStyleSheet("color: #1b5e20")
        self.message.setText(text)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft)


__all__ = ["ScannerError", "SourcesPage"]
