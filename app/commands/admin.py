"""Administration commands: verify, backup, restore, users, audit, training packages."""

from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.commands.backup_auth import backup_sign_in
from app.commands.context import CliContext, print_json
from app.commands.times import squad_time
from app.i18n import _
from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.admin import backup, verify
from app.services.common import audit_log
from app.services.common.clock import format_local
from app.services.common.context import Actor
from app.services.common.errors import ValidationError
from app.services.common.limits import check_instant
from app.services.org import users


def _progress(fraction: float, label: str) -> None:
    if sys.stderr.isatty():
        print(f"\r{label} {fraction:4.0%}", end="", file=sys.stderr, flush=True)


def _cmd_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.sessions() as session:
        report = verify.verify_data(session, ctx.paths.evidence_dir, _progress, paths=ctx.paths,
                                    anchor_files=tuple(Path(a) for a in args.anchor or ()))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    with unit_of_work(ctx.sessions) as session:
        verify.record_verification(session, ctx.actor, report)
    ok = report.ok(strict=args.strict)
    if args.json:
        print_json({"ok": ok, "audit_rows": report.audit_rows,
                    "evidence_files": report.evidence_files,
                    "anchored_rows": report.anchored_rows,
                    "first_unanchored_id": report.first_unanchored_id,
                    "problems": [asdict(p) for p in report.problems]})
    else:
        for p in report.problems:
            print(f"[{p.severity}] {p.where}: {p.message}")
        print(verify.anchor_line(report))
        print(verify.summary(report, strict=args.strict))
    return 0 if ok else 3


def _cmd_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.engine  # noqa: B018  (open + migrate before snapshotting)
    info = backup.create_backup(ctx.paths, ctx.actor, Path(args.out), _progress)
    with unit_of_work(ctx.sessions) as session:
        backup.record_backup(session, ctx.actor, info)
    print_json({"backup": str(info.path), "created_at": info.created_at,
                "evidence_files": info.evidence_files, "evidence_bytes": info.evidence_bytes,
                "db_sha256": info.db_sha256})
    return 0


def _cmd_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    actor = backup_sign_in(Path(args.src))  # the target is empty: its users are in the backup
    info = backup.restore_backup(Path(args.src), ctx.paths, actor, _progress)
    with unit_of_work(ctx.sessions) as session:
        backup.record_backup(session, actor, info, action="restore")
    print_json({"restored_from": str(info.path), "data_dir": str(ctx.paths.data_dir),
                "backup_created_at": info.created_at, "evidence_files": info.evidence_files})
    return 0


def _password(args: argparse.Namespace) -> str:
    if args.password:
        return args.password
    first = getpass.getpass(_("New password: "))
    if getpass.getpass(_("Repeat the password: ")) != first:
        raise ValidationError({"password": _("The two passwords differ.")})
    return first


def _find_user(session: Session, actor: Actor, username: str) -> users.UserDTO:
    for u in users.list_users(session, actor):
        if u.username.lower() == username.lower():
            return u
    raise ValidationError({"username": _("No user named {name}.", name=username)})


def _cmd_users(args: argparse.Namespace, ctx: CliContext) -> int:
    with unit_of_work(ctx.sessions) as s:
        first = args.action == "add" and users.needs_first_admin(s)
    if first and args.role == Role.ADMIN.value:  # first run: nobody to sign in as yet
        with unit_of_work(ctx.sessions) as s:
            dto = users.create_first_admin(s, args.username, args.name or args.username,
                                           _password(args))
        print_json(asdict(dto))
        return 0
    if first:
        print(_("No administrator exists yet; create one first (--role admin)."),
              file=sys.stderr)
        return 1
    actor = ctx.actor
    with unit_of_work(ctx.sessions) as s:
        if args.action == "list":
            print_json([asdict(u) for u in users.list_users(s, actor)])
            return 0
        if args.action == "add":
            dto = users.create_user(s, actor, args.username, args.name or args.username,
                                    args.role, _password(args), squad_id=args.squad,
                                    must_change_password=not args.no_change)
        else:
            u = _find_user(s, actor, args.username)
            if args.action == "passwd":
                dto = users.reset_password(s, actor, u.id, _password(args))
            elif args.action == "unlock":
                dto = users.unlock_user(s, actor, u.id)
            elif args.action == "lock":
                dto = users.lock_user(s, actor, u.id)
            else:
                dto = users.update_user(s, actor, u.id, u.version,
                                        active=args.action == "enable")
        print_json(asdict(dto))
    return 0


def _cmd_token(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.org import tokens

    actor = ctx.actor
    with unit_of_work(ctx.sessions) as s:
        u = _find_user(s, actor, args.username)
        if args.action == "issue":
            print_json({"user": u.username, "token": tokens.issue_token(s, actor, u.id,
                                                                        args.days)})
        else:
            print_json({"user": u.username, "revoked": tokens.revoke_tokens(s, actor, u.id)})
    return 0


def _since(text: str | None, ctx: CliContext) -> datetime | None:
    """``--since``: an ISO date or date-time, on the squad's clock unless zoned, 1970-2099."""
    value = squad_time(ctx, text, "since")
    return check_instant(value, "since") if value is not None else None


def _cmd_audit(args: argparse.Namespace, ctx: CliContext) -> int:
    flt = audit_log.AuditFilter(
        case_id=args.case, username=args.user, action_prefix=args.action,
        since=_since(args.since, ctx))
    with ctx.sessions() as s:
        rows = audit_log.list_entries(s, ctx.actor, flt, limit=args.limit, newest_first=False)
    if args.json:
        print_json([asdict(r) for r in rows])
    else:
        for r in rows:
            at = format_local(r.at, ctx.tz, "%Y-%m-%d %H:%M:%S")
            target = f"{r.entity_type}#{r.entity_id}" if r.entity_id is not None else r.entity_type
            case = f" case={r.case_id}" if r.case_id is not None else ""
            print(f"{r.id:>6} {at} {r.username:<12} {r.action:<26} {target}{case}")
    return 0


def _cmd_training_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.casefile.access import load_case
    from app.services.training import package_export as training_package

    with unit_of_work(ctx.sessions) as s:
        case_id = load_case(s, ctx.actor, args.case).id  # id or case number
        info = training_package.export_package(
            s, ctx.actor, ctx.paths, case_id, Path(args.out),
            observation_ids=args.observation or None)
    print_json(asdict(info))
    return 0


def _cmd_training_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.training import package_import

    with unit_of_work(ctx.sessions) as s:
        info = package_import.import_package(s, ctx.actor, ctx.paths, Path(args.package))
    print_json(asdict(info))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="check DB integrity, audit chain and evidence hashes")
    p.add_argument("--json", action="store_true")
    p.add_argument("--strict", action="store_true", help="warnings fail too")
    p.add_argument("--anchor", action="append", help="a PDF, backup, package or sidecar holding "
                   "an audit anchor (repeatable)")
    p.set_defaults(func=_cmd_verify)

    p = sub.add_parser("backup", help="online backup of the DB + evidence into folder OUT")
    p.add_argument("out")
    p.set_defaults(func=_cmd_backup)

    p = sub.add_parser("restore", help="restore backup folder IN into an empty --data-dir "
                       "(sign in as an administrator of the backed-up data)")
    p.add_argument("src", metavar="IN")
    p.set_defaults(func=_cmd_restore, sign_in=False)

    p = sub.add_parser("users", help="list / add / passwd / unlock / disable / enable users")
    p.add_argument("action", choices=["list", "add", "passwd", "lock", "unlock", "disable",
                                      "enable"])
    p.add_argument("username", nargs="?", default="")
    p.add_argument("--name", help="display name")
    p.add_argument("--role", default=Role.OFFICER.value, choices=[r.value for r in Role])
    p.add_argument("--squad", type=int)
    p.add_argument("--password", help="(scripts only; prompted when omitted)")
    p.add_argument("--no-change", action="store_true", help="do not force a change at login")
    p.set_defaults(func=_cmd_users, sign_in=False)  # signs in itself (first admin needs none)

    p = sub.add_parser("token", help="issue / revoke CLI tokens (CASEDESK_TOKEN) for a user")
    p.add_argument("action", choices=["issue", "revoke"])
    p.add_argument("username")
    p.add_argument("--days", type=int, default=30)
    p.set_defaults(func=_cmd_token)

    p = sub.add_parser("audit", help="print the audit log")
    p.add_argument("--case", type=int)
    p.add_argument("--user")
    p.add_argument("--action", help="action prefix, e.g. evidence.")
    p.add_argument("--since", help="ISO date/time")
    p.add_argument("--limit", type=int, default=10000)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_audit)

    p = sub.add_parser("training-export", help="export a closed case as an anonymized package")
    p.add_argument("case", help="case id or number, e.g. 石峰-2023-0117")
    p.add_argument("out")
    p.add_argument("--observation", type=int, action="append", help="frames to include")
    p.set_defaults(func=_cmd_training_export)

    p = sub.add_parser("training-import", help="import a training package as a read-only case")
    p.add_argument("package")
    p.set_defaults(func=_cmd_training_import)
