"""Search everything a case holds: its file (``Case.search_text``), timeline text, findings and
meeting decisions, CCTV mark notes, statements and other evidence descriptions, task results.

Every term is a plain substring (``LIKE '%term%'`` on lower-cased text), so Chinese 2-character
terms ("湘潭", "麻将") match on SQLite and PostgreSQL alike (see DESIGN.md). A case matches when
every term is found somewhere in it (not necessarily in the same record).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ColumnElement, literal, or_, select, union
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from app.models import (
    Case,
    EvidenceDetail,
    EvidenceItem,
    Inquiry,
    Meeting,
    Observation,
    SearchTask,
    TimelineEvent,
)

SNIPPET = 60


@dataclass(frozen=True)
class SearchHit:
    case_id: int
    case_no: str
    source: str        # event / finding / meeting / mark / evidence / task / case
    ref_id: int
    at: datetime | None
    text: str          # the matching text, shortened around the first term


def _pattern(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class _ContainsCI(FunctionElement):
    """``column`` contains ``pattern``, ignoring ASCII case: SQLite's LIKE already does (and a
    ``lower()`` per row would double the cost), PostgreSQL needs ILIKE."""

    type = Boolean()
    inherit_cache = True
    escape = ""


class _ContainsCIEscaped(_ContainsCI):
    """The same with ``\\`` escaping ``%``/``_`` in the pattern (ESCAPE costs SQLite 2x)."""

    inherit_cache = True
    escape = " ESCAPE '\\'"


@compiles(_ContainsCI)
def _contains_default(element: _ContainsCI, compiler: SQLCompiler, **kw: Any) -> str:
    column, pattern = element.clauses
    return f"{compiler.process(column, **kw)} LIKE {compiler.process(pattern, **kw)}" \
        + element.escape


@compiles(_ContainsCI, "postgresql")
def _contains_pg(element: _ContainsCI, compiler: SQLCompiler, **kw: Any) -> str:
    column, pattern = element.clauses
    return f"{compiler.process(column, **kw)} ILIKE {compiler.process(pattern, **kw)}" \
        + element.escape


def _like(column: InstrumentedAttribute[Any], term: str) -> ColumnElement[bool]:
    if any(c in term for c in "%_\\"):
        return _ContainsCIEscaped(column, literal(_pattern(term)))
    return _ContainsCI(column, literal(f"%{term}%"))


# (source, model, case column, text columns, time column, join) — one entry per kind of record.
_Source = tuple[str, type[Any], InstrumentedAttribute[int], tuple[InstrumentedAttribute[Any], ...],
                InstrumentedAttribute[Any], tuple[type[Any], ColumnElement[bool]] | None]


def _sources() -> tuple[_Source, ...]:
    return (
        ("event", TimelineEvent, TimelineEvent.case_id,
         (TimelineEvent.title, TimelineEvent.detail, TimelineEvent.location),
         TimelineEvent.occurred_at, None),
        ("finding", Inquiry, Inquiry.case_id, (Inquiry.objective, Inquiry.findings),
         Inquiry.updated_at, None),
        ("meeting", Meeting, Meeting.case_id, (Meeting.decisions, Meeting.location),
         Meeting.held_at, None),
        ("mark", Observation, Observation.case_id, (Observation.note,), Observation.wall_time,
         None),
        ("evidence", EvidenceDetail, EvidenceItem.case_id,
         (EvidenceDetail.text, EvidenceDetail.description, EvidenceDetail.place,
          EvidenceDetail.person, EvidenceItem.original_name, EvidenceItem.notes),
         EvidenceDetail.taken_at, (EvidenceItem, EvidenceItem.id == EvidenceDetail.evidence_id)),
        ("task", SearchTask, SearchTask.case_id,
         (SearchTask.title, SearchTask.result, SearchTask.address), SearchTask.finished_at, None),
    )


def term_clause(term: str) -> ColumnElement[bool]:
    """True for a case (``Case`` row in the query) holding ``term`` anywhere (lower-cased).

    The child tables are searched once each (an uncorrelated ``IN (... UNION ...)``), not once
    per case: a text search over 10,000 cases stays as fast as the plain ``search_text`` one.
    """
    if any(c in term for c in "%_\\"):  # ESCAPE costs SQLite 2x; only when needed
        own = Case.search_text.like(_pattern(term), escape="\\")
    else:
        own = Case.search_text.like(f"%{term}%")
    subs = []
    for _source, model, case_col, cols, _at, join in _sources():
        sub = select(case_col).select_from(model)
        if join is not None:
            sub = sub.join(*join)
        subs.append(sub.where(or_(*(_like(c, term) for c in cols))))
    return or_(own, Case.id.in_(union(*subs)))


def snippet(text: str, term: str) -> str:
    low = text.lower()
    i = max(0, low.find(term) - SNIPPET // 3)
    cut = text[i:i + SNIPPET].replace("\n", " ")
    return ("…" if i else "") + cut + ("…" if i + SNIPPET < len(text) else "")


Scrub = Callable[[str | None], str | None]


def hits(session: Session, terms: list[str], case_ids: list[int] | None,
         scrub_for: Callable[[int], Scrub] | None = None) -> list[SearchHit]:
    """Records of ``case_ids`` (all when None) holding every term. With ``scrub_for`` (a case
    id's scrubber) a record is matched and shown in its scrubbed text only."""
    if not terms:
        return []
    nos = dict(session.execute(select(Case.id, Case.case_no)).all())
    found: list[SearchHit] = []
    for source, model, case_col, cols, at, join in _sources():
        conds = [or_(*(_like(c, t) for c in cols)) for t in terms]
        stmt = select(model.id if source != "evidence" else EvidenceDetail.evidence_id,
                      case_col, at, *cols)
        if join is not None:
            stmt = stmt.select_from(model).join(*join)
        if case_ids is not None:
            stmt = stmt.where(case_col.in_(case_ids))
        for row in session.execute(stmt.where(*conds)).all():
            ref, cid, when, *values = row
            blob = "\n".join(v for v in values if v)
            if scrub_for is not None:
                blob = scrub_for(cid)(blob) or ""
                if not all(t in blob.lower() for t in terms):
                    continue
            found.append(SearchHit(cid, nos.get(cid, ""), source, ref, when,
                                   snippet(blob, terms[0])))
    far = datetime.max
    return sorted(found, key=lambda h: (h.case_no, h.at.replace(tzinfo=None) if h.at else far,
                                        h.source, h.ref_id))
