"""CLI: import-clip, evidence, observations, route (after the demo footage step), cameras."""

from __future__ import annotations

import importlib
import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from app.cli import main
from app.config import resolve_paths
from app.demo import CASE_A_NO, DemoReport, footage
from app.demo.footage_render import render_clip
from app.models.db import open_database
from tests.media import make_clip, media_dir
from tests.services.evidence_helpers import make_camera, make_case


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _reuse_rendered_clips(target: Path) -> None:
    """Render the demo clips once per machine (test media cache) and copy them in."""
    cache = media_dir() / "demo_footage_v1"
    target.mkdir(parents=True, exist_ok=True)
    for cam in footage.CAMERAS:
        spec = footage.clip_spec(cam)
        cached = cache / spec.name
        if not cached.exists():
            render_clip(spec, cached)
        shutil.copyfile(cached, target / spec.name)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    """Case A from the demo plus its CCTV footage step (rendered, imported, marked)."""
    root = tmp_path_factory.mktemp("demo_footage") / "data"
    paths = resolve_paths(root).ensure()
    _reuse_rendered_clips(paths.data_dir / footage.FOOTAGE_DIR)
    engine, factory = open_database(paths.db_url)
    report = DemoReport()
    for step in ("app.demo.cases", "app.demo.footage"):
        importlib.import_module(step).seed(paths, factory, report)
    again = DemoReport()
    importlib.import_module("app.demo.footage").seed(paths, factory, again)  # idempotent
    engine.dispose()
    assert report.created["evidence"] == len(footage.CAMERAS) == 5 and "evidence" not in again.created
    return root


def test_route_after_demo_goes_through_three_cameras_in_time_order(capsys, demo_dir):
    code, out, _ = _run(capsys, "--data-dir", str(demo_dir), "route", CASE_A_NO, "--json")
    assert code == 0
    routes = json.loads(out)
    trike = next(r for r in routes if r["kind"] == "three_wheel_motorcycle")
    cams = [p["camera"] for p in trike["points"]]
    times = [datetime.fromisoformat(p["wall_time"]) for p in trike["points"]]
    assert len(set(cams)) >= 3 and times == sorted(times)
    assert trike["flagged_legs"] == 0
    assert all(10 < p["speed_kmh"] < 40 for p in trike["points"][1:])
    code, out, _ = _run(capsys, "--data-dir", str(demo_dir), "route", CASE_A_NO, "--vehicle",
                        str(trike["vehicle_id"]), "--json")
    assert json.loads(out)["points"] == trike["points"]


def test_observations_and_evidence_json_after_demo(capsys, demo_dir):
    code, out, _ = _run(capsys, "--data-dir", str(demo_dir), "observations", CASE_A_NO, "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) >= 4
    assert all(len(r["evidence_sha256"]) == 64 and r["roi"] for r in rows)
    assert any("三轮" in r["note"] for r in rows)
    assert all("key" in r["tags"] for r in rows)  # the demo's sightings are the key frames
    code, out, _ = _run(capsys, "--data-dir", str(demo_dir), "evidence", CASE_A_NO, "--json")
    items = json.loads(out)
    assert len(items) == 5 and len({i["offset_s"] for i in items}) == 5
    code, out, _ = _run(capsys, "--data-dir", str(demo_dir), "cameras", "--json")
    assert {c["code"] for c in json.loads(out)} >= {"SF-BT-001", "SF-TQ-003"}


def test_import_clip_duplicate_and_bad_file(capsys, tmp_path):
    data = tmp_path / "data"
    paths = resolve_paths(data).ensure()
    engine, factory = open_database(paths.db_url)
    make_case(factory)
    make_camera(factory, "SF-TQ-003", 27.87, 113.15, offset_s=2.0)
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
