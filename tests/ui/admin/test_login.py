"""Sign-in, first administrator, forced password change, idle lock."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from app.models import User
from app.models.db import unit_of_work
from app.services.org import login as login_service
from app.services.org import users
from app.ui.admin.login_dialog import FirstAdminDialog, LoginDialog, demo_prefill
from app.ui.admin.password_dialog import ChangePasswordDialog


def test_first_admin_then_login_with_generic_refusal(qtbot, zh_ui, session_factory):
    first = FirstAdminDialog(session_factory)
    qtbot.addWidget(first)
    first.display_name.setText("王管理")
    first.password.setText("Admin-2024")
    first.repeat.setText("Admin-2025")
    assert not first.create_admin() and "不一致" in first.error.text()
    first.repeat.setText("Admin-2024")
    assert first.create_admin() and first.created.role.value == "admin"

    login = LoginDialog(session_factory, "admin")
    qtbot.addWidget(login)
    assert login.windowTitle() == "CaseDesk · 登录"
    login.password.setText("wrong-pass-1")
    assert not login.try_login()
    assert login.error.text() == "用户名或密码错误。" and login.password.text() == ""
    login.username.setText("nobody")
    login.password.setText("wrong-pass-1")
    assert not login.try_login() and login.error.text() == "用户名或密码错误。"
    with session_factory() as s:
        assert s.query(User).filter_by(username="admin").one().failed_logins == 1
    login.username.setText("admin")
    login.password.setText("Admin-2024")
    assert login.try_login() and login.actor.username == "admin"
    assert login.result() == QDialog.DialogCode.Accepted


def test_forced_password_change(qtbot, zh_ui, session_factory):
    with unit_of_work(session_factory) as s:
        dto = users.create_first_admin(s, "admin", "管理员", "Admin-2024")
    dialog = ChangePasswordDialog(session_factory, users.actor_of(dto), forced=True)
    qtbot.addWidget(dialog)
    dialog.old.setText("Admin-2024")
    dialog.new.setText("short")
    dialog.repeat.setText("short")
    assert not dialog.save() and "8" in dialog.error.text()
    dialog.new.setText("Better-2025")
    dialog.repeat.setText("Better-2025")
    assert dialog.save()
    assert login_service.login(session_factory, "admin", "Better-2025").actor is not None


def test_demo_prefill_signs_in(qtbot, zh_ui, demo_db):
    from app.demo.users import seed

    paths, _engine, factory = demo_db
    from app.demo import DemoReport

    report = DemoReport()
    seed(paths, factory, report)
    assert "demo1234" in report.notes[0]
    login = LoginDialog(factory, **demo_prefill())
    qtbot.addWidget(login)
    assert login.try_login() and login.actor.role.value == "admin"


def test_idle_lock_hides_the_window_until_the_password(qtbot, make_window):
    window = make_window("officer")
    lock = window.idle_lock
    assert lock.minutes == 10
    lock._timer.timeout.emit()  # the idle timer fires
    assert lock.is_locked and "无操作" in lock._dialog.intro.text()
    assert lock.is_locked and window.centralWidget().isHidden()
    dialog = lock._dialog
    assert dialog.username.text() == "u-officer" and dialog.username.isReadOnly()
    dialog.password.setText("nope-nope-1")
    assert not dialog.try_login() and lock.is_locked
    dialog.password.setText("Pass-1234")
    assert dialog.try_login()
    assert not lock.is_locked and not window.centralWidget().isHidden()
    from app.services.common import audit_log
    from app.services.common.context import SYSTEM

    with window.context.sessions() as s:
        actions = [r.action for r in audit_log.list_entries(s, SYSTEM)]
    assert "auth.idle_lock" in actions and "auth.login" in actions


def test_first_run_sign_in_flow_through_the_modal_dialogs(qtbot, zh_ui, session_factory):
    """First start: create the admin, then sign in — driven as a user would, dialog by dialog."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.admin.login_dialog import sign_in

    seen = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, drive)
            return
        seen.append(type(dialog).__name__)
        if isinstance(dialog, FirstAdminDialog):
            dialog.display_name.setText("王管理")
            dialog.password.setText("Admin-2024")
            dialog.repeat.setText("Admin-2024")
            dialog.create_admin()
            QTimer.singleShot(20, drive)
        elif isinstance(dialog, LoginDialog):
            assert dialog.username.text() == "admin"
            dialog.password.setText("Admin-2024")
            dialog.try_login()

    QTimer.singleShot(20, drive)
    actor = sign_in(session_factory)
    assert seen == ["FirstAdminDialog", "LoginDialog"]
    assert actor is not None and actor.username == "admin" and actor.role.value == "admin"


def test_reminder_offers_a_backup_when_due(make_window, qtbot):
    from PySide6.QtWidgets import QMessageBox

    from app.ui.admin.backup_dialogs import remind_if_due

    window = make_window("admin")
    assert remind_if_due(window)
    box = window.findChild(QMessageBox, "backup_reminder")
    assert box is not None and "备份" in box.text()
    box.reject()
    officer = make_window("officer")
    assert not remind_if_due(officer)


def _auth_actions(window) -> list[str]:
    from app.services.common import audit_log
    from app.services.common.context import SYSTEM

    with window.context.sessions() as s:
        return [r.action for r in audit_log.list_entries(s, SYSTEM, audit_log.AuditFilter(
            action_prefix="auth."), newest_first=False)]


def test_manual_lock_is_not_an_idle_lock_and_sign_out_is_logged(qtbot, make_window):
    window = make_window("officer")
    lock_action = next(a for a in window.menu("tools").actions()
                       if a.shortcut().toString() == "Ctrl+L")
    lock_action.trigger()
    assert window.idle_lock.is_locked
    assert "无操作" not in window.idle_lock._dialog.intro.text()
    assert _auth_actions(window)[-1] == "auth.manual_lock"
    window.idle_lock._dialog.reject()                     # "Sign out" on the lock prompt
    assert _auth_actions(window)[-1] == "auth.logout" and window.sign_out_requested
    assert not window.isVisible()


def test_file_menu_signs_out_back_to_the_login(qtbot, make_window):
    window = make_window("officer")
    window.show()
    sign_out = window.findChild(QAction, "admin_sign_out")
    assert sign_out.text() == "注销" and sign_out in window.menu("file").actions()
    sign_out.trigger()
    assert window.sign_out_requested and not window.isVisible()
    assert _auth_actions(window)[-1] == "auth.logout"
    assert window.idle_lock.minutes == 0  # no lock of a signed-out session
