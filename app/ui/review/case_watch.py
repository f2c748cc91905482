"""The review bench follows its case's evidence list as it changes.

Clips imported elsewhere (another workstation, the demo's footage finishing behind the window,
the import dialog of the investigation view) appear in the evidence list within one poll; a
corrected camera clock moves the list's times. The open clip, its frame and the selection stay.
Only a change to the case's evidence reloads: this workstation's own marks do not make the
lists flicker.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from app.models.db import unit_of_work
from app.services.common.context import Actor
from app.services.common.errors import ServiceError
from app.services.evidence import items
from app.services.evidence.clips import list_evidence
from app.ui.change_watcher import ChangeWatcher
from app.ui.context import AppContext

POLL_S = 3.0

Shape = list[tuple[int, datetime | None, float | None]]


class WatchHost(Protocol):
    context: AppContext
    case_id: int | None
    evidence_items: list[items.EvidenceDTO]

    def reload(self) -> None: ...
    def open_evidence_id(self) -> int | None: ...
    def highlight_evidence(self, evidence_id: int) -> None: ...


def bench_evidence(session: Session, actor: Actor, case_id: int) -> list[items.EvidenceDTO]:
    """The case's clips and stills (photos, statements, audio: the investigation view)."""
    return [e for e in list_evidence(session, actor, case_id)
            if e.media_kind in ("video", "image")]


def shape(evidence: list[items.EvidenceDTO]) -> Shape:
    """What the evidence list shows that another workstation can change."""
    return [(e.id, e.wall_start, e.offset_s) for e in evidence]


class CaseWatch(QObject):
    """Polls the change counter; reloads the host when its case's evidence list changed."""

    def __init__(self, host: WatchHost, parent: QObject, interval_s: float = POLL_S):
        super().__init__(parent)
        self._host = host
        self.watcher = ChangeWatcher(host.context.sessions, interval_s, self)
        self.watcher.changes_detected.connect(self.on_changes)
        self.watcher.everything_changed.connect(lambda: self.on_changes(None))

    def start(self) -> None:
        """Poll while the bench is on screen (a hidden bench has nothing to keep fresh); what
        changed while it was hidden is caught up at once."""
        if not self.watcher.is_running():
            self.watcher.start()
            self.on_changes(None)

    def on_changes(self, case_ids: set[int] | None) -> bool:
        """``case_ids`` touched (None: everything); True when the host was reloaded."""
        host = self._host
        if host.case_id is None or (case_ids is not None and host.case_id not in case_ids):
            return False
        try:
            with unit_of_work(host.context.sessions) as s:
                fresh = bench_evidence(s, host.context.actor, host.case_id)
        except ServiceError:
            return False  # e.g. the case left this user's reach: the next open says so
        if shape(fresh) == shape(host.evidence_items):
            return False
        open_id = host.open_evidence_id()
        host.reload()
        if open_id is not None:
            host.highlight_evidence(open_id)
        return True

    def stop(self, wait_ms: int = 0) -> None:
        self.watcher.stop(wait_ms)
