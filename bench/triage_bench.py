"""Triage scan vs full scan, both in one run on the same files (issue 14).

    python bench/triage_bench.py              # everything (the 1-hour file is made once, cached)
    python bench/triage_bench.py --minutes 10 # a shorter long file (same 1-minute scene repeated)
    python bench/triage_bench.py --skip-long  # recall only

1. Recall on generated scenes with planted events (frame ranges known by construction): a
   dark-blue tricycle on a dark road (luma within 20 levels), a tricycle at night with
   headlights, a pedestrian, a small e-bike far away, a car; sensor noise, night gain; GOP 25-250.
   Recall of the full scan and of the triage, triage/full agreement (share of the full scan's
   segments the triage also reports) and false-alarm time (time the triage reports as active,
   more than 1 s away from any event) against the true active time.
2. OpenCV's vtest.avi (Debian package opencv-doc): agreement with the full scan.
3. Throughput on a 1080p25 H.264 file with 5 % activity (GOP 50, x264 ultrafast, a 1-minute
   scene stream-copied end to end): full scan time, triage time, ratio.
Files are cached under /tmp/casedesk-triage-bench.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.video import scan_activity  # noqa: E402
from app.video.triage import scan_triage  # noqa: E402
from tests.scenes import Event, found, make_scene  # noqa: E402

CACHE = Path("/tmp/casedesk-triage-bench")
VTEST = Path("/usr/share/doc/opencv-doc/examples/data/vtest.avi")
FPS = 25
T = TypeVar("T")


def _s(t: float) -> int:
    return int(t * FPS)


def ev(kind: str, start_s: float, dur_s: float) -> Event:
    return Event(kind, _s(start_s), _s(start_s + dur_s) - 1)


# (name, events, scene options): 90 s each, 480x270
SCENES = [
    ("day, GOP 25", [ev("car", 8, 2), ev("pedestrian", 25, 8), ev("ebike_far", 50, 4),
                     ev("tricycle_dark", 70, 6)], {"gop": 25, "noise": 1.5}),
    ("dark road, sensor noise, GOP 100", [ev("tricycle_dark", 10, 6), ev("pedestrian", 35, 8),
                                          ev("ebike_far", 60, 4), ev("car", 80, 2)],
     {"gop": 100, "noise": 5, "dark": True}),
    ("night gain, GOP 250", [ev("headlights", 12, 5), ev("ebike_far", 40, 4),
                             ev("headlights", 70, 6)], {"gop": 250, "noise": 9, "night": True}),
    ("day, B-frames, GOP 50", [ev("tricycle_dark", 5, 6), ev("ebike_far", 30, 4),
                               ev("car", 55, 2), ev("pedestrian", 70, 8)],
     {"gop": 50, "noise": 2.5, "bframes": 2}),
]
SCENE_S = 90

# the long file's 1-minute scene: 3 s of activity = 5 %
LONG_S = 60
LONG_EVENTS = [ev("car", 10, 1.0), ev("tricycle_dark", 30, 1.2), ev("pedestrian", 48, 0.8)]


def overlap_share(segments, ranges) -> float:
    """Share of ``segments`` overlapped by any of ``ranges`` (objects with start/end_frame)."""
    if not segments:
        return 1.0
    hit = sum(1 for s in segments if any(r.start_frame <= s.end_frame and r.end_frame >=
                                         s.start_frame for r in ranges))
    return hit / len(segments)


def false_alarm_frames(candidates, events, slack: int) -> int:
    busy = set()
    for e in events:
        busy.update(range(e.first - slack, e.last + slack + 1))
    return sum(1 for a, b in candidates for f in range(a, b + 1) if f not in busy)


def recall_section() -> bool:
    print("\n1. Recall on generated scenes (planted events)")
    total = full_hits = tri_hits = 0
    agree_num = agree_den = 0
    false_frames = active_frames = 0
    for name, events, opts in SCENES:
        path = make_scene(events, frames=SCENE_S * FPS, fps=FPS, folder=CACHE, **opts)
        t = time.perf_counter()
        full = scan_activity(path, workers=2)
        t_full = time.perf_counter() - t
        tri = scan_triage(path, workers=2)
        f = [found(e, full.segments) for e in events]
        g = [found(e, tri.segments) for e in events]
        total += len(events)
        full_hits += sum(f)
        tri_hits += sum(g)
        agree_num += round(overlap_share(full.segments, tri.segments) * len(full.segments))
        agree_den += len(full.segments)
        false_frames += false_alarm_frames([(s.start_frame, s.end_frame) for s in tri.segments],
                                           events, FPS)
        active_frames += sum(e.last - e.first + 1 for e in events)
        missed = [e.kind for e, ok in zip(events, g, strict=True) if not ok]
        print(f"  {name:<34} full {sum(f)}/{len(f)}  triage {sum(g)}/{len(g)}"
              f"  decoded {tri.frames_decoded / (SCENE_S * FPS):5.1%}  {tri.method}"
              f"{' (fell back: ' + tri.fallback + ')' if tri.fallback else ''}"
              f"  full {t_full:.1f} s, triage {tri.wall_s:.1f} s"
              f"{'  missed: ' + ', '.join(missed) if missed else ''}", flush=True)
    r_full, r_tri = full_hits / total, tri_hits / total
    agreement = agree_num / max(1, agree_den)
    fa = false_frames / max(1, active_frames)
    print(f"  recall full scan {r_full:.1%}   recall triage {r_tri:.1%}   (goal >= 99 %)")
    print(f"  triage/full agreement {agreement:.1%}   (goal >= 99 %)")
    print(f"  false-alarm time / true active time {fa:.2f}   (goal <= 2)")
    return r_full >= 0.99 and r_tri >= 0.99 and agreement >= 0.99 and fa <= 2


def vtest_section() -> None:
    print("\n2. OpenCV vtest.avi (real surveillance clip)")
    src = VTEST if VTEST.exists() else VTEST.with_suffix(".avi.gz")
    if not src.exists():
        print("  vtest.avi not found: apt-get install opencv-doc")
        return
    path = CACHE / "vtest.avi"
    if not path.exists():
        opener = gzip.open if src.suffix == ".gz" else open
        with opener(src, "rb") as a, open(path, "wb") as b:
            shutil.copyfileobj(a, b)
    t = time.perf_counter()
    full = scan_activity(path, workers=2)
    t_full = time.perf_counter() - t
    tri = scan_triage(path, workers=2)
    n = full.frame_count
    print(f"  full scan: {len(full.segments)} segments, {t_full:.1f} s;  triage: "
          f"{len(tri.segments)} segments, {tri.wall_s:.1f} s, decoded {tri.frames_decoded / n:.0%}"
          f", {tri.method}{' (' + tri.fallback + ')' if tri.fallback else ''}")
    print(f"  triage/full agreement {overlap_share(full.segments, tri.segments):.1%}"
          f"   active seconds full {int((full.per_second >= 0.05).sum())}"
          f" / triage {int((tri.activity.per_second >= 0.05).sum())}")


def long_file(minutes: int) -> Path:
    base = make_scene(LONG_EVENTS, frames=LONG_S * FPS, fps=FPS, size=(1920, 1080), gop=50,
                      noise=1.5, preset="ultrafast", folder=CACHE)
    target = CACHE / f"long-{minutes}min-{base.stem}.mp4"
    if target.exists():
        return target
    listing = CACHE / f"{target.stem}.txt"
    listing.write_text("".join(f"file '{base}'\n" for _ in range(max(1, minutes))))
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i",
                    str(listing), "-c", "copy", str(target.with_suffix(".part.mp4"))], check=True)
    target.with_suffix(".part.mp4").rename(target)
    return target


def _timed(run: Callable[[], T]) -> tuple[T, float, float]:
    """The result of run(), its wall time and its CPU time (this process and its reaped workers)."""
    wall, cpu = time.perf_counter(), _cpu()
    result = run()
    return result, time.perf_counter() - wall, _cpu() - cpu


def _cpu() -> float:
    me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + workers.ru_utime + workers.ru_stime


def throughput_section(minutes: int) -> bool:
    print(f"\n3. Throughput: {minutes}-minute 1080p25 H.264, 5 % activity, GOP 50")
    t = time.perf_counter()
    path = long_file(minutes)
    print(f"  file ready ({path.stat().st_size >> 20} MiB, {time.perf_counter() - t:.0f} s)",
          flush=True)
    # triage, full scan, triage again: the two triage runs bracket the full scan, so load that
    # drifts during the run (these machines are shared) weighs on both sides of the ratio
    tri, t_tri1, c_tri1 = _timed(lambda: scan_triage(path, workers=2))
    print(f"  triage: {t_tri1:.1f} s wall, {c_tri1:.1f} s CPU, decoded {tri.frames_decoded} of"
          f" {tri.activity.frame_count} frames ({tri.frames_decoded / tri.activity.frame_count:.1%}),"
          f" {tri.method}{' (' + tri.fallback + ')' if tri.fallback else ''}", flush=True)
    full, t_full, c_full = _timed(lambda: scan_activity(path, workers=2))
    print(f"  full scan: {t_full:.1f} s wall, {c_full:.1f} s CPU", flush=True)
    _, t_tri2, c_tri2 = _timed(lambda: scan_triage(path, workers=2))
    print(f"  triage again: {t_tri2:.1f} s wall, {c_tri2:.1f} s CPU", flush=True)
    t_tri = (t_tri1 + t_tri2) / 2
    c_tri = (c_tri1 + c_tri2) / 2
    repeats = max(1, minutes)
    planted = [Event(e.kind, e.first + k * LONG_S * FPS, e.last + k * LONG_S * FPS)
               for k in range(repeats) for e in LONG_EVENTS]
    r_full = sum(found(e, full.segments) for e in planted) / len(planted)
    r_tri = sum(found(e, tri.segments) for e in planted) / len(planted)
    ratio = t_full / t_tri
    print(f"  recall full {r_full:.1%}  triage {r_tri:.1%}")
    print(f"  throughput ratio full/triage {ratio:.1f}x wall (mean of both triage runs),"
          f" {c_full / c_tri:.1f}x CPU   (goal >= 20x)")
    return ratio >= 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=60, help="length of the long file")
    parser.add_argument("--skip-long", action="store_true", help="skip the throughput file")
    parser.add_argument("--skip-recall", action="store_true", help="skip the generated scenes")
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    ok = True
    if not args.skip_recall:
        ok &= recall_section()
        vtest_section()
    if not args.skip_long:
        ok &= throughput_section(args.minutes)
    print("\nall goals met" if ok else "\nsome goals not met (see above)")


if __name__ == "__main__":
    main()
