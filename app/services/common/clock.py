"""Wall time: the case's zone, corrected camera time and camera-clock stamps in file names.

Corrected wall time = file start by the camera clock + pts + the camera's clock offset in force.
Times are stored aware (UTC) and shown in the case's zone (``DEFAULT_TZ`` until a case or squad
says otherwise).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TZ = "Asia/Shanghai"
_STAMP = re.compile(r"(20\d{2})[-_]?([01]\d)[-_]?([0-3]\d)[-_T ]?([0-2]\d)[-_:]?([0-5]\d)[-_:]?([0-5]\d)")


def wall_time(start: datetime | None, pts_s: float, offset_s: float) -> datetime | None:
    if start is None:
        return None
    return start + timedelta(seconds=float(pts_s) + float(offset_s))


def stamp_from_name(name: str, tz: str = DEFAULT_TZ) -> datetime | None:
    """Camera-clock start time from a DVR-style file name (``..._20231128055500...``)."""
    m = _STAMP.search(name)
    if not m:
        return None
    year, month, day, hour, minute, second = (int(g) for g in m.groups())
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=zone(tz))
    except ValueError:
        return None


def known_zone(name: str) -> bool:
    """Whether ``name`` is an IANA time zone this machine knows (e.g. ``Asia/Urumqi``)."""
    if not name or name != name.strip():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone(tz: str | None) -> ZoneInfo:
    """The case's zone; ``DEFAULT_TZ`` when none is recorded or the name is unknown."""
    try:
        return ZoneInfo(tz or DEFAULT_TZ)
    except (KeyError, ValueError):
        return ZoneInfo(DEFAULT_TZ)


def format_local(value: datetime | None, tz: str | None = None,
                 fmt: str = "%Y-%m-%d %H:%M") -> str:
    """The one local-time formatter: an aware datetime as wall-clock time in the case's zone
    ``tz`` (``DEFAULT_TZ`` when None); "" for None."""
    if value is None:
        return ""
    return value.astimezone(zone(tz)).strftime(fmt)
