"""Chain of custody of evidence items: every import, view, export and verification is a
CustodyEvent plus an audit row. Verification re-hashes the stored file; a mismatch (or a missing
file) is logged as ``verify_failed`` and reported in plain words so the UI can block silent use.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths
from app.i18n import _
from app.models import CustodyEvent, EvidenceItem
from app.models.db import unit_of_work
from app.models.enums import CustodyAction
from app.services.common import audit
from app.services.common.context import Actor, Perm, require
from app.services.evidence.items import (
    EvidenceDTO,
    case_of_id,
    evidence_path,
    get_evidence,
    load_item,
)
from app.services.evidence.store import Cancel, Progress, hash_file


@dataclass(frozen=True)
class CustodyDTO:
    id: int
    evidence_id: int
    at: datetime
    user_id: int | None
    action: str
    detail: str


@dataclass(frozen=True)
class VerifyResult:
    evidence_id: int
    ok: bool
    expected: str
    actual: str | None
    path: Path
    message: str


def log_custody(session: Session, actor: Actor, ev: EvidenceItem, action: CustodyAction,
                detail: str = "", payload: dict | None = None) -> CustodyEvent:
    """One chain-of-custody event plus its audit row."""
    row = CustodyEvent(evidence_id=ev.id, user_id=actor.user_id, action=action.value, detail=detail)
    session.add(row)
    session.flush()
    audit.record(session, actor, f"evidence.{action.value}", entity_type="evidence",
                 entity_id=ev.id, case_id=ev.case_id,
                 payload={"sha256": ev.sha256, "detail": detail, **(payload or {})})
    return row


def custody_log(session: Session, actor: Actor, evidence_id: int) -> list[CustodyDTO]:
    ev = load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_VIEW, case_of_id(session, ev.case_id))
    rows = session.scalars(select(CustodyEvent).where(CustodyEvent.evidence_id == evidence_id)
                           .order_by(CustodyEvent.id)).all()
    return [CustodyDTO(r.id, r.evidence_id, r.at, r.user_id, r.action, r.detail) for r in rows]


def record_view(session: Session, actor: Actor, evidence_id: int, detail: str = "") -> None:
    ev = load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_VIEW, case_of_id(session, ev.case_id))
    log_custody(session, actor, ev, CustodyAction.VIEW, detail=detail)


def check_can_export(session: Session, actor: Actor, evidence_id: int) -> None:
    """Refuse before anything is written (an export must never exist unlogged)."""
    ev = load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_EXPORT, case_of_id(session, ev.case_id))


def record_export(session: Session, actor: Actor, evidence_id: int, out_path: str | os.PathLike,
                  *, frame_index: int | None = None, end_frame: int | None = None,
                  out_sha256: str = "") -> None:
    ev = load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_EXPORT, case_of_id(session, ev.case_id))
    log_custody(session, actor, ev, CustodyAction.EXPORT, detail=str(out_path),
                payload={"frame_index": frame_index, "end_frame": end_frame,
                         "out_sha256": out_sha256})


def record_verification(session: Session, actor: Actor, evidence_id: int, actual: str | None,
                        path: Path) -> VerifyResult:
    """Log the outcome of hashing the stored file (``actual`` None = file missing/unreadable)."""
    ev = load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_VIEW, case_of_id(session, ev.case_id))
    if actual == ev.sha256:
        msg = _("Evidence file verified: SHA-256 matches.")
        log_custody(session, actor, ev, CustodyAction.VERIFY, detail=msg)
        return VerifyResult(ev.id, True, ev.sha256, actual, path, msg)
    if actual is None:
        msg = _("Evidence file {name} is missing from the store ({path}). Do not use this item.",
                name=ev.original_name, path=str(path))
    else:
        msg = _("Evidence file {name} has been altered: SHA-256 is {actual}, recorded {expected}. "
                "Do not use this item.", name=ev.original_name, actual=actual[:16],
                expected=ev.sha256[:16])
    log_custody(session, actor, ev, CustodyAction.VERIFY_FAILED, detail=msg,
                payload={"actual": actual})
    return VerifyResult(ev.id, False, ev.sha256, actual, path, msg)


def hash_stored(paths: AppPaths, ev: EvidenceDTO, *, progress: Progress | None = None,
                cancel: Cancel | None = None) -> str | None:
    """SHA-256 of the stored file, None when it is missing or unreadable (slow: off the GUI)."""
    try:
        return hash_file(evidence_path(paths, ev), progress=progress, cancel=cancel)
    except OSError:
        return None


def verify_evidence(factory: sessionmaker[Session], paths: AppPaths, actor: Actor,
                    evidence_id: int, *, progress: Progress | None = None,
                    cancel: Cancel | None = None) -> VerifyResult:
    with unit_of_work(factory) as session:
        ev = get_evidence(session, actor, evidence_id)
    actual = hash_stored(paths, ev, progress=progress, cancel=cancel)
    with unit_of_work(factory) as session:
        return record_verification(session, actor, evidence_id, actual, evidence_path(paths, ev))


