"""What every view is handed: the data dir, the database, the signed-in user, the settings."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.config import AppPaths
from app.models.db import unit_of_work
from app.services.common import coded_text
from app.services.common.context import Actor
from app.services.evidence import custody
from app.services.org.officers import squad_zone
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
    # False for ``--screenshot`` runs: rendering a view is not a viewing by anyone, so nothing
    # is written to the chain of custody (views, verifications).
    records_access: bool = True
    # The signed-in user's squad zone (IANA name): the zone of views over many cases (case-list
    # dates, call-outs, new case numbers). "" = look it up once, at construction. Views of one
    # case use that case's own ``tz``.
    tz: str = ""

    def __post_init__(self) -> None:
        if not self.tz:
            with self.sessions() as s:
                self.tz = squad_zone(s, self.actor)

    def log_view(self, evidence_id: int, code: str, **params: object) -> None:
        """A custody "viewed" entry (``code``: a :mod:`coded_text` detail) — unless nobody looks."""
        if not self.records_access:
            return
        with unit_of_work(self.sessions) as s:
            custody.record_view(s, self.actor, evidence_id, coded_text.encode(code, **params))
