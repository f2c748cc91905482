"""Undo/redo of case-file edits (``QUndoStack`` commands over :class:`CaseStore`).

The first execution happens before a command is pushed (so a ValidationError reaches the form
and nothing lands on the stack); commands are built with the result and their first ``redo``
does nothing. Later undo/redo call the services again. Records deleted and re-created get new
ids: commands share a :class:`Ref` per record (``Refs.get(kind, id)``), which follows the id.
A failing undo/redo (someone else changed the record, a workflow rule) shows the error and
drops the command from the stack (``setObsolete``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.services.casefile.dto import CaseDetail, CaseInput, ChangeNote
from app.services.common.errors import ServiceError
from app.ui.casefile.store import CaseStore
from app.ui.widgets.undo import AppliedCommand

ErrorHandler = Callable[[Exception], None]


@dataclass
class Ref:
    """The current id and version of one record (case, person, ...)."""

    kind: str
    id: int
    version: int | None = None


class Refs:
    """One shared :class:`Ref` per record, re-keyed when a record comes back with a new id."""

    def __init__(self) -> None:
        self._refs: dict[tuple[str, int], Ref] = {}

    def get(self, kind: str, record_id: int, version: int | None = None) -> Ref:
        ref = self._refs.setdefault((kind, record_id), Ref(kind, record_id, version))
        if version is not None:
            ref.version = version
        return ref

    def moved(self, ref: Ref, new_id: int, version: int | None) -> None:
        self._refs.pop((ref.kind, ref.id), None)
        ref.id, ref.version = new_id, version
        self._refs[(ref.kind, new_id)] = ref


class StoreCommand(AppliedCommand):
    """Base: first redo skipped; errors go to ``on_error`` and make the command obsolete."""

    def __init__(self, store: CaseStore, refs: Refs, text: str, on_error: ErrorHandler):
        super().__init__(text)
        self.store, self.refs, self.on_error = store, refs, on_error
        self.failed: Exception | None = None

    def run(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except ServiceError as exc:
            self.failed = exc
            self.setObsolete(True)
            self.on_error(exc)


class CreateCaseCommand(StoreCommand):
    def __init__(self, store, refs, text, on_error, data: CaseInput, created: CaseDetail):
        super().__init__(store, refs, text, on_error)
        self.data = data
        self.case = refs.get("case", created.id, created.version)

    def do_undo(self) -> None:
        self.store.delete_case(self.case.id, self.case.version)

    def do_redo(self) -> None:
        detail = self.store.create_case(self.data)
        self.refs.moved(self.case, detail.id, detail.version)


class _EditCommand(StoreCommand):
    """An edit: undo applies ``before``, redo ``after`` (subclasses say how, in ``_apply``)."""

    before: Any
    after: Any

    def _apply(self, data: Any) -> None:
        raise NotImplementedError

    def do_undo(self) -> None:
        self._apply(self.before)

    def do_redo(self) -> None:
        self._apply(self.after)


class EditCaseCommand(_EditCommand):
    def __init__(self, store, refs, text, on_error, case: Ref, before: CaseInput,
                 after: CaseInput, note: ChangeNote | None = None):
        super().__init__(store, refs, text, on_error)
        self.case, self.before, self.after, self.note = case, before, after, note

    def _apply(self, data: CaseInput) -> None:
        detail = self.store.update_case(self.case.id, data, self.case.version, self.note)
        self.case.version = detail.version


class StatusCommand(StoreCommand):
    """A status transition; undo is the reverse transition (when the workflow allows it)."""

    def __init__(self, store, refs, text, on_error, case: Ref, before: str, after: str,
                 reason: str, undo_reason: str):
        super().__init__(store, refs, text, on_error)
        self.case, self.before, self.after = case, before, after
        self.reason, self.undo_reason = reason, undo_reason

    def _go(self, status: str, reason: str) -> None:
        detail = self.store.change_status(self.case.id, status, reason, self.case.version)
        self.case.version = detail.version

    def do_undo(self) -> None:
        self._go(self.before, self.undo_reason)

    def do_redo(self) -> None:
        self._go(self.after, self.reason)


class DeleteCaseCommand(StoreCommand):
    """Delete a case; undo re-creates it with all its records (see ``case_restore``)."""

    def __init__(self, store, refs, text, on_error, case: Ref, snapshot: CaseDetail):
        super().__init__(store, refs, text, on_error)
        self.case, self.snapshot = case, snapshot

    def do_undo(self) -> None:
        from app.ui.casefile.restore import restore_case

        detail = restore_case(self.store, self.snapshot)
        self.refs.moved(self.case, detail.id, detail.version)
        self.snapshot = detail

    def do_redo(self) -> None:
        self.store.delete_case(self.case.id, self.case.version)


class AddRecordCommand(StoreCommand):
    def __init__(self, store, refs, text, on_error, case: Ref, data: Any, created: Any,
                 kind: str, note: ChangeNote | None = None):
        super().__init__(store, refs, text, on_error)
        self.case, self.data, self.kind, self.note = case, data, kind, note
        self.record = refs.get(kind, created.id, created.version)

    def do_undo(self) -> None:
        self.store.delete_record(self.kind, self.case.id, self.record.id, self.record.version)

    def do_redo(self) -> None:
        dto = self.store.add_record(self.kind, self.case.id, self.data, self.note)
        self.refs.moved(self.record, dto.id, dto.version)


class EditRecordCommand(_EditCommand):
    def __init__(self, store, refs, text, on_error, case: Ref, record: Ref, before: Any,
                 after: Any, note: ChangeNote | None = None):
        super().__init__(store, refs, text, on_error)
        self.case, self.record, self.before, self.after, self.note = case, record, before, after, note

    def _apply(self, data: Any) -> None:
        dto = self.store.update_record(self.record.kind, self.case.id, self.record.id, data,
                                       self.record.version, self.note)
        self.record.version = dto.version


class DeleteRecordCommand(StoreCommand):
    """Delete a record; undo adds it back (a new id; its history stays with the old one)."""

    def __init__(self, store, refs, text, on_error, case: Ref, record: Ref, before: Any):
        super().__init__(store, refs, text, on_error)
        self.case, self.record, self.before = case, record, before

    def do_undo(self) -> None:
        dto = self.store.add_record(self.record.kind, self.case.id, self.before)
        self.refs.moved(self.record, dto.id, dto.version)

    def do_redo(self) -> None:
        self.store.delete_record(self.record.kind, self.case.id, self.record.id,
                                 self.record.version)
