"""Record actions of the case editor (persons, vehicles, meetings, inquiries, events).

``CaseEditor.records``: each action runs the service first (errors propagate; a dialog shows them
inline) and pushes an already-done undo command. :class:`RecordHost` is all it needs from the
editor.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from app.models.types import utcnow
from app.services.casefile.dto import CaseDetail, ChangeNote
from app.services.common.errors import ConflictError, NotFoundError, ServiceError
from app.ui.casefile import dialogs as case_dialogs
from app.ui.casefile.record_specs import RecordKind
from app.ui.casefile.records_tab import RecordSection
from app.ui.casefile.store import CaseStore
from app.ui.casefile.undo import (
    AddRecordCommand,
    DeleteRecordCommand,
    EditRecordCommand,
    Ref,
    Refs,
)
from app.ui.error_dialogs import report_error
from app.ui.widgets.conflict_dialog import Resolution, ValueText, resolve_conflict


class RecordHost(Protocol):
    """What the record controller needs from the case editor."""

    store: CaseStore
    refs: Refs
    undo_stack: QUndoStack
    kinds: dict[str, RecordKind]
    sections: dict[str, RecordSection]
    detail: CaseDetail | None
    case_ref: Ref | None

    def reload(self) -> None: ...
    def on_command_error(self, exc: Exception) -> None: ...


class RecordController(QObject):
    """Add, edit and delete the records of the shown case; ``view`` parents the dialogs."""

    def __init__(self, host: RecordHost, view: QWidget) -> None:
        super().__init__(view)
        self.host, self.view = host, view

    def _case(self) -> Ref:
        assert self.host.case_ref is not None, "record actions need a shown case"
        return self.host.case_ref

    # -- records ---------------------------------------------------------------------------
    def add_record(self, kind: str, data: Any, note: ChangeNote | None = None) -> Any:
        host, case = self.host, self._case()
        spec = host.kinds[kind]
        dto = host.store.add_record(kind, case.id, data, note)
        host.undo_stack.push(AddRecordCommand(
            host.store, host.refs, self.tr("Add {noun} {label}").format(
                noun=spec.noun, label=spec.label(dto)),
            host.on_command_error, case, data, dto, kind, note))
        host.sections[kind].select_id(dto.id)
        return dto

    def update_record(self, kind: str, dto: Any, data: Any, note: ChangeNote | None = None,
                      expected_version: int | None = None, before: Any = None) -> Any:
        """Save ``data`` over record ``dto``; ``expected_version``/``before`` after a merge
        (the other workstation's version and values, for the check and for undo)."""
        host, case = self.host, self._case()
        spec = host.kinds[kind]
        ref = host.refs.get(kind, dto.id)
        if ref.version is None:
            ref.version = dto.version
        if expected_version is not None:
            ref.version = expected_version
        new = host.store.update_record(kind, case.id, dto.id, data, ref.version, note)
        before = spec.to_input(dto) if before is None else before
        ref.version = new.version
        host.undo_stack.push(EditRecordCommand(
            host.store, host.refs, self.tr("Edit {noun} {label}").format(
                noun=spec.noun, label=spec.label(new)),
            host.on_command_error, case, ref, before, data, note))
        return new

    def delete_record(self, kind: str, dto: Any) -> None:
        host, case = self.host, self._case()
        spec = host.kinds[kind]
        ref = host.refs.get(kind, dto.id, dto.version)
        host.store.delete_record(kind, case.id, dto.id, dto.version)
        host.undo_stack.push(DeleteRecordCommand(
            host.store, host.refs, self.tr("Delete {noun} {label}").format(
                noun=spec.noun, label=spec.label(dto)),
            host.on_command_error, case, ref, spec.to_input(dto)))

    def record_dialog(self, kind: str, dto: Any = None) -> case_dialogs.FormDialog:
        """The add/edit dialog (not shown): tests fill ``dialog.form`` and call accept paths."""
        detail = self.host.detail
        assert detail is not None
        spec = self.host.kinds[kind]
        if dto is None:
            title = self.tr("Add {noun}").format(noun=spec.noun)

            def save(data: Any, note: ChangeNote | None, version: int | None) -> Any:
                return self.add_record(kind, data, note)
        else:
            title = self.tr("Edit {noun}").format(noun=spec.noun)

            def save(data: Any, note: ChangeNote | None, version: int | None) -> Any:
                return self.update_record(kind, dto, data, note, version, dialog.base)
        specs, tz = spec.fields(detail), detail.tz

        def resolve(exc: ConflictError, base: Any, shown: Any, mine: Any) -> Resolution:
            return resolve_conflict(dialog, exc, base, shown, mine,
                                    lambda: self._theirs_record(kind, dto.id), ValueText(specs, tz))
        dialog = case_dialogs.FormDialog(title, specs, spec.make_input, save, tz=tz,
                                         with_note=spec.takes_note and dto is not None,
                                         resolve=resolve, parent=self.view)
        dialog.setObjectName(f"{kind}_dialog")
        if dto is not None:
            if kind == "event":  # an event cannot rest on itself
                dialog.form.remove_choice("basis_ids", dto.id)
            dialog.form.set_values({n: getattr(dto, n) for n in dialog.form.values()})
            dialog.set_base(spec.to_input(dto))
        else:
            dialog.form.set_values(self._defaults())
        return dialog

    def _theirs_record(self, kind: str, record_id: int) -> tuple[Any, int]:
        """A record as now saved in the database, and its version (NotFoundError if deleted)."""
        spec = self.host.kinds[kind]
        for record in spec.records(self.host.store.detail(self._case().id)):
            if record.id == record_id:
                return spec.to_input(record), record.version
        raise NotFoundError(self.tr("This {noun} was deleted by someone else meanwhile; your "
                                    "changes were not saved.").format(noun=spec.noun))

    def _defaults(self) -> dict[str, object]:
        d = self.host.detail
        when = d.occurred_at if d and d.occurred_at else None
        return {"occurred_at": when or utcnow(), "held_at": utcnow(), "status": "open"}

    def add_record_dialog(self, kind: str) -> None:
        if self.host.detail is not None:
            self._run(self.record_dialog(kind))

    def edit_record_dialog(self, kind: str, dto: Any) -> None:
        if self.host.detail is not None:
            self._run(self.record_dialog(kind, dto))

    def _run(self, dialog: case_dialogs.FormDialog) -> None:
        dialog.exec()
        if dialog.reloaded:
            self.host.reload()

    def delete_record_dialog(self, kind: str, dto: Any) -> None:
        spec = self.host.kinds[kind]
        if not case_dialogs.confirm_delete(
                self.view, self.tr("Delete {noun}").format(noun=spec.noun),
                self.tr("Delete {noun} “{label}”? (Edit ▸ Undo brings it back.)").format(
                    noun=spec.noun, label=spec.label(dto))):
            return
        try:
            self.delete_record(kind, dto)
        except ServiceError as exc:
            report_error(exc, self.view)
