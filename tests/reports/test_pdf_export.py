"""The PDF case summary, read back with poppler (pdftotext, pdffonts, pdfimages)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import cv2
import pytest
from sqlalchemy import select

from app.models import AuditEntry, Case, CustodyEvent, Observation
from app.models.db import unit_of_work
from app.models.enums import Role
from app.reports.case_data import collect_case_report
from app.reports.pdf_export import (
    PdfOptions,
    ReportCancelled,
    ReportOutputError,
    export_case_pdf,
    render_case_pdf,
)
from app.services.common.context import SYSTEM
from app.services.common.errors import PermissionDenied, ValidationError
from app.services.evidence.store import store_path
from tests.conftest import make_actor


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def pdf_text(path: Path) -> str:
    return _run("pdftotext", "-layout", str(path), "-")


def pdf_images(path: Path) -> list[list[str]]:
    lines = _run("pdfimages", "-list", str(path)).splitlines()[2:]
    return [ln.split() for ln in lines if ln.strip()]


def pdf_fonts(path: Path) -> list[list[str]]:
    return [ln.split() for ln in _run("pdffonts", str(path)).splitlines()[2:] if ln.strip()]


def _export(session_factory, paths, tmp_path, name="case.pdf", **opts):
    return export_case_pdf(session_factory, SYSTEM, "石峰-2023-0117", tmp_path / name,
                           paths.evidence_dir, PdfOptions(**opts), index_dir=paths.cache_dir)


def test_pdf_reads_back_with_facts_hashes_fonts_and_frames(case_a, session_factory, paths,
                                                           tmp_path):
    steps = []
    result = export_case_pdf(session_factory, SYSTEM, case_a["case_no"], tmp_path / "a.pdf",
                             paths.evidence_dir, progress=lambda d, t, m: steps.append((d, t)),
                             index_dir=paths.cache_dir)
    text = pdf_text(result.path)
    assert "石峰-2023-0117" in text
    assert "天桥街" in text and "三轮" in text and "湘B12345" in text
    assert case_a["sha256"] in text                      # full hash in the evidence list
    assert case_a["sha256"][:16] in text                 # short hash in the captions
    assert result.digest in text                         # digest on the last page
    assert f"第{result.pages}/{result.pages}页" in text.replace(" ", "")
    assert "报亭路水电段涵洞" in text and "依据 E" in text  # findings; inference rests on event
    fonts = pdf_fonts(result.path)
    assert fonts and all(row[-5] == "yes" for row in fonts), fonts  # every font embedded
    images = pdf_images(result.path)
    assert len(images) == 3 == result.key_frames
    assert all(row[3:5] == ["320", "240"] for row in images)
    assert result.placeholders == 0 and result.warnings == ()
    assert steps[-1][0] == steps[-1][1] and [d for d, _ in steps] == sorted(d for d, _ in steps)

    with unit_of_work(session_factory) as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "report.export_pdf")).one()
        assert result.digest in entry.payload and entry.case_id == case_a["case_id"]
        exports = s.scalars(select(CustodyEvent).where(CustodyEvent.action == "export")).all()
        assert [e.evidence_id for e in exports] == [case_a["evidence_id"]]


def test_same_content_gives_same_digest(case_a, session_factory, paths, tmp_path):
    first = _export(session_factory, paths, tmp_path, "1.pdf", sections=("facts", "persons"))
    second = _export(session_factory, paths, tmp_path, "2.pdf", sections=("facts", "persons"))
    assert first.digest == second.digest
    anon = _export(session_factory, paths, tmp_path, "3.pdf", sections=("facts", "persons"),
                   anonymize=True)
    assert anon.digest != first.digest


def test_anonymized_copy_hides_persons_and_plates(case_a, session_factory, paths, tmp_path):
    result = _export(session_factory, paths, tmp_path, anonymize=True)
    text = pdf_text(result.path)
    for secret in ("周某某", "湘B12345", "13800000000", "石峰区某养猪场"):
        assert secret not in text
    assert "人员B" in text and "湘******" in text and "脱敏版" in text
    assert "天桥街" in text  # the facts of the case stay


def test_sections_option_limits_the_report(case_a, session_factory, paths, tmp_path):
    result = _export(session_factory, paths, tmp_path, sections=("timeline",))
    text = pdf_text(result.path)
    assert "时间线" in text and "摸排走访附近养猪场" in text
    assert "证据清单" not in text and "涉案人员" not in text
    assert pdf_images(result.path) == []
    with pytest.raises(ValidationError, match="未知的报告章节"):
        _export(session_factory, paths, tmp_path, sections=("nonsense",))


def test_enhancement_as_saved_is_applied_and_named(case_a, session_factory, paths, tmp_path):
    with unit_of_work(session_factory) as s:
        obs = s.get(Observation, case_a["observation_ids"][0])
        obs.filters_json = '[{"type": "grayscale"}]'
    result = _export(session_factory, paths, tmp_path, sections=("key_frames",))
    text = pdf_text(result.path).replace("\n", "")  # the caption may wrap inside a word
    assert "已增强：灰度" in text
    assert len(pdf_images(result.path)) == 3
    subprocess.run(["pdfimages", "-j", str(result.path), str(tmp_path / "img")], check=True)
    grey, colour = (cv2.imread(str(tmp_path / f"img-00{i}.jpg")) for i in (0, 1))
    b, g, r = (int(v) for v in grey[145, 35])     # inside the blue/orange block of frame 0
    assert max(b, g, r) - min(b, g, r) < 12        # enhanced: grayscale as saved
    b, g, r = (int(v) for v in colour[145, 60])    # frame 7, not enhanced: still coloured
    assert b - r > 80
    assert grey[116, 40][2] > 150 and grey[116, 40][0] < 100  # the ROI box is drawn in red


def _break_evidence(paths, sha: str, how: str) -> None:
    path = store_path(paths.evidence_dir, sha, "mp4")
    os.chmod(path, 0o644)
    if how == "missing":
        path.unlink()
    else:
        path.write_bytes(b"not a video any more")


@pytest.mark.parametrize("how, words", [("missing", "缺少证据文件"), ("corrupt", "SHA-256 不符")])
def test_broken_evidence_gives_placeholder_and_warning(case_a, session_factory, paths, tmp_path,
                                                       how, words):
    _break_evidence(paths, case_a["sha256"], how)
    result = _export(session_factory, paths, tmp_path)
    assert result.placeholders == 3 and len(result.warnings) == 3
    assert all(words in w for w in result.warnings)
    text = pdf_text(result.path)
    assert "证据文件不可用" in text and words in text and "警告" in text
    assert pdf_images(result.path) == []
    with unit_of_work(session_factory) as s:  # nothing claims the broken file was exported
        assert s.scalars(select(CustodyEvent).where(CustodyEvent.action == "export")).all() == []


def test_case_with_missing_data_still_exports(session_factory, paths, tmp_path):
    with unit_of_work(session_factory) as s:
        s.add(Case(case_no="石峰-2024-0001", title="待补录案件"))
    result = export_case_pdf(session_factory, SYSTEM, "石峰-2024-0001", tmp_path / "m.pdf",
                             paths.evidence_dir)
    text = pdf_text(result.path)
    assert "石峰-2024-0001" in text and text.count("未记录") >= 8
    assert result.key_frames == 0


def test_unwritable_output_is_a_clear_error(case_a, session_factory, paths, tmp_path):
    with pytest.raises(ReportOutputError, match="所在文件夹不存在"):
        _export(session_factory, paths, tmp_path / "no" / "such")
    with pytest.raises(ReportOutputError, match="这是一个文件夹"):
        export_case_pdf(session_factory, SYSTEM, case_a["case_no"], tmp_path,
                        paths.evidence_dir)


@pytest.mark.parametrize("stop_after", [2, 8])  # while rendering frames / while laying out
def test_cancel_leaves_no_file(case_a, session_factory, paths, tmp_path, stop_after):
    with session_factory() as s:
        data = collect_case_report(s, SYSTEM, case_a["case_id"])
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > stop_after

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(ReportCancelled):
        render_case_pdf(data, out_dir / "c.pdf", paths.evidence_dir, cancel=cancel)
    assert list(out_dir.iterdir()) == []


def test_roles_without_export_permission_are_refused(case_a, session_factory, paths, tmp_path):
    trainer = make_actor(Role.TRAINER, squad_id=case_a["squad_id"])
    with pytest.raises(PermissionDenied):
        export_case_pdf(session_factory, trainer, case_a["case_no"], tmp_path / "t.pdf",
                        paths.evidence_dir)


def test_key_frame_limit_says_how_many_are_shown(case_a, session_factory, paths, tmp_path):
    result = _export(session_factory, paths, tmp_path, sections=("key_frames",), max_key_frames=2)
    assert result.key_frames == 2 and len(pdf_images(result.path)) == 2
    assert "3 条观察记录中的 2 条" in pdf_text(result.path).replace("\n", "")


def test_key_frames_need_evidence_export_rights(case_a, session_factory, paths, tmp_path):
    stranger = make_actor(Role.OFFICER, squad_id=case_a["squad_id"] + 100)
    with pytest.raises(PermissionDenied):
        export_case_pdf(session_factory, stranger, case_a["case_no"], tmp_path / "k.pdf",
                        paths.evidence_dir)
    assert not (tmp_path / "k.pdf").exists()
    result = export_case_pdf(session_factory, stranger, case_a["case_no"], tmp_path / "f.pdf",
                             paths.evidence_dir, PdfOptions(sections=("facts", "timeline")))
    assert result.key_frames == 0 and "天桥街" in pdf_text(result.path)


def test_runs_of_views_are_summarised_in_the_custody_table():
    from datetime import UTC, datetime, timedelta

    from app.reports.case_data import CustodyInfo
    from app.reports.pdf_sections import custody_rows

    t0 = datetime(2023, 11, 28, 0, 0, tzinfo=UTC)  # 08:00 in Zhuzhou
    log = (CustodyInfo(t0, "import", "白警官", "现场调取 DVR"),
           *(CustodyInfo(t0 + timedelta(minutes=10 * i), "view", "李警官", "") for i in range(5)),
           CustodyInfo(t0 + timedelta(hours=2), "view", "白警官", ""),
           CustodyInfo(t0 + timedelta(days=1), "view", "李警官", ""))
    rows = custody_rows(log, "Asia/Shanghai")
    assert [r[1] for r in rows] == ["导入", "查看", "查看", "查看"]
    assert rows[1][3] == "查看 5 次，至 08:40:00" and rows[2][2] == "白警官"
    assert rows[3][0].startswith("2023-11-29")
