"""A date-range bound editor for filters: its lowest date, shown as "no limit", means none."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

NO_LIMIT = QDate(1900, 1, 1)


def date_limit_edit(parent: QWidget, no_limit_text: str) -> QDateEdit:
    """A calendar date editor that starts at "no limit" (shown as ``no_limit_text``)."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_LIMIT)
    edit.setSpecialValueText(no_limit_text)
    edit.setDate(NO_LIMIT)
    return edit


def date_limit(edit: QDateEdit) -> date | None:
    """The chosen day, or None for "no limit"."""
    d = edit.date()
    return None if d == edit.minimumDate() else date(d.year(), d.month(), d.day())
