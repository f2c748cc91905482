"""Audit viewer filters, verify dialog with progress, backup, users dialog, role-based menus."""

from __future__ import annotations

import os
import stat

from app.models.db import unit_of_work
from app.services.common import audit
from app.services.common.context import SYSTEM
from app.ui.admin.backup_dialogs import backup_is_due, start_backup
from app.ui.admin.users_dialog import UsersDialog
from app.ui.admin.verify_dialog import VerifyDialog
from tests.helpers.evidence import add_evidence


def _menu_texts(window) -> list[str]:
    return [a.text() for a in window.menu("tools").actions() if a.text()]


def test_menus_and_views_follow_the_role(make_window):
    admin = make_window("admin")
    assert {"audit", "replay"} <= set(admin.view_names())
    assert {"用户管理…", "数据校验…", "立即备份…", "修改密码…", "立即锁定"} <= set(_menu_texts(admin))
    officer = make_window("officer")
    assert "audit" not in officer.view_names() and "replay" not in officer.view_names()
    assert "用户管理…" not in _menu_texts(officer) and "修改密码…" in _menu_texts(officer)
    trainer = make_window("trainer")
    assert "replay" in trainer.view_names() and "audit" not in trainer.view_names()
    assert "导出教学包…" in _menu_texts(trainer)


def test_audit_view_filters_by_case_and_user(make_window, qtbot):
    window = make_window("reviewer")
    with unit_of_work(window.context.sessions) as s:
        for i in range(3):
            audit.record(s, SYSTEM, "case.update", entity_type="case", entity_id=1, case_id=1,
                         payload={"n": i})
    view = window.show_view("audit")
    total = len(view.model.rows)
    assert total >= 3 and "共" in view.count_label.text()
    view.case_filter.setCurrentIndex(view.case_filter.findData(1))
    view.reload()
    assert view.model.rows and all(r.case_id == 1 for r in view.model.rows)
    view.user_filter.setCurrentIndex(view.user_filter.findData("system"))
    view.action_filter.setText("case.update")
    view.reload()
    assert len(view.model.rows) == 3
    view.table.selectRow(0)
    assert "case.update" in view.detail.toPlainText()
    from PySide6.QtCore import Qt

    assert view.model.headerData(3, Qt.Orientation.Horizontal) == "操作"
    cell = lambda col: view.model.index(0, col).data()  # noqa: E731
    assert cell(3) == "修改案件" and cell(4).startswith("案件 ") and cell(1).endswith("北京时间")
    assert "{" not in cell(6) and "系统" == cell(2)
    assert view.detail.toPlainText().startswith(cell(1).split()[0])
    view.resize(1400, 700)
    view.grab().save("/tmp/trust/audit_view.png")


def test_verify_dialog_names_the_altered_file(make_window, qtbot, tmp_path):
    window = make_window("admin")
    paths = window.context.paths
    _ev, path = add_evidence(window.context.sessions, paths, 1, tmp_path, os.urandom(200_000),
                             name="x.mp4")
    dialog = VerifyDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.handle.wait(60_000)
    assert dialog.report.ok(), dialog.summary.text()
    assert "校验通过" in dialog.summary.text() and dialog.bar.value() == dialog.bar.maximum()
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    data = bytearray(path.read_bytes())
    data[10] ^= 0xFF
    path.write_bytes(bytes(data))
    dialog.start()
    assert dialog.handle.wait(60_000)
    assert not dialog.report.ok()
    assert path.name in dialog.summary.text() and dialog.table.rowCount() >= 1
    assert path.name in dialog.table.item(0, 2).text()


def test_backup_from_the_gui_and_the_reminder(make_window, qtbot, tmp_path):
    window = make_window("admin")
    assert backup_is_due(window)
    handle = start_backup(window, tmp_path / "backups")
    assert handle.wait(120_000) and handle.error is None, handle.error
    made = list((tmp_path / "backups").iterdir())
    assert len(made) == 1 and (made[0] / "manifest.json").exists()
    assert not backup_is_due(window)


def test_users_dialog_lists_accounts(make_window, qtbot):
    window = make_window("admin")
    dialog = UsersDialog(window)
    qtbot.addWidget(dialog)
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "u-admin" in names
    row = names.index("u-admin")
    assert dialog.table.item(row, 2).text() == "管理员"
    assert dialog.table.item(row, 4).text() == "正常"


def test_review_dialog_comments_and_approves_closing(make_window, qtbot):
    from app.demo import CASE_A_NO
    from app.services.casefile.access import load_case
    from app.services.common import audit_log
    from app.ui.admin.review_dialog import ReviewDialog

    window = make_window("reviewer")
    with window.context.sessions() as s:
        case_id = load_case(s, SYSTEM, CASE_A_NO).id
    dialog = ReviewDialog(window, case_id)
    qtbot.addWidget(dialog)
    assert dialog.case_id() == case_id and dialog.approve_button.isEnabled()
    assert not dialog.add_comment() and "请先填写意见" in dialog.error.text()
    dialog.text.setPlainText("请补充三轮车去向的视频截图")
    assert dialog.add_comment() and dialog.list.count() == 1
    dialog.text.setPlainText("证据链完整，同意结案")
    assert dialog.approve() and not dialog.approve_button.isEnabled()
    assert "已批准结案" in dialog.state.text()
    with window.context.sessions() as s:
        rows = audit_log.list_entries(s, SYSTEM, audit_log.AuditFilter(case_id=case_id,
                                                                       action_prefix="review."))
    assert [r.action for r in rows] == ["review.approve_close", "review.comment"]


def test_security_settings_apply_to_the_idle_lock(make_window, qtbot):
    from app.ui.admin.settings_dialog import AdminSettingsDialog

    window = make_window("admin")
    dialog = AdminSettingsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.idle.value() == 10 and dialog.backup_days.value() == 7
    dialog.idle.setValue(3)
    dialog.backup_days.setValue(0)
    dialog.save()
    assert window.idle_lock.minutes == 3
    assert not backup_is_due(window)  # reminders switched off
    assert "安全设置…" in _menu_texts(window)
