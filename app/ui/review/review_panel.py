"""The CCTV review bench: evidence list, clip view or synchronised grid, observations,
enhancement and the route, as docks around the frame; keyboard-driven (Amped/Kinovea keys)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QHideEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDockWidget,
    QHeaderView,
    QMainWindow,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QToolBar,
    QWidget,
)

from app.models.db import unit_of_work
from app.services.common.errors import ServiceError
from app.services.evidence import cameras, items, observations
from app.services.evidence import clips as evidence
from app.services.evidence.observations import CaseLinks, ObservationDTO
from app.ui.context import AppContext
from app.ui.review import evidence_rows
from app.ui.review.case_scan import CaseScanControl, show_stored
from app.ui.review.case_watch import CaseWatch, bench_evidence
from app.ui.review.clip_controller import ClipController
from app.ui.review.clip_view import ClipView
from app.ui.review.colour_box import ColourBox
from app.ui.review.dialog_controller import DialogController
from app.ui.review.enhance_panel import EnhancePanel
from app.ui.review.export_controller import ExportController
from app.ui.review.observation_controller import ObservationController
from app.ui.review.observation_widgets import ObservationTableModel
from app.ui.review.osd_panel import OsdPanel, missing_start_cell
from app.ui.review.player import ClipPlayer
from app.ui.review.route_controller import RouteController
from app.ui.review.route_view import RouteWidget
from app.ui.review.shortcuts import install_shortcuts
from app.ui.review.shown_zone import ShownZone
from app.ui.review.sync_grid import SyncGrid
from app.ui.workers import TaskHandle
from app.video import Segment

_CASE_TEXT = "{}  {}  ({})"  # the case picker: number, title, (clips)


class ReviewPanel(QMainWindow):
    """The bench. It owns one controller per concern and delegates to them: the open clip and
    the grid (``clips``), exports and jumps (``exports``), observation marks (``marks``) and
    the dialogs (``dialogs``); each declares what it needs from the panel as a Protocol."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ReviewPanel")
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setDockNestingEnabled(True)
        self.context = context
        self.case_id: int | None = None
        self.case_no = ""
        self.shown = ShownZone()  # CCTV times on the open case's clock (set_case sets it)
        self.evidence_items: list[items.EvidenceDTO] = []
        self.observations: list[ObservationDTO] = []
        self.links: CaseLinks | None = None
        self.camera_list: list[cameras.CameraDTO] = []
        self.active_dialog: QDialog | None = None
        self._tasks: list[TaskHandle] = []
        self.undo_stack = QUndoStack(self)  # observation marks; Edit ▸ Undo in the main window
        self._choices: list[evidence.CaseChoice] = []
        self.clips = ClipController(self, self)
        self.exports = ExportController(self, self)
        self.marks = ObservationController(self, self)
        self.dialogs = DialogController(self, self)
        self.clip_view = ClipView(self, self.shown)
        self.clip_view.roi_drawn.connect(self.marks.on_roi)
        self.sync_grid = SyncGrid(self, self.shown)
        self.sync_grid.leave_requested.connect(self.show_single)  # Esc, the back button
        self.sync_grid.open_requested.connect(self.open_evidence)  # after leave_requested
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.clip_view)
        self.stack.addWidget(self.sync_grid)
        self.setCentralWidget(self.stack)
        self._build_docks()
        self._build_toolbar()
        install_shortcuts(self, self)
        self.setAcceptDrops(True)
        self._load_cases()
        self.watch = CaseWatch(self, self)  # clips imported elsewhere appear within a poll

    # -- layout --------------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.evidence_table = QTableWidget(0, 4, self)
        self.evidence_table.setObjectName("EvidenceTable")
        self.evidence_table.setHorizontalHeaderLabels(
            [self.tr("Corrected start"), self.tr("Camera"), self.tr("Length"), self.tr("SHA-256")])
        header = self.evidence_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.evidence_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.evidence_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.evidence_table.cellDoubleClicked.connect(
            lambda r, _c: self.open_evidence(self.evidence_items[r].id))
        self.evidence_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.evidence_table.customContextMenuRequested.connect(self.dialogs.evidence_menu)
        self.evidence_dock = self._dock(self.tr("Evidence"), "EvidenceDock", self.evidence_table,
                                        Qt.DockWidgetArea.LeftDockWidgetArea)
        self.obs_model = ObservationTableModel(self, self.shown)
        self.obs_table = QTableView(self)
        self.obs_table.setObjectName("ObservationTable")
        self.obs_table.setModel(self.obs_model)
        self.obs_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.obs_table.horizontalHeader().setStretchLastSection(True)
        self.obs_table.verticalHeader().hide()
        self.obs_table.doubleClicked.connect(lambda ix: self.marks.jump_to_observation(ix.row()))
        self.obs_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.obs_table.customContextMenuRequested.connect(self.marks.observation_menu)
        self.obs_dock = self._dock(self.tr("Observations"), "ObservationDock", self.obs_table,
                                   Qt.DockWidgetArea.RightDockWidgetArea)
        self.enhance = EnhancePanel(self)
        self.enhance.chain_changed.connect(self.clips.on_chain)
        self.enhance_dock = self._dock(self.tr("Enhancement"), "EnhanceDock", self.enhance,
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.obs_dock, self.enhance_dock)
        self.osd_panel = OsdPanel(self, self)
        self.osd_dock = self._dock(self.tr("Camera clock"), "OsdDock", self.osd_panel,
                                   Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.enhance_dock, self.osd_dock)
        self.obs_dock.raise_()
        self.route = RouteWidget(self, self.shown)
        self.routes = RouteController(self, self.route, self)
        self.route.jump_requested.connect(lambda e, f: self.open_evidence(e, f))
        self.route_dock = self._dock(self.tr("Route"), "RouteDock", self.route,
                                     Qt.DockWidgetArea.BottomDockWidgetArea)
        self._docks_sized = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.watch.start()
        if not self._docks_sized:  # dock sizes only stick once the panel has its real size
            self._docks_sized = True
            w, h = max(self.width(), 1000), max(self.height(), 700)
            self.resizeDocks([self.evidence_dock, self.obs_dock], [int(w * 0.2), int(w * 0.24)],
                             Qt.Orientation.Horizontal)
            self.resizeDocks([self.route_dock], [int(h * 0.3)], Qt.Orientation.Vertical)

    def _action(self, bar: QToolBar, text: str, tip: str, slot: Callable[..., object],
                checkable: bool = False) -> QAction:
        a = bar.addAction(text)
        a.setToolTip(tip)
        a.setCheckable(checkable)
        (a.toggled if checkable else a.triggered).connect(slot)
        return a

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Review"), self)
        bar.setObjectName("ReviewToolbar")
        self.addToolBar(bar)
        self.case_box = QComboBox(self)
        self.case_box.setMinimumContentsLength(24)
        self.case_box.activated.connect(lambda i: self.set_case(self.case_box.itemData(i)))
        bar.addWidget(self.case_box)
        self._action(bar, self.tr("Import…"), self.tr("Import video files as evidence (Ctrl+I)"),
                     lambda: self.dialogs.show_import_dialog())
        self._action(bar, self.tr("Cameras…"), self.tr("Camera registry and clock offsets"),
                     self.dialogs.show_camera_dialog)
        self.sync_action = self._action(bar, self.tr("Sync"), self.tr(
            "Show the selected 2–4 clips side by side on corrected time"), self.sync_selected)
        bar.addSeparator()
        self.roi_action = self._action(bar, self.tr("Mark area (R)"), self.tr(
            "Draw a rectangle on the image for the next observation"),
            lambda on: self.clip_view.frame_view.set_roi_mode(on), checkable=True)
        self.magnifier_action = self._action(bar, self.tr("Magnifier (G)"), self.tr(
            "A 4× loupe under the cursor"), lambda on: self.clip_view.frame_view.set_magnifier(on),
            checkable=True)
        self._action(bar, self.tr("Observation (M)"), self.tr("Mark the current frame"),
                     self.marks.mark_observation)
        self._action(bar, self.tr("Snapshot (S)"), self.tr(
            "Save the frame as PNG with caption and provenance sidecar"),
            lambda: self.exports.export_snapshot())
        self._action(bar, self.tr("Export clip (Ctrl+E)"), self.tr("Export frames I…O"),
                     lambda: self.exports.export_range())
        bar.addSeparator()
        self.colour_box = ColourBox(self)
        self.colour_box.chosen.connect(self.clips.rank_by_colour)
        bar.addWidget(self.colour_box)
        bar.addSeparator()
        self.case_scan = CaseScanControl(self, bar)

    # -- case ----------------------------------------------------------------------------
    def _load_cases(self) -> None:
        with unit_of_work(self.context.sessions) as s:
            choices = evidence.review_cases(s, self.context.actor)
        self._choices = choices
        self.case_box.clear()
        for c in choices:
            self.case_box.addItem(_CASE_TEXT.format(c.case_no, c.title, c.evidence_count), c.id)
        wanted = getattr(self.context, "initial_case_no", None)
        pick = next((c.id for c in choices if c.case_no == wanted), None)
        pick = pick or self._case_selected_elsewhere() or (choices[0].id if choices else None)
        if pick is not None:
            self.open_case(pick)

    def _case_selected_elsewhere(self) -> int | None:
        """The case last selected in the case list (so the bench follows the officer)."""
        settings = getattr(self.context, "settings", None)
        case_id = settings.last_case_id() if settings is not None else None
        return case_id if case_id is not None and self.case_box.findData(case_id) >= 0 else None

    def open_case(self, case_id: int, evidence_id: int | None = None,
                  frame: int | None = None) -> None:
        """Show a case's footage (optionally one clip at one frame) — for other views too."""
        self.case_box.setCurrentIndex(self.case_box.findData(case_id))
        if case_id != self.case_id:
            self.set_case(case_id)
        if evidence_id is not None:
            self.open_evidence(evidence_id, frame)

    def set_case(self, case_id: int | None) -> None:
        if case_id is None:
            return
        self.clips.close_clip()
        self.sync_grid.clear()
        self.case_id = case_id
        self.reload()
        if self.evidence_items:
            first = self.evidence_items[0].id
            marks = self.observations_of(first)
            self.open_evidence(first, marks[0].frame_index if marks else None)

    def reload(self) -> None:
        if self.case_id is None:
            return
        choice = next((c for c in self._choices if c.id == self.case_id), None)
        self.case_no = choice.case_no if choice is not None else ""
        self.shown.set(choice.tz if choice is not None else None)
        try:
            with unit_of_work(self.context.sessions) as s:
                self.evidence_items = bench_evidence(s, self.context.actor, self.case_id)
                self.links = observations.case_links(s, self.context.actor, self.case_id)
                self.camera_list = cameras.list_cameras(s, self.context.actor)
        except ServiceError as exc:  # e.g. this case is not the user's to see
            self.evidence_items, self.links = [], None
            self.clip_view.set_banner(str(exc), "error")
        if choice is not None:  # the picker's count follows imports
            self.case_box.setItemText(self.case_box.findData(self.case_id), _CASE_TEXT.format(
                choice.case_no, choice.title, len(self.evidence_items)))
        evidence_rows.fill(self.evidence_table, self.evidence_items, self.shown,
                           lambda: missing_start_cell(self.osd_panel))
        self.reload_observations()

    def highlight_evidence(self, evidence_id: int) -> None:
        """The clip being opened is the one selected in the evidence list (never a stale row)."""
        evidence_rows.select(self.evidence_table, self.evidence_items, evidence_id)

    def reload_observations(self) -> None:
        if self.case_id is None:
            return
        try:
            with unit_of_work(self.context.sessions) as s:
                self.observations = observations.list_observations(s, self.context.actor,
                                                                   self.case_id)
        except ServiceError:
            self.observations = []
        names: dict[int, str] = dict(self.links.vehicles) if self.links else {}
        self.obs_model.set_rows(self.observations, names)
        if self.player is not None:
            self.clip_view.set_observations(self.observations_of(self.player.evidence.id))
        self.refresh_route()

    def observations_of(self, evidence_id: int) -> list[ObservationDTO]:
        return [o for o in self.observations if o.evidence_id == evidence_id]

    def show_status(self, text: str) -> None:
        window = self.window()
        if window is not self and hasattr(window, "show_message"):
            window.show_message(text)
        else:
            self.statusBar().showMessage(text, 6000)

    def refresh_route(self) -> None:
        self.routes.refresh()

    # -- the open clip (delegated) ---------------------------------------------------------
    @property
    def player(self) -> ClipPlayer | None:
        """The single clip shown (None while none is, or while the grid is)."""
        return self.clips.player

    @property
    def segments(self) -> list[Segment]:
        """The open clip's activity segments (a stored case scan sets them too)."""
        return self.clips.segments

    @segments.setter
    def segments(self, value: list[Segment]) -> None:
        self.clips.segments = value

    def open_evidence(self, evidence_id: int, frame: int | None = None) -> TaskHandle | None:
        """Open one clip (hash-verified first), optionally at a frame."""
        return self.clips.open_evidence(evidence_id, frame)

    def close_clip(self) -> None:
        self.clips.close_clip()

    def show_stored_scan(self, evidence_id: int) -> bool:
        return show_stored(self, evidence_id)

    def track(self, handle: TaskHandle) -> TaskHandle:
        """Keep ``handle`` until it finishes (:meth:`is_busy`, :meth:`shutdown`)."""
        def forget() -> None:
            if handle in self._tasks:
                self._tasks.remove(handle)

        self._tasks.append(handle)
        handle.finished.connect(forget)
        return handle

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        self.dialogs.show_import_dialog(
            [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()])

    # -- modes ---------------------------------------------------------------------------
    def show_single(self) -> None:
        self.sync_grid.clear()
        self.stack.setCurrentWidget(self.clip_view)

    def sync_selected(self) -> None:
        rows = evidence_rows.selected_rows(self.evidence_table)
        ids = [self.evidence_items[r].id for r in rows][:4]
        if len(ids) < 2:
            self.show_status(self.tr("Select 2 to 4 clips in the evidence list first."))
            return
        self.clips.sync_evidence(ids)

    def target(self) -> ClipView | SyncGrid:
        """What the transport keys drive: the grid when shown, else the single clip."""
        return self.sync_grid if self.stack.currentWidget() is self.sync_grid else self.clip_view

    # -- view protocol -------------------------------------------------------------------
    def is_busy(self) -> bool:
        """True while clips open, scans run or a requested frame has not arrived yet."""
        if any(not h.done for h in self._tasks):
            return True
        if self.player is not None and self.player.shown_index != self.player.index:
            return True
        return any(t.has_footage and t.player.shown_index != t.player.index
                   for t in self.sync_grid.tiles)

    def view_activated(self) -> None:
        elsewhere = self._case_selected_elsewhere()
        if elsewhere is not None and elsewhere != self.case_id:
            self.open_case(elsewhere)
        self.clip_view.frame_view.setFocus()

    def open_evidence_id(self) -> int | None:
        return self.player.evidence.id if self.player is not None else None

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self.watch.stop()

    def shutdown(self) -> None:
        self.watch.stop(5000)
        for h in list(self._tasks):
            h.cancel()
        for h in list(self._tasks):
            h.wait(5000)
        self.sync_grid.clear()
        self.clips.close_clip()

    def maybe_close(self) -> bool:
        self.shutdown()
        return True

