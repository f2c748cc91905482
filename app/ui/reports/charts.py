"""Charts of the statistics dashboard (QtCharts) and the hour-of-day heatmap (painted).

QtCharts ships with PySide6-Addons, so no extra dependency; its charts are native Qt widgets
(themes, fonts, high-DPI, printing) and are cheap to rebuild when the filters change.
"""

from __future__ import annotations

import math

import pandas as pd
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf", "#393b79")


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


def sparse_labels(labels: list[str], keep: int = 12) -> list[str]:
    """At most ``keep`` visible labels; the others become distinct invisible strings
    (a category axis needs unique names), so long month ranges stay readable."""
    if len(labels) <= keep:
        return labels
    step = -(-len(labels) // keep)
    return [lab if i % step == 0 else "\u200b" * (i + 1) for i, lab in enumerate(labels)]


def _category_axis(chart: QChart, labels: list[str], series) -> None:
    axis = QBarCategoryAxis()
    axis.append(sparse_labels(labels))
    axis.setTruncateLabels(False)
    font = axis.labelsFont()
    font.setPointSizeF(8)
    axis.setLabelsFont(font)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis)


def _value_axis(chart: QChart, series, top: float, fmt: str = "%d") -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(top, 1))
    axis.setLabelFormat(fmt)
    axis.applyNiceNumbers()
    chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis)
    return axis


def stacked_by_month(title: str, table: pd.DataFrame, total_column: str) -> QChart:
    """Months on x, one stacked bar set per column (the total column is left out)."""
    chart = _chart(title)
    if table.empty:
        return chart
    labels = [str(v) for v in table.iloc[:, 0]]
    series = QStackedBarSeries()
    for i, column in enumerate(c for c in table.columns[1:] if c != total_column):
        bar = QBarSet(str(column))
        bar.setColor(QColor(PALETTE[i % len(PALETTE)]))
        bar.append([float(v) for v in table[column]])
        series.append(bar)
    chart.addSeries(series)
    _category_axis(chart, labels, series)
    _value_axis(chart, series, float(table[total_column].max()))
    return chart


def bars(title: str, labels: list[str], values: list[float], name: str) -> QChart:
    chart = _chart(title)
    series = QBarSeries()
    bar = QBarSet(name)
    bar.setColor(QColor(PALETTE[0]))
    bar.append([float(v) for v in values])
    series.append(bar)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    chart.legend().hide()
    _category_axis(chart, labels, series)
    _value_axis(chart, series, max(values, default=0) * 1.15)
    return chart


def rate_lines(title: str, periods: list[str], lines: dict[str, list[float | None]]) -> QChart:
    """Clearance rates (0..1) per period as percentage lines; gaps where a rate is undefined."""
    chart = _chart(title)
    if not periods:
        return chart
    axis_x = QBarCategoryAxis()
    axis_x.append(sparse_labels(periods))
    axis_x.setTruncateLabels(False)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    axis_y = QValueAxis()
    top = max([v for vals in lines.values() for v in vals if v is not None] + [1.0])
    steps = max(4, math.ceil(top * 100 / 25))
    axis_y.setRange(0, steps * 25)
    axis_y.setTickCount(steps + 1)
    axis_y.setLabelFormat("%d%%")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for i, (name, values) in enumerate(lines.items()):
        series = QLineSeries()
        series.setName(name)
        series.setColor(QColor(PALETTE[i % len(PALETTE)]))
        series.setPointsVisible(True)
        for x, v in enumerate(values):
            if v is not None and v == v:  # skip NaN
                series.append(QPointF(x, v * 100))
        chart.addSeries(series)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
    return chart


def chart_view(chart: QChart) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(360, 240)
    return view


class HeatmapWidget(QWidget):
    """Weekday × hour grid; darker = more hit-and-runs. Numbers drawn in each cell."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._rows: list[str] = []
        self._cols: list[str] = []
        self._values: list[list[int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_table(self, table: pd.DataFrame) -> None:
        self._rows = [str(v) for v in table.iloc[:, 0]]
        self._cols = [str(c) for c in table.columns[1:]]
        self._values = table.iloc[:, 1:].astype(int).values.tolist()
        self.update()

    def values(self) -> list[list[int]]:
        return [list(r) for r in self._values]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(760, 260)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if not self._values:
            painter.end()
            return
        left, top = 48.0, 22.0
        cw = (self.width() - left - 8) / max(len(self._cols), 1)
        ch = (self.height() - top - 8) / max(len(self._rows), 1)
        peak = max(max(r) for r in self._values) or 1
        text = self.palette().text().color()
        for j, col in enumerate(self._cols):
            painter.setPen(text)
            painter.drawText(QRectF(left + j * cw, 2, cw, top - 4),
                             Qt.AlignmentFlag.AlignCenter, col)
        for i, row in enumerate(self._rows):
            painter.setPen(text)
            painter.drawText(QRectF(2, top + i * ch, left - 6, ch),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, row)
            for j, value in enumerate(self._values[i]):
                share = value / peak
                colour = QColor.fromHsvF(0.0, 0.08 + 0.85 * share, 1.0 - 0.45 * share)
                cell = QRectF(left + j * cw + 1, top + i * ch + 1, cw - 2, ch - 2)
                painter.fillRect(cell, colour)
                if value:
                    painter.setPen(QColor("white") if share > 0.55 else QColor("#333333"))
                    painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, str(value))
        painter.end()
