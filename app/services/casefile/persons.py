"""Persons with a role in a case (victim, suspect, witness, reporting party).

Identity may start unknown (description only) and become known later; every change keeps its
history (who, when, old → new, when the fact became known).
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy.orm import Session

from app.i18n import _
from app.models import Person
from app.models.enums import PersonRole
from app.models.types import utcnow
from app.services.casefile import fields
from app.services.casefile.dto import ChangeNote, PersonDTO, PersonInput
from app.services.casefile.history import create_record, delete_record, update_record
from app.services.casefile.search_text import refresh_search_text
from app.services.common.context import Actor
from app.services.common.errors import ValidationError

_ID_NUMBER = re.compile(r"^(\d{17}[\dXx]|\d{15})$")
_PHONE = re.compile(r"^[\d\-+ ()]{3,20}$")


def person_dto(p: Person) -> PersonDTO:
    return PersonDTO(id=p.id, case_id=p.case_id, version=p.version,
                     **fields.from_row(PersonInput, p))


def person_input(dto: PersonDTO) -> PersonInput:
    """The form values of an existing person (edit with ``dataclasses.replace``)."""
    return fields.input_of(PersonInput, dto)


def _values(data: PersonInput, note: ChangeNote | None) -> dict[str, object]:
    errors: dict[str, str] = {}
    if data.role not in PersonRole._value2member_map_:
        errors["role"] = _("Choose the person's role in the case.")
    name = (data.name or "").strip() or None
    if data.identified and not name:
        errors["name"] = _("An identified person needs a name.")
    if not name and not data.identified and not data.description.strip():
        errors["description"] = _("Describe an unidentified person (appearance, clothing, age).")
    if data.age is not None and not 0 <= data.age <= 130:
        errors["age"] = _("The age must be between 0 and 130.")
    id_number = (data.id_number or "").strip().upper() or None
    if id_number and not _ID_NUMBER.match(id_number):
        errors["id_number"] = _("An ID card number has 18 characters (or 15 digits).")
    phone = (data.phone or "").strip() or None
    if phone and not _PHONE.match(phone):
        errors["phone"] = _("The phone number may hold only digits, spaces and -+().")
    identified_at: datetime | None = data.identified_at
    if identified_at is not None and identified_at.tzinfo is None:
        errors["identified_at"] = _("The time must include a time zone.")
    if errors:
        raise ValidationError(errors)
    if not data.identified:
        identified_at = None
    elif identified_at is None:  # identified now (or when the note says it became known)
        identified_at = (note.known_at if note else None) or utcnow()
    return fields.cleaned(data) | {"id_number": id_number, "identified_at": identified_at}


def add_person(session: Session, actor: Actor, case_id: int, data: PersonInput,
               note: ChangeNote | None = None) -> PersonDTO:
    values = _values(data, note)
    person = create_record(session, actor, case_id, Person, values, entity="person", note=note)
    refresh_search_text(session, case_id)
    return person_dto(person)


def update_person(session: Session, actor: Actor, person_id: int, data: PersonInput, *,
                  expected_version: int | None, note: ChangeNote | None = None) -> PersonDTO:
    """Save the form; e.g. an unknown victim identified: pass ``note.known_at`` = when."""
    values = _values(data, note)
    person = update_record(session, actor, Person, person_id, values, entity="person",
                           expected_version=expected_version, note=note)
    refresh_search_text(session, person.case_id)
    return person_dto(person)


def delete_person(session: Session, actor: Actor, person_id: int, *,
                  expected_version: int | None = None, reason: str = "") -> None:
    person = session.get(Person, person_id)
    summary = {"role": person.role, "name": person.name} if person else {}
    case_id = delete_record(session, actor, Person, person_id, entity="person",
                            expected_version=expected_version, reason=reason, summary=summary)
    refresh_search_text(session, case_id)
