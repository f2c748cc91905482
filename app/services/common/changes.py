"""Change notification for squad mode: a cheap change counter every workstation can poll.

Every change made through services appends to the audit chain, whose head row holds the chain's
length; so the length is a monotonic, engine-neutral change counter. Polling one indexed row every
couple of seconds costs nothing on SQLite or PostgreSQL, needs no listener connection held open
(LISTEN/NOTIFY would need one per workstation and is PostgreSQL-only), and cannot miss a change
made while a workstation was asleep.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEntry, AuditHead


@dataclass(frozen=True)
class ChangeState:
    counter: int
    last_case_id: int | None


def change_state(session: Session) -> ChangeState:
    """The current change counter and the case touched by the newest change."""
    length = session.scalar(select(AuditHead.length).where(AuditHead.id == 1)) or 0
    last_case = session.scalar(select(AuditEntry.case_id).order_by(AuditEntry.id.desc()).limit(1))
    return ChangeState(counter=length, last_case_id=last_case)


def changed_case_ids(session: Session, since_counter: int) -> set[int]:
    """Cases touched by changes after ``since_counter`` (the n-th audit row has id >= n)."""
    rows = session.scalars(select(AuditEntry.case_id)
                           .where(AuditEntry.id > since_counter, AuditEntry.case_id.is_not(None)))
    return {case_id for case_id in rows if case_id is not None}
