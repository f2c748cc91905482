"""CLI: canvass (deadlines), attach (non-video evidence), request-letter + hand-over, story,
search and cases --text finding timeline text."""

from __future__ import annotations

import hashlib
import json
import subprocess
from datetime import timedelta

from PIL import Image

from app.cli import main
from app.config import resolve_paths
from app.demo.users import DEMO_PASSWORD
from app.models.db import open_database, unit_of_work
from app.services.casefile import timeline
from app.services.casefile.dto import EventInput
from app.services.common.context import SYSTEM
from app.services.evidence.exif import exif_bytes
from app.services.investigation import canvass
from app.services.org import users
from tests.helpers.investigation import T0, case_with_vehicles, make_camera, set_retention


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _setup(tmp_path):
    paths = resolve_paths(tmp_path / "data").ensure()
    engine, factory = open_database(paths.db_url)
    ids = case_with_vehicles(factory)
    cam = make_camera(factory, "SF-TQ-012", 27.8655, 113.1590)
    set_retention(factory, cam, 30)
    with unit_of_work(factory) as s:
        users.create_first_admin(s, "admin", "系统管理员", DEMO_PASSWORD)  # the CLI signs in
        canvass.add_camera(s, SYSTEM, ids["case"], cam)
        timeline.add_event(s, SYSTEM, ids["case"], EventInput(
            occurred_at=T0 + timedelta(hours=10), kind="arrest", title="在一麻将馆内将周某抓获"))
    engine.dispose()
    return paths, ids


def test_canvass_attach_letter_story_and_search(capsys, tmp_path):
    paths, ids = _setup(tmp_path)
    d = ["--data-dir", str(paths.data_dir)]
    code, out, _ = _run(capsys, *d, "canvass", "石峰-2023-0117", "--json",
                        "--now", "2023-12-26T06:00:00+08:00")
    rows = json.loads(out)
    assert code == 0 and rows[0]["code"] == "SF-TQ-012" and rows[0]["urgent"]
    assert rows[0]["status"] == "to_ask" and rows[0]["retention_days"] == 30
    assert rows[0]["footage_lost_at"].startswith("2023-12-27T22:00")   # 06:00 +08:00, UTC
    photo = tmp_path / "血迹.jpg"
    Image.new("RGB", (32, 24), (120, 0, 0)).save(
        photo, exif=exif_bytes(T0 + timedelta(minutes=40), 27.8722, 113.1577))
    code, out, _ = _run(capsys, *d, "attach", "石峰-2023-0117", str(photo), "--kind", "photo",
                        "--description", "现场血迹", "--json")
    got = json.loads(out)
    assert code == 0 and got["kind"] == "photo"
    assert got["evidence"]["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert got["detail"]["lat"] is not None and got["detail"]["taken_at"]
    code, _, err = _run(capsys, *d, "attach", "石峰-2023-0117", str(photo), "--kind", "audio")
    assert code == 1 and "不是此类证据支持的文件" in err
    pdf = tmp_path / "调证.pdf"
    code, out, _ = _run(capsys, *d, "request-letter", "石峰-2023-0117", "SF-TQ-012", "--out",
                        str(pdf), "--unit", "石峰交警大队事故中队", "--json")
    letter = json.loads(out)
    assert letter["pdf_sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "调取证据通知书" in text and "SF-TQ-012" in text and "30 天" in text
    engine, factory = open_database(paths.db_url)
    make_camera(factory, "SF-HP-005", 27.8612, 113.1611)
    engine.dispose()
    code, out, _ = _run(capsys, *d, "canvass", "石峰-2023-0117", "--add", "SF-HP-005",
                        "--status", "SF-HP-005=nothing_relevant", "--json")
    assert code == 0
    assert {r["code"]: r["status"] for r in json.loads(out)}["SF-HP-005"] == "nothing_relevant"
    code, out, _ = _run(capsys, *d, "hand-over", str(letter["id"]), "--to", "王经理")
    assert code == 0 and "王经理" in out
    code, out, _ = _run(capsys, *d, "story", "石峰-2023-0117", "--json")
    sources = {r["source"] for r in json.loads(out)}
    assert {"event", "evidence", "request", "canvass", "custody"} <= sources
    code, out, _ = _run(capsys, *d, "cases", "--text", "麻将", "--json")
    assert code == 0 and "石峰-2023-0117" in out
    code, out, _ = _run(capsys, *d, "search", "麻将", "--json")
    assert [h["source"] for h in json.loads(out)] == ["event"]


def test_the_investigation_commands_act_as_the_signed_in_user(capsys, tmp_path, monkeypatch):
    """They ran as the system account: a trainer could read an open case's tasks, story and
    canvass, and what an officer attached was logged as 系统."""
    from sqlalchemy import select

    from app.models import AuditEntry
    from app.models.enums import Role
    from tests.conftest import make_actor
    paths, _ids = _setup(tmp_path)
    engine, factory = open_database(paths.db_url)
    with unit_of_work(factory) as s:
        users.create_user(s, make_actor(Role.ADMIN), "trainer1", "教官", Role.TRAINER.value,
                          DEMO_PASSWORD, must_change_password=False)
    d = ["--data-dir", str(paths.data_dir)]
    note = tmp_path / "询问笔录.txt"
    note.write_text("证人称看见一辆蓝色三轮车。", encoding="utf-8")
    monkeypatch.setenv("CASEDESK_USER", "trainer1")
    for argv in (["tasks", "石峰-2023-0117"], ["story", "石峰-2023-0117"],
                 ["canvass", "石峰-2023-0117"], ["search", "麻将", "--case", "石峰-2023-0117"],
                 ["attach", "石峰-2023-0117", str(note), "--kind", "statement"]):
        code, out, err = _run(capsys, *d, *argv)
        assert code != 0 and out == "" and err.startswith("错误"), argv
    code, out, _ = _run(capsys, *d, "search", "麻将")
    assert code == 0 and "石峰-2023-0117" not in out               # an open case: not shown
    monkeypatch.setenv("CASEDESK_USER", "admin")
    code, _out, _err = _run(capsys, *d, "attach", "石峰-2023-0117", str(note), "--kind",
                            "statement", "--at", "2023-11-28T09:40:00")
    assert code == 0
    with factory() as s:
        row = s.scalars(select(AuditEntry).where(AuditEntry.action == "evidence.import")
                        .order_by(AuditEntry.id.desc())).first()
    engine.dispose()
    assert row is not None and row.username == "admin"
