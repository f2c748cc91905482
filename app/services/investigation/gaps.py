"""Where a vehicle vanished: the last camera that saw it and the nearest reviewed camera that
did not — the gap a grid search should cover (STORY.md: the e-bike pushed ~1 km, then gone)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Vehicle
from app.models.enums import CoverageStatus
from app.services.casefile.access import load_case
from app.services.common.context import Actor
from app.services.evidence.observations import list_observations
from app.services.evidence.routes import haversine_m
from app.services.investigation.canvass import list_canvass

MAX_GAP_M = 3000.0
SILENT = frozenset({CoverageStatus.REVIEWED.value, CoverageStatus.NOTHING_RELEVANT.value})


@dataclass(frozen=True)
class Gap:
    vehicle_id: int
    last_camera_id: int      # the last camera that saw the vehicle
    next_camera_id: int      # the nearest reviewed camera that did not
    last_seen_at: datetime
    distance_m: float


def vanish_gaps(session: Session, actor: Actor, case_id: int) -> list[Gap]:
    case = load_case(session, actor, case_id)
    entries = list_canvass(session, actor, case.id)
    cams = {e.camera.id: e.camera for e in entries}
    gaps = []
    for vid in session.scalars(select(Vehicle.id).where(Vehicle.case_id == case.id)
                               .order_by(Vehicle.id)):
        seen = [(o.camera_id, o.wall_time)
                for o in list_observations(session, actor, case.id, vehicle_id=vid)
                if o.wall_time is not None and o.camera_id is not None]
        if not seen:
            continue
        last_camera, last_seen = seen[-1]
        here = cams.get(last_camera)
        if here is None or here.lat is None or here.lon is None:
            continue
        saw = {camera_id for camera_id, _at in seen}
        silent = [(e.camera.id, e.camera.lat, e.camera.lon) for e in entries
                  if e.status in SILENT and e.camera.id not in saw
                  and e.camera.lat is not None and e.camera.lon is not None]
        if not silent:
            continue
        dist, nxt = min((haversine_m(here.lat, here.lon, la, lo), cid) for cid, la, lo in silent)
        if dist <= MAX_GAP_M:
            gaps.append(Gap(vid, here.id, nxt, last_seen, dist))
    return gaps
