"""Backup and restore of a data dir: SQLite online backup + evidence copy + manifest.

A backup is a directory::

    OUT/manifest.json        signed: format, created_at, schema revision, db sha256, every
                             evidence file, the snapshot's signed audit head (anchor)
    OUT/casedesk.sqlite3     consistent snapshot taken with the SQLite online backup API
    OUT/evidence/ab/ab….mp4  every file the snapshot references, hash-checked while copied

The app may keep running (and writing) while a backup is taken: the evidence list is read from
the snapshot, so files imported after the snapshot are simply not part of it. Restore only goes
into an empty data dir and validates everything before writing anything: the manifest's
signature and fields, the database file's hash, and every evidence file re-hashed against the
hashes *the backed-up database itself* registered (a manifest entry cannot smuggle a file in or
leave one out); files are read only from inside the backup. After writing, the restored audit
chain is verified against the manifest's anchor and the journal; anything wrong leaves the
target empty again.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.config import DB_FILENAME, AppPaths
from app.i18n import _
from app.models import AuditEntry
from app.models.db import head_revision, make_session_factory
from app.models.types import utcnow
from app.services.admin import anchor_check, backup_manifest
from app.services.admin.backup_manifest import MANIFEST, BackupError, ManifestEntry
from app.services.admin.consistency import audit_disagreements
from app.services.admin.verify import sha256_file
from app.services.common import anchors, audit
from app.services.common.audit import iter_chain_problems
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import ServiceError, ValidationError
from app.services.common.signing import workstation_key
from app.services.evidence.store import store_path

__all__ = ["BackupError", "BackupCancelled", "BackupInfo", "create_backup", "restore_backup",
           "read_manifest", "record_backup", "last_backup_at", "backup_due"]
ProgressFn = Callable[[float, str], None]
CancelFn = Callable[[], bool]


class BackupCancelled(ServiceError):
    pass


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime
    schema_revision: str | None
    db_sha256: str
    evidence_files: int
    evidence_bytes: int


def _tick(progress: ProgressFn | None, fraction: float, label: str) -> None:
    if progress is not None:
        progress(max(0.0, min(1.0, fraction)), label)


def _check_cancel(cancelled: CancelFn | None) -> None:
    if cancelled is not None and cancelled():
        raise BackupCancelled(_("Cancelled; the incomplete copy was removed."))


def _snapshot_db(src_path: Path, dst_path: Path, progress: ProgressFn | None,
                 cancelled: CancelFn | None) -> None:
    src = sqlite3.connect(str(src_path), timeout=10)
    dst = sqlite3.connect(str(dst_path))
    try:
        def step(_status: int, remaining: int, total: int) -> None:
            _check_cancel(cancelled)
            _tick(progress, 0.3 * (1 - remaining / max(total, 1)), _("Copying the database"))
        with dst:
            src.backup(dst, pages=256, progress=step)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        dst.close()
        src.close()


@dataclass(frozen=True)
class _DbFacts:
    revision: str | None
    files: list[tuple[str, str, int]]  # (sha256, ext, size) the database registered
    signers: set[str]                  # key ids registered in its audit_signer table


def _db_facts(db_path: Path) -> _DbFacts:
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rev = con.execute("SELECT version_num FROM alembic_version").fetchone()
        rows = con.execute("SELECT sha256, ext, max(size) FROM evidence_item "
                           "GROUP BY sha256, ext").fetchall()
        signers = {r[0] for r in con.execute("SELECT key_id FROM audit_signer")}
    except sqlite3.DatabaseError as exc:
        raise BackupError(_("The database in the backup cannot be read: {error}",
                            error=exc)) from exc
    finally:
        con.close()
    return _DbFacts(rev[0] if rev else None, [(r[0], r[1] or "", r[2] or 0) for r in rows],
                    signers)


def _readonly_sessions(db_path: Path) -> tuple[Engine, sessionmaker[Session]]:
    engine = create_engine(f"sqlite:///file:{db_path}?mode=ro&uri=true")  # no WAL pragmas
    return engine, make_session_factory(engine)


def _copy_verified(src: Path, dst: Path, sha256: str, cancelled: CancelFn | None) -> int:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    if sha256_file(dst, cancelled) != sha256:
        _check_cancel(cancelled)
        raise BackupError(_("Evidence file {path} does not match its SHA-256; run verify.",
                            path=src))
    os.chmod(dst, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return dst.stat().st_size


def _remove_tree(path: Path) -> None:
    """Delete a partial backup (its evidence copies are read-only)."""
    for p in sorted(path.rglob("*"), reverse=True):
        if p.is_dir():
            p.rmdir()
        else:
            os.chmod(p, stat.S_IWUSR | stat.S_IRUSR)
            p.unlink()
    path.rmdir()


def _snapshot_anchor(snap: Path) -> anchors.Anchor | None:
    engine, factory = _readonly_sessions(snap)
    try:
        with factory() as session:
            return anchors.sign_head(session)
    finally:
        engine.dispose()


def create_backup(paths: AppPaths, actor: Actor, out: Path, progress: ProgressFn | None = None,
                  cancelled: CancelFn | None = None) -> BackupInfo:
    """Write a backup of ``paths`` to the new directory ``out`` (must not exist or be empty)."""
    require(actor, Perm.BACKUP)
    db_path = paths.db_path
    if db_path is None:
        raise BackupError(_("Backup covers the SQLite database; back a server database up with "
                            "its own tools."))
    if not db_path.is_file():
        raise BackupError(_("No database at {path}.", path=db_path))
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise ValidationError({"out": _("The backup folder {path} is not empty.", path=out)})
    out.mkdir(parents=True, exist_ok=True)
    try:
        snap = out / DB_FILENAME
        _snapshot_db(db_path, snap, progress, cancelled)
        facts = _db_facts(snap)
        total = sum(f[2] for f in facts.files) or 1
        done, entries = 0, []
        for sha, ext, size in facts.files:
            _check_cancel(cancelled)
            src = store_path(paths.evidence_dir, sha, ext)
            if not src.is_file():
                raise BackupError(_("Evidence file missing from the store: {path}; run verify.",
                                    path=src))
            rel = store_path(Path("evidence"), sha, ext)
            done += _copy_verified(src, out / rel, sha, cancelled)
            entries.append(ManifestEntry(rel.as_posix(), sha, size))
            _tick(progress, 0.3 + 0.65 * done / total, _("Copying evidence files"))
        created = utcnow()
        db_sha = sha256_file(snap) or ""
        anchor = _snapshot_anchor(snap)
        anchors.remember(anchor, paths.db_url)
        manifest = backup_manifest.build(created, facts.revision, db_sha, str(paths.data_dir),
                                         entries, anchor)
        (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                    encoding="utf-8")
        os.chmod(snap, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    except BaseException:
        _remove_tree(out)
        raise
    _tick(progress, 1.0, _("Done"))
    return BackupInfo(out, created, facts.revision, db_sha, len(entries), done)


def read_manifest(src: Path) -> backup_manifest.Manifest:
    """Load and check a backup's manifest completely; raises BackupError in plain words."""
    return backup_manifest.read(Path(src))


def _target_is_empty(paths: AppPaths) -> bool:
    if paths.db_path is not None and paths.db_path.exists():
        return False
    ev = paths.evidence_dir
    return not (ev.is_dir() and any(p.is_file() for p in ev.rglob("*")))


def _inside(src: Path, path: Path) -> bool:
    """A regular file really inside the backup folder (no symlink leading out)."""
    try:
        return (not path.is_symlink() and path.is_file()
                and path.resolve().is_relative_to(src.resolve()))
    except OSError:
        return False


def _validate(src: Path, m: backup_manifest.Manifest, cancelled: CancelFn | None
              ) -> list[tuple[Path, Path, str, int]]:
    """Everything a restore checks before it writes: returns (source, relative, sha, size)."""
    snap = src / DB_FILENAME
    if not _inside(src, snap) or sha256_file(snap) != m.db_sha256:
        raise BackupError(_("The database file in the backup is missing or damaged."))
    facts = _db_facts(snap)
    if facts.revision != m.schema_revision:
        raise BackupError(_("The backup's manifest does not match its database."))
    if m.signer_key_id not in facts.signers | {workstation_key().key_id}:
        raise BackupError(_("The backup is signed by key {key}, which its own database does not "
                            "know; it was not made by CaseDesk from this data.",
                            key=m.signer_key_id))
    registered = {store_path(Path("evidence"), sha, ext).as_posix(): (sha, size)
                  for sha, ext, size in facts.files}
    listed = {e.path for e in m.entries}
    if missing := sorted(set(registered) - listed):
        raise BackupError(_("The backup's manifest leaves out evidence the database registered: "
                            "{path}", path=missing[0]))
    if extra := sorted(listed - set(registered)):
        raise BackupError(_("The backup's manifest lists a file the database never registered: "
                            "{path}", path=extra[0]))
    plan = []
    for rel, (sha, size) in sorted(registered.items()):
        _check_cancel(cancelled)
        source = src / rel
        if not _inside(src, source):
            raise BackupError(_("Evidence file missing from the backup: {path}", path=rel))
        if sha256_file(source, cancelled) != sha:
            _check_cancel(cancelled)
            raise BackupError(_("Evidence file {path} does not match its SHA-256; run verify.",
                                path=rel))
        plan.append((source, Path(rel), sha, size))
    return plan


def _check_restored_chain(db_path: Path, m: backup_manifest.Manifest) -> None:
    """The restored audit chain: links and signatures, agreement with the data, anchors."""
    engine, factory = _readonly_sessions(db_path)
    try:
        with factory() as session:
            problems = [p.message for p in iter_chain_problems(session) if p.severity == "error"]
            problems += [msg for _w, msg in audit_disagreements(session)]
            rows = session.scalar(select(func.count(AuditEntry.id))) or 0
            found = [a for a in anchor_check.collect(session, AppPaths(db_path.parent, "-"))
                     if a.length <= rows] + ([m.anchor] if m.anchor else [])
            result = anchor_check.check(session, found)
            problems += [f.message for f in result.findings if f.severity == "error"]
    finally:
        engine.dispose()
    if problems:
        raise BackupError(_("The backup's audit log does not verify: {detail}",
                            detail=problems[0]))


def restore_backup(src: Path, paths: AppPaths, actor: Actor, progress: ProgressFn | None = None,
                   cancelled: CancelFn | None = None) -> BackupInfo:
    """Restore the backup at ``src`` into the empty data dir of ``paths``; all-or-nothing."""
    require(actor, Perm.BACKUP)
    src = Path(src)
    m = read_manifest(src)
    if paths.db_path is None:
        raise BackupError(_("Restore needs a SQLite data dir, not a server database."))
    if not _target_is_empty(paths):
        raise ValidationError({"data_dir": _(
            "Restore only goes into an empty data dir; {path} already holds data.",
            path=paths.data_dir)})
    if m.schema_revision is not None and m.schema_revision != head_revision():
        raise BackupError(_("The backup's schema ({rev}) differs from this program's ({head}); "
                            "use the matching CaseDesk version.", rev=m.schema_revision,
                            head=head_revision()))
    plan = _validate(src, m, cancelled)  # nothing has been written yet
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        total = sum(size for *_x, size in plan) or 1
        done = 0
        for source, rel, sha, _size in plan:
            _check_cancel(cancelled)
            target = paths.evidence_dir / rel.relative_to("evidence")
            written.append(target)
            done += _copy_verified(source, target, sha, cancelled)
            _tick(progress, 0.9 * done / total, _("Restoring evidence files"))
        tmp = paths.db_path.with_name(paths.db_path.name + ".restoring")
        written.append(tmp)
        shutil.copyfile(src / DB_FILENAME, tmp)
        os.chmod(tmp, stat.S_IRUSR | stat.S_IWUSR)
        if sha256_file(tmp) != m.db_sha256:
            raise BackupError(_("The database copy is damaged (disk problem?)."))
        _check_restored_chain(tmp, m)
        os.replace(tmp, paths.db_path)
        written.append(paths.db_path)
    except BaseException:
        for p in written:
            if p.exists():
                os.chmod(p, stat.S_IWUSR | stat.S_IRUSR)
                p.unlink()
        raise
    _tick(progress, 1.0, _("Done"))
    return BackupInfo(src, m.created_at, m.schema_revision, m.db_sha256, len(plan), done)


def record_backup(session: Session, actor: Actor, info: BackupInfo, action: str = "backup") -> None:
    """Audit a backup (``action`` 'backup') or a restore ('restore') in the live database."""
    require(actor, Perm.BACKUP)
    audit.record(session, actor, f"admin.{action}", entity_type="data_dir", payload={
        "path": str(info.path), "created_at": info.created_at.isoformat(),
        "evidence_files": info.evidence_files, "db_sha256": info.db_sha256})


def last_backup_at(session: Session) -> datetime | None:
    """When the last backup was taken (from the audit log), for the GUI reminder."""
    return session.scalar(select(AuditEntry.at).where(AuditEntry.action == "admin.backup")
                          .order_by(AuditEntry.id.desc()).limit(1))


def backup_due(session: Session, every_days: int, now: datetime | None = None) -> bool:
    last = last_backup_at(session)
    return last is None or ((now or utcnow()) - last).days >= every_days
