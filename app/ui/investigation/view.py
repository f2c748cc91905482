"""The investigation view of the current case: canvass map + canvass table and urgent list,
the task board, other (non-video) evidence and the merged timeline. A thin layer: every change
goes through ``app.services.investigation`` / ``evidence.attachments``; slow work (hashing an
attachment, rendering a letter, fetching tiles) runs in workers."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.db import unit_of_work
from app.reports.request_letter import issue_letter
from app.services.common.errors import ServiceError
from app.services.evidence import cameras
from app.services.evidence.attachments import AttachmentDTO, attach_file
from app.services.evidence.custody import VerifyResult, verify_evidence
from app.services.evidence.items import evidence_path
from app.services.investigation import canvass, requests, tasks
from app.services.investigation.board import Board, load_board
from app.ui.context import AppContext
from app.ui.investigation.basemap import BasemapConfig, load_config, open_source
from app.ui.investigation.camera_form import CameraEditDialog
from app.ui.investigation.camera_undo import save_camera
from app.ui.investigation.canvass_panel import CanvassPanel
from app.ui.investigation.evidence_panel import AttachDialog, EvidencePanel
from app.ui.investigation.map_view import MapData, MapView
from app.ui.investigation.task_board import TaskBoard
from app.ui.investigation.task_dialog import TaskDialog
from app.ui.investigation.tile_loader import TileLoader
from app.ui.investigation.timeline_panel import TimelinePanel
from app.ui.workers import TaskHandle, run_task


class InvestigationView(QWidget):
    def __init__(self, context: AppContext, window=None):
        super().__init__(window)
        self.setObjectName("InvestigationView")
        self.context, self.window_ = context, window
        self.case_id: int | None = None
        self.board: Board | None = None
        self.as_of: datetime | None = None
        self._tasks_running: list[TaskHandle] = []
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.draw_button = QPushButton(self.tr("Draw search area"), self)
        self.draw_button.setToolTip(self.tr("Click the corners on the map, double-click to "
                                            "finish; a grid-search task follows"))
        self.draw_button.clicked.connect(self._start_area)
        reload = QPushButton(self.tr("Reload"), self)
        reload.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.message, 1)
        top.addWidget(self.draw_button)
        top.addWidget(reload)
        self.map = MapView(self)
        self.map.camera_turned.connect(self._on_camera_turned)
        self.map.area_drawn.connect(self.task_for_area)
        self.map.camera_edit_requested.connect(self.edit_camera)
        self.tiles = TileLoader(self.map, self)
        self.tiles.problem.connect(self.message.setText)
        self.canvass = CanvassPanel(self)
        self.canvass.status_chosen.connect(self._on_status_chosen)
        self.canvass.as_of_changed.connect(self._on_as_of)
        self.canvass.letter_requested.connect(self._on_letter)
        self.canvass.add_requested.connect(self._on_add_camera)
        self.canvass.camera_edit_requested.connect(self.edit_camera)
        self.undo_stack = QUndoStack(self)   # camera edits; Edit ▸ Undo in the main window
        self.undo_stack.setUndoLimit(100)
        split = QSplitter(self)
        split.addWidget(self.map)
        split.addWidget(self.canvass)
        split.setSizes([620, 560])
        self.task_board = TaskBoard(self)
        self.task_board.new_requested.connect(self._on_new_task)
        self.task_board.edit_requested.connect(self.edit_task)
        self.evidence = EvidencePanel(self)
        self.evidence.attach_requested.connect(self._on_attach)
        self.evidence.audio_selected.connect(self._play_audio)
        self.timeline = TimelinePanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(split, self.tr("Map and canvass"))
        self.tabs.addTab(self.task_board, self.tr("Tasks"))
        self.tabs.addTab(self.evidence, self.tr("Other evidence"))
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.tabs, 1)
        if window is not None and hasattr(window, "case_selected"):
            window.case_selected.connect(lambda cid: self.set_case(cid if cid >= 0 else None))

    # -- loading -------------------------------------------------------------------------
    def view_activated(self) -> None:
        wanted = None
        if self.window_ is not None and hasattr(self.window_, "current_case_id"):
            wanted = self.window_.current_case_id()
        wanted = wanted or self.context.settings.last_case_id()
        if wanted != self.case_id or self.board is None:
            self.set_case(wanted)

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.reload()

    def _exec(self, dialog: QDialog) -> bool:
        """Run a dialog modally (tests replace this to answer it)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _fail(self, exc: BaseException) -> None:
        self.message.setText(str(exc))

    def reload(self) -> None:
        self.message.clear()
        if self.case_id is None:
            self.heading.setText(self.tr("Choose a case in the case list."))
            return
        try:
            with unit_of_work(self.context.sessions) as s:
                self.board = load_board(s, self.context.actor, self.case_id, now=self.as_of,
                                        data_dir=self.context.paths.data_dir)
        except ServiceError as exc:
            self.board = None
            self._fail(exc)
            return
        b = self.board
        self.heading.setText(f"{b.case_no}  {b.title}")
        self.canvass.show_entries(b.entries, b.tz)
        labels = self.canvass.status_labels() | {
            "gap": self.tr("vanished between {a} and {b} ({m:.0f} m): search here"),
            "empty": self.tr("Neither the case nor its cameras have a position yet.")}
        cfg = load_config(self.context.settings)
        source = open_source(cfg, self.context.paths.cache_dir / "tiles") \
            if cfg.uses_tiles else None
        if cfg.uses_tiles and source is None:
            self.message.setText(self.tr("The basemap cannot be read; showing the plan image."))
            cfg = BasemapConfig()
        self.map.show_map(MapData(b.lat, b.lon, self.tr("Scene"), b.entries, b.gaps, b.tasks,
                                  b.plan), cfg, labels)
        self.tiles.load(source)
        self.task_board.show_tasks(b.tasks)
        files = {a.evidence.id: evidence_path(self.context.paths, a.evidence)
                 for a in b.attachments}
        self.evidence.show_items(b.attachments, files, b.tz)
        self.timeline.show_entries(b.timeline, b.tz)

    # -- canvass -------------------------------------------------------------------------
    def _on_as_of(self, when: datetime) -> None:
        self.as_of = when
        self.reload()

    def _on_status_chosen(self, entry_id: int, status: str, version: int) -> None:
        self._change(canvass.set_status, entry_id, status, expected_version=version)

    def _camera(self, camera_id: int) -> cameras.CameraDTO | None:
        return next((e.camera for e in (self.board.entries if self.board else ())
                     if e.camera.id == camera_id), None)

    def _on_camera_turned(self, camera_id: int, bearing: float) -> None:
        cam = self._camera(camera_id)
        if cam is not None:
            data = replace(cameras.camera_input(cam), facing_deg=round(bearing % 360.0, 1))
            try:
                self._save_camera(cam, data, self.tr("Turn camera {code}").format(code=cam.code))
            except ServiceError as exc:
                self.reload()
                self._fail(exc)

    def _save_camera(self, cam: cameras.CameraDTO, data: cameras.CameraInput, text: str) -> None:
        """Save a camera (``ServiceError`` if refused), push the undo step, redraw everything."""
        save_camera(self.context.sessions, self.context.actor, cam, data, self.undo_stack, text,
                    self._after_undo)
        self.reload()

    def _after_undo(self, exc: ServiceError | None) -> None:
        self.reload()
        if exc is not None:
            self._fail(exc)

    def edit_camera(self, camera_id: int) -> bool:
        """The camera form (retention, position, facing and view, owner); True when saved."""
        cam = self._camera(camera_id)
        if cam is None:
            return False
        text = self.tr("Edit camera {code}").format(code=cam.code)
        dialog = CameraEditDialog(cam, lambda data: self._save_camera(cam, data, text), self)
        return self._exec(dialog)

    def _change(self, fn, *args, **kw) -> bool:
        try:
            with unit_of_work(self.context.sessions) as s:
                fn(s, self.context.actor, *args, **kw)
        except ServiceError as exc:
            self.reload()
            self._fail(exc)
            return False
        self.reload()
        return True

    def _on_add_camera(self) -> None:
        if self.case_id is None:
            return
        with unit_of_work(self.context.sessions) as s:
            known = cameras.list_cameras(s, self.context.actor)
        on_list = {e.camera.id for e in (self.board.entries if self.board else ())}
        choices = [c for c in known if c.id not in on_list]
        if not choices:
            self.message.setText(self.tr("Every camera of the registry is on the list."))
            return
        labels = [c.label for c in choices]
        choice, ok = QInputDialog.getItem(self, self.tr("Add camera"), self.tr(
            "Which camera should the canvass cover?"), labels, 0, False)
        if ok:
            self._change(canvass.add_camera, self.case_id, choices[labels.index(choice)].id)

    def _on_letter(self, camera_id: int) -> None:
        if self.case_id is None:
            return
        out, _ = QFileDialog.getSaveFileName(self, self.tr("Evidence request letter"),
                                             str(Path(self.context.settings.last_export_dir())
                                                 / "调取证据通知书.pdf"), "PDF (*.pdf)")
        if not out:
            return
        case_id, actor = self.case_id, self.context.actor
        handle = run_task(lambda _ctx: issue_letter(self.context.sessions, actor, case_id,
                                                    camera_id, Path(out)), parent=self)
        handle.succeeded.connect(self._letter_done)
        handle.failed.connect(lambda exc, _tb: self._fail(exc))
        self._tasks_running.append(handle)

    def _letter_done(self, req) -> None:
        who, ok = QInputDialog.getText(self, self.tr("Evidence request letter"), self.tr(
            "Letter {no} written. Handed over to (name; leave empty if not yet):").format(
                no=req.doc_no))
        if ok and who.strip():
            self._change(requests.hand_over, req.id, who)

    # -- tasks ---------------------------------------------------------------------------
    def _on_new_task(self) -> None:
        inferences = [e for e in (self.board.events if self.board else ()) if e.kind == "inference"]
        if not inferences:
            QMessageBox.information(self, self.tr("New task"), self.tr(
                "A task follows from an inference: record the inference in the timeline first."))
            return
        labels = [e.title for e in inferences]
        choice, ok = QInputDialog.getItem(self, self.tr("New task"),
                                          self.tr("Which inference does the task follow?"),
                                          labels, len(labels) - 1, False)
        if ok:
            self.task_from_inference(inferences[labels.index(choice)].id)

    def _start_area(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.message.setText(self.tr("Click the corners of the area; double-click to finish."))
        self.map.start_area()

    def task_for_area(self, area) -> bool:
        """A grid-search task over an area drawn on the map (the latest inference as its why)."""
        self.message.clear()
        inferences = [e for e in (self.board.events if self.board else ())
                      if e.kind == "inference"]
        draft = tasks.TaskInput(kind="grid_search", title="", area=tuple(area),
                                trigger_event_id=inferences[-1].id if inferences else None,
                                inquiry_id=inferences[-1].inquiry_id if inferences else None)
        return self._task_dialog(draft, None, None)

    def task_from_inference(self, event_id: int) -> bool:
        try:
            with unit_of_work(self.context.sessions) as s:
                draft = tasks.draft_from_inference(s, self.context.actor, event_id)
        except ServiceError as exc:
            self._fail(exc)
            return False
        return self._task_dialog(draft, None, None)

    def edit_task(self, task_id: int) -> bool:
        t = next((t for t in (self.board.tasks if self.board else ()) if t.id == task_id), None)
        return t is not None and self._task_dialog(t.as_input(), t.id, t.version)

    def _task_dialog(self, draft: tasks.TaskInput, task_id: int | None,
                     version: int | None) -> bool:
        b, case_id = self.board, self.case_id
        if case_id is None:
            return False
        dialog = TaskDialog(draft, b.events if b else [], b.officers if b else [], self)
        while self._exec(dialog):
            data = dialog.result_input
            if data is None:
                continue
            try:
                with unit_of_work(self.context.sessions) as s:
                    if task_id is None:
                        tasks.create_task(s, self.context.actor, case_id, data)
                    else:
                        tasks.update_task(s, self.context.actor, task_id, data,
                                          expected_version=version)
            except ServiceError as exc:
                dialog.show_error(str(exc))
                continue
            self.reload()
            return True
        return False

    # -- other evidence ------------------------------------------------------------------
    def _on_attach(self) -> None:
        if self.case_id is None:
            return
        dialog = AttachDialog(self.context.settings.last_import_dir(), self)
        if not self._exec(dialog):
            return
        src, kind, detail = dialog.path.text().strip(), dialog.kind.currentData(), dialog.detail()
        self.context.settings.set_last_import_dir(str(Path(src).parent))
        ctx, case_id = self.context, self.case_id
        handle = run_task(lambda _c: attach_file(ctx.sessions, ctx.paths, ctx.actor, case_id, src,
                                                 kind, detail), parent=self)
        handle.succeeded.connect(lambda _r: self.reload())
        handle.failed.connect(lambda exc, _tb: self._fail(exc))
        self._tasks_running.append(handle)

    def _play_audio(self, item: AttachmentDTO) -> None:
        """Hash the stored copy (logged in its custody) off the GUI thread; play it if it
        matches the registered SHA-256, else say why not."""
        ctx, player = self.context, self.evidence.player
        handle = run_task(lambda t: verify_evidence(ctx.sessions, ctx.paths, ctx.actor,
                                                    item.evidence.id, cancel=t.is_cancelled),
                          parent=self)

        def done(result: VerifyResult) -> None:
            shown = self.evidence.current()
            if shown is None or shown.evidence.id != item.evidence.id:
                return
            if result.ok:
                player.load(result.path, result.expected)
            else:
                player.refuse(result.message)

        handle.succeeded.connect(done)
        handle.failed.connect(lambda exc, _tb: player.refuse(str(exc)))
        self._tasks_running.append(handle)

    def now(self) -> datetime:
        return self.as_of or datetime.now(UTC)
