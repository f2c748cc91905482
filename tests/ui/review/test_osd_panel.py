"""The camera-clock dock: a clip imported without a start time is flagged; reading its clock
fills the start time; a confirmed suggestion moves the corrected times in the route."""

from __future__ import annotations

import shutil
from datetime import datetime

import pytest
from PySide6.QtCore import QDateTime

from app.demo.osd_footage import OsdClip
from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.evidence import clips as evidence
from app.services.evidence import items, observations
from tests.helpers.evidence import case_with_vehicles, make_camera
from tests.timeread.conftest import osd_clip
from tests.ui.review.conftest import BenchContext


@pytest.fixture
def osd_world(db, paths, tmp_path):
    engine, factory = db
    ids = case_with_vehicles(factory)
    cam = make_camera(factory, "SF-OSD-1", 27.87, 113.15)
    src = tmp_path / "export.mp4"  # no date in the name, no start time in the file
    shutil.copy(osd_clip(OsdClip(fmt="cn_week", font="wqy", seconds=5.0)), src)
    ev = evidence.import_clip(factory, paths, SYSTEM, ids["case"], src, camera_id=cam).evidence
    with unit_of_work(factory) as s:
        observations.add_observation(s, SYSTEM, observations.ObservationInput(
            evidence_id=ev.id, frame_index=20, pts_s=2.0, roi=None, note="蓝色三轮车",
            tags=("vehicle",), vehicle_id=ids["trike"]))
    return engine, factory, paths, ev


def _route_time(panel):
    route = panel.route.route
    return route.points[0].wall_time if route and route.points else None


def test_confirmed_suggestion_moves_the_route(qtbot, osd_world):
    from app.ui.review.review_panel import ReviewPanel

    engine, factory, paths, ev = osd_world
    panel = ReviewPanel(BenchContext(paths, engine, factory, SYSTEM))
    qtbot.addWidget(panel)
    panel.resize(1300, 850)
    panel.show()
    qtbot.waitUntil(lambda: panel.player is not None and not panel.is_busy(), timeout=20000)
    assert "⚠" in panel.evidence_table.item(0, 0).text()      # flagged, not a silent "—"
    assert _route_time(panel) is None
    osd = panel.osd_panel
    assert osd.evidence.id == ev.id and osd.read_button.isEnabled()

    osd.read_clock()
    qtbot.waitUntil(lambda: osd._task.done and osd.profile_dto is not None, timeout=30000)
    assert osd.profile_dto.found and osd.profile_dto.start_filled
    assert "⚠" not in panel.evidence_table.item(0, 0).text()
    before = _route_time(panel)
    assert before is not None

    osd.dvr_edit.setDateTime(QDateTime(datetime(2023, 11, 28, 9, 0, 0)))
    osd.std_edit.setDateTime(QDateTime(datetime(2023, 11, 28, 9, 3, 5)))
    sug = osd.suggest()
    assert sug is not None and osd.confirm_button.isEnabled()
    assert _route_time(panel) == before                       # nothing applied yet
    osd.confirm_button.click()
    after = _route_time(panel)
    assert (after - before).total_seconds() == pytest.approx(sug.offset_s, abs=0.01)
    assert sug.offset_s == pytest.approx(185.0, abs=0.2)
    assert panel.player.evidence.offset_s == pytest.approx(sug.offset_s)  # the open clip too
    assert "2023-11-28" in panel.clip_view.readout.text()
    panel.osd_dock.raise_()
    panel.grab().save("/tmp/osd_panel.png")
    panel.shutdown()


def test_import_flags_missing_start_and_reads_the_clock_before_saving(qtbot, db, paths, tmp_path):
    from app.ui.review.import_dialog import ImportDialog

    engine, factory = db
    ids = case_with_vehicles(factory)
    src = tmp_path / "export2.mp4"
    spec = OsdClip(fmt="iso", font="dejavu", seconds=5.0)
    shutil.copy(osd_clip(spec), src)
    dlg = ImportDialog(factory=factory, paths=paths, actor=SYSTEM, case_id=ids["case"],
                       case_no="石峰-2023-0117", cameras=[])
    qtbot.addWidget(dlg)
    dlg.add_files([str(src)])
    with qtbot.waitSignal(dlg.imported, timeout=30000) as sig:
        dlg.start()
    ev_id = sig.args[0][0]
    assert dlg.clock.isVisibleTo(dlg) and "⚠" in dlg.files.item(0).text()
    dlg.clock.read()
    qtbot.waitUntil(lambda: dlg.clock.handle.done, timeout=30000)
    assert "05:51:07" in dlg.clock.label.text() and dlg.clock.save_button.isVisibleTo(dlg)
    with unit_of_work(factory) as s:
        assert items.get_evidence(s, SYSTEM, ev_id).start_time is None  # shown, not saved
    with qtbot.waitSignal(dlg.imported, timeout=5000):
        assert dlg.clock.save() == [ev_id]
    with unit_of_work(factory) as s:
        assert items.get_evidence(s, SYSTEM, ev_id).start_time is not None
