"""Review-bench fixtures: a case with two real clips from two cameras whose clocks differ."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest

from app.services.common.context import SYSTEM
from app.services.evidence import clips as evidence
from app.ui.context import AppContext
from tests.helpers.databases import database
from tests.helpers.evidence import T0, case_with_vehicles, make_camera
from tests.media import make_clip

CLIP_FRAMES = 150
FPS = 25


@dataclass
class BenchContext(AppContext):
    settings: object = None
    initial_case_no: str | None = "石峰-2023-0117"


@pytest.fixture(params=["sqlite"])
def db(request, paths):
    """The bench's widget tests on SQLite only. The bench reaches the database through the
    services, and every service runs on both backends in tests/services; what the bench itself
    sees differently on a squad server, its case's clock (timestamptz) and changes made at other
    workstations, is tested on both (test_case_zone.py, test_case_watch.py)."""
    yield from database(request, paths)


@pytest.fixture
def review_world(db, paths):
    engine, factory = db
    ids = case_with_vehicles(factory)
    cam_a = make_camera(factory, "CAM-A", 27.870, 113.150, offset_s=0.0)
    cam_b = make_camera(factory, "CAM-B", 27.861, 113.150, offset_s=-5.0)
    clip_a = make_clip("h264_mp4", frames=CLIP_FRAMES, fps=FPS, gop=25)
    clip_b = make_clip("h264_mkv", frames=CLIP_FRAMES, fps=FPS, gop=25)
    # B's clock runs 5 s fast and its file starts 3 s later by its clock → true start T0-2 s
    ev_a = evidence.import_clip(factory, paths, SYSTEM, ids["case"], clip_a, camera_id=cam_a,
                                start_time=T0).evidence
    ev_b = evidence.import_clip(factory, paths, SYSTEM, ids["case"], clip_b, camera_id=cam_b,
                                start_time=T0 + timedelta(seconds=3)).evidence
    return {"engine": engine, "factory": factory, "paths": paths, "ids": ids,
            "ev_a": ev_a, "ev_b": ev_b, "clip_a": clip_a, "clip_b": clip_b}


@pytest.fixture
def panel(qtbot, review_world):
    from app.ui.review.review_panel import ReviewPanel

    w = review_world
    p = ReviewPanel(BenchContext(w["paths"], w["engine"], w["factory"], SYSTEM))
    qtbot.addWidget(p)
    p.resize(1400, 900)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    qtbot.waitUntil(lambda: p.player is not None and p.player.shown_index == 0, timeout=15000)
    qtbot.waitUntil(lambda: not p.is_busy(), timeout=30000)
    yield p
    p.shutdown()


@pytest.fixture
def import_dialog(qtbot, review_world):
    """The import dialog on the review world's case, with its cameras."""
    from app.models.db import unit_of_work
    from app.services.evidence import cameras
    from app.ui.review.import_dialog import ImportDialog

    w = review_world
    with unit_of_work(w["factory"]) as s:
        cams = cameras.list_cameras(s, SYSTEM)
    dlg = ImportDialog(factory=w["factory"], paths=w["paths"], actor=SYSTEM,
                       case_id=w["ids"]["case"], case_no="石峰-2023-0117", cameras=cams)
    qtbot.addWidget(dlg)
    return dlg
