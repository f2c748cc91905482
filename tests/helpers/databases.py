"""The database a test runs on: a SQLite file in its data dir, or (squad mode, with
``CASEDESK_TEST_PG_URL`` set by ``.ci/run``) a PostgreSQL database emptied before the test."""

from __future__ import annotations

import os
from collections.abc import Iterator

from sqlalchemy import text

from app.models import Base
from app.models.db import make_session_factory, open_database

PG_URL = os.environ.get("CASEDESK_TEST_PG_URL")
DB_BACKENDS = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


def _truncate_all(engine) -> None:
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


def database(request, paths) -> Iterator[tuple]:
    """(engine, session_factory) over a real database migrated to head, for the backend named
    by ``request.param``: the body of every ``db`` fixture."""
    if request.param == "postgresql":
        engine = request.getfixturevalue("pg_engine")
        _truncate_all(engine)
        yield engine, make_session_factory(engine)
        return
    engine, factory = open_database(paths.db_url)
    yield engine, factory
    engine.dispose()
