"""The zone the review bench shows and takes CCTV wall times in: the open case's own ``tz``.

One :class:`ShownZone` belongs to the bench; its widgets, controllers and dialogs hold it and
read it when they draw, and the bench sets it when a case is opened (no zone is fixed at import).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QTimeZone

from app.services.common.clock import zone


def fmt_wall(dt: datetime | None, tz: ZoneInfo) -> str:
    """``2023-11-28 06:01:58.040``: a corrected wall time on the clock of ``tz``; "—" for None."""
    if dt is None:
        return "—"
    local = dt.astimezone(tz)
    return local.strftime("%Y-%m-%d %H:%M:%S.") + f"{local.microsecond // 1000:03d}"


class ShownZone:
    """The open case's zone as ``ZoneInfo`` (Python) and ``QTimeZone`` (date-time edits)."""

    def __init__(self, tz: str | None = None):
        self.set(tz)

    def set(self, tz: str | None) -> None:
        """Show times in ``tz`` (an IANA name; unknown or empty = the default zone)."""
        self.zone = zone(tz)
        self.name = self.zone.key
        self.qtz = QTimeZone(self.name.encode())

    def fmt(self, dt: datetime | None) -> str:
        return fmt_wall(dt, self.zone)

    def local(self, dt: datetime) -> datetime:
        return dt.astimezone(self.zone)

    def aware(self, dt: datetime) -> datetime:
        """A datetime from a QDateTimeEdit (naive = wall clock in this zone) made aware."""
        return dt.replace(tzinfo=self.zone) if dt.tzinfo is None else dt

    def from_edit(self, value: QDateTime) -> datetime:
        """A QDateTimeEdit's value (naive = wall clock in this zone) as an aware datetime."""
        dt = value.toPython()  # typed ``object`` in the stubs
        assert isinstance(dt, datetime)
        return self.aware(dt)

    def qdatetime(self, dt: datetime) -> QDateTime:
        """An aware datetime for a QDateTimeEdit showing this zone (whole seconds)."""
        return QDateTime.fromSecsSinceEpoch(int(dt.timestamp()), self.qtz)

    def now(self) -> QDateTime:
        return QDateTime.currentDateTime(self.qtz)
