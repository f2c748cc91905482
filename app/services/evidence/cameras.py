"""Camera registry (shared across cases) and clock offsets measured over time.

True time = camera clock + offset_s. A camera's clock drifts and gets reset, so every
measurement is kept; the offset in force for footage is the latest one measured at or before the
footage (else the earliest one after it: a DVR is usually checked when it is seized).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from app.i18n import _
from app.models import Camera, CameraClockOffset
from app.models.enums import OwnerKind
from app.services.common import audit
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import ConflictError, NotFoundError, ValidationError
from app.services.common.rows import flush_or_conflict, get_or_raise


@dataclass(frozen=True)
class ClockOffsetDTO:
    id: int
    camera_id: int
    offset_s: float
    measured_at: datetime
    method: str
    note: str


@dataclass(frozen=True)
class CameraDTO:
    id: int
    code: str
    name: str
    owner_kind: str
    owner_unit: str
    address: str
    lat: float | None
    lon: float | None
    facing: str
    facing_deg: float | None
    contact_name: str
    contact_phone: str
    notes: str
    version: int
    offsets: tuple[ClockOffsetDTO, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"

    def offset_at(self, at: datetime | None) -> ClockOffsetDTO | None:
        return offset_in_force(self.offsets, at)


@dataclass(frozen=True)
class CameraInput:
    code: str
    name: str
    owner_kind: str = OwnerKind.OTHER.value
    owner_unit: str = ""
    address: str = ""
    lat: float | None = None
    lon: float | None = None
    facing: str = ""
    facing_deg: float | None = None
    contact_name: str = ""
    contact_phone: str = ""
    notes: str = ""


_EDITABLE = ("code", "name", "owner_kind", "owner_unit", "address", "lat", "lon", "facing",
             "facing_deg", "contact_name", "contact_phone", "notes")


def offset_in_force(offsets: tuple[ClockOffsetDTO, ...] | list[ClockOffsetDTO],
                    at: datetime | None) -> ClockOffsetDTO | None:
    """Latest offset measured at/before ``at``; else the earliest after it; None if none."""
    ordered = sorted(offsets, key=lambda o: o.measured_at)
    if not ordered:
        return None
    if at is None:
        return ordered[-1]
    before = [o for o in ordered if o.measured_at <= at]
    return before[-1] if before else ordered[0]


def offset_dto(o: CameraClockOffset) -> ClockOffsetDTO:
    return ClockOffsetDTO(o.id, o.camera_id, o.offset_s, o.measured_at, o.method or "", o.note or "")


def to_dto(c: Camera) -> CameraDTO:
    return CameraDTO(
        id=c.id, code=c.code, name=c.name, owner_kind=c.owner_kind, owner_unit=c.owner_unit or "",
        address=c.address or "", lat=c.lat, lon=c.lon, facing=c.facing or "",
        facing_deg=c.facing_deg, contact_name=c.contact_name or "",
        contact_phone=c.contact_phone or "", notes=c.notes or "", version=c.version,
        offsets=tuple(offset_dto(o) for o in sorted(c.offsets, key=lambda o: o.measured_at)),
    )


def _validate(session: Session, data: CameraInput, camera_id: int | None = None) -> None:
    errors: dict[str, str] = {}
    if not data.code.strip():
        errors["code"] = _("Camera number is required.")
    elif session.scalar(select(Camera.id).where(Camera.code == data.code.strip(),
                                                Camera.id != (camera_id or 0))) is not None:
        errors["code"] = _("Camera number {code} already exists.", code=data.code)
    if not data.name.strip():
        errors["name"] = _("Camera name is required.")
    if data.owner_kind not in {k.value for k in OwnerKind}:
        errors["owner_kind"] = _("Unknown camera owner kind: {kind}.", kind=data.owner_kind)
    if (data.lat is None) != (data.lon is None):
        errors["lat"] = _("Give both latitude and longitude, or neither.")
    if data.lat is not None and not (-90 <= data.lat <= 90 and math.isfinite(data.lat)):
        errors["lat"] = _("Latitude must be between -90 and 90.")
    if data.lon is not None and not (-180 <= data.lon <= 180 and math.isfinite(data.lon)):
        errors["lon"] = _("Longitude must be between -180 and 180.")
    if errors:
        raise ValidationError(errors)


def load_camera(session: Session, camera_id: int) -> Camera:
    return get_or_raise(session, Camera, camera_id, _("Camera {id} not found.", id=camera_id),
                        options=[selectinload(Camera.offsets)])


def list_cameras(session: Session, actor: Actor) -> list[CameraDTO]:
    require(actor, Perm.CASE_READ)
    rows = session.scalars(select(Camera).options(selectinload(Camera.offsets))
                           .order_by(Camera.code)).all()
    return [to_dto(c) for c in rows]


def get_camera(session: Session, actor: Actor, camera_id: int) -> CameraDTO:
    require(actor, Perm.CASE_READ)
    return to_dto(load_camera(session, camera_id))


def find_camera(session: Session, actor: Actor, key: str) -> CameraDTO:
    """A camera by id, number (code) or exact name."""
    require(actor, Perm.CASE_READ)
    key = key.strip()
    clauses = [Camera.code == key, Camera.name == key]
    if key.isdigit():
        clauses.append(Camera.id == int(key))
    cam = session.scalars(select(Camera).where(or_(*clauses))
                          .options(selectinload(Camera.offsets))).first()
    if cam is None:
        raise NotFoundError(_("No camera with number or name {key}.", key=key))
    return to_dto(cam)


def create_camera(session: Session, actor: Actor, data: CameraInput) -> CameraDTO:
    require(actor, Perm.CAMERA_EDIT)
    _validate(session, data)
    cam = Camera(**{k: getattr(data, k) for k in _EDITABLE})
    cam.code, cam.name = data.code.strip(), data.name.strip()
    session.add(cam)
    session.flush()
    audit.record(session, actor, "camera.create", entity_type="camera", entity_id=cam.id,
                 payload={"code": cam.code, "name": cam.name})
    return to_dto(cam)


def update_camera(session: Session, actor: Actor, camera_id: int, data: CameraInput,
                  expected_version: int) -> CameraDTO:
    require(actor, Perm.CAMERA_EDIT)
    cam = load_camera(session, camera_id)
    _validate(session, data, camera_id)
    if cam.version != expected_version:
        raise ConflictError(_("Someone else changed this camera; reload it."), "camera", camera_id,
                            mine={k: getattr(data, k) for k in _EDITABLE},
                            theirs={k: getattr(cam, k) for k in _EDITABLE})
    changes = {}
    for k in _EDITABLE:
        new = getattr(data, k)
        if getattr(cam, k) != new:
            changes[k] = [getattr(cam, k), new]
            setattr(cam, k, new)
    flush_or_conflict(session, _("Someone else changed this camera; reload it."), "camera",
                      camera_id)
    if changes:
        audit.record(session, actor, "camera.update", entity_type="camera", entity_id=cam.id,
                     payload={"changes": changes})
    return to_dto(cam)
