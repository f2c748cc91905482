"""Users dialog: an administrator locks and unlocks an account and issues and revokes CLI tokens
(the services of issue 12, reached from the GUI)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox

from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.org import login, tokens, users
from app.services.org.login import AuthenticationError
from app.ui.admin.token_dialog import TokenDialog
from app.ui.admin.users_dialog import UsersDialog


@pytest.fixture
def dialog(make_window, qtbot, monkeypatch):
    window = make_window("admin")
    with unit_of_work(window.context.sessions) as s:
        users._create(s, SYSTEM, "zhang", "张警官", "reviewer", "Pass-1234", None, None, False)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    d = UsersDialog(window)
    qtbot.addWidget(d)
    d.select_user("zhang")
    return d


def _state(d: UsersDialog) -> str:
    return d.table.item(d.table.currentRow(), 4).text()


def test_admin_locks_and_unlocks_an_account(dialog):
    sessions = dialog._ctx.sessions
    assert dialog.lock_button.text() == "锁定" and _state(dialog) == "正常"
    dialog.lock_button.click()
    assert _state(dialog) == "已锁定" and dialog.lock_button.text() == "解锁"
    with pytest.raises(AuthenticationError):
        login.login(sessions, "zhang", "Pass-1234")
    dialog.resize(900, 420)
    dialog.grab().save("/tmp/trust/users_dialog_locked.png")
    dialog.lock_button.click()
    assert _state(dialog) == "正常" and dialog.lock_button.text() == "锁定"
    assert login.login(sessions, "zhang", "Pass-1234").actor.username == "zhang"


def test_admin_issues_a_token_shown_once_and_revokes_it(dialog, monkeypatch):
    sessions = dialog._ctx.sessions
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (7, True))
    monkeypatch.setattr(TokenDialog, "exec", lambda self: 0)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    dialog.issue_button.click()
    shown = dialog.shown_token
    token = shown.token.text()
    assert token.startswith(tokens.PREFIX) and "张警官" not in token
    assert "zhang" in shown.windowTitle()
    assert any("只显示这一次" in label.text() for label in shown.findChildren(QLabel))
    shown.resize(620, 160)
    shown.grab().save("/tmp/trust/users_token_dialog.png")
    with unit_of_work(sessions) as s:
        assert tokens.actor_for_token(s, token).username == "zhang"
    dialog.select_user("zhang")
    dialog.revoke_button.click()
    assert said == ["已吊销 张警官 的 1 个命令行令牌。"]
    with pytest.raises(AuthenticationError), unit_of_work(sessions) as s:
        tokens.actor_for_token(s, token)


def test_buttons_need_a_selected_account(dialog):
    dialog.table.clearSelection()
    assert not dialog.issue_button.isEnabled() and not dialog.lock_button.isEnabled()
    dialog.select_user("zhang")
    assert dialog.revoke_button.isEnabled()
