"""The managed evidence store: ``<evidence_dir>/<sha256[:2]>/<sha256>.<ext>``.

A file enters the store by being copied to a temporary name in the store (same file system),
hashed with SHA-256 *while* it is copied, fsync'd, made read-only and atomically renamed to its
content address. A cancelled or failed copy removes its temporary file: nothing half-written is
ever found under a content address. Qt-free and DB-free (the caller records the row).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import socket
import stat
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.i18n import _
from app.services.common.errors import ServiceError

CHUNK = 1 << 20
TMP_DIR = ".incoming"
STALE_PART_S = 6 * 3600
_HOST = socket.gethostname().replace("-", "_")[:40] or "host"
_PART_NAME = re.compile(r"^(?P<host>.+)-(?P<pid>\d{1,10})-[0-9a-f]+$")
QUARANTINE_DIR = ".quarantine"  # files found at a content address they do not hash to

Progress = Callable[[int, int], None]  # (bytes done, bytes total)
Cancel = Callable[[], bool]


class StoreError(ServiceError):
    """Copying into the store failed; nothing was left behind."""


class ImportCancelled(ServiceError):
    """The user cancelled; nothing was left behind."""


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    ext: str
    size: int
    path: Path
    created: bool  # False when the same content was already in the store


def normalise_ext(name: str | os.PathLike) -> str:
    return Path(name).suffix.lower().lstrip(".")[:16]


def store_path(evidence_dir: Path, sha256: str, ext: str) -> Path:
    """Content address of a file in the store."""
    name = f"{sha256}.{ext}" if ext else sha256
    return Path(evidence_dir) / sha256[:2] / name


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _plain_os_error(exc: OSError, src: Path) -> StoreError:
    if exc.errno == errno.ENOSPC:
        return StoreError(_("Disk full while importing {name}; nothing was imported.", name=src.name))
    return StoreError(_("Could not copy {name} into the evidence store: {reason}",
                        name=src.name, reason=exc.strerror or str(exc)))


def copy_into_store(src: str | os.PathLike, evidence_dir: Path, *, progress: Progress | None = None,
                    cancel: Cancel | None = None, chunk: int = CHUNK) -> StoredFile:
    """Copy ``src`` into the store, hashing while copying. Returns where it landed.

    Raises ImportCancelled / StoreError; either way no temporary file remains.
    """
    src = Path(src)
    evidence_dir = Path(evidence_dir)
    tmp_dir = evidence_dir / TMP_DIR
    tmp_dir.mkdir(parents=True, exist_ok=True)
    tmp = tmp_dir / f"{_HOST}-{os.getpid()}-{uuid.uuid4().hex}.part"
    ext = normalise_ext(src)
    digest = hashlib.sha256()
    try:
        total = src.stat().st_size
        done = 0
        with open(src, "rb") as fin, open(tmp, "xb") as fout:
            while True:
                if cancel is not None and cancel():
                    raise ImportCancelled(_("Import of {name} cancelled; nothing was imported.",
                                            name=src.name))
                block = fin.read(chunk)
                if not block:
                    break
                digest.update(block)
                fout.write(block)
                done += len(block)
                if progress is not None:
                    progress(done, total)
            fout.flush()
            os.fsync(fout.fileno())
        sha = digest.hexdigest()
        target = store_path(evidence_dir, sha, ext)
        if target.exists():
            if _holds(target, sha):  # adopt only what re-hashes to its address
                tmp.unlink()
                return StoredFile(sha, ext, done, target, created=False)
            _quarantine(target, evidence_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
        return StoredFile(sha, ext, done, target, created=True)
    except OSError as exc:
        raise _plain_os_error(exc, src) from exc
    finally:
        if tmp.exists():
            try:
                tmp.unlink()
            except OSError:
                pass


def _holds(path: Path, sha256: str) -> bool:
    """True when the file at ``path`` really has content ``sha256`` (re-hashed, not trusted)."""
    try:
        return path.is_file() and not path.is_symlink() and hash_file(path) == sha256
    except OSError:
        return False


def _quarantine(path: Path, evidence_dir: Path) -> Path:
    """Move a file that does not match its content address out of the way (kept, not deleted)."""
    qdir = evidence_dir / QUARANTINE_DIR
    qdir.mkdir(parents=True, exist_ok=True)
    dest = qdir / f"{path.name}.{uuid.uuid4().hex[:8]}"
    os.replace(path, dest)
    return dest


def discard(stored: StoredFile) -> None:
    """Remove a file this import created (used when recording it in the DB failed)."""
    if not stored.created:
        return
    try:
        os.chmod(stored.path, stat.S_IWUSR | stat.S_IRUSR)
        stored.path.unlink()
    except OSError:
        pass


def hash_file(path: Path, *, progress: Progress | None = None, cancel: Cancel | None = None,
              chunk: int = CHUNK) -> str:
    """SHA-256 of a file (for verification on open)."""
    digest = hashlib.sha256()
    total = Path(path).stat().st_size
    done = 0
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            if cancel is not None and cancel():
                raise ImportCancelled(_("Verification cancelled."))
            digest.update(block)
            done += len(block)
            if progress is not None:
                progress(done, total)
    return digest.hexdigest()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # pragma: no mutate - another signal number would signal for real
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _abandoned(part: Path, now: float) -> bool:
    """A ``.part`` file no live import is writing: this host's dead process, or stale."""
    m = _PART_NAME.match(part.stem)
    if m is None:
        return True  # no owner recorded (older versions): nothing can be writing it now
    if m["host"] == _HOST:
        return int(m["pid"]) == os.getpid() or not _pid_alive(int(m["pid"]))
    try:
        return now - part.stat().st_mtime > STALE_PART_S  # another workstation's, long dead
    except OSError:
        return False


def clean_incoming(evidence_dir: Path) -> int:
    """Remove temporary files left by imports that died mid-copy (run at start); how many.

    In squad mode the store is shared: another workstation's running import is left alone.
    """
    tmp_dir = Path(evidence_dir) / TMP_DIR
    if not tmp_dir.is_dir():
        return 0
    removed = 0
    now = time.time()
    for p in tmp_dir.glob("*.part"):
        if not _abandoned(p, now):
            continue
        try:
            p.unlink()
            removed += 1
        except OSError:
            pass
    return removed
