"""Typed values out of Qt editors (PySide6's stubs type ``QDateTime.toPython()`` as object)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QDateTimeEdit


def picked_time(edit: QDateTimeEdit) -> datetime:
    """The editor's date and time as a Python datetime (naive unless the editor has a zone)."""
    value = edit.dateTime().toPython()
    if not isinstance(value, datetime):
        raise TypeError(f"QDateTime.toPython() gave {type(value).__name__}")
    return value
