"""The main window driven like a user: create, edit, undo/redo, filter, search, guards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from app.demo import CASE_A_NO, CASE_B_NO
from app.services.casefile import cases as case_services
from app.services.common.context import SYSTEM
from app.ui.casefile import dialogs as case_dialogs
from app.ui.casefile.list_model import Column


def type_text(widget, text: str) -> None:
    """Type like a user (QTest cannot synthesise Chinese key events): an edit, not setText."""
    widget.setFocus()
    widget.end(False)
    widget.insert(text)


def _view(window):
    return window.view("cases")


def _db_case(window, ref):
    with window.context.sessions() as session:
        return case_services.get_case(session, SYSTEM, ref)


def _shown(view) -> list[str]:
    proxy = view.list.proxy
    return [proxy.index(r, Column.CASE_NO).data() for r in range(proxy.rowCount())]


def test_opens_with_case_a_selected_and_chinese_ui(main_window):
    view = _view(main_window)
    assert main_window.current_view_name() == "cases"
    assert view.editor.detail.case_no == CASE_A_NO
    assert view.list.current_case_id() == view.editor.detail.id
    assert main_window.menu("file").title() == "文件(&F)"
    assert view.editor.tabs.tabText(0) == "基本案情"
    assert view.editor.sections["vehicle"].model.rowCount() == 2
    assert view.editor.sections["inquiry"].model.rowCount() == 4
    assert main_window.current_case_id() == view.editor.detail.id  # shared with other views
    assert main_window.context.settings.last_case_id() == view.editor.detail.id


def test_create_edit_undo_redo(main_window, qtbot):
    view = _view(main_window)
    total = view.list.model.rowCount()
    dialog = view.new_case_form()
    form = dialog.form
    suggested = form.values()["case_no"]
    assert suggested.startswith("石峰-") and suggested.endswith("-0001")  # next free number
    form.editor("case_no").clear()
    type_text(form.editor("case_no"), "石峰-2024-0999")
    type_text(form.editor("title"), "建设路蓝色三轮车逃逸案")
    dialog._on_ok()
    assert dialog.result() == dialog.DialogCode.Accepted
    created = dialog.result_value
    assert view.list.model.rowCount() == total + 1
    assert view.editor.detail.id == created.id  # the new case is selected
    title = view.editor.facts.main_form.editor("title")
    title.clear()
    type_text(title, "建设路蓝色三轮车逃逸致人受伤案")
    assert view.editor.dirty and view.save_action.isEnabled()
    view.save_action.trigger()
    assert not view.editor.dirty
    assert _db_case(main_window, created.id).title == "建设路蓝色三轮车逃逸致人受伤案"
    main_window.undo_action.trigger()  # undo the edit
    assert _db_case(main_window, created.id).title == "建设路蓝色三轮车逃逸案"
    assert view.editor.facts.main_form.values()["title"] == "建设路蓝色三轮车逃逸案"
    main_window.redo_action.trigger()
    assert _db_case(main_window, created.id).title == "建设路蓝色三轮车逃逸致人受伤案"
    main_window.undo_action.trigger()
    main_window.undo_action.trigger()  # undo the creation
    assert view.list.model.rowCount() == total
    assert "石峰-2024-0999" not in _shown(view)
    main_window.redo_action.trigger()  # the case comes back (new id), then the edit
    main_window.redo_action.trigger()
    assert "石峰-2024-0999" in _shown(view)
    assert _db_case(main_window, "石峰-2024-0999").title == "建设路蓝色三轮车逃逸致人受伤案"


def test_invalid_input_shows_inline_message_and_saves_nothing(main_window, qtbot):
    view = _view(main_window)
    total = view.list.model.rowCount()
    dialog = view.new_case_form()
    dialog.form.editor("case_no").clear()
    type_text(dialog.form.editor("case_no"), CASE_B_NO)  # duplicate number
    type_text(dialog.form.editor("title"), "重复编号")
    dialog._on_ok()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "已" in dialog.form.errors()["case_no"]  # "… 已被使用"
    assert view.list.model.rowCount() == total
    empty = view.new_case_form()
    empty.form.editor("case_no").clear()
    empty._on_ok()
    assert set(empty.form.errors()) == {"case_no", "title"}
    # facts form: report before the accident
    before = _db_case(main_window, CASE_A_NO)
    form = view.editor.facts.main_form
    reported = form.editor("reported_at")
    reported.set_value(before.occurred_at.replace(year=2022))
    reported.edited.emit()
    assert view.editor.save() is False
    assert "reported_at" in view.editor.facts.errors()
    assert not form.findChild(QLabel, "error_reported_at").isHidden()
    assert _db_case(main_window, CASE_A_NO).version == before.version
    assert view.undo_stack.count() == 0


def test_filters_and_chinese_search(main_window, qtbot):
    view = _view(main_window)
    panel = view.list
    total = panel.model.rowCount()
    panel.status_filter.setCurrentIndex(panel.status_filter.findText("已结案"))
    shown = _shown(view)
    assert CASE_B_NO in shown and CASE_A_NO not in shown
    panel.status_filter.setCurrentIndex(0)
    panel.date_from.setDate(QDate(2023, 11, 1))
    panel.date_to.setDate(QDate(2023, 11, 30))
    shown = _shown(view)
    assert CASE_A_NO in shown and CASE_B_NO not in shown
    panel.date_from.setDate(panel.date_from.minimumDate())
    panel.date_to.setDate(panel.date_to.minimumDate())
    assert panel.proxy.rowCount() == total
    main_window.activateWindow()
    view.find_action.trigger()
    with qtbot.waitSignal(panel.searched, timeout=5000):
        type_text(panel.search, "三轮")
    shown = _shown(view)
    assert CASE_A_NO in shown and 0 < len(shown) < total
    assert panel.count_label.text() == f"显示 {len(shown)} 件，共 {total} 件"
    with qtbot.waitSignal(panel.searched, timeout=5000):
        panel.search.clear()
    assert panel.proxy.rowCount() == total


def test_unsaved_change_guard(main_window, qtbot, monkeypatch):
    view = _view(main_window)
    case_a = view.editor.detail
    title = view.editor.facts.main_form.editor("title")
    type_text(title, "（补充）")
    assert view.editor.dirty
    answers = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(case_dialogs, "ask_unsaved", lambda *_a: answers.pop(0))
    other = next(c.id for c in view.list.model.cases() if c.id != case_a.id)
    view.select_case(other)
    assert view.editor.detail.id == case_a.id and view.editor.dirty  # stayed
    assert view.list.current_case_id() == case_a.id
    answers.append(QMessageBox.StandardButton.Save)
    view.select_case(other)
    assert view.editor.detail.id == other
    assert _db_case(main_window, case_a.id).title.endswith("（补充）")
    type_text(view.editor.facts.main_form.editor("title"), "X")
    answers.append(QMessageBox.StandardButton.Cancel)
    assert main_window.close() is False  # closing asks too
    answers.append(QMessageBox.StandardButton.Discard)
    assert main_window.close() is True
    assert main_window.context.settings.case_list_header() is not None  # layout remembered
    assert not _db_case(main_window, other).title.endswith("X")


def test_status_change_with_reason_and_undo(main_window):
    view = _view(main_window)
    dialog = view.new_case_form()
    dialog.form.set_values({"case_no": "石峰-2024-0998", "title": "状态测试"})
    dialog._on_ok()
    editor = view.editor
    status = case_dialogs.StatusDialog(editor.detail)
    status._on_ok()  # no reason → refused inline
    assert status.result() != status.DialogCode.Accepted and not status.error.isHidden()
    editor.set_status("investigating", "开始侦查")
    assert editor.detail.status == "investigating"
    editor.set_status("suspended", "线索中断")
    assert view.undo_stack.count() == 2  # creation + reversible suspension
    main_window.undo_action.trigger()
    assert _db_case(main_window, "石峰-2024-0998").status == "investigating"
    history = editor.history.status_model.rows()
    assert [h.to_status for h in history][-3:] == ["investigating", "suspended", "investigating"]
    assert editor.history.status_model.index(len(history) - 2, 4).data() == "线索中断"


def test_delete_case_and_undo_restores_it(main_window, monkeypatch):
    view = _view(main_window)
    monkeypatch.setattr(case_dialogs, "confirm_delete", lambda *_a: True)
    view.delete_case_dialog()
    assert CASE_A_NO not in _shown(view)
    main_window.undo_action.trigger()
    restored = _db_case(main_window, CASE_A_NO)
    assert restored.status == "solved"
    assert len(restored.inquiries) == 4 and len(restored.vehicles) == 2
    assert any(e.basis_ids for e in restored.events)
    assert CASE_A_NO in _shown(view)


def test_keyboard_shortcuts_and_views(main_window):
    view = _view(main_window)
    assert view.new_action.shortcut().toString() == "Ctrl+N"
    assert view.save_action.shortcut().toString() == "Ctrl+S"
    assert view.find_action.shortcut().toString() == "Ctrl+F"
    assert main_window.redo_action.shortcuts()[0].toString() == "Ctrl+Shift+Z"
    assert "cases" in main_window.view_names()
    assert view.list.table.horizontalHeader().sortIndicatorSection() == Column.OCCURRED
    assert view.list.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_reviewer_sees_the_file_read_only(qtbot, zh_ui, demo_db, ui_settings):
    from app.models.enums import Role
    from app.services.common.context import Actor
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow

    paths, engine, factory = demo_db
    reviewer = Actor(user_id=None, username="rev", role=Role.REVIEWER, display_name="审核员")
    window = MainWindow(AppContext(paths, engine, factory, reviewer, ui_settings, CASE_A_NO))
    view = window.show_view("cases")
    qtbot.waitUntil(lambda: view.editor.detail is not None and not view.is_busy(), timeout=10000)
    assert view.editor.detail.case_no == CASE_A_NO
    assert not view.new_action.isEnabled() and not view.delete_action.isEnabled()
    assert not view.editor.status_button.isEnabled()
    assert view.editor.facts.main_form.editor("title").isReadOnly()
    assert not view.editor.sections["person"].add_button.isEnabled()
    assert view.editor.tabs.tabText(0) == "基本案情"
    window.close()
    window.deleteLater()


def test_sorting_keeps_the_selected_case(main_window):
    view = _view(main_window)
    case_id = view.editor.detail.id
    table = view.list.table
    table.sortByColumn(Column.CASE_NO, Qt.SortOrder.AscendingOrder)
    numbers = _shown(view)
    assert numbers == sorted(numbers)
    assert view.list.current_case_id() == case_id and view.editor.detail.id == case_id
    table.sortByColumn(Column.STATUS, Qt.SortOrder.DescendingOrder)
    assert view.list.current_case_id() == case_id
    selected = table.selectionModel().selectedRows()
    assert [view.list.proxy.data(i, Qt.ItemDataRole.UserRole + 1) for i in selected] == [case_id]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QApplication.setActiveWindow
def test_keyboard_navigation(main_window, qtbot):
    view = _view(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    table = view.list.table
    table.setFocus()
    start = view.list.current_case_id()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert view.list.current_case_id() != start
    assert view.editor.detail.id == view.list.current_case_id()
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert view.editor.detail.id == start
    light = view.editor.facts.main_form.editor("light")
    light.setFocus()
    qtbot.keyClicks(light, " (A)")
    assert view.editor.dirty and view.save_action.isEnabled()
    QApplication.setActiveWindow(main_window)  # offscreen: activation is not automatic
    light.setFocus()
    qtbot.keyClick(light, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not view.editor.dirty
    assert _db_case(main_window, start).light.endswith(" (A)")
    qtbot.keyClick(light, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.list.search.hasFocus()
    qtbot.keyClicks(view.list.search, "0117")
    with qtbot.waitSignal(view.list.searched, timeout=5000):
        qtbot.keyClick(view.list.search, Qt.Key.Key_Return)
    assert _shown(view) == [CASE_A_NO]
