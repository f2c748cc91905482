"""The real GUI case list at 10,000 cases: open the list, search "三轮", sort, filter — end to end.

    python bench/case_list_ui_bench.py [--cases 10000] [--repeat 9]

A real SQLite database (bulk-filled like bench/case_list_bench.py), the real ``CaseListPanel``
shown offscreen (900×700) over a ``CaseStore``. Each step is timed from the user's action to the
table's visible rows painted:

- open the list: a fresh panel's ``reload()`` → worker query (ids + first page) → model reset →
  first row selected → ``loaded`` → viewport painted;
- search "三轮": ``search_now()`` → worker query → model reset → ``searched`` → painted;
- header sort by case no. and the status filter (both synchronous SQL) → painted;
- scrolling a freshly opened list to its end: one page of rows fetched → painted.

Goal: open and search ≤ 50 ms median (issue 2). Baseline (same run): the raw ``sqlite3`` fetch of
every case row (``SELECT * FROM case_file``); for information the old path — every row built as a
``CaseSummary`` (``store.list_cases``) — is timed too.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from case_list_bench import populate  # noqa: E402
from PySide6.QtCore import QEventLoop, Qt, QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.config import resolve_paths  # noqa: E402
from app.models.db import open_database  # noqa: E402
from app.services.casefile.dto import CaseFilter  # noqa: E402
from app.services.common.context import SYSTEM  # noqa: E402
from app.ui.casefile.list_model import Column  # noqa: E402
from app.ui.casefile.list_panel import CaseListPanel  # noqa: E402
from app.ui.casefile.store import CaseStore  # noqa: E402

GOAL_MS = 50.0


def wait_for(signal, action) -> None:
    """Run ``action`` and spin the event loop until ``signal`` fires."""
    fired: list[bool] = []
    loop = QEventLoop()

    def done(*_a) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(done)
    try:
        action()
        if not fired:
            loop.exec()
    finally:
        signal.disconnect(done)


def timed(step, repeat: int, setup=None) -> float:
    runs = []
    for i in range(repeat + 1):  # the first run warms caches and is dropped
        if setup is not None:
            setup()
        t0 = time.perf_counter()
        step()
        if i:
            runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


class Bench:
    def __init__(self, app: QApplication, store: CaseStore):
        self.app, self.store = app, store
        self.panel: CaseListPanel | None = None

    def paint(self) -> None:
        self.panel.table.viewport().repaint()  # the visible rows, as the user sees them

    def fresh_panel(self) -> None:
        if self.panel is not None:
            self.panel.close()
            self.panel.deleteLater()
            self.app.processEvents()
        self.panel = CaseListPanel(self.store)
        self.panel.resize(900, 700)
        self.panel.show()
        self.app.processEvents()

    def close(self) -> None:
        QThreadPool.globalInstance().waitForDone()
        self.panel.close()
        self.panel.deleteLater()
        self.app.processEvents()
        self.panel = None

    def open_list(self) -> None:
        wait_for(self.panel.loaded, self.panel.reload)
        self.paint()

    def loaded_panel(self) -> None:
        self.fresh_panel()
        self.open_list()

    def search(self) -> None:
        self.panel.search.blockSignals(True)  # no debounce timer: search now, as Enter does
        self.panel.search.setText("三轮")
        self.panel.search.blockSignals(False)
        wait_for(self.panel.searched, self.panel.search_now)
        self.paint()

    def clear_search(self) -> None:
        self.panel.search.blockSignals(True)
        self.panel.search.clear()
        self.panel.search.blockSignals(False)
        self.panel.search_now()
        self.paint()

    def sort_by_case_no(self) -> None:
        self.panel.table.sortByColumn(Column.CASE_NO, Qt.SortOrder.AscendingOrder)
        self.paint()

    def sort_back(self) -> None:
        self.panel.table.sortByColumn(Column.OCCURRED, Qt.SortOrder.DescendingOrder)
        self.paint()

    def status_closed(self) -> None:
        combo = self.panel.status_filter
        combo.setCurrentIndex(next(i for i in range(combo.count())
                                   if combo.itemData(i) == ("closed",)))
        self.paint()

    def scroll_to_end(self) -> None:
        self.panel.table.scrollToBottom()
        self.paint()

    def status_all(self) -> None:
        self.panel.status_filter.setCurrentIndex(0)
        self.paint()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=9)
    args = ap.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        paths = resolve_paths(Path(tmp) / "data").ensure()
        engine, factory = open_database(paths.db_url)
        t0 = time.perf_counter()
        populate(factory, args.cases)
        print(f"populated {args.cases} cases in {time.perf_counter() - t0:.1f} s")
        con = sqlite3.connect(str(paths.db_path))
        baseline = timed(lambda: con.execute("SELECT * FROM case_file").fetchall(), args.repeat)
        con.close()
        store = CaseStore(factory, SYSTEM)
        old = timed(lambda: store.list_cases(CaseFilter()), args.repeat)
        print(f"baseline: raw sqlite3 SELECT * of {args.cases} cases: {baseline:.1f} ms; "
              f"(info) old path, every row as a CaseSummary: {old:.1f} ms")
        bench = Bench(app, store)
        steps = (  # label, step, untimed setup, has the goal
            ("open the list (reset + page)", bench.open_list, bench.fresh_panel, True),
            ("search '三轮' (reset + page)", bench.search, bench.clear_search, True),
            ("header sort by case no.", bench.sort_by_case_no, bench.sort_back, False),
            ("status filter: closed", bench.status_closed, bench.status_all, False),
            ("scroll to the end (page fetch)", bench.scroll_to_end, bench.loaded_panel, False),
        )
        ok = True
        for label, step, setup, goal in steps:
            bench.loaded_panel()
            ms = timed(step, args.repeat, setup)
            shown = f"{bench.panel.model.rowCount():6d} rows, {bench.panel.model.fetches} fetches"
            verdict = ("OK" if ms <= GOAL_MS else "SLOW") if goal else "(info)"
            ok &= ms <= GOAL_MS or not goal
            print(f"{label:30s} {shown}  median {ms:6.1f} ms  goal <= {GOAL_MS:.0f} ms "
                  f"{verdict:6s} x{ms / baseline:.2f} baseline")
        bench.close()
        engine.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
