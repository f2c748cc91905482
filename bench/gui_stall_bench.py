"""GUI stall benchmark: a 10 ms QTimer heartbeat on the GUI thread while the review bench
imports a large clip (probe + copy + SHA-256 + DB) and scans another clip's activity, and
plays a clip. Prints the worst gap between heartbeats against the 50 ms goal, next to a
same-run baseline (heartbeat with nothing running) so the ratio compares across machines.

Run: ``python bench/gui_stall_bench.py [--seconds 60] [--size 1280x720]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.config import resolve_paths  # noqa: E402
from app.models.db import open_database  # noqa: E402
from app.services.common.context import SYSTEM  # noqa: E402
from app.services.evidence import clips as evidence  # noqa: E402
from tests.helpers.evidence import make_case  # noqa: E402
from tests.media import make_clip  # noqa: E402

GOAL_MS = 50.0
BEAT_MS = 10


class Heartbeat:
    def __init__(self):
        self.gaps: list[float] = []
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(BEAT_MS)
        self._timer.timeout.connect(self._beat)

    def start(self) -> None:
        self.gaps = []
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _beat(self) -> None:
        self.gaps.append(self._clock.restart() - BEAT_MS)

    def worst(self) -> float:
        return max(self.gaps[2:] or [0.0])

    def p99(self) -> float:
        g = sorted(self.gaps[2:]) or [0.0]
        return g[min(len(g) - 1, int(len(g) * 0.99))]


def big_noisy_clip(seconds: int, w: int, h: int) -> Path:
    """A grainy high-bitrate clip (hundreds of MB like a real DVR export), cached."""
    from tests.media import media_dir

    out = media_dir() / f"bench-noisy-{seconds}s-{w}x{h}.mp4"
    if not out.exists():
        tmp = out.with_name(out.name + ".part.mp4")
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                        f"testsrc2=size={w}x{h}:rate=25", "-t", str(seconds), "-vf",
                        "noise=alls=25:allf=t", "-c:v", "libx264", "-preset", "ultrafast",
                        "-crf", "14", "-g", "50", str(tmp)], check=True)
        os.replace(tmp, out)
    return out


def spin(condition, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and not condition():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=60.0, help="give up after this long")
    ap.add_argument("--size", default="1280x720")
    ap.add_argument("--frames", type=int, default=1500, help="frames of the clip scanned")
    ap.add_argument("--clip-seconds", type=int, default=30, help="length of the imported clip")
    ap.add_argument("--only", choices=["import", "scan", "play"], help="one load alone (diagnosis)")
    args = ap.parse_args()
    w, h = (int(v) for v in args.size.split("x"))
    app = QApplication([])
    print(f"preparing clips ({w}x{h}, cached after the first run)…")
    big = big_noisy_clip(args.clip_seconds, w, h)
    scan_clip = make_clip("h264_mp4", frames=args.frames, fps=25, gop=50, size=(w, h),
                          mover=(args.frames // 3, args.frames // 2), marker=False)
    with tempfile.TemporaryDirectory() as tmp:
        paths = resolve_paths(Path(tmp) / "data").ensure()
        engine, factory = open_database(paths.db_url)
        ids = make_case(factory)
        seed = evidence.import_clip(factory, paths, SYSTEM, ids["case"], scan_clip).evidence

        from app.ui.review import media_tasks
        from app.ui.review.import_dialog import ImportDialog
        from app.ui.review.review_panel import ReviewPanel
        from app.ui.workers import run_task
        from tests.ui.review.conftest import BenchContext

        beat = Heartbeat()
        beat.start()
        spin(lambda: False, 2.0)
        beat.stop()
        baseline_worst, baseline_p99 = beat.worst(), beat.p99()

        panel = ReviewPanel(BenchContext(paths, engine, factory, SYSTEM))
        panel.resize(1400, 900)
        panel.show()
        spin(lambda: panel.player is not None and not panel.is_busy(), 30)
        dlg = ImportDialog(factory=factory, paths=paths, actor=SYSTEM, case_id=ids["case"],
                           case_no="石峰-2023-0117", cameras=[], parent=panel)
        dlg.add_files([str(big)])
        beat.start()
        t0 = time.monotonic()
        load = {args.only} if args.only else {"import", "scan", "play"}
        imp = dlg.start() if "import" in load else run_task(lambda ctx: None)
        scan = run_task(media_tasks.scan, paths, seed, pool=media_tasks.background_pool()) \
            if "scan" in load else run_task(
            lambda ctx: None)
        if "play" in load:
            panel.player.play(1)  # decoding frames for display at the same time
        spin(lambda: imp.done and scan.done and time.monotonic() - t0 > 4.0, args.seconds)
        elapsed = time.monotonic() - t0
        beat.stop()
        panel.player.pause()
        loaded_worst, loaded_p99 = beat.worst(), beat.p99()
        for name, handle in (("import", imp), ("scan", scan)):
            if handle.error is not None:
                print(f"{name} error:", handle.error)
            elif name in load:
                print(f"{name} finished ok")
        ok_import = "import" not in load or (imp.done and imp.error is None
                                             and dlg.outcomes[0].status == "imported")
        panel.shutdown()
        engine.dispose()
    print(f"work: import {big.stat().st_size / 1e6:.0f} MB ({'ok' if ok_import else 'FAILED'}) "
          f"+ activity scan + playback, {elapsed:.1f} s, {len(beat.gaps)} heartbeats")
    print(f"baseline (idle)     worst stall {baseline_worst:6.1f} ms   p99 {baseline_p99:5.1f} ms")
    print(f"import+scan+play    worst stall {loaded_worst:6.1f} ms   p99 {loaded_p99:5.1f} ms   "
          f"goal <= {GOAL_MS:.0f} ms   {'PASS' if loaded_worst <= GOAL_MS else 'FAIL'}")
    print(f"ratio worst/baseline {loaded_worst / max(baseline_worst, 0.1):.1f}×   "
          f"median gap {statistics.median(beat.gaps or [0]):.1f} ms")
    del app
    return 0 if loaded_worst <= GOAL_MS else 1


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip interpreter teardown of Qt objects (PySide finaliser crash)
