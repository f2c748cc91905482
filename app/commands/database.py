"""casedesk-cli migrate / db-info: schema upgrades (SQLite or PostgreSQL) and DB facts."""

from __future__ import annotations

import argparse

from app.commands.context import CliContext, print_json
from app.models.db import current_revision, head_revision, make_engine, upgrade_database


def _migrate(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.paths.ensure()
    engine = make_engine(ctx.paths.db_url)
    res = upgrade_database(engine)
    result = {"database": engine.url.render_as_string(hide_password=True),
              "from": res.from_revision, "to": res.to_revision, "backup": res.backup}
    if args.json:
        print_json(result)
    else:
        print(f"{result['database']}: {res.from_revision or '(empty)'} → {res.to_revision}"
              + (f"（已备份到 {res.backup}）" if res.backup else ""))
    return 0


def _info(args: argparse.Namespace, ctx: CliContext) -> int:
    engine = ctx.engine  # opens (and upgrades) with the usual safety checks
    print_json({"database": engine.url.render_as_string(hide_password=True),
                "dialect": engine.dialect.name, "revision": current_revision(engine),
                "head": head_revision(), "data_dir": str(ctx.paths.data_dir),
                "evidence_dir": str(ctx.paths.evidence_dir)})
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("migrate", help="upgrade the database schema to this version (backs up SQLite first)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_migrate)
    p = sub.add_parser("db-info", help="which database and schema revision is in use")
    p.set_defaults(func=_info)
