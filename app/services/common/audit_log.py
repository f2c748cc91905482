"""Reading the audit log (the viewer and ``casedesk-cli audit``): filters and paging."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.models import AuditEntry, Case
from app.services.common.context import Actor, Perm, require


@dataclass(frozen=True)
class AuditFilter:
    case_id: int | None = None
    username: str | None = None      # exact user name
    action_prefix: str | None = None  # "case." / "evidence.view"
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None          # substring of action, entity or payload


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    user_id: int | None
    username: str
    action: str
    entity_type: str
    entity_id: int | None
    case_id: int | None
    payload: dict
    row_hash: str


def _where(stmt: Select, f: AuditFilter) -> Select:
    if f.case_id is not None:
        stmt = stmt.where(AuditEntry.case_id == f.case_id)
    if f.username:
        stmt = stmt.where(AuditEntry.username == f.username)
    if f.action_prefix:
        stmt = stmt.where(AuditEntry.action.startswith(f.action_prefix, autoescape=True))
    if f.since is not None:
        stmt = stmt.where(AuditEntry.at >= f.since)
    if f.until is not None:
        stmt = stmt.where(AuditEntry.at < f.until)
    if f.text:
        like = f"%{f.text}%"
        stmt = stmt.where(or_(AuditEntry.action.like(like), AuditEntry.entity_type.like(like),
                              AuditEntry.payload.like(like)))
    return stmt


def _row(e: AuditEntry) -> AuditRow:
    try:
        payload = json.loads(e.payload or "{}")
    except ValueError:
        payload = {"raw": e.payload}
    return AuditRow(e.id, e.at, e.user_id, e.username, e.action, e.entity_type, e.entity_id,
                    e.case_id, payload if isinstance(payload, dict) else {"value": payload},
                    e.row_hash)


def count_entries(session: Session, actor: Actor, flt: AuditFilter | None = None) -> int:
    require(actor, Perm.AUDIT_VIEW)
    return session.scalar(_where(select(func.count(AuditEntry.id)), flt or AuditFilter())) or 0


def list_entries(session: Session, actor: Actor, flt: AuditFilter | None = None, *,
                 offset: int = 0, limit: int = 500, newest_first: bool = True) -> list[AuditRow]:
    """One page of audit rows matching ``flt``."""
    require(actor, Perm.AUDIT_VIEW)
    order = AuditEntry.id.desc() if newest_first else AuditEntry.id
    stmt = _where(select(AuditEntry), flt or AuditFilter()).order_by(order)
    return [_row(e) for e in session.scalars(stmt.offset(offset).limit(limit))]


def usernames(session: Session, actor: Actor) -> list[str]:
    """Distinct user names in the log (for the viewer's filter)."""
    require(actor, Perm.AUDIT_VIEW)
    return list(session.scalars(select(AuditEntry.username).distinct()
                                .order_by(AuditEntry.username)))


def case_numbers(session: Session, actor: Actor) -> list[tuple[int, str]]:
    """(id, case number) of every case, for the viewer's filter and its "case 1" → number labels."""
    require(actor, Perm.AUDIT_VIEW)
    return [(cid, no) for cid, no in session.execute(select(Case.id, Case.case_no)
                                                     .order_by(Case.case_no))]
