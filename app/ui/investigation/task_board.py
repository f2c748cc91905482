"""The task board: one column per status (planned, assigned, in progress, done, cancelled);
each card says what, where, who, why (the inference) and what it found."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.investigation.tasks import TaskDTO
from app.ui.investigation.task_dialog import STATUSES


class TaskBoard(QWidget):
    new_requested = Signal()          # a new task from an inference
    edit_requested = Signal(int)      # task id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("TaskBoard")
        self.tasks: dict[int, TaskDTO] = {}
        self.new_button = QPushButton(self.tr("New task from an inference…"), self)
        self.new_button.clicked.connect(self.new_requested)
        names = {"planned": self.tr("Planned"), "assigned": self.tr("Assigned"),
                 "in_progress": self.tr("In progress"), "done": self.tr("Done"),
                 "cancelled": self.tr("Cancelled")}
        self.columns: dict[str, QListWidget] = {}
        row = QHBoxLayout()
        for status in STATUSES:
            box = QGroupBox(names[status], self)
            lst = QListWidget(box)
            lst.setWordWrap(True)
            lst.setSpacing(5)
            lst.setObjectName(f"tasks_{status}")
            lst.itemDoubleClicked.connect(
                lambda item: self.edit_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
            inner = QVBoxLayout(box)
            inner.setContentsMargins(2, 2, 2, 2)
            inner.addWidget(lst)
            row.addWidget(box, 1)
            self.columns[status] = lst
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addLayout(row, 1)

    def show_tasks(self, tasks: list[TaskDTO]) -> None:
        self.tasks = {t.id: t for t in tasks}
        for lst in self.columns.values():
            lst.clear()
        kinds = {"grid_search": self.tr("Grid search"), "canvass": self.tr("Canvass")}
        for t in tasks:
            lines = [f"【{kinds.get(t.kind, t.kind)}】{t.title}"]
            where = t.address or (self.tr("area of {n} corners").format(n=len(t.area))
                                  if t.area else "")
            if where:
                lines.append(self.tr("Where: {w}").format(w=where))
            if t.assignee_name:
                lines.append(self.tr("Who: {w}").format(w=t.assignee_name))
            if t.trigger_title:
                lines.append(self.tr("Because: {w}").format(w=t.trigger_title))
            if t.result:
                lines.append(self.tr("Result: {w}").format(w=t.result))
            if t.found_title:
                lines.append(self.tr("Found: {w}").format(w=t.found_title))
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            if t.status == "done":
                item.setBackground(QBrush(QColor(225, 243, 228)))
            self.columns.get(t.status, self.columns["planned"]).addItem(item)
