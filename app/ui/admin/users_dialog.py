"""Users (admin): list accounts, add, change role/squad, reset password, lock/unlock, disable,
issue and revoke CLI tokens."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.common.clock import format_local
from app.services.common.errors import ServiceError, ValidationError
from app.services.org import officers, tokens, users
from app.ui.admin.token_dialog import TokenDialog
from app.ui.widgets.dialog_parts import accept_cancel_buttons


def role_label(widget, role: str) -> str:
    return {"officer": widget.tr("Officer"), "reviewer": widget.tr("Reviewer"),
            "trainer": widget.tr("Trainer"), "admin": widget.tr("Administrator")}.get(role, role)


class UserEditDialog(QDialog):
    """Add a user (with a first password) or edit name, role, squad."""

    def __init__(self, parent, squads: list[tuple[int, str]], user: users.UserDTO | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit user") if user else self.tr("Add user"))
        form = QFormLayout(self)
        self.username = QLineEdit(user.username if user else "")
        self.username.setReadOnly(user is not None)
        self.display_name = QLineEdit(user.display_name if user else "")
        self.role = QComboBox()
        for r in Role:
            self.role.addItem(role_label(self, r.value), r.value)
        self.role.setCurrentIndex(self.role.findData(user.role.value if user else "officer"))
        self.squad = QComboBox()
        self.squad.addItem(self.tr("(none)"), None)
        for sid, name in squads:
            self.squad.addItem(name, sid)
        if user is not None:
            self.squad.setCurrentIndex(max(0, self.squad.findData(user.squad_id)))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.force_change = QCheckBox(self.tr("Must change the password at first sign-in"))
        self.force_change.setChecked(True)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Name:"), self.display_name)
        form.addRow(self.tr("User role:"), self.role)
        form.addRow(self.tr("Squad:"), self.squad)
        if user is None:
            form.addRow(self.tr("First password:"), self.password)
            form.addRow("", self.force_change)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = accept_cancel_buttons(self, self.accept)
        form.addRow(buttons)


class UsersDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self._ctx = window.context
        self.setWindowTitle(self.tr("Users"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("User name"), self.tr("Name"), self.tr("User role"), self.tr("Squad"),
            self.tr("State"), self.tr("Last sign-in")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        for text, slot in ((self.tr("Add…"), self.add), (self.tr("Edit…"), self.edit),
                           (self.tr("Reset password…"), self.reset),
                           (self.tr("Disable / enable"), self.toggle)):
            row.addWidget(self._button(text, slot))
        self.lock_button = self._button(self.tr("Lock"), self.lock_or_unlock)
        row.addWidget(self.lock_button)
        row.addStretch(1)
        layout.addLayout(row)
        tokens_row = QHBoxLayout()
        tokens_row.addWidget(QLabel(self.tr("Scripts (casedesk-cli):")))
        self.issue_button = self._button(self.tr("Issue CLI token…"), self.issue_token)
        self.revoke_button = self._button(self.tr("Revoke CLI tokens"), self.revoke_tokens)
        tokens_row.addWidget(self.issue_button)
        tokens_row.addWidget(self.revoke_button)
        tokens_row.addStretch(1)
        tokens_row.addWidget(self._button(self.tr("Close"), self.accept))
        layout.addLayout(tokens_row)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        with self._ctx.sessions() as s:
            self.squads = [(q.id, q.name) for q in officers.list_squads(s, self._ctx.actor)]
        self.reload()

    def reload(self) -> None:
        current = self.selected() if hasattr(self, "users") else None
        with self._ctx.sessions() as s:
            self.users = users.list_users(s, self._ctx.actor)
        squads: dict[int | None, str] = dict(self.squads)
        self.table.setRowCount(len(self.users))
        for i, u in enumerate(self.users):
            state = (self.tr("disabled") if not u.active else self.tr("locked")
                     if u.is_locked() else self.tr("active"))
            last = format_local(u.last_login_at, self._ctx.tz, "%Y-%m-%d %H:%M")
            for col, text in enumerate((u.username, u.display_name, role_label(self, u.role.value),
                                        squads.get(u.squad_id, ""), state, last)):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if current is not None:
            self.select_user(current.username)
        self._selection_changed()

    def _button(self, text: str, slot) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(slot)
        return b

    def _selection_changed(self) -> None:
        u = self.selected()
        self.lock_button.setText(self.tr("Unlock") if u is not None and u.is_locked()
                                 else self.tr("Lock"))
        for b in (self.lock_button, self.issue_button, self.revoke_button):
            b.setEnabled(u is not None)

    def select_user(self, username: str) -> None:
        for i, u in enumerate(self.users):
            if u.username == username:
                self.table.selectRow(i)

    def selected(self) -> users.UserDTO | None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self.users[row] if 0 <= row < len(self.users) else None

    def _do(self, fn) -> bool:
        try:
            with unit_of_work(self._ctx.sessions) as s:
                fn(s)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Users"), "\n".join(exc.errors.values()))
            return False
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Users"), str(exc))
            return False
        self.reload()
        return True

    def add(self) -> None:
        dialog = UserEditDialog(self, self.squads)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if self._do(lambda s: users.create_user(
                    s, self._ctx.actor, dialog.username.text(), dialog.display_name.text(),
                    dialog.role.currentData(), dialog.password.text(),
                    squad_id=dialog.squad.currentData(),
                    must_change_password=dialog.force_change.isChecked())):
                return

    def edit(self) -> None:
        u = self.selected()
        if u is None:
            return
        dialog = UserEditDialog(self, self.squads, u)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._do(lambda s: users.update_user(
                s, self._ctx.actor, u.id, u.version, display_name=dialog.display_name.text(),
                role=dialog.role.currentData(), squad_id=dialog.squad.currentData()))

    def reset(self) -> None:
        u = self.selected()
        if u is None:
            return
        pw, ok = QInputDialog.getText(self, self.tr("Reset password"),
                                      self.tr("Temporary password for {name}:").format(
                                          name=u.display_name), QLineEdit.EchoMode.Password)
        if ok:
            self._do(lambda s: users.reset_password(s, self._ctx.actor, u.id, pw))

    def lock_or_unlock(self) -> None:
        """Unlock a locked account; lock any other until an administrator unlocks it."""
        if (u := self.selected()) is None:
            return
        if u.is_locked():
            self._do(lambda s: users.unlock_user(s, self._ctx.actor, u.id))
            return
        if self._confirm(self.tr("Lock {name}? The account cannot sign in (nor use its CLI "
                                 "tokens) until an administrator unlocks it.")
                         .format(name=u.display_name)):
            self._do(lambda s: users.lock_user(s, self._ctx.actor, u.id))

    def issue_token(self) -> None:
        if (u := self.selected()) is None:
            return
        days, ok = QInputDialog.getInt(
            self, self.tr("Issue CLI token"),
            self.tr("Valid for how many days (1–{n})?").format(n=tokens.MAX_DAYS), 30, 1,
            tokens.MAX_DAYS)
        if not ok:
            return
        issued: list[str] = []
        if self._do(lambda s: issued.append(tokens.issue_token(s, self._ctx.actor, u.id, days))):
            self.shown_token = TokenDialog(self, u.username, issued[0],
                                           datetime.now(UTC) + timedelta(days=days), self._ctx.tz)
            self.shown_token.exec()

    def revoke_tokens(self) -> None:
        if (u := self.selected()) is None:
            return
        if not self._confirm(self.tr("Revoke every CLI token of {name}? Scripts using them stop "
                                     "working.").format(name=u.display_name)):
            return
        count: list[int] = []
        if self._do(lambda s: count.append(tokens.revoke_tokens(s, self._ctx.actor, u.id))):
            QMessageBox.information(self, self.tr("Users"), self.tr(
                "{n} CLI tokens of {name} revoked.").format(n=count[0], name=u.display_name))

    def _confirm(self, question: str) -> bool:
        return QMessageBox.question(self, self.tr("Users"), question) == \
            QMessageBox.StandardButton.Yes

    def toggle(self) -> None:
        if (u := self.selected()) is not None:
            self._do(lambda s: users.update_user(s, self._ctx.actor, u.id, u.version,
                                                 active=not u.active))
