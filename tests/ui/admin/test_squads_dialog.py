"""Squads dialog: an administrator sets a squad's time zone; a bad zone name is refused inline
in Chinese and nothing is saved."""

from __future__ import annotations

from app.services.org import officers
from app.ui.admin.squads_dialog import SquadEditDialog, SquadsDialog


def _squads(window):
    with window.context.sessions() as s:
        return officers.list_squads(s, window.context.actor)


def test_admin_sets_the_squad_zone_and_a_bad_name_is_refused(make_window, qtbot, tmp_path):
    window = make_window("admin")
    assert "中队管理…" in [a.text() for a in window.menu("tools").actions()]
    dialog = SquadsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 2).text() == "Asia/Shanghai"
    dialog.table.selectRow(0)
    edit = SquadEditDialog(dialog, window.context, dialog.selected())
    qtbot.addWidget(edit)
    edit.tz.setCurrentText("Asia/Urumchi")                     # misspelt
    assert not edit.save()
    assert "未知的时区" in edit.error.text() and edit.error.isVisibleTo(edit)
    assert _squads(window)[0].tz == "Asia/Shanghai"            # nothing saved
    edit.tz.setCurrentText("Asia/Urumqi")
    edit.grab().save(str(tmp_path / "squad_edit.png"))
    assert edit.save() and edit.saved is not None and edit.saved.tz == "Asia/Urumqi"
    dialog.reload()
    assert dialog.table.item(0, 2).text() == "Asia/Urumqi" == _squads(window)[0].tz
    dialog.grab().save(str(tmp_path / "squads.png"))
    officer = make_window("officer", "west")
    assert officer.context.tz == "Asia/Urumqi"                 # the officer's squad zone


def test_officers_do_not_get_the_squads_menu(make_window):
    officer = make_window("officer")
    assert "中队管理…" not in [a.text() for a in officer.menu("tools").actions()]
