"""The canvass of a case's cameras: coverage status, collection deadlines, the urgent list.

Every camera a case needs footage from is on the case's canvass list with a coverage status
(to ask → asked → collected → reviewed → nothing relevant). A camera's DVR retention gives the
date its footage of the incident is overwritten: ``lost_at = case.occurred_at + retention``.
A camera not yet collected whose footage is lost within ``URGENT_DAYS`` is urgent.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import Case, CaseCamera, EvidenceItem
from app.models.enums import CoverageStatus
from app.services.casefile.access import load_case
from app.services.common import audit
from app.services.common.context import Actor, Perm
from app.services.common.errors import ConflictError, NotFoundError, ValidationError
from app.services.common.rows import flush_or_conflict, get_or_raise
from app.services.evidence import cameras
from app.services.evidence.cameras import CameraDTO

URGENT_DAYS = 3
ORDER = tuple(s.value for s in CoverageStatus)
NOT_COLLECTED = frozenset({CoverageStatus.TO_ASK.value, CoverageStatus.ASKED.value})


@dataclass(frozen=True)
class CanvassEntry:
    id: int
    case_id: int
    camera: CameraDTO
    status: str
    status_at: datetime
    note: str
    version: int
    lost_at: datetime | None      # when the DVR overwrites the incident's footage
    days_left: float | None       # from ``now`` (negative: probably lost already)

    @property
    def collected(self) -> bool:
        return self.status not in NOT_COLLECTED

    @property
    def urgent(self) -> bool:
        return (not self.collected and self.days_left is not None
                and self.days_left <= URGENT_DAYS)

    @property
    def lost(self) -> bool:
        return not self.collected and self.days_left is not None and self.days_left < 0


def lost_at(occurred_at: datetime | None, retention_days: int | None) -> datetime | None:
    if occurred_at is None or retention_days is None:
        return None
    return occurred_at + timedelta(days=retention_days)


def _entry(row: CaseCamera, case: Case, cam: CameraDTO, now: datetime) -> CanvassEntry:
    lost = lost_at(case.occurred_at, cam.retention_days)
    left = None if lost is None else (lost - now).total_seconds() / 86400
    return CanvassEntry(row.id, row.case_id, cam, row.status, row.status_at, row.note or "",
                        row.version, lost, left)


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


def list_canvass(session: Session, actor: Actor, case_id: int,
                 now: datetime | None = None) -> list[CanvassEntry]:
    """The case's cameras with status and deadline, most urgent first, then by number."""
    case = load_case(session, actor, case_id)
    rows = session.scalars(select(CaseCamera).where(CaseCamera.case_id == case.id)).all()
    out = [_entry(r, case, cameras.to_dto(cameras.load_camera(session, r.camera_id)), _now(now))
           for r in rows]
    far = float("inf")
    return sorted(out, key=lambda e: (e.collected, e.days_left if e.days_left is not None else far,
                                      e.camera.code))


def urgent_list(session: Session, actor: Actor, case_id: int,
                now: datetime | None = None) -> list[CanvassEntry]:
    """Cameras not yet collected whose footage is lost within ``URGENT_DAYS`` (or already)."""
    return [e for e in list_canvass(session, actor, case_id, now) if e.urgent]


def _has_evidence(session: Session, case_id: int, camera_id: int) -> bool:
    return session.scalar(select(EvidenceItem.id).where(
        EvidenceItem.case_id == case_id, EvidenceItem.camera_id == camera_id).limit(1)) is not None


def add_camera(session: Session, actor: Actor, case_id: int, camera_id: int, *,
               status: str | None = None, note: str = "", at: datetime | None = None,
               now: datetime | None = None) -> CanvassEntry:
    """Put a camera on the case's canvass list (``collected`` when its footage is evidence)."""
    case = load_case(session, actor, case_id, Perm.CASE_EDIT)
    cam = cameras.get_camera(session, actor, camera_id)
    if session.scalar(select(CaseCamera.id).where(CaseCamera.case_id == case.id,
                                                  CaseCamera.camera_id == camera_id)):
        raise ValidationError({"camera_id": _("Camera {code} is already on this case's canvass "
                                              "list.", code=cam.code)})
    if status is None:
        collected = _has_evidence(session, case.id, camera_id)
        status = CoverageStatus.COLLECTED.value if collected else CoverageStatus.TO_ASK.value
    _check_status(status)
    row = CaseCamera(case_id=case.id, camera_id=camera_id, status=status, note=note.strip(),
                     status_at=at or datetime.now(UTC))
    session.add(row)
    session.flush()
    audit.record(session, actor, "canvass.add", entity_type="case_camera", entity_id=row.id,
                 case_id=case.id, payload={"camera": cam.code, "status": status})
    return _entry(row, case, cam, _now(now))


def _check_status(status: str) -> None:
    if status not in ORDER:
        raise ValidationError({"status": _("Unknown coverage status: {status}.", status=status)})


def _load_entry(session: Session, entry_id: int) -> CaseCamera:
    return get_or_raise(session, CaseCamera, entry_id,
                        _("Canvass entry {id} not found.", id=entry_id))


def set_status(session: Session, actor: Actor, entry_id: int, status: str, *,
               expected_version: int | None = None, note: str | None = None,
               at: datetime | None = None, now: datetime | None = None) -> CanvassEntry:
    """Change a camera's coverage status in a case (any step may be corrected)."""
    row = _load_entry(session, entry_id)
    case = load_case(session, actor, row.case_id, Perm.CASE_EDIT)
    _check_status(status)
    message = _("Someone else changed this camera's canvass status; reload it.")
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(message, "case_camera", entry_id)
    before = row.status
    row.status, row.status_at = status, at or datetime.now(UTC)
    if note is not None:
        row.note = note.strip()
    flush_or_conflict(session, message, "case_camera", entry_id)
    audit.record(session, actor, "canvass.status", entity_type="case_camera", entity_id=row.id,
                 case_id=case.id, payload={"from": before, "to": status})
    cam = cameras.to_dto(cameras.load_camera(session, row.camera_id))
    return _entry(row, case, cam, _now(now))


def remove_camera(session: Session, actor: Actor, entry_id: int) -> None:
    row = _load_entry(session, entry_id)
    case = load_case(session, actor, row.case_id, Perm.CASE_EDIT)
    session.delete(row)
    session.flush()
    audit.record(session, actor, "canvass.remove", entity_type="case_camera", entity_id=entry_id,
                 case_id=case.id, payload={"camera_id": row.camera_id})


def set_view(session: Session, actor: Actor, camera_id: int, *, facing_deg: float,
             fov_deg: float | None = None, expected_version: int) -> CameraDTO:
    """Turn a camera (the wedge the officer drags on the map): bearing 0-360, 0 = north."""
    cam = cameras.get_camera(session, actor, camera_id)
    data = replace(cameras.camera_input(cam), facing_deg=round(facing_deg % 360.0, 1),
                   fov_deg=cam.fov_deg if fov_deg is None else round(fov_deg, 1))
    return cameras.update_camera(session, actor, camera_id, data, expected_version)


def entry_of_camera(session: Session, actor: Actor, case_id: int, camera_id: int) -> CanvassEntry:
    for e in list_canvass(session, actor, case_id):
        if e.camera.id == camera_id:
            return e
    raise NotFoundError(_("That camera is not on this case's canvass list."))
