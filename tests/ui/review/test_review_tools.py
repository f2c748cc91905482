"""Zoom/magnifier, live enhancement saved per clip, activity + colour navigation, clip export,
observation edit/delete/inference, per-clip offset, and the main window's "review" view."""

from __future__ import annotations

import json
from datetime import timedelta

import numpy as np
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from app.models import TimelineEvent
from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.evidence import clips as evidence
from app.services.evidence import items, observations
from app.services.evidence.observations import ObservationInput
from app.video import FilterChain
from tests.helpers.evidence import case_with_vehicles
from tests.media import make_clip
from tests.ui.review.test_review_panel import _image_array, _key, _wait_frame


def test_zoom_nearest_neighbour_and_magnifier(qtbot, panel):
    fv = panel.clip_view.frame_view
    fv.set_zoom(4.0)
    assert fv.nearest_neighbour() and fv.zoom() == 4.0
    fv.fit()
    assert fv.zoom() < 4.0
    fv.set_zoom(1.0)
    assert not fv.nearest_neighbour()
    _key(qtbot, panel, Qt.Key.Key_G)
    assert fv.magnifier_on()
    centre = fv.viewport().rect().center()
    qtbot.mouseMove(fv.viewport(), pos=centre)
    qtbot.mouseMove(fv.viewport(), pos=centre + QPoint(5, 5))
    qtbot.waitUntil(fv.magnifier.isVisible, timeout=3000)
    _key(qtbot, panel, Qt.Key.Key_Escape)
    assert not fv.magnifier_on() and not fv.magnifier.isVisible()


def test_enhancement_is_live_and_saved_per_clip(qtbot, panel):
    ev_id = panel.player.evidence.id
    panel.enhance.set_chain(FilterChain([{"type": "grayscale"}]), emit=True)
    qtbot.waitUntil(lambda: panel.player.filters and not panel.is_busy(), timeout=5000)
    qtbot.waitUntil(lambda: (lambda a: np.array_equal(a[..., 0], a[..., 2]))(
        _image_array(panel.clip_view.displayed_image())), timeout=5000)
    with unit_of_work(panel.context.sessions) as s:
        saved = items.get_evidence(s, SYSTEM, ev_id).filters_json
    assert "grayscale" in saved
    other = next(e.id for e in panel.evidence_items if e.id != ev_id)
    panel.open_evidence(other)
    qtbot.waitUntil(lambda: panel.player is not None and panel.player.evidence.id == other
                    and not panel.is_busy(), timeout=15000)
    assert not panel.enhance.chain()  # the other clip has its own (empty) chain
    panel.open_evidence(ev_id)
    qtbot.waitUntil(lambda: panel.player is not None and panel.player.evidence.id == ev_id
                    and not panel.is_busy(), timeout=15000)
    assert panel.enhance.chain().to_json() == [{"type": "grayscale"}]


def test_activity_strip_and_blue_ranking(qtbot, panel, review_world):
    clip = make_clip("h264_mp4", frames=150, fps=25, gop=25, mover=(60, 110), marker=False)
    ev = evidence.import_clip(review_world["factory"], review_world["paths"], SYSTEM,
                              review_world["ids"]["case"], clip).evidence
    panel.reload()
    panel.open_evidence(ev.id)
    qtbot.waitUntil(lambda: panel.player is not None and panel.player.evidence.id == ev.id
                    and not panel.is_busy(), timeout=30000)
    assert panel.segments and panel.clip_view.timeline.activity is not None
    seg = panel.segments[0]
    assert seg.start_frame <= 85 <= seg.end_frame
    handle = panel.clips.rank_by_colour("blue")
    assert handle.wait(30000) and handle.error is None
    qtbot.waitUntil(lambda: panel.clip_view.ranked is not None, timeout=5000)
    assert panel.clip_view.ranked[0] == seg.start_frame
    _key(qtbot, panel, Qt.Key.Key_Home)
    _wait_frame(qtbot, panel, 0)
    panel.clip_view.ranked = None
    _key(qtbot, panel, Qt.Key.Key_PageDown)  # next activity segment in time order
    _wait_frame(qtbot, panel, seg.start_frame)


def test_export_clip_between_in_and_out(qtbot, panel, tmp_path):
    for index, key in ((10, Qt.Key.Key_I), (40, Qt.Key.Key_O)):
        panel.player.seek(index)
        _wait_frame(qtbot, panel, index)
        _key(qtbot, panel, key)
    assert panel.clip_view.timeline.in_out == (10, 40)
    out = tmp_path / "片段.mp4"
    handle = panel.exports.export_range(out)
    assert handle.wait(30000) and handle.error is None, handle.error
    path, digest = handle.result
    meta = json.loads(out.with_name(out.name + ".json").read_text("utf-8"))
    assert meta["sha256"] == digest and meta["source_sha256"] == panel.player.evidence.sha256
    assert meta["start_frame"] == 10 and meta["end_frame"] == 40 and meta["case_no"]
    assert meta["corrected_start"] and path == out


def test_edit_delete_and_inference(qtbot, qtmodeltester, panel, review_world):
    ev = panel.player.evidence
    with unit_of_work(review_world["factory"]) as s:
        o = observations.add_observation(s, SYSTEM, ObservationInput(
            evidence_id=ev.id, frame_index=12, pts_s=panel.player.pts(12), note="初记"))
    panel.reload_observations()
    qtmodeltester.check(panel.obs_model)
    dlg = panel.marks.edit_observation(panel.obs_model.rows[0])
    dlg.note.setPlainText("改正后的记录")
    dlg.accept()
    qtbot.waitUntil(lambda: panel.obs_model.rows[0].note == "改正后的记录", timeout=5000)
    event_id = panel.marks.record_inference(panel.obs_model.rows, title="驾驶人可能是附近养猪户")
    with unit_of_work(review_world["factory"]) as s:
        event = s.get(TimelineEvent, event_id)
        assert event.kind == "inference" and [x.id for x in event.observations] == [o.id]
    panel.marks.delete_observations(panel.obs_model.rows, confirm=False)
    assert panel.obs_model.rowCount() == 0
    with unit_of_work(review_world["factory"]) as s:
        assert s.scalars(select(TimelineEvent.id)).all() == [event_id]


def test_offset_for_one_clip_moves_its_corrected_times(qtbot, panel):
    ev = panel.player.evidence
    dlg = panel.dialogs.show_evidence_dialog(ev)
    assert dlg.log.rowCount() >= 2  # import, view, verify…
    dlg.override.setChecked(True)
    dlg.override_value.setValue(30.0)
    dlg.save()
    qtbot.waitUntil(lambda: panel.player is not None and panel.player.evidence.offset_s == 30.0
                    and not panel.is_busy(), timeout=15000)
    assert panel.player.evidence.offset_source == "override"
    assert panel.player.wall_time(0) == ev.start_time + timedelta(seconds=30)


def test_main_window_shows_the_review_view(qtbot, review_world, tmp_path):
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow
    from app.ui.review.review_panel import ReviewPanel
    from app.ui.settings import Settings

    w = review_world
    ctx = AppContext(paths=w["paths"], engine=w["engine"], sessions=w["factory"], actor=SYSTEM,
                     settings=Settings(tmp_path / "s.ini"), initial_case_no="石峰-2023-0117")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    view = window.show_view("review")
    assert isinstance(view, ReviewPanel)
    qtbot.waitUntil(lambda: view.player is not None and not view.is_busy(), timeout=20000)
    assert view.evidence_table.rowCount() == 2
    # the bench follows the case selected in the case list
    other = case_with_vehicles(w["factory"], case_no="石峰-2023-0200")["case"]
    view._load_cases()
    ctx.settings.set_last_case_id(other)
    view.view_activated()
    assert view.case_id == other and view.evidence_table.rowCount() == 0 and view.player is None
    view.open_case(w["ids"]["case"], w["ev_a"].id, 9)
    qtbot.waitUntil(lambda: view.player is not None and view.player.shown_index == 9, timeout=20000)
    view.shutdown()


def test_timeline_click_drag_and_zoom(qtbot, panel):
    tl = panel.clip_view.timeline
    y = tl.height() // 2
    qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=QPoint(tl.width() // 2, y))
    middle = tl.frame_at(tl.width() // 2)
    _wait_frame(qtbot, panel, middle)
    assert abs(middle - 75) <= 2
    tl.set_zoom(4.0, around=middle)
    assert tl.zoom() == 4.0 and tl.frame_at(0) > 0  # zoomed in around the playhead
    qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=QPoint(0, y))
    _wait_frame(qtbot, panel, tl.frame_at(0))
    assert panel.player.shown_index < middle


def test_marks_undo_and_redo(qtbot, panel, review_world):
    for _ in range(4):
        _key(qtbot, panel, Qt.Key.Key_Right)
    _wait_frame(qtbot, panel, 4)
    dlg = panel.marks.mark_observation()
    dlg.note.setPlainText("第一次标记")
    dlg.accept()
    assert panel.obs_model.rowCount() == 1 and panel.undo_stack.canUndo()
    panel.undo_stack.undo()
    assert panel.obs_model.rowCount() == 0
    panel.undo_stack.redo()
    assert [o.note for o in panel.obs_model.rows] == ["第一次标记"]
    edit = panel.marks.edit_observation(panel.obs_model.rows[0])
    edit.note.setPlainText("改过")
    edit.accept()
    assert panel.obs_model.rows[0].note == "改过"
    panel.undo_stack.undo()
    assert panel.obs_model.rows[0].note == "第一次标记"
    panel.marks.delete_observations(panel.obs_model.rows, confirm=False)
    assert panel.obs_model.rowCount() == 0
    panel.undo_stack.undo()  # the deleted mark comes back (as a new record, same content)
    assert [o.note for o in panel.obs_model.rows] == ["第一次标记"]
    assert panel.obs_model.rows[0].frame_index == 4
    panel.undo_stack.redo()
    assert panel.obs_model.rowCount() == 0
