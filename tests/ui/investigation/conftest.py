"""The investigation view on a copy of the demo database, Case A, two cameras on its canvass:
SF-TQ-012 (7-day retention: overwrites in 2 days as of 2023-12-03 08:00) and SF-TQ-003 (90)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.demo import CASE_A_NO
from app.models import Case
from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.evidence import cameras
from app.services.investigation import canvass

TZ = ZoneInfo("Asia/Shanghai")


def two_cameras(factory) -> int:
    """Put SF-TQ-012 and SF-TQ-003 on Case A's canvass; Case A's id."""
    with unit_of_work(factory) as s:
        case_id = s.scalar(select(Case.id).where(Case.case_no == CASE_A_NO))
        for code, lat, lon, keep in (("SF-TQ-012", 27.8655, 113.1590, 7),
                                     ("SF-TQ-003", 27.8735, 113.1575, 90)):
            cam = cameras.create_camera(s, SYSTEM, cameras.CameraInput(
                code=code, name=f"摄像头{code}", lat=lat, lon=lon, facing_deg=180.0, fov_deg=60,
                retention_days=keep))
            canvass.add_camera(s, SYSTEM, case_id, cam.id)
    return case_id


@pytest.fixture
def view(qtbot, zh_ui, demo_db, ui_settings):
    from app.ui.context import AppContext
    from app.ui.investigation.view import InvestigationView

    paths, engine, factory = demo_db
    case_id = two_cameras(factory)
    context = AppContext(paths=paths, engine=engine, sessions=factory, actor=SYSTEM,
                         settings=ui_settings)
    widget = InvestigationView(context)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.as_of = datetime(2023, 12, 3, 8, 0, tzinfo=TZ)   # SF-TQ-012 overwrites in 2 days
    widget.set_case(case_id)
    return widget
