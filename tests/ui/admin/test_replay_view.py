"""Replay view: Case A step by step, victim unknown until identified, questions, outcome last;
training package export/import from the GUI."""

from __future__ import annotations

from app.demo import CASE_A_NO
from app.models.db import unit_of_work
from app.services.casefile import cases, comments
from app.services.casefile.access import load_case
from app.services.common.context import SYSTEM
from app.services.training import replay
from app.ui.admin.training_dialogs import ExportPackageDialog, import_package


def _close_case_a(window) -> int:
    with unit_of_work(window.context.sessions) as s:
        case_id = load_case(s, SYSTEM, CASE_A_NO).id
        if cases.get_case(s, SYSTEM, case_id).status != "closed":
            comments.approve_closing(s, SYSTEM, case_id, "同意结案")
            cases.change_status(s, SYSTEM, case_id, "closed")
    return case_id


def _victim_cell(view) -> str:
    t = view.known.persons
    row = next(r for r in range(t.rowCount()) if t.item(r, 0).text() == "受害人")
    return t.item(row, 1).text()


def test_replay_walks_case_a_as_known_then(make_window, qtbot, monkeypatch):
    window = make_window("trainer")
    case_id = _close_case_a(window)
    view = window.show_view("replay")
    view.case_combo.setCurrentIndex(view.case_combo.findData(case_id))
    view.open_button.click()
    steps = view.replay.steps
    ident = next(s.index for s in steps if s.kind == "identification")
    assert view.position.text() == f"第 1 / {len(steps)} 步"
    assert view.steps.item(len(steps) - 1).text().endswith("案件结果（未揭晓）")
    view.go(ident - 1)
    assert _victim_cell(view) == "身份不明"
    view.next_button.click()
    assert view.index == ident
    assert _victim_cell(view) not in ("身份不明", "") and "刘" not in _victim_cell(view)
    monkeypatch.setattr(view, "confirm_skip", lambda n: True)  # the outcome, steps skipped
    view.go(len(steps) - 1)
    assert view.heading.text().endswith("  案件结果")  # not "案件结果：案件结果"
    assert "人员C" in view.body.text() and not view.frames_scroll.isVisibleTo(view)
    assert not view.next_button.isEnabled()
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=20000)


def test_question_hides_the_step_until_revealed(make_window, qtbot, monkeypatch):
    window = make_window("trainer")
    case_id = _close_case_a(window)
    view = window.show_view("replay")
    view.case_combo.setCurrentIndex(view.case_combo.findData(case_id))
    view.open_case(case_id)
    target = next(s for s in view.replay.steps if s.kind == "inference")
    with unit_of_work(window.context.sessions) as s:
        replay.add_question(s, window.context.actor, case_id, target.event_id,
                            "下一步你会查什么？", "地毯式搜查")
    view.open_case(case_id)
    view.go(target.index)
    assert view.heading.text() == "思考题" and view.body.text() == "下一步你会查什么？"
    assert view.reveal_button.isVisibleTo(view) and "思考题" in view.steps.item(target.index).text()
    view.reveal_button.click()
    assert target.title in view.heading.text() and "地毯式搜查" in view.body.text()
    assert view.remove_question_button.isEnabled()
    view.remove_question_button.click()
    assert view.index == target.index and view.replay.steps[target.index].question is None
    assert target.title in view.heading.text()


def test_training_package_round_trip_from_the_gui(make_window, qtbot, tmp_path):
    window = make_window("trainer")
    case_id = _close_case_a(window)
    dialog = ExportPackageDialog(window)
    qtbot.addWidget(dialog)
    dialog.case.setCurrentIndex(dialog.case.findData(case_id))
    out = tmp_path / "a.zip"
    handle = dialog.export(str(out))
    assert handle.wait(120_000) and handle.error is None, handle.error
    assert out.exists() and len(dialog.chosen_ids()) == handle.result.frames
    handle = import_package(window, str(out))
    assert handle.wait(120_000) and handle.error is None, handle.error
    with window.context.sessions() as s:
        ids = [r[0] for r in replay.replayable_cases(s, window.context.actor)]
    assert handle.result.case_id in ids


def test_titles_of_steps_not_reached_stay_hidden(make_window, qtbot, monkeypatch):
    """At step 1 the list gives nothing away; keys step; the outcome asks before a jump."""
    from PySide6.QtCore import Qt

    window = make_window("trainer")
    case_id = _close_case_a(window)
    window.set_current_case(case_id)
    view = window.show_view("replay")
    assert view.case_combo.currentData() == case_id  # the case chosen in the list
    view.open_button.click()
    steps = view.replay.steps
    listed = " ".join(view.steps.item(i).text() for i in range(1, len(steps)))
    for step in steps[1:-1]:
        assert step.title not in listed
    assert "尚未进行到" in view.steps.item(1).text()
    for key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
        before = view.index
        qtbot.keyClick(view.steps, key)
        assert view.index == before + 1
    assert steps[1].title in view.steps.item(1).text()
    qtbot.keyClick(view.steps, Qt.Key.Key_PageUp)
    assert view.index == 2
    asked = []
    monkeypatch.setattr(view, "confirm_skip", lambda n: asked.append(n) or False)
    view.steps.setCurrentRow(len(steps) - 1)
    assert view.index == 2 and asked == [len(steps) - 5]
    assert view.steps.item(len(steps) - 1).text().endswith("（未揭晓）")
    monkeypatch.setattr(view, "confirm_skip", lambda n: True)
    view.go(len(steps) - 1)
    assert view.index == len(steps) - 1
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=20000)
