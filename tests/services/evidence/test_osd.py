"""OSD service: a clip imported without a start time is flagged, its clock fills the start time
(method recorded), readings are stored frame by frame, a suggestion is applied only on
confirmation and recorded as a clock offset "OSD reading" with its frames and who confirmed."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.cli import main as cli_main
from app.demo.osd_footage import OsdClip, clock_at
from app.models import AuditEntry, CameraClockOffset, OsdReading
from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.common.errors import ValidationError
from app.services.evidence import clips as evidence
from app.services.evidence import items, osd
from tests.helpers.evidence import case_with_vehicles, make_camera
from tests.timeread.conftest import osd_clip

SPEC = OsdClip(fmt="iso", font="dejavu", seconds=5.0)


@pytest.fixture
def plain_clip(tmp_path):
    """The generated clip under a name without a date stamp, as an officer's plain .mp4."""
    dst = tmp_path / "export.mp4"
    shutil.copy(osd_clip(SPEC), dst)
    return dst


def test_clock_fills_missing_start_and_offset_needs_confirmation(session_factory, paths, cli_admin,
                                                                 plain_clip, capsys):
    if session_factory.kw["bind"].dialect.name != "sqlite":
        pytest.skip("the CLI runs on the data dir's SQLite file")
    case = case_with_vehicles(session_factory)
    cam = make_camera(session_factory, "SF-X-01", 27.87, 113.15)
    ev = evidence.import_clip(session_factory, paths, SYSTEM, case["case"], plain_clip,
                              camera_id=cam).evidence
    assert ev.start_time is None and ev.wall_start is None
    with unit_of_work(session_factory) as s:
        assert osd.missing_start(s, SYSTEM, case["case"]) == [ev.id]
        with pytest.raises(ValidationError):
            osd.suggest_from_photo(s, SYSTEM, ev.id, datetime(2023, 11, 28, 9, 0),
                                   datetime(2023, 11, 28, 9, 1))

    dto = osd.profile_clip(session_factory, paths, SYSTEM, ev.id, max_samples=4)
    truth = clock_at(SPEC, 0.0)
    assert dto.found and dto.start_filled and dto.region_method == "auto"
    with unit_of_work(session_factory) as s:
        ev = items.get_evidence(s, SYSTEM, ev.id)
        assert osd.missing_start(s, SYSTEM, case["case"]) == []
        rows = s.scalars(select(OsdReading).order_by(OsdReading.frame_index)).all()
        audit_row = s.scalars(select(AuditEntry).where(AuditEntry.action == "evidence.osd")).one()
    local = ev.start_time.astimezone(ZoneInfo("Asia/Shanghai")).replace(tzinfo=None)
    assert abs((local - truth).total_seconds()) <= 0.1
    assert len(rows) >= 2 and all(r.clock and r.frame_index >= 0 for r in rows)
    assert json.loads(audit_row.payload)["method"] == osd.OSD_METHOD

    # a photo of the DVR beside a standard clock: DVR shows 09:00:00, the standard 09:03:05
    with unit_of_work(session_factory) as s:
        sug = osd.suggest_from_photo(s, SYSTEM, ev.id, datetime(2023, 11, 28, 9, 0, 0),
                                     datetime(2023, 11, 28, 9, 3, 5))
        assert items.get_evidence(s, SYSTEM, ev.id).offset_source == "none"  # not applied
    assert sug.offset_s == pytest.approx(185.0, abs=0.2) and sug.uncertainty_s < 1.0
    assert sug.frames and all(f < ev.frame_count for f in sug.frames)
    with unit_of_work(session_factory) as s:
        after = osd.confirm_suggestion(s, SYSTEM, ev.id, sug)
        row = s.scalars(select(CameraClockOffset).where(CameraClockOffset.camera_id == cam)).one()
    assert after.offset_s == pytest.approx(sug.offset_s) and after.offset_source == "measured"
    assert row.method == osd.OSD_METHOD and str(sug.frames[0]) in row.note
    assert SYSTEM.display_name in row.note
    assert (after.wall_start - ev.wall_start).total_seconds() == pytest.approx(sug.offset_s)

    # the CLI prints the stored profile and a suggestion (never applies it)
    capsys.readouterr()
    assert cli_main(["--data-dir", str(paths.data_dir), "osd", str(case["case"]), str(ev.id),
                     "--json", "--photo", "2023-11-28T09:00:00", "2023-11-28T09:03:05"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["profile"]["found"] and out["profile"]["readings"][0]["frame_index"] >= 0
    assert out["suggestion"]["offset_s"] == pytest.approx(sug.offset_s, abs=0.01)


def test_clip_without_clock_stays_flagged(session_factory, paths, tmp_path):
    case = case_with_vehicles(session_factory)
    src = tmp_path / "noclock.mp4"
    shutil.copy(osd_clip(OsdClip(osd=False, seconds=4.0)), src)
    ev = evidence.import_clip(session_factory, paths, SYSTEM, case["case"], src).evidence
    dto = osd.profile_clip(session_factory, paths, SYSTEM, ev.id, max_samples=4)
    assert not dto.found and not dto.start_filled and dto.profile.readings == ()
    with unit_of_work(session_factory) as s:
        assert items.get_evidence(s, SYSTEM, ev.id).start_time is None
        assert osd.missing_start(s, SYSTEM, case["case"]) == [ev.id]


def test_cli_import_warns_about_a_missing_start_time(session_factory, paths, plain_clip, capsys,
                                                     cli_admin):
    if session_factory.kw["bind"].dialect.name != "sqlite":
        pytest.skip("the CLI runs on the data dir's SQLite file")
    case = case_with_vehicles(session_factory)
    assert cli_main(["--data-dir", str(paths.data_dir), "import-clip", str(case["case"]),
                     str(plain_clip)]) == 0
    err = capsys.readouterr().err
    assert "没有开始时间" in err and "casedesk-cli osd" in err
