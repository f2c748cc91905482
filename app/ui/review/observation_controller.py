"""The review panel's observation handling (a mixin of ReviewPanel): mark the current frame (M)
with the drawn ROI, edit, delete, jump, and record an inference that rests on observations."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from app.models.db import unit_of_work
from app.services.common.errors import ServiceError
from app.services.evidence import observations
from app.services.evidence.observations import ObservationDTO, ObservationInput
from app.ui.review.clip_view import fmt_wall
from app.ui.review.observation_undo import AddObservations, DeleteObservations, EditObservation
from app.ui.review.observation_widgets import ObservationDialog


class ObservationActions:
    """Needs from the host: context, player, clip_view, links, obs_model, obs_table,
    roi_action, undo_stack, reload_observations(), open_evidence(), show_status()."""

    def _on_roi(self, rect: QRect) -> None:
        self.show_status(self.tr("Area marked: press M to record the observation."))

    def mark_observation(self) -> ObservationDialog | None:
        p = self.player
        if p is None or p.shown_index < 0 or self.links is None:
            return None
        p.pause()
        dlg = ObservationDialog(self.links, frame_index=p.shown_index,
                                wall_text=fmt_wall(p.wall_time(p.shown_index)),
                                roi=self.clip_view.frame_view.pending_roi(), parent=self)
        index, pts, ev_id = p.shown_index, p.pts(p.shown_index), p.evidence.id
        chain = p.filters.dumps() if p.filters else ""
        dlg.accepted.connect(lambda: self._save_observation(dlg, ev_id, index, pts, chain))
        self.active_dialog = dlg
        dlg.open()
        return dlg

    def _save_observation(self, dlg: ObservationDialog, evidence_id: int, index: int, pts: float,
                          chain: str, existing: ObservationDTO | None = None) -> None:
        data = ObservationInput(evidence_id=evidence_id, frame_index=index, pts_s=pts,
                                filters_json=chain, **dlg.values())
        try:
            with unit_of_work(self.context.sessions) as s:
                if existing is None:
                    saved = observations.add_observation(s, self.context.actor, data)
                else:
                    saved = observations.update_observation(s, self.context.actor, existing.id,
                                                            data, existing.version)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Observation not saved"), str(exc))
            self.reload_observations()
            return
        if existing is None:
            self.undo_stack.push(AddObservations(
                self, [saved], self.tr("Mark frame {i}").format(i=index)))
        else:
            self.undo_stack.push(EditObservation(
                self, existing, saved, self.tr("Edit the mark on frame {i}").format(i=index)))
        self.roi_action.setChecked(False)
        self.reload_observations()
        self.show_status(self.tr("Observation saved on frame {i}.").format(i=index))

    def selected_observations(self) -> list[ObservationDTO]:
        rows = sorted({ix.row() for ix in self.obs_table.selectionModel().selectedRows()})
        return [self.obs_model.rows[r] for r in rows if r < len(self.obs_model.rows)]

    def jump_to_observation(self, row: int) -> None:
        if 0 <= row < len(self.obs_model.rows):
            o = self.obs_model.rows[row]
            self.open_evidence(o.evidence_id, o.frame_index)

    def edit_observation(self, o: ObservationDTO) -> ObservationDialog | None:
        if self.links is None:
            return None
        roi = QRect(*o.roi) if o.roi else None
        dlg = ObservationDialog(self.links, frame_index=o.frame_index,
                                wall_text=fmt_wall(o.wall_time), roi=roi, existing=o, parent=self)
        dlg.accepted.connect(lambda: self._save_observation(
            dlg, o.evidence_id, o.frame_index, o.pts_s, o.filters_json, existing=o))
        self.active_dialog = dlg
        dlg.open()
        return dlg

    def delete_observations(self, rows: list[ObservationDTO], confirm: bool = True) -> None:
        if not rows:
            return
        if confirm and QMessageBox.question(
                self, self.tr("Delete observations"),
                self.tr("Delete {n} observation(s)? This is recorded in the audit log.").format(
                    n=len(rows))) != QMessageBox.StandardButton.Yes:
            return
        try:
            with unit_of_work(self.context.sessions) as s:
                for o in rows:
                    observations.delete_observation(s, self.context.actor, o.id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Delete observations"), str(exc))
            self.reload_observations()
            return
        self.undo_stack.push(DeleteObservations(
            self, rows, self.tr("Delete {n} observation(s)").format(n=len(rows))))
        self.reload_observations()

    def record_inference(self, rows: list[ObservationDTO], title: str | None = None,
                         detail: str = "") -> int | None:
        """A timeline inference resting on the chosen observations; returns its event id."""
        if not rows:
            return None
        if title is None:
            title, ok = QInputDialog.getText(
                self, self.tr("Record an inference"),
                self.tr("Inference drawn from {n} observation(s):").format(n=len(rows)))
            if not ok or not title.strip():
                return None
        from app.services.casefile.dto import EventInput
        from app.services.casefile.timeline import add_event

        data = EventInput(occurred_at=datetime.now(UTC), kind="inference", title=title.strip(),
                          detail=detail, observation_ids=tuple(o.id for o in rows),
                          vehicle_ids=tuple(sorted({o.vehicle_id for o in rows if o.vehicle_id})))
        try:
            with unit_of_work(self.context.sessions) as s:
                event = add_event(s, self.context.actor, self.case_id, data)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Record an inference"), str(exc))
            return None
        self.show_status(self.tr("Inference recorded in the case timeline."))
        return event.id

    def _observation_menu(self, pos: QPoint) -> None:
        rows = self.selected_observations()
        if not rows:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Go to frame"), lambda: self.open_evidence(
            rows[0].evidence_id, rows[0].frame_index))
        menu.addAction(self.tr("Edit…"), lambda: self.edit_observation(rows[0]))
        menu.addAction(self.tr("Record an inference from these…"),
                       lambda: self.record_inference(rows))
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), lambda: self.delete_observations(rows))
        menu.exec(self.obs_table.viewport().mapToGlobal(pos))
