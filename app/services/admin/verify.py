"""Integrity check of a whole data dir: database, audit chain, evidence files, orphans.

Errors (the data can no longer be trusted) make ``casedesk-cli verify`` exit non-zero and name the
first broken row or file. Warnings (intact but unexpected, e.g. a fully written evidence file whose
import was interrupted before its database row was committed) are listed but do not fail unless
``strict``. Progress and cancel are callbacks so a GUI worker can drive it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Row, select, text
from sqlalchemy.orm import Session

from app.config import AppPaths
from app.i18n import _
from app.models import EvidenceItem
from app.models.enums import CustodyAction
from app.services.admin import anchor_check, derivation_check
from app.services.admin.consistency import audit_disagreements
from app.services.common import anchors, audit, coded_text
from app.services.common.audit import iter_chain_problems
from app.services.common.context import Actor, Perm, require
from app.services.evidence.custody import log_custody
from app.services.evidence.store import QUARANTINE_DIR, store_path

ProgressFn = Callable[[float, str], None]  # (fraction 0..1, what is being checked)
CancelFn = Callable[[], bool]
_CHUNK = 1 << 20
_STORE_NAME = re.compile(r"^(?P<sha>[0-9a-f]{64})(\.[A-Za-z0-9]{1,16})?$")
# Names the evidence store uses while a file is being written (never trusted, safe to delete).
_TEMP_NAME = re.compile(r"(^\.|\.tmp$|\.part$|\.partial$|^tmp)", re.IGNORECASE)


@dataclass(frozen=True)
class VerifyProblem:
    kind: str       # integrity / audit / evidence_missing / evidence_hash / evidence_size /
    #                 orphan_file / leftover_temp / unreadable
    place: str      # where, coded (``coded_text``): audit row 17, evidence/ab/ab…cd.mp4
    message: str
    severity: str = "error"  # error / warning
    evidence_id: int | None = None  # the evidence item concerned, when there is one
    detail: str | None = None  # a coded_text form of ``message`` (stored in language-neutral form)

    @property
    def where(self) -> str:
        """Where, in the reader's language ("审计记录第 17 行")."""
        return coded_text.render(self.place)


@dataclass(frozen=True)
class VerifyReport:
    problems: tuple[VerifyProblem, ...]
    audit_rows: int
    evidence_files: int
    bytes_hashed: int
    cancelled: bool = False
    anchors_checked: int = 0
    anchored_rows: int = 0
    first_unanchored_id: int | None = None

    @property
    def errors(self) -> tuple[VerifyProblem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[VerifyProblem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    @property
    def first_error(self) -> VerifyProblem | None:
        return self.errors[0] if self.errors else None

    def ok(self, strict: bool = False) -> bool:
        return not self.cancelled and not (self.problems if strict else self.errors)


@dataclass
class _Run:
    progress: ProgressFn | None
    cancelled: CancelFn | None
    problems: list[VerifyProblem] = field(default_factory=list)
    bytes_hashed: int = 0

    def report(self, fraction: float, label: str) -> None:
        if self.progress is not None:
            self.progress(max(0.0, min(1.0, fraction)), label)

    def stop(self) -> bool:
        return self.cancelled is not None and self.cancelled()


def evidence_path(evidence_dir: Path, sha256: str, ext: str) -> Path:
    """Where the store keeps a file: ``<evidence>/<sha[:2]>/<sha>.<ext>``."""
    return store_path(Path(evidence_dir), sha256, ext or "")


def sha256_file(path: Path, cancelled: CancelFn | None = None,
                on_bytes: Callable[[int], None] | None = None) -> str | None:
    """SHA-256 hex of a file; None when cancelled part-way."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
            if on_bytes is not None:
                on_bytes(len(chunk))
            if cancelled is not None and cancelled():
                return None
    return h.hexdigest()


def _check_database(session: Session, run: _Run) -> None:
    if session.get_bind().dialect.name != "sqlite":
        return
    rows = [r[0] for r in session.execute(text("PRAGMA integrity_check")).all()]
    if rows != ["ok"]:
        run.problems.append(VerifyProblem("integrity", coded_text.encode("at_database"), _(
            "The database file is damaged: {detail}", detail="; ".join(rows[:3]))))
    fk = session.execute(text("PRAGMA foreign_key_check")).all()
    if fk:
        table, rowid = fk[0][0], fk[0][1]
        place = coded_text.encode("at_table_row", table=table, row=rowid)
        run.problems.append(VerifyProblem("integrity", place, _(
            "Table {table} row {row} points to a record that does not exist.",
            table=table, row=rowid)))


def _check_audit(session: Session, run: _Run) -> int:
    for problem in iter_chain_problems(session):
        place = (coded_text.encode("at_audit_row", id=problem.entry_id)
                 if problem.entry_id is not None else coded_text.encode("at_audit_head"))
        where = coded_text.render(place)
        if problem.severity == "warning":
            run.problems.append(VerifyProblem("audit", place, _(
                "Old audit rows: {detail}", detail=problem.message), "warning"))
        else:
            run.problems.append(VerifyProblem("audit", place, _(
                "The audit log has been altered at {where}: {detail}", where=where,
                detail=problem.message)))
        if run.stop():
            break
    for place, message in audit_disagreements(session):
        run.problems.append(VerifyProblem("audit_data", place, message))
    return session.scalar(text("SELECT count(*) FROM audit_entry")) or 0


def _check_anchors(session: Session, paths: AppPaths, extra: tuple[Path, ...],
                   run: _Run) -> anchor_check.AnchorSummary:
    result = anchor_check.check(session, anchor_check.collect(session, paths, extra))
    for f in result.findings:
        run.problems.append(VerifyProblem("anchor", f.place, f.message, f.severity))
    return result


def _check_evidence(session: Session, evidence_dir: Path, run: _Run) -> int:
    items = session.execute(select(EvidenceItem.id, EvidenceItem.sha256, EvidenceItem.ext,
                                   EvidenceItem.size, EvidenceItem.original_name)
                            .order_by(EvidenceItem.id)).all()
    expected: dict[Path, list] = {}
    for item in items:
        expected.setdefault(evidence_path(evidence_dir, item.sha256, item.ext), []).append(item)
    total = sum(i[0].size or 0 for i in expected.values()) or 1
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        run.bytes_hashed += n
        run.report(0.1 + 0.85 * done / total, _("Hashing evidence files"))

    for path, rows in expected.items():
        if run.stop():
            return len(expected)
        item = rows[0]
        rel = _rel(path, evidence_dir)
        if not path.is_file():
            run.problems.append(_evidence_problem("evidence_missing", "verify_missing", item, rel))
            continue
        size = path.stat().st_size
        if item.size is not None and size != item.size:
            run.problems.append(_evidence_problem("evidence_size", "verify_size", item, rel,
                                                  got=size, want=item.size))
        try:
            digest = sha256_file(path, run.cancelled, advance)
        except OSError as exc:
            run.problems.append(_evidence_problem("unreadable", "verify_unreadable", item, rel,
                                                  error=str(exc)))
            continue
        if digest is None:
            return len(expected)
        if digest != item.sha256:
            run.problems.append(_evidence_problem("evidence_hash", "verify_altered", item, rel))
    _check_orphans(evidence_dir, set(expected), run)
    return len(expected)


def _evidence_problem(kind: str, code: str, item: Row, rel: str,
                      **params: object) -> VerifyProblem:
    """A problem with an evidence file, its detail coded (words only when read)."""
    label = {"code": "evidence_file", "id": item.id, "name": item.original_name, "path": rel}
    detail = coded_text.encode(code, label=label, **params)
    return VerifyProblem(kind, _file(rel), coded_text.render(detail), evidence_id=item.id,
                         detail=detail)


def _file(rel: str) -> str:
    """A file of the data dir as a problem's coded place."""
    return coded_text.encode("at_file", path=rel)


def _rel(path: Path, evidence_dir: Path) -> str:
    try:
        return str(Path("evidence") / path.relative_to(evidence_dir))
    except ValueError:
        return str(path)


def _check_orphans(evidence_dir: Path, known: set[Path], run: _Run) -> None:
    if not evidence_dir.is_dir():
        return
    for path in sorted(p for p in evidence_dir.rglob("*") if p.is_file()):
        if path in known:
            continue
        rel = _rel(path, evidence_dir)
        if QUARANTINE_DIR in path.relative_to(evidence_dir).parts:
            run.problems.append(VerifyProblem("quarantined", _file(rel), _(
                "A file found at a content address it does not match was set aside (not "
                "evidence): {path}", path=rel), "warning"))
            continue
        if _TEMP_NAME.search(path.name):
            run.problems.append(VerifyProblem("leftover_temp", _file(rel), _(
                "Unfinished import left a temporary file (not evidence, safe to delete): "
                "{path}", path=rel), "warning"))
            continue
        m = _STORE_NAME.match(path.name)
        if m and path.parent.name == m["sha"][:2] and sha256_file(path) == m["sha"]:
            run.problems.append(VerifyProblem("orphan_file", _file(rel), _(
                "Evidence file with no database record (an import that did not finish?): "
                "{path}", path=rel), "warning"))
        else:
            run.problems.append(VerifyProblem("orphan_file", _file(rel), _(
                "Unknown or altered file in the evidence store: {path}", path=rel)))


def verify_data(session: Session, evidence_dir: Path, progress: ProgressFn | None = None,
                cancelled: CancelFn | None = None, *, paths: AppPaths | None = None,
                anchor_files: tuple[Path, ...] = ()) -> VerifyReport:
    """Run every check (read-only). The caller may audit the outcome afterwards.

    With ``paths`` the chain is also checked against every anchor found for that data dir
    (and against ``anchor_files``).
    """
    run = _Run(progress, cancelled)
    run.report(0.0, _("Checking the database file"))
    _check_database(session, run)
    audit_rows = evidence_files = 0
    anchored = None
    if not run.stop():
        run.report(0.05, _("Checking the audit chain"))
        audit_rows = _check_audit(session, run)
        if paths is not None or anchor_files:
            anchored = _check_anchors(session, paths or AppPaths(Path(evidence_dir).parent,
                                                                 "sqlite://"), anchor_files, run)
    if not run.stop():
        evidence_files = _check_evidence(session, Path(evidence_dir), run)
    if not run.stop():
        run.report(0.95, _("Making the rescued copies again"))
        run.problems += [VerifyProblem("derivation", f.place, f.message, evidence_id=f.evidence_id)
                         for f in derivation_check.check(session, Path(evidence_dir),
                                                         run.cancelled)]
    stopped = run.stop()
    if not stopped:
        run.report(1.0, _("Done"))
    return VerifyReport(tuple(run.problems), audit_rows, evidence_files, run.bytes_hashed,
                        cancelled=stopped,
                        anchors_checked=anchored.checked if anchored else 0,
                        anchored_rows=anchored.anchored_rows if anchored else 0,
                        first_unanchored_id=anchored.first_unanchored_id if anchored else None)


def anchor_line(report: VerifyReport) -> str:
    """Where trust ends: the rows confirmed by anchors and the first row after them."""
    if report.first_unanchored_id is None:
        return _("{n} anchors checked; every audit row is confirmed by an anchor.",
                 n=report.anchors_checked)
    return _("{n} anchors checked; the last good anchor covers {rows} audit rows; the first row "
             "after it is audit row {id}.", n=report.anchors_checked, rows=report.anchored_rows,
             id=report.first_unanchored_id)


def summary(report: VerifyReport, strict: bool = False) -> str:
    """One plain-words line for a dialog or the CLI (``strict``: warnings fail too)."""
    if report.cancelled:
        return _("Verification cancelled; nothing was concluded.")
    if report.first_error is not None:
        return _("Verification FAILED ({n} problems). First: {first}",
                 n=len(report.errors), first=report.first_error.message)
    if strict and report.warnings:
        return _("Verification FAILED in strict mode: {n} warnings. First: {first}",
                 n=len(report.warnings), first=report.warnings[0].message)
    return _("All is well: database intact, {rows} audit rows chained, {files} evidence files "
             "match their SHA-256 ({warnings} warnings).", rows=report.audit_rows,
             files=report.evidence_files, warnings=len(report.warnings))


def record_verification(session: Session, actor: Actor, report: VerifyReport) -> None:
    """Audit that a verification ran and what it found (call in its own unit of work).

    Every evidence item that failed also gets a ``verify_failed`` entry in its chain of custody.
    """
    require(actor, Perm.VERIFY)
    for problem in report.errors:
        ev = session.get(EvidenceItem, problem.evidence_id) if problem.evidence_id else None
        if ev is not None:
            log_custody(session, actor, ev, CustodyAction.VERIFY_FAILED,
                        detail=problem.detail or problem.message,
                        payload={"kind": problem.kind})
    first = report.first_error
    if report.ok():  # a clean chain: keep its signed head outside the database
        anchors.anchor_now(session)
    audit.record(session, actor, "admin.verify", entity_type="data_dir", payload={
        "ok": report.ok(), "errors": len(report.errors), "warnings": len(report.warnings),
        "audit_rows": report.audit_rows, "evidence_files": report.evidence_files,
        "cancelled": report.cancelled,
        "first": coded_text.decode(first.place) if first else None})  # words when read
