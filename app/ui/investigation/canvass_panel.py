"""The canvass table (camera, owner, contact, coverage status, retention, the date footage is
lost) with a status chooser per row, and the urgent list above it ("as of" a chosen time)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.investigation.canvass import ORDER, CanvassEntry
from app.ui.investigation.map_items import STATUS_COLOURS
from app.ui.investigation.qt_values import picked_time
from app.ui.widgets.enum_labels import local_time as fmt_local


class CanvassPanel(QWidget):
    status_chosen = Signal(int, str, int)     # entry id, status, expected version
    as_of_changed = Signal(object)            # aware datetime
    letter_requested = Signal(int)            # camera id
    add_requested = Signal()                  # put another camera on the list
    camera_edit_requested = Signal(int)       # camera id (double-click a row)
    COLUMNS = 8

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CanvassPanel")
        self.entries: list[CanvassEntry] = []
        self.as_of = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.as_of.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.as_of.setCalendarPopup(True)
        self.as_of.dateTimeChanged.connect(lambda _d: self.as_of_changed.emit(self.as_of_time()))
        now = QPushButton(self.tr("Now"), self)
        now.clicked.connect(lambda: self.as_of.setDateTime(QDateTime.currentDateTime()))
        self.letter = QPushButton(self.tr("Evidence request letter…"), self)
        self.letter.setToolTip(self.tr("Generate the evidence-request letter (PDF) for the "
                                       "selected camera"))
        self.letter.clicked.connect(self._on_letter)
        self.add = QPushButton(self.tr("Add camera…"), self)
        self.add.clicked.connect(self.add_requested)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Urgent as of"), self))
        top.addWidget(self.as_of)
        top.addWidget(now)
        top.addStretch(1)
        top.addWidget(self.add)
        top.addWidget(self.letter)
        self.urgent = QListWidget(self)
        self.urgent.setObjectName("UrgentList")
        self.urgent.setMaximumHeight(110)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Camera"), self.tr("Name"), self.tr("Owner"), self.tr("Contact"),
            self.tr("Coverage"), self.tr("Retention"), self.tr("Footage lost"),
            self.tr("Days left")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setToolTip(self.tr("Double-click a camera to edit its retention, position, "
                                      "view and owner"))
        self.table.cellDoubleClicked.connect(self._on_double_click)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addWidget(self.urgent)
        lay.addWidget(self.table, 1)

    def status_labels(self) -> dict[str, str]:
        return {"to_ask": self.tr("To ask"), "asked": self.tr("Asked"),
                "collected": self.tr("Collected"), "reviewed": self.tr("Reviewed"),
                "nothing_relevant": self.tr("Nothing relevant")}

    def as_of_time(self) -> datetime:
        return picked_time(self.as_of).astimezone(UTC)

    def set_as_of(self, when: datetime) -> None:
        self.as_of.blockSignals(True)
        self.as_of.setDateTime(QDateTime(when.astimezone()))
        self.as_of.blockSignals(False)

    def status_combo(self, row: int) -> QComboBox:
        combo = self.table.cellWidget(row, 4)
        if not isinstance(combo, QComboBox):
            raise IndexError(f"no canvass row {row}")
        return combo

    def show_entries(self, entries: list[CanvassEntry], tz: str) -> None:
        self.entries = entries
        labels = self.status_labels()
        self.table.clearContents()
        self.table.setRowCount(0)
        self.table.setRowCount(len(entries))
        for r, e in enumerate(entries):
            c = e.camera
            days = "" if e.days_left is None else f"{e.days_left:.1f}"
            cells = [c.code, c.name, c.owner_unit, f"{c.contact_name} {c.contact_phone}".strip(),
                     "", "" if c.retention_days is None else self.tr("{n} days").format(
                         n=c.retention_days),
                     fmt_local(e.lost_at, tz) if e.lost_at else "", days]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if e.urgent:
                    item.setForeground(QBrush(QColor(190, 0, 0)))
                self.table.setItem(r, col, item)
            combo = QComboBox(self.table)
            for code in ORDER:
                combo.addItem(labels[code], code)
            combo.setCurrentIndex(ORDER.index(e.status))
            combo.setStyleSheet(f"color: {STATUS_COLOURS[e.status].name()}; font-weight: bold;")
            combo.currentIndexChanged.connect(
                lambda _i, entry=e, box=combo: self.status_chosen.emit(
                    entry.id, box.currentData(), entry.version))
            self.table.setCellWidget(r, 4, combo)
        self._fill_urgent(tz)

    def _fill_urgent(self, tz: str) -> None:
        self.urgent.clear()
        urgent = [e for e in self.entries if e.urgent]
        if not urgent:
            self.urgent.addItem(self.tr("No footage about to be overwritten."))
            return
        for e in urgent:
            if e.lost:
                text = self.tr("{code} {name}: footage probably overwritten since {when}, not "
                               "collected").format(code=e.camera.code, name=e.camera.name,
                                                   when=fmt_local(e.lost_at, tz))
            else:
                text = self.tr("{code} {name}: overwrites in {days:.1f} days ({when}), not yet "
                               "collected").format(code=e.camera.code, name=e.camera.name,
                                                   days=e.days_left, when=fmt_local(e.lost_at, tz))
            item = QListWidgetItem(text)
            item.setForeground(QBrush(QColor(190, 0, 0)))
            self.urgent.addItem(item)

    def _on_double_click(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.entries):
            self.camera_edit_requested.emit(self.entries[row].camera.id)

    def _on_letter(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.entries):
            self.letter_requested.emit(self.entries[row].camera.id)
