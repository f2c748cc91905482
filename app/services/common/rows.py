"""One row by primary key or a plain-words NotFoundError; a flush or a plain-words ConflictError.

A case together with its permission check is ``app.services.search.load_case``; the conflict
with both sides' values for the case-file records is ``app.services.history.conflict_guard``.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.services.common.errors import ConflictError, NotFoundError

_Row = TypeVar("_Row")


def get_or_raise(session: Session, model: type[_Row], ident: int, message: str,
                 **get_options: Any) -> _Row:
    """``session.get(model, ident, **get_options)``; ``NotFoundError(message)`` when missing."""
    row = session.get(model, ident, **get_options)
    if row is None:
        raise NotFoundError(message)
    return row


def flush_or_conflict(session: Session, message: str, entity: str, entity_id: int) -> None:
    """Flush; a lost optimistic-locking race (``StaleDataError``) becomes ``ConflictError``."""
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError(message, entity, entity_id) from exc
