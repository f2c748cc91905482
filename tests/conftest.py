"""Shared fixtures: offscreen Qt, a throw-away data dir, a migrated SQLite DB, actors."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CASEDESK_HOME", None)
os.environ.pop("CASEDESK_DB_URL", None)

import pytest  # noqa: E402

from app.config import AppPaths, resolve_paths  # noqa: E402
from app.i18n import set_language  # noqa: E402
from app.models.db import open_database  # noqa: E402
from app.models.enums import Role  # noqa: E402
from app.services.context import SYSTEM, Actor  # noqa: E402


@pytest.fixture(autouse=True)
def _chinese_by_default():
    set_language("zh_CN")
    yield
    set_language("zh_CN")


@pytest.fixture
def paths(tmp_path) -> AppPaths:
    """A fresh data dir with a SQLite DB URL inside it."""
    return resolve_paths(tmp_path / "data").ensure()


@pytest.fixture
def db(paths):
    """(engine, session_factory) over a real SQLite file migrated to head."""
    engine, factory = open_database(paths.db_url)
    yield engine, factory
    engine.dispose()


@pytest.fixture
def session_factory(db):
    return db[1]


@pytest.fixture
def system_actor() -> Actor:
    return SYSTEM


def make_actor(role: Role, squad_id: int | None = None, user_id: int | None = None) -> Actor:
    return Actor(user_id=user_id, username=f"test-{role.value}", role=role, squad_id=squad_id)
