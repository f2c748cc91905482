"""Display names for domain codes (the DB stores codes; the UI translates them).

Use the module functions: ``status_label("solved")`` → "已破案" under zh_CN. Other views may
use them too; unknown codes come back unchanged.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from app.i18n import language


class EnumLabels(QObject):
    """Holds the translatable names (a QObject so lupdate/``tr`` have a context)."""

    def statuses(self) -> dict[str, str]:
        return {
            "reported": self.tr("Reported"), "investigating": self.tr("Investigating"),
            "suspect_identified": self.tr("Suspect identified"), "solved": self.tr("Solved"),
            "closed": self.tr("Closed"), "suspended": self.tr("Suspended"),
        }

    def person_roles(self) -> dict[str, str]:
        return {"victim": self.tr("Victim"), "suspect": self.tr("Suspect"),
                "witness": self.tr("Witness"), "reporting_party": self.tr("Reporting party")}

    def vehicle_kinds(self) -> dict[str, str]:
        return {
            "three_wheel_motorcycle": self.tr("Three-wheeled motorcycle"),
            "two_wheel_ebike": self.tr("Two-wheeled e-bike"), "motorcycle": self.tr("Motorcycle"),
            "car": self.tr("Car"), "suv": self.tr("SUV"), "van": self.tr("Van"),
            "truck": self.tr("Truck"), "bus": self.tr("Bus"), "bicycle": self.tr("Bicycle"),
            "other": self.tr("Other"),
        }

    def vehicle_roles(self) -> dict[str, str]:
        return {"suspect_1": self.tr("Suspect vehicle 1"), "suspect_2": self.tr("Suspect vehicle 2"),
                "suspect_3": self.tr("Suspect vehicle 3"), "victim": self.tr("Victim vehicle"),
                "witness": self.tr("Witness vehicle"), "other": self.tr("Other vehicle")}

    def acquisitions(self) -> dict[str, str]:
        return {"dvr_seizure": self.tr("Seized from the DVR on site"),
                "owner_sent": self.tr("Sent by the owner"),
                "platform_export": self.tr("Exported from the city video platform"),
                "other": self.tr("Other")}

    def inquiry_statuses(self) -> dict[str, str]:
        return {"open": self.tr("Open"), "active": self.tr("Active"), "done": self.tr("Done"),
                "dropped": self.tr("Dropped")}

    def event_kinds(self) -> dict[str, str]:
        return {
            "callout": self.tr("Call-out"), "accident": self.tr("Accident"),
            "scene": self.tr("Scene examination"), "meeting": self.tr("Case-analysis meeting"),
            "observation": self.tr("Observation"), "sighting": self.tr("Sighting"),
            "inference": self.tr("Inference"), "action": self.tr("Action"),
            "search": self.tr("Search"), "canvass": self.tr("Canvass"),
            "identification": self.tr("Identification"), "arrest": self.tr("Arrest"),
            "interview": self.tr("Interview"), "confession": self.tr("Confession"),
            "other": self.tr("Other"),
        }

    def entities(self) -> dict[str, str]:
        return {"case": self.tr("Case"), "person": self.tr("Person"),
                "vehicle": self.tr("Vehicle"), "inquiry": self.tr("Line of inquiry"),
                "meeting": self.tr("Meeting"), "event": self.tr("Event")}

    def fields(self) -> dict[str, str]:
        return {
            "case_no": self.tr("Case number"), "title": self.tr("Title"),
            "occurred_at": self.tr("Occurred at"), "reported_at": self.tr("Reported at"),
            "address": self.tr("Address"), "district": self.tr("District"),
            "road": self.tr("Road"), "lat": self.tr("Latitude"), "lon": self.tr("Longitude"),
            "direction_of_travel": self.tr("Direction of travel"), "light": self.tr("Light"),
            "weather": self.tr("Weather"), "casualty_summary": self.tr("Casualties"),
            "narrative": self.tr("Narrative"), "lead_officer_id": self.tr("Lead officer"),
            "squad_id": self.tr("Squad"), "status": self.tr("Status"), "role": self.tr("Role"),
            "name": self.tr("Name"), "gender": self.tr("Gender"), "age": self.tr("Age"),
            "id_number": self.tr("ID number"), "phone": self.tr("Phone"),
            "description": self.tr("Description"), "identified": self.tr("Identified"),
            "identified_at": self.tr("Identified at"), "kind": self.tr("Kind"),
            "colour": self.tr("Colour"), "plate": self.tr("Plate"),
            "unlicensed": self.tr("Unlicensed"), "make_model": self.tr("Make/model"),
            "features": self.tr("Features"), "damage": self.tr("Damage"),
            "team": self.tr("Team"), "objective": self.tr("Objective"),
            "members": self.tr("Members"), "findings": self.tr("Findings"),
            "held_at": self.tr("Held at"), "location": self.tr("Location"),
            "chair": self.tr("Chair"), "attendees": self.tr("Attendees"),
            "decisions": self.tr("Decisions"), "detail": self.tr("Detail"),
            "meeting_id": self.tr("Meeting"), "inquiry_id": self.tr("Line of inquiry"),
            "solved_at": self.tr("Solved at"), "closed_at": self.tr("Closed at"),
            "tz": self.tr("Time zone"),
        }


_cache: dict[tuple[str, str], dict[str, str]] = {}


def _group(group: str) -> dict[str, str]:
    """The names of one group, cached per UI language (the list model asks for many rows)."""
    key = (language(), group)
    if key not in _cache:
        _cache[key] = getattr(EnumLabels(), group)()
    return _cache[key]


def clear_cache() -> None:
    """Forget cached names (call after installing or removing translators)."""
    _cache.clear()


def _lookup(group: str, code: str | None) -> str:
    if code is None:
        return ""
    return _group(group).get(code, code)


def status_label(code: str) -> str:
    return _lookup("statuses", code)


def person_role_label(code: str) -> str:
    return _lookup("person_roles", code)


def vehicle_kind_label(code: str) -> str:
    return _lookup("vehicle_kinds", code)


def vehicle_role_label(code: str) -> str:
    return _lookup("vehicle_roles", code)


def inquiry_status_label(code: str) -> str:
    return _lookup("inquiry_statuses", code)


def event_kind_label(code: str) -> str:
    return _lookup("event_kinds", code)


def field_label(name: str) -> str:
    return _lookup("fields", name)


def entity_label(name: str) -> str:
    return _lookup("entities", name)


def choices(group: str) -> list[tuple[str, str]]:
    """(code, label) pairs of a group, for combo boxes: statuses, person_roles, ..."""
    return list(_group(group).items())


def local_time(value: datetime | None, tz: str = "Asia/Shanghai", fmt: str = "%Y-%m-%d %H:%M") -> str:
    """An aware UTC datetime shown in the case's zone ("" for None)."""
    if value is None:
        return ""
    try:
        zone = ZoneInfo(tz or "Asia/Shanghai")
    except (KeyError, ValueError):
        zone = ZoneInfo("Asia/Shanghai")
    return value.astimezone(zone).strftime(fmt)
