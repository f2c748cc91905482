"""Shared fixtures: offscreen Qt, a throw-away data dir, a migrated SQLite DB, actors."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CASEDESK_HOME", None)
os.environ.pop("CASEDESK_DB_URL", None)
os.environ.pop("CASEDESK_EVIDENCE_DIR", None)
_key_dir = None
if "CASEDESK_KEY_FILE" not in os.environ:  # one private signing key per test process
    import atexit
    import shutil
    import tempfile

    _key_dir = tempfile.mkdtemp(prefix="casedesk-key-")
    atexit.register(shutil.rmtree, _key_dir, ignore_errors=True)   # not left in /tmp per run
    os.environ["CASEDESK_KEY_FILE"] = os.path.join(_key_dir, "audit-signing.key")

import pytest  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from app.config import AppPaths, resolve_paths  # noqa: E402
from app.i18n import set_language  # noqa: E402
from app.models.db import make_engine, upgrade_database  # noqa: E402
from app.models.enums import Role  # noqa: E402
from app.services.common.context import SYSTEM, Actor  # noqa: E402
from tests.helpers.databases import DB_BACKENDS, PG_URL, database  # noqa: E402


@pytest.fixture(autouse=True)
def _own_signing_key(monkeypatch, tmp_path_factory):
    """Each test signs with a workstation key and anchor journal of its own: tests copy one
    seeded demo database, and copies sharing one journal would read each other's anchors."""
    key_dir = tmp_path_factory.mktemp("signing-key")
    monkeypatch.setenv("CASEDESK_KEY_FILE", str(key_dir / "audit-signing.key"))


@pytest.fixture(autouse=True)
def _cli_sign_in(monkeypatch):
    """casedesk-cli signs in as the demo administrator (password demo1234); data dirs that
    were not seeded with the demo get that account from ``cli_admin``."""
    monkeypatch.setenv("CASEDESK_USER", "admin")
    monkeypatch.setenv("CASEDESK_PASSWORD", "demo1234")
    monkeypatch.delenv("CASEDESK_TOKEN", raising=False)


@pytest.fixture
def cli_admin(db):
    """The administrator the CLI signs in as, in the test's database."""
    from app.demo.users import DEMO_PASSWORD
    from app.models.db import unit_of_work
    from app.services.org import users

    with unit_of_work(db[1]) as s:
        if users.needs_first_admin(s):
            return users.create_first_admin(s, "admin", "系统管理员", DEMO_PASSWORD)
    return None


@pytest.fixture(autouse=True)
def _chinese_by_default():
    set_language("zh_CN")
    yield
    set_language("zh_CN")


@pytest.fixture
def paths(tmp_path) -> AppPaths:
    """A fresh data dir with a SQLite DB URL inside it."""
    return resolve_paths(tmp_path / "data").ensure()


# Squad mode: with CASEDESK_TEST_PG_URL set (.ci/run starts a loopback server), every test that
# uses ``db`` runs against PostgreSQL as well as SQLite — one parametrized suite. (The review
# bench's widget tests narrow it to SQLite: tests/ui/review/conftest.py says why.)
@pytest.fixture(scope="session")
def pg_engine(worker_id):
    """A private database per xdist worker, migrated once per session."""
    if not PG_URL:
        pytest.skip("CASEDESK_TEST_PG_URL not set")
    base = make_url(PG_URL)
    name = f"{base.database}_{worker_id}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    engine = make_engine(base.set(database=name).render_as_string(hide_password=False))
    with engine.begin() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    upgrade_database(engine)
    yield engine
    engine.dispose()


@pytest.fixture(params=DB_BACKENDS)
def db(request, paths):
    """(engine, session_factory) over a real database migrated to head: a SQLite file in the
    test's data dir, and (squad mode) a PostgreSQL database emptied before the test."""
    yield from database(request, paths)


@pytest.fixture
def db_backend(db) -> str:
    return db[0].dialect.name


@pytest.fixture
def sqlite_workstation(db_backend) -> None:
    """For what only a SQLite workstation has: backup/restore of the data dir (a squad server
    is backed up with pg_dump) and the CLI over ``--data-dir``."""
    if db_backend != "sqlite":
        pytest.skip("a SQLite workstation's data dir (backup/restore, the CLI's --data-dir)")


@pytest.fixture(scope="session")
def worker_id(request) -> str:
    """xdist's worker id ("master" without xdist); defined here so it exists either way."""
    return getattr(request.config, "workerinput", {}).get("workerid", "master")

@pytest.fixture
def session_factory(db):
    return db[1]


@pytest.fixture
def system_actor() -> Actor:
    return SYSTEM


def make_actor(role: Role, squad_id: int | None = None, user_id: int | None = None) -> Actor:
    return Actor(user_id=user_id, username=f"test-{role.value}", role=role, squad_id=squad_id)


_session_status = {"code": 0}


def pytest_sessionfinish(session, exitstatus):
    _session_status["code"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave a Qt test run without interpreter finalization (see ``app.__main__.launch``).

    PySide6 6.12 on CPython 3.11 can abort in finalization ("bool_dealloc") after many Qt tests
    in one process; by now every result is reported, so exit with pytest's own status. xdist
    workers are left alone (their controller has the results already).
    """
    if os.environ.get("CASEDESK_NO_HARD_EXIT"):  # bench/mutation.sh: mutmut reads results after
        return
    if "PySide6.QtWidgets" in sys.modules and not hasattr(config, "workerinput"):
        sys.stdout.flush()
        sys.stderr.flush()
        if _key_dir is not None:          # atexit does not run after os._exit
            import shutil

            shutil.rmtree(_key_dir, ignore_errors=True)
        os._exit(_session_status["code"])
