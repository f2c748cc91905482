"""Keyboard of the review bench (the keys Amped FIVE / Kinovea users expect).

Space play/pause · ←/→ one frame (hold to repeat) · Shift+←/→ one second · Ctrl+←/→ ten
seconds · J/K/L shuttle back/stop/forward (again = faster) · ↑/↓ faster/slower · Home/End first/
last frame · PgUp/PgDown previous/next activity segment · M observation · R mark area ·
G magnifier · S snapshot · I/O clip in/out · Ctrl+E export clip · Ctrl+G go to frame ·
Ctrl+T go to corrected time · Ctrl+I import · +/−/0/1 zoom in/out/fit/100 % · Esc end marking.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from app.ui.review.clip_view import ClipView
from app.ui.review.dialog_controller import DialogController
from app.ui.review.export_controller import ExportController
from app.ui.review.frame_view import FrameView
from app.ui.review.observation_controller import ObservationController
from app.ui.review.player import ClipPlayer
from app.ui.review.sync_grid import SyncGrid


class KeysHost(Protocol):
    """What the keys drive on the review panel (the shortcuts live on ``widget()``)."""

    clip_view: ClipView
    sync_grid: SyncGrid
    roi_action: QAction
    magnifier_action: QAction
    marks: ObservationController
    exports: ExportController
    dialogs: DialogController

    @property
    def player(self) -> ClipPlayer | None: ...
    def target(self) -> ClipView | SyncGrid: ...
    def show_single(self) -> None: ...


class ReviewKeys(QObject):
    """The review bench's keys and what they do (a QObject so ``tr`` has a context)."""

    def rows(self) -> list[tuple[str, str]]:
        return [
            ("Space", self.tr("Play / pause")),
            ("← / →", self.tr("One frame back / forward (hold to repeat)")),
            ("Shift+← / →", self.tr("One second back / forward")),
            ("Ctrl+← / →", self.tr("Ten seconds back / forward")),
            ("J / K / L", self.tr("Shuttle back / stop / forward (again = faster)")),
            ("↑ / ↓", self.tr("Faster / slower")),
            ("Home / End", self.tr("First / last frame")),
            ("PgUp / PgDown", self.tr("Previous / next activity segment (best colour match "
                                  "first)")),
            ("M", self.tr("Mark an observation")),
            ("R", self.tr("Mark an area (ROI)")),
            ("G", self.tr("Magnifier")),
            ("S", self.tr("Snapshot with caption")),
            ("I / O", self.tr("Clip in / out point")),
            ("Ctrl+E", self.tr("Export the clip I…O")),
            ("Ctrl+G", self.tr("Go to frame")),
            ("Ctrl+T", self.tr("Go to corrected time")),
            ("Ctrl+I", self.tr("Import clips")),
            ("+ / − / 0 / 1", self.tr("Zoom in / out / fit / 100 %")),
            ("Esc", self.tr("End marking; leave the synchronised grid")),
        ]


def key_help() -> list[tuple[str, str]]:
    """The review bench's keys in the UI language (Help ▸ Keyboard shortcuts, F1)."""
    return ReviewKeys().rows()


def _player_call(panel: KeysHost, name: str, *args: object) -> Callable[[], object]:
    def run() -> None:
        p = panel.player if panel.target() is panel.clip_view else None
        if p is not None:
            getattr(p, name)(*args)
    return run


def _target_call(panel: KeysHost, name: str, *args: object) -> Callable[[], object]:
    return lambda: getattr(panel.target(), name)(*args)


def _view_call(panel: KeysHost, fn: Callable[[FrameView], object]) -> Callable[[], object]:
    return lambda: fn(panel.clip_view.frame_view)


def _toggle(action: QAction) -> Callable[[], object]:
    return lambda: action.setChecked(not action.isChecked())


def _escape(panel: KeysHost) -> None:
    """End marking; in the synchronised grid, go back to the single view."""
    if panel.target() is panel.sync_grid:
        panel.show_single()
        return
    panel.roi_action.setChecked(False)
    panel.magnifier_action.setChecked(False)


def install_shortcuts(panel: KeysHost, widget: QWidget) -> list[QShortcut]:
    keys: list[tuple[str, Callable[[], object], bool]] = [
        ("Space", _target_call(panel, "toggle"), False),
        ("Right", _target_call(panel, "step", 1), True),
        ("Left", _target_call(panel, "step", -1), True),
        ("Shift+Right", _target_call(panel, "step_seconds", 1.0), True),
        ("Shift+Left", _target_call(panel, "step_seconds", -1.0), True),
        ("Ctrl+Right", _target_call(panel, "step_seconds", 10.0), True),
        ("Ctrl+Left", _target_call(panel, "step_seconds", -10.0), True),
        ("L", _target_call(panel, "shuttle", 1), False),
        ("J", _target_call(panel, "shuttle", -1), False),
        ("K", _target_call(panel, "shuttle", 0), False),
        ("Up", _player_call(panel, "faster"), False),
        ("Down", _player_call(panel, "slower"), False),
        ("Home", _player_call(panel, "seek", 0), False),
        ("End", _player_call(panel, "seek", 1 << 30), False),
        ("PgDown", lambda: panel.clip_view.goto_segment(1), False),
        ("PgUp", lambda: panel.clip_view.goto_segment(-1), False),
        ("M", lambda: panel.marks.mark_observation(), False),
        ("R", _toggle(panel.roi_action), False),
        ("G", _toggle(panel.magnifier_action), False),
        ("S", lambda: panel.exports.export_snapshot(), False),
        ("I", panel.exports.set_in, False),
        ("O", panel.exports.set_out, False),
        ("Ctrl+E", lambda: panel.exports.export_range(), False),
        ("Ctrl+G", panel.exports.goto_frame, False),
        ("Ctrl+T", panel.exports.goto_time, False),
        ("Ctrl+I", lambda: panel.dialogs.show_import_dialog(), False),
        ("+", _view_call(panel, lambda v: v.zoom_by(1.25)), True),
        ("=", _view_call(panel, lambda v: v.zoom_by(1.25)), True),
        ("-", _view_call(panel, lambda v: v.zoom_by(0.8)), True),
        ("0", _view_call(panel, lambda v: v.fit()), False),
        ("1", _view_call(panel, lambda v: v.set_zoom(1.0)), False),
        ("Esc", lambda: _escape(panel), False),
    ]
    out: list[QShortcut] = []
    for key, fn, repeat in keys:
        sc = QShortcut(QKeySequence(key), widget)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.setAutoRepeat(repeat)
        sc.activated.connect(fn)
        out.append(sc)
    return out
