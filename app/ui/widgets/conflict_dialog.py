"""Someone else saved first: show mine vs theirs, let the user overwrite, discard or go back."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import ConflictError


class ConflictChoice(Enum):
    OVERWRITE = "overwrite"   # save my values over theirs
    RELOAD = "reload"         # discard mine, load theirs
    CANCEL = "cancel"         # keep editing


class ConflictDialog(QDialog):
    """Field | my value | their value, differing rows highlighted."""

    def __init__(self, exc: ConflictError, field_label: Callable[[str], str] = str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.choice = ConflictChoice.CANCEL
        layout = QVBoxLayout(self)
        message = QLabel(str(exc), self)
        message.setWordWrap(True)
        layout.addWidget(message)
        names = [k for k in dict.fromkeys([*exc.mine, *exc.theirs]) if k != "version"]
        table = QTableWidget(len(names), 3, self)
        table.setObjectName("conflict_table")
        table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Mine"), self.tr("Theirs")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, name in enumerate(names):
            mine, theirs = exc.mine.get(name), exc.theirs.get(name)
            cells = (field_label(name), "" if mine is None else str(mine),
                     "" if theirs is None else str(theirs))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if name in exc.theirs and mine != theirs:
                    item.setBackground(QBrush(QColor("#fef3c7")))
                table.setItem(row, col, item)
        if not names:
            table.hide()
        layout.addWidget(table)
        buttons = QDialogButtonBox(self)
        overwrite = QPushButton(self.tr("Overwrite with mine"), self)
        reload_ = QPushButton(self.tr("Discard mine and reload"), self)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(overwrite, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(reload_, QDialogButtonBox.ButtonRole.DestructiveRole)
        overwrite.clicked.connect(lambda: self._done(ConflictChoice.OVERWRITE))
        reload_.clicked.connect(lambda: self._done(ConflictChoice.RELOAD))
        cancel.clicked.connect(lambda: self._done(ConflictChoice.CANCEL))
        layout.addWidget(buttons)
        self.resize(640, 360)

    def _done(self, choice: ConflictChoice) -> None:
        self.choice = choice
        self.accept() if choice is not ConflictChoice.CANCEL else self.reject()


def ask_conflict(exc: ConflictError, field_label: Callable[[str], str] = str,
                 parent: QWidget | None = None) -> ConflictChoice:
    dialog = ConflictDialog(exc, field_label, parent)
    dialog.exec()
    return dialog.choice
