"""Tamper-evident audit log: an append-only hash chain whose rows are signed.

Each row's ``row_hash`` = SHA-256 over its canonical content including ``prev_hash``, and each
row carries an Ed25519 signature of that hash by the workstation key (``signing``), which is
kept outside the database: whoever edits the file can recompute hashes but cannot sign.
``audit_head`` holds the last hash, the length and the chain id so a truncated tail is detected
too; signed heads are anchored outside the database (see ``anchors``).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.models import AuditEntry, AuditHead, AuditSigner
from app.models.types import utcnow
from app.services.common.context import Actor
from app.services.common.signing import check_signature, workstation_key

GENESIS = "0" * 64
ROW_DOMAIN = b"casedesk-audit-row-v1|"


def row_message(row_hash: str) -> bytes:
    """What a row's signature covers (its hash, which chains every earlier row)."""
    return ROW_DOMAIN + row_hash.encode("ascii")


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
    if cast("CursorResult[Any]", session.execute(lock)).rowcount == 0:
        try:  # first append ever: create the head; a concurrent first append may win the race
            with session.begin_nested():
                session.add(AuditHead(id=1, last_hash=GENESIS, length=0,
                                      chain_id=str(uuid.uuid4())))
        except IntegrityError:
            session.execute(lock)
    head = session.get(AuditHead, 1, populate_existing=True)
    assert head is not None  # locked or created just above
    return head


def record(session: Session, actor: Actor, action: str, *, entity_type: str = "",
           entity_id: int | None = None, case_id: int | None = None,
           payload: dict | None = None) -> AuditEntry:
    """Append one audit row in the caller's transaction (call after the change is flushed)."""
    head = _lock_head(session)
    key = workstation_key()
    if session.get(AuditSigner, key.key_id) is None:
        session.add(AuditSigner(key_id=key.key_id, public_key=key.public_hex, label=key.label))
    now = utcnow()
    at = now.replace(microsecond=now.microsecond // 1000 * 1000)  # same on every engine
    body = canonical_json(payload or {})
    row_hash = entry_hash(at, actor.user_id, actor.username, action, entity_type, entity_id,
                          case_id, body, head.last_hash)
    entry = AuditEntry(at=at, user_id=actor.user_id, username=actor.username, action=action,
                       entity_type=entity_type, entity_id=entity_id, case_id=case_id,
                       payload=body, prev_hash=head.last_hash, row_hash=row_hash,
                       key_id=key.key_id, signature=key.sign(row_message(row_hash)))
    session.add(entry)
    head.last_hash = row_hash
    head.length += 1
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainProblem:
    entry_id: int | None
    message: str
    severity: str = "error"  # warning: unsigned rows older than every signed row


def signer_keys(session: Session) -> dict[str, str]:
    """key id → public key hex of every registered signer."""
    return dict(session.execute(select(AuditSigner.key_id, AuditSigner.public_key)).all())


def _signature_problem(e: AuditEntry, keys: dict[str, str], signed_seen: bool) -> str | None:
    if e.signature is None or e.key_id is None:
        return (f"audit row {e.id}: not signed, after signed rows (forged or spliced in)"
                if signed_seen else None)
    public = keys.get(e.key_id)
    if public is None:
        return f"audit row {e.id}: signed by key {e.key_id}, which is not registered"
    if not check_signature(public, e.signature, row_message(e.row_hash)):
        return f"audit row {e.id}: signature does not match (row rewritten without the key)"
    return None


def iter_chain_problems(session: Session, batch: int = 5000) -> Iterator[ChainProblem]:
    """Walk the chain in id order; yield every broken link or bad signature (first one first).

    Unsigned rows before the first signed row (a log from before signing existed) are warnings.
    """
    prev = GENESIS
    count = 0
    last_id = 0
    keys = signer_keys(session)
    signed_seen = False
    unsigned_prefix = 0
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
            if (problem := _signature_problem(e, keys, signed_seen)) is not None:
                yield ChainProblem(e.id, problem)
            if e.signature is None and not signed_seen:
                unsigned_prefix += 1
            signed_seen = signed_seen or e.signature is not None
            prev = e.row_hash
    if unsigned_prefix:
        yield ChainProblem(None, f"{unsigned_prefix} audit rows from before signing are protected "
                                 "by the hash chain only", "warning")
    head = session.get(AuditHead, 1)
    if head is None and count:
        yield ChainProblem(None, f"audit chain head is missing ({count} rows)")
    if head is not None and (head.last_hash != prev or head.length != count):
        yield ChainProblem(None, f"audit chain head says {head.length} rows ending "
                                 f"{head.last_hash[:12]}, found {count} ending {prev[:12]}")
