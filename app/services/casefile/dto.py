"""Frozen data transfer objects of the case file (what services return and accept).

Outputs (``*DTO``, ``CaseSummary``, ``CaseDetail``) are snapshots: never live ORM objects.
Datetimes are aware (UTC); show them in the case's ``tz``. Editable DTOs carry ``version``:
pass it back as ``expected_version`` when updating (optimistic locking → ConflictError).
Inputs (``*Input``) are what a form holds; services validate them (→ ValidationError).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.services.casefile.fields import N_, record, spec
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


# ------------------------------------------------------- record fields (one declaration each)
# Each field of a person, vehicle, meeting or line of inquiry is declared once here (see :mod:`fields`): the DTO, the
# service's update list, search text, training packages and the record form read it.


@record("person")
@dataclass(frozen=True, slots=True)
class PersonInput:
    role: str = field(metadata=spec(N_("Role"), "combo", codes="person_role", required=True,
                                    search=True))
    name: str | None = field(default=None, metadata=spec(
        N_("Name"), search=True, scrub=True, placeholder=N_("empty while unidentified")))
    identified: bool = field(default=False, metadata=spec(N_("Identity established"), "check"))
    identified_at: datetime | None = field(default=None, metadata=spec(
        N_("Identified at"), "datetime"))
    gender: str = field(default="", metadata=spec(N_("Gender"), "combo", codes="gender"))
    age: int | None = field(default=None, metadata=spec(N_("Age"), "int", maximum=130))
    id_number: str | None = field(default=None, metadata=spec(N_("ID number"), search=True,
                                                               scrub=True))
    phone: str | None = field(default=None, metadata=spec(N_("Phone"), search=True, scrub=True))
    address: str = field(default="", metadata=spec(N_("Address"), search=True, export=False))
    description: str = field(default="", metadata=spec(
        N_("Description"), "text", search=True, scrub=True,
        placeholder=N_("appearance, clothing, estimated age…")))


@record("vehicle")
@dataclass(frozen=True, slots=True)
class VehicleInput:
    role: str = field(metadata=spec(N_("Vehicle role"), "combo", codes="vehicle_role",
                                    required=True))
    kind: str = field(metadata=spec(N_("Kind"), "combo", codes="vehicle_kind", required=True,
                                    search=True))
    colour: str = field(default="", metadata=spec(N_("Colour"), search=True))
    plate: str | None = field(default=None, metadata=spec(
        N_("Plate"), search=True, scrub=True, placeholder=N_("empty while unknown")))
    unlicensed: bool = field(default=False, metadata=spec(N_("Unlicensed (no plate)"), "check",
                                                          search=True))
    make_model: str = field(default="", metadata=spec(N_("Make/model"), search=True))
    features: str = field(default="", metadata=spec(N_("Distinguishing features"), "text",
                                                    search=True, scrub=True))
    damage: str = field(default="", metadata=spec(N_("Damage"), "text", search=True,
                                                  scrub=True))


@record("meeting")
@dataclass(frozen=True, slots=True)
class MeetingInput:
    held_at: datetime = field(metadata=spec(N_("Held at"), "datetime", required=True))
    location: str = field(default="", metadata=spec(N_("Location"), scrub=True))
    chair: str = field(default="", metadata=spec(N_("Chair"), scrub=True))
    attendees: tuple[str, ...] = field(default=(), metadata=spec(
        N_("Attendees (one per line)"), "lines", scrub=True))
    decisions: str = field(default="", metadata=spec(N_("Decisions"), "text", scrub=True))


@record("inquiry")
@dataclass(frozen=True, slots=True)
class InquiryInput:
    team: str = field(metadata=spec(N_("Team"), required=True, scrub=True,
                                    placeholder=N_("e.g. team 1")))
    objective: str = field(metadata=spec(N_("Objective"), "text", required=True, scrub=True))
    members: tuple[str, ...] = field(default=(), metadata=spec(
        N_("Members (one per line)"), "lines", scrub=True))
    status: str = field(default="open", metadata=spec(N_("Status"), "combo",
                                                      codes="inquiry_status", required=True))
    findings: str = field(default="", metadata=spec(N_("Findings"), "text", scrub=True))
    # A link to another record: exported as a reference, offered from the case's meetings.
    meeting_id: int | None = field(default=None, metadata=spec(
        N_("Deployed at meeting"), "combo", export=False))


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonDTO(PersonInput):
    """A person on the case file: the declared fields of :class:`PersonInput` plus identity."""

    id: int
    case_id: int
    version: int

    @property
    def label(self) -> str:
        """Name, or the description while the identity is unknown."""
        return self.name or (self.description.splitlines()[0] if self.description else "")


@dataclass(frozen=True, slots=True, kw_only=True)
class VehicleDTO(VehicleInput):
    """A vehicle on the case file: the declared fields of :class:`VehicleInput` plus identity."""

    id: int
    case_id: int
    version: int


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingDTO(MeetingInput):
    """A case-analysis meeting: the declared fields of :class:`MeetingInput` plus identity and
    the lines of inquiry it deployed."""

    id: int
    case_id: int
    inquiry_ids: tuple[int, ...] = ()
    version: int


@dataclass(frozen=True, slots=True, kw_only=True)
class InquiryDTO(InquiryInput):
    """A line of inquiry: the declared fields of :class:`InquiryInput` plus identity and how many
    timeline events it holds."""

    id: int
    case_id: int
    event_count: int = 0
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
