"""Engine, SQLite pragmas, sessions and schema migration (Alembic) with safety checks."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseError(Exception):
    """A database problem the user must be told about in plain words (message is zh-friendly)."""

    def __init__(self, code: str, message: str, path: str | None = None):
        super().__init__(message)
        self.code = code  # locked / corrupt / newer_schema / unknown_revision / unreachable
        self.path = path


DISK_FULL_MESSAGE = "磁盘空间不足：数据未能写入（已写入的内容完好）。请清理磁盘后重试。"


def is_disk_full(error: BaseException) -> bool:
    """True for "no space left" however it surfaces (OSError, SQLite, SQLAlchemy wrapper)."""
    seen: set[int] = set()
    exc: BaseException | None = error
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            return True
        text = str(exc).lower()
        if "database or disk is full" in text or "no space left" in text or "disk full" in text:
            return True
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
    return False


def _sqlite_pragmas(dbapi_conn: DBAPIConnection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=20000")  # many writer threads queue, not fail
    cur.close()


def make_engine(url: str, **kw: Any) -> Engine:
    """Create the one engine of the process; SQLite gets its pragmas on every connection."""
    if url.startswith("sqlite"):
        kw.setdefault("connect_args", {"timeout": 20})
    engine = create_engine(url, **kw)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One short transaction: commit on success, roll back on any error."""
    with factory() as session, session.begin():
        yield session


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    if head is None:
        raise DatabaseError("unknown_revision", "没有数据库迁移脚本。", "")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _check_sqlite_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)
        try:
            row = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if is_disk_full(exc):
            raise DatabaseError("disk_full", DISK_FULL_MESSAGE, str(path)) from exc
        raise DatabaseError("corrupt", f"数据库文件已损坏或不是 CaseDesk 数据库：{path}（{exc}）",
                            str(path)) from exc
    if row is None or row[0] != "ok":
        raise DatabaseError("corrupt", f"数据库完整性检查失败：{path}（{row[0] if row else '?'}）",
                            str(path))


def backup_sqlite(path: Path, suffix: str) -> Path:
    """Copy a SQLite file (with the online backup API) next to itself; returns the copy."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.{suffix}-{stamp}{path.suffix}")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: str | None  # the SQLite copy made before migrating, if any


def upgrade_database(engine: Engine) -> MigrationResult:
    """Bring the schema to head. Backs the SQLite file up first; refuses unknown revisions."""
    url = engine.url.render_as_string(hide_password=False)
    path = Path(engine.url.database) if engine.dialect.name == "sqlite" and engine.url.database else None
    if path is not None:
        _check_sqlite_file(path)
    script = ScriptDirectory.from_config(alembic_config(url))
    head = head_revision()
    try:
        current = current_revision(engine)
    except OperationalError as exc:
        if is_disk_full(exc):
            raise DatabaseError("disk_full", DISK_FULL_MESSAGE, str(path)) from exc
        if "locked" in str(exc).lower():
            raise DatabaseError("locked", f"数据库正被另一个程序占用（已锁定）：{path or url}",
                                str(path)) from exc
        raise DatabaseError("unreachable", f"无法打开数据库：{exc.orig}", str(path)) from exc
    except SADatabaseError as exc:
        if is_disk_full(exc):
            raise DatabaseError("disk_full", DISK_FULL_MESSAGE, str(path)) from exc
        raise DatabaseError("corrupt", f"数据库文件已损坏：{path or url}", str(path)) from exc
    if current == head:
        return MigrationResult(current, head, None)
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseError(
            "newer_schema",
            f"数据库版本 {current} 比本程序新（或未知），请升级 CaseDesk 后再打开：{path or url}",
            str(path),
        )
    backup = None
    if path is not None and current is not None and path.exists():
        backup = str(backup_sqlite(path, f"pre-{head}"))
    cfg = alembic_config(url)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except (SADatabaseError, OSError) as exc:
        if is_disk_full(exc):
            raise DatabaseError("disk_full", DISK_FULL_MESSAGE, str(path)) from exc
        raise
    return MigrationResult(current, head, backup)


def open_database(url: str) -> tuple[Engine, sessionmaker[Session]]:
    """Engine + session factory for a DB upgraded to head (the normal way to start)."""
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    upgrade_database(engine)
    return engine, make_session_factory(engine)
