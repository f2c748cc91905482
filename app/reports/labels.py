"""Formatting for reports: code labels (from ``app.services.common.code_labels``), dates, gaps."""

from __future__ import annotations

from datetime import datetime

from app.services.common.clock import format_local
from app.services.common.code_labels import label, labels, unrecorded

__all__ = ["fmt_dt", "label", "labels", "text_or_unrecorded", "unrecorded"]


def text_or_unrecorded(value: object) -> str:
    if value is None:
        return unrecorded()
    text = str(value).strip()
    return text if text else unrecorded()


def fmt_dt(value: datetime | None, tz: str | None = None, seconds: bool = False) -> str:
    """Local wall-clock time in the case's zone, or "Not recorded"."""
    if value is None:
        return unrecorded()
    return format_local(value, tz, "%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
