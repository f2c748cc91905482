"""Every PDF report carries the signed audit head; verify uses it as an anchor."""

from __future__ import annotations

import sqlite3

from app.models import Case
from app.models.db import unit_of_work
from app.reports.pdf_export import export_case_pdf
from app.services.admin import verify
from app.services.common import anchors, audit
from app.services.common.context import SYSTEM
from tests.reports.test_pdf_export import pdf_text


def _case(factory) -> None:
    with unit_of_work(factory) as s:
        case = Case(case_no="石峰-2024-0001", title="待补录案件")
        s.add(case)
        s.flush()
        audit.record(s, SYSTEM, "case.create", entity_type="case", entity_id=case.id,
                     case_id=case.id)


def test_pdf_carries_a_signed_anchor_that_verify_checks(session_factory, paths, tmp_path,
                                                        db_backend):
    _case(session_factory)
    result = export_case_pdf(session_factory, SYSTEM, "石峰-2024-0001", tmp_path / "m.pdf",
                             paths.evidence_dir)
    found = anchors.in_file(result.path)
    assert len(found) == 1 and found[0].signature_ok() and found[0].length >= 1
    assert "审计锚点" in pdf_text(result.path)
    with session_factory() as s:
        assert verify.verify_data(s, paths.evidence_dir, anchor_files=(result.path,)).ok()
    if db_backend != "sqlite":
        return
    con = sqlite3.connect(paths.db_path)  # drop the row the report vouched for
    con.execute("DELETE FROM audit_entry WHERE id = 1")
    con.commit()
    con.close()
    with session_factory() as s:
        report = verify.verify_data(s, paths.evidence_dir, anchor_files=(result.path,))
    assert any(p.kind == "anchor" and str(result.path) in p.where for p in report.errors)
