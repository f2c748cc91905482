"""The time profile read from a clip's burned-in clock (OSD), and every reading behind it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base
from app.models.types import UTCDateTime, utcnow


class OsdProfile(Base):
    """One evidence item's clock profile (replaced when the clock is read again)."""

    __tablename__ = "osd_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_item.id", ondelete="CASCADE"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    found: Mapped[bool] = mapped_column(Boolean, default=False)
    region: Mapped[str] = mapped_column(String(64), default="")  # x,y,w,h of the clock
    region_method: Mapped[str] = mapped_column(String(16), default="")  # auto / drawn
    start_clock: Mapped[str] = mapped_column(String(32), default="")  # camera clock at pts 0
    start_uncertainty_s: Mapped[float | None] = mapped_column(Float)
    drift_s_per_h: Mapped[float | None] = mapped_column(Float)
    real_fps: Mapped[float | None] = mapped_column(Float)
    # the evidence had no start time and this profile's start filled it (method "OSD reading")
    start_filled: Mapped[bool] = mapped_column(Boolean, default=False)
    summary_json: Mapped[str] = mapped_column(Text, default="")  # segments, jumps, notes

    readings: Mapped[list[OsdReading]] = relationship(
        back_populates="profile", cascade="all, delete-orphan", order_by="OsdReading.frame_index")


class OsdReading(Base):
    """One reading of the clock: the frame it was read on and what it said."""

    __tablename__ = "osd_reading"

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("osd_profile.id", ondelete="CASCADE"),
                                            index=True)
    frame_index: Mapped[int] = mapped_column(Integer)
    pts_s: Mapped[float] = mapped_column(Float)
    text: Mapped[str] = mapped_column(String(200), default="")
    clock: Mapped[str] = mapped_column(String(32), default="")  # naive ISO, camera clock
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)  # first frame of its second
    used: Mapped[bool] = mapped_column(Boolean, default=True)

    profile: Mapped[OsdProfile] = relationship(back_populates="readings")
