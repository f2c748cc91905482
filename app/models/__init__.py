"""SQLAlchemy models (Qt-free). Import everything so metadata is complete."""

from app.models.base import Base
from app.models.case import (
    AttributeChange,
    Case,
    CaseStatusChange,
    Inquiry,
    Meeting,
    Person,
    TimelineEvent,
    Vehicle,
    event_basis,
    event_observation,
    event_person,
    event_vehicle,
)
from app.models.evidence import Camera, CameraClockOffset, CustodyEvent, EvidenceItem, Observation
from app.models.org import Officer, Squad, User
from app.models.osd import OsdProfile, OsdReading
from app.models.records import (
    AuditEntry,
    AuditHead,
    CallOut,
    ReviewComment,
    TrainingQuestion,
    callout_officer,
)
from app.models.scan import EvidenceScan

__all__ = [
    "AttributeChange", "AuditEntry", "AuditHead", "Base", "CallOut", "Camera", "CameraClockOffset", "Case",
    "CaseStatusChange", "CustodyEvent", "EvidenceItem", "EvidenceScan", "Inquiry", "Meeting",
    "Observation", "Officer", "OsdProfile", "OsdReading", "Person", "ReviewComment", "Squad",
    "TimelineEvent", "TrainingQuestion", "User",
    "Vehicle", "callout_officer", "event_basis", "event_observation", "event_person",
    "event_vehicle",
]
