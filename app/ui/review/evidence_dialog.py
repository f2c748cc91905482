"""Evidence item details: what the file is (hash, size, original name/path, how obtained), its
camera, start time by the camera clock and an offset set for this clip, and the chain of
custody (every import, view, export and verification)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.models.db import unit_of_work
from app.reports.recordings import RecordingSpan, frame_range, recording_spans
from app.services.common.clock import format_local
from app.services.common.context import Actor
from app.services.common.errors import ServiceError
from app.services.evidence import clips as evidence
from app.services.evidence import custody, items
from app.services.evidence.cameras import CameraDTO
from app.ui.review.shown_zone import ShownZone
from app.ui.widgets.dialog_parts import Button, accept_cancel_buttons
from app.ui.widgets.enum_labels import choices


class EvidenceDialog(QDialog):
    def __init__(self, factory, actor: Actor, ev: items.EvidenceDTO, cameras: list[CameraDTO],
                 parent: QWidget | None = None, shown: ShownZone | None = None):
        super().__init__(parent)
        self.setObjectName("EvidenceDialog")
        self.shown = shown or ShownZone()  # the case's zone
        self.setWindowTitle(self.tr("Evidence {name}").format(name=ev.original_name))
        self.resize(760, 640)
        self._factory, self._actor, self.ev = factory, actor, ev
        form = QFormLayout(self)
        sha = QLabel(ev.sha256, self)
        sha.setTextInteractionFlags(sha.textInteractionFlags() | sha.textInteractionFlags().TextSelectableByMouse)
        form.addRow(self.tr("SHA-256"), sha)
        form.addRow(self.tr("Original file"), QLabel(f"{ev.original_name}\n{ev.original_path}", self))
        form.addRow(self.tr("Size"), QLabel(self.tr("{n} bytes").format(n=f"{ev.size:,}"), self))
        if ev.derived_from_id is not None:
            form.addRow(self.tr("Made from"), QLabel(self.tr(
                "evidence {id}, the recording as received (its index was never written): this "
                "is the readable copy of its video, made by the program").format(
                id=ev.derived_from_id), self))
        form.addRow(self.tr("Video"), QLabel(
            f"{ev.codec} {self._sizes_text(ev)}  {ev.fps or 0:.3f} fps  {ev.frame_count} "
            + self.tr("frames"), self))
        self.camera = QComboBox(self)
        self.camera.addItem(self.tr("(not set)"), None)
        for c in cameras:
            self.camera.addItem(c.label, c.id)
        self.camera.setCurrentIndex(max(0, self.camera.findData(ev.camera_id)))
        form.addRow(self.tr("Camera"), self.camera)
        self.acquisition = QComboBox(self)
        for code, label in choices("acquisitions"):
            self.acquisition.addItem(label, code)
        self.acquisition.setCurrentIndex(max(0, self.acquisition.findData(ev.acquisition)))
        form.addRow(self.tr("How obtained"), self.acquisition)
        self.note = QLineEdit(ev.acquisition_note, self)
        form.addRow(self.tr("Note"), self.note)
        self.start = QDateTimeEdit(self)
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.start.setTimeZone(self.shown.qtz)
        # No start recorded: show "not recorded" (the minimum), never an invented time.
        self.start.setMinimumDateTime(self.shown.qdatetime(datetime.fromtimestamp(0, UTC)))
        self.start.setSpecialValueText(self.tr("Not recorded"))
        if ev.start_time is not None:
            self.start.setDateTime(self.shown.qdatetime(ev.start_time))
        else:
            self.start.setDateTime(self.start.minimumDateTime())
        self._start_known = ev.start_time is not None  # untouched empty start stays unknown
        self.start.dateTimeChanged.connect(lambda d: setattr(
            self, "_start_known", d != self.start.minimumDateTime()))
        form.addRow(self.tr("Start (camera clock)"), self.start)
        self.override = QCheckBox(self.tr("Use an offset for this clip only"), self)
        self.override_value = QDoubleSpinBox(self)
        self.override_value.setRange(-86400 * 3650, 86400 * 3650)
        self.override_value.setDecimals(1)
        self.override_value.setSuffix(" s")
        self.override.setChecked(ev.offset_override_s is not None)
        self.override_value.setValue(ev.offset_override_s or ev.offset_s)
        self.override_value.setEnabled(self.override.isChecked())
        self.override.toggled.connect(self.override_value.setEnabled)
        form.addRow(self.override, self.override_value)
        form.addRow(self.tr("Corrected start"), QLabel(self.shown.fmt(ev.wall_start), self))
        self.recordings = self._recordings_table(recording_spans(ev))
        if self.recordings is not None:
            form.addRow(QLabel(self.tr("Recordings joined in this file"), self))
            form.addRow(self.recordings)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        form.addRow(self.error)
        self.log = QTableWidget(0, 3, self)
        self.log.setHorizontalHeaderLabels([self.tr("When"), self.tr("Custody action"), self.tr("Detail")])
        self.log.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.log.horizontalHeader().setStretchLastSection(True)
        self.log.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        form.addRow(QLabel(self.tr("Chain of custody"), self))
        form.addRow(self.log)
        buttons = accept_cancel_buttons(self, self.save, Button.Save)
        form.addRow(buttons)
        self._fill_log()

    def _sizes_text(self, ev: items.EvidenceDTO) -> str:
        """"1920×1080", or each size with the frame it starts at when the size changes."""
        if not ev.sizes:
            return f"{ev.width}×{ev.height}"
        return self.tr("picture size changes: {sizes}").format(sizes=", ".join(
            self.tr("{w}×{h} from frame {n}").format(w=w, h=h, n=n) for n, w, h in ev.sizes))

    def _recordings_table(self, spans: tuple[RecordingSpan, ...]) -> QTableWidget | None:
        """Each recording of a joined DVR export: its starts and its frames (None for one)."""
        if not spans:
            return None
        table = QTableWidget(len(spans), 4, self)
        table.setObjectName("RecordingsTable")
        table.setHorizontalHeaderLabels([self.tr("Recording"), self.tr("Start (camera clock)"),
                                         self.tr("Start (corrected)"), self.tr("Frame range")])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, span in enumerate(spans):
            for c, text in enumerate((str(span.number), self.shown.fmt(span.camera_start)[:19],
                                      self.shown.fmt(span.start), frame_range(span))):
                table.setItem(r, c, QTableWidgetItem(text))
        table.setMaximumHeight(table.horizontalHeader().height() + 6
                               + sum(table.rowHeight(r) for r in range(len(spans))))
        return table

    def _fill_log(self) -> None:
        actions = {"import": self.tr("import"), "view": self.tr("view"), "export": self.tr("export"),
                   "verify": self.tr("verified"), "verify_failed": self.tr("VERIFICATION FAILED")}
        with unit_of_work(self._factory) as s:
            rows = custody.custody_log(s, self._actor, self.ev.id)
        self.log.setRowCount(len(rows))
        for r, c in enumerate(rows):
            for col, text in enumerate((format_local(c.at, self.shown.name, "%Y-%m-%d %H:%M:%S"),
                                        actions.get(c.action, c.action), c.detail)):
                self.log.setItem(r, col, QTableWidgetItem(text))

    def save(self) -> None:
        start = self.shown.from_edit(self.start.dateTime()) if self._start_known else None
        try:
            with unit_of_work(self._factory) as s:
                self.ev = evidence.update_evidence(
                    s, self._actor, self.ev.id, self.ev.version, camera_id=self.camera.currentData(),
                    acquisition=self.acquisition.currentData(),
                    acquisition_note=self.note.text().strip(), start_time=start,
                    offset_override_s=self.override_value.value() if self.override.isChecked()
                    else None)
        except ServiceError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
