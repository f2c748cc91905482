"""Accountability and training in the GUI: sign-in, idle lock, users, audit viewer, verify,
backup, trainer replay and training packages.

``install(window)`` registers the "audit" and "replay" views and the Tools-menu actions the
signed-in user's role allows (the services enforce the same rules; hiding is only a courtesy).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Qca
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow

from app.services.common.context import Perm
from app.services.common.errors import ServiceError
from app.ui.admin.audit_view import AuditView
from app.ui.admin.backup_dialogs import remind_if_due, start_backup
from app.ui.admin.idle_lock import DEFAULT_MINUTES, IDLE_KEY, IdleLock, sign_out
from app.ui.admin.password_dialog import ChangePasswordDialog
from app.ui.admin.replay_view import ReplayView
from app.ui.admin.review_dialog import ReviewDialog
from app.ui.admin.settings_dialog import AdminSettingsDialog
from app.ui.admin.squads_dialog import SquadsDialog
from app.ui.admin.training_dialogs import ExportPackageDialog, import_package
from app.ui.admin.users_dialog import UsersDialog
from app.ui.admin.verify_dialog import VerifyDialog
from app.ui.error_dialogs import report_error


def _action(window, text: str, slot, shortcut: str | None = None) -> QAction:
    action = QAction(text, window)
    action.setObjectName("admin_" + text.strip("…").lower().replace(" ", "_"))
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    window.menu("tools").addAction(action)
    return action


def install(window) -> None:
    """Views and menu actions for the signed-in user (called from ``install_views``)."""
    actor = window.context.actor
    if actor.can(Perm.AUDIT_VIEW):
        window.register_view("audit", AuditView, Qca.translate("AdminMenu", "Audit log"))
    if actor.can(Perm.TRAINING_REPLAY):
        window.register_view("replay", ReplayView, Qca.translate("AdminMenu", "Trainer replay"))
    tools = window.menu("tools")
    tools.addSeparator()
    if actor.can(Perm.USERS_MANAGE):
        _action(window, Qca.translate("AdminMenu", "Users…"), lambda: _exec(UsersDialog, window))
    if actor.can(Perm.REVIEW_COMMENT):
        _action(window, Qca.translate("AdminMenu", "Review comments…"),
                lambda: _exec(ReviewDialog, window))
    if actor.can(Perm.VERIFY):
        _action(window, Qca.translate("AdminMenu", "Verify data…"),
                lambda: _exec(VerifyDialog, window))
    if actor.can(Perm.BACKUP):
        _action(window, Qca.translate("AdminMenu", "Back up now…"), lambda: start_backup(window))
    if actor.can(Perm.SETTINGS):
        _action(window, Qca.translate("AdminMenu", "Security settings…"),
                lambda: _exec(AdminSettingsDialog, window))
        _action(window, Qca.translate("AdminMenu", "Squads…"), lambda: _exec(SquadsDialog, window))
    if actor.can(Perm.TRAINING_BUILD):
        _action(window, Qca.translate("AdminMenu", "Export training package…"),
                lambda: _exec(ExportPackageDialog, window))
        _action(window, Qca.translate("AdminMenu", "Import training package…"), lambda: import_package(window))
    if actor.user_id is not None:  # a real sign-in (not the CLI/screenshot system actor)
        _install_session_guards(window)


def _exec(dialog_class: type[QDialog], window: QMainWindow) -> None:
    """Open a modal admin dialog; a service refusal while it loads is shown, not raised."""
    try:
        dialog = dialog_class(window)
    except ServiceError as exc:
        report_error(exc, window)
        return
    dialog.exec()


def _install_session_guards(window) -> None:
    ctx = window.context
    window.menu("tools").addSeparator()
    _action(window, Qca.translate("AdminMenu", "Change password…"),
            lambda: ChangePasswordDialog(ctx.sessions, ctx.actor, window).exec())
    window.idle_lock = IdleLock(window, ctx, ctx.settings.value(IDLE_KEY, DEFAULT_MINUTES, int))
    _action(window, Qca.translate("AdminMenu", "Lock now"), window.idle_lock.lock, "Ctrl+L")
    file_menu = window.menu("file")
    leave = QAction(Qca.translate("AdminMenu", "Sign out"), window)
    leave.setObjectName("admin_sign_out")
    leave.triggered.connect(lambda _checked=False: sign_out(window))
    end = [a for a in file_menu.actions() if a.isSeparator()]
    file_menu.insertAction(end[-1] if end else None, leave)
    # bound to the window: the timer dies with it (a late call on a closed window would crash)
    QTimer.singleShot(1500, window, lambda: remind_if_due(window))
