"""Demo data: the two cases of STORY.md plus ~50 generated cases (``casedesk --demo``).

``seed_demo`` runs the modules named in ``DEMO_STEPS`` in order; each has
``seed(paths, session_factory, report) -> None`` and must be idempotent (running the demo twice
leaves the same data). Other topics append their module to ``DEMO_STEPS``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths

CASE_A_NO = "石峰-2023-0117"
CASE_B_NO = "石峰-2020-0093"

DEMO_STEPS: list[str] = ["app.demo.cases", "app.demo.users", "app.demo.callouts", "app.demo.footage",
                         "app.demo.investigation"]

Progress = Callable[[int, int, str], None]


@dataclass
class DemoReport:
    """What the seeding did: per-kind counts of rows created now (0 on a re-run)."""

    created: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    selected_case_no: str = CASE_A_NO       # the case the GUI opens on
    selected_case_id: int | None = None

    def add(self, kind: str, n: int = 1) -> None:
        self.created[kind] = self.created.get(kind, 0) + n

    def as_dict(self) -> dict:
        return {"created": dict(self.created), "notes": list(self.notes),
                "steps": list(self.steps), "selected_case_no": self.selected_case_no,
                "selected_case_id": self.selected_case_id}


def seed_demo(paths: AppPaths, session_factory: sessionmaker[Session], *,
              progress: Progress | None = None) -> DemoReport:
    """Seed every demo step (idempotent); ``progress(done, total, step_name)`` per step."""
    report = DemoReport()
    total = len(DEMO_STEPS)
    for i, name in enumerate(DEMO_STEPS):
        if progress is not None:
            progress(i, total, name)
        importlib.import_module(name).seed(paths, session_factory, report)
        report.steps.append(name)
    if progress is not None:
        progress(total, total, "")
    return report
