"""RecordController against a minimal host that only has what RecordHost declares: every action
goes through the store first and lands on the undo stack, undo and redo go back through it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import SimpleNamespace

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from app.services.common.errors import ConflictError
from app.ui.casefile.record_controller import RecordController
from app.ui.casefile.undo import Refs


@dataclass(frozen=True)
class Rec:
    id: int
    version: int
    name: str


class FakeStore:
    """The CaseStore calls the controller and its undo commands make, on a dict."""

    def __init__(self) -> None:
        self.rows: dict[int, Rec] = {}
        self._next = 1

    def add_record(self, kind, case_id, data, note=None):
        rec = Rec(self._next, 1, data["name"])
        self._next += 1
        self.rows[rec.id] = rec
        return rec

    def update_record(self, kind, case_id, record_id, data, version, note=None):
        if self.rows[record_id].version != version:
            raise ConflictError("stale", kind, record_id)
        rec = replace(self.rows[record_id], version=version + 1, name=data["name"])
        self.rows[record_id] = rec
        return rec

    def delete_record(self, kind, case_id, record_id, version):
        assert self.rows[record_id].version == version
        del self.rows[record_id]


class FakeHost:
    """Exactly the members of RecordHost."""

    def __init__(self) -> None:
        self.store = FakeStore()
        self.refs = Refs()
        self.undo_stack = QUndoStack()
        self.kinds = {"person": SimpleNamespace(noun="人员", label=lambda r: r.name,
                                                to_input=lambda r: {"name": r.name})}
        self.selected: list[int] = []
        self.sections = {"person": SimpleNamespace(select_id=self.selected.append)}
        self.detail = None
        self.case_ref = self.refs.get("case", 7, 1)
        self.errors: list[Exception] = []
        self.reloads = 0

    def reload(self) -> None:
        self.reloads += 1

    def on_command_error(self, exc: Exception) -> None:
        self.errors.append(exc)


@pytest.fixture
def host_and_records(qtbot):
    view = QWidget()
    qtbot.addWidget(view)
    host = FakeHost()
    return host, RecordController(host, view)


def test_add_edit_delete_with_undo_through_the_store(host_and_records):
    host, records = host_and_records
    stack, rows = host.undo_stack, host.store.rows
    dto = records.add_record("person", {"name": "人员B"})
    assert rows == {dto.id: dto} and host.selected == [dto.id]
    assert stack.undoText().endswith("人员B")  # "Add person …" in the UI language
    new = records.update_record("person", dto, {"name": "人员C"})
    assert rows[dto.id].name == "人员C" and new.version == 2
    stack.undo()
    assert rows[dto.id].name == "人员B" and rows[dto.id].version == 3
    stack.redo()
    assert rows[dto.id].name == "人员C"
    records.delete_record("person", rows[dto.id])
    assert rows == {}
    stack.undo()  # the record comes back under a new id
    (back,) = rows.values()
    assert back.name == "人员C" and back.id != dto.id
    stack.undo()  # the edit is undone on the record that came back
    assert rows[back.id].name == "人员B" and host.errors == []


def test_a_stale_undo_goes_to_the_hosts_error_handler(host_and_records):
    host, records = host_and_records
    dto = records.add_record("person", {"name": "人员A"})
    records.update_record("person", dto, {"name": "人员A（78岁）"})
    host.store.rows[dto.id] = replace(host.store.rows[dto.id], version=9)  # someone else saved
    host.undo_stack.undo()
    assert len(host.errors) == 1 and isinstance(host.errors[0], ConflictError)
    assert host.store.rows[dto.id].name == "人员A（78岁）"  # nothing overwritten
