"""Video subcommands (no database): ``probe``, ``frame``, ``scan``, ``rescue``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app.commands.context import CliContext, print_json
from app.i18n import _
from app.video import FilterChain, VideoError, export_snapshot, probe, scan_activity
from app.video.lost_index import rescue

if TYPE_CHECKING:
    from app.video.triage import TriageResult


def _fail(exc: VideoError) -> int:
    print(_("error: {message}", message=exc), file=sys.stderr)
    return 1


def _roi(text: str | None) -> tuple[int, int, int, int] | None:
    if not text:
        return None
    try:
        values = [int(v) for v in text.split(",")]
    except ValueError:
        values = []
    if len(values) != 4:
        raise VideoError(_("--roi must be four whole numbers x,y,w,h, e.g. 0,300,1920,780"))
    x, y, w, h = values
    return x, y, w, h


class ProgressBar:
    """A one-line progress bar on stderr (redrawn at most 10 times a second)."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label, self._stream, self._last = label, stream, 0.0

    @property
    def stream(self) -> TextIO:
        return self._stream or sys.stderr

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        share = done / total if total else 1.0
        bar = "#" * int(share * 30)
        self.stream.write(f"\r{self.label} [{bar:<30}] {share * 100:5.1f}% {done}/{total}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def cmd_probe(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        info = probe(Path(args.file), fps_hint=args.fps)
    except VideoError as exc:
        return _fail(exc)
    data = info.to_json()
    if args.json:
        print_json(data)
        return 0
    data["keyframes"] = _("{n} keyframes", n=len(info.keyframes))
    for key, value in data.items():
        print(f"{key:12} {value}")
    return 0


def cmd_frame(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        chain = FilterChain.from_json(args.filters) if args.filters else None
        out = export_snapshot(Path(args.file), args.index, Path(args.out), filters=chain)
    except VideoError as exc:
        return _fail(exc)
    print_json({"png": str(out), "sidecar": str(out) + ".json"})
    return 0


def cmd_scan(args: argparse.Namespace, ctx: CliContext) -> int:
    bar = None if args.quiet else ProgressBar(_("Scanning"))
    started = time.perf_counter()
    report: TriageResult | None = None
    try:
        if args.triage:
            from app.video.triage import scan_triage  # pandas: loaded only when asked for

            report = scan_triage(Path(args.file), roi=_roi(args.roi), workers=args.workers,
                                 progress=bar, threshold=args.threshold, fps_hint=args.fps,
                                 sensitivity=args.sensitivity)
            result = report.activity
        else:
            result = scan_activity(Path(args.file), roi=_roi(args.roi), workers=args.workers,
                                   progress=bar, threshold=args.threshold, fps_hint=args.fps,
                                   sensitivity=args.sensitivity)
    except VideoError as exc:
        return _fail(exc)
    wall = time.perf_counter() - started
    decoded = report.frames_decoded if report else result.frame_count
    if args.json:
        data = result.to_json()
        if not args.per_frame:
            data.pop("per_frame")
        data.update(method=report.method if report else "full", frames_decoded=decoded,
                    wall_s=round(wall, 3))
        if report:
            data.update(fallback=report.fallback, decoded=[list(r) for r in report.decoded],
                        candidates=[list(r) for r in report.candidates])
        print_json(data)
        return 0
    for seg in result.segments:
        print(_("{a:.1f}s – {b:.1f}s  frames {f}–{g}  peak {p:.2f}", a=seg.start_s, b=seg.end_s,
                f=seg.start_frame, g=seg.end_frame, p=seg.peak))
    if not result.segments:
        print(_("no activity found"))
    if report and report.fallback:
        print(_("note: {reason}", reason=report.fallback))
    print(_("{d} of {n} frames decoded in {t:.1f} s", d=decoded, n=result.frame_count, t=wall))
    return 0


def cmd_rescue(args: argparse.Namespace, ctx: CliContext) -> int:
    target = Path(args.out) if args.out else Path.cwd()
    try:
        done = rescue(args.file, target, reference=args.reference,
                      progress=None if args.quiet or args.json else ProgressBar(_("rescuing")))
    except VideoError as exc:
        return _fail(exc)
    if args.json:
        print_json(done.report())
        return 0
    out = target / done.output if target.is_dir() else target
    print(_("{pictures} pictures ({keys} keyframes) rescued into {out}", pictures=done.pictures,
            keys=done.keyframes, out=out))
    print(_("skipped: {n} bytes in {k} places (audio, damage)", n=done.skipped_bytes,
            k=len(done.skipped)))
    if done.cut_at is not None:
        print(_("the recording was cut off at byte {at}; the picture there is left out",
                at=done.cut_at))
    print(f"sha256 {done.output_sha256}  {out.name}")
    print(_("report: {path}", path=out.with_name(out.name + ".json")))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("probe", help="describe a video file (codec, frames, keyframes)")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--fps", type=float, help="frame rate for raw streams without timestamps")
    p.set_defaults(func=cmd_probe, sign_in=False)

    p = subparsers.add_parser("frame", help="save one exact frame as PNG (+ .json provenance)")
    p.add_argument("file")
    p.add_argument("index", type=int, help="frame index (0-based, presentation order)")
    p.add_argument("out", help="output PNG path")
    p.add_argument("--filters", help='enhancement chain as JSON, e.g. [{"type": "clahe"}]')
    p.set_defaults(func=cmd_frame, sign_in=False)

    p = subparsers.add_parser("scan", help="find activity (motion) segments in a video")
    p.add_argument("file")
    p.add_argument("--roi", help="region of interest x,y,w,h in pixels")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--per-frame", action="store_true", help="include per-frame scores in JSON")
    p.add_argument("--workers", type=int, default=2, help="parallel decoder processes")
    p.add_argument("--threshold", type=float, default=0.05, help="segment threshold (0..1)")
    p.add_argument("--fps", type=float, help="frame rate for raw streams without timestamps")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--triage", action="store_true",
                   help="read the bitstream first and decode only where something may move")
    p.add_argument("--sensitivity", type=float, default=1.0,
                   help="motion sensitivity in the region (0.1..10; >1 finds fainter motion)")
    p.set_defaults(func=cmd_scan, sign_in=False)

    p = subparsers.add_parser(
        "rescue", help="write the video of an MP4/MOV whose index (moov) was never written "
                       "(power cut, killed recorder, copy stopped early) as a readable stream")
    p.add_argument("file")
    p.add_argument("--reference", help="a complete recording of the same camera (its settings)")
    p.add_argument("-o", "--out", help="output file or folder (default: NAME.rescued.h264 here)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_rescue, sign_in=False)
