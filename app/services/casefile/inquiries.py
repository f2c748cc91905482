"""Case-analysis meetings (案情分析会) and the lines of inquiry (侦查方向/工作组) they deploy."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import Inquiry, Meeting, TimelineEvent
from app.models.enums import InquiryStatus
from app.services.casefile import fields
from app.services.casefile.dto import ChangeNote, InquiryDTO, InquiryInput, MeetingDTO, MeetingInput
from app.services.casefile.history import create_record, delete_record, update_record
from app.services.common.context import Actor
from app.services.common.errors import ValidationError


def meeting_dto(m: Meeting, inquiry_ids: tuple[int, ...] = ()) -> MeetingDTO:
    return MeetingDTO(id=m.id, case_id=m.case_id, inquiry_ids=inquiry_ids, version=m.version,
                      **fields.from_row(MeetingInput, m))


def inquiry_dto(i: Inquiry, event_count: int = 0) -> InquiryDTO:
    return InquiryDTO(id=i.id, case_id=i.case_id, event_count=event_count, version=i.version,
                      **fields.from_row(InquiryInput, i))


def inquiry_input(dto: InquiryDTO) -> InquiryInput:
    return fields.input_of(InquiryInput, dto)


def meeting_input(dto: MeetingDTO) -> MeetingInput:
    return fields.input_of(MeetingInput, dto)


# -------------------------------------------------------------------------------- meetings


def _meeting_values(data: MeetingInput) -> dict[str, object]:
    errors: dict[str, str] = {}
    if data.held_at is None:
        errors["held_at"] = _("Enter when the meeting was held.")
    elif data.held_at.tzinfo is None:
        errors["held_at"] = _("The time must include a time zone.")
    if not data.decisions.strip() and not data.attendees:
        errors["decisions"] = _("Record the attendees or the decisions of the meeting.")
    if errors:
        raise ValidationError(errors)
    return fields.cleaned(data)


def _meeting_inquiries(session: Session, meeting_id: int) -> tuple[int, ...]:
    return tuple(session.scalars(select(Inquiry.id).where(Inquiry.meeting_id == meeting_id)
                                 .order_by(Inquiry.id)))


def add_meeting(session: Session, actor: Actor, case_id: int, data: MeetingInput) -> MeetingDTO:
    meeting = create_record(session, actor, case_id, Meeting, _meeting_values(data),
                            entity="meeting", track=False)
    return meeting_dto(meeting)


def update_meeting(session: Session, actor: Actor, meeting_id: int, data: MeetingInput, *,
                   expected_version: int | None) -> MeetingDTO:
    meeting = update_record(session, actor, Meeting, meeting_id, _meeting_values(data),
                            entity="meeting", expected_version=expected_version, track=False)
    return meeting_dto(meeting, _meeting_inquiries(session, meeting_id))


def delete_meeting(session: Session, actor: Actor, meeting_id: int, *,
                   expected_version: int | None = None, reason: str = "") -> None:
    """Delete a meeting record; its lines of inquiry stay (no longer linked to it)."""
    meeting = session.get(Meeting, meeting_id)
    summary = {"held_at": meeting.held_at, "decisions": meeting.decisions} if meeting else {}
    delete_record(session, actor, Meeting, meeting_id, entity="meeting",
                  expected_version=expected_version, reason=reason, summary=summary)


# ------------------------------------------------------------------------------- inquiries


def _inquiry_values(session: Session, case_id: int, data: InquiryInput) -> dict[str, object]:
    errors: dict[str, str] = {}
    if not data.team.strip():
        errors["team"] = _("Name the team (e.g. team 1).")
    if not data.objective.strip():
        errors["objective"] = _("State the objective of the line of inquiry.")
    if data.status not in InquiryStatus._value2member_map_:
        errors["status"] = _("Unknown status of a line of inquiry: {status}", status=data.status)
    if data.status == InquiryStatus.DONE.value and not data.findings.strip():
        errors["findings"] = _("Record the findings before marking the line of inquiry done.")
    if data.meeting_id is not None:
        meeting = session.get(Meeting, data.meeting_id)
        if meeting is None or meeting.case_id != case_id:
            errors["meeting_id"] = _("The meeting does not belong to this case.")
    if errors:
        raise ValidationError(errors)
    return fields.cleaned(data)


def _event_count(session: Session, inquiry_id: int) -> int:
    return session.scalar(select(func.count()).where(TimelineEvent.inquiry_id == inquiry_id)) or 0


def add_inquiry(session: Session, actor: Actor, case_id: int, data: InquiryInput,
                note: ChangeNote | None = None) -> InquiryDTO:
    inquiry = create_record(session, actor, case_id, Inquiry,
                            _inquiry_values(session, case_id, data), entity="inquiry", note=note)
    return inquiry_dto(inquiry)


def update_inquiry(session: Session, actor: Actor, inquiry_id: int, data: InquiryInput, *,
                   expected_version: int | None, note: ChangeNote | None = None) -> InquiryDTO:
    """Save the form: status open → active → done/dropped, findings, members (with history)."""
    current = session.get(Inquiry, inquiry_id)
    case_id = current.case_id if current is not None else 0
    values = _inquiry_values(session, case_id, data) if current is not None else {}
    inquiry = update_record(session, actor, Inquiry, inquiry_id, values, entity="inquiry",
                            expected_version=expected_version, note=note)
    return inquiry_dto(inquiry, _event_count(session, inquiry_id))


def delete_inquiry(session: Session, actor: Actor, inquiry_id: int, *,
                   expected_version: int | None = None, reason: str = "") -> None:
    """Delete a line of inquiry; its timeline events stay (no longer linked to it)."""
    inquiry = session.get(Inquiry, inquiry_id)
    summary = {"team": inquiry.team, "objective": inquiry.objective} if inquiry else {}
    delete_record(session, actor, Inquiry, inquiry_id, entity="inquiry",
                  expected_version=expected_version, reason=reason, summary=summary)
