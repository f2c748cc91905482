"""The "history" tab: status transitions (who/when/why) and every attribute change of the file."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from app.services.casefile.dto import CaseDetail
from app.services.common.clock import DEFAULT_TZ
from app.ui.casefile.records_tab import HistoryTexts, RowsModel, make_table
from app.ui.widgets.enum_labels import (
    entity_label,
    local_time,
    status_label,
    vehicle_kind_label,
)


def _record_name(detail: CaseDetail | None, entity: str, entity_id: int) -> str:
    if detail is None:
        return ""
    if entity == "case":
        return detail.case_no
    pools: dict[str, tuple[Any, ...]] = {"person": detail.persons, "vehicle": detail.vehicles, "inquiry": detail.inquiries,
             "meeting": detail.meetings, "event": detail.events}
    for rec in pools.get(entity, ()):
        if rec.id == entity_id and entity == "vehicle":
            return f"{rec.colour}{vehicle_kind_label(rec.kind)}"
        if rec.id == entity_id:
            for attr in ("label", "team", "title", "colour"):
                value = getattr(rec, attr, "")
                if value:
                    return str(value)
    return f"#{entity_id}"


class CaseHistoryTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(split)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        status_title = self.tr("Status changes")
        top_layout.addWidget(QLabel(f"<b>{status_title}</b>", top))

        def tz(ctx) -> str:
            return ctx.tz if ctx is not None else DEFAULT_TZ

        self.status_model = RowsModel([
            (self.tr("When"), lambda s, ctx: local_time(s.changed_at, tz(ctx))),
            (self.tr("From"), lambda s, ctx: status_label(s.from_status) if s.from_status else "—"),
            (self.tr("To"), lambda s, ctx: status_label(s.to_status)),
            (self.tr("By"), lambda s, ctx: s.changed_by_name),
            (self.tr("Reason"), lambda s, ctx: s.reason),
        ], self)
        self.status_table = make_table(top, "status_history")
        self.status_table.setModel(self.status_model)
        top_layout.addWidget(self.status_table)
        bottom = QWidget(split)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        changes_title = self.tr("Changes to the case file")
        bottom_layout.addWidget(QLabel(f"<b>{changes_title}</b>", bottom))
        columns = HistoryTexts().columns()
        columns[1:1] = [
            (self.tr("Record"), lambda c, ctx: f"{entity_label(c.entity_type)} "
                                          f"{_record_name(ctx, c.entity_type, c.entity_id)}"),
        ]
        self.changes_model = RowsModel(columns, self)
        self.changes_table = make_table(bottom, "change_history")
        self.changes_table.setModel(self.changes_model)
        bottom_layout.addWidget(self.changes_table)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(1, 3)
        layout.addWidget(split)

    def load(self, detail: CaseDetail | None) -> None:
        self.status_model.set_rows(detail.status_history if detail else (), detail)
        self.changes_model.set_rows(detail.changes if detail else (), detail)
        for table in (self.status_table, self.changes_table):
            table.resizeColumnsToContents()
            for col in range(table.model().columnCount()):
                table.setColumnWidth(col, min(table.columnWidth(col), 300))
