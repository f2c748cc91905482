"""Derived, cached media data of evidence files: frame index dir, activity scans, thumbnails.

All of it is recomputable from the stored file, so it lives under ``paths.cache_dir`` keyed by
the file's SHA-256, never in the DB. Slow functions here are for worker threads.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.config import AppPaths

if TYPE_CHECKING:  # the engine loads on first use
    from app.video import ActivityResult

ACTIVITY_DIR = "activity"
INDEX_DIR = "index"


def index_dir(paths: AppPaths) -> Path:
    d = paths.cache_dir / INDEX_DIR
    d.mkdir(parents=True, exist_ok=True)
    return d


def activity_path(paths: AppPaths, sha256: str) -> Path:
    return paths.cache_dir / ACTIVITY_DIR / f"{sha256}.json"


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def cached_activity(paths: AppPaths, sha256: str) -> ActivityResult | None:
    """The cached ActivityResult of a file, or None (not scanned yet / unreadable cache)."""
    from app.video import ActivityResult

    p = activity_path(paths, sha256)
    if not p.is_file():
        return None
    try:
        return ActivityResult.from_json(json.loads(p.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def scan_and_cache(paths: AppPaths, sha256: str, file: Path, *,
                   progress: Callable[[int, int], None] | None = None,
                   cancel: Callable[[], bool] | None = None,
                   workers: int = 2) -> ActivityResult:
    """Run (or reuse) the engine's activity scan of a stored file; cached as JSON."""
    found = cached_activity(paths, sha256)
    if found is not None:
        return found
    from app.video import scan_activity

    result = scan_activity(file, workers=workers, progress=progress, cancel=cancel)
    data = result.to_json()
    _atomic_write(activity_path(paths, sha256), data if isinstance(data, str) else json.dumps(data))
    return result
