"""Pieces every small dialog repeats: the Save/OK + Cancel button row and the red error line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

Button = QDialogButtonBox.StandardButton


def accept_cancel_buttons(dialog: QDialog, on_accept: Callable[[], object],
                          accept: Button = Button.Ok) -> QDialogButtonBox:
    """``accept`` + Cancel buttons: ``accept`` calls ``on_accept``, Cancel rejects ``dialog``."""
    buttons = QDialogButtonBox(accept | Button.Cancel, dialog)
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def error_label(parent: QWidget | None = None) -> QLabel:
    """A hidden, word-wrapping red label named ``error``; ``setText`` + ``show`` reveal it."""
    label = QLabel(parent)
    label.setObjectName("error")
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label
