"""casedesk-cli: the headless entry point (JSON output for scripting).

Subcommands live in ``app/commands/<topic>.py``; each module defines
``register(subparsers) -> None`` and sets ``func(args, ctx) -> int`` on its parsers with
``parser.set_defaults(func=...)``. They are discovered here, so adding a topic touches no other file.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError

import app.commands
from app.commands.context import CliContext
from app.config import resolve_paths
from app.i18n import set_language
from app.models.db import DISK_FULL_MESSAGE, DatabaseError, is_disk_full
from app.services.common.errors import ServiceError
from app.services.evidence.media import index_dir
from app.video import set_default_index_dir


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="casedesk-cli", description="CaseDesk 肇事逃逸案件工作台")
    parser.add_argument("--data-dir", help="data directory (default: CASEDESK_HOME or per-user dir)")
    parser.add_argument("--db-url", help="database URL (default: SQLite file in the data dir)")
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(app.commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"app.commands.{info.name}")
        if hasattr(module, "register"):  # a command module (not a shared helper)
            module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(args.lang)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    ctx = CliContext(resolve_paths(args.data_dir, args.db_url))
    if args.data_dir or os.environ.get("CASEDESK_HOME"):  # probe/frame/scan of a loose file
        set_default_index_dir(index_dir(ctx.paths))   # don't create the per-user dir for them
    try:
        if getattr(args, "sign_in", True):
            ctx.actor  # noqa: B018  (sign in before the command touches anything)
        return int(args.func(args, ctx) or 0)
    except (DatabaseError, ServiceError) as exc:
        print(f"错误: {exc}" if args.lang == "zh_CN" else f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `casedesk-cli cases | head`: the reader left; not an error
        # (before OSError, its base class)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (SQLAlchemyError, OSError) as exc:  # never a traceback: name the cause plainly
        if is_disk_full(exc):
            message = DISK_FULL_MESSAGE if args.lang == "zh_CN" else "disk full: nothing was written"
        else:
            orig = getattr(exc, "orig", None) or exc
            message = (f"数据库或文件操作失败：{orig}" if args.lang == "zh_CN"
                       else f"database or file operation failed: {orig}")
        print(f"错误: {message}" if args.lang == "zh_CN" else f"error: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消" if args.lang == "zh_CN" else "cancelled", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
