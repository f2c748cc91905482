"""Optimistic locking shared by every editable record: version checks and lost-race conflicts.

A row's ``version`` moves on at each save; a caller that edited an older version gets a
``ConflictError`` carrying both sides' values (mine / theirs) for the merge dialog.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import Protocol

from sqlalchemy import Engine, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import object_session
from sqlalchemy.orm.exc import StaleDataError

from app.i18n import _
from app.services.common.errors import ConflictError


def entity_label(entity: str) -> str:
    labels = {"case": _("case"), "person": _("person"), "vehicle": _("vehicle"),
              "inquiry": _("line of inquiry"), "meeting": _("meeting"), "event": _("event"),
              "squad": _("squad"), "officer": _("officer")}
    return labels.get(entity, entity)


def as_text(value: object) -> str | None:
    """How a value is written into the history (None stays None)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return "\n".join(str(v) for v in value)
    return str(value)


def snapshot(obj: object, fields: Iterable[str]) -> dict[str, object]:
    return {f: getattr(obj, f) for f in fields}


class Row(Protocol):
    """An editable ORM row: an id and a version that moves on at each save."""

    @property
    def id(self) -> int: ...

    @property
    def version(self) -> int: ...


def check_version(obj: Row, expected_version: int | None, entity: str,
                  mine: Mapping[str, object]) -> None:
    """ConflictError (with both sides) when the row moved on since the caller loaded it."""
    if expected_version is None or obj.version == expected_version:
        return
    raise ConflictError(
        _("This {entity} was changed by someone else meanwhile (now version {theirs}, you edited "
          "version {mine}). Nothing was saved; reload, compare and save again.",
          entity=entity_label(entity), theirs=obj.version, mine=expected_version),
        entity, obj.id, mine={k: as_text(v) for k, v in mine.items()},
        theirs={k: as_text(getattr(obj, k, None)) for k in mine} | {"version": str(obj.version)},
    )


@contextmanager
def conflict_guard(entity: str, entity_id: int | None, mine: Mapping[str, object] | None = None,
                   *, obj: object | None = None) -> Iterator[None]:
    """Turn SQLAlchemy's StaleDataError (lost race at flush) into ConflictError.

    With ``obj`` the error carries the saved values too ("theirs"), read on a separate connection.
    """
    try:
        yield
    except StaleDataError as exc:
        mine = mine or {}
        raise ConflictError(
            _("This {entity} was changed by someone else meanwhile. Nothing was saved; reload, "
              "compare and save again.", entity=entity_label(entity)),
            entity, entity_id or 0, mine={k: as_text(v) for k, v in mine.items()},
            theirs=_saved_values(obj, entity_id, mine),
        ) from exc


def _saved_values(obj: object | None, entity_id: int | None,
                  fields: Mapping[str, object]) -> dict[str, str | None]:
    session = object_session(obj) if obj is not None else None
    if session is None or entity_id is None:
        return {}
    table = inspect(type(obj)).local_table
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    try:
        with engine.connect() as conn:  # a separate connection: the saved row
            row = conn.execute(select(table).where(table.c.id == entity_id)).mappings().first()
    except SQLAlchemyError:
        return {}
    if row is None:
        return {}
    return {k: as_text(row[k]) for k in (*fields, "version") if k in row}
