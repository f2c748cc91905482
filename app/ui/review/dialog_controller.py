"""The review panel's dialogs (a mixin of ReviewPanel): import (button and drag-and-drop),
camera registry, evidence details with chain of custody."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from app.services.evidence import items
from app.ui.review import media_tasks
from app.ui.review.camera_dialog import CameraDialog
from app.ui.review.evidence_dialog import EvidenceDialog
from app.ui.review.import_dialog import ImportDialog
from app.ui.workers import run_task


class DialogActions:
    """Needs from the host: context, case_id, case_no, camera_list, evidence_items, player,
    evidence_table, reload(), open_evidence(), close_clip(), _track()."""

    # -- evidence items ------------------------------------------------------------------
    def _evidence_menu(self, pos) -> None:
        row = self.evidence_table.rowAt(pos.y())
        if not 0 <= row < len(self.evidence_items):
            return
        ev = self.evidence_items[row]
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.open_evidence(ev.id))
        menu.addAction(self.tr("Details and chain of custody…"), lambda: self.show_evidence_dialog(ev))
        menu.exec(self.evidence_table.viewport().mapToGlobal(pos))

    def show_evidence_dialog(self, ev: items.EvidenceDTO) -> EvidenceDialog:
        dlg = EvidenceDialog(self.context.sessions, self.context.actor, ev, self.camera_list, self)
        dlg.accepted.connect(self._after_evidence_edit)
        self.active_dialog = dlg
        dlg.open()
        return dlg

    def _after_evidence_edit(self) -> None:
        current = self.player.evidence.id if self.player else None
        self.reload()
        if current is not None:  # new offset / start time: reopen to show corrected times
            self.close_clip()
            self.open_evidence(current)

    # -- dialogs -------------------------------------------------------------------------
    def show_import_dialog(self, files: list[str] | None = None) -> ImportDialog | None:
        if self.case_id is None:
            return None
        dlg = ImportDialog(factory=self.context.sessions, paths=self.context.paths,
                           actor=self.context.actor, case_id=self.case_id, case_no=self.case_no,
                           cameras=self.camera_list, parent=self)
        dlg.add_files(files or [])
        dlg.imported.connect(self._on_imported)
        dlg.open_requested.connect(lambda i: (self.reload(), self.open_evidence(i)))
        self.active_dialog = dlg
        dlg.open()
        return dlg

    def _on_imported(self, ids: list[int]) -> None:
        self.reload()
        for e in (e for e in self.evidence_items if e.id in ids):  # activity scan, cached
            self._track(run_task(media_tasks.scan, self.context.paths, e, parent=self,
                                 pool=media_tasks.background_pool()))

    def show_camera_dialog(self) -> None:
        dlg = CameraDialog(self.context.sessions, self.context.actor, self)
        dlg.finished.connect(lambda _r: self.reload())
        self.active_dialog = dlg
        dlg.open()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.show_import_dialog([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()])

