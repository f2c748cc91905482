"""The PDF's facts table comes from the case's field declaration (``CaseInput``, ``report``):
read back from a real PDF with pdftotext."""

from __future__ import annotations

import dataclasses

from app.reports.pdf_export import PdfOptions, export_case_pdf
from app.reports.record_rows import field_label
from app.services.casefile import fields
from app.services.casefile.dto import CaseInput
from app.services.common.context import SYSTEM
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
