"""Demo data: the two cases of STORY.md plus ~50 generated cases (``casedesk --demo``).

``seed_demo`` runs the modules named in ``DEMO_STEPS`` in order; each has
``seed(paths, session_factory, report) -> None`` and must be idempotent (running the demo twice
leaves the same data). Other topics append their module to ``DEMO_STEPS``.

Progress is honest: a step module may set ``WEIGHT`` (its cost relative to the others, default
1) and call ``report.step_progress(done, total)`` as it goes; ``progress(done, total, step)``
then moves in proportion to the work. Steps named in ``BACKGROUND_STEPS`` (the generated
cases, the call-out log, rendering and importing the CCTV clips) are the slow ones: the GUI
opens its window on Case A after the others and runs these behind it (``app.ui.demo_startup``);
the CLI runs everything in order.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths

CASE_A_NO = "石峰-2023-0117"
CASE_B_NO = "石峰-2020-0093"

DEMO_STEPS: list[str] = ["app.demo.key_cases", "app.demo.users", "app.demo.cases",
                         "app.demo.callouts", "app.demo.footage"]
BACKGROUND_STEPS: set[str] = {"app.demo.cases", "app.demo.callouts", "app.demo.footage"}

Progress = Callable[[int, int, str], None]


@dataclass
class DemoReport:
    """What the seeding did: per-kind counts of rows created now (0 on a re-run)."""

    created: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    selected_case_no: str = CASE_A_NO       # the case the GUI opens on
    selected_case_id: int | None = None
    on_step_progress: Callable[[int, int], None] | None = field(default=None, repr=False)

    def step_progress(self, done: int, total: int) -> None:
        """How far the running step is (``done`` of ``total`` units of its own)."""
        if self.on_step_progress is not None:
            self.on_step_progress(done, total)

    def add(self, kind: str, n: int = 1) -> None:
        self.created[kind] = self.created.get(kind, 0) + n

    def as_dict(self) -> dict:
        return {"created": dict(self.created), "notes": list(self.notes),
                "steps": list(self.steps), "selected_case_no": self.selected_case_no,
                "selected_case_id": self.selected_case_id}


def split_steps() -> tuple[list[str], list[str]]:
    """(steps to run before the window, steps to run behind it), each in ``DEMO_STEPS`` order."""
    return ([n for n in DEMO_STEPS if n not in BACKGROUND_STEPS],
            [n for n in DEMO_STEPS if n in BACKGROUND_STEPS])


def seed_demo(paths: AppPaths, session_factory: sessionmaker[Session], *,
              progress: Progress | None = None, steps: Sequence[str] | None = None,
              report: DemoReport | None = None) -> DemoReport:
    """Seed ``steps`` (default: every demo step; idempotent).

    ``progress(done, total, step_name)`` counts weighted work units (see the module doc); the
    last call is ``(total, total, "")``.
    """
    report = report or DemoReport()
    modules = [(name, importlib.import_module(name)) for name in (steps or DEMO_STEPS)]
    units = [100 * getattr(module, "WEIGHT", 1) for _, module in modules]
    total, done = sum(units), 0
    for (name, module), size in zip(modules, units, strict=True):
        if progress is not None:
            def step(k: int, n: int, base: int = done, size: int = size, name: str = name) -> None:
                progress(base + size * min(k, n) // max(n, 1), total, name)

            report.on_step_progress = step
            progress(done, total, name)
        module.seed(paths, session_factory, report)
        report.steps.append(name)
        done += size
    report.on_step_progress = None
    if progress is not None:
        progress(total, total, "")
    return report
