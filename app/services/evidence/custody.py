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
from app.models import CustodyEvent, EvidenceItem
from app.models.db import unit_of_work
from app.models.enums import CustodyAction
from app.services.common import audit, coded_text
from app.services.common.context import Actor, Perm, require
from app.services.evidence.import_record import altered_record
from app.services.evidence.integrity_gate import EvidenceAltered, actual_hash
from app.services.evidence.items import (
    EvidenceDTO,
    case_of_id,
    evidence_path,
    get_evidence,
    load_item,
)
from app.services.evidence.store import Cancel, Progress, store_path


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
    """One chain-of-custody event plus its audit row. ``detail`` is best a
    :func:`coded_text.encode` code (rendered in the reader's language when read)."""
    row = CustodyEvent(evidence_id=ev.id, user_id=actor.user_id, action=action.value, detail=detail)
    session.add(row)
    session.flush()
    audit.record(session, actor, f"evidence.{action.value}", entity_type="evidence",
                 entity_id=ev.id, case_id=ev.case_id,
                 payload={"sha256": ev.sha256, "detail": coded_text.decode(detail) or detail,
                          **(payload or {})})
    return row


def custody_log(session: Session, actor: Actor, evidence_id: int) -> list[CustodyDTO]:
    ev = load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_VIEW, case_of_id(session, ev.case_id))
    rows = session.scalars(select(CustodyEvent).where(CustodyEvent.evidence_id == evidence_id)
                           .order_by(CustodyEvent.id)).all()
    return [CustodyDTO(r.id, r.evidence_id, r.at, r.user_id, r.action,
                       coded_text.render(r.detail)) for r in rows]


def record_view(session: Session, actor: Actor, evidence_id: int, detail: str = "") -> None:
    ev = load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_VIEW, case_of_id(session, ev.case_id))
    log_custody(session, actor, ev, CustodyAction.VIEW, detail=detail)


def check_can_export(session: Session, actor: Actor, evidence_id: int) -> None:
    """Refuse before anything is written (an export must never exist unlogged, nor be taken
    from a record that no longer names the file its signed import entry recorded)."""
    ev = load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_EXPORT, case_of_id(session, ev.case_id))
    altered = altered_record(session, ev)
    if altered is not None:
        raise EvidenceAltered(coded_text.render(altered))


def record_export(session: Session, actor: Actor, evidence_id: int, out_path: str | os.PathLike,
                  *, frame_index: int | None = None, end_frame: int | None = None,
                  out_sha256: str = "") -> None:
    ev = load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_EXPORT, case_of_id(session, ev.case_id))
    log_custody(session, actor, ev, CustodyAction.EXPORT,
                detail=coded_text.encode("exported", path=str(out_path)),
                payload={"frame_index": frame_index, "end_frame": end_frame,
                         "out_sha256": out_sha256})


def verification(session: Session, actor: Actor, paths: AppPaths,
                 evidence_id: int) -> tuple[VerifyResult, str]:
    """Hash the stored file *here* (no caller can claim a match) and say what was found, with
    its coded custody detail — logged by nobody (a ``--screenshot`` run is no viewing).

    Hashing already done by :func:`hash_stored` in this process is reused when the file is
    unchanged since (same size, times and inode), so the transaction stays short.
    """
    ev = load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_VIEW, case_of_id(session, ev.case_id))
    path = store_path(paths.evidence_dir, ev.sha256, ev.ext)
    actual = actual_hash(path, ev.sha256)
    altered = altered_record(session, ev)
    if altered is not None:
        return VerifyResult(ev.id, False, ev.sha256, actual, path,
                            coded_text.render(altered)), altered
    if actual == ev.sha256:
        code = coded_text.encode("verified")
    elif actual is None:
        code = coded_text.encode("missing", name=ev.original_name, path=str(path))
    else:
        code = coded_text.encode("altered", name=ev.original_name, actual=actual[:16],
                                 expected=ev.sha256[:16])
    return VerifyResult(ev.id, actual == ev.sha256, ev.sha256, actual, path,
                        coded_text.render(code)), code


def record_verification(session: Session, actor: Actor, paths: AppPaths,
                        evidence_id: int) -> VerifyResult:
    """Hash the stored file and log the outcome in its custody."""
    result, code = verification(session, actor, paths, evidence_id)
    ev = load_item(session, evidence_id)
    if result.ok:
        log_custody(session, actor, ev, CustodyAction.VERIFY, detail=code)
    else:
        log_custody(session, actor, ev, CustodyAction.VERIFY_FAILED, detail=code,
                    payload={"actual": result.actual})
    return result


def hash_stored(paths: AppPaths, ev: EvidenceDTO, *, progress: Progress | None = None,
                cancel: Cancel | None = None) -> str | None:
    """SHA-256 of the stored file, None when it is missing or unreadable (slow: off the GUI)."""
    return actual_hash(evidence_path(paths, ev), ev.sha256, progress=progress, cancel=cancel)


def verify_evidence(factory: sessionmaker[Session], paths: AppPaths, actor: Actor,
                    evidence_id: int, *, progress: Progress | None = None,
                    cancel: Cancel | None = None) -> VerifyResult:
    with unit_of_work(factory) as session:
        ev = get_evidence(session, actor, evidence_id)
    hash_stored(paths, ev, progress=progress, cancel=cancel)  # the slow part, outside a transaction
    with unit_of_work(factory) as session:
        return record_verification(session, actor, paths, evidence_id)


