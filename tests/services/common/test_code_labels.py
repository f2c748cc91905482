"""The one label table and the one local-time formatter (Qt-free)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.i18n import language, set_language
from app.models import Case, Squad
from app.services.common import code_labels
from app.services.common.clock import DEFAULT_TZ, format_local, stamp_from_name, zone

CORE = ("models", "services", "video", "timeread", "reports", "commands", "demo")
APP = Path(__file__).resolve().parents[3] / "app"


@pytest.fixture
def chinese():
    before = language()
    set_language("zh_CN")
    code_labels.clear_cache()
    yield
    set_language(before)
    code_labels.clear_cache()


def test_local_time_is_shown_in_the_cases_zone():
    at = datetime(2023, 11, 27, 21, 55, tzinfo=UTC)
    assert format_local(at, "Asia/Shanghai") == "2023-11-28 05:55"
    assert format_local(at, "Europe/Berlin", "%H:%M:%S") == "22:55:00"
    assert format_local(at, None) == format_local(at, DEFAULT_TZ)
    assert format_local(at, "Mars/Olympus") == format_local(at, DEFAULT_TZ)  # unknown → default
    assert format_local(None, "Asia/Shanghai") == ""
    assert zone("") == zone(DEFAULT_TZ)
    stamp = stamp_from_name("ch01_20231128055500.mp4", "")
    assert stamp is not None and stamp.utcoffset() == zone(DEFAULT_TZ).utcoffset(stamp)


def test_the_model_default_zone_is_the_clocks():
    assert Case.__table__.c.tz.default.arg == DEFAULT_TZ
    assert Squad.__table__.c.tz.default.arg == DEFAULT_TZ
    assert Squad.__table__.c.tz.server_default.arg == DEFAULT_TZ


def test_no_zone_literal_in_the_core_outside_clock():
    literal = re.compile(r"[\"']Asia/Shanghai[\"']")
    found = [str(p.relative_to(APP)) for pkg in CORE for p in (APP / pkg).rglob("*.py")
             if literal.search(p.read_text(encoding="utf-8"))]
    assert sorted(found) == ["models/case.py", "models/migrations/versions/0008_squad_tz.py",
                             "models/org.py", "services/common/clock.py"], found


def test_every_label_has_chinese(chinese):
    for kind in code_labels.kinds():
        english = code_labels.table(kind, str)
        for code, word in code_labels.labels(kind).items():
            assert word != english[code] or word in ("SUV",), (kind, code, word)


def test_unknown_codes_come_back_unchanged_and_none_is_not_recorded(chinese):
    assert code_labels.label("status", "archived") == "archived"
    assert code_labels.label("status", None) == code_labels.unrecorded() == "未记录"
    assert code_labels.word("vehicle_role", "victim") == "被害人车辆"
