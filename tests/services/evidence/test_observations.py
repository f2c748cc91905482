"""Observations: ROI, tags, links, ordering by corrected time, conflicts, audit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.models import AuditEntry
from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.common.context import SYSTEM
from app.services.common.errors import ConflictError, PermissionDenied, ValidationError
from app.services.evidence import clips as evidence
from app.services.evidence import items, observations
from app.services.evidence.observations import ObservationInput
from tests.conftest import make_actor
from tests.helpers.evidence import T0, case_with_vehicles, make_camera, make_evidence_row


@pytest.fixture
def world(session_factory):
    ids = case_with_vehicles(session_factory)
    cam = make_camera(session_factory, "C1", 27.0, 113.0, offset_s=-65.0)
    ids["ev"] = make_evidence_row(session_factory, ids["case"], cam, sha="b" * 64)
    return ids


def test_add_with_roi_tags_and_links(session_factory, world):
    with unit_of_work(session_factory) as s:
        o = observations.add_observation(s, SYSTEM, ObservationInput(
            evidence_id=world["ev"], frame_index=100, pts_s=4.0, roi=(10, 20, 30, 40),
            note="蓝色三轮车由北向南", tags=("vehicle", "direction"), vehicle_id=world["trike"]))
    assert o.roi == (10, 20, 30, 40)
    assert o.tags == ("vehicle", "direction")
    assert o.wall_time == T0 + timedelta(seconds=4 - 65)
    assert o.evidence_sha256 == "b" * 64 and o.camera_label.startswith("C1")
    with unit_of_work(session_factory) as s:
        row = s.scalars(select(AuditEntry).where(AuditEntry.action == "observation.create")).one()
    assert row.case_id == world["case"] and "b" * 64 in row.payload


def test_bad_input_is_refused_with_field_messages(session_factory, world):
    other = case_with_vehicles(session_factory, case_no="石峰-2023-0200")
    with unit_of_work(session_factory) as s, pytest.raises(ValidationError) as exc:
        observations.add_observation(s, SYSTEM, ObservationInput(
            evidence_id=world["ev"], frame_index=999, pts_s=0, roi=(600, 300, 100, 100),
            tags=("banana",), vehicle_id=other["trike"]))
    assert set(exc.value.errors) == {"frame_index", "roi", "tags", "vehicle_id"}
    assert "画面" in exc.value.errors["roi"]
    with unit_of_work(session_factory) as s:
        assert observations.list_observations(s, SYSTEM, world["case"]) == []


def test_list_is_ordered_by_corrected_time(session_factory, world):
    with unit_of_work(session_factory) as s:
        for frame in (300, 50, 200):
            observations.add_observation(s, SYSTEM, ObservationInput(
                evidence_id=world["ev"], frame_index=frame, pts_s=frame / 25))
        listed = observations.list_observations(s, SYSTEM, world["case"])
    assert [o.frame_index for o in listed] == [50, 200, 300]


def test_update_conflict_and_delete(session_factory, world):
    data = ObservationInput(evidence_id=world["ev"], frame_index=10, pts_s=0.4, note="a")
    with unit_of_work(session_factory) as s:
        o = observations.add_observation(s, SYSTEM, data)
    with unit_of_work(session_factory) as s:
        o2 = observations.update_observation(s, SYSTEM, o.id, ObservationInput(
            evidence_id=world["ev"], frame_index=11, pts_s=0.44, note="b"), o.version)
    assert o2.note == "b" and o2.version == o.version + 1
    with unit_of_work(session_factory) as s, pytest.raises(ConflictError):
        observations.update_observation(s, SYSTEM, o.id, data, o.version)
    with unit_of_work(session_factory) as s:
        observations.delete_observation(s, SYSTEM, o.id)
        assert observations.list_observations(s, SYSTEM, world["case"]) == []


def test_reviewer_may_not_mark_frames(session_factory, world):
    with unit_of_work(session_factory) as s, pytest.raises(PermissionDenied):
        observations.add_observation(s, make_actor(Role.REVIEWER), ObservationInput(
            evidence_id=world["ev"], frame_index=1, pts_s=0.04))


def test_override_offset_on_evidence_moves_wall_times(session_factory, world):
    with unit_of_work(session_factory) as s:
        o = observations.add_observation(s, SYSTEM, ObservationInput(
            evidence_id=world["ev"], frame_index=25, pts_s=1.0))
        ev = items.get_evidence(s, SYSTEM, world["ev"])
        assert ev.offset_source == "measured" and ev.offset_s == -65.0
        evidence.update_evidence(s, SYSTEM, ev.id, ev.version, offset_override_s=10.0)
    with unit_of_work(session_factory) as s:
        assert observations.get_observation(s, SYSTEM, o.id).wall_time == T0 + timedelta(seconds=11)
