"""The rows of a record's table in the PDF, read from the record's field declaration.

Each declared field with ``report`` set gives one row (its ``short`` label, else its label;
codes as words, times in the case's zone); a section passes ``shown`` for the fields it prints
its own way (two fields in one row: a mapping to None drops a field that another row shows).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from app.i18n import _
from app.reports.labels import fmt_dt, label
from app.services.casefile import fields

Row = tuple[str, object]


def field_label(f: fields.Field) -> str:
    """A declared field's label in the PDF's tables (current core language)."""
    return _(f.short or f.label)


def value_text(f: fields.Field, value: object, tz: str | None) -> object:
    """A declared field's value as the PDF prints it."""
    if f.codes is not None:
        return label(f.codes, value if isinstance(value, str) else None)
    if f.kind == "datetime":
        return fmt_dt(value if isinstance(value, datetime) else None, tz)
    if f.kind == "check":
        return _("Yes") if value else _("No")
    if f.kind == "lines" and isinstance(value, tuple):
        return "、".join(value)
    return value


def record_rows(cls: type, record: Any, tz: str | None,
                shown: Mapping[str, Callable[[Any], Row] | None] | None = None) -> list[Row]:
    """``[(label, value)]`` of ``record``'s declared fields (see the module docstring)."""
    rows: list[Row] = []
    for f in fields.declared(cls):
        if not f.report:
            continue
        if shown is not None and f.name in shown:
            show = shown[f.name]
            if show is not None:
                rows.append(show(record))
            continue
        rows.append((field_label(f), value_text(f, getattr(record, f.name), tz)))
    return rows
