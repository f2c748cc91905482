"""The "cases" view: the case list beside the case editor, their actions and the undo stack.

Programmatic API (tests and other views): :meth:`select_case`, :meth:`create_case`,
:meth:`delete_case`, :meth:`new_case_dialog`; ``undo_stack`` is the view's QUndoStack (the main
window's Edit ▸ Undo/Redo act on it).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QSplitter, QVBoxLayout, QWidget

from app.services.casefile.dto import CaseDetail, CaseInput
from app.services.common.clock import zone
from app.services.common.context import Perm
from app.services.common.errors import NotFoundError, ServiceError
from app.ui.casefile import dialogs as case_dialogs
from app.ui.casefile.editor import CaseEditor
from app.ui.casefile.facts_tab import CaseFieldSpecs
from app.ui.casefile.list_panel import CaseListPanel
from app.ui.casefile.store import CaseStore
from app.ui.casefile.undo import CreateCaseCommand, DeleteCaseCommand, Refs
from app.ui.change_watcher import ChangeWatcher
from app.ui.error_dialogs import report_error

POLL_MS = 3000

NEW_CASE_FIELDS = ("case_no", "title", "occurred_at", "reported_at", "squad_id",
                   "lead_officer_id", "district", "road", "address")


def suggest_case_no(existing: Iterable[str], squad_code: str, year: int) -> str:
    """The next free number of the squad's year: ``石峰-2026-0042``."""
    prefix = f"{squad_code}-{year}-"
    used = [int(n[len(prefix):]) for n in existing
            if n.startswith(prefix) and n[len(prefix):].isdigit()]
    return f"{prefix}{max(used, default=0) + 1:04d}"


class CaseView(QWidget):
    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_ = window
        ctx = window.context
        self.settings = ctx.settings
        self.store = CaseStore(ctx.sessions, ctx.actor, self)
        self.refs = Refs()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)
        self._initial_case_no = ctx.initial_case_no
        self._first_show = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("case_splitter")
        self.tz = ctx.tz  # the squad's zone: the year of a new case number
        self.list = CaseListPanel(self.store, self.splitter, tz=ctx.tz)
        self.editor = CaseEditor(self.store, self.refs, self.undo_stack, self.splitter)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setSizes([760, 840])
        state = self.settings.splitter_state("cases")
        if state is not None:
            self.splitter.restoreState(state)
        header = self.settings.case_list_header()
        if header is not None:
            self.list.table.horizontalHeader().restoreState(header)
        layout.addWidget(self.splitter)
        self._current_id: int | None = None
        self.list.case_selected.connect(self._on_case_selected)
        self.store.case_created.connect(self._on_created)
        self.store.case_changed.connect(self.list.refresh_case)
        self.store.case_deleted.connect(self._on_deleted)
        self.editor.message.connect(window.show_message)
        self._build_actions(window)
        self._restore_status_filter()
        self.watcher = ChangeWatcher(ctx.sessions, POLL_MS / 1000, self)
        self.watcher.changes_detected.connect(self._on_changes)
        self.watcher.everything_changed.connect(self._on_everything_changed)
        self.watcher.poll_failed.connect(lambda text: window.show_message(text, 0))
        self.watcher.connection_restored.connect(window.statusBar().clearMessage)

    # -- actions ---------------------------------------------------------------------------
    def _action(self, text: str, shortcut, slot, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _c=False: slot())
        return action

    def _build_actions(self, window) -> None:
        self.new_action = self._action(self.tr("&New case…"), QKeySequence.StandardKey.New,
                                       self.new_case_dialog, "new_case")
        self.save_action = self._action(self.tr("&Save case"), QKeySequence.StandardKey.Save,
                                        self.editor.save, "save_case")
        self.find_action = self._action(self.tr("&Find cases"), QKeySequence.StandardKey.Find,
                                        self.focus_search, "find_cases")
        self.delete_action = self._action(self.tr("&Delete case…"), None, self.delete_case_dialog,
                                          "delete_case")
        self.status_action = self._action(self.tr("Change &status…"), "Ctrl+T",
                                          self.editor.change_status_dialog, "change_status")
        self.reload_action = self._action(self.tr("&Reload"), QKeySequence.StandardKey.Refresh,
                                          self.reload, "reload_cases")
        window.add_file_action(self.new_action)
        window.add_file_action(self.save_action)
        edit = window.menu("edit")
        for action in (self.find_action, self.status_action, self.delete_action):
            edit.addAction(action)
        window.menu("view").addSeparator()
        window.menu("view").addAction(self.reload_action)
        self._actions = [self.new_action, self.save_action, self.find_action, self.delete_action,
                         self.status_action, self.reload_action]
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.list.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_case_dialog)
        window.view_changed.connect(self._on_view_changed)
        self.editor.dirty_changed.connect(lambda d: self.save_action.setEnabled(d))
        self.save_action.setEnabled(False)

    def _on_view_changed(self, name: str) -> None:
        active = name == "cases"
        actor = self.store.actor
        allowed = {self.new_action: actor.can(Perm.CASE_CREATE),
                   self.delete_action: actor.can(Perm.CASE_DELETE),
                   self.status_action: actor.can(Perm.CASE_EDIT),
                   self.save_action: self.editor.dirty}
        for action in self._actions:
            action.setEnabled(active and allowed.get(action, True))

    def _restore_status_filter(self) -> None:
        combo = self.list.status_filter
        saved = self.settings.case_status_filter()
        index = combo.findData(tuple(saved.split(",")) if saved else ())
        if index > 0:
            combo.setCurrentIndex(index)
        combo.currentIndexChanged.connect(
            lambda _i: self.settings.set_case_status_filter(",".join(combo.currentData() or ())))

    def focus_search(self) -> None:
        self.list.search.setFocus()
        self.list.search.selectAll()

    # -- showing ---------------------------------------------------------------------------
    def view_activated(self) -> None:
        if self._first_show:
            self._first_show = False
            self.list.reload(select_id=self._initial_case_id())
            self.watcher.start()

    # -- changes made elsewhere (squad mode: several workstations) ---------------------------
    def poll_changes(self) -> None:
        """Look now (off the GUI thread) for cases changed elsewhere; the watcher also polls
        every few seconds while the view exists."""
        self.watcher.poll_now()

    def _on_changes(self, changed: set[int]) -> None:
        if len(changed) > 100:
            self.list.reload()
        else:
            for case_id in changed:
                self.list.refresh_case(case_id)
        if self._current_id in changed:
            if self.editor.dirty:
                self.window_.show_message(self.tr(
                    "This case was changed elsewhere; saving will show both versions."), 15000)
            else:
                self.editor.reload()

    def _on_everything_changed(self) -> None:
        """The database was restored or replaced: reload all (unsaved edits stay in the form)."""
        self.list.reload()
        if not self.editor.dirty:
            self.editor.reload()

    def _initial_case_id(self) -> int | None:
        if self._initial_case_no:
            try:
                return self.store.detail(self._initial_case_no).id
            except ServiceError:
                pass
        return self.settings.last_case_id()

    def is_busy(self) -> bool:
        return self.list.is_busy() or self.watcher.is_polling()

    def reload(self) -> None:
        if self.editor.dirty and not self._settle_unsaved():
            return
        self.list.reload()
        self.editor.reload()

    def select_case(self, case_id: int) -> bool:
        return self.list.select_case(case_id)

    def _on_case_selected(self, case_id: int) -> None:
        new_id = case_id if case_id >= 0 else None
        if new_id == self._current_id:
            return
        if self.editor.dirty and not self._settle_unsaved():
            if self._current_id is not None:
                self.list.select_case(self._current_id, notify=False)
            return
        self._current_id = new_id
        detail = self.editor.show_case(new_id)
        if detail is None and new_id is not None:
            self.list.refresh_case(new_id)
        self.window_.set_current_case(new_id)

    def _settle_unsaved(self) -> bool:
        """Ask Save / Discard / Cancel; True when it is fine to move on."""
        what = self.editor.detail.case_no if self.editor.detail else ""
        answer = case_dialogs.ask_unsaved(self, what)
        if answer == QMessageBox.StandardButton.Save:
            return self.editor.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.editor.facts.load(self.editor.detail)
            return True
        return False

    def maybe_close(self) -> bool:
        """The main window asks before closing."""
        if self.editor.dirty and not self._settle_unsaved():
            return False
        self.settings.set_splitter_state("cases", self.splitter.saveState())
        self.settings.set_case_list_header(self.list.table.horizontalHeader().saveState())
        return True

    # -- create / delete -------------------------------------------------------------------
    def create_case(self, data: CaseInput) -> CaseDetail:
        """Create (errors propagate, nothing saved) and push the undo command."""
        detail = self.store.create_case(data)
        self.undo_stack.push(CreateCaseCommand(
            self.store, self.refs, self.tr("New case {no}").format(no=detail.case_no),
            self._on_command_error, data, detail))
        return detail

    def new_case_dialog(self) -> None:
        if self.editor.dirty and not self._settle_unsaved():
            return
        self._run_dialog(self.new_case_form())

    def new_case_form(self) -> case_dialogs.FormDialog:
        """The (not yet shown) new-case dialog; OK creates the case through :meth:`create_case`."""
        specs = [s for s in CaseFieldSpecs().main(self.editor.facts_officers,
                                                  self.editor.facts_squads)
                 if s.name in NEW_CASE_FIELDS]

        squads = self.editor.facts_squads

        def make(values: dict) -> CaseInput:
            # times are typed on the squad's clock; the case keeps its squad's zone
            squad_tz = next((q.tz for q in squads if q.id == values.get("squad_id")), self.tz)
            return CaseInput(**values, tz=squad_tz)

        dialog = case_dialogs.FormDialog(self.tr("New case"), specs, make,
                                         lambda data, _n, _f: self.create_case(data),
                                         tz=self.tz, parent=self)
        dialog.setObjectName("new_case_dialog")
        squad = next((q for q in squads if q.id == self.store.actor.squad_id),
                     squads[0] if len(squads) == 1 else None)
        defaults = {"squad_id": squad.id if squad else None,
                    "lead_officer_id": self.store.actor.officer_id,
                    "case_no": suggest_case_no((c.case_no for c in self.list.model.cases()),
                                               squad.code, datetime.now(zone(self.tz)).year)
                    if squad else None}
        dialog.form.set_values({k: v for k, v in defaults.items() if v is not None})
        return dialog

    def _run_dialog(self, dialog: QDialog) -> None:
        dialog.exec()

    def delete_case(self, case_id: int) -> None:
        """Delete (errors propagate) and push an undo command that can restore the file."""
        snapshot = self.store.detail(case_id)
        ref = self.refs.get("case", case_id, snapshot.version)
        self.store.delete_case(case_id, snapshot.version)
        self.undo_stack.push(DeleteCaseCommand(
            self.store, self.refs, self.tr("Delete case {no}").format(no=snapshot.case_no),
            self._on_command_error, ref, snapshot))

    def delete_case_dialog(self) -> None:
        detail = self.editor.detail
        if detail is None:
            return
        if not case_dialogs.confirm_delete(
                self, self.tr("Delete case"),
                self.tr("Delete case {no} “{title}” with all its persons, vehicles, inquiries "
                        "and timeline? Edit ▸ Undo can restore it.").format(
                    no=detail.case_no, title=detail.title)):
            return
        try:
            self.editor.facts.load(None)
            self.delete_case(detail.id)
        except NotFoundError:
            self.list.refresh_case(detail.id)
        except ServiceError as exc:
            report_error(exc, self)
            self.editor.reload()

    # -- store events ----------------------------------------------------------------------
    def _on_created(self, case_id: int) -> None:
        self.list.refresh_case(case_id)
        if not self.list.select_case(case_id):
            self.list.search.clear()
            self.list.status_filter.setCurrentIndex(0)
            self.list.select_case(case_id)

    def _on_deleted(self, case_id: int) -> None:
        self.list.model.remove_case(case_id)
        self.list._update_count()
        if self._current_id == case_id:
            self._current_id = None
            self.editor.show_case(None)
            current = self.list.current_case_id()
            if current is not None:
                self._on_case_selected(current)

    def _on_command_error(self, exc: Exception) -> None:
        report_error(exc, self)
        self.list.reload()
