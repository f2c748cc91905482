"""Tamper-evident audit log: an append-only hash chain.

Each row's ``row_hash`` = SHA-256 over its canonical content including ``prev_hash``;
``audit_head`` holds the last hash and the length so a truncated tail is detected too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.models import AuditEntry, AuditHead
from app.models.types import utcnow
from app.services.common.context import Actor

GENESIS = "0" * 64


def canonical_json(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entry_hash(at: datetime, user_id: int | None, username: str, action: str, entity_type: str,
               entity_id: int | None, case_id: int | None, payload: str, prev_hash: str) -> str:
    content = canonical_json([at.isoformat(), user_id, username, action, entity_type, entity_id,
                              case_id, payload, prev_hash])
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def _lock_head(session: Session) -> AuditHead:
    """Take the chain's lock (UPDATE first) and return the head row."""
    lock = update(AuditHead).where(AuditHead.id == 1).values(length=AuditHead.length + 0)
    if session.execute(lock).rowcount == 0:
        try:  # first append ever: create the head; a concurrent first append may win the race
            with session.begin_nested():
                session.add(AuditHead(id=1, last_hash=GENESIS, length=0))
        except IntegrityError:
            session.execute(lock)
    return session.get(AuditHead, 1, populate_existing=True)


def record(session: Session, actor: Actor, action: str, *, entity_type: str = "",
           entity_id: int | None = None, case_id: int | None = None,
           payload: dict | None = None) -> AuditEntry:
    """Append one audit row in the caller's transaction (call after the change is flushed)."""
    head = _lock_head(session)
    now = utcnow()
    at = now.replace(microsecond=now.microsecond // 1000 * 1000)  # same on every engine
    body = canonical_json(payload or {})
    row_hash = entry_hash(at, actor.user_id, actor.username, action, entity_type, entity_id,
                          case_id, body, head.last_hash)
    entry = AuditEntry(at=at, user_id=actor.user_id, username=actor.username, action=action,
                       entity_type=entity_type, entity_id=entity_id, case_id=case_id,
                       payload=body, prev_hash=head.last_hash, row_hash=row_hash)
    session.add(entry)
    head.last_hash = row_hash
    head.length += 1
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainProblem:
    entry_id: int | None
    message: str


def iter_chain_problems(session: Session, batch: int = 5000) -> Iterator[ChainProblem]:
    """Walk the chain in id order; yield every broken link (first one first)."""
    prev = GENESIS
    count = 0
    last_id = 0
    while True:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.id > last_id)
                               .order_by(AuditEntry.id).limit(batch)).all()
        if not rows:
            break
        for e in rows:
            count += 1
            last_id = e.id
            if e.prev_hash != prev:
                yield ChainProblem(e.id, f"audit row {e.id}: prev_hash does not match row before")
            expected = entry_hash(e.at, e.user_id, e.username, e.action, e.entity_type,
                                  e.entity_id, e.case_id, e.payload, e.prev_hash)
            if expected != e.row_hash:
                yield ChainProblem(e.id, f"audit row {e.id}: content does not match its hash")
            prev = e.row_hash
    head = session.get(AuditHead, 1)
    if head is not None and (head.last_hash != prev or head.length != count):
        yield ChainProblem(None, f"audit chain head says {head.length} rows ending "
                                 f"{head.last_hash[:12]}, found {count} ending {prev[:12]}")
