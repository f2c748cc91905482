"""Measured camera clock errors (true time = camera time + offset): recording one moves every
stored corrected time of that camera's sightings."""

from __future__ import annotations

import math
from datetime import datetime

from sqlalchemy.orm import Session

from app.i18n import _
from app.models import CameraClockOffset
from app.services.common import audit
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import ValidationError
from app.services.common.rows import get_or_raise
from app.services.evidence.cameras import ClockOffsetDTO, load_camera, offset_dto
from app.services.evidence.wall_times import refresh_wall_times


def add_clock_offset(session: Session, actor: Actor, camera_id: int, offset_s: float,
                     measured_at: datetime, method: str = "", note: str = "") -> ClockOffsetDTO:
    """Record a measured clock error (true = camera + offset_s) and refresh stored wall times."""
    require(actor, Perm.CAMERA_EDIT)
    errors = {}
    if not math.isfinite(offset_s) or abs(offset_s) > 10 * 365 * 86400:
        errors["offset_s"] = _("The clock offset must be a number of seconds (within ten years).")
    if measured_at is None or measured_at.tzinfo is None:
        errors["measured_at"] = _("Say when the offset was measured (date, time and zone).")
    if errors:
        raise ValidationError(errors)
    cam = load_camera(session, camera_id)
    row = CameraClockOffset(camera_id=cam.id, offset_s=float(offset_s), measured_at=measured_at,
                            method=method, note=note, measured_by_id=actor.user_id)
    session.add(row)
    session.flush()
    audit.record(session, actor, "camera.offset", entity_type="camera", entity_id=cam.id,
                 payload={"offset_s": offset_s, "measured_at": measured_at.isoformat(),
                          "method": method})
    refresh_wall_times(session, camera_id=cam.id)
    return offset_dto(row)


def delete_clock_offset(session: Session, actor: Actor, offset_id: int) -> None:
    require(actor, Perm.CAMERA_EDIT)
    row = get_or_raise(session, CameraClockOffset, offset_id,
                       _("Clock offset {id} not found.", id=offset_id))
    camera_id = row.camera_id
    session.delete(row)
    session.flush()
    audit.record(session, actor, "camera.offset_delete", entity_type="camera", entity_id=camera_id,
                 payload={"offset_id": offset_id, "offset_s": row.offset_s})
    refresh_wall_times(session, camera_id=camera_id)
