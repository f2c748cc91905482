"""CCTV evidence: cameras and their clock offsets, evidence items, custody log, observations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Timestamped, Versioned
from app.models.types import UTCDateTime, utcnow


class Camera(Versioned, Timestamped, Base):
    """A camera in the registry, shared across cases."""

    __tablename__ = "camera"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # 编号, e.g. SF-TQ-003
    name: Mapped[str] = mapped_column(String(100))               # 天桥街与建设路口
    owner_kind: Mapped[str] = mapped_column(String(24), default="other")  # enums.OwnerKind
    owner_unit: Mapped[str] = mapped_column(String(100), default="")      # 石峰区城管局
    address: Mapped[str] = mapped_column(String(200), default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    facing: Mapped[str] = mapped_column(String(64), default="")  # 朝北 / 北向南
    facing_deg: Mapped[float | None] = mapped_column(Float)  # compass bearing, 0 = north
    fov_deg: Mapped[float | None] = mapped_column(Float)     # horizontal field of view
    view_m: Mapped[float | None] = mapped_column(Float)      # useful viewing distance (metres)
    retention_days: Mapped[int | None] = mapped_column(Integer)  # DVR overwrites after N days
    contact_name: Mapped[str] = mapped_column(String(64), default="")
    contact_phone: Mapped[str] = mapped_column(String(32), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    offsets: Mapped[list[CameraClockOffset]] = relationship(
        back_populates="camera", cascade="all, delete-orphan", order_by="CameraClockOffset.measured_at"
    )


class CameraClockOffset(Base):
    """A measured clock error: true time = camera clock + offset_s. Offsets drift; keep all."""

    __tablename__ = "camera_clock_offset"

    id: Mapped[int] = mapped_column(primary_key=True)
    camera_id: Mapped[int] = mapped_column(ForeignKey("camera.id", ondelete="CASCADE"), index=True)
    offset_s: Mapped[float] = mapped_column(Float)
    measured_at: Mapped[datetime] = mapped_column(UTCDateTime)
    method: Mapped[str] = mapped_column(Text, default="")  # DVR 时钟与标准时间同框拍照
    measured_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    note: Mapped[str] = mapped_column(Text, default="")

    camera: Mapped[Camera] = relationship(back_populates="offsets")


class EvidenceItem(Versioned, Timestamped, Base):
    """A file in the managed evidence store: <data>/evidence/<sha256[:2]>/<sha256>.<ext>."""

    __tablename__ = "evidence_item"
    __table_args__ = (UniqueConstraint("case_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="RESTRICT"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    ext: Mapped[str] = mapped_column(String(16))
    size: Mapped[int] = mapped_column(BigInteger)
    media_kind: Mapped[str] = mapped_column(String(16), default="video")  # enums.EvidenceKind
    original_name: Mapped[str] = mapped_column(String(255))
    original_path: Mapped[str] = mapped_column(Text, default="")
    original_mtime: Mapped[datetime | None] = mapped_column(UTCDateTime)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    camera_id: Mapped[int | None] = mapped_column(ForeignKey("camera.id", ondelete="SET NULL"))
    acquisition: Mapped[str] = mapped_column(String(24), default="other")  # enums.Acquisition
    acquisition_note: Mapped[str] = mapped_column(Text, default="")
    # Start of the file by the camera's own clock (what the DVR stamps); corrected wall time of a
    # frame = start_time + pts + clock offset in force (offset_override_s wins when set).
    start_time: Mapped[datetime | None] = mapped_column(UTCDateTime)
    offset_override_s: Mapped[float | None] = mapped_column(Float)
    # Joined exports (a DVR's consecutive recordings in one file): each recording's first frame
    # and start by the camera clock as the file writes it, JSON (services.evidence.segments);
    # "" = one recording, timed from start_time alone.
    segments_json: Mapped[str] = mapped_column(Text, default="")
    # Pictures of more than one size (a change of the camera's settings mid-export): the first
    # frame, width and height of each run, JSON (services.evidence.picture_sizes); "" = one size
    sizes_json: Mapped[str] = mapped_column(Text, default="")
    codec: Mapped[str] = mapped_column(String(32), default="")
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    fps: Mapped[float | None] = mapped_column(Float)
    frame_count: Mapped[int | None] = mapped_column(Integer)
    duration_s: Mapped[float | None] = mapped_column(Float)
    filters_json: Mapped[str] = mapped_column(Text, default="")  # saved enhancement per clip
    notes: Mapped[str] = mapped_column(Text, default="")
    # A readable copy made by the program from another item (a recording whose index was never
    # written, kept as a "source" item): that item, and the report of how (JSON, both hashes);
    # the signed import entry names both, so neither can be changed unseen.
    derived_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("evidence_item.id", ondelete="RESTRICT"), index=True)
    derivation_json: Mapped[str] = mapped_column(Text, default="")

    camera: Mapped[Camera | None] = relationship()


class CustodyEvent(Base):
    """Chain of custody: every import, view, export and verification of an evidence item."""

    __tablename__ = "custody_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence_item.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    action: Mapped[str] = mapped_column(String(24))  # enums.CustodyAction
    detail: Mapped[str] = mapped_column(Text, default="")


class Observation(Versioned, Timestamped, Base):
    """A mark on one frame of one evidence file, with an optional ROI and links."""

    __tablename__ = "observation"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence_item.id", ondelete="RESTRICT"), index=True)
    frame_index: Mapped[int] = mapped_column(Integer)
    pts_s: Mapped[float] = mapped_column(Float)
    wall_time: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)  # corrected
    roi_x: Mapped[int | None] = mapped_column(Integer)
    roi_y: Mapped[int | None] = mapped_column(Integer)
    roi_w: Mapped[int | None] = mapped_column(Integer)
    roi_h: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(String(200), default="")  # comma separated codes
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicle.id", ondelete="SET NULL"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    inquiry_id: Mapped[int | None] = mapped_column(ForeignKey("inquiry.id", ondelete="SET NULL"))
    filters_json: Mapped[str] = mapped_column(Text, default="")  # enhancement as seen
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    evidence: Mapped[EvidenceItem] = relationship()
