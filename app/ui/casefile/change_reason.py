"""Why a settled case is changed: a solved or closed case is evidence before a court, so every
later edit says why (the reason lands in the attribute history and the PDF's change history)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from app.services.casefile.dto import ChangeNote
from app.ui.widgets.enum_labels import status_label

SETTLED = frozenset({"solved", "closed"})


def ask_reason(parent: QWidget, status: str) -> str | None:
    """The user's reason (None when cancelled or left empty). Tests replace this function."""
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("ChangeReason", "Reason for the change"),
        QCoreApplication.translate("ChangeReason", "This case is {status}. Why is it "
                                                   "changed?").format(status=status_label(status)))
    return text.strip() if ok and text.strip() else None


def ask_change_reason(parent: QWidget, status: str) -> ChangeNote | None:
    """The note for saving a case in ``status``: asks for a reason when the case is settled;
    None when the user cancels (nothing is saved)."""
    if status not in SETTLED:
        return ChangeNote()
    reason = ask_reason(parent, status)
    return ChangeNote(reason=reason) if reason else None
