"""The review bench's dialogs (``ReviewPanel.dialogs``): import (button and drag-and-drop),
camera registry, evidence details with chain of custody. :class:`DialogHost` is all it needs
from the panel."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QDialog, QMenu, QTableWidget

from app.services.evidence import cameras, items
from app.ui.context import AppContext
from app.ui.review import media_tasks
from app.ui.review.bench_controller import BenchController
from app.ui.review.camera_dialog import CameraDialog
from app.ui.review.evidence_dialog import EvidenceDialog
from app.ui.review.import_dialog import ImportDialog
from app.ui.review.player import ClipPlayer
from app.ui.review.shown_zone import ShownZone
from app.ui.workers import TaskHandle, run_task


class DialogHost(Protocol):
    """What the dialog controller needs from the review panel."""

    context: AppContext
    case_id: int | None
    case_no: str
    shown: ShownZone
    camera_list: list[cameras.CameraDTO]
    evidence_items: list[items.EvidenceDTO]
    evidence_table: QTableWidget
    active_dialog: QDialog | None

    @property
    def player(self) -> ClipPlayer | None: ...
    def reload(self) -> None: ...
    def open_evidence(self, evidence_id: int, frame: int | None = None) -> object: ...
    def close_clip(self) -> None: ...
    def track(self, handle: TaskHandle) -> TaskHandle: ...


class DialogController(BenchController[DialogHost]):
    """The bench's dialogs; ``view`` parents them."""

    # -- evidence items ------------------------------------------------------------------
    def evidence_menu(self, pos: QPoint) -> None:
        host = self.host
        row = host.evidence_table.rowAt(pos.y())
        if not 0 <= row < len(host.evidence_items):
            return
        ev = host.evidence_items[row]
        menu = QMenu(self.view)
        menu.addAction(self.tr("Open"), lambda: host.open_evidence(ev.id))
        menu.addAction(self.tr("Details and chain of custody…"),
                       lambda: self.show_evidence_dialog(ev))
        menu.exec(host.evidence_table.viewport().mapToGlobal(pos))

    def show_evidence_dialog(self, ev: items.EvidenceDTO) -> EvidenceDialog:
        ctx = self.host.context
        dlg = EvidenceDialog(ctx.sessions, ctx.actor, ev, self.host.camera_list, self.view,
                             shown=self.host.shown)
        dlg.accepted.connect(self._after_evidence_edit)
        self.host.active_dialog = dlg
        dlg.open()
        return dlg

    def _after_evidence_edit(self) -> None:
        host = self.host
        current = host.player.evidence.id if host.player is not None else None
        host.reload()
        if current is not None:  # new offset / start time: reopen to show corrected times
            host.close_clip()
            host.open_evidence(current)

    # -- dialogs -------------------------------------------------------------------------
    def show_import_dialog(self, files: list[str] | None = None) -> ImportDialog | None:
        host, ctx = self.host, self.host.context
        if host.case_id is None:
            return None
        dlg = ImportDialog(factory=ctx.sessions, paths=ctx.paths, actor=ctx.actor,
                           case_id=host.case_id, case_no=host.case_no, cameras=host.camera_list,
                           parent=self.view, shown=host.shown)
        dlg.add_files(files or [])
        dlg.imported.connect(self._on_imported)
        dlg.open_requested.connect(self._open_imported)
        host.active_dialog = dlg
        dlg.open()
        return dlg

    def _open_imported(self, evidence_id: int) -> None:
        self.host.reload()
        self.host.open_evidence(evidence_id)

    def _on_imported(self, ids: list[int]) -> None:
        host = self.host
        host.reload()
        for e in (e for e in host.evidence_items if e.id in ids):  # activity scan, cached
            host.track(run_task(media_tasks.scan, host.context.paths, e, parent=self.view,
                                pool=media_tasks.background_pool()))

    def show_camera_dialog(self) -> None:
        ctx = self.host.context
        dlg = CameraDialog(ctx.sessions, ctx.actor, self.view, shown=self.host.shown)
        dlg.finished.connect(lambda _r: self.host.reload())
        self.host.active_dialog = dlg
        dlg.open()
