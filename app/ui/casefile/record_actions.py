"""Record actions of the case editor (persons, vehicles, meetings, inquiries, events).

A mixin of :class:`app.ui.casefile.editor.CaseEditor`: each action runs the service first (errors
propagate; a dialog shows them inline) and pushes an already-done undo command.
"""

from __future__ import annotations

from app.models.types import utcnow
from app.services.casefile.dto import ChangeNote
from app.services.common.errors import NotFoundError, ServiceError
from app.ui.casefile import dialogs as case_dialogs
from app.ui.casefile.undo import AddRecordCommand, DeleteRecordCommand, EditRecordCommand
from app.ui.error_dialogs import report_error
from app.ui.widgets.conflict_dialog import Resolution, ValueText, resolve_conflict


class RecordActionsMixin:
    """Needs ``store``, ``refs``, ``undo_stack``, ``kinds``, ``sections``, ``detail``,
    ``case_ref``, ``reload()`` and ``_on_command_error`` from the editor."""

    # -- records ---------------------------------------------------------------------------
    def add_record(self, kind: str, data, note: ChangeNote | None = None):
        assert self.case_ref is not None
        spec = self.kinds[kind]
        dto = self.store.add_record(kind, self.case_ref.id, data, note)
        self.undo_stack.push(AddRecordCommand(
            self.store, self.refs, self.tr("Add {noun} {label}").format(
                noun=spec.noun, label=spec.label(dto)),
            self._on_command_error, self.case_ref, data, dto, kind, note))
        self.sections[kind].select_id(dto.id)
        return dto

    def update_record(self, kind: str, dto, data, note: ChangeNote | None = None,
                      expected_version: int | None = None, before=None):
        """Save ``data`` over record ``dto``; ``expected_version``/``before`` after a merge
        (the other workstation's version and values, for the check and for undo)."""
        assert self.case_ref is not None
        spec = self.kinds[kind]
        ref = self.refs.get(kind, dto.id)
        if ref.version is None:
            ref.version = dto.version
        if expected_version is not None:
            ref.version = expected_version
        new = self.store.update_record(kind, self.case_ref.id, dto.id, data, ref.version, note)
        before = spec.to_input(dto) if before is None else before
        ref.version = new.version
        self.undo_stack.push(EditRecordCommand(
            self.store, self.refs, self.tr("Edit {noun} {label}").format(
                noun=spec.noun, label=spec.label(new)),
            self._on_command_error, self.case_ref, ref, before, data, note))
        return new

    def delete_record(self, kind: str, dto) -> None:
        assert self.case_ref is not None
        spec = self.kinds[kind]
        ref = self.refs.get(kind, dto.id, dto.version)
        self.store.delete_record(kind, self.case_ref.id, dto.id, dto.version)
        self.undo_stack.push(DeleteRecordCommand(
            self.store, self.refs, self.tr("Delete {noun} {label}").format(
                noun=spec.noun, label=spec.label(dto)),
            self._on_command_error, self.case_ref, ref, spec.to_input(dto)))

    def record_dialog(self, kind: str, dto=None) -> case_dialogs.FormDialog:
        """The add/edit dialog (not shown): tests fill ``dialog.form`` and call accept paths."""
        assert self.detail is not None
        spec = self.kinds[kind]
        if dto is None:
            title = self.tr("Add {noun}").format(noun=spec.noun)

            def save(data, note, _version):
                return self.add_record(kind, data, note)
        else:
            title = self.tr("Edit {noun}").format(noun=spec.noun)

            def save(data, note, version):
                return self.update_record(kind, dto, data, note, version, dialog.base)
        specs, tz = spec.fields(self.detail), self.detail.tz

        def resolve(exc, base, shown, mine) -> Resolution:
            return resolve_conflict(dialog, exc, base, shown, mine,
                                    lambda: self._theirs_record(kind, dto.id), ValueText(specs, tz))
        dialog = case_dialogs.FormDialog(title, specs, spec.make_input, save, tz=tz,
                                         with_note=spec.takes_note and dto is not None,
                                         resolve=resolve, parent=self)
        dialog.setObjectName(f"{kind}_dialog")
        if dto is not None:
            if kind == "event":  # an event cannot rest on itself
                dialog.form.remove_choice("basis_ids", dto.id)
            dialog.form.set_values({n: getattr(dto, n) for n in dialog.form.values()})
            dialog.set_base(spec.to_input(dto))
        else:
            dialog.form.set_values(self._defaults(kind))
        return dialog

    def _theirs_record(self, kind: str, record_id: int) -> tuple:
        """A record as now saved in the database, and its version (NotFoundError if deleted)."""
        spec = self.kinds[kind]
        for record in spec.records(self.store.detail(self.case_ref.id)):
            if record.id == record_id:
                return spec.to_input(record), record.version
        raise NotFoundError(self.tr("This {noun} was deleted by someone else meanwhile; your "
                                    "changes were not saved.").format(noun=spec.noun))

    def _defaults(self, kind: str) -> dict:
        d = self.detail
        when = d.occurred_at if d and d.occurred_at else None
        return {"occurred_at": when or utcnow(), "held_at": utcnow(), "status": "open"}

    def add_record_dialog(self, kind: str) -> None:
        if self.detail is not None:
            self._run(self.record_dialog(kind))

    def edit_record_dialog(self, kind: str, dto) -> None:
        if self.detail is not None:
            self._run(self.record_dialog(kind, dto))

    def _run(self, dialog: case_dialogs.FormDialog) -> None:
        dialog.exec()
        if dialog.reloaded:
            self.reload()

    def delete_record_dialog(self, kind: str, dto) -> None:
        spec = self.kinds[kind]
        if not case_dialogs.confirm_delete(
                self, self.tr("Delete {noun}").format(noun=spec.noun),
                self.tr("Delete {noun} “{label}”? (Edit ▸ Undo brings it back.)").format(
                    noun=spec.noun, label=spec.label(dto))):
            return
        try:
            self.delete_record(kind, dto)
        except ServiceError as exc:
            report_error(exc, self)

