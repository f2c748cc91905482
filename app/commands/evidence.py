"""CLI: import-clip, evidence, observations, route, cameras."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from app.commands import id_by_key
from app.commands.context import CliContext, print_json
from app.i18n import _
from app.models import Case
from app.models.db import unit_of_work
from app.models.enums import Acquisition
from app.services.common.errors import ValidationError
from app.services.evidence import cameras, items, observations, rescued, routes
from app.services.evidence import clips as evidence
from app.services.evidence import media as evidence_media


def resolve_case_id(session: Session, key: str) -> int:
    """A case by number (石峰-2023-0117) or id."""
    return id_by_key(session, Case, Case.case_no, key,
                     _("No case with number or id {key}.", key=key))


def _progress_bar(done: int, total: int) -> None:
    if total:
        pct = done * 100 // total
        sys.stderr.write(f"\r{pct:3d}% {done >> 20}/{total >> 20} MiB")
        sys.stderr.flush()


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt else None


def evidence_json(e: items.EvidenceDTO) -> dict:
    return {"id": e.id, "kind": e.media_kind, "sha256": e.sha256, "original_name": e.original_name,
            "camera_id": e.camera_id, "camera": e.camera_label, "start_time": _iso(e.start_time),
            "offset_s": e.offset_s, "offset_source": e.offset_source,
            "wall_start": _iso(e.wall_start), "wall_end": _iso(e.wall_end),
            "frame_count": e.frame_count, "fps": e.fps, "codec": e.codec, "size": e.size,
            "acquisition": e.acquisition, "derived_from_id": e.derived_from_id}


def _cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.sessions) as s:
        case_id = resolve_case_id(s, args.case)
        cam = cameras.find_camera(s, ctx.actor, args.camera) if args.camera else None
    try:
        start = datetime.fromisoformat(args.start) if args.start else None
    except ValueError as exc:
        raise ValidationError({"start": _("Write the start time as ISO 8601 with a zone, e.g. "
                                          "2023-11-28T05:56:52+08:00.")}) from exc
    fields: dict[str, Any] = {"camera_id": cam.id if cam else None,
                              "acquisition": args.acquisition, "acquisition_note": args.note,
                              "start_time": start}
    progress = None if args.json else _progress_bar
    if args.rescue or args.reference:   # the recording as received + the readable copy, linked
        res = rescued.import_rescue(ctx.sessions, ctx.paths, ctx.actor, case_id, args.file,
                                    reference=args.reference, progress=progress, **fields)
    else:
        res = evidence.import_clip(ctx.sessions, ctx.paths, ctx.actor, case_id, args.file,
                                   progress=progress, **fields)
    if not args.json:
        sys.stderr.write("\n")
    if args.scan and not res.duplicate:  # cache the activity strip now instead of on first open
        ev = res.evidence
        evidence_media.scan_and_cache(ctx.paths, ev.sha256, items.evidence_path(ctx.paths, ev),
                                      progress=None if args.json else _progress_bar)
        if not args.json:
            sys.stderr.write("\n")
    if args.json:
        print_json({"duplicate": res.duplicate, "evidence": evidence_json(res.evidence)})
    elif res.duplicate:
        print(_("Already imported as evidence {id} (SHA-256 {sha}).", id=res.evidence.id,
                sha=res.evidence.sha256))
    else:
        print(_("Imported as evidence {id} (SHA-256 {sha}).", id=res.evidence.id,
                sha=res.evidence.sha256))
    if res.evidence.start_time is None:  # never lose time silently
        print(_("Warning: evidence {id} has no start time, so its frames have no corrected time "
                "and it drops out of routes; read the clock from the picture with "
                "casedesk-cli osd {case} {id}, or give --start.", id=res.evidence.id,
                case=args.case), file=sys.stderr)
    return 0


def _list_case_rows(args: argparse.Namespace, ctx: CliContext,
                    lister: Callable[..., list[Any]], to_json: Callable[[Any], dict],
                    to_line: Callable[[Any], str]) -> int:
    """Print what ``lister(session, actor, case_id)`` returns: JSON, or one line a row."""
    with unit_of_work(ctx.sessions) as s:
        rows = lister(s, ctx.actor, resolve_case_id(s, args.case))
    if args.json:
        print_json([to_json(r) for r in rows])
    else:
        for r in rows:
            print(to_line(r))
    return 0


def _cmd_evidence(args: argparse.Namespace, ctx: CliContext) -> int:
    return _list_case_rows(args, ctx, evidence.list_evidence, evidence_json, lambda e: (
        f"{e.id:4d}  {e.short_hash}  {e.camera_label:30s}  {_iso(e.wall_start)}  "
        f"{e.original_name}"))


def _obs_json(o: observations.ObservationDTO) -> dict:
    return {"id": o.id, "evidence_id": o.evidence_id, "evidence_sha256": o.evidence_sha256,
            "camera": o.camera_label, "frame_index": o.frame_index, "pts_s": o.pts_s,
            "wall_time": _iso(o.wall_time), "roi": list(o.roi) if o.roi else None,
            "note": o.note, "tags": list(o.tags), "vehicle_id": o.vehicle_id,
            "person_id": o.person_id, "inquiry_id": o.inquiry_id}


def _cmd_observations(args: argparse.Namespace, ctx: CliContext) -> int:
    return _list_case_rows(args, ctx, observations.list_observations, _obs_json, lambda o: (
        f"{o.id:4d}  {_iso(o.wall_time)}  {o.camera_label:30s}  #{o.frame_index}  {o.note}"))


def _cmd_route(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.sessions) as s:
        case_id = resolve_case_id(s, args.case)
        if args.vehicle is not None:
            result = [routes.build_route(s, ctx.actor, case_id, args.vehicle, order=args.order)]
        else:
            result = routes.case_routes(s, ctx.actor, case_id, order=args.order)
    if args.json:
        print_json(result[0].to_json() if args.vehicle is not None else [r.to_json() for r in result])
        return 0
    for r in result:
        print(f"{r.vehicle_label}  ({r.limit_kmh:.0f} km/h)")
        for p in r.points:
            speed = f"{p.speed_kmh:6.1f} km/h" if p.speed_kmh is not None else " " * 11
            dist = f"{p.leg_distance_m:7.0f} m" if p.leg_distance_m is not None else " " * 9
            print(f"  {_iso(p.wall_time)}  {p.camera_label:30s} {dist} {speed}  {p.message}")
    return 0


def _cmd_cameras(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.sessions) as s:
        cams = cameras.list_cameras(s, ctx.actor)
    if args.json:
        print_json([{"id": c.id, "code": c.code, "name": c.name, "owner_kind": c.owner_kind,
                     "owner_unit": c.owner_unit, "address": c.address, "lat": c.lat, "lon": c.lon,
                     "facing": c.facing, "contact": c.contact_name, "phone": c.contact_phone,
                     "offsets": [{"offset_s": o.offset_s, "measured_at": _iso(o.measured_at),
                                  "method": o.method} for o in c.offsets]} for c in cams])
    else:
        for c in cams:
            off = f"{c.offsets[-1].offset_s:+.1f} s" if c.offsets else "—"
            print(f"{c.code:12s} {c.name:30s} {off}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import-clip", help="import a video file as evidence of a case")
    p.add_argument("case", help="case number or id")
    p.add_argument("file")
    p.add_argument("--camera", help="camera number, name or id")
    p.add_argument("--acquisition", default=Acquisition.OTHER.value,
                   choices=[a.value for a in Acquisition])
    p.add_argument("--note", default="", help="how the file was obtained")
    p.add_argument("--start", help="file start by the camera clock, ISO 8601 with zone")
    p.add_argument("--scan", action="store_true", help="also run and cache the activity scan")
    p.add_argument("--rescue", action="store_true",
                   help="an MP4/MOV whose index was never written: keep it as received and "
                        "import the readable copy of its video, linked to it")
    p.add_argument("--reference", help="with --rescue: a complete recording of the same camera "
                                       "to take the video settings from (also imported)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_import)

    p = sub.add_parser("evidence", help="list a case's evidence items")
    p.add_argument("case")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_evidence)

    p = sub.add_parser("observations", help="list a case's observations")
    p.add_argument("case")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_observations)

    p = sub.add_parser("route", help="route of a vehicle across cameras")
    p.add_argument("case")
    p.add_argument("--vehicle", type=int, help="vehicle id (default: every vehicle)")
    p.add_argument("--order", choices=["time", "marked"], default="time")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_route)

    p = sub.add_parser("cameras", help="list the camera registry")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_cameras)
