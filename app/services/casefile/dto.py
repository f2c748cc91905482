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
    only: tuple[int, ...] | None = None  # these case ids (a trainer's anonymized text search)


@dataclass(frozen=True, slots=True)
class CasePage:
    total: int                          # rows matching the filter (ignoring limit/offset)
    items: tuple[CaseSummary, ...]


# ------------------------------------------------------------------------------ case details


# ------------------------------------------------------- record fields (one declaration each)
# Each field of a case, person, vehicle, meeting, line of inquiry or timeline event is declared
# once here (see :mod:`fields`): the DTO, the service's update list, search text, training
# packages, the record forms and the PDF's tables read it.


@record("person")
@dataclass(frozen=True, slots=True)
class PersonInput:
    role: str = field(metadata=spec(N_("Role"), "combo", codes="person_role", required=True,
                                    search=True, report=False))
    name: str | None = field(default=None, metadata=spec(
        N_("Name"), search=True, scrub=True, placeholder=N_("empty while unidentified"),
        report=False))
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
                                    required=True, report=False))
    kind: str = field(metadata=spec(N_("Kind"), "combo", codes="vehicle_kind", required=True,
                                    search=True))
    colour: str = field(default="", metadata=spec(N_("Colour"), search=True))
    plate: str | None = field(default=None, metadata=spec(
        N_("Plate"), search=True, scrub=True, placeholder=N_("empty while unknown")))
    unlicensed: bool = field(default=False, metadata=spec(N_("Unlicensed (no plate)"), "check",
                                                          search=True))
    make_model: str = field(default="", metadata=spec(N_("Make/model"), search=True))
    features: str = field(default="", metadata=spec(N_("Distinguishing features"), "text",
                                                    search=True, scrub=True,
                                                    short=N_("Features")))
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


@record("case")
@dataclass(frozen=True, slots=True)
class CaseInput:
    """The case's own facts (the facts tab), in the order the form shows them. ``report``:
    a row of the PDF's facts table; the cover prints the number, title, times, squad and lead
    officer, the narrative gets its own paragraphs."""

    case_no: str = field(metadata=spec(N_("Case number"), required=True, search=True,
                                       export=False, placeholder=N_("e.g. 石峰-2023-0117"),
                                       report=False))
    title: str = field(metadata=spec(N_("Case title"), required=True, search=True, scrub=True,
                                     report=False))
    occurred_at: datetime | None = field(default=None, metadata=spec(N_("Occurred at"),
                                                                     "datetime", report=False))
    reported_at: datetime | None = field(default=None, metadata=spec(N_("Reported at"),
                                                                     "datetime", report=False))
    # IANA zone the case's times are shown in; "" = the zone of the case's squad (DEFAULT_TZ
    # without a squad), resolved when the case is saved.
    tz: str = field(default="", metadata=spec(N_("Time zone"), form=False, report=False))
    # Links to the squad's records: exported to no training package, offered by the facts tab.
    squad_id: int | None = field(default=None, metadata=spec(N_("Squad"), "combo",
                                                             export=False, report=False))
    lead_officer_id: int | None = field(default=None, metadata=spec(N_("Lead officer"), "combo",
                                                                    export=False, report=False))
    district: str = field(default="", metadata=spec(N_("District"), search=True))
    road: str = field(default="", metadata=spec(N_("Road"), search=True, scrub=True))
    address: str = field(default="", metadata=spec(N_("Address"), search=True, scrub=True))
    direction_of_travel: str = field(default="", metadata=spec(
        N_("Direction of travel"), search=True, placeholder=N_("e.g. north → south")))
    light: str = field(default="", metadata=spec(N_("Light"),
                                                 placeholder=N_("e.g. dark, no street lights")))
    weather: str = field(default="", metadata=spec(N_("Weather")))
    # the scene on the canvass map (no row of the facts table)
    lat: float | None = field(default=None, metadata=spec(N_("Latitude"), "float", export=False,
                                                          minimum=-90, maximum=90, report=False))
    lon: float | None = field(default=None, metadata=spec(N_("Longitude"), "float",
                                                          export=False, minimum=-180,
                                                          maximum=180, report=False))
    casualty_summary: str = field(default="", metadata=spec(N_("Casualties"), "text",
                                                            search=True, scrub=True))
    narrative: str = field(default="", metadata=spec(N_("Narrative"), "text", search=True,
                                                     scrub=True, report=False))


@record("event")
@dataclass(frozen=True, slots=True)
class EventInput:
    """A dated fact of the timeline; the ``multi`` fields link it to other records."""

    occurred_at: datetime = field(metadata=spec(N_("When"), "datetime", required=True))
    kind: str = field(metadata=spec(N_("Kind"), "combo", codes="event_kind", required=True))
    title: str = field(metadata=spec(N_("Title"), required=True, scrub=True))
    detail: str = field(default="", metadata=spec(N_("Detail"), "text", scrub=True))
    location: str = field(default="", metadata=spec(N_("Location"), scrub=True))
    # Links to other records of the case: exported as references, offered by the timeline tab.
    inquiry_id: int | None = field(default=None, metadata=spec(N_("Line of inquiry"), "combo",
                                                               export=False))
    meeting_id: int | None = field(default=None, metadata=spec(N_("Meeting"), "combo",
                                                               export=False))
    person_ids: tuple[int, ...] = field(default=(), metadata=spec(N_("Persons"), "multi"))
    vehicle_ids: tuple[int, ...] = field(default=(), metadata=spec(N_("Vehicles"), "multi"))
    basis_ids: tuple[int, ...] = field(default=(), metadata=spec(
        N_("Rests on (observations, inferences)"), "multi"))
    observation_ids: tuple[int, ...] = field(default=(), metadata=spec(
        N_("Observations"), "multi", form=False))


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


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDTO(EventInput):
    """A dated fact: the declared fields of :class:`EventInput` plus identity;
    ``basis_ids``/``observation_ids`` are what an inference/action rests on."""

    id: int
    case_id: int
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


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseDetail(CaseInput):
    """Everything on the case file, for the editor tabs, ``show --json`` and reports: the
    declared facts of :class:`CaseInput` plus identity, workflow and the case's records."""

    id: int
    status: str
    lead_officer_name: str
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


@dataclass(frozen=True, slots=True)
class ChangeNote:
    """Why and when a fact was learned, for the attribute history of an update."""

    reason: str = ""
    known_at: datetime | None = None   # default: now
    event_id: int | None = None        # the timeline event that established it
