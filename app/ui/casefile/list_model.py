"""The case list model: a lazy table over case ids, rows fetched a page at a time.

Anki-style: the model holds only the ordered ids for the current filter/sort/search — filtering,
searching (Chinese substrings) and sorting all run in SQL in ``search.case_ids`` — and fetches
``CaseSummary`` rows for a page (:data:`PAGE` rows) the first time a row of it is asked for.
10,000 cases cost one id query plus one page of rows, not 10,000 DTOs. The selection survives
re-sorting (persistent indexes follow their case id); a new filter resets the model and the panel
re-selects the current case by id.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Iterator, Sequence
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from sqlalchemy.exc import SQLAlchemyError

from app.services.casefile.dto import CaseFilter, CaseSummary
from app.services.common.errors import ServiceError
from app.ui.casefile.store import CaseStore, ListView
from app.ui.widgets.enum_labels import local_time, status_label, vehicle_kind_label

CASE_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SUMMARY_ROLE = int(Qt.ItemDataRole.UserRole) + 3
PAGE = 100          # rows fetched together (the first page comes with the ids)
CACHE_MAX = 5_000   # summaries kept; beyond that the cache starts over
_STATUS_COLOURS = {"reported": "#b45309", "investigating": "#1d4ed8",
                   "suspect_identified": "#7c3aed", "suspended": "#6b7280",
                   "solved": "#15803d", "closed": "#374151"}
Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)  # plain ints: data() compares on every call
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_SUMMARY_ROLES = frozenset((_TOOLTIP, _FOREGROUND, _ALIGNMENT, SUMMARY_ROLE))
log = logging.getLogger(__name__)


@functools.cache
def _status_brush(status: str) -> QBrush:
    return QBrush(QColor(_STATUS_COLOURS.get(status, "#000000")))


class Column(IntEnum):
    CASE_NO = 0
    TITLE = 1
    STATUS = 2
    OCCURRED = 3
    PLACE = 4
    OFFICER = 5
    VEHICLES = 6
    INQUIRIES = 7


# the services' sort key (search.SORT_KEYS) of each column
SORT_KEY = {Column.CASE_NO: "case_no", Column.TITLE: "title", Column.STATUS: "workflow",
            Column.OCCURRED: "occurred_at", Column.PLACE: "place",
            Column.OFFICER: "lead_officer", Column.VEHICLES: "vehicles",
            Column.INQUIRIES: "inquiries"}


class CaseTableModel(QAbstractTableModel):
    """Rows = case ids for :attr:`filter`; columns = :class:`Column`; rows load by page."""

    failed = Signal(object)  # an exception from a query the user started (sort, fetch)

    def __init__(self, store: CaseStore, parent=None):
        super().__init__(parent)
        self.store = store
        self.filter = CaseFilter(sort="occurred_at", descending=True)
        self.total: int | None = None       # every case the user may see (None: not counted)
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._cache: dict[int, CaseSummary] = {}
        self._texts: dict[int, tuple[str, ...]] = {}  # display text per column, made once
        self._gone: set[int] = set()        # ids the services no longer return
        self._failed: set[int] = set()      # ids whose fetch failed (until the next query)
        self.fetches = 0                    # pages fetched (tests, benchmarks)

    # -- content -------------------------------------------------------------------------
    def query(self, filt: CaseFilter, total: bool = True) -> ListView:
        """The ids + first page for ``filt`` (any thread; :meth:`show_view` applies it);
        ``total=False`` skips counting every case (the filter changed, the data did not)."""
        return self.store.list_view(filt, PAGE, total)

    def set_filter(self, filt: CaseFilter) -> None:
        """Query ``filt`` now (filters are fast SQL) and show it."""
        self.show_view(self.query(filt, total=self.total is None))

    def show_view(self, view: ListView, keep_rows: bool = True) -> None:
        """Show a query result: same cases in a new order → layout change (selection and
        persistent indexes follow their ids); other cases → model reset."""
        if not keep_rows or len(self._cache) > CACHE_MAX:
            self._cache.clear()
            self._texts.clear()
        self._gone.clear()
        self._failed.clear()
        self._put(view.rows)
        self.filter = view.filt
        if view.total is not None:
            self.total = view.total
        ids = list(view.ids)
        if ids == self._ids:
            if not keep_rows and ids:  # same cases, fresh rows: repaint what is shown
                self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(Column) - 1))
            return
        if len(ids) == len(self._ids) and set(ids) == set(self._row_of):
            self._reorder(ids)
            return
        self.beginResetModel()
        self._set_ids(ids)
        self.endResetModel()

    def _set_ids(self, ids: list[int]) -> None:
        self._ids = ids
        self._row_of = {cid: row for row, cid in enumerate(ids)}

    def _reorder(self, ids: list[int]) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        moved = [self._ids[i.row()] if i.isValid() else None for i in persistent]
        self._set_ids(ids)
        self.changePersistentIndexList(persistent, [
            self.index(self._row_of[cid], i.column()) if cid is not None else QModelIndex()
            for cid, i in zip(moved, persistent, strict=True)])
        self.layoutChanged.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Header click: the services sort (SQL); the selection stays on its case."""
        if not 0 <= column < len(Column):
            return
        filt = dataclasses.replace(self.filter, sort=SORT_KEY[Column(column)],
                                   descending=order == Qt.SortOrder.DescendingOrder)
        if filt == self.filter:
            return
        if not self._ids:  # nothing loaded yet: the first query uses this order
            self.filter = filt
            return
        try:
            self.set_filter(filt)
        except (ServiceError, SQLAlchemyError) as exc:
            self.failed.emit(exc)

    def update_case(self, case: CaseSummary) -> int | None:
        """A fresh row for a case already listed (after an edit); returns its row."""
        row = self._row_of.get(case.id)
        if row is None:
            return None
        self._put((case,))
        self._gone.discard(case.id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        return row

    def remove_case(self, case_id: int) -> bool:
        row = self._row_of.get(case_id)
        if row is None:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        self._set_ids(self._ids[:row] + self._ids[row + 1:])
        self._cache.pop(case_id, None)
        if self.total:
            self.total -= 1
        self.endRemoveRows()
        return True

    # -- lookups ---------------------------------------------------------------------------
    def case_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def ids(self) -> tuple[int, ...]:
        return tuple(self._ids)

    def row_of(self, case_id: int) -> int | None:
        return self._row_of.get(case_id)

    def case_at(self, row: int) -> CaseSummary | None:
        """The row's summary (fetching its page if needed; None if the case is gone)."""
        cid = self._ids[row]
        case = self._cache.get(cid)
        if case is None and cid not in self._gone and cid not in self._failed:
            self._fetch_page(row // PAGE)
            case = self._cache.get(cid)
        return case

    def cases(self) -> Iterator[CaseSummary]:
        """Every listed case in order, fetched page by page (for whole-list work only)."""
        for start in range(0, len(self._ids), PAGE):
            for row in range(start, min(start + PAGE, len(self._ids))):
                case = self.case_at(row)
                if case is not None:
                    yield case

    def _fetch_page(self, page: int) -> None:
        ids = [cid for cid in self._ids[page * PAGE:(page + 1) * PAGE]
               if cid not in self._cache and cid not in self._gone and cid not in self._failed]
        if not ids:
            return
        if len(self._cache) > CACHE_MAX:
            self._cache.clear()
            self._texts.clear()
        self.fetches += 1
        try:
            rows: Sequence[CaseSummary] = self.store.summaries(ids)
        except (ServiceError, SQLAlchemyError) as exc:
            log.warning("case list: fetching %d rows failed: %s", len(ids), exc)
            self._failed.update(ids)  # shown as "—" until the next query; no retry storm
            self.failed.emit(exc)
            return
        self._put(rows)
        self._gone.update(set(ids) - {s.id for s in rows})

    def _put(self, rows: Sequence[CaseSummary]) -> None:
        for case in rows:
            self._cache[case.id] = case
            self._texts.pop(case.id, None)

    # -- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return (self.tr("Case no."), self.tr("Case title"), self.tr("Status"), self.tr("Occurred"),
                self.tr("Place"), self.tr("Lead officer"), self.tr("Vehicles"),
                self.tr("Inquiries"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        """Display text comes from a per-row tuple made once (a paint asks ~7 roles a cell)."""
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        if role == _DISPLAY:
            cid = self._ids[row]
            texts = self._texts.get(cid)
            if texts is None:
                texts = self._row_texts(row)
            return texts[index.column()] if index.column() < len(texts) else None
        if role == CASE_ID_ROLE:
            return self._ids[row]
        if role not in _SUMMARY_ROLES:
            return None
        case = self.case_at(row)
        if case is None:
            return None
        col = index.column()
        if role == SUMMARY_ROLE:
            return case
        if role == _TOOLTIP:
            return self._tooltip(case, col)
        if role == _FOREGROUND and col == Column.STATUS:
            return _status_brush(case.status)
        if role == _ALIGNMENT and col == Column.INQUIRIES:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _row_texts(self, row: int) -> tuple[str, ...]:
        case = self.case_at(row)
        if case is None:  # deleted meanwhile (the next refresh drops the row) or unreadable
            first = "—" if self._ids[row] in self._failed else self.tr("(deleted)")
            return (first,) + ("",) * (len(Column) - 1)
        texts = tuple(self._display(case, col) for col in Column)
        self._texts[case.id] = texts
        return texts

    def _display(self, case: CaseSummary, col: int) -> str:
        match col:
            case Column.CASE_NO:
                return case.case_no + (self.tr(" (training)") if case.is_training else "")
            case Column.TITLE:
                return case.title
            case Column.STATUS:
                return status_label(case.status)
            case Column.OCCURRED:
                return local_time(case.occurred_at, case.tz)
            case Column.PLACE:
                return " ".join(p for p in (case.district, case.road) if p) or case.address
            case Column.OFFICER:
                return case.lead_officer_name
            case Column.VEHICLES:
                return "、".join(vehicle_kind_label(k) for k in case.vehicle_kinds)
            case Column.INQUIRIES:
                if not case.inquiry_count:
                    return ""
                return f"{case.open_inquiry_count}/{case.inquiry_count}"
        return ""

    def _tooltip(self, case: CaseSummary, col: int) -> str | None:
        if col == Column.INQUIRIES and case.inquiry_count:
            return self.tr("{open} open or active of {total} lines of inquiry").format(
                open=case.open_inquiry_count, total=case.inquiry_count)
        if col in (Column.TITLE, Column.PLACE):
            return f"{case.title}\n{case.address}".strip()
        return None
