"""What every view is handed: the data dir, the database, the signed-in user, the settings."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths
from app.services.common.context import Actor
from app.ui.settings import Settings


@dataclass
class AppContext:
    """What every view needs: where the data is, how to reach the DB, who is acting."""

    paths: AppPaths
    engine: Engine
    sessions: sessionmaker[Session]
    actor: Actor
    settings: Settings
    initial_case_no: str | None = None  # select this case at start (e.g. the demo's Case A)
