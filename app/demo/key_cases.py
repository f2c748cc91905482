"""Demo step "key_cases": the squad, Case A and Case B — what ``casedesk --demo`` needs before
its window opens on Case A. The ~50 generated cases follow in the step "cases" (behind the
window in the GUI). Idempotent, like every demo step.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths
from app.demo import DemoReport
from app.demo.cases import seed_key_cases

WEIGHT = 1


def seed(paths: AppPaths, session_factory: sessionmaker[Session], report: DemoReport) -> None:
    seed_key_cases(session_factory, report)
