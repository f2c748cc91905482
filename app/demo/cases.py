"""Demo step "cases": the squad and officers, Case A, Case B and ~50 generated cases.

``app.demo.key_cases`` runs the first part alone (what the GUI needs before its window).

Idempotent: a case whose number exists is left alone; each case is seeded in its own transaction
so an interrupted run leaves only whole cases behind.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths
from app.demo import CASE_A_NO, CASE_B_NO, DemoReport, case_a, case_b, generated
from app.demo.helpers import Org, ensure_org
from app.models import Case
from app.models.db import unit_of_work

WEIGHT = 5  # relative cost (see app.demo); Case A and B are done by key_cases already


def _case_id(session: Session, case_no: str) -> int | None:
    return session.scalar(select(Case.id).where(Case.case_no == case_no))


def seed_key_cases(session_factory: sessionmaker[Session], report: DemoReport) -> Org:
    """The squad and officers, Case A and Case B (each case in its own transaction)."""
    with unit_of_work(session_factory) as session:
        org, created = ensure_org(session)
        for kind, n in created.items():
            if n:
                report.add(kind, n)
    for case_no, module in ((CASE_A_NO, case_a), (CASE_B_NO, case_b)):
        with unit_of_work(session_factory) as session:
            if _case_id(session, case_no) is None:
                module.seed(session, org)
                report.add("cases")
    with unit_of_work(session_factory) as session:
        report.selected_case_no = CASE_A_NO
        report.selected_case_id = _case_id(session, CASE_A_NO)
    return org


def seed(paths: AppPaths, session_factory: sessionmaker[Session], report: DemoReport) -> None:
    org = seed_key_cases(session_factory, report)
    specs = generated.specs()
    for i, spec in enumerate(specs):
        report.step_progress(i, len(specs))
        with unit_of_work(session_factory) as session:
            if _case_id(session, spec.case_no) is None:
                generated.seed_one(session, org, spec)
                report.add("cases")
