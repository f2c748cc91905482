"""Build a slow test artefact once and share it between pytest-xdist workers.

``build_once(folder, build)`` runs ``build(folder)`` under an exclusive file lock unless a
previous build left its ``.complete`` marker; every other worker waits for the lock and reuses
the result. A build that raised leaves no marker, so the next caller starts afresh.

``run_dir(tmp_path_factory)`` is a folder shared by all workers of *this* test run (artefacts
that must follow the code under test: the wheel, its venv). Artefacts that only depend on
their inputs live in the per-machine media cache (:func:`tests.media.media_dir`) under a key
that hashes those inputs.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path

try:  # POSIX; on Windows workers simply build side by side
    import fcntl
except ImportError:  # pragma: no cover - not used in CI
    fcntl = None  # type: ignore[assignment]

MARKER = ".complete"


@contextmanager
def _locked(lock: Path):
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a+") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)


def build_once(folder: Path, build: Callable[[Path], None]) -> Path:
    """``folder`` after ``build(folder)`` ran to completion once (in any worker)."""
    if (folder / MARKER).exists():
        return folder
    with _locked(folder.with_name(folder.name + ".lock")):
        if not (folder / MARKER).exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            build(folder)
            (folder / MARKER).touch()
    return folder


def run_dir(tmp_path_factory) -> Path:
    """A folder shared by every xdist worker of this run (the run's base temp without xdist)."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if base.name.startswith("popen-gw") else base
    return shared / "shared"


def tree_digest(root: Path, patterns: Iterable[str], skip: Iterable[str] = ()) -> str:
    """A short hash over the names and contents of the files matching ``patterns``."""
    digest = hashlib.sha256()
    skipped = tuple(skip)
    for pattern in patterns:
        for path in sorted(root.glob(pattern)):
            rel = path.relative_to(root).as_posix()
            if path.is_file() and "__pycache__" not in rel and not rel.startswith(skipped):
                digest.update(rel.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
