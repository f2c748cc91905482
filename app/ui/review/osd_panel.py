"""The camera-clock dock of the review bench: read the burned-in clock of the open clip (in the
background, with progress and cancel), show its profile as a small chart, and turn an officer's
reference into a suggested clock offset that is applied only when the officer confirms."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QDateTime, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.db import unit_of_work
from app.services.common.errors import ServiceError
from app.services.evidence import osd
from app.services.evidence.items import EvidenceDTO
from app.timeread import OffsetSuggestion, TimeProfile
from app.ui.context import AppContext
from app.ui.review.clip_view import ClipView
from app.ui.review.player import ClipPlayer
from app.ui.review.roi_text_row import RoiTextRow
from app.ui.workers import TaskContext, TaskHandle, run_task


class ProfileChart(QWidget):
    """Clock minus elapsed time over the clip: a flat line is a steady clock, a step a jump,
    a slope drift; grey dots are readings set aside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile: TimeProfile | None = None
        self.setMinimumHeight(90)

    def set_profile(self, profile: TimeProfile | None) -> None:
        self.profile = profile
        self.update()

    def points(self) -> list[tuple[float, float, bool]]:
        """(pts, clock − pts − start, used) of every reading with a clock."""
        p = self.profile
        if p is None or not p.found:
            return []
        base = p.segments[0].intercept_s
        return [(r.pts_s, clock - r.pts_s - base, u)
                for r, u in zip(p.readings, p.used, strict=True)
                if (clock := r.clock_s) is not None]

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(30, 6, -6, -14)
        painter.fillRect(self.rect(), self.palette().base())
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawRect(rect)
        pts = self.points()
        if not pts:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("No clock profile"))
            return
        x_max = max(max(p[0] for p in pts), 1e-6)
        ys = [p[1] for p in pts if p[2]] or [0.0]
        lo, hi = min(min(ys), -1.0), max(max(ys), 1.0)

        def at(x: float, y: float) -> QPointF:
            return QPointF(rect.left() + rect.width() * x / x_max,
                           rect.bottom() - rect.height() * (y - lo) / (hi - lo))

        painter.drawText(2, rect.top() + 10, f"{hi:+.0f}s")
        painter.drawText(2, rect.bottom(), f"{lo:+.0f}s")
        for jump in self.profile.jumps if self.profile is not None else ():
            painter.setPen(QPen(QColor("#d9822b"), 1, Qt.PenStyle.DashLine))
            x = at(jump.pts_s, 0).x()
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        used = [at(x, y) for x, y, u in pts if u]
        painter.setPen(QPen(QColor("#2b6cb0"), 2))
        for a, b in zip(used, used[1:], strict=False):
            painter.drawLine(a, b)
        for x, y, u in pts:
            painter.setBrush(QColor("#2b6cb0") if u else QColor("#999999"))
            painter.drawEllipse(at(x, y), 3, 3)


class OsdHost(Protocol):
    """What the camera-clock dock needs from the review panel."""

    context: AppContext
    evidence_items: list[EvidenceDTO]
    clip_view: ClipView

    @property
    def player(self) -> ClipPlayer | None: ...
    def show_status(self, text: str) -> None: ...
    def reload(self) -> None: ...


class OsdPanel(QWidget):
    """Profile, reference and suggestion for the clip open in the review bench."""

    def __init__(self, panel: OsdHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.evidence: EvidenceDTO | None = None
        self.profile_dto: osd.OsdProfileDTO | None = None
        self.suggestion: OffsetSuggestion | None = None
        self._task: TaskHandle | None = None
        self.summary = QLabel(self.tr("Open a clip to read its clock."), self)
        self.summary.setWordWrap(True)
        self.chart = ProfileChart(self)
        self.read_button = QPushButton(self.tr("Read the clock from the picture"), self)
        self.read_button.clicked.connect(self.read_clock)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(lambda: self._task and self._task.cancel())
        self.progress = QProgressBar(self)
        self._busy(False)
        self.method = QComboBox(self)
        self.method.addItem(self.tr("DVR photographed next to a standard clock"), "photo")
        self.method.addItem(self.tr("Event seen by a camera with a known offset"), "camera")
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._photo_page())
        self.pages.addWidget(self._camera_page())
        self.method.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.suggest_button = QPushButton(self.tr("Suggest offset"), self)
        self.suggest_button.clicked.connect(self.suggest)
        self.suggestion_label = QLabel("", self)
        self.suggestion_label.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("Confirm and record offset"), self)
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self.confirm)
        row = QHBoxLayout()
        row.addWidget(self.read_button)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart)
        layout.addLayout(row)
        self.roi_text = RoiTextRow(panel, self)
        for w in (self.progress, self.method, self.pages, self.suggest_button,
                  self.suggestion_label, self.confirm_button, self.roi_text):
            layout.addWidget(w)
        layout.addStretch(1)

    def _photo_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.dvr_edit = QDateTimeEdit(page)
        self.std_edit = QDateTimeEdit(page)
        for edit in (self.dvr_edit, self.std_edit):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
            edit.setDateTime(QDateTime.currentDateTime())
        form.addRow(self.tr("DVR shows"), self.dvr_edit)
        form.addRow(self.tr("Standard clock shows"), self.std_edit)
        return page

    def _camera_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.ref_box = QComboBox(page)
        self.ref_frame = QSpinBox(page)
        self.ref_frame.setRange(0, 10_000_000)
        form.addRow(self.tr("Reference clip"), self.ref_box)
        form.addRow(self.tr("Event frame there"), self.ref_frame)
        form.addRow(QLabel(self.tr("The event frame here is the frame on screen."), page))
        return page

    def _busy(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)
        self.read_button.setEnabled(not on and self.evidence is not None)

    # -- state ---------------------------------------------------------------------------
    def set_evidence(self, ev: EvidenceDTO) -> None:
        self.evidence, self.suggestion = ev, None
        self.confirm_button.setEnabled(False)
        self.suggestion_label.setText("")
        self.ref_box.clear()
        for other in self.panel.evidence_items:
            if other.id != ev.id and other.offset_source != "none":
                self.ref_box.addItem(other.camera_label, other.id)
        try:
            with unit_of_work(self.panel.context.sessions) as s:
                self.profile_dto = osd.get_profile(s, self.panel.context.actor, ev.id)
        except ServiceError as exc:
            self.profile_dto = None
            self.summary.setText(str(exc))
        self._show_profile()
        self._busy(False)

    def _show_profile(self) -> None:
        dto = self.profile_dto
        self.chart.set_profile(dto.profile if dto else None)
        if self.evidence is None:
            return
        if dto is None:
            text = self.tr("The clock has not been read yet.")
            if self.evidence.start_time is None:
                text = self.tr("This clip has no start time: its frames have no corrected time "
                               "until the clock is read or a start time is entered.")
        elif not dto.found:
            text = self.tr("No clock found in the picture; nothing was read.")
        else:
            p = dto.profile
            text = self.tr("Camera clock at the first frame: {start} (±{unc} s). Jumps: {jumps}. "
                           "Drift: {drift} s/h. Readings: {n}.").format(
                start="—" if p.start_clock is None
                else p.start_clock.isoformat(sep=" ", timespec="milliseconds"),
                unc=p.start_uncertainty_s, jumps=len(p.jumps),
                drift="—" if p.drift_s_per_h is None else p.drift_s_per_h, n=len(p.readings))
            if dto.start_filled:
                text += " " + self.tr("The start time was filled from the clock (OSD reading).")
        self.summary.setText(text)

    # -- actions -------------------------------------------------------------------------
    def read_clock(self) -> None:
        if self.evidence is None:
            return
        ctx = self.panel.context
        ev_id = self.evidence.id
        self._busy(True)
        self.progress.setRange(0, 0)

        def work(task: TaskContext) -> osd.OsdProfileDTO:
            return osd.profile_clip(ctx.sessions, ctx.paths, ctx.actor, ev_id,
                                    progress=task.report, cancel=task.is_cancelled)

        self._task = task = run_task(work, parent=self)
        task.progressed.connect(self._on_progress)
        task.succeeded.connect(self._on_read)
        task.failed.connect(lambda exc, _tb: self._read_failed(str(exc)))
        task.cancelled.connect(lambda: self._busy(False))

    def _on_progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _read_failed(self, text: str) -> None:
        self._busy(False)
        self.panel.show_status(text)

    def _on_read(self, dto: osd.OsdProfileDTO) -> None:
        self._busy(False)
        if self.evidence is None or dto.evidence_id != self.evidence.id:
            return
        self.profile_dto = dto
        if dto.start_filled:
            self._reload_panel()  # the clip now has corrected times: list, route, sync
        self._show_profile()

    def _reload_panel(self) -> None:
        """Reload the bench after a time change and give the open clip its new times."""
        self.panel.reload()
        shown = self.evidence
        if shown is None:
            return
        shown = next((e for e in self.panel.evidence_items if e.id == shown.id), shown)
        self.evidence = shown
        player = self.panel.player
        if player is not None and player.evidence.id == shown.id:
            player.evidence = shown
            self.panel.clip_view.show_readout()  # the frame line shows the corrected time

    def suggest(self) -> OffsetSuggestion | None:
        if self.evidence is None:
            return None
        ctx = self.panel.context
        try:
            with unit_of_work(ctx.sessions) as s:
                if self.method.currentData() == "photo":
                    sug = osd.suggest_from_photo(s, ctx.actor, self.evidence.id,
                                                 _naive(self.dvr_edit), _naive(self.std_edit))
                else:
                    ref_id = self.ref_box.currentData()
                    ref = next(e for e in self.panel.evidence_items if e.id == ref_id)
                    frame = self.panel.player.index if self.panel.player else 0
                    sug = osd.suggest_from_camera(
                        s, ctx.actor, self.evidence.id, frame, frame / (self.evidence.fps or 25),
                        ref_id, self.ref_frame.value() / (ref.fps or 25))
        except (ServiceError, StopIteration) as exc:
            self.suggestion_label.setText(str(exc) or self.tr("Choose a reference clip."))
            return None
        self.suggestion = sug
        self.suggestion_label.setText(self.tr(
            "Suggested clock offset: {off:+.2f} s ± {unc:.2f} s, from frames {frames}. "
            "Not applied until you confirm.").format(
            off=sug.offset_s, unc=sug.uncertainty_s, frames=", ".join(map(str, sug.frames))))
        self.confirm_button.setEnabled(True)
        return sug

    def confirm(self) -> None:
        if self.evidence is None or self.suggestion is None:
            return
        ctx = self.panel.context
        try:
            with unit_of_work(ctx.sessions) as s:
                osd.confirm_suggestion(s, ctx.actor, self.evidence.id, self.suggestion)
        except ServiceError as exc:
            self.suggestion_label.setText(str(exc))
            return
        self.suggestion = None
        self.confirm_button.setEnabled(False)
        self.suggestion_label.setText(self.tr("Offset recorded (method: OSD reading)."))
        self._reload_panel()  # corrected times move: evidence list, route, sync grid


def _naive(edit: QDateTimeEdit) -> datetime:
    value = edit.dateTime().toPython()  # typed ``object`` in the stubs
    assert isinstance(value, datetime)
    return value.replace(tzinfo=None)


def missing_start_cell(owner: QWidget) -> QTableWidgetItem:
    """The evidence list's first cell for a clip without a start time (a warning, not "—")."""
    item = QTableWidgetItem("⚠ " + owner.tr("no start time"))
    item.setForeground(QColor("#c0392b"))
    item.setToolTip(owner.tr("This clip has no start time and drops out of the route and the "
                             "synchronised view. Open it and read the clock from the picture "
                             "(Camera clock), or enter its start time."))
    return item
