"""Evidence import (real clips), duplicates, bad files, custody, verification, wall time."""

from __future__ import annotations

import os
import random
import stat
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.models import AuditEntry, CustodyEvent, EvidenceItem
from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.common import clock
from app.services.common.context import SYSTEM
from app.services.common.errors import PermissionDenied, ValidationError
from app.services.evidence import clips as evidence
from app.services.evidence import custody, items
from app.services.evidence.store import ImportCancelled
from tests.conftest import make_actor
from tests.helpers.evidence import T0, case_with_vehicles, make_camera
from tests.media import make_clip


@pytest.fixture
def clip():
    return make_clip("h264_mp4", frames=60, fps=25, gop=25)


@pytest.fixture
def case(session_factory):
    return case_with_vehicles(session_factory)


def _stored_files(paths) -> list:
    return [p for p in paths.evidence_dir.rglob("*") if p.is_file()]


def _count(factory, model) -> int:
    with unit_of_work(factory) as s:
        return s.scalar(select(func.count()).select_from(model))


def test_import_records_everything_and_stores_read_only(session_factory, paths, case, clip):
    cam = make_camera(session_factory, "SF-TQ-003", 27.87, 113.15, offset_s=-65.0)
    res = evidence.import_clip(session_factory, paths, SYSTEM, case["case"], clip, camera_id=cam,
                               acquisition="dvr_seizure", acquisition_note="U 盘导出",
                               start_time=T0)
    ev = res.evidence
    assert not res.duplicate
    assert ev.frame_count == 60 and ev.fps == pytest.approx(25) and ev.codec
    assert ev.original_name == clip.name and ev.original_path == str(clip.resolve())
    assert ev.size == clip.stat().st_size and ev.original_mtime is not None
    assert ev.acquisition == "dvr_seizure" and ev.camera_code == "SF-TQ-003"
    stored = items.evidence_path(paths, ev)
    assert stored.read_bytes() == clip.read_bytes()
    assert stat.S_IMODE(stored.stat().st_mode) & 0o222 == 0
    # corrected wall time: camera clock start + pts + measured offset
    assert ev.offset_source == "measured" and ev.offset_s == -65.0
    assert ev.wall_time(2.0) == T0 + timedelta(seconds=2 - 65)
    assert ev.pts_at(ev.wall_time(1.5)) == pytest.approx(1.5)
    with unit_of_work(session_factory) as s:
        log = custody.custody_log(s, SYSTEM, ev.id)
        audits = s.scalars(select(AuditEntry.action)).all()
    assert [c.action for c in log] == ["import"]
    assert "evidence.import" in audits


def test_duplicate_is_offered_as_the_existing_item(session_factory, paths, case, clip):
    first = evidence.import_clip(session_factory, paths, SYSTEM, case["case"], clip)
    again = evidence.import_clip(session_factory, paths, SYSTEM, case["case"], clip)
    assert again.duplicate and again.evidence.id == first.evidence.id
    assert _count(session_factory, EvidenceItem) == 1
    assert len(_stored_files(paths)) == 1
    other = case_with_vehicles(session_factory, case_no="石峰-2023-0201")
    shared = evidence.import_clip(session_factory, paths, SYSTEM, other["case"], clip)
    assert not shared.duplicate and shared.evidence.sha256 == first.evidence.sha256
    assert len(_stored_files(paths)) == 1  # one stored copy, two cases


@pytest.mark.parametrize("name,content", [  # ids must be stable across xdist workers
    ("随机.mp4", random.Random(7).randbytes(4096)),
    ("empty.avi", b""),
    ("notes.avi", "这不是视频".encode() * 100),
    ("report.pdf", b"%PDF-1.4"),
])
def test_bad_files_are_refused_by_name_and_nothing_is_left(session_factory, paths, case, tmp_path,
                                                           name, content):
    bad = tmp_path / name
    bad.write_bytes(content)
    with pytest.raises(ValidationError) as exc:
        evidence.import_clip(session_factory, paths, SYSTEM, case["case"], bad)
    assert name in str(exc.value)
    assert _stored_files(paths) == []
    assert _count(session_factory, EvidenceItem) == 0


def test_cancelled_import_leaves_no_row_and_no_file(session_factory, paths, case, clip):
    with pytest.raises(ImportCancelled):
        evidence.import_clip(session_factory, paths, SYSTEM, case["case"], clip,
                             cancel=lambda: True)
    assert _stored_files(paths) == []
    assert _count(session_factory, EvidenceItem) == 0


def test_failed_db_step_removes_the_new_store_file(session_factory, paths, case, clip):
    with pytest.raises(ValidationError):
        evidence.import_clip(session_factory, paths, SYSTEM, case["case"], clip,
                             acquisition="stolen")
    assert _stored_files(paths) == []


def test_roles_and_training_cases(session_factory, paths, case, clip):
    with pytest.raises(PermissionDenied):
        evidence.import_clip(session_factory, paths, make_actor(Role.TRAINER), case["case"], clip)
    assert _stored_files(paths) == []


def test_verify_ok_then_tampered_then_missing(session_factory, paths, case, clip):
    ev = evidence.import_clip(session_factory, paths, SYSTEM, case["case"], clip).evidence
    ok = custody.verify_evidence(session_factory, paths, SYSTEM, ev.id)
    assert ok.ok and ok.actual == ev.sha256
    stored = items.evidence_path(paths, ev)
    os.chmod(stored, 0o644)
    data = bytearray(stored.read_bytes())
    data[len(data) // 2] ^= 0xFF
    stored.write_bytes(bytes(data))
    bad = custody.verify_evidence(session_factory, paths, SYSTEM, ev.id)
    assert not bad.ok and "已被改动" in bad.message and ev.original_name in bad.message
    stored.unlink()
    gone = custody.verify_evidence(session_factory, paths, SYSTEM, ev.id)
    assert not gone.ok and gone.actual is None and "缺失" in gone.message
    with unit_of_work(session_factory) as s:
        actions = s.scalars(select(CustodyEvent.action).order_by(CustodyEvent.id)).all()
    assert actions == ["import", "verify", "verify_failed", "verify_failed"]


def test_view_and_export_are_logged(session_factory, paths, case, clip):
    ev = evidence.import_clip(session_factory, paths, SYSTEM, case["case"], clip).evidence
    with unit_of_work(session_factory) as s:
        custody.record_view(s, SYSTEM, ev.id, "review bench")
        custody.record_export(s, SYSTEM, ev.id, "/tmp/x.png", frame_index=3, out_sha256="ab")
    with unit_of_work(session_factory) as s:
        assert [c.action for c in custody.custody_log(s, SYSTEM, ev.id)] == [
            "import", "view", "export"]
        assert {"evidence.view", "evidence.export"} <= set(s.scalars(select(AuditEntry.action)))


def test_start_time_from_dvr_file_name(session_factory, paths, case, clip, tmp_path):
    named = tmp_path / "CH03_20231128055652.mp4"
    named.write_bytes(clip.read_bytes())
    ev = evidence.import_clip(session_factory, paths, SYSTEM, case["case"], named).evidence
    assert ev.start_time == datetime(2023, 11, 27, 21, 56, 52, tzinfo=UTC)
    assert ev.offset_source == "none" and ev.wall_time(0) == ev.start_time
    assert clock.stamp_from_name("no stamp here.mp4") is None


def test_list_in_corrected_time_order_and_saved_filters(session_factory, paths, case):
    a = make_clip("h264_mp4", frames=30, fps=25, gop=25)
    b = make_clip("mpeg4_avi", frames=30, fps=25, gop=25)
    late = evidence.import_clip(session_factory, paths, SYSTEM, case["case"], a,
                                start_time=T0 + timedelta(minutes=5)).evidence
    early = evidence.import_clip(session_factory, paths, SYSTEM, case["case"], b,
                                 start_time=T0).evidence
    with unit_of_work(session_factory) as s:
        assert [e.id for e in evidence.list_evidence(s, SYSTEM, case["case"])] == [early.id, late.id]
        saved = evidence.save_filters(s, SYSTEM, late.id, '[{"type": "gamma", "gamma": 1.8}]')
    assert saved.filters_json.startswith("[")


def test_review_case_chooser_respects_roles(session_factory, paths, case, clip):
    evidence.import_clip(session_factory, paths, SYSTEM, case["case"], clip)
    case_with_vehicles(session_factory, case_no="石峰-2023-0300")
    with unit_of_work(session_factory) as s:
        choices = evidence.review_cases(s, SYSTEM)
        assert [(c.case_no, c.evidence_count) for c in choices] == [
            ("石峰-2023-0117", 1), ("石峰-2023-0300", 0)]
        assert evidence.review_cases(s, make_actor(Role.TRAINER)) == []  # not closed yet
        with pytest.raises(PermissionDenied):
            evidence.list_evidence(s, make_actor(Role.TRAINER), case["case"])


def test_export_permission_is_checked_before_writing(session_factory, paths, case, clip):
    ev = evidence.import_clip(session_factory, paths, SYSTEM, case["case"], clip).evidence
    with unit_of_work(session_factory) as s:
        custody.check_can_export(s, make_actor(Role.REVIEWER), ev.id)  # reviewers may export
        with pytest.raises(PermissionDenied):
            custody.check_can_export(s, make_actor(Role.TRAINER), ev.id)
