"""Times typed on the command line."""

from __future__ import annotations

from datetime import datetime

from app.commands.context import CliContext
from app.i18n import _
from app.services.common.errors import ValidationError


def parse_time(text: str, field: str, hint: str) -> datetime:
    """An ISO 8601 date or date-time; a ValidationError saying ``hint`` for ``field`` else
    (naive or zoned as typed: the caller decides which clock a naive time is on)."""
    try:
        return datetime.fromisoformat(text)
    except ValueError as exc:
        raise ValidationError({field: hint}) from exc


def squad_time(ctx: CliContext, text: str | None, field: str) -> datetime | None:
    """A typed date or date-time (None when not given); one without a zone is read on the
    squad's clock (``CliContext.localize``)."""
    if not text:
        return None
    return ctx.localize(parse_time(text, field, _("Write the time as 2023-11-28 or "
                                                  "2023-11-28T09:40:00.")))
