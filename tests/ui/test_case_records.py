"""The case editor's records (persons, vehicles, events) in the main window: add and edit
through the record dialog with a reason, history, undo; the timeline's reasoning chain."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _editor(window):
    return window.view("cases").editor


def test_records_history_and_undo(main_window):
    editor = _editor(main_window)
    persons = editor.sections["person"]
    count = persons.model.rowCount()
    dialog = editor.records.record_dialog("person")
    dialog.form.set_values({"role": "witness", "description": "穿黄色雨衣的环卫工人"})
    dialog._on_ok()
    assert persons.model.rowCount() == count + 1
    witness = persons.current()
    assert witness.name is None
    edit = editor.records.record_dialog("person", witness)
    edit.form.set_values({"name": "王某", "identified": True})
    edit.note_form.set_values({"reason": "走访确认"})
    edit._on_ok()
    assert edit.result() == edit.DialogCode.Accepted
    persons.select_id(witness.id)
    history = persons.history_model.rows()
    name_change = next(c for c in history if c.field == "name")
    assert name_change.old_value is None and name_change.new_value == "王某"
    assert name_change.reason == "走访确认"
    model = persons.history_model
    shown = {model.index(r, 1).data(): model.index(r, 3).data() for r in range(model.rowCount())}
    assert shown["姓名"] == "王某" and shown["身份已确认"] == "是"
    main_window.undo_action.trigger()
    assert editor.sections["person"].current().name is None
    main_window.undo_action.trigger()
    assert persons.model.rowCount() == count
    vehicles = editor.sections["vehicle"]
    first = vehicles.model.row_object(0)
    editor.records.delete_record("vehicle", first)
    assert vehicles.model.rowCount() == 1
    main_window.undo_action.trigger()
    assert vehicles.model.rowCount() == 2
    assert any(v.kind == first.kind and v.colour == first.colour
               for v in vehicles.model.rows())


def test_timeline_shows_the_reasoning_chain(main_window):
    editor = _editor(main_window)
    events = editor.sections["event"]
    arrest = next(e for e in events.model.rows() if e.kind == "arrest")
    chain_ids = set(arrest.basis_ids)
    assert chain_ids  # the demo's arrest rests on the identification
    events.select_id(arrest.id)
    text = editor.reasoning.label.text()
    assert "研判链条" in text and arrest.title in text
    for basis in (e for e in events.model.rows() if e.id in chain_ids):
        assert basis.title in text
    dialog = editor.records.record_dialog("event", arrest)
    basis_choices = dialog.form.editor("basis_ids")
    codes = [basis_choices.item(i).data(Qt.ItemDataRole.UserRole)
             for i in range(basis_choices.count())]
    assert arrest.id not in codes and set(arrest.basis_ids) <= set(codes)
    assert set(dialog.form.values()["basis_ids"]) == set(arrest.basis_ids)
    observation = next(e for e in events.model.rows() if e.kind == "observation")
    events.select_id(observation.id)
    assert "以此为依据" in editor.reasoning.label.text()  # an inference rests on it
