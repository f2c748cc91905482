"""Times typed on the command line."""

from __future__ import annotations

from datetime import datetime

from app.services.common.errors import ValidationError


def parse_time(text: str, field: str, hint: str) -> datetime:
    """An ISO 8601 date or date-time; a ValidationError saying ``hint`` for ``field`` else
    (naive or zoned as typed: the caller decides which clock a naive time is on)."""
    try:
        return datetime.fromisoformat(text)
    except ValueError as exc:
        raise ValidationError({field: hint}) from exc
