"""Statistics dashboard: filters, headline figures, charts, per-officer and place tables,
hour-of-day heatmap; xlsx / CSV export. Figures are computed in a worker thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.reports.stats import (
    StatsFilter,
    StatsResult,
    figure_notes,
    squad_statistics,
    summary_labels,
)
from app.reports.stats_export import write_csv, write_xlsx
from app.services.org import officers as officer_service
from app.ui.error_dialogs import report_error
from app.ui.reports import charts
from app.ui.reports.frame_model import DataFrameModel
from app.ui.widgets.date_limit import date_limit, date_limit_edit
from app.ui.workers import TaskContext, TaskHandle, run_task


def _compute(ctx: TaskContext, sessions, actor, flt: StatsFilter) -> StatsResult:
    ctx.report(0, 1, "")
    with sessions() as session:
        result = squad_statistics(session, actor, flt)
    ctx.report(1, 1, "")
    return result


class StatsView(QWidget):
    """The "stats" view of the main window."""

    refreshed = Signal()

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("StatsView")
        self.context = window.context
        self.result: StatsResult | None = None
        self._request = 0
        self._handle: TaskHandle | None = None
        self._build()
        self._load_choices()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        bar = QHBoxLayout()
        self.date_from = date_limit_edit(self, self.tr("no limit"))
        self.date_to = date_limit_edit(self, self.tr("no limit"))
        self.squad = QComboBox(self)
        self.officer = QComboBox(self)
        self.officer.setMinimumContentsLength(8)
        self.period = QComboBox(self)
        for code, text in (("M", self.tr("Month")), ("Q", self.tr("Quarter")),
                           ("Y", self.tr("Year"))):
            self.period.addItem(text, code)
        self.period.setCurrentIndex(1)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.xlsx_button = QPushButton(self.tr("Export Excel…"), self)
        self.csv_button = QPushButton(self.tr("Export CSV…"), self)
        for label, widget in ((self.tr("From"), self.date_from), (self.tr("To"), self.date_to),
                              (self.tr("Squad"), self.squad), (self.tr("Officer"), self.officer),
                              (self.tr("Clearance per"), self.period)):
            bar.addWidget(QLabel(label, self))
            bar.addWidget(widget)
        bar.addStretch(1)
        for b in (self.refresh_button, self.xlsx_button, self.csv_button):
            bar.addWidget(b)
        self.status = QLabel("", self)

        cards = QGridLayout()
        self.cards: dict[str, QLabel] = {}
        for i, (key, text) in enumerate(summary_labels().items()):
            value = QLabel("—", self)
            value.setObjectName(f"card_{key}")
            value.setStyleSheet("font-size: 20px; font-weight: 600;")
            caption = QLabel(text, self)
            caption.setStyleSheet("color: palette(mid);")
            note = figure_notes().get(key, "")
            for w in (value, caption):
                w.setToolTip(note)
            if note:
                caption.setText(text + " ⓘ")
            cards.addWidget(value, 0, i, Qt.AlignmentFlag.AlignHCenter)
            cards.addWidget(caption, 1, i, Qt.AlignmentFlag.AlignHCenter)
            self.cards[key] = value

        self.tabs = QTabWidget(self)
        self.overview = QWidget(self)
        self.overview_grid = QGridLayout(self.overview)
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.models: dict[str, DataFrameModel] = {}
        self.tabs.addTab(self._table("officers"), self.tr("Officers"))
        places = QSplitter(Qt.Orientation.Horizontal, self)
        places.addWidget(self._table("districts"))
        places.addWidget(self._table("roads"))
        places.setSizes([300, 600])
        self.tabs.addTab(places, self.tr("Places"))
        self.heatmap = charts.HeatmapWidget(self)
        self.tabs.addTab(self.heatmap, self.tr("Hour of day"))
        self.tabs.addTab(self._table("clearance"), self.tr("Clearance table"))

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(cards)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self.refresh_button.clicked.connect(self.refresh)
        self.xlsx_button.clicked.connect(self._export_xlsx)
        self.csv_button.clicked.connect(self._export_csv)
        self.squad.currentIndexChanged.connect(self._on_squad_changed)
        self._set_export_enabled(False)
        # Any filter change recomputes after a short pause (typing a date fires many changes).
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(400)
        self._debounce.timeout.connect(self.refresh)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._schedule)
        for combo in (self.squad, self.officer, self.period):
            combo.currentIndexChanged.connect(self._schedule)

    def _schedule(self) -> None:
        if self.result is not None or self._handle is not None:
            self._debounce.start()

    def _table(self, key: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(f"table_{key}")
        model = DataFrameModel(parent=view)
        view.setModel(model)
        view.setSortingEnabled(True)
        view.setAlternatingRowColors(True)
        view.horizontalHeader().setStretchLastSection(True)
        view.verticalHeader().hide()
        self.models[key] = model
        return view

    def _load_choices(self) -> None:
        actor = self.context.actor
        with self.context.sessions() as s:
            squads = officer_service.list_squads(s, actor)
        self.squad.addItem(self.tr("All squads"), None)
        for sq in squads:
            self.squad.addItem(sq.name, sq.id)
        if actor.squad_id is not None:
            self.squad.setCurrentIndex(max(self.squad.findData(actor.squad_id), 0))
        self._on_squad_changed()

    def _on_squad_changed(self) -> None:
        with self.context.sessions() as s:
            people = officer_service.list_officers(s, self.context.actor,
                                                   squad_id=self.squad.currentData(),
                                                   active_only=False)
        self.officer.clear()
        self.officer.addItem(self.tr("All officers"), None)
        for o in people:
            self.officer.addItem(f"{o.name}（{o.badge_no}）", o.id)

    # -- computing -------------------------------------------------------------------------
    def view_activated(self) -> None:
        if self.result is None and self._handle is None:
            self.refresh()

    def current_filter(self) -> StatsFilter:
        return StatsFilter(date_from=date_limit(self.date_from), date_to=date_limit(self.date_to),
                           squad_id=self.squad.currentData(),
                           officer_id=self.officer.currentData(),
                           freq=self.period.currentData(),
                           tz=self.context.tz)  # local days and periods of the squad

    def refresh(self) -> None:
        """Recompute in the background; a newer request supersedes an older one."""
        self._debounce.stop()
        self._request += 1
        request = self._request
        self.status.setText(self.tr("Computing…"))
        self.refresh_button.setEnabled(False)
        handle = run_task(_compute, self.context.sessions, self.context.actor,
                          self.current_filter(), parent=self)
        handle.succeeded.connect(lambda r, n=request: self._on_result(n, r))
        handle.failed.connect(lambda exc, _tb, n=request: self._on_failed(n, exc))
        handle.finished.connect(lambda: self.refresh_button.setEnabled(True))
        self._handle = handle

    def _on_failed(self, request: int, exc: BaseException) -> None:
        if request == self._request:
            self.status.setText(str(exc))
            report_error(exc, self)

    def _on_result(self, request: int, result: StatsResult) -> None:
        if request != self._request:
            return
        self.result = result
        self._show(result)
        self.status.setText(self.tr("{n} cases, {m} call-outs in the selection.")
                            .replace("{n}", str(result.summary["cases"]))
                            .replace("{m}", str(result.summary["callouts"])))
        self._set_export_enabled(True)
        self.refreshed.emit()

    def _show(self, result: StatsResult) -> None:
        for key, label in self.cards.items():
            value = result.summary[key]
            if value is None:
                label.setText("—")
            elif key.endswith("_rate"):
                label.setText(f"{value * 100:.1f}%")
            else:
                label.setText(f"{value:,}" if isinstance(value, int) else f"{value:,.1f}")
        for key, model in self.models.items():
            model.set_frame(result.tables[key])
        self.heatmap.set_table(result.tables["hour_heatmap"])
        self._show_charts(result)

    def _show_charts(self, result: StatsResult) -> None:
        while self.overview_grid.count():
            item = self.overview_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        t = result.tables
        status, kinds = t["cases_by_status"], t["cases_by_vehicle"]
        total = status.columns[-1]
        clearance = t["clearance"]
        periods = [str(p) for p in clearance.iloc[:, 0]]
        ttl = t["time_to_solve"]
        views = [
            charts.stacked_by_month(self.tr("Cases per month by status"), status, total),
            charts.rate_lines(self.tr("Clearance rate"), periods, {
                self.tr("Cohort (reported in period, solved by now)"): list(clearance.iloc[:, 3]),
                self.tr("Period (solved in period ÷ reported in period)"):
                    list(clearance.iloc[:, 5])}),
            charts.stacked_by_month(self.tr("Cases per month by vehicle kind"), kinds,
                                    kinds.columns[-1]),
            charts.bars(self.tr("Time to solve"), [str(v) for v in ttl.iloc[:, 0]],
                        list(ttl.iloc[:, 1]), self.tr("Cases")),
        ]
        for i, chart in enumerate(views):
            self.overview_grid.addWidget(charts.chart_view(chart), i // 2, i % 2)

    # -- exporting -------------------------------------------------------------------------
    def _set_export_enabled(self, on: bool) -> None:
        self.xlsx_button.setEnabled(on)
        self.csv_button.setEnabled(on)

    def _export_dir(self) -> Path:
        folder = self.context.paths.exports_dir
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def export_xlsx(self, path: Path):
        return run_task(lambda _ctx, r, p: write_xlsx(r, p), self.result, Path(path), parent=self)

    def export_csv(self, folder: Path):
        return run_task(lambda _ctx, r, p: write_csv(r, p), self.result, Path(folder),
                        parent=self)

    def _after_export(self, handle, where: str) -> None:
        handle.succeeded.connect(lambda _r: self.status.setText(
            self.tr("Exported to {path}").replace("{path}", where)))
        handle.failed.connect(lambda exc, _tb: report_error(exc, self))

    def _export_xlsx(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export statistics"), str(self._export_dir() / "statistics.xlsx"),
            self.tr("Excel workbook (*.xlsx)"))
        if path and self.result is not None:
            self._after_export(self.export_xlsx(Path(path)), path)

    def _export_csv(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export CSV into folder"),
                                                  str(self._export_dir()))
        if folder and self.result is not None:
            self._after_export(self.export_csv(Path(folder)), folder)
