"""Saving a camera's details with undo: the change is made through the services, then an
already-applied command goes on the view's ``QUndoStack`` (Edit ▸ Undo in the main window).
Undo/redo save the other side again (permission-checked, audited, version-checked); a failing
step (someone else changed the camera meanwhile) is reported and dropped from the stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoStack
from sqlalchemy.orm import Session, sessionmaker

from app.models.db import unit_of_work
from app.services.common.context import Actor
from app.services.common.errors import ServiceError
from app.services.evidence import cameras
from app.services.evidence.cameras import CameraDTO, CameraInput
from app.ui.widgets.undo import AppliedCommand

Done = Callable[[ServiceError | None], None]


class CameraEdit(AppliedCommand):
    """One saved change of a camera (``before`` ↔ ``after``)."""

    def __init__(self, sessions: sessionmaker[Session], actor: Actor, saved: CameraDTO,
                 before: CameraInput, after: CameraInput, text: str, on_done: Done):
        super().__init__(text)
        self.sessions, self.actor, self.on_done = sessions, actor, on_done
        self.camera_id, self.version = saved.id, saved.version
        self.before, self.after = before, after

    def run(self, fn: Callable[..., None]) -> None:
        try:
            fn()
        except ServiceError as exc:
            self.setObsolete(True)
            self.on_done(exc)
            return
        self.on_done(None)

    def _apply(self, data: CameraInput) -> None:
        with unit_of_work(self.sessions) as s:
            self.version = cameras.update_camera(s, self.actor, self.camera_id, data,
                                                 self.version).version

    def do_undo(self, *_args: object) -> None:
        self._apply(self.before)

    def do_redo(self, *_args: object) -> None:
        self._apply(self.after)


def save_camera(sessions: sessionmaker[Session], actor: Actor, cam: CameraDTO, data: CameraInput,
                stack: QUndoStack | None, text: str, on_done: Done) -> CameraDTO:
    """Save ``data`` over ``cam`` (``ServiceError`` if refused) and push the undo step."""
    with unit_of_work(sessions) as s:
        saved = cameras.update_camera(s, actor, cam.id, data, cam.version)
    if stack is not None and saved.version != cam.version:
        stack.push(CameraEdit(sessions, actor, saved, cameras.camera_input(cam), data, text,
                              on_done))
    return saved
