"""One timeline of the case: events, CCTV sightings, tasks, other evidence, canvass, letters
and custody in time order, each source in its own colour, with source filters."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.common.clock import DEFAULT_TZ
from app.services.investigation.merged_timeline import TimelineEntry
from app.ui.widgets.enum_labels import local_time

COLOURS = {"event": QColor(30, 30, 30), "mark": QColor(0, 90, 200), "task": QColor(170, 100, 0),
           "evidence": QColor(120, 40, 160), "canvass": QColor(20, 130, 60),
           "request": QColor(20, 130, 60), "custody": QColor(120, 120, 120)}


class TimelinePanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("MergedTimeline")
        self.entries: list[TimelineEntry] = []
        self.tz = DEFAULT_TZ
        names = self.source_names()
        self.filters: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for source, name in names.items():
            box = QCheckBox(name, self)
            box.setChecked(source != "custody")
            box.setStyleSheet(f"color: {COLOURS[source].name()};")
            box.toggled.connect(lambda _c: self._fill())
            row.addWidget(box)
            self.filters[source] = box
        row.addStretch(1)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Source"), self.tr("What")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)

    def source_names(self) -> dict[str, str]:
        return {"event": self.tr("Events"), "mark": self.tr("CCTV sightings"),
                "task": self.tr("Tasks"), "evidence": self.tr("Other evidence"),
                "canvass": self.tr("Canvass"), "request": self.tr("Letters"),
                "custody": self.tr("Custody")}

    def show_entries(self, entries: list[TimelineEntry], tz: str) -> None:
        self.entries, self.tz = entries, tz
        self._fill()

    def _fill(self) -> None:
        names = self.source_names()
        shown = [e for e in self.entries if self.filters[e.source].isChecked()]
        self.table.setRowCount(len(shown))
        for r, e in enumerate(shown):
            what = e.title + (f" — {e.detail}" if e.detail and e.source != "mark" else "")
            for c, text in enumerate((local_time(e.at, self.tz, "%Y-%m-%d %H:%M:%S"),
                                      names[e.source], what)):
                item = QTableWidgetItem(text)
                item.setForeground(QBrush(COLOURS[e.source]))
                item.setToolTip(what)
                self.table.setItem(r, c, item)
