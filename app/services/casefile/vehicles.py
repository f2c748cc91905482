"""Vehicles of a case: suspect vehicles 1/2/…, the victim's vehicle, witnesses' vehicles.

Plate and appearance change during an investigation (plate found; plate removed, repainted —
Case B); every change keeps its history with ``known_at``.
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from app.i18n import _
from app.models import Vehicle
from app.models.enums import VehicleKind, VehicleRole
from app.services.casefile import fields
from app.services.casefile.dto import ChangeNote, VehicleDTO, VehicleInput
from app.services.casefile.history import create_record, delete_record, update_record
from app.services.casefile.search_text import refresh_search_text
from app.services.common import code_labels
from app.services.common.context import Actor
from app.services.common.errors import ValidationError

# 湘B12345, 湘B·1234D, 湘BD12345 (new-energy), trailers/police suffixes; partial plates are
# common in practice ("湘B1?3"), so only the characters are checked, not the full pattern.
_PLATE = re.compile(r"^[\w\u4e00-\u9fff·.\-?*]{2,12}$")


def vehicle_dto(v: Vehicle) -> VehicleDTO:
    return VehicleDTO(id=v.id, case_id=v.case_id, version=v.version,
                      **fields.from_row(VehicleInput, v))


def vehicle_input(dto: VehicleDTO) -> VehicleInput:
    """The form values of an existing vehicle (edit with ``dataclasses.replace``)."""
    return fields.input_of(VehicleInput, dto)


def _values(data: VehicleInput) -> dict[str, object]:
    errors: dict[str, str] = {}
    if data.role not in VehicleRole._value2member_map_:
        errors["role"] = _("Choose the vehicle's role in the case.")
    if data.kind not in VehicleKind._value2member_map_:
        errors["kind"] = _("Choose the kind of vehicle.")
    values = fields.cleaned(data)
    plate = (data.plate or "").strip().upper().replace(" ", "") or None
    if plate and not _PLATE.match(plate):
        errors["plate"] = _("The plate number may hold only letters, digits, Chinese characters "
                            "and · (use ? for unknown characters).")
    if plate and data.unlicensed:
        errors["plate"] = _("A vehicle cannot both carry a plate and be unlicensed.")
    if errors:
        raise ValidationError(errors)
    return values | {"plate": plate}


def add_vehicle(session: Session, actor: Actor, case_id: int, data: VehicleInput,
                note: ChangeNote | None = None) -> VehicleDTO:
    vehicle = create_record(session, actor, case_id, Vehicle, _values(data), entity="vehicle",
                            note=note)
    refresh_search_text(session, case_id)
    return vehicle_dto(vehicle)


def update_vehicle(session: Session, actor: Actor, vehicle_id: int, data: VehicleInput, *,
                   expected_version: int | None, note: ChangeNote | None = None) -> VehicleDTO:
    """Save the form; e.g. plate removed / repainted: pass ``note`` with reason and known_at."""
    vehicle = update_record(session, actor, Vehicle, vehicle_id, _values(data), entity="vehicle",
                            expected_version=expected_version, note=note)
    refresh_search_text(session, vehicle.case_id)
    return vehicle_dto(vehicle)


def delete_vehicle(session: Session, actor: Actor, vehicle_id: int, *,
                   expected_version: int | None = None, reason: str = "") -> None:
    vehicle = session.get(Vehicle, vehicle_id)
    summary = {"role": vehicle.role, "kind": vehicle.kind, "plate": vehicle.plate} if vehicle else {}
    case_id = delete_record(session, actor, Vehicle, vehicle_id, entity="vehicle",
                            expected_version=expected_version, reason=reason, summary=summary)
    refresh_search_text(session, case_id)


def vehicle_label(v: Vehicle) -> str:
    plate = v.plate or (_("unlicensed") if v.unlicensed else _("plate unknown"))
    kind = code_labels.label("vehicle_kind", v.kind)  # the reader's language, never the code
    return f"{v.colour}{kind} ({plate})" if v.colour else f"{kind} ({plate})"
