"""Route reconstruction: sightings of one vehicle across cameras → legs with implied speeds.

Observations linked to a vehicle are ordered by corrected wall time (or in the order they were
marked, when the officer traced the route by hand). Each leg gets the great-circle distance
between the cameras, the elapsed time and the implied speed. A leg that is impossible —
negative or zero time over a distance, or faster than the vehicle kind can go — is flagged
"check the clock offset", never hidden.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import Camera, Vehicle
from app.models.enums import VehicleKind
from app.services.casefile.access import load_case
from app.services.casefile.vehicles import vehicle_label
from app.services.common.context import Actor
from app.services.common.errors import NotFoundError, ValidationError
from app.services.evidence.observations import list_observations

EARTH_RADIUS_M = 6_371_008.8
# Highest plausible speed (km/h) per vehicle kind in town; above it the clocks are suspect.
SPEED_LIMITS_KMH: dict[str, float] = {
    VehicleKind.THREE_WHEEL_MOTORCYCLE.value: 70.0,
    VehicleKind.TWO_WHEEL_EBIKE.value: 50.0,
    VehicleKind.BICYCLE.value: 40.0,
    VehicleKind.MOTORCYCLE.value: 140.0,
    VehicleKind.CAR.value: 160.0,
    VehicleKind.SUV.value: 160.0,
    VehicleKind.VAN.value: 140.0,
    VehicleKind.TRUCK.value: 110.0,
    VehicleKind.BUS.value: 100.0,
    VehicleKind.OTHER.value: 160.0,
}
FLAG_NEGATIVE = "negative_time"
FLAG_SIMULTANEOUS = "simultaneous"
FLAG_TOO_FAST = "too_fast"
FLAG_NO_TIME = "no_time"
FLAG_NO_POSITION = "no_position"


@dataclass(frozen=True)
class RoutePoint:
    observation_id: int
    evidence_id: int
    frame_index: int
    camera_id: int | None
    camera_label: str
    lat: float | None
    lon: float | None
    wall_time: datetime | None
    leg_distance_m: float | None  # from the previous point
    elapsed_s: float | None
    speed_kmh: float | None
    flags: tuple[str, ...]
    message: str  # plain words for the flags ("" when the leg is plausible)

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


@dataclass(frozen=True)
class Route:
    vehicle_id: int
    vehicle_label: str
    vehicle_kind: str
    limit_kmh: float
    order: str
    points: tuple[RoutePoint, ...]

    @property
    def total_distance_m(self) -> float:
        return sum(p.leg_distance_m or 0.0 for p in self.points)

    @property
    def flagged_legs(self) -> int:
        return sum(1 for p in self.points if p.flagged)

    @property
    def camera_count(self) -> int:
        return len({p.camera_id for p in self.points if p.camera_id is not None})

    def to_json(self) -> dict:
        return {
            "vehicle_id": self.vehicle_id, "vehicle": self.vehicle_label, "kind": self.vehicle_kind,
            "limit_kmh": self.limit_kmh, "order": self.order,
            "total_distance_m": round(self.total_distance_m, 1), "flagged_legs": self.flagged_legs,
            "points": [{
                "observation_id": p.observation_id, "evidence_id": p.evidence_id,
                "frame_index": p.frame_index, "camera_id": p.camera_id, "camera": p.camera_label,
                "lat": p.lat, "lon": p.lon,
                "wall_time": p.wall_time.isoformat() if p.wall_time else None,
                "leg_distance_m": None if p.leg_distance_m is None else round(p.leg_distance_m, 1),
                "elapsed_s": None if p.elapsed_s is None else round(p.elapsed_s, 2),
                "speed_kmh": None if p.speed_kmh is None else round(p.speed_kmh, 1),
                "flags": list(p.flags), "message": p.message,
            } for p in self.points],
        }


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def _leg(prev: RoutePoint | None, cam_pos: tuple[float | None, float | None],
         when: datetime | None, limit: float, labels: tuple[str, str]) -> tuple:
    if prev is None:
        return None, None, None, (), ""
    flags: list[str] = []
    dist = None
    lat, lon = cam_pos
    if lat is not None and lon is not None and prev.lat is not None and prev.lon is not None:
        dist = haversine_m(prev.lat, prev.lon, lat, lon)
    else:
        flags.append(FLAG_NO_POSITION)
    elapsed = (when - prev.wall_time).total_seconds() if when and prev.wall_time else None
    if elapsed is None:
        flags.append(FLAG_NO_TIME)
    speed = None
    if dist is not None and elapsed is not None:
        if elapsed < 0:
            flags.append(FLAG_NEGATIVE)
        elif elapsed == 0 and dist > 1.0:
            flags.append(FLAG_SIMULTANEOUS)
        elif elapsed > 0:
            speed = dist / elapsed * 3.6
            if speed > limit:
                flags.append(FLAG_TOO_FAST)
    msgs = []
    if FLAG_NEGATIVE in flags or FLAG_SIMULTANEOUS in flags or FLAG_TOO_FAST in flags:
        msgs.append(_("Impossible leg from {a} to {b}: check the clock offset of these cameras.",
                      a=labels[0], b=labels[1]))
    if FLAG_NO_TIME in flags:
        msgs.append(_("No corrected time: set the clip's start time."))
    if FLAG_NO_POSITION in flags:
        msgs.append(_("Camera position unknown: enter its latitude and longitude."))
    return dist, elapsed, speed, tuple(flags), " ".join(msgs)


def build_route(session: Session, actor: Actor, case_id: int, vehicle_id: int, *,
                order: str = "time") -> Route:
    """The route of one vehicle of the case. ``order``: "time" (corrected time) or "marked"."""
    if order not in ("time", "marked"):
        raise ValidationError({"order": _("Route order must be by time or as marked.")})
    load_case(session, actor, case_id)
    vehicle = session.get(Vehicle, vehicle_id)
    if vehicle is None or vehicle.case_id != case_id:
        raise NotFoundError(_("Vehicle {id} is not part of this case.", id=vehicle_id))
    obs = list_observations(session, actor, case_id, vehicle_id=vehicle_id)
    if order == "marked":
        obs.sort(key=lambda o: o.id)
    cams = {c.id: c for c in session.scalars(select(Camera).where(
        Camera.id.in_({o.camera_id for o in obs if o.camera_id is not None}))).all()}
    limit = SPEED_LIMITS_KMH.get(vehicle.kind, SPEED_LIMITS_KMH[VehicleKind.OTHER.value])
    points: list[RoutePoint] = []
    for o in obs:
        cam = cams.get(o.camera_id) if o.camera_id is not None else None
        pos = (cam.lat, cam.lon) if cam else (None, None)
        prev = points[-1] if points else None
        if prev is not None and o.camera_id is not None and o.camera_id == prev.camera_id:
            continue  # another mark at the same camera is the same stop, not a 0 m leg
        labels = (prev.camera_label if prev else "", o.camera_label)
        dist, elapsed, speed, flags, msg = _leg(prev, pos, o.wall_time, limit, labels)
        points.append(RoutePoint(o.id, o.evidence_id, o.frame_index, o.camera_id, o.camera_label,
                                 pos[0], pos[1], o.wall_time, dist, elapsed, speed, flags, msg))
    return Route(vehicle.id, vehicle_label(vehicle), vehicle.kind, limit, order, tuple(points))


def case_routes(session: Session, actor: Actor, case_id: int, *, order: str = "time") -> list[Route]:
    """Routes of every vehicle of the case that has at least one observation."""
    load_case(session, actor, case_id)
    ids = sorted({o.vehicle_id for o in list_observations(session, actor, case_id)
                  if o.vehicle_id is not None})
    return [build_route(session, actor, case_id, vid, order=order) for vid in ids]
