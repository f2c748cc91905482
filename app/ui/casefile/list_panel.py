"""The case list panel: search box, filters (status, date range, officer), the table, a count.

Every filter, the search and the header sort become one ``CaseFilter`` that the services answer
in SQL (:class:`CaseTableModel` keeps only the ordered ids and fetches rows by page). Opening the
list and searching run on the worker pool; the filter combos and the sort answer at once (a
few ms at 10,000 cases). ``case_selected(id)`` fires when the current row changes (-1 = none);
the current case stays selected across refreshes, re-sorts and filters that keep it.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, time

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.services.casefile.dto import CaseFilter
from app.services.common.clock import DEFAULT_TZ, zone
from app.services.common.errors import NotFoundError, PermissionDenied, ServiceError
from app.ui.casefile.list_model import CASE_ID_ROLE, CaseTableModel, Column
from app.ui.casefile.store import CaseStore, ListView
from app.ui.error_dialogs import report_error
from app.ui.widgets.enum_labels import choices
from app.ui.workers import TaskContext, TaskHandle, run_task

NO_DATE = QDate(2000, 1, 1)
OPEN_STATUSES = ("reported", "investigating", "suspect_identified", "suspended")
QUERY_ERRORS = (ServiceError, SQLAlchemyError)


def _query(_ctx: TaskContext, model: CaseTableModel, filt: CaseFilter, total: bool) -> ListView:
    return model.query(filt, total)


class CaseListPanel(QWidget):
    case_selected = Signal(int)
    loaded = Signal()
    searched = Signal()

    def __init__(self, store: CaseStore, parent: QWidget | None = None, *,
                 tz: str = DEFAULT_TZ):
        super().__init__(parent)
        self.store = store
        self.zone = zone(tz)  # the squad's: date filters are local days
        self._busy: set[TaskHandle] = set()
        self._pending_select: int | None = None
        self._silent = False
        self._open_case: int | None = None  # the case the officer chose (kept across searches)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        self.search = QLineEdit(self)
        self.search.setObjectName("case_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search number, title, narrative, persons, "
                                               "vehicles… (Ctrl+F)"))
        layout.addWidget(self.search)
        layout.addLayout(self._build_filters())
        self.model = CaseTableModel(store, self)
        # queued: a fetch can fail inside a paint; the message box waits for the event loop
        self.model.failed.connect(self._on_model_failed, Qt.ConnectionType.QueuedConnection)
        self.proxy = self.model  # what the table shows (no proxy: filters and sort run in SQL)
        self.table = QTableView(self)
        self.table.setObjectName("case_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.OCCURRED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((Column.CASE_NO, 118), (Column.TITLE, 190), (Column.STATUS, 96),
                           (Column.OCCURRED, 118), (Column.PLACE, 120), (Column.OFFICER, 64),
                           (Column.VEHICLES, 140), (Column.INQUIRIES, 50)):
            self.table.setColumnWidth(col, width)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("case_count")
        layout.addWidget(self.count_label)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.search_now)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_and_focus_table)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.search.clear)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset,
                       self.model.layoutChanged):
            signal.connect(self._update_count)

    def _build_filters(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(self.tr("All statuses"), ())
        self.status_filter.addItem(self.tr("Open cases"), OPEN_STATUSES)
        for code, label in choices("statuses"):
            self.status_filter.addItem(label, (code,))
        self.date_from = self._date_edit("date_from", self.tr("from: any"))
        self.date_to = self._date_edit("date_to", self.tr("to: any"))
        self.officer_filter = QComboBox(self)
        self.officer_filter.setObjectName("officer_filter")
        self.officer_filter.addItem(self.tr("All officers"), None)
        self.officer_filter.setMinimumContentsLength(6)
        bar.addWidget(self.status_filter)
        bar.addWidget(QLabel(self.tr("Occurred"), self))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("–", self))
        bar.addWidget(self.date_to)
        bar.addWidget(self.officer_filter, 1)
        self.status_filter.currentIndexChanged.connect(self._apply_filters)
        self.officer_filter.currentIndexChanged.connect(self._apply_filters)
        self.date_from.dateChanged.connect(self._apply_filters)
        self.date_to.dateChanged.connect(self._apply_filters)
        return bar

    def _date_edit(self, name: str, special: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(special)
        edit.setDate(NO_DATE)
        return edit

    # -- loading ---------------------------------------------------------------------------
    def is_busy(self) -> bool:
        return bool(self._busy)

    def _start(self, fn, *args, on_done) -> TaskHandle:
        handle = run_task(fn, *args, parent=self)
        self._busy.add(handle)
        handle.succeeded.connect(on_done)
        handle.failed.connect(lambda exc, _tb: report_error(exc, self))
        handle.finished.connect(lambda: self._busy.discard(handle))
        return handle

    def reload(self, select_id: int | None = None) -> TaskHandle:
        """Query the list again in the background (every row fetched afresh); keeps (or sets)
        the selection."""
        self._pending_select = select_id if select_id is not None else self.current_case_id()
        self._load_officers()
        return self._start(_query, self.model, self.current_filter(), True,
                           on_done=self._on_loaded)

    def _load_officers(self) -> None:
        try:
            officers = self.store.officers()
        except Exception:  # noqa: BLE001 - the filter is optional
            return
        current = self.officer_filter.currentData()
        blocked = self.officer_filter.blockSignals(True)
        self.officer_filter.clear()
        self.officer_filter.addItem(self.tr("All officers"), None)
        for o in officers:
            self.officer_filter.addItem(o.name, o.id)
        index = self.officer_filter.findData(current)
        self.officer_filter.setCurrentIndex(max(index, 0))
        self.officer_filter.blockSignals(blocked)

    def _on_loaded(self, view: ListView) -> None:
        target = self._pending_select
        self._pending_select = None
        if not self._fresh(view):  # the filter changed meanwhile: ask again, synchronously
            fresh = self._query_now(self.current_filter(), total=True)
            if fresh is None:
                return
            view = fresh
        self.model.show_view(view, keep_rows=False)
        self._update_count()
        if target is None or not self.select_case(target):
            if self.model.rowCount():
                self.table.selectRow(0)
        self.loaded.emit()

    def refresh_case(self, case_id: int) -> None:
        """After an edit here or elsewhere: refresh its row; a case not listed yet (new, or
        now matching) brings a new query; a case gone leaves the list."""
        try:
            summary = self.store.summary(case_id)
        except (NotFoundError, PermissionDenied):
            self.model.remove_case(case_id)
            self._update_count()
            return
        except QUERY_ERRORS as exc:
            report_error(exc, self)
            return
        if self.model.update_case(summary) is None:
            self._show(self._query_now(self.current_filter(), total=True))
        self._update_count()

    # -- searching and filtering -------------------------------------------------------------
    def current_filter(self) -> CaseFilter:
        """The filter the widgets (and the header's sort) describe."""
        return dataclasses.replace(
            self.model.filter, statuses=tuple(self.status_filter.currentData() or ()),
            officer_id=self.officer_filter.currentData(),
            date_from=self._day_start(self.date_from, 0),
            date_to=self._day_start(self.date_to, 1), text=self.search.text().strip())

    def _fresh(self, view: ListView) -> bool:
        return view.filt == self.current_filter()

    def _query_now(self, filt: CaseFilter, total: bool = False) -> ListView | None:
        try:
            return self.model.query(filt, total or self.model.total is None)
        except QUERY_ERRORS as exc:
            report_error(exc, self)
            return None

    def _show(self, view: ListView | None) -> None:
        """Show a query result, keeping the current case selected if it is still listed."""
        if view is None:
            return
        current = self.current_case_id() or self._open_case
        self.model.show_view(view)
        if current is not None and self.current_case_id() != current:
            self.select_case(current, notify=False)
        self._after_filter()

    def search_now(self) -> None:
        self._search_timer.stop()
        if not self.search.text().strip():
            self._apply_filters()
            self.searched.emit()
            return
        self._start(_query, self.model, self.current_filter(), False, on_done=self._on_searched)

    def _on_searched(self, view: ListView) -> None:
        if view.filt.text != self.search.text().strip():
            return  # a newer search is on its way
        self._show(view if self._fresh(view) else self._query_now(self.current_filter()))
        self.searched.emit()

    def _search_and_focus_table(self) -> None:
        """Enter in the search box: search now and move to the results."""
        self.search_now()
        self.table.setFocus()
        if self.current_case_id() is None and self.model.rowCount():
            self.table.selectRow(0)

    def _apply_filters(self) -> None:
        self._show(self._query_now(self.current_filter()))

    def _day_start(self, edit: QDateEdit, plus_days: int) -> datetime | None:
        date = edit.date()
        if date == NO_DATE:
            return None
        day = date.addDays(plus_days)
        return datetime.combine(datetime(day.year(), day.month(), day.day()).date(), time(),
                                self.zone)

    def _after_filter(self) -> None:
        """A search that does not list the open case leaves it open (nothing jumps); clearing
        the search shows it selected again. A filter that drops it takes the first row."""
        self._update_count()
        searching = bool(self.search.text().strip()) and self._open_case is not None
        if self.current_case_id() is None and not searching and self.model.rowCount():
            self.table.selectRow(0)

    def _update_count(self, *_args) -> None:
        self.count_label.setText(self.tr("{shown} of {total} cases").format(
            shown=self.model.rowCount(), total=self.model.total or 0))

    def _on_model_failed(self, exc: Exception) -> None:
        report_error(exc, self)

    # -- selection -------------------------------------------------------------------------
    def current_case_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.data(index, CASE_ID_ROLE) if index.isValid() else None

    def select_case(self, case_id: int, notify: bool = True) -> bool:
        row = self.model.row_of(case_id)
        if row is None:
            return False
        self._silent = not notify
        try:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._silent = False
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _on_current_row(self, current, _previous) -> None:
        if self._silent:
            return
        case_id = self.model.data(current, CASE_ID_ROLE) if current.isValid() else None
        if case_id is not None:
            self._open_case = case_id
        elif not self.model.rowCount() or self.search.text().strip():
            return  # the list was filtered: the open case stays open
        self.case_selected.emit(case_id if case_id is not None else -1)
