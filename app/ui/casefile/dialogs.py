"""Dialogs of the case editor: record form, new case, status change, unsaved-changes question.

Form dialogs call a ``save(data, note, expected_version) -> result`` function on OK
(``expected_version`` None = the version the record was loaded at). A ValidationError shows each
message under its field and keeps the dialog open (nothing saved); a ConflictError goes to the
``resolve`` function (the three-way merge, see ``app.ui.widgets.conflict_dialog``), which may
answer with merged data to save against the other workstation's version — repeatedly, should a
third edit intervene.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import CASE_TRANSITIONS, CaseStatus
from app.services.casefile.dto import CaseDetail, ChangeNote
from app.services.common.clock import DEFAULT_TZ
from app.services.common.errors import ConflictError, NotFoundError, ServiceError, ValidationError
from app.ui.error_dialogs import report_error
from app.ui.widgets.conflict_dialog import ConflictChoice, Resolution
from app.ui.widgets.dialog_parts import accept_cancel_buttons
from app.ui.widgets.enum_labels import status_label
from app.ui.widgets.form import FieldSpec, FormWidget

SaveFn = Callable[[Any, ChangeNote | None, int | None], Any]
# resolve(conflict, base, shown, mine) -> what to do (see conflict_dialog.resolve_conflict)
ResolveFn = Callable[[ConflictError, Any, Any, Any], Resolution]


class FormDialog(QDialog):
    """A FormWidget + optional change note (reason, known at) + OK/Cancel with inline errors."""

    def __init__(self, title: str, specs: list[FieldSpec], make_input: Callable[[dict], Any],
                 save: SaveFn, *, tz: str = DEFAULT_TZ, with_note: bool = False,
                 resolve: ResolveFn | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self._make_input, self._save, self._resolve = make_input, save, resolve
        self.base: Any = None    # the record as loaded (an input dataclass; None = new record)
        self.shown: Any = None   # ... as the form showed it
        self.result_value: Any = None
        self.reloaded = False
        layout = QVBoxLayout(self)
        self.general_error = QLabel(self)
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet("color: #b91c1c;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        layout.addWidget(self.general_error)
        self.form = FormWidget(specs, tz=tz, parent=self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        self.note_form: FormWidget | None = None
        if with_note:
            self.note_form = FormWidget([
                FieldSpec("reason", self.tr("Reason / source of the change")),
                FieldSpec("known_at", self.tr("Known since"), "datetime"),
            ], tz=tz, parent=self)
            hint = QLabel(self.tr("For the history: why the facts changed and since when the "
                                  "investigation knew it (empty = now)."), self)
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #6b7280;")
            layout.addWidget(hint)
            layout.addWidget(self.note_form)
        buttons = accept_cancel_buttons(self, self._on_ok)
        layout.addWidget(buttons)
        self.resize(620, min(160 + 46 * len(specs), 760))

    def note(self) -> ChangeNote | None:
        if self.note_form is None:
            return None
        values = self.note_form.values()
        if not values["reason"] and values["known_at"] is None:
            return None
        known = values["known_at"]
        return ChangeNote(reason=str(values["reason"]),
                          known_at=known.astimezone(UTC) if isinstance(known, datetime) else None)

    def show_errors(self, errors: dict[str, str]) -> None:
        unplaced = self.form.set_errors(errors)
        if self.note_form is not None:
            unplaced = self.note_form.set_errors({k: v for k, v in errors.items()
                                                  if k in ("reason", "known_at")}) + [
                m for k, m in errors.items() if k not in ("reason", "known_at")
                and m in unplaced]
        self.general_error.setText("\n".join(unplaced))
        self.general_error.setVisible(bool(unplaced))

    def set_base(self, base: Any) -> None:
        """Call after filling the form: ``base`` (the record as loaded) is the merge base."""
        self.base, self.shown = base, self._make_input(self.form.values())

    def _on_ok(self) -> None:
        missing = self.form.missing_required()
        if missing:
            self.show_errors(missing)
            return
        version, base, shown = None, self.base, self.shown
        try:
            data = self._make_input(self.form.values())
            while True:
                try:
                    self.result_value = self._save(data, self.note(), version)
                    break
                except ConflictError as exc:
                    if self._resolve is None or base is None:
                        raise
                    res = self._resolve(exc, base, shown, data)
                    if res.choice is ConflictChoice.RELOAD:
                        self.reloaded = True
                        self.reject()
                    if res.data is None:
                        return
                    self.base = base = shown = res.theirs
                    data, version = res.data, res.version
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except NotFoundError as exc:  # deleted meanwhile: nothing to save into
            report_error(exc, self)
            self.reloaded = True
            self.reject()
            return
        except ServiceError as exc:
            report_error(exc, self)
            return
        self.accept()


class StatusDialog(QDialog):
    """Choose the next status (only legal ones are offered) and say why."""

    def __init__(self, detail: CaseDetail, preselect: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the case status"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        current = QLabel(status_label(detail.status), self)
        self.target = QComboBox(self)
        self.target.setObjectName("status_target")
        for code in detail.next_statuses:
            self.target.addItem(status_label(code), code)
        if preselect is not None and self.target.findData(preselect) >= 0:
            self.target.setCurrentIndex(self.target.findData(preselect))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("status_reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Why: e.g. suspect caught and confessed"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.hide()
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #6b7280;")
        self._current = detail.status
        self.target.currentIndexChanged.connect(self._update_note)
        self._update_note()
        form.addRow(self.tr("Current status"), current)
        form.addRow(self.tr("New status"), self.target)
        form.addRow(self.tr("Reason *"), self.reason)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        buttons = accept_cancel_buttons(self, self._on_ok)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def _update_note(self, *_args) -> None:
        target = self.target.currentData()
        back = target is not None and CaseStatus(self._current) in CASE_TRANSITIONS.get(
            CaseStatus(target), frozenset())
        self.note.setText("" if back or target is None else self.tr(
            "This step cannot be undone; it is recorded in the case history."))
        self.note.setVisible(bool(self.note.text()))

    def chosen(self) -> tuple[str, str]:
        return self.target.currentData(), self.reason.toPlainText().strip()

    def _on_ok(self) -> None:
        if self.target.currentData() is None:
            self.error.setText(self.tr("No status change is possible from here."))
            self.error.show()
            return
        if not self.reason.toPlainText().strip():
            self.error.setText(self.tr("Please give a reason; it is kept in the case history."))
            self.error.show()
            self.reason.setFocus()
            return
        self.accept()


class UnsavedTexts(QObject):
    def ask(self, parent: QWidget | None, what: str) -> QMessageBox.StandardButton:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("The case {what} has unsaved changes.").format(what=what),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, parent)
        box.setInformativeText(self.tr("Save them before leaving?"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return QMessageBox.StandardButton(box.exec())


def ask_unsaved(parent: QWidget | None, what: str) -> QMessageBox.StandardButton:
    """Save / Discard / Cancel for leaving a dirty case form."""
    return UnsavedTexts().ask(parent, what)


def confirm_delete(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
