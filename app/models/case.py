"""The case file: case, persons, vehicles, attribute history, meetings, inquiries, timeline."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Column, Float, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Timestamped, Versioned
from app.models.types import UTCDateTime, utcnow

if TYPE_CHECKING:  # resolved by name at mapping time
    from app.models.evidence import Observation


class Case(Versioned, Timestamped, Base):
    __tablename__ = "case_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str] = mapped_column(String(40), unique=True)  # 石峰-2023-0117
    title: Mapped[str] = mapped_column(String(200))
    occurred_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    # The shown zone; the default is clock.DEFAULT_TZ (models sit below services: a test keeps
    # the two equal).
    tz: Mapped[str] = mapped_column(String(40), default="Asia/Shanghai")
    reported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    address: Mapped[str] = mapped_column(String(200), default="")
    district: Mapped[str] = mapped_column(String(64), default="", index=True)
    road: Mapped[str] = mapped_column(String(100), default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    direction_of_travel: Mapped[str] = mapped_column(String(64), default="")
    light: Mapped[str] = mapped_column(String(64), default="")    # 夜间无路灯 / 黎明 / 白天
    weather: Mapped[str] = mapped_column(String(64), default="")
    casualty_summary: Mapped[str] = mapped_column(Text, default="")
    narrative: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(24), default="reported", index=True)
    lead_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"), index=True)
    squad_id: Mapped[int | None] = mapped_column(ForeignKey("squad.id"), index=True)
    solved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Denormalised lower-cased text of the case, its persons and vehicles; kept by services
    # for substring search (Chinese 2-character terms need LIKE, see DESIGN.md).
    search_text: Mapped[str] = mapped_column(Text, default="")
    # A read-only case imported from an anonymized training package.
    is_training: Mapped[bool] = mapped_column(Boolean, default=False)
    training_package_sha256: Mapped[str | None] = mapped_column(String(64))

    persons: Mapped[list[Person]] = relationship(back_populates="case", cascade="all, delete-orphan")
    vehicles: Mapped[list[Vehicle]] = relationship(back_populates="case", cascade="all, delete-orphan")
    meetings: Mapped[list[Meeting]] = relationship(back_populates="case", cascade="all, delete-orphan")
    inquiries: Mapped[list[Inquiry]] = relationship(back_populates="case", cascade="all, delete-orphan")
    events: Mapped[list[TimelineEvent]] = relationship(back_populates="case", cascade="all, delete-orphan")
    status_changes: Mapped[list[CaseStatusChange]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseStatusChange.id"
    )


class CaseStatusChange(Base):
    """Every workflow transition: who, when, why."""

    __tablename__ = "case_status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    reason: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship(back_populates="status_changes")


class Person(Versioned, Timestamped, Base):
    """A person with a role in a case; identity may start unknown (description only)."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(24))  # enums.PersonRole
    name: Mapped[str | None] = mapped_column(String(64))  # None while unidentified
    gender: Mapped[str] = mapped_column(String(8), default="")
    age: Mapped[int | None] = mapped_column(Integer)
    id_number: Mapped[str | None] = mapped_column(String(32))
    phone: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")  # 体貌特征 while unknown
    identified: Mapped[bool] = mapped_column(Boolean, default=False)
    identified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    case: Mapped[Case] = relationship(back_populates="persons")


class Vehicle(Versioned, Timestamped, Base):
    __tablename__ = "vehicle"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(24))  # enums.VehicleRole
    kind: Mapped[str] = mapped_column(String(32))  # enums.VehicleKind
    colour: Mapped[str] = mapped_column(String(32), default="")
    plate: Mapped[str | None] = mapped_column(String(32))  # None = unknown
    unlicensed: Mapped[bool] = mapped_column(Boolean, default=False)  # 无牌
    make_model: Mapped[str] = mapped_column(String(100), default="")
    features: Mapped[str] = mapped_column(Text, default="")  # 车斗内有数个桶
    damage: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship(back_populates="vehicles")


class AttributeChange(Base):
    """History of a fact in the case file: who changed which field from what to what.

    ``known_at`` is when the investigation learned the fact (defaults to ``changed_at``);
    trainer replay uses it to show the file "as it was known then".
    """

    __tablename__ = "attribute_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    entity_type: Mapped[str] = mapped_column(String(24))  # case / person / vehicle / inquiry
    entity_id: Mapped[int] = mapped_column(Integer, index=True)
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    known_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[int | None] = mapped_column(ForeignKey("timeline_event.id", ondelete="SET NULL"))


class Meeting(Versioned, Timestamped, Base):
    """案情分析会: a case-analysis meeting that deploys lines of inquiry."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    held_at: Mapped[datetime] = mapped_column(UTCDateTime)
    location: Mapped[str] = mapped_column(String(200), default="")
    chair: Mapped[str] = mapped_column(String(64), default="")
    attendees: Mapped[str] = mapped_column(Text, default="")   # one name per line
    decisions: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship(back_populates="meetings")
    inquiries: Mapped[list[Inquiry]] = relationship(back_populates="meeting")


class Inquiry(Versioned, Timestamped, Base):
    """侦查方向/工作组: a line of inquiry worked by a team."""

    __tablename__ = "inquiry"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    team: Mapped[str] = mapped_column(String(64))          # 第一组
    objective: Mapped[str] = mapped_column(Text)           # 查明两轮电动车去向
    members: Mapped[str] = mapped_column(Text, default="")  # one name per line
    status: Mapped[str] = mapped_column(String(16), default="open")  # enums.InquiryStatus
    findings: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship(back_populates="inquiries")
    meeting: Mapped[Meeting | None] = relationship(back_populates="inquiries")


event_person = Table(
    "event_person", Base.metadata,
    Column("event_id", ForeignKey("timeline_event.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("person.id", ondelete="CASCADE"), primary_key=True),
)
event_vehicle = Table(
    "event_vehicle", Base.metadata,
    Column("event_id", ForeignKey("timeline_event.id", ondelete="CASCADE"), primary_key=True),
    Column("vehicle_id", ForeignKey("vehicle.id", ondelete="CASCADE"), primary_key=True),
)
# "rests on": an inference rests on observations/events; an action rests on an inference.
event_basis = Table(
    "event_basis", Base.metadata,
    Column("event_id", ForeignKey("timeline_event.id", ondelete="CASCADE"), primary_key=True),
    Column("basis_event_id", ForeignKey("timeline_event.id", ondelete="CASCADE"), primary_key=True),
)
event_observation = Table(
    "event_observation", Base.metadata,
    Column("event_id", ForeignKey("timeline_event.id", ondelete="CASCADE"), primary_key=True),
    Column("observation_id", ForeignKey("observation.id", ondelete="CASCADE"), primary_key=True),
)


class TimelineEvent(Versioned, Timestamped, Base):
    """Any dated fact of the case: accident, sighting, inference, action, arrest, ..."""

    __tablename__ = "timeline_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    kind: Mapped[str] = mapped_column(String(24))  # enums.EventKind
    title: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    inquiry_id: Mapped[int | None] = mapped_column(ForeignKey("inquiry.id", ondelete="SET NULL"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    case: Mapped[Case] = relationship(back_populates="events")
    persons: Mapped[list[Person]] = relationship(secondary=event_person)
    vehicles: Mapped[list[Vehicle]] = relationship(secondary=event_vehicle)
    basis: Mapped[list[TimelineEvent]] = relationship(
        secondary=event_basis,
        primaryjoin=lambda: TimelineEvent.id == event_basis.c.event_id,
        secondaryjoin=lambda: TimelineEvent.id == event_basis.c.basis_event_id,
    )
    observations: Mapped[list[Observation]] = relationship(secondary=event_observation)
