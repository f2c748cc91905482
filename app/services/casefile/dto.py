"""Frozen data transfer objects of the case file (what services return and accept).

Outputs (``*DTO``, ``CaseSummary``, ``CaseDetail``) are snapshots: never live ORM objects.
Datetimes are aware (UTC); show them in the case's ``tz``. Editable DTOs carry ``version``:
pass it back as ``expected_version`` when updating (optimistic locking → ConflictError).
Inputs (``*Input``) are what a form holds; services validate them (→ ValidationError).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.services.common.clock import DEFAULT_TZ

# --------------------------------------------------------------------------------- case list


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One row of the case list."""

    id: int
    case_no: str
    title: str
    status: str                    # enums.CaseStatus value
    occurred_at: datetime | None
    reported_at: datetime | None
    tz: str
    district: str
    road: str
    address: str
    lead_officer_id: int | None
    lead_officer_name: str
    squad_id: int | None
    squad_name: str
    vehicle_kinds: tuple[str, ...]  # enums.VehicleKind values, distinct, in vehicle order
    person_count: int
    vehicle_count: int
    inquiry_count: int
    open_inquiry_count: int        # open or active
    solved_at: datetime | None
    closed_at: datetime | None
    is_training: bool
    updated_at: datetime | None
    version: int


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """What the case list shows. Every field narrows; None/empty means "any"."""

    statuses: tuple[str, ...] = ()
    date_from: datetime | None = None   # occurred_at >= date_from (aware)
    date_to: datetime | None = None     # occurred_at < date_to (aware)
    officer_id: int | None = None       # lead officer
    squad_id: int | None = None
    text: str = ""                      # substrings (space separated, all must match)
    include_training: bool = True
    sort: str = "occurred_at"           # one of search.SORT_KEYS
    descending: bool = True
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class CasePage:
    total: int                          # rows matching the filter (ignoring limit/offset)
    items: tuple[CaseSummary, ...]


# ------------------------------------------------------------------------------ case details


@dataclass(frozen=True, slots=True)
class PersonDTO:
    id: int
    case_id: int
    role: str                      # enums.PersonRole value
    name: str | None               # None while unidentified
    gender: str
    age: int | None
    id_number: str | None
    phone: str | None
    address: str
    description: str
    identified: bool
    identified_at: datetime | None
    version: int

    @property
    def label(self) -> str:
        """Name, or the description while the identity is unknown."""
        return self.name or (self.description.splitlines()[0] if self.description else "")


@dataclass(frozen=True, slots=True)
class VehicleDTO:
    id: int
    case_id: int
    role: str                      # enums.VehicleRole value
    kind: str                      # enums.VehicleKind value
    colour: str
    plate: str | None              # None = unknown
    unlicensed: bool
    make_model: str
    features: str
    damage: str
    version: int


@dataclass(frozen=True, slots=True)
class MeetingDTO:
    id: int
    case_id: int
    held_at: datetime
    location: str
    chair: str
    attendees: tuple[str, ...]
    decisions: str
    inquiry_ids: tuple[int, ...]
    version: int


@dataclass(frozen=True, slots=True)
class InquiryDTO:
    id: int
    case_id: int
    meeting_id: int | None
    team: str
    objective: str
    members: tuple[str, ...]
    status: str                    # enums.InquiryStatus value
    findings: str
    event_count: int
    version: int


@dataclass(frozen=True, slots=True)
class EventDTO:
    """A dated fact; ``basis_ids``/``observation_ids`` are what an inference/action rests on."""

    id: int
    case_id: int
    occurred_at: datetime
    kind: str                      # enums.EventKind value
    title: str
    detail: str
    location: str
    inquiry_id: int | None
    meeting_id: int | None
    person_ids: tuple[int, ...]
    vehicle_ids: tuple[int, ...]
    basis_ids: tuple[int, ...]
    observation_ids: tuple[int, ...]
    version: int


@dataclass(frozen=True, slots=True)
class StatusChangeDTO:
    id: int
    case_id: int
    from_status: str | None
    to_status: str
    changed_at: datetime
    changed_by_id: int | None
    changed_by_name: str           # display name; "系统"/"system" for the system actor
    reason: str


@dataclass(frozen=True, slots=True)
class AttributeChangeDTO:
    """One change of one field: old → new, who, when done, when the fact became known."""

    id: int
    case_id: int
    entity_type: str               # case / person / vehicle / inquiry
    entity_id: int
    field: str
    old_value: str | None
    new_value: str | None
    changed_at: datetime
    known_at: datetime
    changed_by_id: int | None
    changed_by_name: str
    reason: str
    event_id: int | None


@dataclass(frozen=True, slots=True)
class CaseDetail:
    """Everything on the case file, for the editor tabs, ``show --json`` and reports."""

    id: int
    case_no: str
    title: str
    status: str
    occurred_at: datetime | None
    reported_at: datetime | None
    tz: str
    address: str
    district: str
    road: str
    lat: float | None
    lon: float | None
    direction_of_travel: str
    light: str
    weather: str
    casualty_summary: str
    narrative: str
    lead_officer_id: int | None
    lead_officer_name: str
    squad_id: int | None
    squad_name: str
    solved_at: datetime | None
    closed_at: datetime | None
    is_training: bool
    created_at: datetime
    updated_at: datetime
    version: int
    next_statuses: tuple[str, ...]          # legal transitions from ``status``
    persons: tuple[PersonDTO, ...] = ()
    vehicles: tuple[VehicleDTO, ...] = ()
    meetings: tuple[MeetingDTO, ...] = ()
    inquiries: tuple[InquiryDTO, ...] = ()
    events: tuple[EventDTO, ...] = ()       # by occurred_at
    status_history: tuple[StatusChangeDTO, ...] = ()
    changes: tuple[AttributeChangeDTO, ...] = ()  # attribute history, oldest first


# ------------------------------------------------------------------------------------ inputs


@dataclass(frozen=True, slots=True)
class CaseInput:
    case_no: str
    title: str
    occurred_at: datetime | None = None
    reported_at: datetime | None = None
    tz: str = DEFAULT_TZ
    address: str = ""
    district: str = ""
    road: str = ""
    lat: float | None = None
    lon: float | None = None
    direction_of_travel: str = ""
    light: str = ""
    weather: str = ""
    casualty_summary: str = ""
    narrative: str = ""
    lead_officer_id: int | None = None
    squad_id: int | None = None


@dataclass(frozen=True, slots=True)
class PersonInput:
    role: str
    name: str | None = None
    gender: str = ""
    age: int | None = None
    id_number: str | None = None
    phone: str | None = None
    address: str = ""
    description: str = ""
    identified: bool = False
    identified_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class VehicleInput:
    role: str
    kind: str
    colour: str = ""
    plate: str | None = None
    unlicensed: bool = False
    make_model: str = ""
    features: str = ""
    damage: str = ""


@dataclass(frozen=True, slots=True)
class MeetingInput:
    held_at: datetime
    location: str = ""
    chair: str = ""
    attendees: tuple[str, ...] = ()
    decisions: str = ""


@dataclass(frozen=True, slots=True)
class InquiryInput:
    team: str
    objective: str
    members: tuple[str, ...] = ()
    status: str = "open"
    findings: str = ""
    meeting_id: int | None = None


@dataclass(frozen=True, slots=True)
class EventInput:
    occurred_at: datetime
    kind: str
    title: str
    detail: str = ""
    location: str = ""
    inquiry_id: int | None = None
    meeting_id: int | None = None
    person_ids: tuple[int, ...] = ()
    vehicle_ids: tuple[int, ...] = ()
    basis_ids: tuple[int, ...] = ()
    observation_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ChangeNote:
    """Why and when a fact was learned, for the attribute history of an update."""

    reason: str = ""
    known_at: datetime | None = None   # default: now
    event_id: int | None = None        # the timeline event that established it
