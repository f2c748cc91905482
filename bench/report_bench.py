"""Benchmark the reports: Case A PDF with 20 key frames, statistics over a large squad.

Run: ``python bench/report_bench.py`` (about half a minute; builds its data in a temp dir).
Goals: PDF ≤ 3 s; statistics over 50,000 call-outs and 5,000 cases ≤ 1 s. Each figure is also
printed as a ratio against a baseline measured in the same run on the same machine.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from app.config import resolve_paths  # noqa: E402
from app.models import CallOut, Case, Officer, Squad, callout_officer  # noqa: E402
from app.models.db import open_database, unit_of_work  # noqa: E402
from app.reports.case_data import collect_case_report  # noqa: E402
from app.reports.frames import FrameRenderer  # noqa: E402
from app.reports.pdf_export import PdfOptions, export_case_pdf  # noqa: E402
from app.reports.stats import StatsFilter, compute_stats, squad_statistics  # noqa: E402
from app.reports.stats_data import load_frames  # noqa: E402
from app.services.common.context import SYSTEM  # noqa: E402
from tests.helpers.case_a import build_case_a  # noqa: E402
from tests.reports.conftest import make_clip  # noqa: E402


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def bench_pdf(tmp: Path) -> None:
    paths = resolve_paths(tmp / "pdf").ensure()
    _engine, factory = open_database(paths.db_url)
    clip = make_clip(tmp / "clip.mp4", frames=250, size=(1280, 720))  # 10 s of 720p
    ids = build_case_a(factory, paths.evidence_dir, clip, n_observations=20)

    def export() -> None:
        export_case_pdf(factory, SYSTEM, ids["case_no"], tmp / "a.pdf", paths.evidence_dir,
                        PdfOptions(), index_dir=paths.cache_dir)

    def baseline() -> None:  # just reading the 20 frames (verify + decode), no PDF
        with factory() as s:
            data = collect_case_report(s, SYSTEM, ids["case_id"])
        with FrameRenderer(paths.evidence_dir, paths.cache_dir) as r:
            for kf in data.key_frames:
                r.render(kf)

    export()  # warm: frame index built once, fonts registered
    base = best_of(3, baseline)
    took = best_of(3, export)
    print(f"PDF, Case A with 20 key frames (720p): {took:.3f} s   goal ≤ 3 s   "
          f"{'OK' if took <= 3 else 'SLOW'}   ({took / base:.1f}× reading the frames alone, "
          f"{base:.3f} s)")


def seed_large(factory, n_cases: int = 5000, n_callouts: int = 50000) -> int:
    rng = random.Random(7)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    with unit_of_work(factory) as s:
        squad = Squad(code="石峰", name="石峰大队事故中队")
        s.add(squad)
        s.flush()
        officers = [Officer(badge_no=f"B{i:03d}", name=f"民警{i}", squad_id=squad.id)
                    for i in range(40)]
        s.add_all(officers)
        s.flush()
        oids = [o.id for o in officers]
        roads = [f"道路{i}" for i in range(60)]
        cases = []
        for i in range(n_cases):
            t0 = start + timedelta(minutes=rng.randrange(5 * 365 * 24 * 60))
            solved = rng.random() < 0.9
            cases.append(dict(
                case_no=f"B-{i:05d}", title="bench", occurred_at=t0,
                reported_at=t0 + timedelta(minutes=10), status="solved" if solved else "investigating",
                solved_at=t0 + timedelta(hours=rng.expovariate(1 / 200)) if solved else None,
                district=f"区{i % 5}", road=rng.choice(roads), lead_officer_id=rng.choice(oids),
                squad_id=squad.id, tz="Asia/Shanghai", search_text="", is_training=False,
                address="", direction_of_travel="", light="", weather="", casualty_summary="",
                narrative="", version=1, created_at=t0, updated_at=t0))
        s.execute(insert(Case), cases)
        kinds = ["property_damage", "injury", "fatal", "hit_and_run"]
        rows = [dict(occurred_at=start + timedelta(minutes=rng.randrange(5 * 365 * 24 * 60)),
                     kind=rng.choices(kinds, weights=[60, 25, 3, 12])[0], district=f"区{i % 5}",
                     road=rng.choice(roads), squad_id=squad.id, address="", notes="", version=1,
                     created_at=start, updated_at=start) for i in range(n_callouts)]
        s.execute(insert(CallOut), rows)
        links = [dict(callout_id=i + 1, officer_id=o) for i in range(n_callouts)
                 for o in rng.sample(oids, rng.choice((1, 2, 2, 3)))]
        s.execute(insert(callout_officer), links)
        return squad.id


def bench_stats(tmp: Path) -> None:
    paths = resolve_paths(tmp / "stats").ensure()
    _engine, factory = open_database(paths.db_url)
    squad_id = seed_large(factory)
    flt = StatsFilter(squad_id=squad_id, freq="Q")

    def full() -> None:
        with factory() as s:
            squad_statistics(s, SYSTEM, flt)

    def load_only() -> None:
        with factory() as s:
            load_frames(s, flt)

    with factory() as s:
        frames = load_frames(s, flt)
    full()
    base = best_of(3, load_only)
    took = best_of(3, full)
    compute = best_of(3, lambda: compute_stats(frames, flt))
    print(f"Statistics, 5,000 cases + 50,000 call-outs: {took:.3f} s   goal ≤ 1 s   "
          f"{'OK' if took <= 1 else 'SLOW'}   (loading rows {base:.3f} s = baseline; "
          f"pandas tables {compute:.3f} s = {compute / base:.2f}× baseline)")


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        bench_pdf(Path(d))
        bench_stats(Path(d))


if __name__ == "__main__":
    main()
