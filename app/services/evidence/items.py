"""An evidence item as the rest of the program sees it: the DTO with its corrected-time maths,
the row loaders (no permission check: callers check on the case) and the stored file's path."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from app.config import AppPaths
from app.i18n import _
from app.models import Case, EvidenceItem
from app.services.common.context import Actor, Perm, require
from app.services.common.rows import get_or_raise
from app.services.evidence.cameras import CameraDTO, offset_in_force
from app.services.evidence.cameras import to_dto as camera_dto
from app.services.evidence.picture_sizes import decode as decode_sizes
from app.services.evidence.picture_sizes import size_at
from app.services.evidence.segments import Recording, camera_time
from app.services.evidence.segments import decode as decode_recordings
from app.services.evidence.segments import pts_at as recording_pts_at
from app.services.evidence.store import store_path


@dataclass(frozen=True)
class EvidenceDTO:
    id: int
    case_id: int
    sha256: str
    ext: str
    size: int
    media_kind: str
    original_name: str
    original_path: str
    original_mtime: datetime | None
    imported_at: datetime
    imported_by_id: int | None
    camera_id: int | None
    camera_code: str
    camera_name: str
    acquisition: str
    acquisition_note: str
    start_time: datetime | None  # by the camera's own clock
    offset_override_s: float | None
    offset_s: float  # offset in force (0.0 when unknown)
    offset_source: str  # "override" / "measured" / "none"
    codec: str
    width: int | None
    height: int | None
    fps: float | None
    frame_count: int | None
    duration_s: float | None
    filters_json: str
    notes: str
    version: int
    # joined recordings with the camera clock the file writes at each start; () = one
    recordings: tuple[Recording, ...] = ()
    # (first frame, width, height) as shown, when the picture size changes; () = one size
    sizes: tuple[tuple[int, int, int], ...] = ()
    derived_from_id: int | None = None  # the item this readable copy was made from

    def size_at(self, frame: int) -> tuple[int | None, int | None]:
        """(width, height) of ``frame`` as shown."""
        return size_at(self.sizes, frame, self.width, self.height)

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]

    @property
    def camera_label(self) -> str:
        return f"{self.camera_code} {self.camera_name}".strip() or self.original_name

    def wall_time(self, pts_s: float) -> datetime | None:
        """Corrected wall-clock time of a frame at ``pts_s``: camera time from the start of
        its own recording (joined exports) + the clock offset; None without a start time."""
        camera = camera_time(self.start_time, self.recordings, pts_s)
        return camera + timedelta(seconds=self.offset_s) if camera is not None else None

    def pts_at(self, wall: datetime) -> float | None:
        """Inverse of :meth:`wall_time`: the pts (seconds) showing wall time ``wall``; None
        without a start time or where a joined file has no recording then."""
        end = self.duration_s if self.duration_s is not None else float("inf")
        return recording_pts_at(self.start_time, self.recordings,
                                wall - timedelta(seconds=self.offset_s), end)

    @property
    def wall_start(self) -> datetime | None:
        return self.wall_time(0.0)

    @property
    def wall_end(self) -> datetime | None:
        return self.wall_time(self.duration_s or 0.0)


def to_dto(ev: EvidenceItem) -> EvidenceDTO:
    cam: CameraDTO | None = camera_dto(ev.camera) if ev.camera is not None else None
    if ev.offset_override_s is not None:
        offset, source = ev.offset_override_s, "override"
    else:
        measured = offset_in_force(cam.offsets, ev.start_time) if cam else None
        offset, source = (measured.offset_s, "measured") if measured else (0.0, "none")
    return EvidenceDTO(
        id=ev.id, case_id=ev.case_id, sha256=ev.sha256, ext=ev.ext, size=ev.size,
        media_kind=ev.media_kind, original_name=ev.original_name,
        original_path=ev.original_path or "", original_mtime=ev.original_mtime,
        imported_at=ev.imported_at, imported_by_id=ev.imported_by_id, camera_id=ev.camera_id,
        camera_code=cam.code if cam else "", camera_name=cam.name if cam else "",
        acquisition=ev.acquisition, acquisition_note=ev.acquisition_note or "",
        start_time=ev.start_time, offset_override_s=ev.offset_override_s, offset_s=float(offset),
        offset_source=source, codec=ev.codec or "", width=ev.width, height=ev.height, fps=ev.fps,
        frame_count=ev.frame_count, duration_s=ev.duration_s, filters_json=ev.filters_json or "",
        notes=ev.notes or "", version=ev.version,
        recordings=decode_recordings(ev.segments_json), sizes=decode_sizes(ev.sizes_json),
        derived_from_id=ev.derived_from_id,
    )


def evidence_path(paths: AppPaths, ev: EvidenceDTO) -> Path:
    return store_path(paths.evidence_dir, ev.sha256, ev.ext)


def case_of_id(session: Session, case_id: int) -> Case:
    """The case row by id (no permission check: callers check on it)."""
    return get_or_raise(session, Case, case_id, _("Case {id} not found.", id=case_id))


def load_item(session: Session, evidence_id: int) -> EvidenceItem:
    """The evidence row (no permission check: callers check on its case)."""
    return get_or_raise(session, EvidenceItem, evidence_id,
                        _("Evidence item {id} not found.", id=evidence_id))


def get_evidence(session: Session, actor: Actor, evidence_id: int) -> EvidenceDTO:
    ev = load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_VIEW, case_of_id(session, ev.case_id))
    return to_dto(ev)
