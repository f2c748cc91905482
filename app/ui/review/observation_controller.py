"""The review bench's observations (``ReviewPanel.marks``): mark the current frame (M) with the
drawn ROI, edit, delete, jump, and record an inference that rests on observations; every change
goes on the panel's undo stack. :class:`ObservationHost` is all it needs from the panel."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QMessageBox, QTableView

from app.models.db import unit_of_work
from app.services.casefile.dto import EventInput
from app.services.casefile.timeline import add_event
from app.services.common.errors import ServiceError
from app.services.evidence import observations
from app.services.evidence.observations import CaseLinks, ObservationDTO, ObservationInput
from app.ui.context import AppContext
from app.ui.review.bench_controller import BenchController
from app.ui.review.clip_view import ClipView
from app.ui.review.observation_undo import AddObservations, DeleteObservations, EditObservation
from app.ui.review.observation_widgets import ObservationDialog, ObservationTableModel
from app.ui.review.player import ClipPlayer
from app.ui.review.shown_zone import ShownZone


class ObservationHost(Protocol):
    """What the observation controller needs from the review panel."""

    context: AppContext
    case_id: int | None
    shown: ShownZone
    links: CaseLinks | None
    clip_view: ClipView
    obs_model: ObservationTableModel
    obs_table: QTableView
    roi_action: QAction
    undo_stack: QUndoStack
    active_dialog: QDialog | None

    @property
    def player(self) -> ClipPlayer | None: ...
    def reload_observations(self) -> None: ...
    def open_evidence(self, evidence_id: int, frame: int | None = None) -> object: ...
    def show_status(self, text: str) -> None: ...


class ObservationController(BenchController[ObservationHost]):
    """Observation marks of the shown case; ``view`` parents the dialogs and menus."""

    def on_roi(self, _rect: QRect) -> None:
        self.host.show_status(self.tr("Area marked: press M to record the observation."))

    def mark_observation(self) -> ObservationDialog | None:
        host, p = self.host, self.host.player
        if p is None or p.shown_index < 0 or host.links is None:
            return None
        p.pause()
        dlg = ObservationDialog(host.links, frame_index=p.shown_index,
                                wall_text=host.shown.fmt(p.wall_time(p.shown_index)),
                                roi=host.clip_view.frame_view.pending_roi(), parent=self.view)
        index, pts, ev_id = p.shown_index, p.pts(p.shown_index), p.evidence.id
        chain = p.filters.dumps() if p.filters else ""
        dlg.accepted.connect(lambda: self._save_observation(dlg, ev_id, index, pts, chain))
        host.active_dialog = dlg
        dlg.open()
        return dlg

    def _save_observation(self, dlg: ObservationDialog, evidence_id: int, index: int, pts: float,
                          chain: str, existing: ObservationDTO | None = None) -> None:
        host, ctx = self.host, self.host.context
        data = ObservationInput(evidence_id=evidence_id, frame_index=index, pts_s=pts,
                                filters_json=chain, **dlg.values())
        try:
            with unit_of_work(ctx.sessions) as s:
                if existing is None:
                    saved = observations.add_observation(s, ctx.actor, data)
                else:
                    saved = observations.update_observation(s, ctx.actor, existing.id, data,
                                                            existing.version)
        except ServiceError as exc:
            QMessageBox.warning(self.view, self.tr("Observation not saved"), str(exc))
            host.reload_observations()
            return
        if existing is None:
            host.undo_stack.push(AddObservations(
                host, self.view, [saved], self.tr("Mark frame {i}").format(i=index)))
        else:
            host.undo_stack.push(EditObservation(
                host, self.view, existing, saved,
                self.tr("Edit the mark on frame {i}").format(i=index)))
        host.roi_action.setChecked(False)
        host.reload_observations()
        host.show_status(self.tr("Observation saved on frame {i}.").format(i=index))

    def selected_observations(self) -> list[ObservationDTO]:
        rows = sorted({ix.row() for ix in self.host.obs_table.selectionModel().selectedRows()})
        shown = self.host.obs_model.rows
        return [shown[r] for r in rows if r < len(shown)]

    def jump_to_observation(self, row: int) -> None:
        shown = self.host.obs_model.rows
        if 0 <= row < len(shown):
            self.host.open_evidence(shown[row].evidence_id, shown[row].frame_index)

    def edit_observation(self, o: ObservationDTO) -> ObservationDialog | None:
        if self.host.links is None:
            return None
        roi = QRect(*o.roi) if o.roi else None
        dlg = ObservationDialog(self.host.links, frame_index=o.frame_index,
                                wall_text=self.host.shown.fmt(o.wall_time), roi=roi, existing=o,
                                parent=self.view)
        dlg.accepted.connect(lambda: self._save_observation(
            dlg, o.evidence_id, o.frame_index, o.pts_s, o.filters_json, existing=o))
        self.host.active_dialog = dlg
        dlg.open()
        return dlg

    def delete_observations(self, rows: list[ObservationDTO], confirm: bool = True) -> None:
        host, ctx = self.host, self.host.context
        if not rows:
            return
        if confirm and QMessageBox.question(
                self.view, self.tr("Delete observations"),
                self.tr("Delete {n} observation(s)? This is recorded in the audit log.").format(
                    n=len(rows))) != QMessageBox.StandardButton.Yes:
            return
        try:
            with unit_of_work(ctx.sessions) as s:
                for o in rows:
                    observations.delete_observation(s, ctx.actor, o.id)
        except ServiceError as exc:
            QMessageBox.warning(self.view, self.tr("Delete observations"), str(exc))
            host.reload_observations()
            return
        host.undo_stack.push(DeleteObservations(
            host, self.view, rows, self.tr("Delete {n} observation(s)").format(n=len(rows))))
        host.reload_observations()

    def record_inference(self, rows: list[ObservationDTO], title: str | None = None,
                         detail: str = "") -> int | None:
        """A timeline inference resting on the chosen observations; returns its event id."""
        host, ctx = self.host, self.host.context
        if not rows or host.case_id is None:
            return None
        if title is None:
            title, ok = QInputDialog.getText(
                self.view, self.tr("Record an inference"),
                self.tr("Inference drawn from {n} observation(s):").format(n=len(rows)))
            if not ok or not title.strip():
                return None
        data = EventInput(occurred_at=datetime.now(UTC), kind="inference", title=title.strip(),
                          detail=detail, observation_ids=tuple(o.id for o in rows),
                          vehicle_ids=tuple(sorted({o.vehicle_id for o in rows if o.vehicle_id})))
        try:
            with unit_of_work(ctx.sessions) as s:
                event = add_event(s, ctx.actor, host.case_id, data)
        except ServiceError as exc:
            QMessageBox.warning(self.view, self.tr("Record an inference"), str(exc))
            return None
        host.show_status(self.tr("Inference recorded in the case timeline."))
        return event.id

    def observation_menu(self, pos: QPoint) -> None:
        rows = self.selected_observations()
        if not rows:
            return
        menu = QMenu(self.view)
        menu.addAction(self.tr("Go to frame"), lambda: self.host.open_evidence(
            rows[0].evidence_id, rows[0].frame_index))
        menu.addAction(self.tr("Edit…"), lambda: self.edit_observation(rows[0]))
        menu.addAction(self.tr("Record an inference from these…"),
                       lambda: self.record_inference(rows))
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), lambda: self.delete_observations(rows))
        menu.exec(self.host.obs_table.viewport().mapToGlobal(pos))
