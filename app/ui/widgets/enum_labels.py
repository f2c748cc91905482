"""Display names for domain codes in the views (the DB stores codes; the UI shows words).

The words come from the one Qt-free table, ``app/services/common/code_labels.py``, looked up
through the Qt translator (context ``CodeLabels``; ``tools/update_translations.py`` collects that
module's words into the GUI catalogue). ``status_label("solved")`` → "已破案" under zh_CN;
unknown codes come back unchanged, ``None`` as "".
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from app.i18n import language
from app.models.enums import (
    Acquisition,
    CaseStatus,
    EventKind,
    InquiryStatus,
    PersonRole,
    VehicleKind,
    VehicleRole,
)
from app.services.casefile import fields as record_fields
from app.services.common import code_labels
from app.services.common.clock import format_local

# The views' group names → the table's kinds, and the codes a form may offer for each.
_GROUPS: dict[str, tuple[str, type[StrEnum] | None]] = {
    "statuses": ("status", CaseStatus), "person_roles": ("person_role", PersonRole),
    "vehicle_kinds": ("vehicle_kind", VehicleKind), "vehicle_roles": ("vehicle_role", VehicleRole),
    "inquiry_statuses": ("inquiry_status", InquiryStatus), "event_kinds": ("event_kind", EventKind),
    "acquisitions": ("acquisition", Acquisition), "fields": ("field", None),
    "entities": ("entity", None),
}

_cache: dict[tuple[str, str], dict[str, str]] = {}


def _translate(text: str) -> str:
    return QCoreApplication.translate("CodeLabels", text)


def _table(kind: str) -> dict[str, str]:
    """One kind's words through the Qt translator, cached per UI language (many rows ask)."""
    key = (language(), kind)
    if key not in _cache:
        _cache[key] = code_labels.table(kind, _translate)
    return _cache[key]


def clear_cache() -> None:
    """Forget cached names (call after installing or removing translators)."""
    _cache.clear()


def label(kind: str, code: str | None) -> str:
    """The word for ``code`` in table ``kind`` of ``code_labels`` ("" for None)."""
    if code is None:
        return ""
    return _table(kind).get(code, code)


def status_label(code: str) -> str:
    return label("status", code)


def person_role_label(code: str) -> str:
    return label("person_role", code)


def vehicle_kind_label(code: str) -> str:
    return label("vehicle_kind", code)


def vehicle_role_label(code: str) -> str:
    return label("vehicle_role", code)


def inquiry_status_label(code: str) -> str:
    return label("inquiry_status", code)


def event_kind_label(code: str) -> str:
    return label("event_kind", code)


def field_label(name: str) -> str:
    """A field's name: the shared table's word, else its declared record label."""
    if name in _table("field"):
        return label("field", name)
    declared = record_fields.declared_label(name)
    return QCoreApplication.translate("RecordFields", declared) if declared else name


def entity_label(name: str) -> str:
    return label("entity", name)


def choices(group: str) -> list[tuple[str, str]]:
    """(code, label) pairs of a group, for combo boxes: statuses, person_roles, ..."""
    return table_choices(_GROUPS[group][0])


def table_choices(kind: str) -> list[tuple[str, str]]:
    """(code, label) pairs of table ``kind`` of ``code_labels`` (only the codes the schema
    knows, where an enum says which)."""
    codes = next((c for k, c in _GROUPS.values() if k == kind), None)
    allowed = {c.value for c in codes} if codes is not None else None
    return [(code, text) for code, text in _table(kind).items()
            if allowed is None or code in allowed]


def local_time(value: datetime | None, tz: str | None = None,
               fmt: str = "%Y-%m-%d %H:%M") -> str:
    """An aware datetime shown in the case's zone ("" for None); see ``clock.format_local``."""
    return format_local(value, tz, fmt)
