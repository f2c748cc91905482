"""Full-text search over the records of the cases a reader may see (``fulltext`` does the
matching).

A trainer reads closed cases anonymized only: the records are matched and shown in the
anonymized text, so a real name, ID number or phone finds nothing and no snippet shows one
(searching raw text would tell a trainer which case a named person is in).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import Role
from app.services.casefile.access import load_case
from app.services.casefile.cases import case_with_scrubber
from app.services.casefile.fulltext import Scrub, SearchHit, hits, snippet
from app.services.casefile.search_text import text_of_case
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import PermissionDenied


def _scrubs(session: Session, actor: Actor) -> Callable[[int], Scrub] | None:
    """Per-case scrubbers for a trainer (built once per case with a hit), else None."""
    if actor.role is not Role.TRAINER:
        return None
    made: dict[int, Scrub] = {}

    def scrub_for(case_id: int) -> Scrub:
        if case_id not in made:
            made[case_id] = case_with_scrubber(session, actor, case_id)[1]
        return made[case_id]
    return scrub_for


def search_case(session: Session, actor: Actor, case_id: int, text: str) -> list[SearchHit]:
    """Every record of one case holding all terms of ``text`` (each record on its own)."""
    case = load_case(session, actor, case_id)
    terms = (text or "").lower().split()
    scrub_for = _scrubs(session, actor)
    found = hits(session, terms, [case.id], scrub_for)
    own = case.search_text or "" if scrub_for is None else text_of_case(session, case.id,
                                                                         scrub_for(case.id))
    if terms and all(t in own.lower() for t in terms):
        found.insert(0, SearchHit(case.id, case.case_no, "case", case.id, case.occurred_at,
                                  snippet(own, terms[0])))
    return found


def anonymized_matches(session: Session, actor: Actor, terms: list[str],
                       case_ids: list[int]) -> set[int]:
    """Those of ``case_ids`` (found by the raw text) whose text, anonymized as ``actor`` reads
    it, still holds every term somewhere: in the case file or in any of its records."""
    scrub_for = _scrubs(session, actor)
    if scrub_for is None or not case_ids:
        return set(case_ids)
    in_records = [{h.case_id for h in hits(session, [t], case_ids, scrub_for)} for t in terms]
    kept = set()
    for cid in case_ids:
        own = text_of_case(session, cid, scrub_for(cid))
        if all(t in own or cid in in_records[n] for n, t in enumerate(terms)):
            kept.add(cid)
    return kept


def search_all(session: Session, actor: Actor, text: str) -> list[SearchHit]:
    """Matching records across every case the actor may read."""
    require(actor, Perm.CASE_READ)
    visible = []
    for case in session.scalars(select(Case)).all():
        try:
            require(actor, Perm.CASE_READ, case)
        except PermissionDenied:
            continue
        visible.append(case.id)
    return hits(session, (text or "").lower().split(), visible, _scrubs(session, actor))
