"""Migrations: empty DB → head, models agree with migrations, safety checks on open."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app.models import Base
from app.models.db import (
    DatabaseError,
    backup_sqlite,
    head_revision,
    make_engine,
    open_database,
    upgrade_database,
)


def test_empty_db_upgrades_to_head_with_pragmas(paths):
    engine, _ = open_database(paths.db_url)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert "case_file" in inspect(engine).get_table_names()


def test_models_match_migrations(db):
    engine, _ = db
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                Base.metadata)
    assert diff == []


def test_newer_schema_is_refused_and_file_untouched(paths):
    engine, _ = open_database(paths.db_url)
    engine.dispose()
    con = sqlite3.connect(paths.db_path)
    con.execute("UPDATE alembic_version SET version_num='9999_from_the_future'")
    con.commit()
    con.close()
    before = paths.db_path.read_bytes()
    with pytest.raises(DatabaseError) as err:
        upgrade_database(make_engine(paths.db_url))
    assert err.value.code == "newer_schema"
    assert "9999_from_the_future" in str(err.value)
    assert paths.db_path.read_bytes() == before


def test_corrupt_file_gives_clear_error(paths):
    paths.db_path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError) as err:
        open_database(paths.db_url)
    assert err.value.code == "corrupt"
    assert str(paths.db_path) in str(err.value)


def test_backup_copy_is_a_readable_database(paths):
    engine, factory = open_database(paths.db_url)
    engine.dispose()
    copy = backup_sqlite(paths.db_path, "pre-test")
    assert copy.exists() and copy != paths.db_path
    con = sqlite3.connect(copy)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    con.close()
