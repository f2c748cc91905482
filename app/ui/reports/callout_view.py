"""The call-out log view (出警记录): filter, list, record, edit, delete."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.db import unit_of_work
from app.reports.labels import label, labels
from app.services.casefile import callout_view
from app.services.common.clock import format_local
from app.services.common.context import Perm
from app.services.org import callouts
from app.services.org import officers as officer_service
from app.ui.error_dialogs import report_error
from app.ui.reports.callout_dialog import CallOutDialog
from app.ui.reports.frame_model import DataFrameModel
from app.ui.widgets.date_limit import date_limit, date_limit_edit

PAGE = 500


class CallOutLogView(QWidget):
    """Newest call-outs first, up to 500 at a time ("more" loads the next page)."""

    reloaded = Signal()

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CallOutLogView")
        self.context = window.context
        self.rows: list[callouts.CallOutDTO] = []
        self.total = 0
        bar = QHBoxLayout()
        self.date_from = date_limit_edit(self, self.tr("no limit"))
        self.date_to = date_limit_edit(self, self.tr("no limit"))
        self.officer = QComboBox(self)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("All kinds"), None)
        for code, text in labels("callout_kind").items():
            self.kind.addItem(text, code)
        for text, w in ((self.tr("From"), self.date_from), (self.tr("To"), self.date_to),
                        (self.tr("Officer"), self.officer), (self.tr("Kind"), self.kind)):
            bar.addWidget(QLabel(text, self))
            bar.addWidget(w)
        bar.addStretch(1)
        self.add_button = QPushButton(self.tr("Record call-out…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.more_button = QPushButton(self.tr("Load more"), self)
        for b in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(b)
        self.table = QTableView(self)
        self.model = DataFrameModel(parent=self.table)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.status = QLabel("", self)
        foot = QHBoxLayout()
        foot.addWidget(self.status, 1)
        foot.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)

        with self.context.sessions() as s:
            people = officer_service.list_officers(s, self.context.actor,
                                                   squad_id=self.context.actor.squad_id,
                                                   active_only=False)
        self.officer.addItem(self.tr("All officers"), None)
        for o in people:
            self.officer.addItem(f"{o.name}（{o.badge_no}）", o.id)
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(self.reload)
        for w in (self.officer, self.kind):
            w.currentIndexChanged.connect(self.reload)
        self.add_button.clicked.connect(self.record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.doubleClicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.more_button.clicked.connect(self.load_more)
        can_edit = self.context.actor.can(Perm.CALLOUT_EDIT)
        for b in (self.add_button, self.edit_button, self.delete_button):
            b.setEnabled(can_edit)

    def view_activated(self) -> None:
        self.reload()

    def query(self) -> callouts.CallOutQuery:
        return callouts.CallOutQuery(date_from=date_limit(self.date_from),
                                     date_to=date_limit(self.date_to), tz=self.context.tz,
                                     squad_id=self.context.actor.squad_id,
                                     officer_id=self.officer.currentData(),
                                     kind=self.kind.currentData())

    def _fetch(self, offset: int) -> list[callouts.CallOutDTO]:
        with self.context.sessions() as s:
            q = self.query()
            self.total = callouts.count_callouts(s, self.context.actor, q)
            return callout_view.list_callouts(s, self.context.actor, q, limit=PAGE, offset=offset)

    def reload(self) -> None:
        self.rows = self._fetch(0)
        self._show()

    def load_more(self) -> None:
        self.rows += self._fetch(len(self.rows))
        self._show()

    def _show(self) -> None:
        frame = pd.DataFrame({
            self.tr("Time"): [format_local(c.occurred_at, self.context.tz, "%Y-%m-%d %H:%M")
                              for c in self.rows],
            self.tr("Kind"): [label("callout_kind", c.kind) for c in self.rows],
            self.tr("Place"): [f"{c.district}{c.road} {c.address}".strip() for c in self.rows],
            self.tr("Officers"): ["、".join(c.officer_names) for c in self.rows],
            self.tr("Case"): [c.case_no for c in self.rows],
            self.tr("Notes"): [c.notes for c in self.rows],
        })
        self.model.set_frame(frame)
        self.table.resizeColumnsToContents()
        self.status.setText(self.tr("{shown} of {total} call-outs shown.")
                            .replace("{shown}", str(len(self.rows)))
                            .replace("{total}", str(self.total)))
        self.more_button.setEnabled(len(self.rows) < self.total)
        self.reloaded.emit()

    def selected(self) -> callouts.CallOutDTO | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def record(self) -> None:
        if CallOutDialog(self.context, None, self).exec():
            self.reload()

    def edit_selected(self) -> None:
        if not self.context.actor.can(Perm.CALLOUT_EDIT):
            return
        current = self.selected()
        if current is not None and CallOutDialog(self.context, current, self).exec():
            self.reload()

    def delete_selected(self) -> None:
        current = self.selected()
        if current is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete call-out"),
                                      self.tr("Delete the call-out of {time}?").replace(
                                          "{time}", format_local(current.occurred_at,
                                                                    self.context.tz)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with unit_of_work(self.context.sessions) as s:
                callouts.delete_callout(s, self.context.actor, current.id)
        except Exception as exc:  # noqa: BLE001 - shown to the user in plain words
            report_error(exc, self)
        self.reload()
