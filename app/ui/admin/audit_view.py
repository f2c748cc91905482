"""Audit viewer: the tamper-evident log, filtered by case, user, action and date.

Rows read as plain words (:mod:`app.services.common.audit_text`): the action as a phrase, the
record by name or number, details as fields, the time in the case's zone with the zone named.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.common import audit_log, audit_text
from app.services.common.audit_log import AuditFilter, AuditRow
from app.services.common.audit_text import AuditLine
from app.services.common.context import Perm
from app.services.common.errors import ServiceError
from app.ui.error_dialogs import report_error

PAGE = 500
_ROOT = QModelIndex()


class AuditTableModel(QAbstractTableModel):
    """Audit rows (newest first) in plain words; grows page by page."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lines: list[AuditLine] = []
        self.case_numbers: dict[int, str] = {}
        self._headers = [self.tr("#"), self.tr("Time"), self.tr("User"), self.tr("Operation"),
                         self.tr("Record"), self.tr("Case no."), self.tr("Details")]

    @property
    def rows(self) -> list[AuditRow]:
        return [line.row for line in self.lines]

    def set_rows(self, lines: list[AuditLine], append: bool = False) -> None:
        if append:
            first = len(self.lines)
            self.beginInsertRows(QModelIndex(), first, first + len(lines) - 1)
            self.lines.extend(lines)
            self.endInsertRows()
        else:
            self.beginResetModel()
            self.lines = list(lines)
            self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        r = line.row
        if role == Qt.ItemDataRole.ToolTipRole:
            return line.sentence + "\n" + self.tr("Row hash: {hash}").format(hash=r.row_hash)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == 0:
            return str(r.id)
        if col == 1:
            return f"{line.time} {line.zone}"
        if col == 2:
            return line.user
        if col == 3:
            return line.action
        if col == 4:
            return line.record
        if col == 5:
            return self.case_numbers.get(r.case_id, "") if r.case_id is not None else ""
        return "；".join(f"{label}：{value}" for label, value in line.fields)[:300]


class AuditView(QWidget):
    """The "audit" view (admins and reviewers)."""

    def __init__(self, window):
        super().__init__()
        self.setObjectName("AuditView")
        self._ctx = window.context
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.case_filter = QComboBox()
        self.case_filter.setObjectName("case_filter")
        self.user_filter = QComboBox()
        self.user_filter.setObjectName("user_filter")
        self.action_filter = QLineEdit()
        self.action_filter.setPlaceholderText(self.tr("action, e.g. evidence."))
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("text in details"))
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-1))
        self.date_to = QDateEdit(QDate.currentDate())
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.apply = QPushButton(self.tr("Filter"))
        self.apply.clicked.connect(self.reload)
        for label, w in ((self.tr("Case:"), self.case_filter), (self.tr("User:"), self.user_filter),
                         (self.tr("Action:"), self.action_filter),
                         (self.tr("From:"), self.date_from), (self.tr("To:"), self.date_to),
                         (self.tr("Text:"), self.text_filter)):
            bar.addWidget(QLabel(label))
            bar.addWidget(w)
        bar.addWidget(self.apply)
        layout.addLayout(bar)
        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([600, 150])
        layout.addWidget(split)
        foot = QHBoxLayout()
        self.count_label = QLabel()
        self.more = QPushButton(self.tr("Load more"))
        self.more.clicked.connect(lambda: self.reload(append=True))
        foot.addWidget(self.count_label)
        foot.addStretch(1)
        foot.addWidget(self.more)
        layout.addLayout(foot)
        self._fill_filters()
        self.reload()

    def view_activated(self) -> None:
        self.reload()

    def _fill_filters(self) -> None:
        self.case_filter.addItem(self.tr("All cases"), None)
        self.user_filter.addItem(self.tr("All users"), None)
        if not self._ctx.actor.can(Perm.AUDIT_VIEW):
            return
        with self._ctx.sessions() as s:
            cases = audit_log.case_numbers(s, self._ctx.actor)
            names = audit_log.usernames(s, self._ctx.actor)
        self.model.case_numbers = {cid: no for cid, no in cases}
        for cid, no in cases:
            self.case_filter.addItem(no, cid)
        for name in names:
            self.user_filter.addItem(name, name)

    def current_filter(self) -> AuditFilter:
        since = datetime.combine(_day(self.date_from.date()), time.min).astimezone(UTC)
        until = datetime.combine(_day(self.date_to.date()), time.max).astimezone(UTC)
        return AuditFilter(case_id=self.case_filter.currentData(),
                           username=self.user_filter.currentData(),
                           action_prefix=self.action_filter.text().strip() or None,
                           since=since, until=until, text=self.text_filter.text().strip() or None)

    def reload(self, append: bool = False) -> None:
        flt = self.current_filter()
        offset = len(self.model.rows) if append else 0
        try:
            with self._ctx.sessions() as s:
                rows = audit_text.describe(s, audit_log.list_entries(
                    s, self._ctx.actor, flt, offset=offset, limit=PAGE))
                total = audit_log.count_entries(s, self._ctx.actor, flt)
        except ServiceError as exc:
            self.count_label.setText(str(exc))
            self.model.set_rows([])
            self.more.setEnabled(False)
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user
            report_error(exc, self)
            return
        self.model.set_rows(rows, append=append)
        if not append:
            for col in range(6):
                self.table.resizeColumnToContents(col)
        self.count_label.setText(self.tr("{shown} of {total} entries").format(
            shown=len(self.model.rows), total=total))
        self.more.setEnabled(len(self.model.rows) < total)

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        line = self.model.lines[current.row()]
        fields = "\n".join(f"{label}：{value}" for label, value in line.fields)
        self.detail.setPlainText(
            f"{line.sentence}\n\n{fields}\n\n"
            + self.tr("Entry #{id} · code {action} · row hash {hash}").format(
                id=line.row.id, action=line.row.action, hash=line.row.row_hash))


def _day(value: QDate) -> date:
    """A QDate as a Python date (``toPython`` is typed ``object`` in the stubs)."""
    return date(value.year(), value.month(), value.day())
