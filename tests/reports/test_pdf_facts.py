"""The PDF's facts table comes from the case's field declaration (``CaseInput``, ``report``)
and its evidence section lists the recordings of a joined export: read back with pdftotext."""

from __future__ import annotations

import dataclasses

from sqlalchemy import update

from app.models import Case
from app.models.db import unit_of_work
from app.reports.pdf_export import PdfOptions, export_case_pdf
from app.reports.record_rows import field_label
from app.services.casefile import fields
from app.services.casefile.dto import CaseInput
from app.services.common.context import SYSTEM
from app.services.evidence import clips as evidence
from tests.formats import make_variant
from tests.helpers.evidence import case_with_vehicles, make_camera
from tests.reports.test_pdf_export import pdf_text

FACTS = ["辖区", "道路", "地址", "行驶方向", "光照", "天气", "伤亡情况"]


def _facts_pdf(session_factory, paths, tmp_path, name: str) -> str:
    result = export_case_pdf(session_factory, SYSTEM, "石峰-2023-0117", tmp_path / name,
                             paths.evidence_dir, PdfOptions(sections=("facts",)),
                             index_dir=paths.cache_dir)
    return pdf_text(result.path)


def _facts_lines(text: str) -> list[str]:
    """The lines of the facts table: from the section title to the narrative heading."""
    lines = text.splitlines()
    start = next(i for i, ln in enumerate(lines) if "案情与经过" in ln or "基本案情" in ln)
    end = next(i for i, ln in enumerate(lines) if i > start and ln.strip() == "案情经过")
    return [ln.strip() for ln in lines[start + 1:end] if ln.strip()]


def test_facts_rows_are_the_declared_report_fields_in_order(case_a, session_factory, paths,
                                                            tmp_path):
    assert [field_label(f) for f in fields.declared(CaseInput) if f.report] == FACTS
    text = _facts_pdf(session_factory, paths, tmp_path, "facts.pdf")
    rows = _facts_lines(text)
    assert [next(lab for lab in FACTS if r.startswith(lab)) for r in rows
            if any(r.startswith(lab) for lab in FACTS)] == FACTS
    found = {lab: r[len(lab):].strip() for r in rows for lab in FACTS if r.startswith(lab)}
    assert found["道路"] == "天桥街" and found["地址"] == "天桥街北段"
    assert found["光照"] == "夜间，路灯昏暗" and found["行驶方向"] == "北向南"


def test_a_field_marked_for_the_report_gets_a_row(case_a, session_factory, paths, tmp_path,
                                                  monkeypatch):
    declared = tuple(dataclasses.replace(f, report=True) if f.name == "title" else f
                     for f in fields.declared(CaseInput))
    monkeypatch.setitem(fields._DECLARED, CaseInput, declared)
    rows = _facts_lines(_facts_pdf(session_factory, paths, tmp_path, "title.pdf"))
    assert rows[0].startswith("案件名称") and "天桥街" in rows[0]


def test_the_evidence_section_lists_the_recordings_of_a_joined_export(session_factory, paths,
                                                                      tmp_path):
    """A joined DVR export (clock set back 90 s between its two recordings): each recording's
    start by the camera clock and corrected (+65 s), in the case's zone, and its frames."""
    ids = case_with_vehicles(session_factory)
    with unit_of_work(session_factory) as s:       # a squad in Xinjiang: its case's clock
        s.execute(update(Case).where(Case.id == ids["case"]).values(tz="Asia/Urumqi"))
    cam = make_camera(session_factory, "DAV1", 27.0, 113.0, offset_s=65.0)
    v = make_variant("dav_joined", frames=100)
    # the file's own naive clocks are read in the case's zone at import
    evidence.import_clip(session_factory, paths, SYSTEM, ids["case"], v.path, camera_id=cam)
    result = export_case_pdf(session_factory, SYSTEM, "石峰-2023-0117", tmp_path / "joined.pdf",
                             paths.evidence_dir, PdfOptions(sections=("evidence",)),
                             index_dir=paths.cache_dir)
    text = pdf_text(result.path)
    assert "本文件拼接的各段录像" in text
    second = v.segments[1]
    table = text[text.index("本文件拼接的各段录像"):]
    rows = [ln.split() for ln in table.splitlines() if ln.strip()[:1] in ("1", "2")][:2]
    assert rows[0] == ["1", "2023-11-28", "06:00:00", "2023-11-28", "06:01:05", f"0–{second - 1}"]
    assert rows[1] == ["2", "2023-11-28", "05:58:30", "2023-11-28", "05:59:35", f"{second}–99"]


def test_a_single_recording_gets_no_recordings_table(case_a, session_factory, paths, tmp_path):
    result = export_case_pdf(session_factory, SYSTEM, "石峰-2023-0117", tmp_path / "one.pdf",
                             paths.evidence_dir, PdfOptions(sections=("evidence",)),
                             index_dir=paths.cache_dir)
    text = pdf_text(result.path)
    assert case_a["sha256"] in text and "本文件拼接的各段录像" not in text
