"""What the signed audit log says was imported: the file an evidence record must still name.

The evidence record (``evidence_item.sha256``) is a plain row anyone with a database tool can
point at another file; its ``evidence.import`` audit row is hash-chained and signed. Checks that
trust a record compare it with this first (``custody.verification``, ``admin.consistency``).
"""

from __future__ import annotations

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

    def agrees(self, sha256: str, size: int | None = None) -> bool:
        """True unless the log names another file than the record does."""
        if self.sha256 is None:
            return True
        return self.sha256 == sha256 and (size is None or self.size in (None, size))


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
    return LoggedImport(sha if isinstance(sha, str) else None,
                        size if isinstance(size, int) else None)


def logged_import(session: Session, evidence_id: int) -> LoggedImport | None:
    """The first import row of ``evidence_id`` (None: no such row, e.g. a training copy)."""
    payload = session.scalar(
        select(AuditEntry.payload).where(AuditEntry.entity_type == "evidence",
                                         AuditEntry.entity_id == evidence_id,
                                         AuditEntry.action == "evidence.import")
        .order_by(AuditEntry.id).limit(1))
    return parse(payload) if payload is not None else None


def altered_record(session: Session, ev: EvidenceItem) -> str | None:
    """The coded finding (``coded_text``) when the record no longer names the file its signed
    import entry recorded (someone pointed it at another file with a database tool), else None."""
    logged = logged_import(session, ev.id)
    if logged is None or logged.agrees(ev.sha256, ev.size):
        return None
    return coded_text.encode("record_altered", name=ev.original_name,
                             expected=str(logged.sha256)[:16], actual=ev.sha256[:16])
