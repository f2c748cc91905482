"""The audit log must agree with the data: every case and every imported evidence item has the
audit row that created it, and an evidence record still names the file (SHA-256, size) its signed
import row recorded. A log that was wiped or pruned while the data stayed, or a record pointed at
another file behind the program's back (sqlite3, or the squad server's application role), is
caught here even when no anchor is at hand."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased
from sqlalchemy.sql.expression import Exists

from app.i18n import _
from app.models import AuditEntry, Case, EvidenceItem
from app.services.common import coded_text
from app.services.evidence import import_record

_LIMIT = 20  # name at most this many records of each kind


def _created(entity_type: str, entity_id: InstrumentedAttribute[int],
             actions: tuple[str, ...]) -> Exists:
    return exists().where(and_(AuditEntry.entity_type == entity_type,
                               AuditEntry.entity_id == entity_id,
                               AuditEntry.action.in_(actions)))


def missing_creation_entries(session: Session) -> Iterator[tuple[str, str]]:
    """(where, coded as ``coded_text``; message) for each record without its creation entry
    in the audit log."""
    cases = session.scalars(
        select(Case.case_no).where(~_created("case", Case.id, (
            "case.create", "training.import"))).order_by(Case.id).limit(_LIMIT)).all()
    for no in cases:
        yield (coded_text.encode("at_case", no=no),
               _("Case {no} exists but the audit log has no entry creating it (log wiped or "
                 "pruned, or the case was inserted behind the program's back).", no=no))
    items = session.execute(
        select(EvidenceItem.id, EvidenceItem.original_name).join(Case)
        .where(Case.is_training.is_(False))
        .where(~_created("evidence", EvidenceItem.id, ("evidence.import",)))
        .order_by(EvidenceItem.id).limit(_LIMIT)).all()
    for eid, name in items:
        yield (coded_text.encode("at_evidence", id=eid),
               _("Evidence {id} ({name}) exists but the audit log has no import entry for it.",
                 id=eid, name=name))


def altered_evidence_records(session: Session) -> Iterator[tuple[str, str]]:
    """(where, message) for each evidence record whose SHA-256 or size is not what its import
    entry in the audit log recorded (the entry is hash-chained and signed; the record is not),
    or whose link to the item it was made from is not what that entry says."""
    source = aliased(EvidenceItem)
    rows = session.execute(
        select(EvidenceItem.id, EvidenceItem.original_name, EvidenceItem.sha256,
               EvidenceItem.size, EvidenceItem.derived_from_id, source.sha256,
               EvidenceItem.derivation_json, AuditEntry.payload)
        .join(AuditEntry, and_(AuditEntry.entity_type == "evidence",
                               AuditEntry.entity_id == EvidenceItem.id,
                               AuditEntry.action == "evidence.import"))
        .outerjoin(source, source.id == EvidenceItem.derived_from_id)
        .order_by(EvidenceItem.id, AuditEntry.id))
    named = 0
    for eid, name, sha, size, source_id, source_sha, report, payload in rows:
        logged = import_record.parse(payload)
        if not logged.agrees(sha, size):
            yield (coded_text.encode("at_evidence", id=eid),
                   _("Evidence {id} ({name}) is registered as SHA-256 {sha} ({size} bytes) but "
                     "its import entry in the audit log recorded {logged_sha} ({logged_size} "
                     "bytes): the record was altered to point at another file.", id=eid,
                     name=name, sha=sha[:16], size=size, logged_sha=str(logged.sha256)[:16],
                     logged_size=logged.size))
        elif logged.sha256 is not None and not logged.same_origin(
                None if source_id is None else source_sha or "", report or ""):
            yield (coded_text.encode("at_evidence", id=eid),
                   _("Evidence {id} ({name}) no longer names what its import entry in the audit "
                     "log says it was made from: the record was altered.", id=eid, name=name))
        else:
            continue  # (an unreadable payload is the chain check's finding, not this one's)
        named += 1
        if named >= _LIMIT:
            return


def audit_disagreements(session: Session) -> Iterator[tuple[str, str]]:
    """Every way the data and the audit log disagree (see the module docstring)."""
    return chain(missing_creation_entries(session), altered_evidence_records(session))
