"""casedesk-cli init / demo / cases / show, text and JSON."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.demo import CASE_A_NO
from tests.demo_data import copy_demo


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> str:
    """A copy of the fully seeded demo (built once: tests.demo_data)."""
    return str(copy_demo(tmp_path_factory.mktemp("cli") / "data"))


def test_init_creates_a_migrated_database(tmp_path, capsys):
    data = tmp_path / "fresh"
    code, out, _ = _cli(capsys, "--data-dir", str(data), "init", "--json")
    info = json.loads(out)
    assert code == 0 and info["revision"] and (data / "casedesk.sqlite3").exists()
    code, out, _ = _cli(capsys, "--data-dir", str(data), "init")
    assert code == 0 and "数据库已就绪" in out


def test_demo_then_cases_json_lists_case_a(demo_dir, capsys):
    code, out, _ = _cli(capsys, "--data-dir", demo_dir, "cases", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) >= 50
    a = next(r for r in rows if r["case_no"] == CASE_A_NO)
    assert a["inquiry_count"] == 4 and a["vehicle_count"] == 2
    assert a["status"] == "solved" and a["status_label"] == "已破案"
    assert a["occurred_at"] == "2023-11-28T06:02:00+08:00"
    assert a["vehicle_kinds"] == ["three_wheel_motorcycle", "two_wheel_ebike"]


def test_demo_again_creates_nothing(demo_dir, capsys):
    code, out, _ = _cli(capsys, "--data-dir", demo_dir, "demo", "--json")
    report = json.loads(out)
    assert code == 0 and report["created"] == {} and report["selected_case_no"] == CASE_A_NO


def test_cases_text_and_filters(demo_dir, capsys):
    code, out, err = _cli(capsys, "--data-dir", demo_dir, "cases", "--text", "三轮",
                          "--from", "2023-11-28", "--to", "2023-11-28")
    assert code == 0 and CASE_A_NO in out and "已破案" in out and "三轮摩托车" in out
    assert err.strip() == "共 1 起案件"
    code, out, _ = _cli(capsys, "--data-dir", demo_dir, "cases", "--json", "--status", "closed")
    assert {r["status"] for r in json.loads(out)} == {"closed"}
    code, _, err = _cli(capsys, "--data-dir", demo_dir, "cases", "--from", "28.11.2023")
    assert code == 1 and "YYYY-MM-DD" in err


def test_show_json_has_the_whole_file(demo_dir, capsys):
    code, out, _ = _cli(capsys, "--data-dir", demo_dir, "show", CASE_A_NO, "--json")
    data = json.loads(out)
    assert code == 0 and data["case_no"] == CASE_A_NO
    assert {"persons", "vehicles", "inquiries", "meetings", "timeline", "status_history"} <= set(data)
    assert len(data["inquiries"]) == 4 and len(data["vehicles"]) == 2
    assert any(p["name"] == "周某" for p in data["persons"])
    assert data["timeline"][0]["occurred_at"].endswith("+08:00")
    code, out, _ = _cli(capsys, "--data-dir", demo_dir, "show", str(data["id"]))
    assert code == 0 and "第四组" in out and "麻将馆" in out


def test_show_unknown_case_is_a_plain_error(demo_dir, capsys):
    code, out, err = _cli(capsys, "--data-dir", demo_dir, "show", "石峰-1999-0001")
    assert code == 1 and out == "" and "不存在" in err and "Traceback" not in err


def test_a_reader_that_leaves_early_is_not_an_error(demo_dir, monkeypatch):
    """`casedesk-cli cases | head -1`: the closed pipe ends the command quietly, exit 0."""
    import subprocess
    import sys

    shell = (f"{sys.executable} -m app.cli --data-dir {demo_dir} cases --json | head -c 1 "
             ">/dev/null; exit ${PIPESTATUS[0]}")
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Broken pipe" not in done.stderr and "错误" not in done.stderr
