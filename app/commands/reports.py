"""CLI: export-pdf (case summary), stats (squad figures), callouts (call-out log)."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.commands import id_by_key
from app.commands.context import CliContext, print_json
from app.i18n import _
from app.models import Officer, Squad
from app.models.db import unit_of_work
from app.models.enums import CallOutKind
from app.reports.case_data import case_heading
from app.reports.pdf_export import PdfOptions, export_case_pdf
from app.reports.pdf_sections import SECTIONS
from app.reports.stats import StatsFilter, squad_statistics, summary_labels, table_titles
from app.reports.stats_export import to_jsonable, write_csv, write_xlsx
from app.services.casefile import callout_view
from app.services.common.clock import format_local
from app.services.org import callouts


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(_("Not a date (YYYY-MM-DD): {text}", text=text)) from exc


def _when(text: str) -> datetime:
    """ISO date-time; one without a zone is read on the squad's clock (``CliContext.localize``)."""
    try:
        dt = datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            _("Not a date and time (YYYY-MM-DDTHH:MM): {text}", text=text)) from exc
    return dt


def _squad_id(session: Session, key: str | None) -> int | None:
    if key is None:
        return None
    return id_by_key(session, Squad, Squad.code, key, _("No squad with code or id {key}.", key=key))


def _officer_id(session: Session, key: str | None) -> int | None:
    if key is None:
        return None
    return id_by_key(session, Officer, Officer.badge_no, key,
                     _("No officer with badge number or id {key}.", key=key))


def _progress(done: int, total: int, message: str) -> None:
    sys.stderr.write(f"\r{done * 100 // max(total, 1):3d}% {message}\033[K")
    sys.stderr.flush()


def _cmd_export_pdf(args: argparse.Namespace, ctx: CliContext) -> int:
    sections = tuple(s.strip() for s in args.sections.split(",") if s.strip()) \
        if args.sections else SECTIONS
    result = export_case_pdf(
        ctx.sessions, ctx.actor, args.case, Path(args.out), ctx.paths.evidence_dir,
        PdfOptions(sections=sections, anonymize=args.anonymize),
        progress=_progress if sys.stderr.isatty() and not args.json else None,
        index_dir=ctx.paths.cache_dir)
    if args.json:
        print_json({"path": str(result.path), "case_no": result.case_no, "pages": result.pages,
                    "digest": result.digest, "file_sha256": result.file_sha256,
                    "key_frames": result.key_frames, "placeholders": result.placeholders,
                    "warnings": list(result.warnings), "anonymized": result.anonymized})
        return 0
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    print(_("Wrote {path}: {pages} pages, digest {digest}.", path=result.path,
            pages=result.pages, digest=result.digest))
    for w in result.warnings:
        print(_("Warning: {text}", text=w), file=sys.stderr)
    return 0


def _cmd_stats(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.sessions) as s:
        flt = StatsFilter(date_from=args.date_from, date_to=args.date_to,
                          squad_id=_squad_id(s, args.squad),
                          officer_id=_officer_id(s, args.officer), freq=args.period)
        result = squad_statistics(s, ctx.actor, flt)
    if args.xlsx:
        write_xlsx(result, Path(args.xlsx))
    if args.csv:
        write_csv(result, Path(args.csv))
    if args.json:
        print_json(to_jsonable(result))
        return 0
    names = summary_labels()
    for key, value in result.summary.items():
        print(f"{names[key]}: {'—' if value is None else value}")
    titles = table_titles()
    for key, table in result.tables.items():
        print(f"\n== {titles[key]} ==")
        print(table.to_string(index=False) if len(table) else _("(no data)"))
    return 0


def _callout_json(c: callouts.CallOutDTO) -> dict:
    return {"id": c.id, "occurred_at": c.occurred_at.isoformat(), "kind": c.kind,
            "address": c.address, "district": c.district, "road": c.road,
            "officers": list(c.officer_names), "officer_ids": list(c.officer_ids),
            "case_id": c.case_id, "case_no": c.case_no, "squad_id": c.squad_id,
            "notes": c.notes}


def _cmd_callouts_list(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.sessions) as s:
        q = callouts.CallOutQuery(date_from=args.date_from, date_to=args.date_to,
                                  squad_id=_squad_id(s, args.squad),
                                  officer_id=_officer_id(s, args.officer), kind=args.kind)
        rows = callout_view.list_callouts(s, ctx.actor, q, limit=args.limit)
        total = callouts.count_callouts(s, ctx.actor, q)
    if args.json:
        print_json({"total": total, "callouts": [_callout_json(c) for c in rows]})
        return 0
    for c in rows:
        print(f"{c.id:6d}  {format_local(c.occurred_at, ctx.tz)}  {c.kind:15s}  "
              f"{c.district}{c.road} {c.address}  {'、'.join(c.officer_names)}  {c.case_no}")
    print(_("{shown} of {total} call-outs shown.", shown=len(rows), total=total))
    return 0


def _cmd_callouts_add(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.sessions) as s:
        officer_ids = tuple(i for o in args.officer if (i := _officer_id(s, o)) is not None)
        case_id = case_heading(s, ctx.actor, args.case).id if args.case else None
        dto = callouts.create_callout(s, ctx.actor, callouts.CallOutInput(
            occurred_at=ctx.localize(args.at), kind=args.kind, officer_ids=officer_ids, address=args.address,
            district=args.district, road=args.road, case_id=case_id, notes=args.notes))
    if args.json:
        print_json(_callout_json(dto))
    else:
        print(_("Call-out {id} recorded.", id=dto.id))
    return 0


def _cmd_callouts_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.sessions) as s:
        callouts.delete_callout(s, ctx.actor, args.id)
    print(_("Call-out {id} deleted.", id=args.id))
    return 0


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", type=_date, help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", type=_date, help="last day, inclusive")
    p.add_argument("--squad", help="squad code or id")
    p.add_argument("--officer", help="officer badge number or id")
    p.add_argument("--json", action="store_true", help="print JSON")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export-pdf", help="PDF case summary for reviewers")
    p.add_argument("case", help="case number or id")
    p.add_argument("out", help="output PDF path")
    p.add_argument("--anonymize", action="store_true", help="replace persons and plates")
    p.add_argument("--sections", help=f"comma-separated subset of: {','.join(SECTIONS)}")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=_cmd_export_pdf)

    p = sub.add_parser("stats", help="squad statistics (cases, clearance, officers, places)")
    _filters(p)
    p.add_argument("--period", choices=["M", "Q", "Y"], default="Q",
                   help="clearance-rate period: month, quarter, year")
    p.add_argument("--xlsx", help="write an Excel workbook (one sheet per table)")
    p.add_argument("--csv", help="write one CSV per table into this folder")
    p.set_defaults(func=_cmd_stats)

    p = sub.add_parser("callouts", help="call-out log (出警记录)")
    csub = p.add_subparsers(dest="callouts_command", metavar="ACTION", required=True)
    q = csub.add_parser("list", help="list call-outs, newest first")
    _filters(q)
    q.add_argument("--kind", choices=[k.value for k in CallOutKind])
    q.add_argument("--limit", type=int, default=50)
    q.set_defaults(func=_cmd_callouts_list)
    a = csub.add_parser("add", help="record a call-out")
    a.add_argument("--at", type=_when, required=True, help="date-time, local unless zoned")
    a.add_argument("--kind", required=True, choices=[k.value for k in CallOutKind])
    a.add_argument("--officer", action="append", required=True,
                   help="badge number or id (repeat for each officer)")
    a.add_argument("--address", default="")
    a.add_argument("--district", default="")
    a.add_argument("--road", default="")
    a.add_argument("--case", help="case number or id (hit-and-run only)")
    a.add_argument("--notes", default="")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_cmd_callouts_add)
    d = csub.add_parser("delete", help="delete a call-out")
    d.add_argument("id", type=int)
    d.set_defaults(func=_cmd_callouts_delete)

