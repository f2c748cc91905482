"""The bench shows CCTV times on the open case's own clock (``Case.tz``), not a fixed zone:
the read-out, the evidence list, the observation list and the go-to-time dialog."""

from __future__ import annotations

import json
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from app.models import Case
from app.models.db import unit_of_work
from app.services.common.clock import DEFAULT_TZ
from app.services.common.context import SYSTEM
from app.services.evidence import observations
from app.ui.review import export_controller
from tests.helpers.databases import DB_BACKENDS, database
from tests.ui.review.conftest import BenchContext


@pytest.fixture(params=DB_BACKENDS)
def db(request, paths):
    """Both backends here (see tests/ui/review/conftest.py): PostgreSQL keeps times as timestamptz."""
    yield from database(request, paths)


URUMQI = ZoneInfo("Asia/Urumqi")  # two hours behind Beijing time


@pytest.fixture
def west_panel(qtbot, review_world):
    """The bench on the review world's case after its zone was set to Asia/Urumqi."""
    from app.ui.review.review_panel import ReviewPanel

    w = review_world
    with unit_of_work(w["factory"]) as s:
        s.execute(update(Case).where(Case.id == w["ids"]["case"]).values(tz="Asia/Urumqi"))
    p = ReviewPanel(BenchContext(w["paths"], w["engine"], w["factory"], SYSTEM))
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    qtbot.waitUntil(lambda: p.player is not None and p.player.shown_index == 0, timeout=15000)
    yield p
    p.shutdown()


def test_the_read_out_and_the_lists_show_the_cases_local_hour(qtbot, west_panel):
    p = west_panel
    assert p.shown.name == "Asia/Urumqi" and p.shown.name != DEFAULT_TZ
    wall = p.player.wall_time(0)
    local, beijing = wall.astimezone(URUMQI), wall.astimezone(ZoneInfo(DEFAULT_TZ))
    assert local.hour == (beijing.hour - 2) % 24
    assert local.strftime("%Y-%m-%d %H:%M:%S") in p.clip_view.readout.text()
    assert beijing.strftime("%H:%M:%S") not in p.clip_view.readout.text()
    row = next(r for r, e in enumerate(p.evidence_items) if e.id == p.player.evidence.id)
    assert p.evidence_table.item(row, 0).text() == \
        p.player.evidence.wall_start.astimezone(URUMQI).strftime("%H:%M:%S")
    ev = p.player.evidence
    with unit_of_work(p.context.sessions) as s:
        observations.add_observation(s, SYSTEM, observations.ObservationInput(
            evidence_id=ev.id, frame_index=50, pts_s=2.0, note="三轮车"))
    p.reload_observations()
    time_cell = p.obs_model.index(0, 0).data()
    assert time_cell == ev.wall_time(2.0).astimezone(URUMQI).strftime("%H:%M:%S.%f")[:12]


def test_go_to_time_offers_and_reads_the_cases_clock(qtbot, west_panel, monkeypatch):
    p = west_panel
    target = p.player.wall_time(100)
    asked: dict[str, str] = {}

    def answer(_parent, _title, label, text=""):
        asked.update(label=label, text=text)
        return target.astimezone(URUMQI).strftime("%H:%M:%S"), True

    monkeypatch.setattr(export_controller.QInputDialog, "getText", staticmethod(answer))
    p.exports.goto_time()
    assert asked["text"] == p.player.wall_time(0).astimezone(URUMQI).strftime("%H:%M:%S")
    assert "Asia/Urumqi" in asked["label"]
    qtbot.waitUntil(lambda: p.player.shown_index == 100 == p.player.index, timeout=10000)
    # the same words on a Beijing clock would be two hours later: no footage then
    two_later = (target + timedelta(hours=2)).astimezone(URUMQI).strftime("%H:%M:%S")
    p.exports.goto_local_time(two_later)
    assert p.player.index == 100


def test_a_snapshot_names_and_captions_the_cases_local_time(qtbot, west_panel, tmp_path):
    p = west_panel
    handle = p.exports.export_snapshot(tmp_path / "snap.png")
    assert handle.wait(20000) and handle.error is None, handle.error
    meta = json.loads(handle.result.sidecar.read_text("utf-8"))
    local = p.player.evidence.wall_time(meta["pts"]).astimezone(URUMQI)
    assert meta["time_zone"] == "Asia/Urumqi"
    assert meta["corrected_time_local"].startswith(local.strftime("%Y-%m-%d %H:%M:%S"))
    assert local.strftime("%Y-%m-%d %H:%M:%S") in meta["caption"]
