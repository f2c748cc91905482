"""CLI: import-clip, evidence, observations, route (after the demo footage step), cameras."""

from __future__ import annotations

import importlib
import json
from datetime import datetime

import pytest

from app.cli import main
from app.config import resolve_paths
from app.demo import CASE_A_NO, DemoReport, footage
from app.demo.users import DEMO_PASSWORD
from app.models.db import open_database, unit_of_work
from app.services.org import users
from tests.demo_data import copy_demo
from tests.helpers.evidence import case_with_vehicles, make_camera
from tests.media import make_clip


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    """A copy of the full demo: Case A plus its CCTV footage (rendered, imported, marked)."""
    return copy_demo(tmp_path_factory.mktemp("demo_footage") / "data")


def test_footage_step_is_idempotent(capsys, tmp_path):
    paths = resolve_paths(copy_demo(tmp_path / "data")).ensure()
    engine, factory = open_database(paths.db_url)
    again = DemoReport()
    importlib.import_module("app.demo.footage").seed(paths, factory, again)
    engine.dispose()
    assert "evidence" not in again.created and "observations" not in again.created
    code, out, _ = _run(capsys, "--data-dir", str(paths.data_dir), "evidence", CASE_A_NO, "--json")
    names = {footage.clip_spec(c).name for c in footage.CAMERAS}  # the footage step's clips
    clips = [e for e in json.loads(out) if e["original_name"] in names]
    assert code == 0 and len(clips) == len(footage.CAMERAS) == 5


def test_route_after_demo_goes_through_three_cameras_in_time_order(capsys, demo_dir):
    code, out, _ = _run(capsys, "--data-dir", str(demo_dir), "route", CASE_A_NO, "--json")
    assert code == 0
    routes = json.loads(out)
    trike = next(r for r in routes if r["kind"] == "three_wheel_motorcycle")
    cams = [p["camera"] for p in trike["points"]]
    times = [datetime.fromisoformat(p["wall_time"]) for p in trike["points"]]
    assert len(set(cams)) >= 3 and times == sorted(times)
    assert trike["flagged_legs"] == 0
    # a loaded tricycle: never faster than 80 km/h (hours later, far away, the average is slow)
    assert all(0 < p["speed_kmh"] < 80 for p in trike["points"][1:])
    code, out, _ = _run(capsys, "--data-dir", str(demo_dir), "route", CASE_A_NO, "--vehicle",
                        str(trike["vehicle_id"]), "--json")
    assert json.loads(out)["points"] == trike["points"]


def test_observations_and_evidence_json_after_demo(capsys, demo_dir):
    code, out, _ = _run(capsys, "--data-dir", str(demo_dir), "observations", CASE_A_NO, "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) >= 4
    assert all(len(r["evidence_sha256"]) == 64 and r["roi"] for r in rows)
    assert any("三轮" in r["note"] for r in rows)
    assert sum("key" in r["tags"] for r in rows) >= 4  # the demo's sightings are key frames
    code, out, _ = _run(capsys, "--data-dir", str(demo_dir), "evidence", CASE_A_NO, "--json")
    names = {footage.clip_spec(c).name for c in footage.CAMERAS}  # the footage step's clips
    items = [e for e in json.loads(out) if e["original_name"] in names]
    assert len(items) == 5 and len({i["offset_s"] for i in items}) == 5
    code, out, _ = _run(capsys, "--data-dir", str(demo_dir), "cameras", "--json")
    assert {c["code"] for c in json.loads(out)} >= {"SF-BT-001", "SF-TQ-003"}


def test_import_clip_duplicate_and_bad_file(capsys, tmp_path):
    data = tmp_path / "data"
    paths = resolve_paths(data).ensure()
    engine, factory = open_database(paths.db_url)
    case_with_vehicles(factory)
    make_camera(factory, "SF-TQ-003", 27.87, 113.15, offset_s=2.0)
    with unit_of_work(factory) as s:  # the administrator the CLI signs in as
        users.create_first_admin(s, "admin", "系统管理员", DEMO_PASSWORD)
    engine.dispose()
    clip = make_clip("h264_mp4", frames=30, fps=25, gop=25)
    args = ("--data-dir", str(data), "import-clip", CASE_A_NO, str(clip), "--camera", "SF-TQ-003",
            "--acquisition", "platform_export", "--start", "2023-11-28T05:56:52+08:00", "--json")
    code, out, _ = _run(capsys, *args)
    first = json.loads(out)
    assert code == 0 and not first["duplicate"] and first["evidence"]["offset_s"] == 2.0
    assert first["evidence"]["wall_start"].startswith("2023-11-27T21:56:54")
    other = make_clip("mpeg4_avi", frames=30, fps=25, gop=25)
    code, out, _ = _run(capsys, "--data-dir", str(data), "import-clip", CASE_A_NO, str(other),
                        "--scan", "--json")
    sha = json.loads(out)["evidence"]["sha256"]
    assert code == 0 and (paths.cache_dir / "activity" / f"{sha}.json").is_file()
    code, out, _ = _run(capsys, *args)
    assert json.loads(out)["duplicate"] and json.loads(out)["evidence"]["id"] == first["evidence"]["id"]
    bad = tmp_path / "坏文件.avi"
    bad.write_bytes(b"not a video at all" * 50)
    code, out, err = _run(capsys, "--data-dir", str(data), "import-clip", CASE_A_NO, str(bad))
    assert code == 1 and "坏文件.avi" in err and "错误" in err
    code, out, err = _run(capsys, "--data-dir", str(data), "import-clip", CASE_A_NO, str(clip),
                          "--start", "yesterday at six")
    assert code == 1 and "ISO 8601" in err
    code, out, err = _run(capsys, "--data-dir", str(data), "import-clip", "石峰-1999-0001", str(clip))
    assert code == 1 and "石峰-1999-0001" in err


def test_import_clip_rescue_keeps_the_recording_and_its_copy(capsys, tmp_path):
    """``import-clip --rescue``: a dashcam file cut off by the crash, with the recording before
    it as reference; without one the words say what to give."""
    from tests.killed_recordings import killed_recording

    data = tmp_path / "data"
    paths = resolve_paths(data).ensure()
    engine, factory = open_database(paths.db_url)
    case_with_vehicles(factory)
    with unit_of_work(factory) as s:
        users.create_first_admin(s, "admin", "系统管理员", DEMO_PASSWORD)
    engine.dispose()
    k = killed_recording(audio="pcm", inband=False, bframes=2, ext=".mov")
    base = ("--data-dir", str(data), "import-clip", CASE_A_NO, str(k.path))
    code, _out, err = _run(capsys, *base, "--rescue")
    assert code == 1 and "SPS/PPS" in err and k.path.name in err
    code, out, _ = _run(capsys, *base, "--reference", str(k.reference), "--json")
    copy = json.loads(out)["evidence"]
    assert code == 0 and copy["frame_count"] == len(k.codes) and copy["derived_from_id"]
    code, out, _ = _run(capsys, "--data-dir", str(data), "evidence", CASE_A_NO, "--json")
    kinds = {e["id"]: e["kind"] for e in json.loads(out)}
    assert kinds[copy["derived_from_id"]] == "source" and sorted(kinds.values()) == [
        "source", "video", "video"]
