"""PostgreSQL (squad mode): the audit log is append-only for everyone, owner included."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.models.db import unit_of_work
from app.services.common import audit
from app.services.common.context import SYSTEM


def test_update_and_delete_of_audit_rows_are_refused(db, db_backend):
    if db_backend != "postgresql":
        pytest.skip("the trigger exists on PostgreSQL only (SQLite files are signed instead)")
    engine, factory = db
    with unit_of_work(factory) as s:
        audit.record(s, SYSTEM, "test.event")
    for statement in ("UPDATE audit_entry SET payload='{}'", "DELETE FROM audit_entry"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
