"""Check the audit chain against every anchor found outside the database.

Sources: the journal next to the signing key, backups and exports inside the data dir, and any
file named on the command line. Each trusted anchor (valid signature by a known key) must match
the chain at its length; the longest prefix every anchor agrees with is "anchored", and the
first row after it is named so an investigator knows where trust ends.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.config import AppPaths
from app.i18n import _
from app.models import AuditEntry, AuditHead
from app.services.common import anchors, coded_text
from app.services.common.anchors import Anchor
from app.services.common.audit import signer_keys
from app.services.common.signing import workstation_key

_SUFFIXES = (".pdf", ".json", ".zip")
_MAX_FILES = 2000


@dataclass(frozen=True)
class AnchorFinding:
    place: str      # where, coded (``coded_text``): the anchor's file, or "an anchor"
    message: str
    severity: str = "error"

    @property
    def where(self) -> str:
        return coded_text.render(self.place)


@dataclass(frozen=True)
class AnchorSummary:
    checked: int
    anchored_rows: int              # rows confirmed by the last good anchor
    first_unanchored_id: int | None  # the first row after it (None: all rows anchored)
    findings: tuple[AnchorFinding, ...]


def _files_in(folder: Path) -> Iterable[Path]:
    if not folder.is_dir():
        return []
    found = [p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in _SUFFIXES]
    return sorted(found)[:_MAX_FILES]


def collect(session: Session, paths: AppPaths, extra: Iterable[Path] = ()) -> list[Anchor]:
    """Every anchor for this database: journal, backups, exports, and ``extra`` files."""
    head = session.get(AuditHead, 1)
    found = anchors.journal_anchors(paths.db_url, head.chain_id if head else None)
    for folder in (paths.backups_dir, paths.exports_dir):
        for path in _files_in(folder):
            found += anchors.in_file(path)
    for path in extra:
        found += anchors.in_file(Path(path))
    return found


def _hash_at(session: Session, position: int) -> str | None:
    return session.scalar(select(AuditEntry.row_hash).order_by(AuditEntry.id)
                          .offset(position - 1).limit(1))


def check(session: Session, found: list[Anchor]) -> AnchorSummary:
    head = session.get(AuditHead, 1)
    chain_id = head.chain_id if head else None
    rows = session.scalar(select(func.count(AuditEntry.id))) or 0
    trusted = set(signer_keys(session)) | {workstation_key().key_id}
    here = anchors.database_name(session.get_bind().engine.url.render_as_string(
        hide_password=False))
    findings: list[AnchorFinding] = []
    good: list[int] = []
    bad: list[int] = []
    for a in found:
        place = (coded_text.encode("at_file", path=a.source) if a.source
                 else coded_text.encode("at_anchor"))
        where = coded_text.render(place)
        if not a.signature_ok():
            findings.append(AnchorFinding(place, _(
                "Audit anchor in {where} has a bad signature (altered); ignored.", where=where),
                "warning"))
            continue
        if a.key_id not in trusted:
            findings.append(AnchorFinding(place, _(
                "Audit anchor in {where} is signed by key {key}, unknown here; ignored.",
                where=where, key=a.key_id), "warning"))
            continue
        if a.chain_id != chain_id:
            findings.append(AnchorFinding(place, _(
                "Audit anchor in {where} belongs to another audit chain: this database's log "
                "was replaced or the anchor is from another database.", where=where)))
            bad.append(0)
            continue
        copy = a.database if a.database and a.database != here else ""
        if a.length > rows:
            findings.append(AnchorFinding(place, _(
                "Audit anchor in {where} recorded {n} rows; only {rows} remain: rows were "
                "deleted.", where=where, n=a.length, rows=rows) if not copy else _(
                "Audit anchor in {where} was taken on another copy of this database ({db}) "
                "with {n} rows; this one has {rows}: it is an older copy, or rows were deleted.",
                where=where, db=copy, n=a.length, rows=rows)))
            bad.append(a.length)
        elif a.length and _hash_at(session, a.length) != a.last_hash:
            findings.append(AnchorFinding(place, _(
                "The audit log disagrees with the anchor in {where} at its row {n}: history was "
                "rewritten.", where=where, n=a.length) if not copy else _(
                "The audit log disagrees at its row {n} with the anchor in {where}, taken on "
                "another copy of this database ({db}): the two copies went separate ways after "
                "a copy or restore, or history was rewritten.", where=where, db=copy,
                n=a.length)))
            bad.append(a.length)
        else:
            good.append(a.length)
    limit = min(bad) if bad else None
    anchored = max((n for n in good if limit is None or n < limit), default=0)
    first = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id)
                           .offset(anchored).limit(1)) if rows > anchored else None
    return AnchorSummary(len(found), anchored, first, tuple(findings))
