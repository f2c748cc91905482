"""The investigation around the CCTV: which cameras a case canvasses (and how far each got), the
case's georeferenced plan image, search and canvass tasks, evidence-request letters, and the
descriptive record of non-video evidence (photo, document, statement, trace, audio)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped, Versioned
from app.models.types import UTCDateTime, utcnow


class CaseCamera(Versioned, Timestamped, Base):
    """A camera on a case's canvass list with its coverage status (enums.CoverageStatus)."""

    __tablename__ = "case_camera"
    __table_args__ = (UniqueConstraint("case_id", "camera_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    camera_id: Mapped[int] = mapped_column(ForeignKey("camera.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(24), default="to_ask")
    status_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")


class CaseMap(Versioned, Timestamped, Base):
    """The plan or aerial image pinned to a case, placed by two points [[px, py, lat, lon], ...]
    (WGS-84). Kept in the database so backups and other workstations have it."""

    __tablename__ = "case_map"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"),
                                         unique=True)
    image: Mapped[bytes] = mapped_column(LargeBinary)
    image_name: Mapped[str] = mapped_column(String(255), default="")
    points_json: Mapped[str] = mapped_column(Text)


class SearchTask(Versioned, Timestamped, Base):
    """A grid search of an area or a canvass of an address, assigned to an officer.

    ``area_json`` is a WGS-84 polygon ``[[lat, lon], ...]``; ``trigger_event_id`` is the inference
    that led to the task, ``found_event_id`` the timeline event recording what it found.
    """

    __tablename__ = "search_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))            # enums.TaskKind
    title: Mapped[str] = mapped_column(String(200))
    area_json: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), default="planned")  # enums.TaskStatus
    result: Mapped[str] = mapped_column(Text, default="")
    inquiry_id: Mapped[int | None] = mapped_column(ForeignKey("inquiry.id", ondelete="SET NULL"))
    trigger_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("timeline_event.id", ondelete="SET NULL"))
    found_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("timeline_event.id", ondelete="SET NULL"))
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


class EvidenceRequest(Base):
    """调取证据通知书: a letter asking a camera's owner for footage, logged when handed over."""

    __tablename__ = "evidence_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    camera_id: Mapped[int] = mapped_column(ForeignKey("camera.id", ondelete="CASCADE"))
    doc_no: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    pdf_sha256: Mapped[str] = mapped_column(String(64), default="")
    handed_over_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    handed_to: Mapped[str] = mapped_column(String(64), default="")


class EvidenceDetail(Base):
    """What a non-video evidence item says beyond its file: when and where it was taken or
    given (EXIF for photos), who gave it and who took it (statements), what it shows."""

    __tablename__ = "evidence_detail"

    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_item.id", ondelete="CASCADE"), primary_key=True)
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    place: Mapped[str] = mapped_column(String(200), default="")
    person: Mapped[str] = mapped_column(String(64), default="")   # the witness / who gave it
    officer: Mapped[str] = mapped_column(String(64), default="")  # who took it / interviewed
    description: Mapped[str] = mapped_column(Text, default="")    # what it shows
    text: Mapped[str] = mapped_column(Text, default="")           # a statement's words
