"""The case list panel: search box, filters (status, date range, officer), the table, a count.

Loading all summaries and running a text search happen on the worker pool; the proxy filters
instantly. ``case_selected(id)`` fires when the current row changes (-1 = none).
"""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

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

from app.services.dto import CaseFilter
from app.ui.case_list_model import CASE_ID_ROLE, CaseFilterProxy, CaseTableModel, Column
from app.ui.case_store import CaseStore
from app.ui.error_dialogs import report_error
from app.ui.widgets.enum_labels import choices
from app.ui.workers import TaskContext, TaskHandle, run_task

NO_DATE = QDate(2000, 1, 1)
OPEN_STATUSES = ("reported", "investigating", "suspect_identified", "suspended")
ZONE = ZoneInfo("Asia/Shanghai")


def _load_all(_ctx: TaskContext, store: CaseStore):
    return store.list_cases(CaseFilter(sort="occurred_at", descending=True)).items


def _search(_ctx: TaskContext, store: CaseStore, text: str) -> tuple[str, set[int]]:
    return text, store.search_ids(text)


class CaseListPanel(QWidget):
    case_selected = Signal(int)
    loaded = Signal()
    searched = Signal()

    def __init__(self, store: CaseStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._busy: set[TaskHandle] = set()
        self._pending_select: int | None = None
        self._silent = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        self.search = QLineEdit(self)
        self.search.setObjectName("case_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search number, title, narrative, persons, "
                                               "vehicles… (Ctrl+F)"))
        layout.addWidget(self.search)
        layout.addLayout(self._build_filters())
        self.model = CaseTableModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("case_table")
        self.table.setModel(self.proxy)
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
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
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
        """Reload every summary in the background; keeps (or sets) the selection."""
        self._pending_select = select_id if select_id is not None else self.current_case_id()
        self._load_officers()
        return self._start(_load_all, self.store, on_done=self._on_loaded)

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

    def _on_loaded(self, cases) -> None:
        self.model.set_cases(cases)
        self._update_count()
        if self.search.text().strip():
            self.search_now()
        target = self._pending_select
        self._pending_select = None
        if target is None or not self.select_case(target):
            if self.proxy.rowCount():
                self.table.selectRow(0)
        self.loaded.emit()

    def refresh_case(self, case_id: int) -> None:
        """After an edit: refresh one row (or drop it if it is gone)."""
        try:
            self.model.upsert_case(self.store.summary(case_id))
        except Exception:  # noqa: BLE001 - NotFound etc.: the row goes
            self.model.remove_case(case_id)
        self._update_count()

    # -- searching and filtering -------------------------------------------------------------
    def search_now(self) -> None:
        self._search_timer.stop()
        text = self.search.text().strip()
        if not text:
            self.proxy.set_matching_ids(None)
            self._after_filter()
            self.searched.emit()
            return
        self._start(_search, self.store, text, on_done=self._on_searched)

    def _on_searched(self, result) -> None:
        text, ids = result
        if text != self.search.text().strip():
            return  # a newer search is on its way
        self.proxy.set_matching_ids(ids)
        self._after_filter()
        self.searched.emit()

    def _search_and_focus_table(self) -> None:
        """Enter in the search box: search now and move to the results."""
        self.search_now()
        self.table.setFocus()
        if self.current_case_id() is None and self.proxy.rowCount():
            self.table.selectRow(0)

    def _apply_filters(self) -> None:
        self.proxy.set_statuses(self.status_filter.currentData() or ())
        self.proxy.set_officer(self.officer_filter.currentData())
        self.proxy.set_date_range(self._day_start(self.date_from, 0),
                                  self._day_start(self.date_to, 1))
        self._after_filter()

    @staticmethod
    def _day_start(edit: QDateEdit, plus_days: int) -> datetime | None:
        date = edit.date()
        if date == NO_DATE:
            return None
        day = date.addDays(plus_days)
        return datetime.combine(datetime(day.year(), day.month(), day.day()).date(), time(),
                                ZONE)

    def _after_filter(self) -> None:
        self._update_count()
        if self.current_case_id() is None and self.proxy.rowCount():
            self.table.selectRow(0)

    def _update_count(self, *_args) -> None:
        self.count_label.setText(self.tr("{shown} of {total} cases").format(
            shown=self.proxy.rowCount(), total=self.model.rowCount()))

    # -- selection -------------------------------------------------------------------------
    def current_case_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        return self.proxy.data(index, CASE_ID_ROLE) if index.isValid() else None

    def select_case(self, case_id: int, notify: bool = True) -> bool:
        row = self.proxy.row_of(case_id)
        if row is None:
            return False
        self._silent = not notify
        try:
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._silent = False
        self.table.scrollTo(self.proxy.index(row, 0))
        return True

    def _on_current_row(self, current, _previous) -> None:
        if self._silent:
            return
        case_id = self.proxy.data(current, CASE_ID_ROLE) if current.isValid() else None
        self.case_selected.emit(case_id if case_id is not None else -1)
