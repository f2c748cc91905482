"""A full disk is named (磁盘空间不足), never called corruption, and no command ends in a
traceback. SQLite reports a full disk as SQLITE_FULL on the write; the fixture makes every
write after sign-in fail that way."""

from __future__ import annotations

import errno
import sqlite3

import pytest
from sqlalchemy import event

from app.cli import main
from app.models.db import DatabaseError, is_disk_full, make_engine, upgrade_database


@pytest.fixture
def full_disk(paths, db, cli_admin, monkeypatch):
    """Writes fail with SQLite's own "database or disk is full" once the user signed in."""
    real = make_engine

    def capped(url, **kw):
        engine = real(url, **kw)

        @event.listens_for(engine, "before_cursor_execute")
        def _full(conn, cursor, statement, *_args):
            signed_in = conn.info.get("signed_in", 0)
            if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
                conn.info["signed_in"] = signed_in + 1
                if signed_in >= 4:  # the sign-in's own writes pass, the command's fail
                    raise sqlite3.OperationalError("database or disk is full")
        return engine

    monkeypatch.setattr("app.models.db.make_engine", capped)
    return paths


@pytest.mark.parametrize("argv", [
    ["users", "add", "li", "--role", "reviewer", "--password", "Pass-1234"],
    ["token", "issue", "admin"],
    ["verify"],
])
def test_commands_on_a_full_disk_say_so_without_a_traceback(full_disk, db_backend, capsys, argv):
    if db_backend != "sqlite":
        pytest.skip("the CLI runs on the data dir's SQLite file")
    code = main(["--data-dir", str(full_disk.data_dir), *argv])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "磁盘空间不足" in err and "损坏" not in err


def test_backup_onto_a_full_disk_is_named(paths, db, cli_admin, db_backend, capsys, monkeypatch,
                                          tmp_path):
    if db_backend != "sqlite":
        pytest.skip("the CLI runs on the data dir's SQLite file")

    def no_space(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("app.services.admin.backup._snapshot_db", no_space)
    assert main(["--data-dir", str(paths.data_dir), "backup", str(tmp_path / "bk")]) == 1
    err = capsys.readouterr().err
    assert "磁盘空间不足" in err and "Traceback" not in err
    assert not (tmp_path / "bk").exists()


def test_disk_full_while_migrating_is_not_called_corruption(paths, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def full(*_a, **_k):
        raise OperationalError("CREATE TABLE", {}, Exception("database or disk is full"))

    monkeypatch.setattr("app.models.db.command.upgrade", full)
    with pytest.raises(DatabaseError) as err:
        upgrade_database(make_engine(paths.db_url))
    assert err.value.code == "disk_full" and "磁盘空间不足" in str(err.value)
    assert is_disk_full(OSError(errno.ENOSPC, "x")) and not is_disk_full(ValueError("x"))
