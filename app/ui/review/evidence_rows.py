"""The review bench's evidence list: one row per clip (corrected start on the case's clock,
camera, length, hash prefix), and which row is selected."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from app.services.evidence.items import EvidenceDTO
from app.ui.review.shown_zone import ShownZone


def fill(table: QTableWidget, items: Sequence[EvidenceDTO], shown: ShownZone,
         missing_start: Callable[[], QTableWidgetItem]) -> None:
    """Rewrite ``table`` from ``items``; a clip without a start time says so in its first cell
    (``missing_start`` makes that cell: never lose time silently)."""
    table.setRowCount(len(items))
    for r, e in enumerate(items):
        length = f"{(e.duration_s or 0):.0f} s"
        for c, text in enumerate((shown.fmt(e.wall_start)[11:19], e.camera_label, length,
                                  e.sha256[:8])):
            item = QTableWidgetItem(text)
            item.setToolTip(f"{e.camera_label}\n{shown.fmt(e.wall_start)}\n{e.original_name}\n"
                            f"SHA-256 {e.sha256}")
            table.setItem(r, c, item)
        if e.start_time is None:
            table.setItem(r, 0, missing_start())


def select(table: QTableWidget, items: Sequence[EvidenceDTO], evidence_id: int) -> None:
    """Select the row of ``evidence_id`` unless it is already the only selected one."""
    row = next((r for r, e in enumerate(items) if e.id == evidence_id), None)
    if row is not None and selected_rows(table) != [row]:
        table.selectRow(row)


def selected_rows(table: QTableWidget) -> list[int]:
    return sorted({i.row() for i in table.selectedItems()})
