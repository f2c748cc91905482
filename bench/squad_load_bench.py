"""Squad-mode load test: N writer "workstations" against one database, then a full reckoning.

Run: ``python bench/squad_load_bench.py [--threads 20] [--seconds 30] [--processes 1]
[--db-url URL|sqlite]``.
Without ``--db-url`` it starts (or reuses) the loopback PostgreSQL of ``tools/pg_test_server.sh``
and works in a fresh database ``casedesk_squad_bench``; ``--db-url sqlite`` uses a temporary
SQLite file. A given URL must point at an empty, migrated (or new) database.

Each thread is one workstation with its own engine and short sessions, doing what officers do
through the services: create cases, edit cases (read, then save with the version read — so edits
of the same case by two workstations collide), add observations to one evidence clip (imported
through the evidence services in setup) and edit them. ``ConflictError`` is expected and counted;
any other exception is a failure. Afterwards every thread's ledger is reconciled with the database:

- lost rows: ids the threads created that are missing (and row counts);
- lost updates: per row, the value of the highest version any thread saved must be what is stored,
  and the sum of (version - 1) must equal the number of successful edits;
- a checksum over (id, version, value) of what the threads believe vs. what is stored;
- the audit log holds exactly one row per successful change and its hash chain verifies.

A single-thread run of ``--baseline-seconds`` first gives a same-run baseline for the ratio.
By default the threads share one Python process (one GIL), so client CPU bounds the figure;
``--processes 4`` spreads them like real workstations. On SQLite (one workstation's file) 20 writers exceed what the
5 s busy timeout absorbs now and then ("database is locked"): SQLite is not the squad engine.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import multiprocessing
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import av
import numpy as np
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.config import AppPaths, resolve_paths  # noqa: E402
from app.models import AuditEntry, Case, Observation  # noqa: E402
from app.models.db import make_engine, make_session_factory, unit_of_work, upgrade_database  # noqa: E402
from app.models.enums import Role  # noqa: E402
from app.services.casefile import cases
from app.services.casefile.dto import CaseInput
from app.services.common.audit import iter_chain_problems  # noqa: E402
from app.services.common.context import SYSTEM, Actor  # noqa: E402
from app.services.common.errors import ConflictError  # noqa: E402
from app.services.evidence import clips as evidence
from app.services.evidence import observations
from app.services.org import officers  # noqa: E402
from app.services.org.dto import OfficerInput, SquadInput  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SQUAD = "石峰"
OPS = ("case.create", "case.update", "observation.create", "observation.update")
WEIGHTS = (2, 4, 2, 3)


@dataclass
class Ledger:
    """What one workstation believes it did (only commits that succeeded)."""

    counts: Counter = field(default_factory=Counter)       # op -> successful count
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)  # seconds per successful change
    written: dict[tuple[str, int], tuple[int, str]] = field(default_factory=dict)  # last per row
    created: dict[str, list[int]] = field(default_factory=lambda: {"case": [], "obs": []})

    def wrote(self, kind: str, row_id: int, version: int, value: str) -> None:
        old = self.written.get((kind, row_id))
        if old is None or version > old[0]:
            self.written[(kind, row_id)] = (version, value)


@dataclass(frozen=True)
class Fixture:
    url: str
    squad_id: int
    officer_id: int
    evidence_id: int
    frames: int
    hot_cases: tuple[int, ...]


@dataclass(frozen=True)
class Report:
    threads: int
    seconds: float
    ops: int
    by_op: dict[str, int]
    conflicts: int
    errors: tuple[str, ...]
    lost_rows: int
    lost_updates: int
    checksum_threads: str
    checksum_db: str
    audit_mismatch: dict[str, tuple[int, int]]
    chain_problems: tuple[str, ...]
    latency_ms: tuple[float, float]  # median and 95th percentile of a successful change

    @property
    def ops_per_s(self) -> float:
        return self.ops / self.seconds if self.seconds else 0.0

    @property
    def ok(self) -> bool:
        return not (self.errors or self.lost_rows or self.lost_updates or self.audit_mismatch
                    or self.chain_problems or self.checksum_threads != self.checksum_db)


def tiny_clip(target: Path, frames: int = 50) -> Path:
    """A small real H.264 clip (a moving bar) to import as evidence."""
    with av.open(str(target), "w") as out:
        stream = out.add_stream("libx264", rate=25)
        stream.width, stream.height, stream.pix_fmt = 160, 120, "yuv420p"
        for i in range(frames):
            img = np.full((120, 160, 3), 40, np.uint8)
            img[40:80, (i * 3) % 150:(i * 3) % 150 + 10] = (30, 60, 200)
            for packet in stream.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return target


def officer_actor(squad_id: int, n: int) -> Actor:
    return Actor(user_id=None, username=f"ws{n:02d}", role=Role.OFFICER, squad_id=squad_id,
                 display_name=f"工作站{n:02d}")


_numbers = itertools.count(1)


def new_case_input(squad_id: int, officer_id: int, tag: str) -> CaseInput:
    seq = next(_numbers)  # unique across threads (atomic under the GIL)
    year = 2000 + seq // 9999
    return CaseInput(case_no=f"{SQUAD}-{year}-{seq % 9999 + 1:04d}", title=f"天桥街肇事逃逸 {tag}",
                     occurred_at=None, reported_at=None, address="株洲市石峰区天桥街",
                     district="石峰区", road="天桥街", narrative="无牌蓝色三轮摩托车撞人后逃逸。",
                     lead_officer_id=officer_id, squad_id=squad_id)


def setup(url: str, paths: AppPaths, clip: Path, hot_cases: int = 3) -> Fixture:
    """Squad, officer, a few shared cases and one evidence clip, all through the services."""
    engine = make_engine(url)
    factory = make_session_factory(engine)
    try:
        with unit_of_work(factory) as s:
            squad = officers.create_squad(s, SYSTEM, SquadInput(SQUAD, "石峰大队事故中队"))
            officer = officers.create_officer(s, SYSTEM, OfficerInput(
                f"{SQUAD}-001", "刘建国", squad.id, "一级警长"))
        actor = officer_actor(squad.id, 0)
        hot = []
        for i in range(hot_cases):
            with unit_of_work(factory) as s:
                hot.append(cases.create_case(s, actor, new_case_input(
                    squad.id, officer.id, f"共用{i}")).id)
        result = evidence.import_clip(factory, paths, actor, hot[0], clip)
        ev = result.evidence
        return Fixture(url, squad.id, officer.id, ev.id, ev.frame_count or 1, tuple(hot))
    finally:
        engine.dispose()


def _known_ids(ledgers: list[Ledger], kind: str) -> list[int]:
    """Rows the threads of this process created (a list slice is atomic: no lock needed)."""
    return [i for ledger in ledgers for i in ledger.created[kind][:]]


def _step(op: str, factory, actor: Actor, fx: Fixture, ledger: Ledger, ledgers: list[Ledger],
          rng: random.Random, tag: str) -> None:
    if op == "case.create":
        with unit_of_work(factory) as s:
            d = cases.create_case(s, actor, new_case_input(fx.squad_id, fx.officer_id, tag))
        ledger.created["case"].append(d.id)
        ledger.wrote("case", d.id, d.version, d.title)
    elif op == "case.update":
        known = _known_ids(ledgers, "case")  # half the edits go to the shared cases
        case_id = rng.choice(fx.hot_cases if not known or rng.random() < 0.5 else known)
        with unit_of_work(factory) as s:
            loaded = cases.get_case(s, actor, case_id)
        title = f"天桥街肇事逃逸 {tag}"
        with unit_of_work(factory) as s:
            d = cases.update_case(s, actor, case_id, replace(cases.case_input(loaded), title=title),
                                  expected_version=loaded.version)
        ledger.wrote("case", d.id, d.version, d.title)
    elif op == "observation.create":
        frame = rng.randrange(fx.frames)
        data = observations.ObservationInput(evidence_id=fx.evidence_id, frame_index=frame,
                                             pts_s=frame / 25, roi=(10, 10, 40, 30),
                                             note=f"蓝色三轮车 {tag}", tags=("vehicle",))
        with unit_of_work(factory) as s:
            o = observations.add_observation(s, actor, data)
        ledger.created["obs"].append(o.id)
        ledger.wrote("obs", o.id, o.version, o.note)
    else:
        known = _known_ids(ledgers, "obs")
        if not known:
            return _step("observation.create", factory, actor, fx, ledger, ledgers, rng, tag)
        with unit_of_work(factory) as s:
            o = observations.get_observation(s, actor, rng.choice(known))
        data = observations.ObservationInput(
            evidence_id=o.evidence_id, frame_index=o.frame_index, pts_s=o.pts_s, roi=o.roi,
            note=f"车牌不清 {tag}", tags=o.tags)
        with unit_of_work(factory) as s:
            o = observations.update_observation(s, actor, o.id, data, o.version)
        ledger.wrote("obs", o.id, o.version, o.note)
    ledger.counts[op] += 1


def _worker(n: int, fx: Fixture, seconds: float, ledger: Ledger, ledgers: list[Ledger],
            start: threading.Barrier) -> None:
    engine = make_engine(fx.url, **({} if fx.url.startswith("sqlite") else {"pool_size": 2}))
    factory = make_session_factory(engine)
    actor = officer_actor(fx.squad_id, n)
    rng = random.Random(n)
    start.wait()
    deadline = time.monotonic() + seconds
    try:
        for i in itertools.count():
            if time.monotonic() >= deadline and i >= len(OPS):
                break
            # every kind of change at least once per thread, then a weighted random mix
            op = OPS[i] if i < len(OPS) else rng.choices(OPS, WEIGHTS)[0]
            t_op = time.monotonic()
            try:
                _step(op, factory, actor, fx, ledger, ledgers, rng, f"ws{n:02d}-{i}")
                ledger.latencies.append(time.monotonic() - t_op)
            except ConflictError:
                ledger.conflicts += 1
            except Exception as exc:  # noqa: BLE001 - any other error is a failure to report
                ledger.errors.append(f"{op}: {type(exc).__name__}: {str(exc).splitlines()[0]} "
                                     f"(after {time.monotonic() - t_op:.1f} s)")
    finally:
        engine.dispose()


def hammer(fx: Fixture, threads: int, seconds: float, first: int = 1) -> tuple[list[Ledger], float]:
    """Run the writer threads (numbered from ``first``); their ledgers and the time they ran."""
    ledgers = [Ledger() for _ in range(threads)]
    barrier = threading.Barrier(threads + 1)
    workers = [threading.Thread(target=_worker, args=(first + n, fx, seconds, ledgers[n], ledgers,
                                                      barrier), daemon=True)
               for n in range(threads)]
    for w in workers:
        w.start()
    barrier.wait()
    t0 = time.monotonic()
    for w in workers:
        w.join()
    return ledgers, time.monotonic() - t0


def _process(fx: Fixture, first: int, threads: int, seconds: float) -> tuple[list[Ledger], float]:
    global _numbers
    _numbers = itertools.count(first * 1000)  # case numbers of its own (no clash across processes)
    return hammer(fx, threads, seconds, first)


def hammer_processes(fx: Fixture, threads: int, seconds: float,
                     processes: int) -> tuple[list[Ledger], float]:
    """The threads spread over ``processes`` processes, as separate workstations would be."""
    per = [threads // processes + (i < threads % processes) for i in range(processes)]
    firsts = list(itertools.accumulate([1, *per]))[:-1]
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        done = [f.result() for f in [pool.submit(_process, fx, first, n, seconds)
                                     for first, n in zip(firsts, per, strict=True)]]
    return [led for ledgers, _t in done for led in ledgers], max(t for _l, t in done)


def _digest(rows: dict[tuple[str, int], tuple[int, str]]) -> str:
    h = hashlib.sha256()
    for (kind, row_id), (version, value) in sorted(rows.items()):
        h.update(f"{kind}|{row_id}|{version}|{value}\n".encode())
    return h.hexdigest()


def _percentiles(values: list[float]) -> tuple[float, float]:
    if not values:
        return (0.0, 0.0)
    ordered = sorted(values)
    return (1000 * ordered[len(ordered) // 2], 1000 * ordered[int(len(ordered) * 0.95)])


def reconcile(fx: Fixture, ledgers: list[Ledger], seconds: float, base_ops: Counter | None = None,
              base_rows: dict | None = None) -> Report:
    """Compare what the threads believe they wrote with the database (see module doc)."""
    believed: dict[tuple[str, int], tuple[int, str]] = dict(base_rows or {})
    totals: Counter = Counter(base_ops or {})
    for ledger in ledgers:
        totals.update(ledger.counts)
        for key, (version, value) in ledger.written.items():
            if key not in believed or version > believed[key][0]:
                believed[key] = (version, value)
    engine = make_engine(fx.url)
    try:
        with make_session_factory(engine)() as s:
            stored = {("case", i): (v, t) for i, v, t in s.execute(
                select(Case.id, Case.version, Case.title))}
            stored |= {("obs", i): (v, n) for i, v, n in s.execute(
                select(Observation.id, Observation.version, Observation.note))}
            audit = Counter(dict(s.execute(select(AuditEntry.action, func.count())
                                           .group_by(AuditEntry.action)).all()))
            chain = tuple(p.message for p in iter_chain_problems(s))
    finally:
        engine.dispose()
    lost_rows = sum(1 for key in believed if key not in stored)
    lost_updates = sum(1 for key, row in believed.items() if key in stored and stored[key] != row)
    edits = {"case": totals["case.update"], "obs": totals["observation.update"]}
    for kind in ("case", "obs"):  # every successful edit is exactly one version step
        steps = sum(v - 1 for (k, _i), (v, _t) in stored.items() if k == kind)
        lost_updates += abs(steps - edits[kind])
    expected_audit = dict(totals) | {"case.create": totals["case.create"] + len(fx.hot_cases)}
    mismatch = {op: (expected_audit.get(op, 0), audit.get(op, 0)) for op in OPS
                if expected_audit.get(op, 0) != audit.get(op, 0)}
    ours = {k: v for k, v in stored.items() if k in believed}
    extra = len(stored) - len(ours)  # rows nobody believes they made: also a reckoning error
    return Report(threads=len(ledgers), seconds=seconds, ops=sum(totals[o] for o in OPS),
                  by_op={o: totals[o] for o in OPS},
                  conflicts=sum(ledger.conflicts for ledger in ledgers),
                  errors=tuple(e for ledger in ledgers for e in ledger.errors),
                  lost_rows=lost_rows + extra, lost_updates=lost_updates,
                  checksum_threads=_digest(believed), checksum_db=_digest(stored),
                  audit_mismatch=mismatch, chain_problems=chain,
                  latency_ms=_percentiles([t for ledger in ledgers for t in ledger.latencies]))


def run_load(url: str, paths: AppPaths, clip: Path, *, threads: int, seconds: float,
             processes: int = 1) -> Report:
    """Setup + hammer + reconcile on an empty database at ``url`` (the test's entry point)."""
    fx = setup(url, paths, clip)
    base_rows = {("case", i): (1, f"天桥街肇事逃逸 共用{n}") for n, i in enumerate(fx.hot_cases)}
    ledgers, elapsed = (hammer(fx, threads, seconds) if processes <= 1
                        else hammer_processes(fx, threads, seconds, processes))
    return reconcile(fx, ledgers, elapsed, base_rows=base_rows)


def _fresh_pg_database(name: str) -> str:
    server = subprocess.run(["bash", str(ROOT / "tools" / "pg_test_server.sh")], check=True,
                            capture_output=True, text=True).stdout.strip().splitlines()[-1]
    base = make_url(server)
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def _prepare(url: str) -> None:
    engine = make_engine(url)
    try:
        if engine.dialect.name == "postgresql":
            with engine.begin() as conn:
                conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        upgrade_database(engine)
        with make_session_factory(engine)() as s:
            if s.scalar(select(func.count()).select_from(Case)):
                raise SystemExit("该数据库已有案件；负载测试需要一个空数据库（--db-url）。")
    finally:
        engine.dispose()


def _print(label: str, r: Report) -> None:
    print(f"{label}: {r.threads} threads × {r.seconds:.1f} s — {r.ops} ops {r.by_op}, "
          f"{r.ops_per_s:.1f} ops/s (latency p50 {r.latency_ms[0]:.0f} ms, "
          f"p95 {r.latency_ms[1]:.0f} ms), {r.conflicts} conflicts, {len(r.errors)} errors, "
          f"{r.lost_rows} lost rows, {r.lost_updates} lost updates, "
          f"checksum {'match' if r.checksum_threads == r.checksum_db else 'MISMATCH'} "
          f"({r.checksum_db[:12]}), audit {'ok' if not r.audit_mismatch else r.audit_mismatch}, "
          f"chain {'verifies' if not r.chain_problems else r.chain_problems[:3]}")
    for err in Counter(r.errors).most_common(5):
        print(f"   error ×{err[1]}: {err[0]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--threads", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--processes", type=int, default=1,
                    help="spread the threads over this many processes (workstations)")
    ap.add_argument("--baseline-seconds", type=float, default=5.0,
                    help="single-thread run first, for the scaling ratio (0: skip)")
    ap.add_argument("--db-url", default=None, help="database URL, or 'sqlite' for a temp file; "
                    "default: the loopback PostgreSQL of tools/pg_test_server.sh")
    args = ap.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="squad-bench-") as tmp:
        clip = tiny_clip(Path(tmp) / "cam01_20231128055500.mp4")
        given = args.db_url not in (None, "sqlite")  # a given database is used once: no baseline
        runs = [("baseline", 1, args.baseline_seconds)] if args.baseline_seconds > 0 and \
            not given else []
        for label, threads, seconds in [*runs, ("load", args.threads, args.seconds)]:
            data = Path(tmp) / label
            if args.db_url is None:
                url = _fresh_pg_database(f"casedesk_squad_bench_{label}")
            elif args.db_url == "sqlite":
                url = f"sqlite:///{data / 'casedesk.sqlite3'}"
            else:
                url = args.db_url
            paths = resolve_paths(data, url).ensure()
            _prepare(url)
            report = run_load(url, paths, clip, threads=threads, seconds=seconds,
                              processes=min(args.processes, threads))
            _print(f"{label} [{make_url(url).get_backend_name()}]", report)
            results.append(report)
    load = results[-1]
    if len(results) == 2 and results[0].ops_per_s:
        print(f"throughput ratio load/baseline: {load.ops_per_s / results[0].ops_per_s:.2f}× "
              f"({load.ops_per_s:.1f} vs {results[0].ops_per_s:.1f} ops/s)")
    print("RESULT:", "PASS" if all(r.ok for r in results) else "FAIL")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
