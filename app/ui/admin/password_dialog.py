"""Change one's own password (also forced after an administrator's reset)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.models.db import unit_of_work
from app.services.common.context import Actor
from app.services.common.errors import ServiceError, ValidationError
from app.services.org import users
from app.ui.widgets.dialog_parts import accept_cancel_buttons, error_label


class ChangePasswordDialog(QDialog):
    def __init__(self, sessions: sessionmaker[Session], actor: Actor,
                 parent: QWidget | None = None, *, forced: bool = False):
        super().__init__(parent)
        self._sessions = sessions
        self._actor = actor
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        if forced:
            note = QLabel(self.tr("Your password was set by an administrator. Choose your own "
                                  "password before you continue."))
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for name, w in (("old", self.old), ("new", self.new), ("repeat", self.repeat)):
            w.setEchoMode(QLineEdit.EchoMode.Password)
            w.setObjectName(name)
        form.addRow(self.tr("Current password:"), self.old)
        form.addRow(self.tr("New password:"), self.new)
        form.addRow(self.tr("Repeat new password:"), self.repeat)
        layout.addLayout(form)
        hint = QLabel(self.tr("At least {n} characters, mixing letters with digits or symbols.")
                      .format(n=users.MIN_PASSWORD_LEN))
        layout.addWidget(hint)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = accept_cancel_buttons(self, self.save)
        layout.addWidget(buttons)

    def save(self) -> bool:
        if self.new.text() != self.repeat.text():
            return self._fail(self.tr("The two new passwords differ."))
        try:
            with unit_of_work(self._sessions) as session:
                users.change_password(session, self._actor, self.old.text(), self.new.text())
        except ValidationError as exc:
            return self._fail("\n".join(exc.errors.values()))
        except ServiceError as exc:
            return self._fail(str(exc))
        self.accept()
        return True

    def _fail(self, text: str) -> bool:
        self.error.setText(text)
        self.error.show()
        return False
