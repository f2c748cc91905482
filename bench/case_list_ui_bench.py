"""GUI side of the case list with 10,000 cases: model load + sort, filters, search hits, re-sort.

    python bench/case_list_ui_bench.py [--rows 10000] [--repeat 5]

Prints median milliseconds per step and the ratio to a same-run baseline (sorting the same
summaries in plain Python), so machines of different speed compare. Goal: every step ≤ 50 ms
median (the list must feel instant after the services' query, see bench/case_list_bench.py).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from app.services.dto import CaseSummary  # noqa: E402
from app.ui.case_list_model import CaseFilterProxy, CaseTableModel, Column  # noqa: E402

STATUSES = ("reported", "investigating", "suspect_identified", "solved", "closed", "suspended")


def summaries(n: int) -> list[CaseSummary]:
    rnd = random.Random(7)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    return [CaseSummary(
        i, f"石峰-{2020 + i % 5}-{i:04d}", f"天桥街{rnd.choice('红蓝白黑')}色三轮摩托车肇事逃逸案{i}",
        rnd.choice(STATUSES), start + timedelta(minutes=rnd.randint(0, 2_500_000)), None,
        "Asia/Shanghai", "石峰区", rnd.choice(("天桥街", "报亭路", "田心大道")), "", i % 12,
        f"民警{i % 12}", 1, "石峰大队事故中队", ("three_wheel_motorcycle",), 2, 1, 4, 1, None,
        None, False, None, 1) for i in range(n)]


def timed(fn, repeat: int, setup=None) -> float:
    runs = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    rows = summaries(args.rows)
    model, proxy = CaseTableModel(), CaseFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(Column.OCCURRED, Qt.SortOrder.DescendingOrder)
    view.resize(900, 700)
    view.show()

    def run(step) -> None:
        step()
        app.processEvents()

    baseline = timed(lambda: sorted(rows, key=lambda c: (c.occurred_at, c.id)), args.repeat)
    hits = set(range(0, args.rows, 7))
    def clear() -> None:
        run(lambda: (proxy.set_statuses([]), proxy.set_matching_ids(None),
                     view.sortByColumn(Column.OCCURRED, Qt.SortOrder.DescendingOrder)))

    steps = {  # name: (timed step, untimed setup)
        "load + sort (set_cases)": (lambda: run(lambda: model.set_cases(rows)), None),
        "status filter on": (lambda: run(lambda: proxy.set_statuses(["closed"])), clear),
        "search hits (ids) on": (lambda: run(lambda: proxy.set_matching_ids(hits)), clear),
        "re-sort by case no.": (lambda: run(lambda: view.sortByColumn(
            Column.CASE_NO, Qt.SortOrder.AscendingOrder)), clear),
    }
    print(f"{args.rows} cases; baseline (Python sort of the summaries): {baseline:.1f} ms")
    worst = 0.0
    for name, (step, setup) in steps.items():
        ms = timed(step, args.repeat, setup)
        worst = max(worst, ms)
        print(f"{name:28s} {ms:7.1f} ms median  ×{ms / max(baseline, 1e-6):5.1f} baseline  "
              f"goal ≤ 50 ms: {'ok' if ms <= 50 else 'SLOW'}")
    print(f"worst step: {worst:.1f} ms (a loaded machine inflates all figures; compare ratios)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
