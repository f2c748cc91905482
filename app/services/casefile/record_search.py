"""Full-text search over the records of the cases a reader may see (``fulltext`` does the
matching).

A trainer reads closed cases anonymized only: the records are matched and shown in the
anonymized text, so a real name, ID number or phone finds nothing and no snippet shows one
(searching raw text would tell a trainer which case a named person is in).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.models import AuditEntry, Case
from app.models.enums import CaseStatus, Role
from app.services.casefile.access import load_case
from app.services.casefile.cases import case_with_scrubber
from app.services.casefile.fulltext import Scrub, SearchHit, hits, snippet
from app.services.casefile.search_text import text_of_case
from app.services.common.context import Actor, Perm, require
from app.services.common.errors import PermissionDenied

# A case's scrubber and anonymized own text, by what they are made of (see _stamps): a trainer's
# list filter asks for them for every candidate case, and building one loads the whole case.
_MADE: OrderedDict[tuple, tuple[Scrub, str]] = OrderedDict()
_MADE_MAX = 4096
_MADE_LOCK = threading.Lock()
_CHUNK = 500


def _stamps(session: Session, case_ids: list[int]) -> dict[int, tuple]:
    """Per case, what its scrubber depends on: the database, the case's search text (the
    identities of its file) and its last audited change (persons, vehicles, call-outs, ...)."""
    engine = session.connection().engine
    where = (str(engine.url), id(engine))    # two in-memory databases share a URL
    out: dict[int, tuple] = {}
    for i in range(0, len(case_ids), _CHUNK):
        chunk = case_ids[i:i + _CHUNK]
        last = dict(session.execute(
            select(AuditEntry.case_id, func.max(AuditEntry.id))
            .where(AuditEntry.case_id.in_(chunk)).group_by(AuditEntry.case_id)).all())
        for cid, no, text in session.execute(select(Case.id, Case.case_no, Case.search_text)
                                             .where(Case.id.in_(chunk))):
            out[cid] = (where, cid, no, text, last.get(cid))
    return out


class _Scrubs:
    """Per-case scrubbers for a trainer and the case file's text as they read it."""

    def __init__(self, session: Session, actor: Actor, case_ids: list[int]) -> None:
        self._session, self._actor = session, actor
        self._stamps = _stamps(session, case_ids)
        self._made: dict[int, tuple[Scrub, str]] = {}

    def _get(self, case_id: int) -> tuple[Scrub, str]:
        if case_id not in self._made:
            stamp = self._stamps.get(case_id)
            with _MADE_LOCK:
                made = _MADE.get(stamp) if stamp is not None else None
            if made is None:
                scrub = case_with_scrubber(self._session, self._actor, case_id)[1]
                made = scrub, text_of_case(self._session, case_id, scrub)
                if stamp is not None:
                    with _MADE_LOCK:
                        _MADE[stamp] = made
                        while len(_MADE) > _MADE_MAX:
                            _MADE.popitem(last=False)
            self._made[case_id] = made
        return self._made[case_id]

    def __call__(self, case_id: int) -> Scrub:
        return self._get(case_id)[0]

    def own_text(self, case_id: int) -> str:
        return self._get(case_id)[1]


def keep_scrubbers(session: Session, actor: Actor) -> int:
    """Make and keep the scrubber of every case a trainer may read (run off the GUI thread when
    a trainer signs in), so the list's first text filter does not wait for them; how many."""
    if actor.role is not Role.TRAINER:
        return 0
    ids = list(session.scalars(select(Case.id).where(
        or_(Case.status == CaseStatus.CLOSED.value, Case.is_training.is_(True)))))
    scrubs = _Scrubs(session, actor, ids)
    for case_id in ids:
        scrubs.own_text(case_id)
    return len(ids)


def _scrubs(session: Session, actor: Actor, case_ids: list[int]) -> _Scrubs | None:
    """Per-case scrubbers for a trainer, else None."""
    return _Scrubs(session, actor, case_ids) if actor.role is Role.TRAINER else None


def search_case(session: Session, actor: Actor, case_id: int, text: str) -> list[SearchHit]:
    """Every record of one case holding all terms of ``text`` (each record on its own)."""
    case = load_case(session, actor, case_id)
    terms = (text or "").lower().split()
    scrub_for = _scrubs(session, actor, [case.id])
    found = hits(session, terms, [case.id], scrub_for)
    own = case.search_text or "" if scrub_for is None else scrub_for.own_text(case.id)
    if terms and all(t in own.lower() for t in terms):
        found.insert(0, SearchHit(case.id, case.case_no, "case", case.id, case.occurred_at,
                                  snippet(own, terms[0])))
    return found


def anonymized_matches(session: Session, actor: Actor, terms: list[str],
                       case_ids: list[int]) -> set[int]:
    """Those of ``case_ids`` (found by the raw text) whose text, anonymized as ``actor`` reads
    it, still holds every term somewhere: in the case file or in any of its records."""
    scrub_for = _scrubs(session, actor, case_ids)
    if scrub_for is None or not case_ids:
        return set(case_ids)
    in_records = [{h.case_id for h in hits(session, [t], case_ids, scrub_for)} for t in terms]
    return {cid for cid in case_ids
            if all(t in scrub_for.own_text(cid) or cid in in_records[n]
                   for n, t in enumerate(terms))}


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
    return hits(session, (text or "").lower().split(), visible, _scrubs(session, actor, visible))
