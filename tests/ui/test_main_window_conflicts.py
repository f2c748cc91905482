"""The main window when someone else saves the same case: conflicts, merges, refresh, undo."""

from __future__ import annotations

import dataclasses

from app.demo import CASE_A_NO
from app.services.casefile import cases as case_services
from app.services.casefile.dto import ChangeNote
from app.services.common.context import SYSTEM
from app.ui.widgets import conflict_dialog
from tests.ui.test_main_window import _db_case, _view, type_text


def test_conflict_dialog_offers_overwrite(main_window, qtbot, monkeypatch):
    view = _view(main_window)
    detail = view.editor.detail
    with main_window.context.sessions.begin() as session:  # someone else saves first
        data = case_services.case_input(detail)
        case_services.update_case(session, SYSTEM, detail.id,
                                  data.__class__(**{**_fields(data), "weather": "小雨"}),
                                  expected_version=detail.version,
                                  note=ChangeNote(reason="另一台电脑"))
    type_text(view.editor.facts.main_form.editor("light"), "（补充）")
    seen = []

    def choose(dialog):
        seen.append(dialog)
        dialog.choose(conflict_dialog.ConflictChoice.OVERWRITE)

    monkeypatch.setattr(conflict_dialog, "run_dialog", choose)
    assert view.editor.save() is True
    assert seen and [r.name for r in seen[0].plan.rows] == ["light", "weather"]
    saved = _db_case(main_window, detail.id)
    assert saved.light.endswith("（补充）")
    assert saved.weather == detail.weather  # overwrite: mine wins on every changed field


def _fields(data) -> dict:
    return {f.name: getattr(data, f.name) for f in dataclasses.fields(data)}


def test_changes_from_another_workstation_show_up(main_window, qtbot):
    view = _view(main_window)
    qtbot.waitUntil(lambda: view.watcher.counter is not None, timeout=5000)
    other = next(c for c in view.list.model.cases() if c.id != view.editor.detail.id)
    current = view.editor.detail
    with main_window.context.sessions.begin() as session:
        for case_id, title in ((other.id, "另一台电脑改的标题"), (current.id, "当前案件被他人修改")):
            detail = case_services.get_case(session, SYSTEM, case_id)
            data = case_services.case_input(detail)
            case_services.update_case(session, SYSTEM, case_id,
                                      data.__class__(**{**_fields(data), "title": title}),
                                      expected_version=detail.version,
                                      note=ChangeNote(reason="另一台电脑"))
    view.poll_changes()
    model = view.list.model
    qtbot.waitUntil(lambda: model.case_at(model.row_of(other.id)).title == "另一台电脑改的标题",
                    timeout=5000)
    assert view.editor.detail.title == "当前案件被他人修改"  # not dirty: reloaded


def test_undo_after_someone_else_saved_loses_nothing(main_window, monkeypatch):
    view = _view(main_window)
    reported = []
    monkeypatch.setattr("app.ui.casefile.editor.report_error", lambda exc, *_a: reported.append(exc))
    weather = view.editor.facts.main_form.editor("weather")
    type_text(weather, "，有雾")
    assert view.editor.save()
    detail = _db_case(main_window, CASE_A_NO)
    with main_window.context.sessions.begin() as session:
        data = case_services.case_input(detail)
        case_services.update_case(session, SYSTEM, detail.id,
                                  data.__class__(**{**_fields(data), "weather": "大雾"}),
                                  expected_version=detail.version,
                                  note=ChangeNote(reason="另一台电脑"))
    count = view.undo_stack.count()
    main_window.undo_action.trigger()
    assert reported and type(reported[0]).__name__ == "ConflictError"
    assert view.undo_stack.count() == count - 1  # the stale command was dropped
    assert _db_case(main_window, CASE_A_NO).weather == "大雾"  # their save survived
    assert view.editor.facts.main_form.values()["weather"] == "大雾"


def test_conflict_dialog_shows_mine_and_theirs(zh_ui, qtbot):
    from dataclasses import replace

    from app.services.casefile.dto import CaseInput
    from app.ui.widgets.merge_plan import plan_merge

    base = CaseInput(case_no="石峰-2023-0117", title="甲", weather="晴")
    plan = plan_merge(base, replace(base, weather="阴"), replace(base, weather="小雨", title="乙"))
    dialog = conflict_dialog.ConflictDialog(plan, "此案件已被他人修改。")
    qtbot.addWidget(dialog)
    table = dialog.findChild(conflict_dialog.QTableWidget, "conflict_table")
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows == {"标题": "甲", "天气": "晴"}
    dialog.choose(conflict_dialog.ConflictChoice.RELOAD)
    assert dialog.choice is conflict_dialog.ConflictChoice.RELOAD
    assert dialog.result() == dialog.DialogCode.Accepted
