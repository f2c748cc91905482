"""Backup and restore of a data dir: SQLite online backup + evidence copy + manifest.

A backup is a directory::

    OUT/manifest.json        format, created_at, schema revision, db sha256, every evidence file
    OUT/casedesk.sqlite3     consistent snapshot taken with the SQLite online backup API
    OUT/evidence/ab/ab….mp4  every file the snapshot references, hash-checked while copied

The app may keep running (and writing) while a backup is taken: the evidence list is read from
the snapshot, so files imported after the snapshot are simply not part of it. Restore only goes
into an empty data dir, checks every hash before it trusts anything, and leaves the target empty
again if anything is wrong.
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

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import DB_FILENAME, AppPaths
from app.i18n import _
from app.models import AuditEntry
from app.models.db import head_revision
from app.models.types import utcnow
from app.services.admin.verify import sha256_file
from app.services.common import audit
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import ServiceError, ValidationError
from app.services.evidence.store import store_path

FORMAT = "casedesk-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
ProgressFn = Callable[[float, str], None]
CancelFn = Callable[[], bool]


class BackupError(ServiceError):
    """Backup or restore failed; the message says why in plain words."""


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


def _db_facts(db_path: Path) -> tuple[str | None, list[tuple[str, str, int]]]:
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rev = con.execute("SELECT version_num FROM alembic_version").fetchone()
        rows = con.execute("SELECT DISTINCT sha256, ext, size FROM evidence_item").fetchall()
    except sqlite3.DatabaseError as exc:
        raise BackupError(_("The database in the backup cannot be read: {error}",
                            error=exc)) from exc
    finally:
        con.close()
    return (rev[0] if rev else None), [(r[0], r[1] or "", r[2] or 0) for r in rows]


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


def create_backup(paths: AppPaths, out: Path, progress: ProgressFn | None = None,
                  cancelled: CancelFn | None = None) -> BackupInfo:
    """Write a backup of ``paths`` to the new directory ``out`` (must not exist or be empty)."""
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
        revision, files = _db_facts(snap)
        total = sum(f[2] for f in files) or 1
        done, manifest_files = 0, []
        for sha, ext, size in files:
            _check_cancel(cancelled)
            src = store_path(paths.evidence_dir, sha, ext)
            if not src.is_file():
                raise BackupError(_("Evidence file missing from the store: {path}; run verify.",
                                    path=src))
            rel = store_path(Path("evidence"), sha, ext)
            done += _copy_verified(src, out / rel, sha, cancelled)
            manifest_files.append({"path": rel.as_posix(), "sha256": sha, "size": size})
            _tick(progress, 0.3 + 0.65 * done / total, _("Copying evidence files"))
        created = utcnow()
        db_sha = sha256_file(snap) or ""
        manifest = {"format": FORMAT, "version": FORMAT_VERSION, "created_at": created.isoformat(),
                    "schema_revision": revision, "db_file": DB_FILENAME, "db_sha256": db_sha,
                    "source_data_dir": str(paths.data_dir), "evidence": manifest_files}
        (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                    encoding="utf-8")
        os.chmod(snap, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    except BaseException:
        _remove_tree(out)
        raise
    _tick(progress, 1.0, _("Done"))
    return BackupInfo(out, created, revision, db_sha, len(manifest_files), done)


def read_manifest(src: Path) -> dict:
    """Load and sanity-check a backup's manifest; raises BackupError in plain words."""
    path = Path(src) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BackupError(_("{path} is not a CaseDesk backup (no manifest.json).",
                            path=src)) from exc
    except (OSError, ValueError) as exc:
        raise BackupError(_("The backup's manifest is damaged: {error}", error=exc)) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(_("{path} is not a CaseDesk backup.", path=src))
    if manifest.get("version") != FORMAT_VERSION:
        raise BackupError(_("This backup was made by another CaseDesk version (format {v}).",
                            v=manifest.get("version")))
    return manifest


def _target_is_empty(paths: AppPaths) -> bool:
    if paths.db_path is not None and paths.db_path.exists():
        return False
    ev = paths.evidence_dir
    return not (ev.is_dir() and any(p.is_file() for p in ev.rglob("*")))


def restore_backup(src: Path, paths: AppPaths, progress: ProgressFn | None = None,
                   cancelled: CancelFn | None = None) -> BackupInfo:
    """Restore the backup at ``src`` into the empty data dir of ``paths``; all-or-nothing."""
    src = Path(src)
    manifest = read_manifest(src)
    if paths.db_path is None:
        raise BackupError(_("Restore needs a SQLite data dir, not a server database."))
    if not _target_is_empty(paths):
        raise ValidationError({"data_dir": _(
            "Restore only goes into an empty data dir; {path} already holds data.",
            path=paths.data_dir)})
    revision = manifest.get("schema_revision")
    if revision is not None and revision != head_revision():
        raise BackupError(_("The backup's schema ({rev}) differs from this program's ({head}); "
                            "use the matching CaseDesk version.", rev=revision, head=head_revision()))
    snap = src / manifest.get("db_file", DB_FILENAME)
    if not snap.is_file() or sha256_file(snap) != manifest.get("db_sha256"):
        raise BackupError(_("The database file in the backup is missing or damaged."))
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        entries = manifest.get("evidence", [])
        total = sum(int(e.get("size", 0)) for e in entries) or 1
        done = 0
        for e in entries:
            _check_cancel(cancelled)
            sha, rel = str(e["sha256"]), Path(e["path"])
            if rel.is_absolute() or ".." in rel.parts or rel.parts[:1] != ("evidence",):
                raise BackupError(_("The backup's manifest names a file outside the evidence "
                                    "store: {path}", path=rel))
            source = src / rel
            if not source.is_file():
                raise BackupError(_("Evidence file missing from the backup: {path}", path=rel))
            target = paths.evidence_dir / rel.relative_to("evidence")
            written.append(target)
            done += _copy_verified(source, target, sha, cancelled)
            _tick(progress, 0.9 * done / total, _("Restoring evidence files"))
        tmp = paths.db_path.with_name(paths.db_path.name + ".restoring")
        written.append(tmp)
        shutil.copyfile(snap, tmp)
        os.chmod(tmp, stat.S_IRUSR | stat.S_IWUSR)
        if sha256_file(tmp) != manifest.get("db_sha256"):
            raise BackupError(_("The database copy is damaged (disk problem?)."))
        os.replace(tmp, paths.db_path)
        written.append(paths.db_path)
    except BaseException:
        for p in written:
            if p.exists():
                os.chmod(p, stat.S_IWUSR | stat.S_IRUSR)
                p.unlink()
        raise
    _tick(progress, 1.0, _("Done"))
    return BackupInfo(src, datetime.fromisoformat(manifest["created_at"]), revision,
                      manifest["db_sha256"], len(manifest.get("evidence", [])), done)


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
