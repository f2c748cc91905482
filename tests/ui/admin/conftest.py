"""Admin UI fixtures: the main window over the demo data as a given signed-in user."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Squad
from app.models.db import unit_of_work
from app.services.common.context import SYSTEM
from app.services.org import users


@pytest.fixture
def make_window(qtbot, zh_ui, demo_db, ui_settings):
    """``make_window(role)``: a real user of ``role`` (password Pass-1234) and its window."""
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow

    paths, engine, factory = demo_db
    made = []

    def make(role: str = "admin", username: str | None = None):
        with unit_of_work(factory) as s:
            squad = s.scalar(select(Squad.id).order_by(Squad.id)) if role == "officer" else None
            dto = users._create(s, SYSTEM, username or f"u-{role}", f"{role}用户", role,
                                "Pass-1234", squad, None, False)
        context = AppContext(paths=paths, engine=engine, sessions=factory,
                             actor=users.actor_of(dto), settings=ui_settings)
        window = MainWindow(context)
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(20000)  # no frame decode outlives the window
    for w in made:
        lock = getattr(w, "idle_lock", None)
        if lock is not None:
            lock.set_minutes(0)
