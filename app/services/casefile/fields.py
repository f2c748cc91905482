"""One declaration per record field, read by everything that lists a record's fields.

A record's input dataclass (``CaseInput``, ``VehicleInput``, ``EventInput``… in :mod:`dto`) declares each field
once, with a :class:`Field` in its metadata::

    colour: str = field(default="", metadata=spec(N_("Colour"), search=True))

and the code that used to restate the field list reads the declaration instead: the DTO built
from the ORM row (:func:`from_row`), the service's update list (:func:`cleaned`), the case's
search text (:func:`search_values`), training export and import (:func:`exported`,
:func:`imported`) and the generic record form of the GUI (``app/ui/casefile/record_specs.py``).
A new field therefore touches the model, the migration, this declaration and the translations.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from app.i18n import _
from app.services.common import code_labels

T = TypeVar("T")

KINDS = ("line", "text", "combo", "check", "int", "float", "datetime", "lines", "multi")
# ``multi`` = links to several other records of the case (ids), kept in association tables:
# the service reads and writes them itself; they are no column (``from_row``, ``cleaned``,
# ``exported`` and ``imported`` skip them).
_DECL = "casedesk.field"
_RECORDS: dict[str, type] = {}  # entity ("person", "vehicle") → its input dataclass
_DECLARED: dict[type, tuple[Field, ...]] = {}


def N_(text: str) -> str:  # noqa: N802 - the gettext name for "mark, translate later"
    """Marks an English label for the translation tools; translated where it is shown."""
    return text


@dataclass(frozen=True)
class Field:
    """What the program needs to know about one field of a record."""

    label: str                  # English msgid (core ``_`` / the Qt translator translate it)
    kind: str = "line"          # one of KINDS: the form widget and the value's shape
    codes: str | None = None    # a combo's table in ``code_labels`` (its choices)
    required: bool = False
    search: bool = False        # part of the case's search text (text kinds)
    export: bool = True         # written to training packages
    scrub: bool = False         # free text anonymised in training packages
    placeholder: str = ""       # English hint in the empty form field
    minimum: float | None = None
    maximum: float | None = None
    form: bool = True           # shown in the record's form
    report: bool = True         # a row of the record's table in the PDF (else: its heading)
    short: str = ""             # English label in the PDF's tables when shorter than ``label``
    name: str = ""              # set by :func:`declared`
    optional: bool = False      # None is a value (unknown), set by :func:`declared`
    default: Any = None         # the input's default, set by :func:`declared`


def spec(label: str, kind: str = "line", **kw: Any) -> dict[str, Field]:
    """The ``metadata`` of a declared dataclass field."""
    if kind not in KINDS:
        raise ValueError(f"unknown field kind {kind!r}")
    return {_DECL: Field(label, kind, **kw)}


def record(entity: str) -> Callable[[type[T]], type[T]]:
    """Class decorator: ``cls`` declares the fields of records of ``entity`` (history entries
    name the entity, see :func:`declared_label`)."""
    def register(cls: type[T]) -> type[T]:
        _RECORDS[entity] = cls
        return cls
    return register


def declared_label(name: str, entity: str | None = None) -> str | None:
    """The English label of field ``name`` of ``entity`` (of any record when None), or None."""
    classes = [_RECORDS[entity]] if entity in _RECORDS else list(_RECORDS.values())
    return next((f.label for cls in classes for f in declared(cls) if f.name == name), None)


def history_label(name: str, entity: str | None = None) -> str:
    """A changed field's name for the reader: the shared table's word, else the declared label
    (a field added to a declaration needs no entry in ``code_labels``)."""
    if name in code_labels.labels("field"):
        return code_labels.label("field", name)
    declared_text = declared_label(name, entity)
    return _(declared_text) if declared_text else name


def declared(cls: type) -> tuple[Field, ...]:
    """The declared fields of a record's input dataclass, in order."""
    if cls not in _DECLARED:
        _DECLARED[cls] = _read_declaration(cls)
    return _DECLARED[cls]


def _read_declaration(cls: type) -> tuple[Field, ...]:
    out = []
    for f in dataclasses.fields(cls):
        if _DECL not in f.metadata:
            continue
        default = None if f.default is dataclasses.MISSING else f.default
        out.append(dataclasses.replace(f.metadata[_DECL], name=f.name, default=default,
                                       optional="None" in str(f.type)))
    return tuple(out)


def names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in declared(cls))


def columns(cls: type) -> tuple[Field, ...]:
    """The declared fields stored as columns of the record's row (all but ``multi`` links)."""
    return tuple(f for f in declared(cls) if f.kind != "multi")


def label(f: Field) -> str:
    """The field's label in the current (core) language."""
    return _(f.label)


def _lines(text: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (text or "").splitlines() if x.strip())


def from_row(cls: type, row: object) -> dict[str, Any]:
    """The declared values of an ORM row as the DTO holds them (text "" for NULL, flags as
    bool, line lists as tuples)."""
    out: dict[str, Any] = {}
    for f in columns(cls):
        value = getattr(row, f.name)
        if f.kind == "check":
            value = bool(value)
        elif f.kind == "lines":
            value = _lines(value)
        elif f.kind in ("line", "text") and not f.optional:
            value = value or ""
        out[f.name] = value
    return out


def cleaned(data: object) -> dict[str, Any]:
    """The column values to store from an input: text stripped, "" → None where None means
    unknown, line lists joined one per line."""
    out: dict[str, Any] = {}
    for f in columns(type(data)):
        value = getattr(data, f.name)
        if f.kind in ("line", "text") and (value is None or isinstance(value, str)):
            value = (value or "").strip()
            value = value or (None if f.optional else "")
        elif f.kind == "lines":
            value = "\n".join(x.strip() for x in value if x and x.strip())
        out[f.name] = value
    return out


def input_of(cls: type, dto: object) -> Any:
    """The form values of an existing record (edit with ``dataclasses.replace``)."""
    return cls(**{name: getattr(dto, name) for name in names(cls)})


def search_values(cls: type, row: object) -> list[tuple[Field, Any]]:
    """The searchable fields of ``row`` with their values (the search text maps codes and flags
    to words)."""
    return [(f, getattr(row, f.name)) for f in declared(cls) if f.search]


def _json(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def exported(cls: type, dto: object, scrub: Callable[[str | None], str | None]) -> dict:
    """A record's exported fields for a training package (free text scrubbed as declared)."""
    out: dict[str, object] = {}
    for f in columns(cls):
        if not f.export:
            continue
        value = getattr(dto, f.name)
        if f.scrub:
            value = [scrub(x) or "" for x in value] if isinstance(value, tuple) else scrub(value)
        out[f.name] = _json(value)
    return out


def imported(cls: type, row: Mapping[str, Any],
             parse_time: Callable[[str | None], datetime | None]) -> dict[str, Any]:
    """Column values from a training package's record (absent fields take their default)."""
    out: dict[str, Any] = {}
    for f in columns(cls):
        if not f.export:
            continue
        value = row[f.name] if f.required else row.get(f.name)
        if f.kind == "datetime":
            value = parse_time(value)
        elif f.kind == "check":
            value = bool(value)
        elif f.kind == "lines":
            value = "\n".join(value or [])
        elif f.kind in ("line", "text") and not f.optional:
            value = value or f.default or ""  # absent: the input's default (a zone, "")
        out[f.name] = value
    return out
