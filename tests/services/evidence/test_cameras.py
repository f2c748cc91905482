"""Camera registry and clock offsets over time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.models import AuditEntry
from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.common.context import SYSTEM
from app.services.common.errors import ConflictError, PermissionDenied, ValidationError
from app.services.evidence import cameras, clock_offsets, observations
from tests.conftest import make_actor
from tests.helpers.evidence import T0, case_with_vehicles, make_camera, make_evidence_row


def test_create_list_find_and_audit(session_factory):
    cam_id = make_camera(session_factory, "SF-TQ-003", 27.86, 113.16)
    with unit_of_work(session_factory) as s:
        listed = cameras.list_cameras(s, SYSTEM)
        assert [c.code for c in listed] == ["SF-TQ-003"]
        assert cameras.find_camera(s, SYSTEM, "SF-TQ-003").id == cam_id
        assert cameras.find_camera(s, SYSTEM, "摄像头SF-TQ-003").id == cam_id
        assert cameras.find_camera(s, SYSTEM, str(cam_id)).code == "SF-TQ-003"
        actions = s.scalars(select(AuditEntry.action)).all()
    assert "camera.create" in actions


def test_validation_messages_are_chinese(session_factory):
    make_camera(session_factory, "C1", None, None)
    with unit_of_work(session_factory) as s, pytest.raises(ValidationError) as exc:
        cameras.create_camera(s, SYSTEM, cameras.CameraInput(code="C1", name="x", lat=95.0, lon=1.0))
    assert "已存在" in exc.value.errors["code"]
    assert "纬度" in exc.value.errors["lat"]
    with unit_of_work(session_factory) as s, pytest.raises(ValidationError) as exc:
        cameras.create_camera(s, SYSTEM, cameras.CameraInput(code="C2", name="", lat=27.0))
    assert set(exc.value.errors) == {"name", "lat"}


def test_trainer_may_not_edit_cameras(session_factory):
    with unit_of_work(session_factory) as s, pytest.raises(PermissionDenied):
        cameras.create_camera(s, make_actor(Role.TRAINER), cameras.CameraInput(code="X", name="x"))


def test_update_conflict_on_stale_version(session_factory):
    cam_id = make_camera(session_factory, "C1", 27.0, 113.0)
    data = cameras.CameraInput(code="C1", name="新名称", owner_kind="shop", lat=27.0, lon=113.0)
    with unit_of_work(session_factory) as s:
        updated = cameras.update_camera(s, SYSTEM, cam_id, data, expected_version=1)
    assert updated.name == "新名称" and updated.version == 2
    with unit_of_work(session_factory) as s, pytest.raises(ConflictError):
        cameras.update_camera(s, SYSTEM, cam_id, data, expected_version=1)


def test_offset_in_force_follows_measurements_over_time(session_factory):
    cam_id = make_camera(session_factory, "C1", 27.0, 113.0)
    with unit_of_work(session_factory) as s:
        clock_offsets.add_clock_offset(s, SYSTEM, cam_id, -30.0, T0 - timedelta(days=30), "reset")
        clock_offsets.add_clock_offset(s, SYSTEM, cam_id, 183.0, T0 + timedelta(hours=8), "photo")
        cam = cameras.get_camera(s, SYSTEM, cam_id)
    assert [o.offset_s for o in cam.offsets] == [-30.0, 183.0]
    assert cam.offset_at(T0).offset_s == -30.0                     # latest before the footage
    assert cam.offset_at(T0 + timedelta(days=1)).offset_s == 183.0
    assert cam.offset_at(T0 - timedelta(days=60)).offset_s == -30.0  # none before: earliest after
    assert cameras.offset_in_force((), T0) is None


def test_naive_or_absurd_offset_refused(session_factory):
    cam_id = make_camera(session_factory, "C1", 27.0, 113.0)
    with unit_of_work(session_factory) as s, pytest.raises(ValidationError) as exc:
        clock_offsets.add_clock_offset(s, SYSTEM, cam_id, float("nan"), T0.replace(tzinfo=None))
    assert set(exc.value.errors) == {"offset_s", "measured_at"}


def test_new_offset_refreshes_observation_wall_times(session_factory):
    ids = case_with_vehicles(session_factory)
    cam_id = make_camera(session_factory, "C1", 27.0, 113.0)
    ev_id = make_evidence_row(session_factory, ids["case"], cam_id, sha="a" * 64)
    with unit_of_work(session_factory) as s:
        obs = observations.add_observation(s, SYSTEM, observations.ObservationInput(
            evidence_id=ev_id, frame_index=250, pts_s=10.0))
    assert obs.wall_time == T0 + timedelta(seconds=10)
    with unit_of_work(session_factory) as s:
        clock_offsets.add_clock_offset(s, SYSTEM, cam_id, 120.0, T0 + timedelta(hours=6), "photo")
    with unit_of_work(session_factory) as s:
        again = observations.get_observation(s, SYSTEM, obs.id)
    assert again.wall_time == T0 + timedelta(seconds=130)
