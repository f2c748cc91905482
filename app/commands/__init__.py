"""casedesk-cli subcommands, one module per topic (discovered by app.cli)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.services.common.errors import NotFoundError


def id_by_key(session: Session, model: type[Any], key_column: InstrumentedAttribute[str],
              key: str, message: str) -> int:
    """The id of the ``model`` row whose ``key_column`` equals ``key`` (a number may also be
    the id itself); ``NotFoundError(message)`` when there is none."""
    key = key.strip()
    clauses = [key_column == key] + ([model.id == int(key)] if key.isdigit() else [])
    found = session.scalar(select(model.id).where(or_(*clauses)))
    if found is None:
        raise NotFoundError(message)
    return int(found)
