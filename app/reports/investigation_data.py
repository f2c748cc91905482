"""What the case summary shows of the investigation around the CCTV: the canvass map (scene,
cameras with facing and coverage status, the vanish gap, task areas, the plan image), the
cameras' collection deadlines, the tasks, the non-video evidence with hashes and the merged
timeline. Plain frozen dataclasses (JSON-friendly: the plan image travels as base64) so the
report digest and the anonymizer cover them like the rest of the case data."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from app.services.common.context import Actor
from app.services.investigation.board import load_board


@dataclass(frozen=True)
class CameraRow:
    code: str
    name: str
    owner: str
    contact: str
    lat: float | None
    lon: float | None
    facing_deg: float | None
    fov_deg: float | None
    status: str
    retention_days: int | None
    lost_at: datetime | None


@dataclass(frozen=True)
class GapRow:
    from_code: str
    to_code: str
    distance_m: float
    last_seen_at: datetime


@dataclass(frozen=True)
class TaskRow:
    kind: str
    title: str
    where: str
    area: tuple[tuple[float, float], ...]
    assignee: str
    status: str
    result: str
    trigger: str
    found: str
    started_at: datetime | None
    finished_at: datetime | None


@dataclass(frozen=True)
class ExhibitRow:
    id: int
    kind: str
    original_name: str
    sha256: str
    size: int
    taken_at: datetime | None
    lat: float | None
    lon: float | None
    place: str
    person: str
    officer: str
    description: str
    text: str


@dataclass(frozen=True)
class StoryRow:
    at: datetime
    source: str
    title: str
    detail: str


@dataclass(frozen=True)
class InvestigationInfo:
    scene_lat: float | None
    scene_lon: float | None
    cameras: tuple[CameraRow, ...] = ()
    gaps: tuple[GapRow, ...] = ()
    tasks: tuple[TaskRow, ...] = ()
    exhibits: tuple[ExhibitRow, ...] = ()
    story: tuple[StoryRow, ...] = ()
    plan_png_b64: str = ""
    plan_points: tuple[tuple[float, float, float, float], ...] = ()

    @property
    def plan_image(self) -> bytes:
        return base64.b64decode(self.plan_png_b64) if self.plan_png_b64 else b""


def collect_investigation(session: Session, actor: Actor, case_id: int,
                          now: datetime | None = None) -> InvestigationInfo:
    b = load_board(session, actor, case_id, now=now)
    codes = {e.camera.id: e.camera.code for e in b.entries}
    return InvestigationInfo(
        scene_lat=b.lat, scene_lon=b.lon,
        cameras=tuple(CameraRow(
            e.camera.code, e.camera.name, e.camera.owner_unit,
            f"{e.camera.contact_name} {e.camera.contact_phone}".strip(), e.camera.lat,
            e.camera.lon, e.camera.facing_deg, e.camera.fov_deg, e.status,
            e.camera.retention_days, e.lost_at)
            for e in sorted(b.entries, key=lambda e: e.camera.code)),
        gaps=tuple(GapRow(codes.get(g.last_camera_id, ""), codes.get(g.next_camera_id, ""),
                          g.distance_m, g.last_seen_at) for g in b.gaps),
        tasks=tuple(TaskRow(t.kind, t.title, t.address, t.area, t.assignee_name, t.status,
                            t.result, t.trigger_title, t.found_title, t.started_at,
                            t.finished_at) for t in b.tasks),
        exhibits=tuple(ExhibitRow(
            a.evidence.id, a.kind, a.evidence.original_name, a.evidence.sha256, a.evidence.size,
            a.detail.taken_at, a.detail.lat, a.detail.lon, a.detail.place, a.detail.person,
            a.detail.officer, a.detail.description, a.detail.text) for a in b.attachments),
        story=tuple(StoryRow(e.at, e.source, e.title, e.detail) for e in b.timeline),
        plan_png_b64=base64.b64encode(b.plan.image).decode("ascii") if b.plan else "",
        plan_points=b.plan.points if b.plan else ())
