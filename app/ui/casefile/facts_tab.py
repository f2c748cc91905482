"""The "facts" tab: the case's own fields as an editable form (saved with Ctrl+S).

Unsaved edits are undoable at once: each edit is a command on the tab's own ``form_stack``,
which becomes the active stack of the window's undo group while there is something to undo
(Edit ▸ Undo is enabled before any save). "Modified" means "differs from the loaded case": undoing
back to the original values clears it. Loading or saving hands Edit ▸ Undo back to the case
stack (``fallback_stack``), where saved changes are undone through the services.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QGroupBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.services.casefile import fields as record_fields
from app.services.casefile.dto import CaseDetail, CaseInput
from app.services.common.clock import zone
from app.services.org.dto import OfficerDTO, SquadDTO
from app.ui.casefile.record_specs import RecordSpecs
from app.ui.widgets.form import FieldSpec, FormWidget
from app.ui.widgets.undo import AppliedCommand

TEXT_FIELDS = tuple(f.name for f in record_fields.declared(CaseInput) if f.kind == "text")


class CaseFieldSpecs(QObject):
    """The case form's fields (translated), from the declaration of :class:`CaseInput`: the
    short ones in ``main``, the long texts in ``texts``."""

    def main(self, officers: list[OfficerDTO], squads: list[SquadDTO]) -> list[FieldSpec]:
        none: list[tuple[object, str]] = [(None, self.tr("(none)"))]
        links = {"lead_officer_id": none + [(o.id, f"{o.name}（{o.badge_no}）") for o in officers],
                 "squad_id": none + [(s.id, s.name) for s in squads]}
        return [s for s in RecordSpecs().declared(CaseInput, links) if s.name not in TEXT_FIELDS]

    def texts(self) -> list[FieldSpec]:
        return [s for s in RecordSpecs().declared(CaseInput) if s.name in TEXT_FIELDS]


class FormEditCommand(AppliedCommand):
    """An unsaved edit of the form: undo/redo put the form's values back (no service call).
    Consecutive edits of the same fields merge (typing a word is one step)."""

    def __init__(self, tab: CaseFactsTab, before: CaseInput, after: CaseInput):
        super().__init__(tab.tr("Edit {fields}").format(fields="、".join(
            tab.field_label(n) for n in _changed(before, after))))
        self.tab, self.before, self.after = tab, before, after

    def id(self) -> int:  # noqa: A003 - Qt API
        return 0x46414354

    def mergeWith(self, other) -> bool:  # noqa: N802 - Qt API
        if _changed(other.before, other.after) != _changed(self.before, self.after):
            return False  # another field: a step of its own
        self.after = other.after
        return True

    def do_undo(self) -> None:
        self.tab.apply_input(self.before)

    def do_redo(self) -> None:
        self.tab.apply_input(self.after)


def _changed(a: CaseInput, b: CaseInput) -> set[str]:
    return {f.name for f in dataclasses.fields(CaseInput) if getattr(a, f.name) != getattr(b, f.name)}


class CaseFactsTab(QWidget):
    """Two forms (short fields in two columns, long texts below); tracks unsaved edits."""

    dirty_changed = Signal(bool)

    def __init__(self, officers: list[OfficerDTO], squads: list[SquadDTO],
                 parent: QWidget | None = None):
        super().__init__(parent)
        specs = CaseFieldSpecs()
        layout = QVBoxLayout(self)
        self.read_only_banner = QLabel(self)
        self.read_only_banner.setObjectName("read_only_banner")
        self.read_only_banner.setStyleSheet(
            "background: #eceff1; color: #37474f; padding: 4px; font-weight: bold;")
        self.read_only_banner.hide()
        layout.addWidget(self.read_only_banner)
        box = QGroupBox(self.tr("Case"), self)
        inner = QVBoxLayout(box)
        main_specs, text_specs = specs.main(officers, squads), specs.texts()
        self.specs: list[FieldSpec] = main_specs + text_specs  # labels for the conflict dialog
        self.main_form = FormWidget(main_specs, columns=2, parent=box)
        inner.addWidget(self.main_form)
        layout.addWidget(box)
        self.text_form = FormWidget(text_specs, parent=self)
        casualties = self.text_form.editor("casualty_summary")
        casualties.setMaximumHeight(70)
        cell = casualties.parentWidget()  # the editor's cell (editor + error line)
        if cell is not None:
            cell.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.text_form.editor("narrative").setMinimumHeight(140)
        layout.addWidget(self.text_form, 1)
        self._detail: CaseDetail | None = None
        self.shown: CaseInput | None = None  # the loaded case as the form shows it (merge base)
        self._dirty = False
        self._last: CaseInput | None = None   # the form's values after the latest edit
        self.form_stack = QUndoStack(self)
        self.fallback_stack: QUndoStack | None = None  # the case's stack (set by the editor)
        self.form_stack.canUndoChanged.connect(self._pick_active_stack)
        self.form_stack.canRedoChanged.connect(self._pick_active_stack)
        self.main_form.edited.connect(self._on_edited)
        self.text_form.edited.connect(self._on_edited)

    def field_label(self, name: str) -> str:
        return next((s.label for s in self.specs if s.name == name), name)

    def apply_input(self, values: CaseInput) -> None:
        """Show ``values`` in the form (an undo/redo of unsaved edits)."""
        data = dataclasses.asdict(values)
        self.main_form.set_values(data)
        self.text_form.set_values(data)
        self._last = values
        self._set_dirty(values != self.shown)

    def _pick_active_stack(self, *_args) -> None:
        """Edit ▸ Undo acts on the unsaved edits while there are any, else on saved changes."""
        group = getattr(self.window(), "undo_group", None)  # the main window's QUndoGroup
        if group is None or self.fallback_stack is None:
            return
        if self.form_stack not in group.stacks():
            group.addStack(self.form_stack)
        if group.activeStack() in (self.form_stack, self.fallback_stack):
            form = self.form_stack
            use_form = form.canUndo() or (form.canRedo() and not self.fallback_stack.canUndo())
            (form if use_form else self.fallback_stack).setActive(True)

    @property
    def detail(self) -> CaseDetail | None:
        return self._detail

    def load(self, detail: CaseDetail | None, editable: bool = True) -> None:
        """Show ``detail`` (None = empty and disabled); clears the dirty flag."""
        self._detail = detail
        self.setEnabled(detail is not None)
        if detail is not None:
            values = {f.name: getattr(detail, f.name) for f in dataclasses.fields(CaseInput)}
            self.main_form.set_zone(zone(detail.tz).key)  # the case's own clock
            self.main_form.set_values(values)
            self.text_form.set_values(values)
            read_only = detail.is_training or not editable
            self.main_form.set_read_only(read_only)
            self.text_form.set_read_only(read_only)
            self.read_only_banner.setText(
                self.tr("Read-only: a training case cannot be changed.") if detail.is_training
                else self.tr("Read-only: your role cannot change this case."))
            self.read_only_banner.setVisible(read_only)
        self.shown = self.case_input() if detail is not None else None
        self._last = self.shown
        self.form_stack.clear()
        self._pick_active_stack()
        self._set_dirty(False)

    def case_input(self) -> CaseInput:
        """The form's values as a CaseInput (time zone kept from the case)."""
        values = self.main_form.values() | self.text_form.values()
        names = {f.name for f in dataclasses.fields(CaseInput)}
        if self._detail is not None:
            values["tz"] = self._detail.tz
        return CaseInput(**{k: v for k, v in values.items() if k in names})

    def set_errors(self, errors: dict[str, str]) -> list[str]:
        """Inline messages; returns those that belong to no field of this tab."""
        self.text_form.set_errors({k: v for k, v in errors.items() if k in TEXT_FIELDS})
        return self.main_form.set_errors({k: v for k, v in errors.items()
                                          if k not in TEXT_FIELDS})

    def errors(self) -> dict[str, str]:
        return self.main_form.errors() | self.text_form.errors()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _on_edited(self) -> None:
        now = self.case_input()
        if self._last is not None and now != self._last:
            self.form_stack.push(FormEditCommand(self, self._last, now))
        self._last = now
        self._set_dirty(self.shown is None or now != self.shown)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
