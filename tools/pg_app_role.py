#!/usr/bin/env python3
"""Create (or re-grant) the squad server's application role: full use of the case tables, but
only SELECT + INSERT on the audit tables (see app/models/pg_roles.py). Run it as a PostgreSQL
superuser after ``alembic upgrade`` (and again after each upgrade that adds tables):

    python tools/pg_app_role.py postgresql+psycopg://postgres@host/casedesk casedesk_app
    (password from CASEDESK_APP_PASSWORD, else asked for)

Workstations then connect with ``postgresql+psycopg://casedesk_app:…@host/casedesk``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine  # noqa: E402

from app.models.pg_roles import create_app_role  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("admin_url", help="SQLAlchemy URL of the CaseDesk database, as superuser")
    parser.add_argument("role", nargs="?", default="casedesk_app")
    args = parser.parse_args(argv)
    password = os.environ.get("CASEDESK_APP_PASSWORD") or getpass.getpass(
        f"Password for {args.role}: ")
    engine = create_engine(args.admin_url)
    try:
        create_app_role(engine, args.role, password)
    except (ValueError, RuntimeError) as exc:
        print(f"pg_app_role: {exc}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(f"{args.role}: SELECT/INSERT only on the audit tables; full use of the others.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
