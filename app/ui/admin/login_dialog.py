"""Sign-in at start, first-run administrator creation and the forced password change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
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
from app.services.org import login, users
from app.ui.admin.password_dialog import ChangePasswordDialog
from app.ui.widgets.dialog_parts import accept_cancel_buttons, error_label


class LoginDialog(QDialog):
    """User name + password; a refusal shows the service's generic message and stays open."""

    def __init__(self, sessions: sessionmaker[Session], username: str = "", password: str = "",
                 parent: QWidget | None = None, *, locked_user: str | None = None,
                 idle: bool = True):
        super().__init__(parent)
        self._sessions = sessions
        self.actor: Actor | None = None
        self.must_change_password = False
        self.setWindowTitle(self.tr("CaseDesk · Sign in") if locked_user is None
                            else self.tr("CaseDesk · Locked"))
        self.setMinimumWidth(360)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Sign in with your CaseDesk account.") if locked_user is None
                       else self.tr("The workstation was locked after a period of inactivity. "
                                    "Enter your password to continue.") if idle
                       else self.tr("The workstation is locked. Enter your password to "
                                    "continue."))
        self.intro = intro
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit(locked_user or username)
        self.username.setObjectName("username")
        self.username.setReadOnly(locked_user is not None)
        self.password = QLineEdit(password)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = accept_cancel_buttons(self, self.try_login)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Sign in") if locked_user is None else self.tr("Unlock"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Quit") if locked_user is None else self.tr("Sign out"))
        layout.addWidget(buttons)
        (self.password if self.username.text() else self.username).setFocus()

    def try_login(self) -> bool:
        """Check the credentials (the failed attempt is counted even when refused)."""
        try:
            with unit_of_work(self._sessions) as session:
                outcome = login.authenticate(session, self.username.text(), self.password.text())
        except ServiceError as exc:
            outcome = login.LoginOutcome(None, str(exc))
        if outcome.actor is None:
            self.error.setText(outcome.error)
            self.error.show()
            self.password.clear()
            self.password.setFocus()
            return False
        self.actor = outcome.actor
        self.must_change_password = outcome.must_change_password
        self.accept()
        return True


class FirstAdminDialog(QDialog):
    """First run: no administrator exists yet, so create one."""

    def __init__(self, sessions: sessionmaker[Session], parent: QWidget | None = None):
        super().__init__(parent)
        self._sessions = sessions
        self.created: users.UserDTO | None = None
        self.setWindowTitle(self.tr("CaseDesk · First start"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("No administrator account exists yet. Create it now; the "
                               "administrator then adds the officers, reviewers and trainers."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for w in (self.password, self.repeat):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Name:"), self.display_name)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat password:"), self.repeat)
        layout.addLayout(form)
        hint = QLabel(self.tr("At least {n} characters, mixing letters with digits or symbols.")
                      .format(n=users.MIN_PASSWORD_LEN))
        hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(hint)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = accept_cancel_buttons(self, self.create_admin)
        layout.addWidget(buttons)

    def create_admin(self) -> bool:
        if self.password.text() != self.repeat.text():
            self._show(self.tr("The two passwords differ."))
            return False
        try:
            with unit_of_work(self._sessions) as session:
                self.created = users.create_first_admin(session, self.username.text(),
                                                        self.display_name.text(),
                                                        self.password.text())
        except ValidationError as exc:
            self._show("\n".join(exc.errors.values()))
            return False
        except ServiceError as exc:
            self._show(str(exc))
            return False
        self.accept()
        return True

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def sign_in(sessions: sessionmaker[Session], *, username: str = "", password: str = "",
            parent: QWidget | None = None) -> Actor | None:
    """The whole start-up sign-in: first admin if needed, login, forced password change.

    Returns the signed-in actor, or None when the user quits.
    """
    with sessions() as session:
        first_run = users.needs_first_admin(session)
    if first_run:
        first = FirstAdminDialog(sessions, parent)
        if first.exec() != QDialog.DialogCode.Accepted or first.created is None:
            return None
        username = first.created.username
    dialog = LoginDialog(sessions, username, password, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return None
    if dialog.must_change_password:
        change = ChangePasswordDialog(sessions, dialog.actor, parent, forced=True)
        change.setWindowModality(Qt.WindowModality.ApplicationModal)
        if change.exec() != QDialog.DialogCode.Accepted:
            return None
    return dialog.actor


def demo_prefill() -> dict[str, str]:
    """``casedesk --demo``: the demo administrator's user name and password."""
    from app.demo.users import DEMO_PASSWORD, DEMO_USERS

    return {"username": DEMO_USERS[0][0], "password": DEMO_PASSWORD}
