"""The denormalised search text of a case: the lower-cased text of the case, its persons and
vehicles (with the words a user may type for a code). Services that change any of that text
call :func:`refresh_search_text` after flushing."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from app.models import Case, Person, Vehicle
from app.services.casefile import fields
from app.services.casefile.dto import CaseInput, PersonInput, VehicleInput

# Words a user may type for a code; they go into the search text next to the code itself.
KIND_WORDS: dict[str, str] = {
    "three_wheel_motorcycle": "三轮摩托车 三轮车 three-wheeled motorcycle tricycle",
    "two_wheel_ebike": "两轮电动车 电动自行车 电瓶车 e-bike",
    "motorcycle": "摩托车 motorcycle",
    "car": "小汽车 轿车 car",
    "suv": "越野车 suv",
    "van": "面包车 van",
    "truck": "货车 卡车 truck",
    "bus": "客车 公交车 bus",
    "bicycle": "自行车 bicycle",
    "other": "",
}
ROLE_WORDS: dict[str, str] = {
    "victim": "受害人 伤者", "suspect": "嫌疑人", "witness": "证人 目击者",
    "reporting_party": "报案人",
}
# A searchable code field's words by its code table; a set flag's words by field name.
CODE_WORDS: dict[str, dict[str, str]] = {"person_role": ROLE_WORDS, "vehicle_kind": KIND_WORDS}
FLAG_WORDS: dict[str, str] = {"unlicensed": "无牌 unlicensed"}


def _norm(text: str | None) -> str:
    return (text or "").strip().lower()


def case_search_text(case: Case, persons: list[Person], vehicles: list[Vehicle],
                     scrub: Callable[[str | None], str | None] | None = None) -> str:
    """The lower-cased text a case is found by; with ``scrub``, as an anonymized reader finds
    it (each value scrubbed before it is lower-cased: "湘b7k392" is no plate to a scrubber)."""
    parts: list[str | None] = []
    for cls, rows in ((CaseInput, [case]), (PersonInput, persons), (VehicleInput, vehicles)):
        for row in rows:
            parts += [_search_word(f, value) for f, value in fields.search_values(cls, row)]
    if scrub is not None:
        parts = [scrub(p) for p in parts]
    return "\n".join(_norm(p) for p in parts if p)


def _search_word(f: fields.Field, value: object) -> str | None:
    """What a declared searchable field adds to the search text."""
    if f.kind == "check":
        return FLAG_WORDS.get(f.name, f.label) if value else None
    if f.codes is not None:
        return CODE_WORDS.get(f.codes, {}).get(str(value))
    return value if isinstance(value, str) else None


def text_of_case(session: Session, case_id: int,
                 scrub: Callable[[str | None], str | None] | None = None) -> str:
    """:func:`case_search_text` of the case's flushed rows ("" for no such case)."""
    case = session.get(Case, case_id)
    if case is None:
        return ""
    persons = list(session.scalars(select(Person).where(Person.case_id == case_id)
                                   .order_by(Person.id)))
    vehicles = list(session.scalars(select(Vehicle).where(Vehicle.case_id == case_id)
                                    .order_by(Vehicle.id)))
    return case_search_text(case, persons, vehicles, scrub)


def refresh_search_text(session: Session, case_id: int) -> None:
    """Recompute ``Case.search_text`` from the flushed rows (no version bump of the case)."""
    session.flush()
    case = session.get(Case, case_id)
    if case is None:
        return
    text = text_of_case(session, case_id)
    table = Case.__table__  # a Core update: no version bump of the case
    assert isinstance(table, Table)
    session.execute(update(table).where(table.c.id == case_id).values(search_text=text))
    session.expire(case, ["search_text"])
