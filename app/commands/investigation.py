"""CLI: canvass (cameras, coverage, deadlines), attach (non-video evidence), tasks, story (the
merged timeline), search (everything, one case or all), request-letter and hand-over."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from app.commands.context import CliContext, print_json
from app.commands.evidence import evidence_json, resolve_case_id
from app.commands.times import squad_time
from app.i18n import _
from app.models.db import unit_of_work
from app.reports.request_letter import issue_letter
from app.services.casefile.record_search import search_all, search_case
from app.services.common.code_labels import label
from app.services.evidence import attachments, cameras
from app.services.investigation import canvass, merged_timeline, requests, tasks


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt else None


def entry_json(e: canvass.CanvassEntry) -> dict:
    c = e.camera
    return {"id": e.id, "camera_id": c.id, "code": c.code, "name": c.name, "lat": c.lat,
            "lon": c.lon, "facing_deg": c.facing_deg, "fov_deg": c.fov_deg,
            "owner_unit": c.owner_unit, "contact": c.contact_name, "phone": c.contact_phone,
            "status": e.status, "status_label": label("coverage", e.status),
            "status_at": _iso(e.status_at), "retention_days": c.retention_days,
            "footage_lost_at": _iso(e.lost_at),
            "days_left": None if e.days_left is None else round(e.days_left, 2),
            "urgent": e.urgent, "lost": e.lost, "note": e.note}


def _cmd_canvass(args: argparse.Namespace, ctx: CliContext) -> int:
    now = squad_time(ctx, args.now, "now")
    with unit_of_work(ctx.sessions) as s:
        case_id = resolve_case_id(s, args.case)
        for key in args.add or ():
            canvass.add_camera(s, ctx.actor, case_id, cameras.find_camera(s, ctx.actor, key).id)
        if args.status:
            key, _sep, status = args.status.partition("=")
            cam = cameras.find_camera(s, ctx.actor, key)
            canvass.set_status(s, ctx.actor, canvass.entry_of_camera(s, ctx.actor, case_id, cam.id).id,
                               status.strip())
        rows = (canvass.urgent_list if args.urgent else canvass.list_canvass)(
            s, ctx.actor, case_id, now=now)
    if args.json:
        print_json([entry_json(e) for e in rows])
        return 0
    for e in rows:
        left = "" if e.days_left is None else _("{days:.1f} days left", days=e.days_left)
        flag = "!" if e.urgent else " "
        print(f"{flag} {e.camera.code:12s} {label('coverage', e.status):8s} "
              f"{_iso(e.lost_at) or '—':25s} {left:12s} {e.camera.name}")
    return 0


def _cmd_attach(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.sessions) as s:
        case_id = resolve_case_id(s, args.case)
    res = attachments.attach_file(
        ctx.sessions, ctx.paths, ctx.actor, case_id, args.file, args.kind,
        attachments.DetailInput(taken_at=squad_time(ctx, args.at, "at"), place=args.place,
                                person=args.person, officer=args.officer,
                                description=args.description, text=args.text))
    with unit_of_work(ctx.sessions) as s:
        det = next(a.detail for a in attachments.list_attachments(s, ctx.actor, case_id)
                   if a.evidence.id == res.evidence.id)
    if args.json:
        print_json({"duplicate": res.duplicate, "kind": res.evidence.media_kind,
                    "evidence": evidence_json(res.evidence),
                    "detail": {"taken_at": _iso(det.taken_at), "lat": det.lat, "lon": det.lon,
                               "place": det.place, "person": det.person, "officer": det.officer,
                               "description": det.description, "text": det.text},
                    "custody": "import"})
    else:
        params = {"id": res.evidence.id, "sha": res.evidence.sha256}
        print(_("Already imported as evidence {id} (SHA-256 {sha}).", **params) if res.duplicate
              else _("Imported as evidence {id} (SHA-256 {sha}).", **params))
    return 0


def _cmd_tasks(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.sessions) as s:
        rows = tasks.list_tasks(s, ctx.actor, resolve_case_id(s, args.case))
    if args.json:
        print_json([{"id": t.id, "kind": t.kind, "title": t.title, "status": t.status,
                     "assignee": t.assignee_name, "address": t.address,
                     "area": [list(p) for p in t.area], "result": t.result,
                     "triggered_by": t.trigger_title, "found": t.found_title,
                     "started_at": _iso(t.started_at), "finished_at": _iso(t.finished_at)}
                    for t in rows])
    else:
        for t in rows:
            print(f"{t.id:4d} {label('task_kind', t.kind)} {label('task_status', t.status)} "
                  f"{t.title}  {t.result}")
    return 0


def _cmd_story(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.sessions) as s:
        rows = merged_timeline.merged_timeline(s, ctx.actor, resolve_case_id(s, args.case),
                                               custody=not args.no_custody)
    if args.json:
        print_json([{"at": _iso(r.at), "source": r.source, "kind": r.kind, "title": r.title,
                     "detail": r.detail, "ref_id": r.ref_id} for r in rows])
    else:
        for r in rows:
            print(f"{_iso(r.at)}  {r.source:8s} {r.title}")
    return 0


def _cmd_search(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.sessions) as s:
        if args.case:
            hits = search_case(s, ctx.actor, resolve_case_id(s, args.case), args.text)
        else:
            hits = search_all(s, ctx.actor, args.text)
    if args.json:
        print_json([{"case_id": h.case_id, "case_no": h.case_no, "source": h.source,
                     "ref_id": h.ref_id, "at": _iso(h.at), "text": h.text} for h in hits])
    else:
        for h in hits:
            print(f"{h.case_no}  {h.source:8s} {_iso(h.at) or '':25s} {h.text}")
    return 0


def _cmd_letter(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.sessions) as s:
        case_id = resolve_case_id(s, args.case)
        cam = cameras.find_camera(s, ctx.actor, args.camera)
    req = issue_letter(ctx.sessions, ctx.actor, case_id, cam.id, Path(args.out), args.unit)
    if args.json:
        print_json({"id": req.id, "doc_no": req.doc_no, "pdf": args.out,
                    "pdf_sha256": req.pdf_sha256, "footage_lost_at": _iso(req.footage_lost_at)})
    else:
        print(f"{req.doc_no}  {args.out}  SHA-256 {req.pdf_sha256}")
    return 0


def _cmd_hand_over(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.sessions) as s:
        req = requests.hand_over(s, ctx.actor, args.request, args.to, at=squad_time(ctx, args.at, "at"))
    print(_("Evidence request {no} handed to {who} ({camera})", no=req.doc_no, who=req.handed_to,
            camera=req.camera.code))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("canvass", help="a case's cameras: coverage status, retention, deadline")
    p.add_argument("case")
    p.add_argument("--urgent", action="store_true", help="only footage about to be overwritten")
    p.add_argument("--add", action="append", metavar="CAMERA", help="put a camera on the list")
    p.add_argument("--status", metavar="CAMERA=STATUS",
                   help="set a camera's coverage status (to_ask, asked, collected, reviewed, "
                        "nothing_relevant)")
    p.add_argument("--now", help="reference time, ISO 8601; without a zone on the squad's clock (default: now)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_canvass)

    p = sub.add_parser("attach", help="attach a photo, document, statement, trace or audio")
    p.add_argument("case")
    p.add_argument("file")
    p.add_argument("--kind", required=True, choices=list(attachments.KINDS))
    p.add_argument("--at", help="when taken or given, ISO 8601; without a zone on the squad's clock (photos: EXIF)")
    p.add_argument("--place", default="")
    p.add_argument("--person", default="", help="the witness / who gave it")
    p.add_argument("--officer", default="", help="who took it / interviewed")
    p.add_argument("--description", default="")
    p.add_argument("--text", default="", help="a statement's words (a .txt file: its content)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_attach)

    p = sub.add_parser("tasks", help="a case's search and canvass tasks")
    p.add_argument("case")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_tasks)

    p = sub.add_parser("story", help="one timeline: events, CCTV marks, tasks, evidence, custody")
    p.add_argument("case")
    p.add_argument("--no-custody", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_story)

    p = sub.add_parser("search", help="search everything (timeline, findings, marks, "
                                      "statements, task results)")
    p.add_argument("text")
    p.add_argument("--case", help="only this case")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_search)

    p = sub.add_parser("request-letter", help="evidence-request letter (调取证据通知书) PDF")
    p.add_argument("case")
    p.add_argument("camera", help="camera number, name or id")
    p.add_argument("--out", required=True)
    p.add_argument("--unit", default="", help="issuing unit printed on the letter")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_letter)

    p = sub.add_parser("hand-over", help="log that an evidence-request letter was handed over")
    p.add_argument("request", type=int)
    p.add_argument("--to", required=True, help="who received it")
    p.add_argument("--at", help="when, ISO 8601; without a zone on the squad's clock (default: now)")
    p.set_defaults(func=_cmd_hand_over)
