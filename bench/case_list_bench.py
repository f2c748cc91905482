"""Case list benchmark: 10,000 cases; median time to open the list and to search "三轮".

Run: ``python bench/case_list_bench.py [--cases 10000] [--repeat 15]``.

"Open the list" as a lazy list model does it (Anki-style, see DESIGN.md): ``search.case_ids``
(every matching id, sorted) + ``search.summaries`` for the first screenful; rows further down load
as they scroll into view. The search is the same with ``CaseFilter(text="三轮")``. Goal: each
<= 50 ms median. For information the script also times materialising every row as a
``CaseSummary`` (``search.list_cases``). Baseline: the raw ``sqlite3`` fetch of every case row
(``SELECT * FROM case_file``) in the same run, so ratios compare across machines.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.config import resolve_paths  # noqa: E402
from app.demo.generated import COLOURS, KINDS, ROADS  # noqa: E402
from app.demo.helpers import cst  # noqa: E402
from app.models import Case, Inquiry, Officer, Person, Squad, Vehicle  # noqa: E402
from app.models.db import open_database, unit_of_work  # noqa: E402
from app.models.enums import Role  # noqa: E402
from app.services.casefile.dto import CaseFilter  # noqa: E402
from app.services.casefile.search import case_ids, list_cases, summaries  # noqa: E402
from app.services.casefile.search_text import KIND_WORDS  # noqa: E402
from app.services.common.context import SYSTEM, Actor  # noqa: E402

TRAINER = Actor(None, "trainer", Role.TRAINER)

GOAL_MS = 50.0
PAGE = 100  # rows a list view shows before scrolling
STATUSES = ("reported", "investigating", "suspect_identified", "solved", "closed", "suspended")


def populate(factory, n: int, seed: int = 7) -> None:
    """``n`` plausible cases with 1–2 persons, 1–2 vehicles and 0–4 inquiries each (bulk)."""
    rng = random.Random(seed)
    with unit_of_work(factory) as s:
        s.execute(insert(Squad), [{"id": 1, "code": "石峰", "name": "石峰大队事故中队"}])
        s.execute(insert(Officer), [{"id": i, "badge_no": f"B{i:03d}", "name": f"民警{i}",
                                     "squad_id": 1} for i in range(1, 21)])
        cases, persons, vehicles, inquiries = [], [], [], []
        for cid in range(1, n + 1):
            road, spot, _lat, _lon = rng.choice(ROADS)
            kind, _w, word = rng.choice(KINDS)
            colour = rng.choice(COLOURS)
            year = rng.randint(2015, 2024)
            title = f"{road}{colour}{word}肇事逃逸案"
            narrative = f"一辆{colour}{word}在{road}{spot}撞伤行人后驶离现场。" * rng.randint(1, 4)
            victim = f"{rng.choice('张王李赵黄')}某{cid}"
            text = "\n".join(x.lower() for x in (
                f"石峰-{year}-{cid:05d}", title, narrative, f"株洲市石峰区{road}{spot}", victim,
                colour, KIND_WORDS[kind]))
            cases.append({"id": cid, "case_no": f"石峰-{year}-{cid:05d}", "title": title,
                          "occurred_at": cst(year, 1, 1) + (cst(2000, 1, 2) - cst(2000, 1, 1)) *
                          rng.randint(0, 360), "tz": "Asia/Shanghai",
                          "reported_at": cst(year, 12, 31), "address": f"株洲市石峰区{road}{spot}",
                          "district": "石峰区", "road": road, "narrative": narrative,
                          "status": rng.choice(STATUSES), "lead_officer_id": rng.randint(1, 20),
                          "squad_id": 1, "search_text": text, "is_training": False})
            persons.append({"case_id": cid, "role": "victim", "name": victim})
            vehicles.append({"case_id": cid, "role": "suspect_1", "kind": kind, "colour": colour})
            if rng.random() < 0.3:
                vehicles.append({"case_id": cid, "role": "suspect_2", "kind": "two_wheel_ebike"})
            for t in range(rng.randint(0, 4)):
                inquiries.append({"case_id": cid, "team": f"第{t + 1}组", "objective": "查视频",
                                  "status": rng.choice(("open", "active", "done", "dropped"))})
        for model, rows in ((Case, cases), (Person, persons), (Vehicle, vehicles),
                            (Inquiry, inquiries)):
            s.execute(insert(model), rows)


def median_ms(fn, repeat: int) -> float:
    fn()  # warm-up (caches, statement compilation)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = resolve_paths(Path(tmp) / "data").ensure()
        engine, factory = open_database(paths.db_url)
        t0 = time.perf_counter()
        populate(factory, args.cases)
        print(f"populated {args.cases} cases in {time.perf_counter() - t0:.1f} s")

        def lazy(filt: CaseFilter, actor: Actor = SYSTEM) -> int:
            """What a lazy list model does on open: all matching ids + the first screenful."""
            with unit_of_work(factory) as s:
                ids = case_ids(s, actor, filt)
                summaries(s, actor, ids[:PAGE])
                return len(ids)

        def trainer(filt: CaseFilter) -> int:
            """A trainer's list: closed cases only, the text matched in anonymized text."""
            return lazy(filt, TRAINER)

        def full(filt: CaseFilter) -> int:
            with unit_of_work(factory) as s:
                return len(list_cases(s, SYSTEM, filt).items)

        con = sqlite3.connect(str(paths.db_path))
        baseline = median_ms(lambda: con.execute("SELECT * FROM case_file").fetchall(),
                             args.repeat)
        con.close()
        print(f"baseline: raw sqlite3 SELECT * of {args.cases} cases: {baseline:.1f} ms")
        open_list = CaseFilter(sort="occurred_at", descending=True)
        search = CaseFilter(text="三轮", sort="occurred_at", descending=True)
        ok = True
        for label, fn, filt, goal in (
                (f"open list (ids + {PAGE} rows)", lazy, open_list, True),
                (f"search '三轮' (ids + {PAGE} rows)", lazy, search, True),
                ("open list, every row as DTO", full, open_list, False),
                ("search '三轮', every row as DTO", full, search, False),
                (f"trainer: search '三轮' (ids + {PAGE} rows)", trainer, search, False)):
            t0 = time.perf_counter()
            n = fn(filt)
            first = (time.perf_counter() - t0) * 1000    # the trainer's: no scrubber kept yet
            ms = median_ms(lambda f=filt, g=fn: g(f), args.repeat)
            verdict = ("OK" if ms <= GOAL_MS else "SLOW") if goal else "(info)"
            ok &= ms <= GOAL_MS or not goal
            print(f"{label:34s} {n:6d} rows  median {ms:7.1f} ms  goal <= {GOAL_MS:.0f} ms "
                  f"{verdict:6s}  x{ms / baseline:.2f} baseline  (first call {first:.0f} ms)")
        engine.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
