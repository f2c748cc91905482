"""Evidence that is not CCTV video: scene photos (EXIF time and position), documents, witness
statements (words, interviewing officer, time, place), physical traces (a photo of the trace
and what it is) and audio. Each file enters the read-only store with its SHA-256 and an import
custody event, exactly like a clip; its descriptive record is an ``EvidenceDetail`` row.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths
from app.i18n import _
from app.models import EvidenceDetail, EvidenceItem
from app.models.db import unit_of_work
from app.models.enums import Acquisition, CustodyAction, EvidenceKind
from app.services.common import audit
from app.services.common.clock import DEFAULT_TZ
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import ValidationError
from app.services.evidence.clips import ImportResult, check_can_import, record_or_discard
from app.services.evidence.custody import log_custody
from app.services.evidence.exif import read_photo
from app.services.evidence.items import EvidenceDTO, case_of_id, load_item, to_dto
from app.services.evidence.store import copy_into_store

IMAGE_EXTS = frozenset({"jpg", "jpeg", "png", "tif", "tiff", "bmp", "webp"})
TEXT_EXTS = frozenset({"txt", "md"})
EXTS: dict[str, frozenset[str]] = {
    EvidenceKind.PHOTO.value: IMAGE_EXTS,
    EvidenceKind.DOCUMENT.value: IMAGE_EXTS | TEXT_EXTS | {"pdf", "doc", "docx", "odt", "xls",
                                                           "xlsx", "rtf"},
    EvidenceKind.STATEMENT.value: IMAGE_EXTS | TEXT_EXTS | {"pdf", "doc", "docx", "odt", "rtf"},
    EvidenceKind.TRACE.value: IMAGE_EXTS | {"pdf"},
    EvidenceKind.AUDIO.value: frozenset({"wav", "mp3", "m4a", "aac", "amr", "ogg", "flac", "wma"}),
}
KINDS = tuple(EXTS)
# listed with them: a recording kept as received that cannot be played (its readable copy of the
# video is a clip), see services.evidence.rescued; it enters the store only by a rescue
LISTED = (*KINDS, EvidenceKind.SOURCE.value)


@dataclass(frozen=True)
class DetailInput:
    """What the officer says about the item; empty fields are filled from the file when it can
    tell (a photo's EXIF time and position, a statement's text file)."""

    taken_at: datetime | None = None
    lat: float | None = None
    lon: float | None = None
    place: str = ""
    person: str = ""
    officer: str = ""
    description: str = ""
    text: str = ""


@dataclass(frozen=True)
class AttachmentDTO:
    evidence: EvidenceDTO
    kind: str
    detail: DetailInput = field(default_factory=DetailInput)
    copies: tuple[int, ...] = ()  # a source: the evidence ids of the readable copies made of it

    @property
    def when(self) -> datetime:
        return self.detail.taken_at or self.evidence.imported_at


def _read_text(path: Path) -> str:
    raw = path.read_bytes()[:1 << 20]
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc).strip()
        except UnicodeDecodeError:
            continue
    return ""


def _probe(src: Path, kind: str, ext: str, tz: str, data: DetailInput) -> tuple[DetailInput, dict]:
    """Check the file is what it claims and fill what it tells; ``ValidationError`` if not."""
    extra: dict = {}
    if ext in IMAGE_EXTS:
        try:
            facts = read_photo(src, tz)
        except (OSError, ValueError, SyntaxError) as exc:
            raise ValidationError({"file": _("{name} is not a readable image.", name=src.name)}) \
                from exc
        extra = {"width": facts.width, "height": facts.height}
        data = DetailInput(data.taken_at or facts.taken_at,
                           data.lat if data.lat is not None else facts.lat,
                           data.lon if data.lon is not None else facts.lon,
                           data.place, data.person, data.officer, data.description, data.text)
    elif kind == EvidenceKind.AUDIO.value:
        import av  # heavy; import on use

        try:
            with av.open(str(src)) as container:
                if not container.streams.audio:
                    raise ValidationError({"file": _("{name} contains no audio.", name=src.name)})
                extra = {"duration_s": (container.duration or 0) / 1_000_000 or None}
        except av.FFmpegError as exc:
            raise ValidationError({"file": _("{name} is not a readable audio file.",
                                             name=src.name)}) from exc
    elif ext in TEXT_EXTS and not data.text:
        data = DetailInput(data.taken_at, data.lat, data.lon, data.place, data.person,
                           data.officer, data.description, _read_text(src))
    return data, extra


def _check(src: Path, kind: str, data: DetailInput) -> str:
    if kind not in EXTS:
        raise ValidationError({"kind": _("Unknown evidence kind: {kind}.", kind=kind)})
    if not src.is_file():
        raise ValidationError({"file": _("{name} does not exist or is not a file.", name=str(src))})
    if src.stat().st_size == 0:
        raise ValidationError({"file": _("{name} is empty.", name=src.name)})
    ext = src.suffix.lower().lstrip(".")
    if ext not in EXTS[kind]:
        raise ValidationError({"file": _("{name} is not a supported file for this kind of "
                                          "evidence ({exts}).", name=src.name,
                                          exts=", ".join(sorted(EXTS[kind])))})
    if data.taken_at is not None and data.taken_at.tzinfo is None:
        raise ValidationError({"taken_at": _("The start time needs a time zone.")})
    if (data.lat is None) != (data.lon is None):
        raise ValidationError({"lat": _("Give both latitude and longitude, or neither.")})
    return ext


def attach_file(factory: sessionmaker[Session], paths: AppPaths, actor: Actor, case_id: int,
                src: str | os.PathLike, kind: str, data: DetailInput | None = None, *,
                acquisition: str = Acquisition.OTHER.value, notes: str = "") -> ImportResult:
    """Check, copy (hash while copying) and record a non-video file as evidence of a case."""
    src, data = Path(src), data or DetailInput()
    ext = _check(src, kind, data)
    with unit_of_work(factory) as session:
        check_can_import(session, actor, case_id)
        tz = case_of_id(session, case_id).tz or DEFAULT_TZ
    data, extra = _probe(src, kind, ext, tz, data)
    stored = copy_into_store(src, paths.evidence_dir)

    def record(session: Session) -> ImportResult:
        existing = session.scalars(select(EvidenceItem).where(
            EvidenceItem.case_id == case_id, EvidenceItem.sha256 == stored.sha256)).first()
        if existing is not None:
            return ImportResult(to_dto(existing), duplicate=True)
        ev = EvidenceItem(
            case_id=case_id, sha256=stored.sha256, ext=stored.ext, size=stored.size,
            media_kind=kind, original_name=src.name, original_path=str(src.resolve()),
            original_mtime=datetime.fromtimestamp(src.stat().st_mtime, UTC),
            imported_by_id=actor.user_id, acquisition=acquisition, notes=notes,
            start_time=data.taken_at, width=extra.get("width"), height=extra.get("height"),
            duration_s=extra.get("duration_s"))
        session.add(ev)
        session.flush()
        session.add(EvidenceDetail(evidence_id=ev.id, **_detail_values(data)))
        log_custody(session, actor, ev, CustodyAction.IMPORT,
                    detail=_("Imported {name} ({size} bytes)", name=src.name, size=stored.size),
                    payload={"original_path": str(src.resolve()), "kind": kind})
        session.refresh(ev)
        return ImportResult(to_dto(ev), duplicate=False)

    return record_or_discard(factory, [stored], record)


def _detail_values(data: DetailInput) -> dict:
    return {"taken_at": data.taken_at, "lat": data.lat, "lon": data.lon,
            "place": data.place.strip(), "person": data.person.strip(),
            "officer": data.officer.strip(), "description": data.description.strip(),
            "text": data.text.strip()}


def _detail(row: EvidenceDetail | None) -> DetailInput:
    if row is None:
        return DetailInput()
    return DetailInput(row.taken_at, row.lat, row.lon, row.place or "", row.person or "",
                       row.officer or "", row.description or "", row.text or "")


def list_attachments(session: Session, actor: Actor, case_id: int) -> list[AttachmentDTO]:
    """The case's non-video evidence with its details, in the order it was taken or given."""
    require(actor, Perm.EVIDENCE_VIEW, case_of_id(session, case_id))
    rows = session.execute(
        select(EvidenceItem, EvidenceDetail)
        .outerjoin(EvidenceDetail, EvidenceDetail.evidence_id == EvidenceItem.id)
        .where(EvidenceItem.case_id == case_id, EvidenceItem.media_kind.in_(LISTED))
        .order_by(EvidenceItem.id)).all()
    copies: dict[int, list[int]] = {}
    for copy in session.scalars(
            select(EvidenceItem)
            .where(EvidenceItem.case_id == case_id, EvidenceItem.derived_from_id.is_not(None))
            .order_by(EvidenceItem.id)):
        copies.setdefault(copy.derived_from_id or 0, []).append(copy.id)
    out = [AttachmentDTO(to_dto(ev), ev.media_kind, _detail(d), tuple(copies.get(ev.id, ())))
           for ev, d in rows]
    return sorted(out, key=lambda a: (a.when, a.evidence.id))


def update_detail(session: Session, actor: Actor, evidence_id: int, data: DetailInput) -> None:
    """Correct what is said about an item (never its file)."""
    ev = load_item(session, evidence_id)
    require(actor, Perm.EVIDENCE_IMPORT, case_of_id(session, ev.case_id))
    if ev.media_kind not in LISTED:
        raise ValidationError({"kind": _("Only non-video evidence has these details.")})
    row = session.get(EvidenceDetail, evidence_id) or EvidenceDetail(evidence_id=evidence_id)
    session.add(row)
    values = _detail_values(data)
    changes = {k: [str(getattr(row, k)), str(v)] for k, v in values.items() if getattr(row, k) != v}
    for k, v in values.items():
        setattr(row, k, v)
    session.flush()
    if changes:
        audit.record(session, actor, "evidence.detail", entity_type="evidence", entity_id=ev.id,
                     case_id=ev.case_id, payload={"changes": changes})
