"""First start: ``casedesk --demo`` from an empty data dir to a usable window (goal ≤ 20 s).

Run: ``python bench/first_start_bench.py [--keep DIR]``.

"Usable window" = the main window shown on Case A with its case list loaded: the moment
``casedesk --demo --screenshot`` takes its picture (it logs ``startup: window ready``; the
sign-in dialog a normal start shows is skipped). The slow demo steps (~50 generated cases, the
call-out log, rendering and importing five CCTV clips) then run behind the window; the script
also reports when they are done (``startup: demo footage ready``).

Baseline in the same run, the old way: every demo step before the window — ``casedesk-cli demo``
on an empty data dir plus a ``casedesk --screenshot`` start on the seeded dir. Each figure is
wall time from launching the process, so interpreter and Qt start-up count.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READY = re.compile(r"^(\S+ \S+) INFO \S+: startup: (window ready|demo footage ready)")


def _launch(module: str, args: list[str], data: Path) -> tuple[float, float]:
    """(seconds to exit, launch time as a unix timestamp)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    start = time.time()
    subprocess.run([sys.executable, "-m", module, "--data-dir", str(data), *args], check=True, env=env,
                   cwd=data.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.time() - start, start


def _log_times(data: Path, launched: float) -> dict[str, float]:
    found: dict[str, float] = {}
    for line in (data / "logs" / "casedesk.log").read_text(encoding="utf-8").splitlines():
        if m := READY.match(line):
            stamp = datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S,%f").timestamp()
            found[m.group(2)] = stamp - launched
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="leave the data dirs in this folder")
    args = parser.parse_args()
    root = Path(args.keep or tempfile.mkdtemp(prefix="casedesk-first-start-"))
    root.mkdir(parents=True, exist_ok=True)
    shot = ["--screenshot", str(root / "shot.png"), "--size", "1600x1000"]

    new = root / "new" / "data"
    new.parent.mkdir(parents=True, exist_ok=True)
    total_new, launched = _launch("app", ["--demo", *shot], new)
    times = _log_times(new, launched)

    old = root / "old" / "data"
    old.parent.mkdir(parents=True, exist_ok=True)
    seed_s, _ = _launch("app.cli", ["demo"], old)
    window_s, launched = _launch("app", shot, old)
    baseline = seed_s + _log_times(old, launched).get("window ready", window_s)

    ready = times.get("window ready", float("nan"))
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"baseline (every demo step, then the window): {baseline:6.1f} s "
          f"(casedesk-cli demo {seed_s:.1f} s + window {baseline - seed_s:.1f} s)")
    print(f"casedesk --demo, window usable on Case A:    {ready:6.1f} s "
          f"({ready / baseline:.2f} × baseline; goal ≤ 20 s: {'PASS' if ready <= 20 else 'FAIL'})")
    print(f"  background steps done (footage imported):  "
          f"{times.get('demo footage ready', float('nan')):6.1f} s; process exit {total_new:.1f} s")
    print(f"data dirs kept in {root}" if args.keep else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
