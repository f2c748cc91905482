"""Stored activity scans of evidence clips (what was looked at, with which ROI and settings)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.types import UTCDateTime, utcnow


class EvidenceScan(Base):
    """One scan of one evidence clip: ROI and parameters as JSON, the full result as JSON
    (segments, per-second scores, decoded vs only-triaged stretches). Newest row wins."""

    __tablename__ = "evidence_scan"

    id: Mapped[int] = mapped_column(primary_key=True)
    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_item.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(16))        # triage / full
    roi_json: Mapped[str] = mapped_column(Text, default="")
    params_json: Mapped[str] = mapped_column(Text, default="")
    result_json: Mapped[str] = mapped_column(Text)
    segments: Mapped[int] = mapped_column(Integer, default=0)
    frames_decoded: Mapped[int] = mapped_column(Integer, default=0)
    wall_s: Mapped[float] = mapped_column(Float, default=0.0)
    scanned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    scanned_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
