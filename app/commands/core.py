"""Core subcommands: ``init``, ``demo``, ``cases`` and ``show`` (text or ``--json``)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.commands.context import CliContext, print_json
from app.demo import DEMO_STEPS, seed_demo
from app.i18n import _
from app.models.db import current_revision, unit_of_work
from app.services.casefile.cases import get_case, status_label
from app.services.casefile.dto import CaseDetail, CaseFilter, CaseSummary
from app.services.casefile.search import SORT_KEYS, list_cases
from app.services.common.clock import format_local, zone
from app.services.common.code_labels import label
from app.services.common.context import Perm, require
from app.services.common.errors import ValidationError
from app.services.common.limits import check_instant
from app.services.org.users import needs_first_admin


def _jsonable(obj: object, tz: ZoneInfo) -> object:
    """DTO → JSON: datetimes as ISO 8601 in the case's zone, tuples as lists."""
    if isinstance(obj, datetime):
        return obj.astimezone(tz).isoformat()
    if isinstance(obj, dict):
        return {k: _jsonable(v, tz) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_jsonable(v, tz) for v in obj]
    return obj


def _json_dict(obj: CaseSummary | CaseDetail) -> dict[str, object]:
    data = _jsonable(asdict(obj), zone(obj.tz))
    assert isinstance(data, dict)
    return data


def summary_json(c: CaseSummary) -> dict:
    return _json_dict(c) | {"status_label": status_label(c.status)}


def detail_json(d: CaseDetail) -> dict:
    data = _json_dict(d)
    data["status_label"] = status_label(d.status)
    data["timeline"] = data.pop("events")
    return data


def _local(dt: datetime | None, tz: str, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return format_local(dt, tz, fmt) if dt else "—"


def _day(text: str | None, field: str, tz: str, days_after: int = 0) -> datetime | None:
    """The start of day ``text`` (YYYY-MM-DD) on the clock ``tz`` (+ ``days_after`` days)."""
    if not text:
        return None
    try:
        day = datetime.combine(date.fromisoformat(text), time(), zone(tz))
    except ValueError as exc:
        raise ValidationError({field: _("Dates are written YYYY-MM-DD, e.g. 2023-11-28.")}) from exc
    check_instant(day, field)
    return day + timedelta(days_after)


# ------------------------------------------------------------------------------- commands


def cmd_init(args: argparse.Namespace, ctx: CliContext) -> int:
    revision = current_revision(ctx.engine)
    info = {"data_dir": str(ctx.paths.data_dir), "db_url": ctx.paths.db_url, "revision": revision}
    if args.json:
        print_json(info)
    else:
        print(_("Database ready: {url} (schema {rev})", url=ctx.paths.db_url, rev=revision))
    return 0


def cmd_demo(args: argparse.Namespace, ctx: CliContext) -> int:
    steps: list[str] = []

    def progress(_done: int, _total: int, step: str) -> None:
        if step and step not in steps:
            steps.append(step)
            if not args.json:
                print(_("Seeding {step} ({n}/{total})…", step=step, n=len(steps),
                        total=len(DEMO_STEPS)), file=sys.stderr)

    with unit_of_work(ctx.sessions) as session:
        empty = needs_first_admin(session)
    if not empty:  # demo data into a data dir that has users: an administrator must sign in
        require(ctx.actor, Perm.SETTINGS)
    report = seed_demo(ctx.paths, ctx.sessions, progress=progress)
    if args.json:
        print_json(report.as_dict())
    else:
        made = "，".join(f"{k} {v}" for k, v in report.created.items()) or _("nothing new")
        print(_("Demo data ready ({made}). Demo case: {case_no}", made=made,
                case_no=report.selected_case_no))
        for note in report.notes:  # e.g. the demo sign-ins (app.demo.users)
            print(note)
    return 0


def cmd_cases(args: argparse.Namespace, ctx: CliContext) -> int:
    filt = CaseFilter(statuses=tuple(args.status or ()), text=args.text or "",
                      date_from=_day(args.date_from, "from", ctx.tz),
                      date_to=_day(args.date_to, "to", ctx.tz, 1),
                      sort=args.sort, descending=not args.ascending, limit=args.limit)
    with unit_of_work(ctx.sessions) as session:
        page = list_cases(session, ctx.actor, filt)
    if args.json:
        print_json([summary_json(c) for c in page.items])
        return 0
    for c in page.items:
        kinds = "、".join(label("vehicle_kind", k) for k in c.vehicle_kinds) or "—"
        print(f"{c.case_no}\t{status_label(c.status)}\t{_local(c.occurred_at, c.tz)}\t"
              f"{c.road or '—'}\t{c.lead_officer_name or '—'}\t{kinds}\t{c.title}")
    print(_("{n} cases", n=page.total), file=sys.stderr)
    return 0


def _print_detail(d: CaseDetail) -> None:
    tz = d.tz
    print(f"{d.case_no}  {d.title}")
    print(_("Status: {status}; occurred {at} at {place}; lead officer {officer}",
            status=status_label(d.status), at=_local(d.occurred_at, tz),
            place=d.address or d.road or "—", officer=d.lead_officer_name or "—"))
    if d.narrative:
        print(d.narrative)
    print(_("Persons:"))
    for p in d.persons:
        print(f"  [{label('person_role', p.role)}] {p.label}"
              + ("" if p.identified else _(" (identity unknown)")))
    print(_("Vehicles:"))
    for v in d.vehicles:
        plate = _("unlicensed") if v.unlicensed else (v.plate or _("plate unknown"))
        print(f"  [{label('vehicle_role', v.role)}] {v.colour} {label('vehicle_kind', v.kind)} "
              f"{plate} {v.features}".rstrip())
    print(_("Lines of inquiry:"))
    for i in d.inquiries:
        print(f"  {i.team} [{label('inquiry_status', i.status)}] {i.objective}"
              + (f" — {i.findings}" if i.findings else ""))
    print(_("Timeline:"))
    for e in d.events:
        print(f"  {_local(e.occurred_at, tz)}  [{label('event_kind', e.kind)}] {e.title}")


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.sessions) as session:
        detail = get_case(session, ctx.actor, args.case)
    if args.json:
        print_json(detail_json(detail))
    else:
        _print_detail(detail)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create the data directory and the database (migrated)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_init, sign_in=False)
    p = sub.add_parser("demo", help="seed the demo cases (idempotent)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_demo, sign_in=False)  # an empty data dir gets the demo users
    p = sub.add_parser("cases", help="list cases")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--status", action="append", help="only this status (repeatable)")
    p.add_argument("--text", help="substring search (case number, title, persons, vehicles …)")
    p.add_argument("--from", dest="date_from", help="occurred on or after YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", help="occurred on or before YYYY-MM-DD")
    p.add_argument("--sort", default="occurred_at", choices=sorted(SORT_KEYS))
    p.add_argument("--ascending", action="store_true")
    p.add_argument("--limit", type=int)
    p.set_defaults(func=cmd_cases)
    p = sub.add_parser("show", help="show one case (by case number or id)")
    p.add_argument("case", help="case number (e.g. 石峰-2023-0117) or id")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_show)
