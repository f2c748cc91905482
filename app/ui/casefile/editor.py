"""The case editor: header (number, title, status), tabs, and every edit through the undo stack.

Programmatic API (dialogs call it too, tests drive it): :meth:`save`, :meth:`revert`,
:meth:`set_status`, and ``records`` (:class:`RecordController`: ``add_record``,
``update_record``, ``delete_record``). Each
runs the service first (errors propagate: ValidationError → inline, nothing saved) and pushes
an already-done command on ``undo_stack``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import CASE_TRANSITIONS, CaseStatus
from app.services.casefile.dto import CaseDetail
from app.services.common.context import Perm, require
from app.services.common.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    ServiceError,
    ValidationError,
)
from app.ui.casefile import dialogs as case_dialogs
from app.ui.casefile.change_reason import ask_change_reason
from app.ui.casefile.facts_tab import CaseFactsTab
from app.ui.casefile.history_tab import CaseHistoryTab
from app.ui.casefile.reasoning_panel import ReasoningPanel
from app.ui.casefile.record_controller import RecordController
from app.ui.casefile.record_specs import RecordKind, RecordSpecs
from app.ui.casefile.records_tab import RecordSection
from app.ui.casefile.store import CaseStore
from app.ui.casefile.undo import (
    EditCaseCommand,
    Ref,
    Refs,
    StatusCommand,
)
from app.ui.error_dialogs import report_error
from app.ui.widgets.conflict_dialog import ConflictChoice, ValueText, resolve_conflict
from app.ui.widgets.enum_labels import local_time, status_label

_BADGE = ("QLabel {{ background: {bg}; color: white; border-radius: 4px; padding: 2px 8px; "
          "font-weight: bold; }}")
_STATUS_BG = {"reported": "#b45309", "investigating": "#1d4ed8", "suspect_identified": "#7c3aed",
              "suspended": "#6b7280", "solved": "#15803d", "closed": "#374151"}


def status_reversible(before: str, after: str) -> bool:
    """May the workflow go back from ``after`` to ``before`` (so undo is possible)?"""
    return CaseStatus(before) in CASE_TRANSITIONS.get(CaseStatus(after), frozenset())


class CaseEditor(QWidget):
    """See module doc. ``message`` carries status-bar texts."""

    message = Signal(str)
    dirty_changed = Signal(bool)

    def __init__(self, store: CaseStore, refs: Refs, undo_stack: QUndoStack,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.refs, self.undo_stack = store, refs, undo_stack
        self.detail: CaseDetail | None = None
        self.case_ref: Ref | None = None
        self.kinds: dict[str, RecordKind] = RecordSpecs().kinds()
        self.records = RecordController(self, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(self._build_header())
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("case_tabs")
        self.tabs.setDocumentMode(True)
        self.facts_officers = self._safe(store.officers, [])
        self.facts_squads = self._safe(store.squads, [])
        self.facts = CaseFactsTab(self.facts_officers, self.facts_squads, self)
        self.facts.fallback_stack = undo_stack  # Edit ▸ Undo: unsaved edits first
        self.sections: dict[str, RecordSection] = {}
        self.tabs.addTab(self.facts, self.tr("Facts"))
        self.tabs.addTab(self._section("person", True), self.kinds["person"].title)
        self.tabs.addTab(self._section("vehicle", True), self.kinds["vehicle"].title)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self._section("meeting", False))
        split.addWidget(self._section("inquiry", True))
        split.setStretchFactor(1, 2)
        self.tabs.addTab(split, self.tr("Inquiries && meetings"))
        timeline = QSplitter(Qt.Orientation.Vertical, self)
        timeline.addWidget(self._section("event", False))
        self.reasoning = ReasoningPanel(timeline)
        timeline.addWidget(self.reasoning)
        timeline.setStretchFactor(0, 4)
        timeline.setStretchFactor(1, 1)
        self.sections["event"].table.selectionModel().selectionChanged.connect(
            lambda *_a: self.reasoning.show_event(self.detail, self.sections["event"].current()))
        self.tabs.addTab(timeline, self.kinds["event"].title)
        self.history = CaseHistoryTab(self)
        self.tabs.addTab(self.history, self.tr("History"))
        layout.addWidget(self.tabs, 1)
        self.facts.dirty_changed.connect(self._on_dirty)
        store.case_changed.connect(self._on_case_changed)
        self.show_case(None)

    # -- building ------------------------------------------------------------------------
    def _build_header(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.title_label = QLabel(self)
        self.title_label.setObjectName("case_title")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.status_badge = QLabel(self)
        self.status_badge.setObjectName("case_status")
        self.dates_label = QLabel(self)
        self.dates_label.setStyleSheet("color: #4b5563;")
        self.status_button = QPushButton(self.tr("Change status…"), self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("save_case")
        self.save_button.setToolTip(self.tr("Save the case facts (Ctrl+S)"))
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.status_button.clicked.connect(lambda: self.change_status_dialog())
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button.clicked.connect(self.revert)
        bar.addWidget(self.title_label, 1)
        bar.addWidget(self.dates_label)
        bar.addWidget(self.status_badge)
        bar.addWidget(self.status_button)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        return bar

    def _section(self, kind: str, history: bool) -> RecordSection:
        section = RecordSection(self.kinds[kind], history, self)
        section.add_requested.connect(self.records.add_record_dialog)
        section.edit_requested.connect(self.records.edit_record_dialog)
        section.delete_requested.connect(self.records.delete_record_dialog)
        self.sections[kind] = section
        return section

    def _safe(self, fn, default):
        try:
            return fn()
        except (ServiceError, ImportError):
            return default

    # -- showing -------------------------------------------------------------------------
    @property
    def case_id(self) -> int | None:
        return self.case_ref.id if self.case_ref else None

    def show_case(self, case_id: int | None) -> CaseDetail | None:
        """Load a case (None = nothing selected). Does not ask about unsaved edits."""
        detail = None
        if case_id is not None:
            try:
                detail = self.store.detail(case_id)
            except NotFoundError:
                detail = None
        self._show(detail, reload_facts=True)
        return detail

    def _show(self, detail: CaseDetail | None, reload_facts: bool) -> None:
        self.detail = detail
        self.case_ref = self.refs.get("case", detail.id) if detail else None
        if detail is not None and self.case_ref is not None and reload_facts:
            self.case_ref.version = detail.version
        editable = self.may_edit(detail)
        if reload_facts:
            self.facts.load(detail, editable)
        for section in self.sections.values():
            section.load(detail, editable)
        self.history.load(detail)
        self.reasoning.show_event(detail, self.sections["event"].current())
        self._update_header()

    def may_edit(self, detail: CaseDetail | None) -> bool:
        """Mirror of the services' rules (role, squad, training) to grey out what is refused."""
        if detail is None or detail.is_training:
            return False
        try:
            require(self.store.actor, Perm.CASE_EDIT, detail)
        except PermissionDenied:
            return False
        return True

    def reload(self) -> None:
        if self.case_ref is not None:
            self.show_case(self.case_ref.id)

    def _update_header(self) -> None:
        d = self.detail
        editable = self.may_edit(d)
        self.status_button.setEnabled(editable and d is not None and bool(d.next_statuses))
        self.save_button.setEnabled(editable and self.facts.dirty)
        self.revert_button.setEnabled(self.facts.dirty)
        if d is None:
            self.title_label.setText(self.tr("No case selected"))
            self.status_badge.hide()
            self.dates_label.clear()
            return
        self.title_label.setText(f"{d.case_no}  {d.title}" + (" *" if self.facts.dirty else ""))
        self.window().setWindowModified(self.facts.dirty)
        self.status_badge.setText(status_label(d.status))
        self.status_badge.setStyleSheet(_BADGE.format(bg=_STATUS_BG.get(d.status, "#374151")))
        self.status_badge.show()
        self.dates_label.setText(self.tr("Occurred {when}").format(
            when=local_time(d.occurred_at, d.tz) or self.tr("unknown")))

    def _on_case_changed(self, case_id: int) -> None:
        if self.case_ref is None or case_id != self.case_ref.id:
            return
        try:
            detail = self.store.detail(case_id)
        except NotFoundError:
            self._show(None, reload_facts=True)
            return
        self._show(detail, reload_facts=not self.facts.dirty)

    def _on_dirty(self, dirty: bool) -> None:
        self._update_header()
        self.dirty_changed.emit(dirty)

    @property
    def dirty(self) -> bool:
        return self.facts.dirty

    # -- the facts form ------------------------------------------------------------------
    def save(self) -> bool:
        """Save the facts form. False when refused (inline errors shown, nothing saved).

        When someone saved the case first, the three-way merge dialog settles it (see
        :func:`resolve_conflict`); a merged save that meets yet another edit asks again.
        """
        if self.detail is None or self.case_ref is None or self.facts.detail is None:
            return False
        missing = {**self.facts.main_form.missing_required()}
        if missing:
            self.facts.set_errors(missing)
            self.message.emit(self.tr("Not saved: please correct the marked fields."))
            return False
        note = ask_change_reason(self, self.detail.status)
        if note is None:
            self.message.emit(self.tr("Not saved."))
            return False
        before, after = self._case_input(self.detail), self.facts.case_input()
        base, shown = self._case_input(self.facts.detail), self.facts.shown
        version, merged = self.case_ref.version, False
        while True:
            try:
                detail = self.store.update_case(self.case_ref.id, after, version, note)
                break
            except ValidationError as exc:
                unplaced = self.facts.set_errors(exc.errors)
                self.message.emit(self.tr("Not saved: please correct the marked fields."))
                if unplaced:
                    report_error(exc, self)
                return False
            except ConflictError as exc:
                res = resolve_conflict(self, exc, base, shown, after, self._theirs,
                                       ValueText(self.facts.specs, self.facts.detail.tz))
                if res.choice is ConflictChoice.RELOAD:
                    self.revert()
                if res.data is None:
                    self.message.emit(self.tr("Not saved."))
                    return False
                before = base = shown = res.theirs
                after, version, merged = res.data, res.version, True
            except ServiceError as exc:
                report_error(exc, self)
                return False
        self.case_ref.version = detail.version
        self.undo_stack.push(EditCaseCommand(
            self.store, self.refs, self.tr("Edit case {no}").format(no=detail.case_no),
            self.on_command_error, self.case_ref, before, after, note))
        self.facts.load(detail)
        self._show(detail, reload_facts=False)
        self.message.emit(
            self.tr("Case {no} saved together with the other workstation's changes.").format(
                no=detail.case_no) if merged
            else self.tr("Case {no} saved.").format(no=detail.case_no))
        return True

    def _theirs(self) -> tuple:
        """The case facts as now saved in the database, and their version."""
        assert self.case_ref is not None  # only asked while saving the shown case
        detail = self.store.detail(self.case_ref.id)
        return self._case_input(detail), detail.version

    @staticmethod
    def _case_input(detail: CaseDetail):
        from app.services.casefile.cases import case_input

        return case_input(detail)

    def revert(self) -> None:
        self.facts.load(None)
        self.reload()

    # -- status ----------------------------------------------------------------------------
    def set_status(self, to_status: str, reason: str) -> CaseDetail:
        """Change the status. Undoable only when the workflow allows the way back."""
        assert self.detail is not None and self.case_ref is not None
        before = self.detail.status
        detail = self.store.change_status(self.case_ref.id, to_status, reason,
                                          self.case_ref.version)
        self.case_ref.version = detail.version
        if status_reversible(before, to_status):
            self.undo_stack.push(StatusCommand(
                self.store, self.refs, self.tr("Status {a} → {b}").format(
                    a=status_label(before), b=status_label(to_status)),
                self.on_command_error, self.case_ref, before, to_status, reason,
                self.tr("Undo of the status change ({reason})").format(reason=reason)))
        else:
            self.message.emit(self.tr("Status changed to {b}; this step of the workflow cannot "
                                      "be undone.").format(b=status_label(to_status)))
        return detail

    def change_status_dialog(self, preselect: str | None = None) -> None:
        if self.detail is None or not self._leave_facts():
            return
        dialog = case_dialogs.StatusDialog(self.detail, preselect, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.set_status(*dialog.chosen())
        except ServiceError as exc:
            report_error(exc, self)

    def _leave_facts(self) -> bool:
        """Before an action that reloads the case: settle unsaved facts."""
        if not self.facts.dirty:
            return True
        answer = case_dialogs.ask_unsaved(self, self.detail.case_no if self.detail else "")
        if answer == case_dialogs.QMessageBox.StandardButton.Save:
            return self.save()
        if answer == case_dialogs.QMessageBox.StandardButton.Discard:
            self.facts.load(self.detail)
            return True
        return False

    def on_command_error(self, exc: Exception) -> None:
        report_error(exc, self)
        self.reload()
