"""Sane ranges for what users and files may give us: instants, clock offsets, search text.

Checked at the service boundary so a bad value is a plain ValidationError, never NaN stored as
NULL, an OverflowError, or a date that breaks every later report.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime

from app.i18n import _
from app.services.common.errors import ValidationError

EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
MAX_OFFSET_S = 10 * 365 * 86400  # a camera clock more than ten years off is a typo
MAX_SEARCH_CHARS = 200
MAX_SEARCH_TERMS = 12


def check_instant(value: datetime | None, field: str) -> datetime | None:
    """``value`` when it is an aware instant between 1970 and 2100; ValidationError otherwise."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValidationError({field: _("The time needs a time zone.")})
    try:
        ok = EARLIEST <= value.astimezone(UTC) < LATEST
    except (OverflowError, ValueError):
        ok = False
    if not ok:
        raise ValidationError({field: _("The time {value} is outside the years 1970 to 2099.",
                                        value=value.isoformat())})
    return value


def check_offset(value: float | None, field: str) -> float | None:
    """A clock offset in seconds: finite and within ten years."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        number = math.nan
    if not math.isfinite(number) or abs(number) > MAX_OFFSET_S:
        raise ValidationError({field: _("The clock offset must be a number of seconds "
                                        "(within ten years).")})
    return number


def search_terms(text: str | None) -> list[str]:
    """The words of a search, bounded (a 120 KB paste searches for its first words)."""
    words = (text or "").strip().lower()[:MAX_SEARCH_CHARS].split()
    return words[:MAX_SEARCH_TERMS]


MAX_LONG_TEXT = 1_000_000  # a narrative or a note; longer is a paste gone wrong


def text_errors(obj: object, limits: dict[str, int]) -> dict[str, str]:
    """{field: message} for every text field of ``obj`` longer than its limit."""
    errors = {}
    for field, most in limits.items():
        value = getattr(obj, field, None)
        if isinstance(value, str) and len(value) > most:
            errors[field] = _("At most {n} characters here ({got} given).", n=most,
                              got=len(value))
    return errors
