"""The CLI reads and prints times without a case's own zone on the squad's clock, and a bad
date is a plain error, never a traceback."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.cli import main
from app.models import AuditEntry
from app.models.db import unit_of_work
from app.models.org import Squad
from tests.helpers.cases import squad_row

URUMQI = "Asia/Urumqi"

pytestmark = pytest.mark.usefixtures("sqlite_workstation")


@pytest.fixture
def urumqi(db, paths, cli_admin):
    """One squad, on Ürümqi time: the administrator's clock (no squad of their own)."""
    squad_id = squad_row(db[1])
    with unit_of_work(db[1]) as s:
        s.get(Squad, squad_id).tz = URUMQI
    return ["--data-dir", str(paths.data_dir)]


@pytest.mark.parametrize("since", ["2024-99-01", "0001-01-01", "yesterday"])
def test_bad_since_dates_are_plain_errors(urumqi, since, capsys):
    assert main([*urumqi, "audit", "--since", since]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误") and "Traceback" not in err


def test_audit_times_print_on_the_squad_clock(urumqi, db, capsys):
    with db[1]() as s:
        first = s.query(AuditEntry).order_by(AuditEntry.id).first()
    at = first.at if first.at.tzinfo else first.at.replace(tzinfo=UTC)
    assert main([*urumqi, "audit", "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert at.astimezone(ZoneInfo(URUMQI)).strftime("%Y-%m-%d %H:%M:%S") in out


def test_a_since_without_zone_is_read_on_the_squad_clock(urumqi, capsys):
    """An hour from now on Ürümqi time: nothing yet. Read on Beijing time (the default zone)
    the same text would be an hour ago and list this test's rows."""
    now = datetime.now(ZoneInfo(URUMQI)).replace(microsecond=0, tzinfo=None)
    assert main([*urumqi, "audit", "--since", (now + timedelta(hours=1)).isoformat(),
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main([*urumqi, "audit", "--since", (now - timedelta(hours=1)).isoformat(),
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)
