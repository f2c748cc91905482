"""调取证据通知书: the letter asking a camera's owner for footage. Issuing one numbers it and
records the PDF's hash; handing it over is logged (who took it, when) and moves the camera on
the canvass list from "to ask" to "asked"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import CaseCamera, EvidenceRequest
from app.models.enums import CoverageStatus
from app.services.casefile.access import load_case
from app.services.common import audit
from app.services.common.clock import DEFAULT_TZ
from app.services.common.context import Actor, Perm
from app.services.common.errors import ValidationError
from app.services.common.rows import get_or_raise
from app.services.evidence import cameras
from app.services.evidence.cameras import CameraDTO
from app.services.investigation.canvass import lost_at


@dataclass(frozen=True)
class RequestDTO:
    id: int
    case_id: int
    case_no: str
    case_title: str
    case_address: str
    occurred_at: datetime | None
    tz: str
    camera: CameraDTO
    doc_no: str
    issued_at: datetime
    pdf_sha256: str
    handed_over_at: datetime | None
    handed_to: str
    footage_lost_at: datetime | None


def _dto(session: Session, row: EvidenceRequest, actor: Actor) -> RequestDTO:
    case = load_case(session, actor, row.case_id)
    cam = cameras.to_dto(cameras.load_camera(session, row.camera_id))
    return RequestDTO(row.id, case.id, case.case_no, case.title, case.address or "",
                      case.occurred_at, case.tz or DEFAULT_TZ, cam, row.doc_no, row.issued_at,
                      row.pdf_sha256 or "", row.handed_over_at, row.handed_to or "",
                      lost_at(case.occurred_at, cam.retention_days))


def issue_request(session: Session, actor: Actor, case_id: int, camera_id: int, *,
                  at: datetime | None = None) -> RequestDTO:
    """Number a new letter for a camera of the case (the PDF is rendered by app.reports)."""
    case = load_case(session, actor, case_id, Perm.CASE_EDIT)
    cam = cameras.get_camera(session, actor, camera_id)
    n = (session.scalar(select(func.count()).select_from(EvidenceRequest)
                        .where(EvidenceRequest.case_id == case.id)) or 0) + 1
    when = at or datetime.now(UTC)
    row = EvidenceRequest(case_id=case.id, camera_id=cam.id, issued_at=when,
                          issued_by_id=actor.user_id,
                          doc_no=_("{case_no} evidence request No. {n}", case_no=case.case_no,
                                   n=f"{n:02d}"))
    session.add(row)
    session.flush()
    audit.record(session, actor, "evidence_request.issue", entity_type="evidence_request",
                 entity_id=row.id, case_id=case.id, payload={"camera": cam.code,
                                                             "doc_no": row.doc_no})
    return _dto(session, row, actor)


def _load(session: Session, request_id: int) -> EvidenceRequest:
    return get_or_raise(session, EvidenceRequest, request_id,
                        _("Evidence request {id} not found.", id=request_id))


def record_pdf(session: Session, actor: Actor, request_id: int, sha256: str) -> RequestDTO:
    row = _load(session, request_id)
    load_case(session, actor, row.case_id, Perm.CASE_EDIT)
    row.pdf_sha256 = sha256
    session.flush()
    return _dto(session, row, actor)


def hand_over(session: Session, actor: Actor, request_id: int, handed_to: str, *,
              at: datetime | None = None) -> RequestDTO:
    """Log that the letter was handed to the owner's ``handed_to``; the camera becomes asked."""
    row = _load(session, request_id)
    case = load_case(session, actor, row.case_id, Perm.CASE_EDIT)
    if not handed_to.strip():
        raise ValidationError({"handed_to": _("Say to whom the letter was handed.")})
    if at is not None and at.tzinfo is None:
        raise ValidationError({"at": _("The start time needs a time zone.")})
    row.handed_over_at, row.handed_to = at or datetime.now(UTC), handed_to.strip()
    entry = session.scalar(select(CaseCamera).where(CaseCamera.case_id == case.id,
                                                    CaseCamera.camera_id == row.camera_id))
    if entry is None:
        session.add(CaseCamera(case_id=case.id, camera_id=row.camera_id,
                               status=CoverageStatus.ASKED.value, status_at=row.handed_over_at))
    elif entry.status == CoverageStatus.TO_ASK.value:
        entry.status, entry.status_at = CoverageStatus.ASKED.value, row.handed_over_at
    session.flush()
    audit.record(session, actor, "evidence_request.hand_over", entity_type="evidence_request",
                 entity_id=row.id, case_id=case.id,
                 payload={"handed_to": row.handed_to, "at": row.handed_over_at.isoformat()})
    return _dto(session, row, actor)


def list_requests(session: Session, actor: Actor, case_id: int) -> list[RequestDTO]:
    case = load_case(session, actor, case_id)
    rows = session.scalars(select(EvidenceRequest).where(EvidenceRequest.case_id == case.id)
                           .order_by(EvidenceRequest.id)).all()
    return [_dto(session, r, actor) for r in rows]
