"""What the signed audit log says was imported: the file an evidence record must still name.

The evidence record (``evidence_item.sha256``) is a plain row anyone with a database tool can
point at another file; its ``evidence.import`` audit row is hash-chained and signed. Checks that
trust a record compare it with this first (``custody.verification``, ``admin.consistency``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEntry, EvidenceItem
from app.services.common import coded_text


@dataclass(frozen=True)
class LoggedImport:
    sha256: str | None  # None: an import row from before hashes were logged in it
    size: int | None
    derived_from: str | None = None       # the file a readable copy was made from
    derivation_sha256: str | None = None  # SHA-256 of the report of how

    def agrees(self, sha256: str, size: int | None = None) -> bool:
        """True unless the log names another file than the record does."""
        if self.sha256 is None:
            return True
        return self.sha256 == sha256 and (size is None or self.size in (None, size))

    def same_origin(self, source_sha256: str | None, derivation_json: str) -> bool:
        """True when the record says it was made from what the log says (or, both, from
        nothing): a link added, dropped or pointed elsewhere with a database tool is not."""
        report = hashlib.sha256(derivation_json.encode()).hexdigest() if derivation_json else None
        return (self.derived_from, self.derivation_sha256) == (source_sha256, report)


def parse(payload: str) -> LoggedImport:
    """The file an import row's payload names (nothing for an unreadable payload)."""
    try:
        logged = json.loads(payload)
    except ValueError:
        return LoggedImport(None, None)
    if not isinstance(logged, dict):
        return LoggedImport(None, None)
    detail = logged.get("detail")
    sha, size = logged.get("sha256"), detail.get("size") if isinstance(detail, dict) else None
    source, report = logged.get("derived_from"), logged.get("derivation_sha256")
    return LoggedImport(sha if isinstance(sha, str) else None,
                        size if isinstance(size, int) else None,
                        source if isinstance(source, str) else None,
                        report if isinstance(report, str) else None)


def logged_import(session: Session, evidence_id: int) -> LoggedImport | None:
    """The first import row of ``evidence_id`` (None: no such row, e.g. a training copy)."""
    payload = session.scalar(
        select(AuditEntry.payload).where(AuditEntry.entity_type == "evidence",
                                         AuditEntry.entity_id == evidence_id,
                                         AuditEntry.action == "evidence.import")
        .order_by(AuditEntry.id).limit(1))
    return parse(payload) if payload is not None else None


def source_sha256(session: Session, ev: EvidenceItem) -> str | None:
    """The file the record says ``ev`` was made from (None: not a derived copy)."""
    if ev.derived_from_id is None:
        return None
    return session.scalar(select(EvidenceItem.sha256)
                          .where(EvidenceItem.id == ev.derived_from_id)) or ""


def altered_record(session: Session, ev: EvidenceItem) -> str | None:
    """The coded finding (``coded_text``) when the record no longer names the file its signed
    import entry recorded (someone pointed it at another file with a database tool), or no
    longer names what that entry says it was made from; else None."""
    logged = logged_import(session, ev.id)
    if logged is None:
        return None
    if not logged.agrees(ev.sha256, ev.size):
        return coded_text.encode("record_altered", name=ev.original_name,
                                 expected=str(logged.sha256)[:16], actual=ev.sha256[:16])
    if logged.sha256 is not None and not logged.same_origin(source_sha256(session, ev),
                                                            ev.derivation_json or ""):
        return coded_text.encode("derivation_altered", name=ev.original_name)
    return None
