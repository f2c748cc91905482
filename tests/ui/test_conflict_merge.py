"""Three-way merge when two workstations edit the same case (each its own engine and editor)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor, QUndoStack
from PySide6.QtWidgets import QApplication, QPushButton, QRadioButton
from sqlalchemy import select

from app.demo import CASE_A_NO
from app.models import Case
from app.models.db import open_database, unit_of_work
from app.services.casefile import cases as case_services
from app.services.casefile.dto import ChangeNote
from app.services.common.context import SYSTEM
from app.ui.casefile import dialogs as case_dialogs
from app.ui.casefile.editor import CaseEditor
from app.ui.casefile.store import CaseStore
from app.ui.casefile.undo import Refs
from app.ui.widgets import conflict_dialog
from app.ui.widgets.conflict_dialog import ConflictDialog


def type_text(widget, text: str) -> None:
    """Type at the end like a user (an edit signal, not setText)."""
    widget.setFocus()
    if hasattr(widget, "insertPlainText"):
        widget.moveCursor(QTextCursor.MoveOperation.End)
        widget.insertPlainText(text)
    else:
        widget.end(False)
        widget.insert(text)


class Workstation:
    """One officer's CaseDesk: own engine, store, undo stack and case editor on Case A."""

    def __init__(self, db_url: str, qtbot):
        self.engine, self.sessions = open_database(db_url)
        self.store = CaseStore(self.sessions, SYSTEM)
        self.editor = CaseEditor(self.store, Refs(), QUndoStack(), None)
        qtbot.addWidget(self.editor)
        with unit_of_work(self.sessions) as session:
            case_id = case_services.get_case(session, SYSTEM, CASE_A_NO).id
        self.editor.show_case(case_id)

    def type(self, field: str, text: str) -> None:
        form = self.editor.facts.text_form if field in ("narrative", "casualty_summary") \
            else self.editor.facts.main_form
        type_text(form.editor(field), text)

    def saved(self):
        """Case A as now in the database (read on this workstation's connection)."""
        with unit_of_work(self.sessions) as session:
            return case_services.get_case(session, SYSTEM, self.editor.case_id)


@pytest.fixture
def two(qtbot, zh_ui, demo_db):
    paths = demo_db[0]
    a, b = Workstation(paths.db_url, qtbot), Workstation(paths.db_url, qtbot)
    yield a, b
    for ws in (a, b):
        ws.editor.facts.load(None)
        ws.engine.dispose()


@pytest.fixture
def answer(monkeypatch):
    """Answer the conflict dialog with ``script(dialog)``; the dialogs shown are collected."""
    shown: list[ConflictDialog] = []

    def install(script):
        def run(dialog: ConflictDialog) -> None:
            shown.append(dialog)
            script(dialog)
        monkeypatch.setattr(conflict_dialog, "run_dialog", run)
        return shown
    return install


def _click(dialog: ConflictDialog, name: str) -> None:
    dialog.findChild(QPushButton, name).click()


def _conflict_names(dialog: ConflictDialog) -> list[str]:
    return [r.name for r in dialog.plan.conflicts]


def test_different_fields_merge_keeps_both_without_asking(two, qtbot):
    a, b = two
    original = a.saved()
    a.type("weather", "（转小雨）")
    assert a.editor.save() is True
    b.type("light", "（有路灯损坏）")
    b.type("narrative", "\n补充：目击者称车辆向北逃逸。")

    def answer_modal():  # the real modal dialog: no per-field question, merge with one click
        dialog = QApplication.activeModalWidget()
        seen.append((dialog.plan, dialog.findChildren(QRadioButton)))
        _click(dialog, "merge_button")

    seen: list = []
    QTimer.singleShot(0, answer_modal)
    assert b.editor.save() is True
    plan, radios = seen[0]
    assert radios == [] and plan.conflicts == ()
    assert {r.name: r.source.value for r in plan.rows} == {
        "light": "mine", "weather": "theirs", "narrative": "mine"}
    saved = b.saved()
    assert saved.weather == original.weather + "（转小雨）"
    assert saved.light == original.light + "（有路灯损坏）"
    assert saved.narrative.endswith("向北逃逸。") and saved.title == original.title
    assert b.editor.facts.dirty is False and b.editor.facts.case_input().weather == saved.weather


def test_same_field_is_listed_and_the_users_pick_is_saved(two, answer):
    a, b = two
    original = a.saved()
    a.type("weather", "（甲）")
    a.type("road", "（甲补）")
    assert a.editor.save() is True
    b.type("weather", "（乙）")
    b.type("direction_of_travel", "（乙补）")
    b.type("road", "（乙补）")

    def script(dialog: ConflictDialog) -> None:
        assert _conflict_names(dialog) == ["road", "weather"]
        result = dialog.table.item(dialog.plan.rows.index(dialog.plan.row("weather")), 4)
        assert result.text() == "我的（默认）"
        assert dialog.picks() == {"road": "mine", "weather": "mine"}  # mine preselected
        dialog.pick("weather", "theirs")
        assert result.text() == "对方的（你的选择）"
        _click(dialog, "merge_button")

    shown = answer(script)
    assert b.editor.save() is True and len(shown) == 1
    saved = b.saved()
    assert saved.weather == original.weather + "（甲）"                      # theirs, picked
    assert saved.road == original.road + "（乙补）"                          # mine, default
    assert saved.direction_of_travel == original.direction_of_travel + "（乙补）"
    b.editor.undo_stack.undo()  # undo goes back to their version, not to the stale base
    back = b.saved()
    assert back.weather == original.weather + "（甲）" and back.road == original.road + "（甲补）"


def test_a_third_edit_during_the_merge_asks_again_and_loses_nothing(two, answer):
    a, b = two
    original = a.saved()
    a.type("weather", "（甲）")
    assert a.editor.save() is True
    b.type("light", "（乙）")
    b.type("weather", "（乙）")

    def script(dialog: ConflictDialog) -> None:
        if len(shown) == 1:  # a third officer saves while B looks at the dialog
            with unit_of_work(a.sessions) as session:
                now = case_services.get_case(session, SYSTEM, a.editor.case_id)
                data = replace(case_services.case_input(now), road=now.road + "（丙）",
                               weather=now.weather + "（丙）")
                case_services.update_case(session, SYSTEM, now.id, data,
                                          expected_version=now.version,
                                          note=ChangeNote(reason="另一台电脑"))
            assert _conflict_names(dialog) == ["weather"]  # keep mine (the default)
        else:  # the merged save met the third edit: weather again differs, on new grounds
            assert _conflict_names(dialog) == ["weather"]
            row = dialog.plan.row("weather")
            assert row.mine == original.weather + "（乙）"
            assert row.theirs == original.weather + "（甲）（丙）"
            assert {r.name: r.source.value for r in dialog.plan.rows} == {
                "light": "mine", "road": "theirs", "weather": "conflict"}
            dialog.pick("weather", "theirs")
        _click(dialog, "merge_button")

    shown = answer(script)
    assert b.editor.save() is True and len(shown) == 2
    saved = b.saved()
    assert saved.light == original.light + "（乙）"
    assert saved.road == original.road + "（丙）"
    assert saved.weather == original.weather + "（甲）（丙）"


def test_overwrite_discard_and_cancel(two, answer):
    a, b = two
    original = a.saved()
    a.type("weather", "（甲）")
    a.type("road", "（甲）")
    assert a.editor.save() is True
    b.type("weather", "（乙）")
    answer(lambda d: _click(d, "cancel_button"))
    assert b.editor.save() is False
    assert b.editor.facts.dirty and b.saved().weather == original.weather + "（甲）"
    answer(lambda d: _click(d, "overwrite_button"))
    assert b.editor.save() is True
    saved = b.saved()
    assert saved.weather == original.weather + "（乙）" and saved.road == original.road
    a.type("light", "（甲）")
    answer(lambda d: _click(d, "reload_button"))
    assert a.editor.save() is False
    assert not a.editor.facts.dirty
    assert a.editor.facts.case_input().weather == original.weather + "（乙）"
    assert a.saved().light == original.light


def test_record_edited_on_two_workstations_is_merged(two, answer):
    a, b = two
    person = next(p for p in a.editor.detail.persons if p.role == "witness")
    a_dialog = a.editor.records.record_dialog("person", person)
    b_dialog = b.editor.records.record_dialog("person", person)
    a_dialog.form.set_values({"phone": "13900000001", "address": "石峰区甲路1号"})
    a_dialog._on_ok()
    assert a_dialog.result() == a_dialog.DialogCode.Accepted
    b_dialog.form.set_values({"phone": "13900000002", "description": "骑电动车，穿蓝色外套"})

    def script(dialog: ConflictDialog) -> None:
        assert _conflict_names(dialog) == ["phone"]
        assert {r.name for r in dialog.plan.rows} == {"phone", "address", "description"}
        _click(dialog, "merge_button")  # phone: mine by default

    shown = answer(script)
    b_dialog._on_ok()
    assert len(shown) == 1 and b_dialog.result() == b_dialog.DialogCode.Accepted
    saved = next(p for p in b.saved().persons if p.id == person.id)
    assert saved.phone == "13900000002"
    assert saved.address == "石峰区甲路1号"
    assert saved.description == "骑电动车，穿蓝色外套"
    assert saved.name == person.name


def test_dialog_screenshot_in_chinese(two, answer, tmp_path):
    a, b = two
    a.type("weather", "（甲）")
    a.type("narrative", "\n甲补充：现场提取到车漆碎片。")
    assert a.editor.save() is True
    b.type("weather", "（乙）")
    b.type("light", "（乙）")
    b.type("narrative", "\n乙补充：监控显示嫌疑车辆右前大灯破损。")

    def script(dialog: ConflictDialog) -> None:
        dialog.show()
        narrative = dialog.findChild(QRadioButton, "pick_narrative_theirs")
        assert narrative.text().startswith("…") and "甲补充" in narrative.text()  # the change
        path = tmp_path / "conflict_dialog.png"
        assert dialog.grab().save(str(path))
        dialog.table.setCurrentCell(2, 0)  # clicking a row shows its full values below
        assert "甲补充：现场提取到车漆碎片" in dialog.details.toPlainText()
        assert "乙补充：监控显示嫌疑车辆右前大灯破损" in dialog.details.toPlainText()
        assert dialog.windowTitle() == "已被他人修改 — 合并"
        texts = {btn.text() for btn in dialog.findChildren(QPushButton)}
        assert {"合并并保存", "以我的为准覆盖", "放弃我的修改", "取消"} <= texts
        assert dialog.findChild(QPushButton, "merge_button").isDefault()
        mine = dialog.findChild(QRadioButton, "pick_weather_mine")
        assert mine.isChecked() and mine.text().endswith("（乙）")
        _click(dialog, "cancel_button")

    answer(script)
    assert b.editor.save() is False


def test_status_only_change_by_the_other_saves_without_a_dialog(two, answer):
    a, b = two
    with unit_of_work(a.sessions) as session:
        case_id = session.scalar(select(Case.id).where(Case.status == "investigating"))
    a.editor.show_case(case_id)
    b.editor.show_case(case_id)
    a.editor.set_status("suspended", "线索中断")
    b.type("weather", "（乙）")
    shown = answer(lambda d: _click(d, "cancel_button"))
    assert b.editor.save() is True and shown == []
    saved = b.saved()
    assert saved.status == "suspended" and saved.weather.endswith("（乙）")


def test_conflict_keys_are_translated(zh_ui):
    from app.ui.widgets.conflict_dialog import ValueText

    texts = ValueText()
    assert texts.value("identified", True) == "是" and texts.value("x", None) == "（空）"
    assert texts.value("lat", 27.5) == "27.5"


def test_record_deleted_meanwhile_is_reported_and_nothing_is_saved(two, monkeypatch):
    a, b = two
    person = next(p for p in b.editor.detail.persons if p.role == "witness")
    dialog = b.editor.records.record_dialog("person", person)
    a.editor.records.delete_record("person", person)
    reported: list[str] = []
    monkeypatch.setattr(case_dialogs, "report_error", lambda exc, _p: reported.append(str(exc)))
    dialog.form.set_values({"phone": "13900000009"})
    dialog._on_ok()
    assert len(reported) == 1 and "人" in reported[0], reported  # plain Chinese, once
    assert dialog.reloaded and dialog.result() != dialog.DialogCode.Accepted
    assert all(p.id != person.id for p in b.saved().persons)
