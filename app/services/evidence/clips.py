"""Evidence items: import into the store, duplicates by hash, chain of custody, verification,
and the corrected wall-clock time of a frame.

Import is split so the GUI can run the slow part off its thread without holding a DB
transaction: :func:`prepare_import` (probe + copy + hash, no DB) then :func:`register_import`
(one short unit of work). :func:`import_clip` runs both (CLI, demo).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths
from app.i18n import _
from app.models import Case, EvidenceItem
from app.models.db import unit_of_work
from app.models.enums import Acquisition, CustodyAction
from app.services.common import audit, coded_text
from app.services.common.clock import DEFAULT_TZ, stamp_from_name
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import ConflictError, PermissionDenied, ValidationError
from app.services.common.limits import check_instant, check_offset
from app.services.common.rows import flush_or_conflict
from app.services.evidence import picture_sizes, segments
from app.services.evidence.custody import log_custody
from app.services.evidence.items import EvidenceDTO, case_of_id, load_item, to_dto
from app.services.evidence.store import (
    Cancel,
    Progress,
    StoredFile,
    copy_into_store,
    discard,
)
from app.services.evidence.wall_times import refresh_wall_times

T = TypeVar("T")


@dataclass(frozen=True)
class PreparedFile:
    """A file copied into the store and probed, not yet recorded in the DB."""

    stored: StoredFile
    original_name: str
    original_path: str
    original_mtime: datetime | None
    info: object  # app.video.VideoInfo


@dataclass(frozen=True)
class Derived:
    """What a readable copy was made from: the stored item and the report of how (JSON)."""

    source: EvidenceItem
    report: str

    def logged(self) -> dict[str, str]:
        """What the copy's signed import entry says of its origin."""
        return {"derived_from": self.source.sha256,
                "derivation_sha256": hashlib.sha256(self.report.encode()).hexdigest()}


@dataclass(frozen=True)
class ImportResult:
    evidence: EvidenceDTO
    duplicate: bool  # the same file was already evidence of this case; nothing new recorded


def check_can_import(session: Session, actor: Actor, case_id: int) -> None:
    require(actor, Perm.EVIDENCE_IMPORT, case_of_id(session, case_id))


def prepare_import(paths: AppPaths, src: str | os.PathLike, *, progress: Progress | None = None,
                   cancel: Cancel | None = None) -> PreparedFile:
    """Probe ``src`` (refusing unsupported/corrupt files) then copy it into the store."""
    from app.video import VideoError, probe  # the engine is heavy; import on use
    from app.video.formats import has_video_extension

    src = Path(src)
    if not src.is_file():
        raise ValidationError({"file": _("{name} does not exist or is not a file.", name=str(src))})
    if not has_video_extension(src):
        raise ValidationError({"file": _("{name} is not a supported video file.", name=src.name)})
    try:
        info = probe(src, index_dir=paths.cache_dir / "index")
    except VideoError as exc:
        raise ValidationError({"file": _("{name} cannot be imported: {reason}", name=src.name,
                                          reason=exc.detail)}) from exc
    if not getattr(info, "frame_count", 0):
        raise ValidationError({"file": _("{name} contains no decodable video frames.", name=src.name)})
    stored = copy_into_store(src, paths.evidence_dir, progress=progress, cancel=cancel)
    mtime = datetime.fromtimestamp(src.stat().st_mtime, UTC)
    return PreparedFile(stored, src.name, str(src.resolve()), mtime, info)


def register_import(session: Session, actor: Actor, case_id: int, prepared: PreparedFile, *,
                    camera_id: int | None = None, acquisition: str = Acquisition.OTHER.value,
                    acquisition_note: str = "", start_time: datetime | None = None,
                    offset_override_s: float | None = None, notes: str = "",
                    derived: Derived | None = None) -> ImportResult:
    """Record a prepared file as evidence of a case (or return the existing item); ``derived``:
    the file is a readable copy the program made of another item (its signed import entry
    names that item's file and the report of how)."""
    case = case_of_id(session, case_id)
    require(actor, Perm.EVIDENCE_IMPORT, case)
    if acquisition not in {a.value for a in Acquisition}:
        raise ValidationError({"acquisition": _("Unknown way of obtaining: {value}.", value=acquisition)})
    check_instant(start_time, "start_time")
    offset_override_s = check_offset(offset_override_s, "offset_override_s")
    sha = prepared.stored.sha256
    existing = session.scalars(select(EvidenceItem).where(
        EvidenceItem.case_id == case_id, EvidenceItem.sha256 == sha)).first()
    if existing is not None:
        return ImportResult(to_dto(existing), duplicate=True)
    info = prepared.info
    recordings = segments.from_info(info, case.tz)
    shown, runs = picture_sizes.shown_runs(info)
    start = (start_time or stamp_from_name(prepared.original_name, case.tz)
             or (recordings[0].clock if recordings else None)
             or getattr(info, "start_time", None))
    ev = EvidenceItem(
        case_id=case_id, sha256=sha, ext=prepared.stored.ext, size=prepared.stored.size,
        media_kind="video", original_name=prepared.original_name,
        original_path=prepared.original_path, original_mtime=prepared.original_mtime,
        imported_by_id=actor.user_id, camera_id=camera_id, acquisition=acquisition,
        acquisition_note=acquisition_note, start_time=start, offset_override_s=offset_override_s,
        segments_json=segments.encode(recordings), sizes_json=picture_sizes.encode(runs),
        codec=getattr(info, "codec", "") or "", width=shown[0] or None,
        height=shown[1] or None, fps=getattr(info, "fps", None),
        frame_count=getattr(info, "frame_count", None), duration_s=getattr(info, "duration", None),
        notes=notes, derived_from_id=derived.source.id if derived else None,
        derivation_json=derived.report if derived else "",
    )
    session.add(ev)
    session.flush()

    detail = coded_text.encode("imported", name=prepared.original_name, size=prepared.stored.size)
    if derived is not None:
        detail = coded_text.encode("imported_derived", name=prepared.original_name,
                                   size=prepared.stored.size, source_id=derived.source.id,
                                   source=derived.source.original_name,
                                   source_sha=derived.source.sha256[:16])
    log_custody(session, actor, ev, CustodyAction.IMPORT, detail=detail,
                payload={"original_path": prepared.original_path, "camera_id": camera_id,
                         "acquisition": acquisition, **(derived.logged() if derived else {})})
    session.refresh(ev)
    return ImportResult(to_dto(ev), duplicate=False)


def record_or_discard(factory: sessionmaker[Session], stored: list[StoredFile],
                      record: Callable[[Session], T]) -> T:
    """Record files already copied into the store in one unit of work; when that fails, the
    store files this import created go again (an import that dies leaves nothing trusted)."""
    try:
        with unit_of_work(factory) as session:
            return record(session)
    except BaseException:
        for file in stored:
            discard(file)
        raise


def import_clip(factory: sessionmaker[Session], paths: AppPaths, actor: Actor, case_id: int,
                src: str | os.PathLike, *, progress: Progress | None = None,
                cancel: Cancel | None = None, **fields: Any) -> ImportResult:
    """Prepare + register in one call; a failure leaves neither a row nor a new store file."""
    with unit_of_work(factory) as session:
        check_can_import(session, actor, case_id)
    prepared = prepare_import(paths, src, progress=progress, cancel=cancel)
    return record_or_discard(factory, [prepared.stored], lambda session: register_import(
        session, actor, case_id, prepared, **fields))


def list_evidence(session: Session, actor: Actor, case_id: int) -> list[EvidenceDTO]:
    require(actor, Perm.EVIDENCE_VIEW, case_of_id(session, case_id))
    rows = session.scalars(select(EvidenceItem).where(EvidenceItem.case_id == case_id)
                           .order_by(EvidenceItem.id)).all()
    items = [to_dto(e) for e in rows]
    far = datetime.max.replace(tzinfo=UTC)
    return sorted(items, key=lambda e: (e.wall_start or far, e.id))  # corrected time order


@dataclass(frozen=True)
class CaseChoice:
    id: int
    case_no: str
    title: str
    evidence_count: int
    tz: str = DEFAULT_TZ  # the case's zone: the bench shows its CCTV times on this clock


def review_cases(session: Session, actor: Actor) -> list[CaseChoice]:
    """Cases for the review bench's chooser: those with evidence first, then by number."""
    require(actor, Perm.CASE_READ)
    counts = dict(session.execute(select(EvidenceItem.case_id, func.count(EvidenceItem.id))
                                  .group_by(EvidenceItem.case_id)).all())
    out = []
    for case in session.scalars(select(Case)).all():
        try:
            require(actor, Perm.EVIDENCE_VIEW, case)  # e.g. trainers see closed cases only
        except PermissionDenied:
            continue
        out.append(CaseChoice(case.id, case.case_no, case.title, counts.get(case.id, 0),
                              case.tz))
    return sorted(out, key=lambda c: (c.evidence_count == 0, c.case_no))


def update_evidence(session: Session, actor: Actor, evidence_id: int, expected_version: int, *,
                    camera_id: Any = ..., start_time: Any = ..., offset_override_s: Any = ...,
                    acquisition: Any = ..., acquisition_note: Any = ...,
                    notes: Any = ...) -> EvidenceDTO:
    """Change the descriptive fields (never the file). ``...`` = leave unchanged."""
    ev = load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_IMPORT, case_of_id(session, ev.case_id))
    if ev.version != expected_version:
        raise ConflictError(_("Someone else changed this evidence item; reload it."), "evidence",
                            evidence_id)
    if isinstance(start_time, datetime):
        check_instant(start_time, "start_time")
    if offset_override_s is not ...:
        offset_override_s = check_offset(offset_override_s, "offset_override_s")
    changes = {}
    for name, value in (("camera_id", camera_id), ("start_time", start_time),
                        ("offset_override_s", offset_override_s), ("acquisition", acquisition),
                        ("acquisition_note", acquisition_note), ("notes", notes)):
        if value is not ... and getattr(ev, name) != value:
            changes[name] = [str(getattr(ev, name)), str(value)]
            setattr(ev, name, value)
    if not changes:
        return to_dto(ev)
    flush_or_conflict(session, _("Someone else changed this evidence item; reload it."),
                      "evidence", evidence_id)
    audit.record(session, actor, "evidence.update", entity_type="evidence", entity_id=ev.id,
                 case_id=ev.case_id, payload={"changes": changes})
    session.refresh(ev)
    refresh_wall_times(session, evidence_id=ev.id)
    return to_dto(ev)


def save_filters(session: Session, actor: Actor, evidence_id: int, filters_json: str) -> EvidenceDTO:
    """Remember the enhancement last used on a clip (non-destructive; the file is untouched)."""
    ev = load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_VIEW, case_of_id(session, ev.case_id))
    if (ev.filters_json or "") != filters_json:
        ev.filters_json = filters_json
        session.flush()
        audit.record(session, actor, "evidence.filters", entity_type="evidence", entity_id=ev.id,
                     case_id=ev.case_id, payload={"filters": filters_json})
    return to_dto(ev)


def with_offset(ev: EvidenceDTO, offset_s: float) -> EvidenceDTO:
    """A copy of ``ev`` with another offset (for "what if" previews in the UI)."""
    return replace(ev, offset_s=offset_s, offset_source="override")
