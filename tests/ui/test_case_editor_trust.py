"""Case editor: Edit ▸ Undo before a save, "modified" means "differs", a settled case asks why,
read-only fields say so."""

from __future__ import annotations

from app.demo import CASE_A_NO, CASE_B_NO
from app.services.casefile import cases as case_services
from app.services.common.context import SYSTEM
from app.ui.casefile import change_reason
from tests.ui.test_main_window import _db_case, _view, type_text


def _select(window, case_no: str, qtbot):
    view = _view(window)
    with window.context.sessions() as s:
        case_id = case_services.get_case(s, SYSTEM, case_no).id
    view.list.select_case(case_id)
    qtbot.waitUntil(lambda: view.editor.detail is not None
                    and view.editor.detail.id == case_id, timeout=5000)
    return view


def test_unsaved_edit_undoes_at_once_and_back_to_original_is_not_modified(main_window, qtbot):
    view = _view(main_window)
    title = view.editor.facts.main_form.editor("title")
    original = title.text()
    assert not main_window.undo_action.isEnabled() or main_window.undo_action.text()
    type_text(title, "（补充）")
    assert view.editor.dirty and main_window.isWindowModified()
    assert main_window.undo_action.isEnabled()          # before any save
    main_window.undo_action.trigger()
    assert title.text() == original
    assert not view.editor.dirty and not main_window.isWindowModified()
    main_window.redo_action.trigger()
    assert title.text() == original + "（补充）" and view.editor.dirty
    title.selectAll()
    title.insert(original)                               # typed back by hand
    assert not view.editor.dirty


def test_saving_a_settled_case_asks_for_a_reason(main_window, qtbot, monkeypatch):
    view = _select(main_window, CASE_B_NO, qtbot)
    assert view.editor.detail.status in ("solved", "closed")
    asked = []
    monkeypatch.setattr(change_reason, "ask_reason",
                        lambda parent, status: asked.append(status) or None)
    weather = view.editor.facts.main_form.editor("weather")
    type_text(weather, "，有雾")
    assert not view.editor.save() and asked and view.editor.dirty   # cancelled: not saved
    monkeypatch.setattr(change_reason, "ask_reason", lambda parent, status: "补录天气情况")
    assert view.editor.save()
    changes = [c for c in _db_case(main_window, CASE_B_NO).changes if c.field == "weather"]
    assert changes[-1].reason == "补录天气情况"


def test_reviewer_read_only_fields_say_so(qtbot, zh_ui, demo_db, ui_settings):
    from app.models.enums import Role
    from app.services.common.context import Actor
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow

    paths, engine, factory = demo_db
    reviewer = Actor(user_id=None, username="rev", role=Role.REVIEWER, display_name="审核员")
    window = MainWindow(AppContext(paths, engine, factory, reviewer, ui_settings, CASE_A_NO))
    view = window.show_view("cases")
    qtbot.waitUntil(lambda: view.editor.detail is not None and not view.is_busy(), timeout=10000)
    facts = view.editor.facts
    assert facts.read_only_banner.isVisibleTo(facts) and "只读" in facts.read_only_banner.text()
    title = facts.main_form.editor("title")
    assert title.isReadOnly() and title.toolTip() == "只读"
    facts.resize(1000, 700)
    facts.grab().save("/tmp/trust/read_only_facts.png")
    window.close()
    window.deleteLater()


def test_clearing_the_search_stays_on_the_open_case(main_window, qtbot):
    view = _view(main_window)
    panel = view.list
    opened = view.editor.detail.case_no
    assert opened == CASE_A_NO
    with qtbot.waitSignal(panel.searched, timeout=5000):
        type_text(panel.search, "杉木塘")                  # Case A is not among the results
    shown = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert CASE_A_NO not in shown and shown
    assert view.editor.detail.case_no == CASE_A_NO         # nothing jumped
    with qtbot.waitSignal(panel.searched, timeout=5000):
        panel.search.clear()
    assert view.editor.detail.case_no == CASE_A_NO
    assert panel.current_case_id() == view.editor.detail.id
