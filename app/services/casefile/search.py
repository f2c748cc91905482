"""Case lookup and the case list query.

Chinese search: SQLite's FTS tokenizers cannot match 2-character Chinese terms ("三轮"), so every
case keeps ``search_text`` (:mod:`search_text`: the lower-cased text of the case, its persons
and vehicles) and a search is ``search_text LIKE '%term%'`` for each space-separated term (all
must match) — or the term in the case's timeline, findings, marks, statements or tasks
(``fulltext``). A trainer's terms must also hold in the anonymized text (``record_search``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, TypeVarTuple

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    Dialect,
    Select,
    and_,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy import case as sql_case
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.types import TypeEngine

from app.i18n import _
from app.models import Case, Inquiry, Officer, Person, Squad, Vehicle
from app.models.enums import CaseStatus, Role
from app.services.casefile.access import load_case
from app.services.casefile.dto import (
    CaseFilter,
    CasePage,
    CaseSummary,
)
from app.services.casefile.fulltext import term_clause
from app.services.casefile.record_search import anonymized_matches
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import ValidationError
from app.services.common.limits import search_terms

_CHUNK = 500
AnyRows = Select[*tuple[Any, ...]]  # a select of any columns


def _to_utc(value: object) -> datetime | None:
    """Stored naive UTC (SQLite: ISO string; other engines: datetime) → aware UTC."""
    if value is None:
        return None
    if isinstance(value, str):
        return datetime.fromisoformat(value + "+00:00")
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC)
    raise TypeError(f"not a stored time: {value!r}")


class _FastUTC(TypeEngine[datetime]):
    """Read-only stand-in for ``UTCDateTime`` in the list query: same result, one C call."""

    def result_processor(self, dialect: Dialect,
                         coltype: object) -> Callable[[object], datetime | None]:
        return _to_utc


def _dt(column: InstrumentedAttribute[datetime | None]) -> ColumnElement[datetime]:
    return type_coerce(column, _FastUTC())


_LIST_COLUMNS = (
    Case.id, Case.case_no, Case.title, Case.status, _dt(Case.occurred_at), _dt(Case.reported_at),
    Case.tz, Case.district, Case.road, Case.address, Case.lead_officer_id, Officer.name,
    Case.squad_id, Squad.name, _dt(Case.solved_at), _dt(Case.closed_at), Case.is_training,
    _dt(Case.updated_at), Case.version,
)
SortKey = InstrumentedAttribute[Any] | ColumnElement[Any]
SORT_KEYS: dict[str, SortKey] = {
    "case_no": Case.case_no, "title": Case.title, "status": Case.status,
    "occurred_at": Case.occurred_at, "reported_at": Case.reported_at, "district": Case.district,
    "road": Case.road, "lead_officer": Officer.name, "squad": Squad.name,
    "updated_at": Case.updated_at, "id": Case.id,
}
_OPEN_INQUIRY = ("open", "active")
# Keys for list columns that are not one plain column (correlated subqueries use the case_id
# indexes): workflow order of the status, place, first vehicle's kind, open/all inquiries.
WORKFLOW_ORDER = ("reported", "investigating", "suspect_identified", "suspended", "solved",
                  "closed")
SORT_KEYS |= {
    "workflow": sql_case({s: i for i, s in enumerate(WORKFLOW_ORDER)}, value=Case.status,
                         else_=len(WORKFLOW_ORDER)),
    "place": func.coalesce(Case.district, "").concat(" ").concat(func.coalesce(Case.road, ""))
             .concat(" ").concat(func.coalesce(Case.address, "")),
    "vehicles": select(Vehicle.kind).where(Vehicle.case_id == Case.id).order_by(Vehicle.id)
                .limit(1).correlate(Case).scalar_subquery(),
    "inquiries": func.coalesce(select(func.sum(sql_case((Inquiry.status.in_(_OPEN_INQUIRY),
                                                          1001), else_=1)))
                               .where(Inquiry.case_id == Case.id).correlate(Case)
                               .scalar_subquery(), 0),
}


def _filtered(actor: Actor, filt: CaseFilter, columns: tuple[Any, ...],
              joins: bool = True) -> AnyRows:
    conds: list[ColumnElement[bool]] = []
    if filt.statuses:
        bad = [s for s in filt.statuses if s not in CaseStatus._value2member_map_]
        if bad:
            raise ValidationError({"statuses": _("Unknown case status: {status}", status=bad[0])})
        conds.append(Case.status.in_(filt.statuses))
    if filt.date_from is not None:
        conds.append(Case.occurred_at >= filt.date_from)
    if filt.date_to is not None:
        conds.append(Case.occurred_at < filt.date_to)
    if filt.officer_id is not None:
        conds.append(Case.lead_officer_id == filt.officer_id)
    if filt.squad_id is not None:
        conds.append(Case.squad_id == filt.squad_id)
    if not filt.include_training:
        conds.append(Case.is_training.is_(False))
    for term in search_terms(filt.text):  # the case file, its timeline, marks, tasks, ...
        conds.append(term_clause(term))
    if filt.only is not None:
        conds.append(Case.id.in_(filt.only))
    if actor.role is Role.TRAINER:  # trainers see closed cases and training packages only
        conds.append(or_(Case.status == CaseStatus.CLOSED.value, Case.is_training.is_(True)))
    stmt = select(*columns)
    if joins:
        stmt = (stmt.outerjoin(Officer, Officer.id == Case.lead_officer_id)
                .outerjoin(Squad, Squad.id == Case.squad_id))
    else:
        stmt = stmt.select_from(Case)
    return stmt.where(and_(*conds)) if conds else stmt


def _ordered(stmt: AnyRows, filt: CaseFilter) -> AnyRows:
    if filt.sort not in SORT_KEYS:
        raise ValidationError({"sort": _("Unknown sort column: {column}", column=filt.sort)})
    key: SortKey = SORT_KEYS[filt.sort]
    if search_terms(filt.text):  # every row is scanned for the text anyway: a scan + sort of the hits
        key = func.coalesce(key, key)  # beats walking the sort index (2x at 10k, SQLite)
    if filt.descending:
        return stmt.order_by(key.desc().nulls_last(), Case.id.desc())
    return stmt.order_by(key.asc().nulls_last(), Case.id.asc())


_Ts = TypeVarTuple("_Ts")


def _core(session: Session, stmt: Select[*_Ts]) -> CursorResult[*_Ts]:
    """Run a Core select on the session's connection (flushed first): no ORM row overhead."""
    session.flush()
    return session.connection().execute(stmt)


def _as_read(session: Session, actor: Actor, filt: CaseFilter) -> CaseFilter:
    """A trainer's text search keeps only the cases whose anonymized text holds every term:
    matching the raw text would tell which closed case a named person is in. Other readers
    search the raw text (in SQL)."""
    terms = search_terms(filt.text)
    if actor.role is not Role.TRAINER or not terms:
        return filt
    found = _core(session, _filtered(actor, replace(filt, limit=None, offset=0), (Case.id,),
                                     joins=False)).scalars().all()
    kept = anonymized_matches(session, actor, terms, list(found))
    return replace(filt, text="", only=tuple(i for i in found if i in kept))


def list_cases(session: Session, actor: Actor, filt: CaseFilter | None = None) -> CasePage:
    """The case list: filtered, sorted, every row (or one page with ``limit``/``offset``).

    For very long lists prefer :func:`case_ids` + :func:`summaries` (load rows as they scroll
    into view): 10,000 full rows cost a few hundred ms in Python, ids + one page a few ms.
    """
    require(actor, Perm.CASE_READ)
    filt = _as_read(session, actor, filt or CaseFilter())
    base = _filtered(actor, filt, _LIST_COLUMNS)
    page = _ordered(base, filt)
    if filt.limit is not None:
        page = page.limit(filt.limit).offset(filt.offset)
    elif filt.offset:
        page = page.offset(filt.offset)
    rows = _core(session, page).all()
    if filt.limit is None and not filt.offset:
        total = len(rows)
    else:
        total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    if not rows:
        return CasePage(total, ())
    scope: list[int] | AnyRows | None
    if filt.limit is not None:
        scope = [r[0] for r in rows]
    elif _is_everything(actor, filt):
        scope = None                       # every case: scan the child tables once
    else:
        scope = select(base.subquery().c.id)
    return CasePage(total, _summaries(session, rows, scope))


def case_ids(session: Session, actor: Actor, filt: CaseFilter | None = None) -> tuple[int, ...]:
    """Ids of the cases matching ``filt``, in its sort order (the lazy list's backbone)."""
    require(actor, Perm.CASE_READ)
    filt = _as_read(session, actor, filt or CaseFilter())
    joins = filt.sort in ("lead_officer", "squad")  # the other keys need no join
    stmt = _ordered(_filtered(actor, filt, (Case.id,), joins), filt)
    if filt.limit is not None:
        stmt = stmt.limit(filt.limit).offset(filt.offset)
    elif filt.offset:
        stmt = stmt.offset(filt.offset)
    return tuple(_core(session, stmt).scalars())


def summaries(session: Session, actor: Actor, ids: Sequence[int]) -> list[CaseSummary]:
    """List rows for ``ids`` in that order (ids gone or not visible to ``actor`` are skipped)."""
    require(actor, Perm.CASE_READ)
    found: dict[int, CaseSummary] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = list(ids[i:i + _CHUNK])
        rows = _core(session, _filtered(actor, CaseFilter(), _LIST_COLUMNS)
                     .where(Case.id.in_(chunk))).all()
        found.update((s.id, s) for s in _summaries(session, rows, chunk))
    return [found[i] for i in ids if i in found]


def _is_everything(actor: Actor, filt: CaseFilter) -> bool:
    return (not filt.statuses and filt.date_from is None and filt.date_to is None
            and filt.officer_id is None and filt.squad_id is None and not filt.text.strip()
            and filt.include_training and actor.role is not Role.TRAINER)


def _summaries(session: Session, rows: Sequence[Any],
               scope: list[int] | AnyRows | None) -> tuple[CaseSummary, ...]:
    """List rows + per-case vehicle kinds and counts (``scope``: ids, id subquery or None=all)."""
    def within(column: InstrumentedAttribute[int]) -> tuple[ColumnElement[bool], ...]:
        return () if scope is None else (column.in_(scope),)

    kinds: dict[int, list[str]] = defaultdict(list)
    n_vehicles: dict[int, int] = defaultdict(int)
    for cid, kind in _core(session, select(Vehicle.case_id, Vehicle.kind)
                                     .where(*within(Vehicle.case_id))
                                     .order_by(Vehicle.case_id, Vehicle.id)):
        n_vehicles[cid] += 1
        if kind not in kinds[cid]:
            kinds[cid].append(kind)
    persons: dict[int, int] = dict(_core(session, select(Person.case_id, func.count())
                                         .where(*within(Person.case_id))
                                         .group_by(Person.case_id)).all())
    inquiries = {cid: (n, int(n_open or 0)) for cid, n, n_open in _core(session,
        select(Inquiry.case_id, func.count(),
               func.sum(sql_case((Inquiry.status.in_(_OPEN_INQUIRY), 1), else_=0)))
        .where(*within(Inquiry.case_id)).group_by(Inquiry.case_id))}
    none = (0, 0)
    return tuple(
        CaseSummary(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11] or "",
                    r[12], r[13] or "", tuple(kinds.get(r[0], ())), persons.get(r[0], 0),
                    n_vehicles.get(r[0], 0), *inquiries.get(r[0], none),
                    r[14], r[15], bool(r[16]), r[17], r[18])
        for r in rows)


def case_summary(session: Session, actor: Actor, case_id: int) -> CaseSummary:
    """One list row (after an edit, the UI refreshes just that row)."""
    case = load_case(session, actor, case_id)
    rows = _core(session, _filtered(actor, CaseFilter(), _LIST_COLUMNS)
                 .where(Case.id == case.id)).all()
    return _summaries(session, rows, [case.id])[0]
