"""Builders for the investigation tests: a case with cameras, an inference, an observation."""

from __future__ import annotations

from datetime import timedelta

from app.models import Observation
from app.models.db import unit_of_work
from app.services.casefile import timeline
from app.services.casefile.dto import EventInput
from app.services.common.context import SYSTEM
from app.services.evidence import cameras
from tests.helpers.evidence import T0, case_with_vehicles, make_camera, make_evidence_row


def set_retention(factory, camera_id: int, days: int) -> None:
    with unit_of_work(factory) as s:
        cam = cameras.get_camera(s, SYSTEM, camera_id)
        from dataclasses import replace
        cameras.update_camera(s, SYSTEM, camera_id, replace(cameras.camera_input(cam),
                                                            retention_days=days), cam.version)


def inference(factory, case_id: int, title: str = "推断：电动车可能已损坏，就近停放") -> int:
    with unit_of_work(factory) as s:
        seen = timeline.add_event(s, SYSTEM, case_id, EventInput(
            occurred_at=T0 + timedelta(hours=3), kind="observation",
            title="视频：电动车驾驶人推车步行约1公里后从监控中消失"))
        inf = timeline.add_event(s, SYSTEM, case_id, EventInput(
            occurred_at=T0 + timedelta(hours=3, minutes=10), kind="inference", title=title,
            detail="一直推车而不骑行", basis_ids=(seen.id,)))
        return inf.id


def sighting(factory, case_id: int, camera_id: int, vehicle_id: int, sha: str, minutes: float,
             note: str) -> int:
    ev = make_evidence_row(factory, case_id, camera_id, sha=sha)
    with unit_of_work(factory) as s:
        o = Observation(case_id=case_id, evidence_id=ev, frame_index=0, pts_s=0.0,
                        wall_time=T0 + timedelta(minutes=minutes), note=note,
                        vehicle_id=vehicle_id)
        s.add(o)
        s.flush()
        return o.id


__all__ = ["T0", "inference", "make_camera", "case_with_vehicles", "set_retention", "sighting"]
