"""Recordings whose index was never written (a dashcam cut off by the crash, a killed recorder):
the file as received enters the store as it is, a ``source`` item no player opens, and the
readable copy the program makes of its video (:mod:`app.video.lost_index`) enters as a video item
linked to it. The copy's signed import entry names the source's SHA-256 and the report's, so the
link cannot be dropped or pointed elsewhere unseen, and anyone can make the copy again from the
stored source and compare. A reference recording the settings came from is stored as video
evidence too (it is a complete recording of the same camera).

Like a clip's import, the slow part (:func:`prepare_rescue`: rescue, copy, hash) holds no
transaction and :func:`register_rescue` is one short unit of work; a failure leaves no row and no
new store file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths
from app.i18n import _
from app.models import EvidenceItem
from app.models.db import unit_of_work
from app.models.enums import CustodyAction, EvidenceKind
from app.services.common import coded_text
from app.services.common.context import Actor
from app.services.common.errors import ValidationError
from app.services.evidence.clips import (
    Derived,
    ImportResult,
    PreparedFile,
    check_can_import,
    prepare_import,
    record_or_discard,
    register_import,
)
from app.services.evidence.custody import log_custody
from app.services.evidence.store import (
    STALE_PART_S,
    Cancel,
    ImportCancelled,
    Progress,
    StoredFile,
    copy_into_store,
    discard,
)
from app.video.errors import VideoCancelled, VideoError
from app.video.lost_index import rescue

RESCUE_DIR = "rescued"  # under the data folder: the copies being made (removed once stored)


@dataclass(frozen=True)
class PreparedRescue:
    """A rescued recording, its copy and (when used) its reference, all in the store."""

    source: StoredFile
    source_name: str
    source_path: str
    source_mtime: datetime
    copy: PreparedFile
    reference: PreparedFile | None
    report: str          # the rescue's report (JSON): both hashes, every byte range skipped

    def stored(self) -> list[StoredFile]:
        return [self.source, self.copy.stored, *([self.reference.stored] if self.reference else [])]


def _last_written(folder: Path) -> float:
    """When anything in ``folder`` was last written (now, when it cannot be told)."""
    try:
        return max([folder.stat().st_mtime, *(p.stat().st_mtime for p in folder.iterdir())])
    except OSError:
        return time.time()


def scratch_root(paths: AppPaths) -> Path:
    """Where rescues write their copies before they are stored (on the data disk: a copy can be
    large), rid of what rescues that died (a killed process, a power cut) left there."""
    root = paths.data_dir / RESCUE_DIR
    root.mkdir(exist_ok=True)
    now = time.time()
    for folder in [f for f in root.iterdir() if now - _last_written(f) > STALE_PART_S]:
        shutil.rmtree(folder, ignore_errors=True)   # no rescue runs for hours without writing
    return root


class _Phases:
    """One progress bar over the rescue's steps, weighted by the bytes each reads."""

    def __init__(self, progress: Progress | None, sizes: list[int]) -> None:
        self.progress, self.sizes = progress, sizes

    def step(self, n: int) -> Progress | None:
        if self.progress is None:
            return None
        base, total, size = sum(self.sizes[:n]), sum(self.sizes), self.sizes[n]
        outer = self.progress
        return lambda done, of: outer(base + int(size * done / max(1, of)), total)


def prepare_rescue(paths: AppPaths, src: str | os.PathLike, *,
                   reference: str | os.PathLike | None = None,
                   progress: Progress | None = None, cancel: Cancel | None = None) -> PreparedRescue:
    """Rescue ``src``'s video, then put the copy, ``src`` itself and the reference in the store.
    Raises ``ValidationError`` in plain words."""
    src = Path(src)
    if not src.is_file():
        raise ValidationError({"file": _("{name} does not exist or is not a file.", name=str(src))})
    size = src.stat().st_size
    ref_size = Path(reference).stat().st_size if reference and Path(reference).is_file() else 0
    phases = _Phases(progress, [size, size // 2, size, ref_size])
    made: list[StoredFile] = []
    try:
        with tempfile.TemporaryDirectory(dir=scratch_root(paths)) as work:
            try:
                done = rescue(src, Path(work), reference=Path(reference) if reference else None,
                              progress=phases.step(0), cancel=cancel)
            except VideoCancelled as exc:
                raise ImportCancelled(_("Import of {name} cancelled; nothing was imported.",
                                        name=src.name)) from exc
            except VideoError as exc:   # also "needs a reference": the words say which to choose
                raise ValidationError({"file": _("{name} cannot be rescued: {reason}",
                                                  name=src.name, reason=exc.detail)}) from exc
            copy = prepare_import(paths, Path(work) / done.output, progress=phases.step(1),
                                  cancel=cancel)
            made.append(copy.stored)
        source = copy_into_store(src, paths.evidence_dir, progress=phases.step(2), cancel=cancel)
        made.append(source)
        ref = None
        if reference is not None:
            ref = prepare_import(paths, reference, progress=phases.step(3), cancel=cancel)
            made.append(ref.stored)
        if (source.sha256, copy.stored.sha256, ref.stored.sha256 if ref else None) != (
                done.source_sha256, done.output_sha256, done.reference_sha256):
            raise ValidationError({"file": _("{name} changed while it was being rescued; "
                                             "nothing was imported. Try again.", name=src.name)})
        mtime = datetime.fromtimestamp(src.stat().st_mtime, UTC)
        return PreparedRescue(source, src.name, str(src.resolve()), mtime,
                              replace(copy, original_path=str(src.resolve())), ref,
                              done.report_json())
    except BaseException:
        for stored in made:
            discard(stored)
        raise


def _source_item(session: Session, actor: Actor, case_id: int, prepared: PreparedRescue,
                 fields: dict[str, Any]) -> EvidenceItem:
    """The case's item holding the recording as received (recorded now unless it is there)."""
    sha = prepared.source.sha256
    existing = session.scalars(select(EvidenceItem).where(
        EvidenceItem.case_id == case_id, EvidenceItem.sha256 == sha)).first()
    if existing is not None:
        return existing
    ev = EvidenceItem(
        case_id=case_id, sha256=sha, ext=prepared.source.ext, size=prepared.source.size,
        media_kind=EvidenceKind.SOURCE.value, original_name=prepared.source_name,
        original_path=prepared.source_path, original_mtime=prepared.source_mtime,
        imported_by_id=actor.user_id, camera_id=fields.get("camera_id"),
        acquisition=fields.get("acquisition") or "other",
        acquisition_note=fields.get("acquisition_note") or "", notes=fields.get("notes") or "")
    session.add(ev)
    session.flush()
    log_custody(session, actor, ev, CustodyAction.IMPORT,
                detail=coded_text.encode("imported_source", name=prepared.source_name,
                                         size=prepared.source.size),
                payload={"original_path": prepared.source_path, "kind": ev.media_kind})
    return ev


def register_rescue(session: Session, actor: Actor, case_id: int, prepared: PreparedRescue,
                    **fields: Any) -> ImportResult:
    """Record the source, the reference and the copy (linked to the source); the result is the
    copy's. ``fields`` as :func:`register_import` takes them (they describe the recording)."""
    check_can_import(session, actor, case_id)
    source = _source_item(session, actor, case_id, prepared, fields)
    if prepared.reference is not None:
        own = {k: v for k, v in fields.items() if k not in ("start_time", "offset_override_s")}
        register_import(session, actor, case_id, prepared.reference, **own)
    result = register_import(session, actor, case_id, prepared.copy,
                             derived=Derived(source, prepared.report), **fields)
    if not result.duplicate:
        log_custody(session, actor, source, CustodyAction.DERIVE,
                    detail=coded_text.encode("derived_copy", id=result.evidence.id,
                                             name=result.evidence.original_name),
                    payload={"copy_sha256": result.evidence.sha256})
    return result


def import_rescue(factory: sessionmaker[Session], paths: AppPaths, actor: Actor, case_id: int,
                  src: str | os.PathLike, *, reference: str | os.PathLike | None = None,
                  progress: Progress | None = None, cancel: Cancel | None = None,
                  **fields: Any) -> ImportResult:
    """Prepare + register in one call; a failure leaves neither a row nor a new store file."""
    with unit_of_work(factory) as session:
        check_can_import(session, actor, case_id)
    prepared = prepare_rescue(paths, src, reference=reference, progress=progress, cancel=cancel)
    return record_or_discard(factory, prepared.stored(), lambda session: register_rescue(
        session, actor, case_id, prepared, **fields))
