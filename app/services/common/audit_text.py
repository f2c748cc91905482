"""The audit log in plain words: actions as sentences, records by name or number, details as
fields, times in the case's zone with the zone named — in the reader's language.

The audit rows keep codes (``evidence.view``, ``case`` 3, ``{"to": "solved"}``); everything here
turns them into words at read time, so the same row reads in Chinese for one reader and in
English for the next (the stored row and its hash never change).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from app.models import Camera, Case, EvidenceItem, Officer, Squad, User
from app.services.common import code_labels, coded_text
from app.services.common.audit_log import AuditRow
from app.services.common.clock import DEFAULT_TZ, format_local


@dataclass(frozen=True)
class AuditLine:
    """One audit row as a reader sees it."""

    row: AuditRow
    time: str                            # "2023-11-28 14:20:05"
    zone: str                            # "北京时间" / "Europe/Berlin"
    user: str                            # display name
    action: str                          # "viewed evidence"
    record: str                          # "证据 #5 天桥街北口.mp4"
    fields: tuple[tuple[str, str], ...]  # (label, value) of the details

    @property
    def sentence(self) -> str:
        return _("{time} ({zone}): {user} — {action}: {record}", time=self.time,
                 zone=self.zone, user=self.user, action=self.action, record=self.record)


def _actions() -> dict[str, str]:
    return {
        "auth.login": _("signed in"), "auth.logout": _("signed out"),
        "auth.idle_lock": _("locked after inactivity"), "auth.manual_lock": _("locked the screen"),
        "auth.login_failed": _("failed to sign in"),
        "auth.login_refused_locked": _("sign-in refused (account locked)"),
        "case.create": _("created the case"), "case.update": _("changed the case"),
        "case.delete": _("deleted the case"), "case.status": _("changed the case status"),
        "case.read": _("opened the case"),
        "person.create": _("added a person"), "person.update": _("changed a person"),
        "person.delete": _("removed a person"),
        "vehicle.create": _("added a vehicle"), "vehicle.update": _("changed a vehicle"),
        "vehicle.delete": _("removed a vehicle"),
        "event.create": _("added a timeline event"), "event.update": _("changed a timeline event"),
        "event.delete": _("removed a timeline event"), "event.relink": _("relinked an event"),
        "meeting.create": _("recorded a meeting"), "meeting.update": _("changed a meeting"),
        "meeting.delete": _("removed a meeting"),
        "inquiry.create": _("deployed a team"), "inquiry.update": _("changed a team's work"),
        "inquiry.delete": _("removed a team"),
        "evidence.import": _("imported evidence"), "evidence.view": _("viewed evidence"),
        "evidence.export": _("exported from evidence"),
        "evidence.verify": _("verified evidence (SHA-256)"),
        "evidence.verify_failed": _("evidence verification FAILED"),
        "evidence.update": _("changed evidence details"),
        "evidence.filters": _("saved enhancement settings"),
        "observation.create": _("marked an observation"),
        "observation.update": _("changed an observation"),
        "observation.delete": _("removed an observation"),
        "camera.create": _("added a camera"), "camera.update": _("changed a camera"),
        "camera.offset": _("set a camera clock offset"),
        "camera.offset_delete": _("removed a camera clock offset"),
        "callout.create": _("recorded a call-out"), "callout.update": _("changed a call-out"),
        "callout.delete": _("removed a call-out"), "callout.demo_seed": _("seeded demo call-outs"),
        "officer.create": _("added an officer"), "officer.update": _("changed an officer"),
        "squad.create": _("added a squad"), "squad.update": _("changed a squad"),
        "user.create": _("created a user account"), "user.update": _("changed a user account"),
        "user.unlock": _("unlocked a user account"),
        "user.reset_password": _("reset a password"),
        "user.change_password": _("changed their password"),
        "review.comment": _("commented on the case"),
        "review.approve_close": _("approved closing the case"),
        "report.export_pdf": _("exported the case PDF"),
        "report.stats": _("exported statistics"),
        "training.replay": _("ran a training replay"), "training.export": _("exported a "
                                                                            "training package"),
        "training.import": _("imported a training package"),
        "training.question_add": _("set a training question"),
        "training.question_delete": _("removed a training question"),
        "admin.verify": _("verified the database and evidence"),
        "admin.backup": _("made a backup"), "admin.restore": _("restored a backup"),
    }


def _kinds() -> dict[str, str]:
    return {
        "case": _("Case"), "person": _("Person"), "vehicle": _("Vehicle"), "event": _("Event"),
        "meeting": _("Meeting"), "inquiry": _("Team"), "evidence": _("Evidence"),
        "observation": _("Observation"), "camera": _("Camera"), "callout": _("Call-out"),
        "officer": _("Officer"), "squad": _("Squad"), "user": _("User"),
        "review_comment": _("Review comment"), "training_question": _("Training question"),
        "data_dir": _("Data directory"),
    }


def _keys() -> dict[str, str]:
    return {
        "sha256": "SHA-256", "detail": _("Detail"), "reason": _("Reason"),
        "changes": _("Changes"), "from": _("From"), "to": _("To"), "at": _("At"),
        "case_no": _("Case no."), "text": _("Text"), "anonymized": _("Anonymized"),
        "steps": _("Steps"), "path": _("File"), "frames": _("Frames"),
        "frame_index": _("Frame"), "end_frame": _("Last frame"), "out_sha256": _("Output SHA-256"),
        "original_path": _("Original file"), "camera_id": _("Camera"), "ok": _("Passed"),
        "errors": _("Errors"), "warnings": _("Warnings"), "audit_rows": _("Audit rows"),
        "evidence_files": _("Evidence files"), "cancelled": _("Cancelled"),
        "first": _("First problem"), "badge_no": _("Badge no."), "code": _("Code"),
        "username": _("User name"), "offset_s": _("Offset (s)"), "actual": _("Actual SHA-256"),
        **code_labels.labels("field"),
    }


_VALUE_TABLES = {"status": "status", "from": "status", "to": "status",
                 "acquisition": "acquisition", "colour": None}


def zone_name(tz: str) -> str:
    """Beijing time named as officers say it; any other zone by its IANA name."""
    return _("Beijing time") if tz in (DEFAULT_TZ, "Asia/Chongqing", "PRC") else tz


def _value(key: str, value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool) or value in ("true", "false"):
        return _("yes") if value in (True, "true") else _("no")
    if isinstance(value, dict):
        return coded_text.render(value) if "code" in value else "；".join(
            f"{_keys().get(k, k)} {_value(k, v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "、".join(_value(key, v) for v in value)
    table = _VALUE_TABLES.get(key)
    text = str(value)
    if key == "detail":
        return coded_text.render(text)
    return code_labels.label(table, text) if table else text


def _fields(payload: dict) -> tuple[tuple[str, str], ...]:
    keys = _keys()
    out: list[tuple[str, str]] = []
    for key, value in payload.items():
        if key == "changes" and isinstance(value, dict):
            for field, pair in value.items():
                old, new = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
                name = keys.get(field) or str(field)
                out.append((name, f"{_value(field, old)} → {_value(field, new)}"))
            continue
        out.append((keys.get(key, key), _value(key, value)))
    return tuple(out)


def _names(session: Session, rows: list[AuditRow]) -> dict[tuple[str, int], str]:
    """Record labels by (entity type, id): case numbers, user and officer names, file names."""
    wanted: dict[str, set[int]] = {"user": {r.user_id for r in rows if r.user_id is not None}}
    for r in rows:
        if r.entity_id is not None:
            wanted.setdefault(r.entity_type, set()).add(r.entity_id)
        if r.case_id is not None:
            wanted.setdefault("case", set()).add(r.case_id)
    queries = {"case": (Case.id, Case.case_no), "user": (User.id, User.display_name),
               "officer": (Officer.id, Officer.name), "squad": (Squad.id, Squad.name),
               "camera": (Camera.id, Camera.name),
               "evidence": (EvidenceItem.id, EvidenceItem.original_name)}
    names: dict[tuple[str, int], str] = {}
    for kind, (col_id, col_name) in queries.items():
        ids = wanted.get(kind)
        if ids:
            for i, name in session.execute(select(col_id, col_name).where(col_id.in_(ids))):
                names[(kind, i)] = name
    return names


def _zones(session: Session, rows: list[AuditRow]) -> dict[int, str]:
    ids = {r.case_id for r in rows if r.case_id is not None}
    return dict(session.execute(select(Case.id, Case.tz).where(Case.id.in_(ids))).all()) \
        if ids else {}


def local_time(at: datetime, tz: str | None) -> str:
    return format_local(at, tz, "%Y-%m-%d %H:%M:%S")


def _user(names: dict[tuple[str, int], str], r: AuditRow) -> str:
    if r.user_id is None:
        return _("system") if r.username in ("", "system", None) else r.username
    return names.get(("user", r.user_id), r.username)


def describe(session: Session, rows: Iterable[AuditRow]) -> list[AuditLine]:
    """``rows`` in plain words (reading needs no permission beyond having the rows)."""
    rows = list(rows)
    names, zones = _names(session, rows), _zones(session, rows)
    actions, kinds = _actions(), _kinds()
    lines = []
    for r in rows:
        tz = zones.get(r.case_id, DEFAULT_TZ) if r.case_id is not None else DEFAULT_TZ
        kind = kinds.get(r.entity_type, r.entity_type)
        if r.entity_id is None:
            record = kind
        elif (r.entity_type, r.entity_id) in names:
            number = "" if r.entity_type in ("case", "user") else f" #{r.entity_id}"
            record = f"{kind}{number} {names[(r.entity_type, r.entity_id)]}"
        else:
            record = f"{kind} #{r.entity_id}"
        if r.case_id is not None and r.entity_type != "case" and ("case", r.case_id) in names:
            record += _(" (case {no})", no=names[("case", r.case_id)])
        lines.append(AuditLine(r, local_time(r.at, tz), zone_name(tz),
                               _user(names, r), actions.get(r.action, r.action),
                               record, _fields(r.payload)))
    return lines
