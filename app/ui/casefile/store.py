"""The GUI's one door to the case-file services: a unit of work per call, change signals.

Every call runs ``fn(session, actor, ...)`` inside ``unit_of_work`` (commit on success, roll back
on error) and returns the service's frozen DTO. Errors are the services' own (ValidationError,
ConflictError, ...); callers show them. After a change the store emits ``case_changed(case_id)``
(or ``case_created`` / ``case_deleted``) so the list and the editor refresh.

Child records ("person", "vehicle", "meeting", "inquiry", "event") share one add / update /
delete path through a table of the service functions themselves (grep and mypy follow them).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session, sessionmaker

from app.models.db import unit_of_work
from app.models.enums import Role
from app.services.casefile import (
    cases,
    inquiries,
    persons,
    record_search,
    search,
    timeline,
    vehicles,
)
from app.services.casefile.dto import (
    CaseDetail,
    CaseFilter,
    CaseInput,
    CasePage,
    CaseSummary,
    ChangeNote,
)
from app.services.common.context import Actor
from app.services.org import officers

log = logging.getLogger(__name__)

# kind -> (add, update, delete, "takes a ChangeNote")
_RECORD_OPS: dict[str, tuple[Callable[..., Any], Callable[..., Any], Callable[..., Any], bool]] = {
    "person": (persons.add_person, persons.update_person, persons.delete_person, True),
    "vehicle": (vehicles.add_vehicle, vehicles.update_vehicle, vehicles.delete_vehicle, True),
    "meeting": (inquiries.add_meeting, inquiries.update_meeting, inquiries.delete_meeting, False),
    "inquiry": (inquiries.add_inquiry, inquiries.update_inquiry, inquiries.delete_inquiry, True),
    "event": (timeline.add_event, timeline.update_event, timeline.delete_event, False),
}
RECORD_KINDS = tuple(_RECORD_OPS)


@dataclass(frozen=True, slots=True)
class ListView:
    """What the lazy case list needs to show a filter: ordered ids, first rows, total cases."""

    filt: CaseFilter
    ids: tuple[int, ...]
    rows: tuple[CaseSummary, ...]
    total: int | None  # None: not counted (unchanged)


def _narrows(filt: CaseFilter) -> bool:
    return bool(filt.statuses or filt.date_from or filt.date_to or filt.officer_id is not None
                or filt.squad_id is not None or filt.text.strip() or not filt.include_training)


class CaseStore(QObject):
    """See module doc. Lives in the GUI thread; calls are short DB transactions."""

    case_created = Signal(int)
    case_changed = Signal(int)
    case_deleted = Signal(int)

    def __init__(self, sessions: sessionmaker[Session], actor: Actor, parent: QObject | None = None):
        super().__init__(parent)
        self.sessions = sessions
        self.actor = actor
        self.warming: threading.Thread | None = None
        if actor.role is Role.TRAINER:   # a trainer's text filter reads anonymized text
            self.warming = threading.Thread(target=self._keep_scrubbers, daemon=True,
                                            name="trainer-scrubbers")
            self.warming.start()

    def _keep_scrubbers(self) -> None:
        try:
            with self.sessions() as session:
                record_search.keep_scrubbers(session, self.actor)
        except Exception:  # noqa: BLE001 - only a head start: the filter makes what is missing
            log.exception("making the trainer's scrubbers ahead failed")

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``fn(session, actor, *args, **kwargs)`` in one transaction."""
        with unit_of_work(self.sessions) as session:
            return fn(session, self.actor, *args, **kwargs)

    # -- reading -------------------------------------------------------------------------
    def list_cases(self, filt: CaseFilter | None = None) -> CasePage:
        return self.run(search.list_cases, filt or CaseFilter())

    def search_ids(self, text: str) -> set[int]:
        return set(self.case_ids(CaseFilter(text=text, sort="id")))

    def case_ids(self, filt: CaseFilter | None = None) -> tuple[int, ...]:
        """Ids matching ``filt`` in its order (filtering and sorting in SQL; fast at 10k)."""
        return self.run(search.case_ids, filt or CaseFilter())

    def summaries(self, ids: Sequence[int]) -> list[CaseSummary]:
        """List rows for ``ids`` in that order (gone or hidden ids are skipped)."""
        return self.run(search.summaries, ids)

    def list_view(self, filt: CaseFilter, first: int, total: bool = True) -> ListView:
        """One transaction: the ids for ``filt``, its first ``first`` rows and (``total``) the
        number of cases with no filter (free when ``filt`` narrows nothing)."""
        with unit_of_work(self.sessions) as session:
            ids = search.case_ids(session, self.actor, filt)
            rows = search.summaries(session, self.actor, ids[:first])
            count = None
            if total:
                count = len(ids) if not _narrows(filt) else \
                    search.list_cases(session, self.actor, CaseFilter(limit=0)).total
        return ListView(filt, ids, tuple(rows), count)

    def summary(self, case_id: int) -> CaseSummary:
        return self.run(search.case_summary, case_id)

    def detail(self, case_id: int | str) -> CaseDetail:
        return self.run(cases.get_case, case_id)

    def officers(self) -> list:
        return self.run(officers.list_officers)

    def squads(self) -> list:
        return self.run(officers.list_squads)

    # -- the case ------------------------------------------------------------------------
    def create_case(self, data: CaseInput) -> CaseDetail:
        detail = self.run(cases.create_case, data)
        self.case_created.emit(detail.id)
        return detail

    def update_case(self, case_id: int, data: CaseInput, expected_version: int | None,
                    note: ChangeNote | None = None) -> CaseDetail:
        detail = self.run(cases.update_case, case_id, data,
                          expected_version=expected_version, note=note)
        self.case_changed.emit(case_id)
        return detail

    def delete_case(self, case_id: int, expected_version: int | None, reason: str = "") -> None:
        self.run(cases.delete_case, case_id,
                 expected_version=expected_version, reason=reason)
        self.case_deleted.emit(case_id)

    def change_status(self, case_id: int, to_status: str, reason: str,
                      expected_version: int | None = None) -> CaseDetail:
        detail = self.run(cases.change_status, case_id, to_status,
                          reason=reason, expected_version=expected_version)
        self.case_changed.emit(case_id)
        return detail

    # -- child records -------------------------------------------------------------------
    def add_record(self, kind: str, case_id: int, data: Any, note: ChangeNote | None = None):
        add, _u, _d, takes_note = _RECORD_OPS[kind]
        kwargs = {"note": note} if takes_note and note is not None else {}
        dto = self.run(add, case_id, data, **kwargs)
        self.case_changed.emit(case_id)
        return dto

    def update_record(self, kind: str, case_id: int, record_id: int, data: Any,
                      expected_version: int | None, note: ChangeNote | None = None):
        _a, update, _d, takes_note = _RECORD_OPS[kind]
        kwargs = {"note": note} if takes_note and note is not None else {}
        dto = self.run(update, record_id, data,
                       expected_version=expected_version, **kwargs)
        self.case_changed.emit(case_id)
        return dto

    def delete_record(self, kind: str, case_id: int, record_id: int,
                      expected_version: int | None, reason: str = "") -> None:
        _a, _u, delete, _n = _RECORD_OPS[kind]
        self.run(delete, record_id, expected_version=expected_version,
                 reason=reason)
        self.case_changed.emit(case_id)
