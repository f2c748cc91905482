"""Record sections of the case editor: a table of persons / vehicles / ... with its history.

:class:`RecordSection` = table + Add/Edit/Delete buttons + (optionally) the attribute history of
the selected record (who changed what, old → new, known since). It emits requests; the editor
runs them through the undo stack. :class:`RowsModel` is a read-only table model over DTOs with
column functions, reused for the history tables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.casefile.dto import AttributeChangeDTO, CaseDetail
from app.services.common.clock import DEFAULT_TZ
from app.ui.casefile.record_specs import RecordKind
from app.ui.widgets.enum_labels import (
    event_kind_label,
    field_label,
    inquiry_status_label,
    local_time,
    person_role_label,
    status_label,
    vehicle_kind_label,
    vehicle_role_label,
)

RowColumn = tuple[str, Callable[[Any, Any], str]]
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows = DTOs; each column = (header, fn(row, context) -> text)."""

    def __init__(self, columns: Sequence[RowColumn], parent=None):
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []
        self._context: Any = None

    def set_rows(self, rows: Sequence[Any], context: Any = None) -> None:
        self.beginResetModel()
        self._rows, self._context = list(rows), context
        self.endResetModel()

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._columns)):
            return self._columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._columns[index.column()][1](row, self._context)
            return text if role == Qt.ItemDataRole.DisplayRole or len(text) > 30 else None
        if role == ROW_ROLE:
            return row
        return None


def make_table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setWordWrap(False)
    return table


class HistoryTexts(QObject):
    """Columns of an attribute-history table; values shown as the user knows them."""

    def value(self, change: AttributeChangeDTO, raw: str | None, detail: Any) -> str:
        """A stored history value in words: codes → labels, times → local, ids → names."""
        if raw in (None, ""):
            return self.tr("(empty)")
        tz = detail.tz if detail is not None else DEFAULT_TZ
        field, entity = change.field, change.entity_type
        if raw in ("true", "false") and field in BOOL_FIELDS:
            return self.tr("yes") if raw == "true" else self.tr("no")
        if field.endswith("_at"):
            try:
                return local_time(datetime.fromisoformat(raw), tz)
            except ValueError:
                return raw
        label = _code_label(entity, field, raw)
        if label is not None:
            return label
        if field.endswith("_id") and detail is not None and raw.isdigit():
            return _linked_name(detail, field, int(raw)) or f"#{raw}"
        return raw.replace("\n", "、")

    def columns(self) -> list[RowColumn]:
        def tz(ctx) -> str:
            return ctx.tz if ctx is not None else DEFAULT_TZ

        return [
            (self.tr("Known since"), lambda c, ctx: local_time(c.known_at, tz(ctx))),
            (self.tr("Field"), lambda c, ctx: field_label(c.field)),
            (self.tr("Before"), lambda c, ctx: self.value(c, c.old_value, ctx)),
            (self.tr("After"), lambda c, ctx: self.value(c, c.new_value, ctx)),
            (self.tr("Changed by"), lambda c, ctx: c.changed_by_name),
            (self.tr("Changed at"), lambda c, ctx: local_time(c.changed_at, tz(ctx))),
            (self.tr("Reason"), lambda c, ctx: c.reason),
        ]


BOOL_FIELDS = frozenset({"identified", "unlicensed", "is_training", "active"})
_CODE_LABELS = {
    ("person", "role"): person_role_label, ("vehicle", "role"): vehicle_role_label,
    ("vehicle", "kind"): vehicle_kind_label, ("event", "kind"): event_kind_label,
    ("inquiry", "status"): inquiry_status_label, ("case", "status"): status_label,
}


def _code_label(entity: str, field: str, raw: str) -> str | None:
    fn = _CODE_LABELS.get((entity, field))
    return fn(raw) if fn is not None else None


def _linked_name(detail: CaseDetail, field: str, record_id: int) -> str | None:
    if field == "meeting_id":
        return next((local_time(m.held_at, detail.tz) for m in detail.meetings
                     if m.id == record_id), None)
    if field == "inquiry_id":
        return next((i.team for i in detail.inquiries if i.id == record_id), None)
    if field == "lead_officer_id" and detail.lead_officer_id == record_id:
        return detail.lead_officer_name
    if field == "squad_id" and detail.squad_id == record_id:
        return detail.squad_name
    return None


class RecordSection(QWidget):
    """One kind of record: table, buttons, and the selected record's history."""

    add_requested = Signal(str)              # kind
    edit_requested = Signal(str, object)     # kind, dto
    delete_requested = Signal(str, object)   # kind, dto

    def __init__(self, kind: RecordKind, with_history: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self._detail: CaseDetail | None = None
        self._editable = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        title = QLabel(f"<b>{kind.title}</b>", self)
        self.count_label = QLabel(self)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        for b, name in ((self.add_button, "add"), (self.edit_button, "edit"),
                        (self.delete_button, "delete")):
            b.setObjectName(f"{kind.kind}_{name}")
        bar.addWidget(title)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        layout.addLayout(bar)
        self.model = RowsModel(kind.columns, self)
        self.table = make_table(self, f"{kind.kind}_table")
        self.table.setModel(self.model)
        self.history_model: RowsModel | None = None
        if with_history:
            split = QSplitter(Qt.Orientation.Vertical, self)
            split.addWidget(self.table)
            box = QWidget(split)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 4, 0, 0)
            self.history_label = QLabel(self.tr("History of the selected record"), box)
            inner.addWidget(self.history_label)
            self.history_model = RowsModel(HistoryTexts().columns(), self)
            self.history_table = make_table(box, f"{kind.kind}_history")
            self.history_table.setModel(self.history_model)
            inner.addWidget(self.history_table)
            split.addWidget(box)
            split.setStretchFactor(0, 3)
            split.setStretchFactor(1, 2)
            layout.addWidget(split, 1)
        else:
            layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(lambda: self.add_requested.emit(kind.kind))
        self.edit_button.clicked.connect(self._edit_current)
        self.delete_button.clicked.connect(self._delete_current)
        self.table.doubleClicked.connect(self._edit_current)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete_current)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self._edit_current)
        self._on_selection()

    def load(self, detail: CaseDetail | None, editable: bool = True) -> None:
        """Show the records of ``detail``; ``editable`` False = read-only (role, training)."""
        keep = self.current()
        self._detail = detail
        self._editable = editable and detail is not None and not detail.is_training
        rows = self.kind.records(detail) if detail is not None else ()
        self.model.set_rows(rows, detail)
        self.count_label.setText(self.tr("({n})").format(n=len(rows)))
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 320))
        self.add_button.setEnabled(self._editable)
        if keep is not None:
            self.select_id(keep.id)
        self._on_selection()

    def current(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def select_id(self, record_id: int) -> bool:
        for row, obj in enumerate(self.model.rows()):
            if obj.id == record_id:
                self.table.selectRow(row)
                return True
        return False

    def _edit_current(self, *_args) -> None:
        current = self.current()
        if current is not None and self.edit_button.isEnabled():
            self.edit_requested.emit(self.kind.kind, current)

    def _delete_current(self) -> None:
        current = self.current()
        if current is not None and self.delete_button.isEnabled():
            self.delete_requested.emit(self.kind.kind, current)

    def _on_selection(self, *_args) -> None:
        current = self.current()
        self.edit_button.setEnabled(current is not None and self._editable)
        self.delete_button.setEnabled(current is not None and self._editable)
        if self.history_model is not None:
            changes: list[AttributeChangeDTO] = []
            if current is not None and self._detail is not None:
                changes = [c for c in self._detail.changes
                           if c.entity_type == self.kind.kind and c.entity_id == current.id]
            self.history_model.set_rows(changes, self._detail)
            self.history_table.resizeColumnsToContents()
