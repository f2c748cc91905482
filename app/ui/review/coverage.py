"""Paint which stretches of a clip a scan decoded (confirmed by decoding) and which it only
judged from the bitstream (triaged), as a thin band under the activity strip."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter

COVERAGE_H = 4
DECODED = QColor(70, 200, 140)
TRIAGED = QColor(150, 150, 160)


def paint_coverage(p: QPainter, stretches: list[tuple[int, int, str]], x: Callable[[float], float],
                   y: float, width: int) -> None:
    """``stretches``: ``(first, last, "decoded" | "triaged")``; ``x(frame)`` → pixel."""
    for first, last, state in stretches:
        x0, x1 = x(first), x(last + 1)
        if x1 < 0 or x0 > width:
            continue
        rect = QRectF(x0, y, max(1.0, x1 - x0), COVERAGE_H)
        if state == "decoded":
            p.fillRect(rect, DECODED)
        else:
            p.fillRect(rect, QBrush(TRIAGED, Qt.BrushStyle.Dense5Pattern))
