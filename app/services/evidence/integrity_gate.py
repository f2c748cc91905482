"""Nothing leaves a clip unverified: exports re-hash the stored file first.

A file is hashed once per process and fingerprint (size, mtime, ctime, inode): changing its
bytes changes its ctime, so a later export re-hashes it. A mismatch is logged in the chain of
custody (``verify_failed``) by the caller and refused with :class:`EvidenceAltered`.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from sqlalchemy.orm import Session

from app.i18n import _
from app.services.common import anchors
from app.services.common.errors import ServiceError
from app.services.evidence.store import Cancel, Progress, hash_file

_verified: dict[tuple[str, tuple[int, int, int, int]], str] = {}
_lock = threading.Lock()


class EvidenceAltered(ServiceError):
    """The stored file is missing or no longer matches its registered SHA-256."""


def _fingerprint(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def actual_hash(path: Path, sha256: str, *, progress: Progress | None = None,
                cancel: Cancel | None = None) -> str | None:
    """The file's real SHA-256 (None: missing or unreadable), hashed here — never taken from a
    caller; a match is remembered for the file's current fingerprint."""
    try:
        key = (str(path), _fingerprint(os.stat(path)))
    except OSError:
        return None
    with _lock:
        if _verified.get(key) == sha256:
            return sha256
    try:
        actual = hash_file(path, progress=progress, cancel=cancel)
    except OSError:
        return None
    if actual == sha256:
        with _lock:
            _verified[key] = sha256
    return actual


def check_file(path: Path, sha256: str, name: str, *, progress: Progress | None = None,
               cancel: Cancel | None = None) -> Path:
    """``path`` when its content hashes to ``sha256``; EvidenceAltered otherwise."""
    actual = actual_hash(path, sha256, progress=progress, cancel=cancel)
    if actual is None:
        raise EvidenceAltered(_("Evidence file {name} is missing from the store ({path}). Do "
                                "not use this item.", name=name, path=str(path)))
    if actual != sha256:
        raise EvidenceAltered(_("Evidence file {name} has been altered: SHA-256 is {actual}, "
                                "recorded {expected}. Do not use this item.", name=name,
                                actual=actual[:16], expected=sha256[:16]))
    return path


def forget() -> None:
    """Drop every remembered verification (tests; after a restore)."""
    with _lock:
        _verified.clear()


def anchor_sidecar(session: Session, sidecar: Path) -> None:
    """Add the signed audit head to an export's JSON sidecar (an anchor outside the DB)."""
    anchor = anchors.anchor_now(session)
    if anchor is None:
        return
    try:
        meta = json.loads(Path(sidecar).read_text("utf-8"))
    except (OSError, ValueError):
        meta = {}
    if not isinstance(meta, dict):
        meta = {"value": meta}
    meta["audit_anchor"] = anchor.as_dict()
    Path(sidecar).write_text(json.dumps(meta, ensure_ascii=False, indent=2), "utf-8")
