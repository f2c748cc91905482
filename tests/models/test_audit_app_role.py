"""PostgreSQL (squad mode): the application role may only append audit rows. UPDATE, DELETE and
TRUNCATE of audit rows fail for it by privilege, and it cannot switch the append-only trigger off;
ordinary case work still runs under it."""

from __future__ import annotations

import os
import secrets

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from app.models import AuditEntry, Squad
from app.models.db import make_engine, make_session_factory, unit_of_work
from app.models.pg_roles import app_role_statements, create_app_role, drop_app_role
from app.services.common import audit
from app.services.common.context import SYSTEM
from tests.helpers.databases import PG_URL


@pytest.fixture
def app_role_engine(db, db_backend):
    if db_backend != "postgresql":
        pytest.skip("roles and privileges exist on PostgreSQL only")
    owner_engine = db[0]
    su_url = os.environ.get("CASEDESK_TEST_PG_SUPERUSER_URL") or make_url(PG_URL).set(
        username="postgres", password=None).render_as_string(hide_password=False)
    su = create_engine(make_url(su_url).set(database=owner_engine.url.database),
                       isolation_level="AUTOCOMMIT")
    role = f"casedesk_app_t{secrets.token_hex(4)}"
    password = secrets.token_urlsafe(12)
    try:
        create_app_role(su, role, password)
    except DBAPIError as exc:
        su.dispose()
        pytest.skip(f"no superuser to create roles with: {exc.orig}")
    engine = make_engine(owner_engine.url.set(username=role, password=password)
                         .render_as_string(hide_password=False))
    yield engine
    engine.dispose()
    drop_app_role(su, role)
    su.dispose()


def test_app_role_appends_but_cannot_rewrite_audit_rows(app_role_engine):
    factory = make_session_factory(app_role_engine)
    with unit_of_work(factory) as s:  # ordinary work, audited, under the app role
        s.add(Squad(code="SG", name="事故中队"))
        audit.record(s, SYSTEM, "test.event", payload={"n": 1})
    with unit_of_work(factory) as s:
        squad = s.scalars(select(Squad)).one()
        squad.name = "事故处理中队"
        audit.record(s, SYSTEM, "test.event", payload={"n": 2})
    with factory() as s:
        assert s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
        assert list(audit.iter_chain_problems(s)) == []
    for statement, refusal in (
            ("UPDATE audit_entry SET payload = '{}'", "permission denied"),
            ("DELETE FROM audit_entry", "permission denied"),
            ("TRUNCATE audit_entry", "permission denied"),
            ("DELETE FROM audit_signer", "permission denied"),
            ("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only", "owner"),
    ):
        with pytest.raises(DBAPIError, match=refusal), app_role_engine.begin() as conn:
            conn.execute(text(statement))
    with factory() as s:
        assert len(s.scalars(select(AuditEntry)).all()) == 2
        assert not s.scalar(text("SELECT has_table_privilege('audit_entry', 'UPDATE') "
                                 "OR has_table_privilege('audit_entry', 'DELETE')"))


def test_role_script_refuses_unsafe_names():
    with pytest.raises(ValueError):
        app_role_statements("app; DROP TABLE case", "pw", "casedesk", "casedesk")
    with pytest.raises(ValueError):
        app_role_statements("casedesk", "pw", "casedesk", "casedesk")  # the owner itself
    sql = app_role_statements("casedesk_app", "it's", "casedesk", "casedesk")
    assert "PASSWORD 'it''s'" in " ".join(sql)
    revoke = next(s for s in sql if s.startswith("REVOKE UPDATE, DELETE, TRUNCATE"))
    assert "audit_entry" in revoke and "audit_signer" in revoke
