"""Editing a camera in the GUI: retention changes the urgent list at once, the field of view
changes the wedge, bad input is refused in Chinese, Edit ▸ Undo takes a change back; the review
bench's registry dialog uses the same form."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.evidence import cameras


def _urgent(view) -> list[str]:
    return [view.canvass.urgent.item(i).text() for i in range(view.canvass.urgent.count())]


def _cam(view, code: str):
    return next(e.camera for e in view.board.entries if e.camera.code == code)


def _answer_with(view, monkeypatch, fill):
    """Answer the camera dialog: ``fill(form)`` then Save; True if it closed saved."""
    seen = []

    def answer(dialog):
        seen.append(dialog)
        fill(dialog.form)
        return dialog.try_save()

    monkeypatch.setattr(view, "_exec", answer)
    return seen


def test_editing_retention_updates_the_urgent_list(view, monkeypatch):
    assert any("SF-TQ-012" in t for t in _urgent(view))
    cam = _cam(view, "SF-TQ-012")
    _answer_with(view, monkeypatch, lambda form: form.retention.setValue(60))
    assert view.edit_camera(cam.id)
    assert not any("SF-TQ-012" in t for t in _urgent(view))      # 60 days: not urgent any more
    row = [e.camera.code for e in view.canvass.entries].index("SF-TQ-012")
    assert view.canvass.table.item(row, 5).text() == "60 天"
    with unit_of_work(view.context.sessions) as s:
        assert cameras.get_camera(s, SYSTEM, cam.id).retention_days == 60
    view.undo_stack.undo()                                         # Edit ▸ Undo
    assert any("SF-TQ-012" in t for t in _urgent(view))
    with unit_of_work(view.context.sessions) as s:
        assert cameras.get_camera(s, SYSTEM, cam.id).retention_days == 7
    view.undo_stack.redo()
    assert not any("SF-TQ-012" in t for t in _urgent(view))


def test_editing_the_field_of_view_changes_the_wedge(view, monkeypatch):
    cam = _cam(view, "SF-TQ-003")
    before = view.map.wedges[cam.id].path().boundingRect()
    _answer_with(view, monkeypatch, lambda form: (form.fov_deg.setValue(150),
                                                  form.facing_deg.setValue(90)))
    assert view.edit_camera(cam.id)
    wedge = view.map.wedges[cam.id]
    assert (wedge.fov, wedge.facing) == (150.0, 90.0)
    after = wedge.path().boundingRect()
    assert after.height() > before.height() * 1.5          # wider, and now turned to the east
    assert after.center().x() > 0 < before.center().y()   # east now; south before
    assert view.undo_stack.count() == 1 and "SF-TQ-003" in view.undo_stack.undoText()


def test_bad_input_is_refused_in_chinese_and_nothing_is_saved(view, monkeypatch):
    cam = _cam(view, "SF-TQ-012")
    seen = _answer_with(view, monkeypatch, lambda form: (form.edits["lat"].setText("北纬27度"),
                                                         form.retention.setValue(30)))
    assert not view.edit_camera(cam.id)
    form = seen[0].form
    assert "十进制" in form.error.text() and form.edits["lat"].styleSheet()
    form.edits["lat"].setText("27.8655")
    form.edits["lon"].clear()                                       # only one half of a position
    assert not seen[0].try_save()
    assert "纬度和经度" in form.error.text()
    form.edits["lon"].setText("213.1")                              # out of range: the service
    assert not seen[0].try_save() and "-180" in form.error.text()
    assert form.edits["lon"].styleSheet() and not form.edits["lat"].styleSheet()
    form.edits["lon"].setText("113.159")
    form.edits["name"].clear()
    assert not seen[0].try_save() and "名称" in form.error.text()
    with unit_of_work(view.context.sessions) as s:
        assert cameras.get_camera(s, SYSTEM, cam.id).retention_days == 7
    assert view.undo_stack.count() == 0


def test_double_clicking_a_camera_on_the_map_opens_its_form(view, qtbot, monkeypatch):
    cam = _cam(view, "SF-TQ-012")
    opened = []
    monkeypatch.setattr(view, "_exec", lambda dialog: opened.append(dialog) or False)
    view.show()
    qtbot.waitExposed(view)
    view.tabs.setCurrentIndex(0)
    at = view.map.mapFromScene(view.map.wedges[cam.id].scenePos())
    assert view.map.camera_at(at) == cam.id
    qtbot.mouseDClick(view.map.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert len(opened) == 1 and opened[0].form.edits["code"].text() == "SF-TQ-012"
    assert opened[0].form.retention.value() == 7
    assert view.map.camera_at(QPoint(2, 2)) is None


def test_registry_dialog_edits_with_undo(qtbot, view):
    from PySide6.QtGui import QUndoStack

    from app.ui.review.camera_dialog import CameraDialog

    stack = QUndoStack()
    dlg = CameraDialog(view.context.sessions, SYSTEM, undo_stack=stack)
    qtbot.addWidget(dlg)
    row = [c.code for c in dlg.cameras].index("SF-TQ-012")
    dlg.table.selectRow(row)
    assert dlg.form.retention.value() == 7
    dlg.form.retention.setValue(15)
    dlg.form.view_m.setValue(80)
    dlg.save()
    with unit_of_work(view.context.sessions) as s:
        saved = cameras.find_camera(s, SYSTEM, "SF-TQ-012")
    assert (saved.retention_days, saved.view_m) == (15, 80.0)
    assert dlg.table.item(row, 4).text() == "15 天"
    stack.undo()
    with unit_of_work(view.context.sessions) as s:
        assert cameras.find_camera(s, SYSTEM, "SF-TQ-012").retention_days == 7
    assert dlg.form.retention.value() == 7


def test_turning_a_wedge_is_undoable(view):
    cam = _cam(view, "SF-TQ-003")
    view.map.camera_turned.emit(cam.id, 45.0)        # what dragging the wedge emits
    assert view.map.wedges[cam.id].facing == 45.0
    assert "SF-TQ-003" in view.undo_stack.undoText()
    view.undo_stack.undo()
    assert view.map.wedges[cam.id].facing == 180.0
    with unit_of_work(view.context.sessions) as s:
        assert cameras.get_camera(s, SYSTEM, cam.id).facing_deg == 180.0


def test_edit_undo_in_the_main_window_reverts_a_camera_edit(main_window, qtbot, monkeypatch):
    from tests.ui.investigation.conftest import two_cameras

    two_cameras(main_window.context.sessions)
    view = main_window.show_view("investigation")
    view.reload()
    cam = _cam(view, "SF-TQ-012")
    _answer_with(view, monkeypatch, lambda form: form.retention.setValue(30))
    assert view.edit_camera(cam.id)
    assert main_window.undo_action.isEnabled()
    main_window.undo_action.trigger()
    with unit_of_work(view.context.sessions) as s:
        assert cameras.get_camera(s, SYSTEM, cam.id).retention_days == 7
    assert _cam(view, "SF-TQ-012").retention_days == 7


def test_undo_after_someone_else_changed_the_camera_is_refused_plainly(view, monkeypatch):
    from dataclasses import replace

    cam = _cam(view, "SF-TQ-012")
    _answer_with(view, monkeypatch, lambda form: form.retention.setValue(30))
    assert view.edit_camera(cam.id)
    with unit_of_work(view.context.sessions) as s:                  # another workstation
        now = cameras.get_camera(s, SYSTEM, cam.id)
        cameras.update_camera(s, SYSTEM, cam.id, replace(cameras.camera_input(now),
                                                         contact_name="王经理"), now.version)
    view.undo_stack.undo()
    assert view.message.text() == "其他人已修改此摄像头，请重新加载。"
    assert view.undo_stack.count() == 0                               # the step is dropped
    with unit_of_work(view.context.sessions) as s:
        kept = cameras.get_camera(s, SYSTEM, cam.id)
    assert (kept.retention_days, kept.contact_name) == (30, "王经理")
