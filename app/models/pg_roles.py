"""PostgreSQL (squad mode): the application's own login role, which may only append audit rows.

The squad server keeps two roles apart, as trusted evidence systems do:

- the *owner* (runs ``alembic upgrade``; owns the tables and the append-only trigger of
  migration 0006), used by the server administrator only;
- the *application role* the workstations sign in with: full use of the case tables, but on
  ``audit_entry`` and ``audit_signer`` only SELECT and INSERT. UPDATE, DELETE and TRUNCATE are
  refused by the privileges (and UPDATE/DELETE by the trigger as well, for the owner too); the
  role owns nothing, so it cannot disable the trigger or change the grants.

``tools/pg_app_role.py`` applies :func:`app_role_statements` as a superuser (or a role with
CREATEROLE that owns the tables).
"""

from __future__ import annotations

import re

from sqlalchemy import Engine, text

APPEND_ONLY_TABLES = ("audit_entry", "audit_signer")
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def app_role_statements(role: str, password: str, database: str, owner: str) -> list[str]:
    """The SQL that creates (or re-grants) ``role``; ``owner`` owns the CaseDesk tables."""
    for name in (role, owner):
        if not _ROLE_NAME.match(name):
            raise ValueError(f"role name {name!r}: use lower-case letters, digits and _")
    if role == owner:
        raise ValueError("the application role must not be the owner of the tables")
    db = '"' + database.replace('"', '""') + '"'
    append_only = ", ".join(APPEND_ONLY_TABLES)
    return [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {_literal(role)}) "
        f"THEN CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT; "
        f"END IF; END $$",
        f"ALTER ROLE {role} LOGIN PASSWORD {_literal(password)}",
        f"GRANT CONNECT ON DATABASE {db} TO {role}",
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {append_only} FROM {role}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {role}",
        # tables a later migration adds (created by the owner) are usable too; the audit
        # tables exist already, so their stricter grants above stay as they are
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
        f"GRANT USAGE, SELECT ON SEQUENCES TO {role}",
    ]


def table_owner(engine: Engine) -> str:
    """Who owns ``audit_entry`` (the role that ran the migrations)."""
    with engine.connect() as conn:
        owner = conn.scalar(text("SELECT tableowner FROM pg_tables WHERE schemaname = 'public' "
                                 "AND tablename = 'audit_entry'"))
    if owner is None:
        raise RuntimeError("no audit_entry table: run the migrations (alembic upgrade) first")
    return str(owner)


def create_app_role(engine: Engine, role: str, password: str) -> None:
    """Create or re-grant the application role on ``engine``'s database (run as superuser)."""
    if engine.dialect.name != "postgresql":
        raise ValueError("application roles exist on PostgreSQL only")
    owner = table_owner(engine)
    database = engine.url.database or ""
    with engine.begin() as conn:
        for statement in app_role_statements(role, password, database, owner):
            conn.execute(text(statement))


def drop_app_role(engine: Engine, role: str) -> None:
    """Remove the role's grants in this database and the role itself."""
    if not _ROLE_NAME.match(role):
        raise ValueError(f"role name {role!r}")
    with engine.begin() as conn:
        conn.execute(text(f"DROP OWNED BY {role}"))
        conn.execute(text(f"DROP ROLE IF EXISTS {role}"))
