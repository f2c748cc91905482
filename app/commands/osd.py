"""CLI: ``osd CASE EVIDENCE_ID`` — the clip's clock read from the picture, and a suggested
offset when a reference is given (printed only; an officer confirms in the review bench)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from app.commands.context import CliContext, print_json
from app.commands.evidence import resolve_case_id
from app.commands.times import parse_time
from app.commands.video import ProgressBar, _roi
from app.i18n import _
from app.models.db import unit_of_work
from app.services.common.errors import NotFoundError
from app.services.evidence import items, osd
from app.timeread import OcrUnavailable, TimeProfile
from app.video import VideoError


def profile_json(dto: osd.OsdProfileDTO) -> dict:
    p: TimeProfile = dto.profile
    return {
        "evidence_id": dto.evidence_id, "found": p.found, "region": dto.region,
        "region_method": dto.region_method, "start_filled": dto.start_filled,
        "start_clock": p.start_clock.isoformat() if p.start_clock else None,
        "start_uncertainty_s": p.start_uncertainty_s, "drift_s_per_h": p.drift_s_per_h,
        "real_fps": p.real_fps, "nominal_fps": p.nominal_fps,
        "jumps": [{"before_frame": j.before_frame, "after_frame": j.after_frame,
                   "pts_s": j.pts_s, "size_s": j.size_s} for j in p.jumps],
        "readings": [dict(r.to_json(), used=u) for r, u in zip(p.readings, p.used, strict=True)],
    }


def _print_profile(dto: osd.OsdProfileDTO) -> None:
    p = dto.profile
    if not p.found:
        print(_("No clock found in the picture: nothing was read, the start time is unchanged."))
        return
    print(_("Clock region {box} ({method}); {n} readings, {used} used.", box=dto.region,
            method=dto.region_method, n=len(p.readings), used=sum(p.used)))
    print(_("Camera clock at the first frame: {start} (±{unc} s){filled}",
            start=p.start_clock.isoformat(sep=" ", timespec="milliseconds")
            if p.start_clock else "—",
            unc=p.start_uncertainty_s,
            filled=_(" — filled in as the start time") if dto.start_filled else ""))
    print(_("Real frame rate: {fps}; drift: {drift} s/h; jumps: {n}", fps=p.real_fps or "—",
            drift="—" if p.drift_s_per_h is None else p.drift_s_per_h, n=len(p.jumps)))
    for j in p.jumps:
        print(_("  jump of {size:+.1f} s between frames {a} and {b}", size=j.size_s,
                a=j.before_frame, b=j.after_frame))


def _time(text: str, field: str) -> datetime:
    return parse_time(text, field, _("Write the time as 2023-11-28T09:40:00."))


def _cmd_osd(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        return _run(args, ctx)
    except (VideoError, OcrUnavailable) as exc:
        print(_("error: {message}", message=exc), file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.sessions) as s:
        case_id = resolve_case_id(s, args.case)
        ev = items.get_evidence(s, ctx.actor, args.evidence_id)
        if ev.case_id != case_id:
            raise NotFoundError(_("Evidence item {id} is not part of case {case}.",
                                  id=args.evidence_id, case=args.case))
        dto = None if args.reread else osd.get_profile(s, ctx.actor, ev.id)
    if dto is None:
        dto = osd.profile_clip(ctx.sessions, ctx.paths, ctx.actor, ev.id, roi=_roi(args.roi),
                               progress=None if args.json else ProgressBar(_("reading clock")),
                               max_samples=args.max_samples)
    suggestion = None
    if args.photo and dto.found:
        with unit_of_work(ctx.sessions) as s:
            suggestion = osd.suggest_from_photo(s, ctx.actor, ev.id, _time(args.photo[0], "dvr"),
                                                _time(args.photo[1], "standard"))
    if args.json:
        print_json({"profile": profile_json(dto),
                    "suggestion": suggestion.to_json() if suggestion else None})
        return 0
    _print_profile(dto)
    if suggestion:
        print(_("Suggested clock offset: {off:+.2f} s ± {unc:.2f} s (frames {frames}); not "
                "applied — an officer confirms it in the review bench.", off=suggestion.offset_s,
                unc=suggestion.uncertainty_s, frames=", ".join(map(str, suggestion.frames))))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("osd", help="read a clip's burned-in clock: start time, jumps, drift")
    p.add_argument("case", help="case number or id")
    p.add_argument("evidence_id", type=int)
    p.add_argument("--roi", help="clock region x,y,w,h (default: found automatically)")
    p.add_argument("--reread", action="store_true", help="read again even if a profile is stored")
    p.add_argument("--max-samples", type=int, default=60)
    p.add_argument("--photo", nargs=2, metavar=("DVR_SHOWN", "STANDARD"),
                   help="reference photo: the DVR's time and the standard clock's time")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_osd)
