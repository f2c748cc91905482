"""Call-out log (出警记录): every accident scene attended, by whom, and the case it became."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from app.i18n import _
from app.models import CallOut, Case, Officer, callout_officer
from app.models.enums import CallOutKind, CaseStatus, Role
from app.models.types import utcnow
from app.services.common import audit
from app.services.common.clock import zone
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import ConflictError, PermissionDenied, ValidationError
from app.services.common.rows import flush_or_conflict, get_or_raise


@dataclass(frozen=True)
class CallOutInput:
    occurred_at: datetime
    kind: str
    officer_ids: tuple[int, ...]
    address: str = ""
    district: str = ""
    road: str = ""
    case_id: int | None = None
    squad_id: int | None = None  # default: the case's squad, else the first officer's
    notes: str = ""


@dataclass(frozen=True)
class CallOutDTO:
    id: int
    occurred_at: datetime
    kind: str
    address: str
    district: str
    road: str
    officer_ids: tuple[int, ...]
    officer_names: tuple[str, ...]
    case_id: int | None
    case_no: str
    squad_id: int | None
    notes: str
    version: int


@dataclass(frozen=True)
class CallOutQuery:
    date_from: date | None = None   # local dates in ``tz``, inclusive
    date_to: date | None = None
    tz: str = ""                    # the squad's zone (call-outs have no case yet); "" = default
    squad_id: int | None = None
    officer_id: int | None = None
    kind: str | None = None
    case_id: int | None = None


def _dto(c: CallOut, case_no: str = "") -> CallOutDTO:
    officers = sorted(c.officers, key=lambda o: o.badge_no)
    return CallOutDTO(c.id, c.occurred_at, c.kind, c.address or "", c.district or "",
                      c.road or "", tuple(o.id for o in officers),
                      tuple(o.name for o in officers), c.case_id, case_no, c.squad_id,
                      c.notes or "", c.version)


def _validate(session: Session, data: CallOutInput) -> tuple[list[Officer], Case | None]:
    errors: dict[str, str] = {}
    if data.occurred_at is None or data.occurred_at.tzinfo is None:
        errors["occurred_at"] = _("Enter the date and time of the call-out (with time zone).")
    elif data.occurred_at > utcnow() + timedelta(minutes=5):
        errors["occurred_at"] = _("The call-out time is in the future.")
    if data.kind not in {k.value for k in CallOutKind}:
        errors["kind"] = _("Unknown call-out kind {kind}.", kind=data.kind)
    officers: list[Officer] = []
    if not data.officer_ids:
        errors["officer_ids"] = _("Name at least one officer who attended.")
    else:
        officers = list(session.scalars(select(Officer).where(
            Officer.id.in_(set(data.officer_ids)))))
        missing = sorted(set(data.officer_ids) - {o.id for o in officers})
        if missing:
            errors["officer_ids"] = _("No officer with id {ids}.",
                                      ids=", ".join(map(str, missing)))
    case = None
    if data.case_id is not None:
        case = session.get(Case, data.case_id)
        if case is None:
            errors["case_id"] = _("No case {ref} was found.", ref=data.case_id)
        elif data.kind != CallOutKind.HIT_AND_RUN.value:
            errors["case_id"] = _("Only hit-and-run call-outs are linked to a case.")
    if len(data.address) > 200 or len(data.district) > 64 or len(data.road) > 100:
        errors["address"] = _("Address, district or road is too long.")
    if errors:
        raise ValidationError(errors)
    return officers, case


def _apply(c: CallOut, data: CallOutInput, officers: list[Officer], case: Case | None) -> None:
    c.occurred_at = data.occurred_at
    c.kind = data.kind
    c.address, c.district, c.road = data.address.strip(), data.district.strip(), data.road.strip()
    c.case_id = data.case_id
    c.squad_id = data.squad_id or (case.squad_id if case else None) or officers[0].squad_id
    c.notes = data.notes
    c.officers = officers


def _check_squad(actor: Actor, squad_id: int | None) -> None:
    if actor.role is Role.OFFICER and actor.squad_id is not None and squad_id != actor.squad_id:
        raise PermissionDenied(_("Officers may only change call-outs of their own squad."))


def _payload(c: CallOut) -> dict:
    return {"occurred_at": c.occurred_at.isoformat(), "kind": c.kind, "address": c.address,
            "district": c.district, "road": c.road, "case_id": c.case_id,
            "officer_ids": sorted(o.id for o in c.officers)}


def create_callout(session: Session, actor: Actor, data: CallOutInput) -> CallOutDTO:
    require(actor, Perm.CALLOUT_EDIT)
    officers, case = _validate(session, data)
    c = CallOut()
    _apply(c, data, officers, case)
    _check_squad(actor, c.squad_id)
    session.add(c)
    session.flush()
    audit.record(session, actor, "callout.create", entity_type="callout", entity_id=c.id,
                 case_id=c.case_id, payload=_payload(c))
    return _dto(c, case.case_no if case else "")


def _load(session: Session, callout_id: int) -> CallOut:
    return get_or_raise(session, CallOut, callout_id,
                        _("Call-out {id} does not exist.", id=callout_id))


def update_callout(session: Session, actor: Actor, callout_id: int, data: CallOutInput, *,
                   expected_version: int | None = None) -> CallOutDTO:
    require(actor, Perm.CALLOUT_EDIT)
    c = _load(session, callout_id)
    _check_squad(actor, c.squad_id)
    if expected_version is not None and c.version != expected_version:
        raise ConflictError(_("This call-out was changed by someone else meanwhile. Nothing was "
                              "saved; reload and save again."), "callout", c.id)
    officers, case = _validate(session, data)
    before = _payload(c)
    _apply(c, data, officers, case)
    _check_squad(actor, c.squad_id)
    flush_or_conflict(session, _("This call-out was changed by someone else meanwhile. Nothing was "
                                 "saved; reload and save again."), "callout", callout_id)
    after = _payload(c)
    changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if changes:
        audit.record(session, actor, "callout.update", entity_type="callout", entity_id=c.id,
                     case_id=c.case_id, payload={"changes": changes})
    return _dto(c, case.case_no if case else "")


def delete_callout(session: Session, actor: Actor, callout_id: int) -> None:
    require(actor, Perm.CALLOUT_EDIT)
    c = _load(session, callout_id)
    _check_squad(actor, c.squad_id)
    payload = _payload(c)
    session.delete(c)
    session.flush()
    audit.record(session, actor, "callout.delete", entity_type="callout", entity_id=callout_id,
                 case_id=payload["case_id"], payload=payload)


def _no_trainer(actor: Actor) -> None:
    """Call-outs as written name people: a trainer reads them only through the case scrubber
    (``casefile.callout_view``)."""
    require(actor, Perm.CASE_READ)
    if actor.role is Role.TRAINER:
        raise PermissionDenied(_("Trainers see call-outs only anonymized, in the call-out log "
                                 "of the training view."))


def get_callout(session: Session, actor: Actor, callout_id: int) -> CallOutDTO:
    _no_trainer(actor)
    return callout_dtos(session, [_load(session, callout_id)])[0]


def _local_start(d: date, tz: str) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=zone(tz))


def _filtered(stmt: Select, q: CallOutQuery) -> Select:
    if q.date_from is not None:
        stmt = stmt.where(CallOut.occurred_at >= _local_start(q.date_from, q.tz))
    if q.date_to is not None:
        stmt = stmt.where(CallOut.occurred_at < _local_start(q.date_to, q.tz) + timedelta(days=1))
    if q.squad_id is not None:
        stmt = stmt.where(CallOut.squad_id == q.squad_id)
    if q.kind is not None:
        stmt = stmt.where(CallOut.kind == q.kind)
    if q.case_id is not None:
        stmt = stmt.where(CallOut.case_id == q.case_id)
    if q.officer_id is not None:
        stmt = stmt.where(CallOut.id.in_(select(callout_officer.c.callout_id).where(
            callout_officer.c.officer_id == q.officer_id)))
    return stmt


def _scoped(actor: Actor, stmt: Select) -> Select:
    """Trainers see only call-outs of closed cases (the cases they may open)."""
    if actor.role is not Role.TRAINER:
        return stmt
    closed = select(Case.id).where(Case.status == CaseStatus.CLOSED.value)
    return stmt.where(CallOut.case_id.in_(closed))


def select_callouts(actor: Actor, query: CallOutQuery | None = None) -> Select:
    """The call-outs ``actor`` may see that match ``query``, newest first (a statement: the
    readers are :func:`list_callouts` and ``casefile.callout_view``)."""
    require(actor, Perm.CASE_READ)
    return _scoped(actor, _filtered(select(CallOut), query or CallOutQuery())).options(
        selectinload(CallOut.officers)).order_by(CallOut.occurred_at.desc(), CallOut.id.desc())


def callout_dtos(session: Session, rows: Sequence[CallOut]) -> list[CallOutDTO]:
    """``rows`` as written, with their case numbers."""
    ids = {c.case_id for c in rows if c.case_id}
    numbers: dict[int | None, str] = dict(session.execute(
        select(Case.id, Case.case_no).where(Case.id.in_(ids))).all()) if ids else {}
    return [_dto(c, numbers.get(c.case_id, "")) for c in rows]


def list_callouts(session: Session, actor: Actor, query: CallOutQuery | None = None, *,
                  limit: int = 200, offset: int = 0) -> list[CallOutDTO]:
    """Newest first; ``limit``/``offset`` page through a long log. Not for trainers."""
    _no_trainer(actor)
    stmt = select_callouts(actor, query)
    return callout_dtos(session, session.scalars(stmt.limit(limit).offset(offset)).all())


def count_callouts(session: Session, actor: Actor, query: CallOutQuery | None = None) -> int:
    require(actor, Perm.CASE_READ)
    stmt = _scoped(actor, _filtered(select(func.count()).select_from(CallOut),
                                    query or CallOutQuery()))
    return int(session.scalar(stmt) or 0)
