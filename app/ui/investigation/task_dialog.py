"""Create or edit a search/canvass task: kind, title, area (corners, WGS-84) or address,
assignee, status, result, the inference that triggered it and the event recording what it
found. The dialog only collects input; the view saves it through the service."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.services.casefile.dto import EventDTO
from app.services.investigation.tasks import TaskInput
from app.ui.widgets.dialog_parts import Button, accept_cancel_buttons, error_label

STATUSES = ("planned", "assigned", "in_progress", "done", "cancelled")


def parse_area(text: str) -> tuple[tuple[float, float], ...] | None:
    """"lat,lon; lat,lon; ..." → corners; None when unreadable; () when empty."""
    text = text.strip()
    if not text:
        return ()
    try:
        return tuple((float(a), float(b)) for a, b in
                     (p.replace("，", ",").split(",") for p in text.replace("；", ";").split(";")
                      if p.strip()))
    except ValueError:
        return None


class TaskDialog(QDialog):
    def __init__(self, draft: TaskInput, events: list[EventDTO],
                 officers: list[tuple[int, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("TaskDialog")
        self.setWindowTitle(self.tr("Search / canvass task"))
        self.draft = draft
        self.result_input: TaskInput | None = None
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Grid search (area)"), "grid_search")
        self.kind.addItem(self.tr("Canvass (address)"), "canvass")
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind)))
        self.title = QLineEdit(draft.title, self)
        self.area = QLineEdit("; ".join(f"{a:.6f},{b:.6f}" for a, b in draft.area), self)
        self.area.setPlaceholderText(self.tr("corners as lat,lon; lat,lon; …"))
        self.address = QLineEdit(draft.address, self)
        self.assignee = QComboBox(self)
        self.assignee.addItem(self.tr("(nobody yet)"), None)
        for oid, name in officers:
            self.assignee.addItem(name, oid)
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(draft.assignee_id)))
        self.status = QComboBox(self)
        names = {"planned": self.tr("Planned"), "assigned": self.tr("Assigned"),
                 "in_progress": self.tr("In progress"), "done": self.tr("Done"),
                 "cancelled": self.tr("Cancelled")}
        for s in STATUSES:
            self.status.addItem(names[s], s)
        self.status.setCurrentIndex(max(0, self.status.findData(draft.status)))
        self.result_text = QPlainTextEdit(draft.result, self)
        self.result_text.setMaximumHeight(70)
        self.trigger = QComboBox(self)
        self.trigger.addItem(self.tr("(none)"), None)
        self.found = QComboBox(self)
        self.found.addItem(self.tr("(not yet)"), None)
        for e in events:
            label = f"{e.occurred_at.astimezone():%m-%d %H:%M} {e.title}"
            if e.kind == "inference":
                self.trigger.addItem(label, e.id)
            self.found.addItem(label, e.id)
        self.trigger.setCurrentIndex(max(0, self.trigger.findData(draft.trigger_event_id)))
        self.found.setCurrentIndex(max(0, self.found.findData(draft.found_event_id)))
        for label, w in ((self.tr("Kind"), self.kind), (self.tr("Title"), self.title),
                         (self.tr("Area"), self.area), (self.tr("Address"), self.address),
                         (self.tr("Assigned to"), self.assignee), (self.tr("Status"), self.status),
                         (self.tr("Result"), self.result_text),
                         (self.tr("Triggered by inference"), self.trigger),
                         (self.tr("What it found"), self.found)):
            form.addRow(label, w)
        self.error = error_label(self)
        form.addRow(self.error)
        form.addRow(accept_cancel_buttons(self, self._accept, Button.Save))
        self.resize(560, 460)

    def value(self) -> TaskInput | None:
        area = parse_area(self.area.text())
        if area is None:
            return None
        return replace(self.draft, kind=self.kind.currentData(), title=self.title.text(),
                       area=area, address=self.address.text(),
                       assignee_id=self.assignee.currentData(), status=self.status.currentData(),
                       result=self.result_text.toPlainText(),
                       trigger_event_id=self.trigger.currentData(),
                       found_event_id=self.found.currentData())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _accept(self) -> None:
        value = self.value()
        if value is None:
            self.show_error(self.tr("Write the area's corners as lat,lon separated by ';'."))
            return
        self.result_input = value
        self.accept()
