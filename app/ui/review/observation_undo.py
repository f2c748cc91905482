"""Undo/redo of observation marks (the main window's Edit ▸ Undo acts on the review view's
stack). Each command has already been applied through the services when it is pushed; undo
and redo call the services again, so every step is permission-checked and audited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session

from app.models.db import unit_of_work
from app.services.common.context import Actor
from app.services.common.errors import ServiceError
from app.services.evidence import observations
from app.services.evidence.observations import ObservationDTO, ObservationInput
from app.ui.context import AppContext
from app.ui.widgets.undo import AppliedCommand


class MarksHost(Protocol):
    """What the commands need from the review panel."""

    context: AppContext

    def reload_observations(self) -> None: ...


def input_of(o: ObservationDTO) -> ObservationInput:
    return ObservationInput(evidence_id=o.evidence_id, frame_index=o.frame_index, pts_s=o.pts_s,
                            roi=o.roi, note=o.note, tags=o.tags, vehicle_id=o.vehicle_id,
                            person_id=o.person_id, inquiry_id=o.inquiry_id,
                            filters_json=o.filters_json)


class _ServiceCommand(AppliedCommand):
    """``do_redo``/``do_undo`` take ``(session, actor)``; errors are shown, then the marks reload."""

    def __init__(self, host: MarksHost, view: QWidget, text: str):
        super().__init__(text)
        self.host, self.view = host, view

    def run(self, fn: Callable[[Session, Actor], None]) -> None:
        try:
            with unit_of_work(self.host.context.sessions) as s:
                fn(s, self.host.context.actor)
        except ServiceError as exc:
            QMessageBox.warning(self.view, self.text(), str(exc))
        self.host.reload_observations()


class AddObservations(_ServiceCommand):
    """Marks that were added (or re-added when a delete is undone)."""

    def __init__(self, host: MarksHost, view: QWidget, added: list[ObservationDTO], text: str):
        super().__init__(host, view, text)
        self.items = list(added)

    def do_redo(self, s: Session, actor: Actor) -> None:
        self.items = [observations.add_observation(s, actor, input_of(o)) for o in self.items]

    def do_undo(self, s: Session, actor: Actor) -> None:
        for o in self.items:
            observations.delete_observation(s, actor, o.id)


class DeleteObservations(AddObservations):
    def do_redo(self, s: Session, actor: Actor) -> None:
        AddObservations.do_undo(self, s, actor)

    def do_undo(self, s: Session, actor: Actor) -> None:
        AddObservations.do_redo(self, s, actor)


class EditObservation(_ServiceCommand):
    def __init__(self, host: MarksHost, view: QWidget, before: ObservationDTO,
                 after: ObservationDTO, text: str):
        super().__init__(host, view, text)
        self.ident, self.before, self.after = after.id, input_of(before), input_of(after)

    def _swap(self, s: Session, actor: Actor, target: ObservationInput) -> None:
        current = observations.get_observation(s, actor, self.ident)
        observations.update_observation(s, actor, self.ident, target, current.version)

    def do_redo(self, s: Session, actor: Actor) -> None:
        self._swap(s, actor, self.after)

    def do_undo(self, s: Session, actor: Actor) -> None:
        self._swap(s, actor, self.before)
